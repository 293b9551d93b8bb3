import Link from "next/link"
import type { RecommendationNoMatch } from "@curator/types/recommendations"
import { getRecommendations, getRecommendedOutfits } from "@lib/data/recommendations"
import OutfitCard from "../components/outfit-card"
import RecommendedItems from "../components/recommended-items"

/** What each hard constraint means to the shopper when it left nothing to show. */
const EMPTIED_BY: Record<string, string> = {
  size: "Nothing is in stock in the sizes in your style profile.",
  item_budget: "Nothing in your size fits your budget per item.",
  outfit_budget: "No whole outfit fits your budget per outfit.",
  sold_in_region: "Nothing that fits your profile is sold in your region.",
  category: "Nothing in this category fits your profile.",
  feedback: "You have turned down everything that fits your profile.",
  composition: "No complete outfit (a top and a bottom or a dress, and shoes) fits your profile.",
}

function NoMatch({ answer, countryCode, testId }: { answer: RecommendationNoMatch; countryCode: string; testId: string }) {
  return (
    <div className="notice" data-testid={testId} data-emptied-by={answer.emptied_by ?? ""}>
      <p style={{ marginTop: 0 }}>
        {(answer.emptied_by && EMPTIED_BY[answer.emptied_by]) ||
          "Nothing matches your size, budget and region yet. We never show what does not fit them."}
      </p>
      <Link href={`/${countryCode}/for-you/quiz`}>Change your sizes and budget in the style quiz</Link>
    </div>
  )
}

/** "For you": outfits and single items chosen for the shopper's profile, each with why. */
export default async function ForYouTemplate({ countryCode, currency }: { countryCode: string; currency: string }) {
  const [items, outfits] = await Promise.all([getRecommendations(countryCode), getRecommendedOutfits(countryCode)])
  return (
    <>
      <section className="section" aria-labelledby="for-you-outfits-heading" data-testid="for-you-outfits">
        <h2 id="for-you-outfits-heading">Outfits for you</h2>
        {outfits.outfits.length ? (
          <ul className="outfit-grid">
            {outfits.outfits.map((outfit, i) => (
              <li key={outfit.items.map((p) => (p.source === "catalog" ? p.id : p.wardrobe_item_id)).join("-")}>
                <OutfitCard outfit={outfit} countryCode={countryCode} title={`Outfit ${i + 1}`} surface="outfits" position={i} />
              </li>
            ))}
          </ul>
        ) : (
          <NoMatch answer={outfits} countryCode={countryCode} testId="outfits-no-match" />
        )}
      </section>
      <section className="section" aria-labelledby="for-you-items-heading">
        <h2 id="for-you-items-heading">Picked for you</h2>
        {items.recommendations.length ? (
          <RecommendedItems items={items.recommendations} countryCode={countryCode} currency={currency} />
        ) : (
          <NoMatch answer={items} countryCode={countryCode} testId="items-no-match" />
        )}
      </section>
    </>
  )
}
