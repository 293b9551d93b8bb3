"use client"

import { useEffect, useRef } from "react"
import { recordInteractions } from "@lib/util/interactions"

/**
 * Records one `view` (surface "pdp") of the product each time its page is opened, for the shopper's
 * recommendations. The ref keeps a re-run effect (React's strict mode) from counting it twice. Renders nothing.
 */
export default function RecordProductView({ productId }: { productId: string }) {
  const recorded = useRef<string | null>(null)
  useEffect(() => {
    if (recorded.current === productId) return
    recorded.current = productId
    recordInteractions([{ product_id: productId, kind: "view", surface: "pdp" }])
  }, [productId])
  return null
}
