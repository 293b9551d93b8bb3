import type { StyleProfile } from "./profile"

/**
 * What the style quiz's picked looks say about a shopper, for the answers they left empty. Pure:
 * the caller reads the products (query.graph) and passes what this needs.
 */

/** A product the shopper picked in the quiz, as this derivation reads it. */
export type LikedLook = {
  product_id: string
  /** Its colours' names ("Navy", "Grey Marl"): the Colour option's values. */
  colours: string[]
  /** Style tags where the catalog has them (metadata.styles). */
  styles: string[]
  /** metadata.occasions. */
  occasions: string[]
  brand: string | null
}

/** The answers derivable from looks: each list most frequent first (ties in the order picked), at most a few. */
export type DerivedAnswers = Pick<StyleProfile, "colours_liked" | "styles" | "occasions" | "brands">

/** How many entries each derived list keeps: enough to steer, few enough to stay the shopper's taste. */
export const DERIVED_LIST_LENGTH = 4

/**
 * Ranks what the picked looks have in common. A product in several colours counts each of them for
 * 1/n (one photo, several colourways), so a single-colour pick weighs more for its colour. An entry
 * must come from at least two looks when more than two were picked, so one odd pick does not decide.
 */
export function answersFromLooks(looks: LikedLook[]): DerivedAnswers {
  const rank = (lists: string[][], lowerCase = true): string[] => {
    const weight = new Map<string, { value: string; weight: number; looks: number; first: number }>()
    let order = 0
    for (const list of lists) {
      const values = [
        ...new Map(
          list
            .map((v) => v.trim())
            .filter(Boolean)
            .map((v) => [v.toLowerCase(), lowerCase ? v.toLowerCase() : v])
        ).values(),
      ]
      for (const value of values) {
        const key = value.toLowerCase()
        const entry = weight.get(key) ?? { value, weight: 0, looks: 0, first: order++ }
        entry.weight += 1 / values.length
        entry.looks += 1
        weight.set(key, entry)
      }
    }
    const minLooks = looks.length > 2 ? 2 : 1
    return [...weight.values()]
      .filter((e) => e.looks >= minLooks)
      .sort((a, b) => b.weight - a.weight || a.first - b.first)
      .slice(0, DERIVED_LIST_LENGTH)
      .map((e) => e.value)
  }
  return {
    colours_liked: rank(looks.map((l) => l.colours)),
    styles: rank(looks.map((l) => l.styles)),
    occasions: rank(looks.map((l) => l.occasions)),
    brands: rank(
      looks.map((l) => (l.brand ? [l.brand] : [])),
      false
    ),
  }
}

/**
 * The profile with each list the shopper left empty filled from their looks. A colour they avoid is
 * never added to the colours they like; a list they answered is kept as they answered it.
 */
export function fillEmptyAnswers(profile: StyleProfile, derived: DerivedAnswers): StyleProfile {
  const next = structuredClone(profile)
  const avoided = new Set(profile.colours_avoided.map((c) => c.toLowerCase()))
  if (!next.colours_liked.length) next.colours_liked = derived.colours_liked.filter((c) => !avoided.has(c.toLowerCase()))
  if (!next.styles.length) next.styles = [...derived.styles]
  if (!next.occasions.length) next.occasions = [...derived.occasions]
  if (!next.brands.length) next.brands = [...derived.brands]
  return next
}
