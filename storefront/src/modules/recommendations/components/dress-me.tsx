import { Suspense } from "react"
import { getOutfitSuggestions } from "@lib/data/recommendations"
import OutfitCard from "./outfit-card"

/**
 * "Dress me" on the wardrobe page: outfits from the shopper's own wardrobe, each completed by at
 * most two catalog pieces in their size and budget. Nothing shows for guests or when no outfit fits.
 */
async function DressMeOutfits({ countryCode }: { countryCode: string }) {
  const answer = await getOutfitSuggestions(countryCode)
  if (!answer?.outfits.length) return null
  return (
    <section className="section" aria-labelledby="dress-me-heading" data-testid="dress-me">
      <h2 id="dress-me-heading">Dress me</h2>
      <p className="muted">Outfits from your wardrobe, with a piece or two from the shop where it helps.</p>
      <ul className="outfit-grid">
        {answer.outfits.slice(0, 3).map((outfit, i) => (
          <li key={outfit.items.map((p) => (p.source === "catalog" ? p.id : p.wardrobe_item_id)).join("-")}>
            <OutfitCard outfit={outfit} countryCode={countryCode} title={`Outfit ${i + 1}`} surface="dress_me" position={i} />
          </li>
        ))}
      </ul>
    </section>
  )
}

/** Its own boundary: the wardrobe never waits for the suggestions. */
export default function DressMe({ countryCode }: { countryCode: string }) {
  return (
    <Suspense fallback={null}>
      <DressMeOutfits countryCode={countryCode} />
    </Suspense>
  )
}
