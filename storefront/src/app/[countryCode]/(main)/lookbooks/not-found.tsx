"use client"

import Link from "next/link"
import { useParams } from "next/navigation"

export default function LookbookNotFound() {
  const { countryCode } = useParams<{ countryCode: string }>()
  return (
    <div className="container page">
      <div className="empty-state">
        <h1>This lookbook is not here</h1>
        <p>It may have been taken down or renamed. The other lookbooks are one click away.</p>
        <Link href={`/${countryCode}/lookbooks`} className="button">
          All lookbooks
        </Link>
      </div>
    </div>
  )
}
