"use client"

import Link from "next/link"
import { useParams } from "next/navigation"

export default function LookbooksError({ reset }: { error: Error; reset: () => void }) {
  const { countryCode } = useParams<{ countryCode: string }>()
  return (
    <div className="container page">
      <div className="empty-state" role="alert">
        <h1>The lookbooks could not be loaded</h1>
        <p>This is usually brief. Try again, or browse the shop in the meantime.</p>
        <p style={{ display: "flex", gap: "1rem", justifyContent: "center", flexWrap: "wrap" }}>
          <button type="button" className="button" onClick={reset}>
            Try again
          </button>
          <Link href={`/${countryCode}/store`} className="button button--secondary">
            Go to the shop
          </Link>
        </p>
      </div>
    </div>
  )
}
