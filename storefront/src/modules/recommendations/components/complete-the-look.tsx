import { Suspense } from "react"
import { getCompleteTheLook } from "@lib/data/recommendations"
import OutfitCard from "./outfit-card"

async function CompleteTheLookOutfits({ productId, countryCode }: { productId: string; countryCode: string }) {
  const { outfits } = await getCompleteTheLook(productId, countryCode)
  if (!outfits.length) return null
  return (
    <section className="section" aria-labelledby="complete-the-look-heading" data-testid="complete-the-look">
      <h2 id="complete-the-look-heading">Complete the look</h2>
      <ul className="outfit-grid">
        {outfits.slice(0, 2).map((outfit, i) => (
          <li key={outfit.items.map((p) => (p.source === "catalog" ? p.id : p.wardrobe_item_id)).join("-")}>
            <OutfitCard outfit={outfit} countryCode={countryCode} title={`Look ${i + 1}`} surface="complete_the_look" position={i} />
          </li>
        ))}
      </ul>
    </section>
  )
}

/**
 * "Complete the look" on a product page: one or two outfits built around the product, in the
 * shopper's sizes and budget. Its own boundary: the page never waits for it, and it shows nothing
 * when no outfit fits.
 */
export default function CompleteTheLook(props: { productId: string; countryCode: string }) {
  return (
    <Suspense fallback={null}>
      <CompleteTheLookOutfits {...props} />
    </Suspense>
  )
}
