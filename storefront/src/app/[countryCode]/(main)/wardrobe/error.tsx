"use client"

import Link from "next/link"
import { useParams } from "next/navigation"

export default function WardrobeError({ reset }: { error: Error; reset: () => void }) {
  const { countryCode } = useParams<{ countryCode: string }>()
  return (
    <div className="empty-state" role="alert">
      <h1>Your wardrobe could not be loaded</h1>
      <p>Nothing is lost: this is usually brief. Try again; if it keeps happening, sign in again.</p>
      <p style={{ display: "flex", gap: "1rem", justifyContent: "center", flexWrap: "wrap" }}>
        <button type="button" className="button" onClick={reset}>
          Try again
        </button>
        <Link href={`/${countryCode}/account`} className="button button--secondary">
          Go to your account
        </Link>
      </p>
    </div>
  )
}
