"use client"

import Link from "next/link"
import { ComponentProps, useState } from "react"

/**
 * A link that prefetches its page once the shopper shows intent (pointer over it, keyboard focus,
 * a touch), not as soon as it is on screen. For the links every page repeats (header, footer,
 * chips, lookbook strip): prefetched on sight they cost the storefront about 20 route renders per
 * page view, several times the page itself, whichever link the shopper then follows.
 */
export default function IntentLink(props: Omit<ComponentProps<typeof Link>, "prefetch" | "onMouseEnter" | "onFocus" | "onTouchStart">) {
  const [intent, setIntent] = useState(false)
  const reach = () => setIntent(true)
  // null is Next's default prefetch; false until the shopper reaches for the link.
  return <Link {...props} prefetch={intent ? null : false} onMouseEnter={reach} onFocus={reach} onTouchStart={reach} />
}
