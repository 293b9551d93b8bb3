"use client"

import Link from "next/link"
import { useParams } from "next/navigation"

export default function WardrobeNotFound() {
  const { countryCode } = useParams<{ countryCode: string }>()
  return (
    <div className="empty-state">
      <h1>This is not in your wardrobe</h1>
      <p>It may have been deleted. Your other items and outfits are still there.</p>
      <Link href={`/${countryCode}/wardrobe`} className="button">
        Back to your wardrobe
      </Link>
    </div>
  )
}
