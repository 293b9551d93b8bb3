import type { Metadata } from "next"
import Link from "next/link"
import { notFound } from "next/navigation"
import { getOutfit } from "@lib/data/wardrobe"
import DeleteButton from "@modules/wardrobe/components/delete-button"
import WardrobeNav from "@modules/wardrobe/components/wardrobe-nav"
import WearForm from "@modules/wardrobe/components/wear-form"
import { seasonLabel } from "@modules/wardrobe/seasons"
import Breadcrumbs from "@modules/common/components/breadcrumbs"

export const metadata: Metadata = { title: "Outfit" }

export default async function OutfitPage({
  params,
  searchParams,
}: {
  params: Promise<{ countryCode: string; id: string }>
  searchParams: Promise<{ added?: string }>
}) {
  const { countryCode, id } = await params
  const { added } = await searchParams
  const outfit = await getOutfit(countryCode, id)
  if (!outfit) notFound()
  return (
    <>
      <Breadcrumbs trail={[{ href: `/${countryCode}/wardrobe/outfits`, label: "Outfits" }]} tight />
      <h1>{outfit.name}</h1>
      <WardrobeNav countryCode={countryCode} current="outfits" />
      {added ? (
        <p role="status" className="form-ok">
          Outfit saved. Mark it worn whenever you wear it.
        </p>
      ) : null}
      <p className="muted">{[outfit.occasion, outfit.season ? seasonLabel(outfit.season) : null].filter(Boolean).join(" · ")}</p>
      {outfit.notes ? <p style={{ whiteSpace: "pre-wrap" }}>{outfit.notes}</p> : null}
      <ul className="item-grid" aria-label="Pieces" style={{ marginBottom: "2rem" }}>
        {outfit.items.map((entry) =>
          entry.item ? (
            <li key={entry.id}>
              <Link href={`/${countryCode}/wardrobe/items/${entry.item.id}`} className="item-card">
                <div className="media-box">
                  {entry.item.photo_url ? (
                    // eslint-disable-next-line @next/next/no-img-element -- 3:4 box
                    <img src={entry.item.photo_url} alt={entry.item.name} width={300} height={400} loading="lazy" />
                  ) : null}
                </div>
                <h3 className="product-card__title">{entry.item.name}</h3>
                <p className="item-card__meta">From your wardrobe</p>
              </Link>
            </li>
          ) : null
        )}
        {outfit.products.map((entry) =>
          entry.product ? (
            <li key={entry.id}>
              <Link href={`/${countryCode}/products/${entry.product.handle}`} className="item-card">
                <div className="media-box">
                  {entry.product.thumbnail ? (
                    // eslint-disable-next-line @next/next/no-img-element -- 3:4 box
                    <img src={entry.product.thumbnail} alt={entry.product.title} width={300} height={400} loading="lazy" />
                  ) : null}
                </div>
                <h3 className="product-card__title">{entry.product.title}</h3>
                <p className="item-card__meta">In the shop</p>
              </Link>
            </li>
          ) : null
        )}
      </ul>
      <section aria-labelledby="outfit-wear-heading" className="card" style={{ marginBottom: "1.5rem", maxWidth: "36rem" }}>
        <h2 id="outfit-wear-heading">Wear log</h2>
        <WearForm kind="outfit" id={outfit.id} countryCode={countryCode} />
      </section>
      <DeleteButton kind="outfit" id={outfit.id} name={outfit.name} countryCode={countryCode} />
    </>
  )
}
