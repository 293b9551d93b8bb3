"use client"

import { useEffect, useState, useTransition } from "react"

/** How often a pending transition is nudged (see useTransitionNudge). */
const NUDGE_MS = 1000

/**
 * Keeps a pending server action or navigation from hanging forever.
 *
 * The React that Next.js 15.5 ships (19.2 canary of Aug 2025) can lose the wake-up of a transition
 * that suspended on streamed RSC data: the server has answered in full, yet the update never
 * commits and the button says "Posting…" for good. It happens on busy machines, about one action
 * in ten in this repository's browser tests (vercel/next.js#98303; React fixed it in
 * facebook/react#36134). Any urgent update makes React retry its suspended transitions, so while
 * `pending` holds this makes one, once a second; a transition still waiting for data just suspends
 * again.
 */
export function useTransitionNudge(pending: boolean): void {
  const [, setBeat] = useState(0)
  useEffect(() => {
    if (!pending) return
    const timer = setInterval(() => setBeat((n) => n + 1), NUDGE_MS)
    return () => clearInterval(timer)
  }, [pending])
}

/** useTransition, nudged while pending (see useTransitionNudge). */
export function useSettlingTransition(): ReturnType<typeof useTransition> {
  const transition = useTransition()
  useTransitionNudge(transition[0])
  return transition
}
