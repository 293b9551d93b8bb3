"use client"

import Link from "next/link"
import { useParams } from "next/navigation"

export default function FeedNotFound() {
  const { countryCode } = useParams<{ countryCode: string }>()
  return (
    <div className="container page">
      <div className="empty-state">
        <h1>This post or profile is not available</h1>
        <p>It may have been deleted, or its author shares it only with their followers. See what others are wearing instead.</p>
        <Link href={`/${countryCode}/feed`} className="button">
          Go to the feed
        </Link>
      </div>
    </div>
  )
}
