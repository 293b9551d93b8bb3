import { WARDROBE_SEASONS, WardrobeSeason } from "./constants"

/** Whether a value (e.g. a product's season metadata) is one of the wardrobe's seasons. */
export function isWardrobeSeason(value: string): value is WardrobeSeason {
  return (WARDROBE_SEASONS as readonly string[]).includes(value)
}

/**
 * Colours are stored in one spelling ("navy blue" and "Navy  Blue" → "Navy Blue") so that
 * filtering by colour matches whatever case the customer typed.
 */
export function normalizeColour(colour: string): string {
  return colour
    .trim()
    .replace(/\s+/g, " ")
    .toLowerCase()
    .replace(/(^|[\s-])(\p{L})/gu, (_, sep: string, letter: string) => sep + letter.toUpperCase())
}

/** Unique, normalised, non-empty colours in the order given. */
export function normalizeColours(colours: readonly string[] | null | undefined): string[] {
  const seen = new Set<string>()
  for (const colour of colours ?? []) {
    const normalized = normalizeColour(colour)
    if (normalized) seen.add(normalized)
  }
  return [...seen]
}

/** Categories are handles like the catalog's ("Knitwear " → "knitwear"). */
export function normalizeCategory(category: string): string {
  return category.trim().toLowerCase().replace(/\s+/g, "-")
}
