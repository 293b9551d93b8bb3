"use client"

import { useSyncExternalStore } from "react"

const never = () => () => {}

/**
 * False in the server's HTML and during hydration, true once React owns the component.
 * Forms expose it as `data-hydrated`: input typed or a click made before then can be lost
 * when React takes over (the browser tests wait for it; so could a slow-network shopper's UI).
 */
export function useHydrated(): boolean {
  return useSyncExternalStore(
    never,
    () => true,
    () => false
  )
}
