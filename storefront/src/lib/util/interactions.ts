import type { StoreInteraction } from "@curator/types/style-profile"

/**
 * Reports what the shopper did (a product page seen, a recommended card clicked) to /api/interactions,
 * in the browser. sendBeacon survives the navigation a click starts; where it is refused, a keepalive
 * fetch does the same. Never awaited and never throws: recording must not get in the shopper's way.
 */
export function recordInteractions(interactions: StoreInteraction[]): void {
  if (!interactions.length || typeof window === "undefined") return
  const body = JSON.stringify({ interactions })
  try {
    if (navigator.sendBeacon?.("/api/interactions", new Blob([body], { type: "application/json" }))) return
  } catch {
    // Some browsers refuse beacons with a JSON type; the fetch below carries it.
  }
  fetch("/api/interactions", {
    method: "POST",
    body,
    headers: { "content-type": "application/json" },
    keepalive: true,
    credentials: "same-origin",
  }).catch(() => undefined)
}
