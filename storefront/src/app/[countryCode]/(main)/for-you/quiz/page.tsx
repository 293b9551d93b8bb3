import type { Metadata } from "next"
import { notFound } from "next/navigation"
import { getStyleProfile } from "@lib/data/recommendations"
import { getRegion } from "@lib/data/regions"
import StyleQuiz from "@modules/recommendations/templates/style-quiz"

export const metadata: Metadata = { title: "Style quiz" }

/** The style quiz: sizes, budget, colours, occasions and styles, saved to the shopper's style profile (prefilled when editing). */
export default async function StyleQuizPage({ params }: { params: Promise<{ countryCode: string }> }) {
  const { countryCode } = await params
  const [region, profile] = await Promise.all([getRegion(countryCode), getStyleProfile()])
  if (!region) notFound()
  return (
    <div className="container page">
      <h1>Your style</h1>
      <StyleQuiz countryCode={countryCode} currency={region.currency_code} profile={profile} />
    </div>
  )
}
