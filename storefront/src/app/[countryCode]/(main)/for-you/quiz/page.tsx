import type { Metadata } from "next"
import { notFound } from "next/navigation"
import { getQuizLooks, getStyleProfile } from "@lib/data/recommendations"
import { getRegion } from "@lib/data/regions"
import StyleQuiz from "@modules/recommendations/templates/style-quiz"

export const metadata: Metadata = { title: "Style quiz" }

/**
 * The style quiz: looks the shopper likes (photos of our own products), sizes, budget, colours,
 * occasions and styles, saved to the shopper's style profile (prefilled when editing, from the account too).
 */
export default async function StyleQuizPage({ params }: { params: Promise<{ countryCode: string }> }) {
  const { countryCode } = await params
  const [region, profile, looks] = await Promise.all([getRegion(countryCode), getStyleProfile(), getQuizLooks(countryCode)])
  if (!region) notFound()
  return (
    <div className="container page">
      <h1>Your style</h1>
      <StyleQuiz countryCode={countryCode} currency={region.currency_code} profile={profile} looks={looks} />
    </div>
  )
}
