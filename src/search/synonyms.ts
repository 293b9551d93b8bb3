/**
 * The one table of words shoppers use for the same garment ("jumper" for a sweater, "trainers" for
 * sneakers). Both engines read it: the embedded PostgreSQL search indexes each product with every
 * word of the groups its title, categories and tags match (the `synonyms` field of
 * src/search/product.ts: PostgreSQL full-text search has no synonyms of its own), and Meilisearch
 * gets it as its `synonyms` setting (src/modules/search-meilisearch/settings.ts). Not an index
 * definition: Medusa skips files under src/search/ without a default export.
 */
export const SEARCH_SYNONYM_GROUPS: readonly (readonly string[])[] = [
  // "knitwear", not "knit": knit is also a material ("Recycled Knit Loafers" are no sweater).
  ["jumper", "sweater", "pullover", "knitwear"],
  ["tee", "t-shirt", "tshirt"],
  ["hoodie", "hooded sweatshirt"],
  ["trainers", "sneakers"],
  ["trousers", "pants"],
  ["jacket", "coat"],
]

/** Lower-case words without accents; "T-Shirt" → ["t", "shirt"], as the engines split it. */
export function searchWords(text: string): string[] {
  return text
    .toLowerCase()
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .split(/[^a-z0-9]+/)
    .filter(Boolean)
}

/** "sweaters" and "sweater" are one word here (a plain "s" plural; "dress" keeps its "s"). */
function singular(word: string): string {
  return word.length > 3 && word.endsWith("s") && !word.endsWith("ss") ? word.slice(0, -1) : word
}

function containsPhrase(words: string[], phrase: string[]): boolean {
  for (let start = 0; start + phrase.length <= words.length; start++) {
    if (phrase.every((word, i) => words[start + i] === word)) return true
  }
  return false
}

const GROUP_PHRASES = SEARCH_SYNONYM_GROUPS.map((group) => group.map((term) => searchWords(term).map(singular)))

/**
 * The synonym groups a text names, each term of each group once, in the table's spelling:
 * "Roll-Neck Sweater" → ["jumper", "sweater", "pullover", "knitwear"]. Plurals count ("Sneakers").
 */
export function synonymTerms(texts: (string | null | undefined)[]): string[] {
  const words = texts.filter((t): t is string => !!t).map((t) => searchWords(t).map(singular))
  const terms = new Set<string>()
  GROUP_PHRASES.forEach((phrases, g) => {
    if (phrases.some((phrase) => words.some((w) => containsPhrase(w, phrase)))) SEARCH_SYNONYM_GROUPS[g].forEach((t) => terms.add(t))
  })
  return [...terms]
}
