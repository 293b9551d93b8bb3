"use client"

import Link from "next/link"
import { useParams } from "next/navigation"

/**
 * What a route's error.tsx shows: what failed, what to do next, a retry and one way onward.
 * `onward.path` is relative to the shopper's country (e.g. "/store").
 */
export default function ErrorState({
  title,
  hint,
  reset,
  onward,
  contained = true,
}: {
  title: string
  hint: string
  reset: () => void
  onward: { path: string; label: string }
  /** false inside a layout that already provides the page container */
  contained?: boolean
}) {
  const { countryCode } = useParams<{ countryCode: string }>()
  const body = (
    <div className="empty-state" role="alert">
      <h1>{title}</h1>
      <p>{hint}</p>
      <p style={{ display: "flex", gap: "1rem", justifyContent: "center", flexWrap: "wrap" }}>
        <button type="button" className="button" onClick={() => reset()}>
          Try again
        </button>
        <Link href={`/${countryCode ?? ""}${onward.path}`} className="button button--secondary">
          {onward.label}
        </Link>
      </p>
    </div>
  )
  return contained ? <div className="container page">{body}</div> : body
}
