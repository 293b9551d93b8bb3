import Link from "next/link"
import type { WardrobeItem } from "@lib/data/wardrobe"

/** An item in the grid: photo (or a placeholder box of the same size), name, category and wears. */
export default function ItemCard({ item, countryCode, timesWorn }: { item: WardrobeItem; countryCode: string; timesWorn?: number }) {
  return (
    <Link href={`/${countryCode}/wardrobe/items/${item.id}`} className="item-card" data-testid="wardrobe-item">
      <div className="media-box">
        {item.photo_url ? (
          // eslint-disable-next-line @next/next/no-img-element -- 3:4 box, no layout shift
          <img src={item.photo_url} alt={item.name} width={300} height={400} loading="lazy" />
        ) : (
          <span
            className="muted"
            style={{ display: "flex", height: "100%", alignItems: "center", justifyContent: "center", padding: ".5rem", textAlign: "center" }}
          >
            No photo
          </span>
        )}
      </div>
      <h3 className="product-card__title">{item.name}</h3>
      <p className="item-card__meta">
        {[item.category, item.colours.join(", ")].filter(Boolean).join(" · ")}
        {timesWorn !== undefined ? (
          <>
            <br />
            {timesWorn === 0 ? "Not worn yet" : `Worn ${timesWorn} ${timesWorn === 1 ? "time" : "times"}`}
          </>
        ) : null}
      </p>
    </Link>
  )
}
