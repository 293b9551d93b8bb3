import Link from "next/link"
import type { LookbookSummary } from "@lib/data/lookbooks"

const SEASONS: Record<string, string> = { "autumn-winter": "Autumn/Winter", "spring-summer": "Spring/Summer", "all-season": "All season" }

export default function LookbookCard({
  lookbook,
  countryCode,
  priority = false,
}: {
  lookbook: LookbookSummary
  countryCode: string
  priority?: boolean
}) {
  return (
    <Link href={`/${countryCode}/lookbooks/${lookbook.handle}`} className="product-card" data-testid="lookbook-card">
      <div className="media-box" style={{ aspectRatio: "4 / 3" }}>
        {lookbook.cover_image_url ? (
          // eslint-disable-next-line @next/next/no-img-element -- 4:3 box, no layout shift
          <img
            src={lookbook.cover_image_url}
            alt={`Cover of the lookbook ${lookbook.title}`}
            width={800}
            height={600}
            loading={priority ? "eager" : "lazy"}
          />
        ) : null}
      </div>
      <h2 className="product-card__title">{lookbook.title}</h2>
      <p className="muted lookbook-card__meta">
        {lookbook.look_count} {lookbook.look_count === 1 ? "look" : "looks"}
        {lookbook.season ? ` · ${SEASONS[lookbook.season] ?? lookbook.season}` : ""}
      </p>
      {lookbook.description ? <p className="lookbook-card__meta">{lookbook.description}</p> : null}
    </Link>
  )
}
