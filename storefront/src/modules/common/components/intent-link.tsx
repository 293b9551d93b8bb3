"use client"

import Link from "next/link"
import { ComponentProps, useState } from "react"

/**
 * A link that prefetches its page once the shopper shows intent (pointer over it, keyboard focus,
 * a touch), not as soon as it is on screen. For the links every page repeats (header, footer,
 * chips, lookbook strip): prefetched on sight they cost the storefront about 20 route renders per
 * page view, several times the page itself, whichever link the shopper then follows.
 */
export default function IntentLink({ onMouseEnter, onFocus, onTouchStart, ...props }: Omit<ComponentProps<typeof Link>, "prefetch">) {
  const [intent, setIntent] = useState(false)
  return (
    <Link
      {...props}
      // null is Next's default prefetch; false until the shopper reaches for the link.
      prefetch={intent ? null : false}
      onMouseEnter={(event) => {
        setIntent(true)
        onMouseEnter?.(event)
      }}
      onFocus={(event) => {
        setIntent(true)
        onFocus?.(event)
      }}
      onTouchStart={(event) => {
        setIntent(true)
        onTouchStart?.(event)
      }}
    />
  )
}
