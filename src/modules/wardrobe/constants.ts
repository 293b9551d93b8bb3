/** The catalog's own season vocabulary, so wardrobe items and products filter alike. */
export const WARDROBE_SEASONS = ["spring-summer", "autumn-winter", "all-season"] as const
export type WardrobeSeason = (typeof WARDROBE_SEASONS)[number]
export const isWardrobeSeason = (value: string): value is WardrobeSeason => (WARDROBE_SEASONS as readonly string[]).includes(value)

/** How an item entered the wardrobe: added by the customer, or from one of their orders. */
export const WARDROBE_ITEM_SOURCES = ["manual", "order"] as const
export type WardrobeItemSource = (typeof WARDROBE_ITEM_SOURCES)[number]

/** "not worn recently" in the stats means no wear in this many days. */
export const NOT_WORN_DAYS = 90

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

/** A wear date as the UTC midnight of its calendar day: wears are counted per day. */
export function toWearDay(value: Date | string): Date {
  const date = typeof value === "string" ? new Date(value.length === 10 ? `${value}T00:00:00.000Z` : value) : value
  if (Number.isNaN(date.getTime())) throw new Error(`Invalid date: ${value}`)
  return new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()))
}

/** YYYY-MM-DD of a wear day. */
export function formatWearDay(date: Date | string): string {
  return toWearDay(typeof date === "string" ? new Date(date) : date)
    .toISOString()
    .slice(0, 10)
}
