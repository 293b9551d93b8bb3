import type { Metadata } from "next"
import Link from "next/link"
import { notFound } from "next/navigation"
import { getStyleProfile } from "@lib/data/recommendations"
import { getRegion } from "@lib/data/regions"
import ForYouTemplate from "@modules/recommendations/templates/for-you-template"

export const metadata: Metadata = { title: "For you" }

/** "For you": outfits and items in the shopper's sizes, budget and region, from their style profile. */
export default async function ForYouPage({ params }: { params: Promise<{ countryCode: string }> }) {
  const { countryCode } = await params
  const [region, profile] = await Promise.all([getRegion(countryCode), getStyleProfile()])
  if (!region) notFound()
  const hasProfile = Boolean(profile && Object.keys(profile.sizes).length)
  return (
    <div className="container page">
      <div className="section__head">
        <h1>For you</h1>
        <Link href={`/${countryCode}/for-you/quiz`} className="button button--secondary" data-testid="edit-style-profile">
          {hasProfile ? "Edit your style profile" : "Take the style quiz"}
        </Link>
      </div>
      {hasProfile ? (
        <p className="muted">In your sizes, within your budget, and sold where you are. Tell us what you think of each piece to get better picks.</p>
      ) : (
        <p className="notice" data-testid="quiz-prompt">
          Tell us your sizes and budget in the <Link href={`/${countryCode}/for-you/quiz`}>style quiz</Link> and we will only show what fits you.
        </p>
      )}
      <ForYouTemplate countryCode={countryCode} currency={region.currency_code} />
    </div>
  )
}
