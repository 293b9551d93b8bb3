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
  return text
    .toLowerCase()
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .split(/[^a-z0-9]+/)
    .filter(Boolean)
}

/** Word → how often the catalog uses it; frequent words win ties between equally close candidates. */
export type Vocabulary = Map<string, number>

export function buildVocabulary(texts: string[]): Vocabulary {
  const vocabulary: Vocabulary = new Map()
  for (const text of texts) for (const word of tokenize(text)) vocabulary.set(word, (vocabulary.get(word) ?? 0) + 1)
  return vocabulary
}

export type QueryCorrection = { query: string; changed: boolean }

export function correctQuery(query: string, vocabulary: Vocabulary): QueryCorrection {
  const words = tokenize(query)
  let changed = false
  const corrected = words.map((word) => {
    if (vocabulary.has(word)) return word
    const budget = allowedTypos(word)
    if (!budget) return word
    let best: { word: string; distance: number; frequency: number } | undefined
    for (const [candidate, frequency] of vocabulary) {
      const distance = editDistance(word, candidate, budget)
      if (distance > budget) continue
      if (!best || distance < best.distance || (distance === best.distance && frequency > best.frequency)) {
        best = { word: candidate, distance, frequency }
      }
    }
    if (!best) return word
    changed = true
    return best.word
  })
  return { query: corrected.join(" "), changed }
}
