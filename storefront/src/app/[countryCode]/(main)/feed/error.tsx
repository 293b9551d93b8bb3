"use client"

import Link from "next/link"
import { useParams } from "next/navigation"

export default function FeedError({ reset }: { error: Error; reset: () => void }) {
  const { countryCode } = useParams<{ countryCode: string }>()
  return (
    <div className="container page">
      <div className="empty-state" role="alert">
        <h1>The feed could not be loaded</h1>
        <p>This is usually brief. Try again, or have a look at the lookbooks meanwhile.</p>
        <p style={{ display: "flex", gap: "1rem", justifyContent: "center", flexWrap: "wrap" }}>
          <button type="button" className="button" onClick={reset}>
            Try again
          </button>
          <Link href={`/${countryCode}/lookbooks`} className="button button--secondary">
            See lookbooks
          </Link>
        </p>
      </div>
    </div>
  )
}
