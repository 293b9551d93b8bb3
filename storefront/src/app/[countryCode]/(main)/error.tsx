"use client"

import Link from "next/link"
import { useParams } from "next/navigation"

/** Shown when a page could not load its data (e.g. the shop's backend is restarting). */
export default function MainError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const { countryCode } = useParams<{ countryCode: string }>()
  return (
    <div className="container page">
      <div className="empty-state" role="alert">
        <h1>This page could not load</h1>
        <p>The shop did not answer in time. Try again in a moment; your cart is safe.</p>
        <p style={{ display: "flex", gap: "1rem", justifyContent: "center", flexWrap: "wrap" }}>
          <button type="button" className="button" onClick={() => reset()}>
            Try again
          </button>
          <Link href={`/${countryCode ?? ""}`} className="button button--secondary">
            Go to the home page
          </Link>
        </p>
      </div>
    </div>
  )
}
