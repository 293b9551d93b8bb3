import { searchWords, synonymTerms } from "./synonyms"

/**
 * Typo tolerance for product search that does not flood results: PostgreSQL's
 * trigram fallback matches almost everything for a short misspelling ("drss"),
 * so the route searches exactly first and, only when nothing matches, corrects
 * each unknown word to the closest word the catalog actually uses.
 */

/** Optimal string alignment distance (Levenshtein plus adjacent transpositions), capped for speed. */
export function editDistance(a: string, b: string, max = 3): number {
  if (Math.abs(a.length - b.length) > max) return max + 1
  const rows = a.length + 1
  const cols = b.length + 1
  const d: number[][] = Array.from({ length: rows }, (_, i) => Array.from({ length: cols }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)))
  for (let i = 1; i < rows; i++) {
    let rowMin = Infinity
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost)
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1)
      rowMin = Math.min(rowMin, d[i][j])
    }
    if (rowMin > max) return max + 1
  }
  return d[a.length][b.length]
}

/** Typos allowed for a word of this length: none below 4 letters, one up to 7, two from 8. */
export function allowedTypos(word: string): number {
  if (word.length < 4) return 0
  return word.length < 8 ? 1 : 2
}

export function tokenize(text: string): string[] {
  return searchWords(text)
}

/**
 * Word → in how many of the catalog's products it occurs (`hits`) and the spelling to search
 * with (`form`): a joined hyphenated word ("tshirt") searches as the catalog writes it ("t-shirt").
 */
export type VocabularyEntry = { hits: number; form: string }
export type Vocabulary = Map<string, VocabularyEntry>

/**
 * The catalog's words, one text per product: its own words, its hyphenated words joined
 * ("T-Shirt" → "tshirt", searched as "t-shirt"), and the synonym words it is indexed under.
 */
export function buildVocabulary(productTexts: string[]): Vocabulary {
  const vocabulary: Vocabulary = new Map()
  for (const text of productTexts) {
    const forms = new Map<string, string>()
    for (const word of tokenize(text)) forms.set(word, word)
    for (const word of synonymTerms([text]).flatMap(tokenize)) if (!forms.has(word)) forms.set(word, word)
    for (const hyphenated of text.toLowerCase().match(/[a-z0-9]+(?:-[a-z0-9]+)+/g) ?? []) {
      const joined = hyphenated.replace(/-/g, "")
      if (!forms.has(joined)) forms.set(joined, hyphenated)
    }
    for (const [word, form] of forms) {
      const entry = vocabulary.get(word)
      // A word the catalog writes as it is wins over the same letters joined from a hyphenated one.
      vocabulary.set(word, { hits: (entry?.hits ?? 0) + 1, form: entry && entry.form === word ? entry.form : form })
    }
  }
  return vocabulary
}

export type QueryCorrection = { query: string; changed: boolean }

type Candidate = { word: string; form: string; distance: number; hits: number }

/**
 * Which of two candidates a misspelt word more likely meant: fewer edits; then the same first
 * letter (people rarely mistype the first one); then the word more of the catalog's products
 * use; then the closer length.
 */
function better(word: string, a: Candidate, b: Candidate): boolean {
  if (a.distance !== b.distance) return a.distance < b.distance
  const firstA = a.word[0] === word[0]
  const firstB = b.word[0] === word[0]
  if (firstA !== firstB) return firstA
  if (a.hits !== b.hits) return a.hits > b.hits
  return Math.abs(a.word.length - word.length) < Math.abs(b.word.length - word.length)
}

/** Each word the catalog does not use → the catalog word it most likely meant, in the catalog's spelling. */
export function correctQuery(query: string, vocabulary: Vocabulary): QueryCorrection {
  const words = tokenize(query)
  let changed = false
  const corrected = words.map((word) => {
    const known = vocabulary.get(word)
    if (known) {
      if (known.form !== word) changed = true
      return known.form
    }
    const budget = allowedTypos(word)
    if (!budget) return word
    let best: Candidate | undefined
    for (const [candidate, { hits, form }] of vocabulary) {
      const distance = editDistance(word, candidate, budget)
      if (distance > budget) continue
      const next = { word: candidate, form, distance, hits }
      if (!best || better(word, next, best)) best = next
    }
    if (!best) return word
    changed = true
    return best.form
  })
  return { query: corrected.join(" "), changed }
}
