import { Fragment } from "react"
import Link from "next/link"
import type { StoreStyleProfile } from "@curator/types/style-profile"
import { formatMoney } from "@lib/util/money"

const SIZE_LABELS: Record<string, string> = { tops: "Tops", trousers: "Trousers", shoes: "Shoes (EU)" }
const words = (list: string[]) => list.map((w) => w[0].toUpperCase() + w.slice(1)).join(", ")

/**
 * The account's "Style profile": what the shopper's recommendations are built from, and the way to
 * change it (the style quiz, opened with these answers).
 */
export default function StyleProfileSummary({ countryCode, profile }: { countryCode: string; profile: StoreStyleProfile | null }) {
  const quiz = `/${countryCode}/for-you/quiz`
  const sizes = Object.entries(profile?.sizes ?? {})
  if (!profile || !sizes.length) {
    return (
      <>
        <p className="muted" data-testid="style-profile-empty">
          Tell us your sizes, budget and the looks you like, and For you shows only what fits you.
        </p>
        <Link href={quiz} data-testid="style-profile-edit">
          Take the style quiz
        </Link>
      </>
    )
  }
  const { max_item, max_outfit, currency_code } = profile.budget
  const budget = [
    max_item !== null && currency_code ? `${formatMoney(max_item, currency_code)} an item` : null,
    max_outfit !== null && currency_code ? `${formatMoney(max_outfit, currency_code)} an outfit` : null,
  ].filter(Boolean)
  const rows: [string, string, string][] = [
    ["sizes", "Sizes", sizes.map(([category, size]) => `${SIZE_LABELS[category] ?? words([category])} ${size}`).join(", ")],
    ["budget", "Budget", budget.length ? `Up to ${budget.join(", ")}` : "No limit"],
    ["colours", "Colours you like", profile.colours_liked.length ? words(profile.colours_liked) : ""],
    ["avoided", "Colours you avoid", profile.colours_avoided.length ? words(profile.colours_avoided) : ""],
    ["styles", "Styles", profile.styles.length ? words(profile.styles) : ""],
    ["occasions", "Occasions", profile.occasions.length ? words(profile.occasions) : ""],
    ["brands", "Brands", profile.brands.join(", ")],
  ]
  return (
    <>
      <dl className="style-profile-summary" data-testid="style-profile-summary">
        {rows
          .filter(([, , value]) => value)
          .map(([key, label, value]) => (
            <Fragment key={key}>
              <dt>{label}</dt>
              <dd data-testid={`style-profile-${key}`}>{value}</dd>
            </Fragment>
          ))}
      </dl>
      <Link href={quiz} data-testid="style-profile-edit">
        Edit your style profile
      </Link>
    </>
  )
}
