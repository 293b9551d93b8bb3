import Link from "next/link"
import type { Outfit } from "@lib/data/wardrobe"
import { seasonLabel } from "../seasons"

/** An outfit as a small mosaic of its pieces' photos. */
export default function OutfitCard({ outfit, countryCode }: { outfit: Outfit; countryCode: string }) {
  const pictures = [
    ...outfit.items.map((i) => ({ key: i.id, url: i.item?.photo_url ?? null })),
    ...outfit.products.map((p) => ({ key: p.id, url: p.product?.thumbnail ?? null })),
  ].slice(0, 4)
  return (
    <Link href={`/${countryCode}/wardrobe/outfits/${outfit.id}`} className="item-card" data-testid="outfit-card">
      <div className="media-box" style={{ display: "grid", gridTemplateColumns: "1fr 1fr", gap: 2 }}>
        {pictures.map((p) =>
          p.url ? (
            // eslint-disable-next-line @next/next/no-img-element -- cells of a fixed 3:4 box
            <img key={p.key} src={p.url} alt="" width={150} height={200} loading="lazy" />
          ) : (
            <span key={p.key} style={{ background: "#e9e7e2" }} />
          )
        )}
      </div>
      <h3 className="product-card__title">{outfit.name}</h3>
      <p className="item-card__meta">
        {[outfit.occasion, outfit.season ? seasonLabel(outfit.season) : null, `${outfit.items.length + outfit.products.length} pieces`]
          .filter(Boolean)
          .join(" · ")}
      </p>
    </Link>
  )
}
