/**
 * Content scorer: how much an item's attributes (category, colour, material, pattern, season, occasion,
 * brand, price band, styles) resemble what the shopper liked, carted and bought, and what their profile asks
 * for; cosine similarity of visual embeddings when items have them (works without: attributes only).
 */
import { colourMatches } from "./colour"
import { INTERACTION_WEIGHTS } from "./collaborative"
import { CatalogItem, Interaction, ScoreResult, StyleProfile } from "./types"

type Attribute = "category" | "colour" | "material" | "pattern" | "season" | "occasion" | "brand" | "price" | "style"

/** How much each attribute says about taste (they are averaged over the attributes the history says something about). */
const ATTRIBUTE_WEIGHTS: Record<Attribute, number> = {
  category: 0.2,
  colour: 0.2,
  brand: 0.15,
  pattern: 0.1,
  occasion: 0.1,
  price: 0.1,
  material: 0.07,
  season: 0.05,
  style: 0.08,
}

/** Price band: a step per ×1.5 in price, so taste in price carries across currencies of similar scale. */
export const priceBand = (price: number) => (price > 0 ? Math.floor(Math.log(price) / Math.log(1.5)) : 0)

function attributeValues(item: CatalogItem, attribute: Attribute): string[] {
  switch (attribute) {
    case "category":
      return [item.category_handle]
    case "colour":
      return item.colours.slice(0, 2).map((c) => c.name.toLowerCase())
    case "material":
      return item.material ? [item.material.toLowerCase()] : []
    case "pattern":
      return item.pattern ? [item.pattern.toLowerCase()] : []
    case "season":
      return item.season ? [item.season] : []
    case "occasion":
      return item.occasions
    case "brand":
      return item.brand ? [item.brand.toLowerCase()] : []
    case "price":
      return [String(priceBand(item.price))]
    case "style":
      return (item.styles ?? []).map((s) => s.toLowerCase())
  }
}

const ATTRIBUTES = Object.keys(ATTRIBUTE_WEIGHTS) as Attribute[]

/** Attribute values ("colour:navy") interned as small integers, so a shopper's taste is an array indexed by them. */
const featureIds = new Map<string, number>()
const internFeature = (key: string) => {
  let id = featureIds.get(key)
  if (id === undefined) featureIds.set(key, (id = featureIds.size))
  return id
}

/** An item's feature ids, grouped by attribute (in ATTRIBUTES order: ids[start[a]] up to ids[start[a + 1]]); computed once per item object. */
type Features = { ids: Int32Array; start: Int32Array }
const featureCache = new WeakMap<CatalogItem, Features>()
function features(item: CatalogItem): Features {
  let f = featureCache.get(item)
  if (!f) {
    const ids: number[] = []
    const start: number[] = []
    for (const a of ATTRIBUTES) {
      start.push(ids.length)
      for (const v of attributeValues(item, a)) ids.push(internFeature(`${a}:${v}`))
    }
    start.push(ids.length)
    f = { ids: Int32Array.from(ids), start: Int32Array.from(start) }
    featureCache.set(item, f)
  }
  return f
}

export type ContentScorer = {
  /** The score alone (the fast path for ranking a whole catalog). */
  value(item: CatalogItem): number
  score(item: CatalogItem): ScoreResult
}

const lower = (values: string[]) => values.map((v) => v.trim().toLowerCase()).filter(Boolean)

function cosine(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let dot = 0
  let na = 0
  let nb = 0
  const n = Math.min(a.length, b.length)
  for (let i = 0; i < n; i++) {
    dot += a[i] * b[i]
    na += a[i] * a[i]
    nb += b[i] * b[i]
  }
  return na && nb ? dot / Math.sqrt(na * nb) : 0
}

/**
 * Prepares the shopper's content scores. `itemOf` finds the catalog items of the shopper's history (also
 * ones not purchasable now: they still tell taste). Scores are in [0, 1]; an avoided colour pulls one down hard.
 */
export function contentScorer(profile: StyleProfile, history: Interaction[], itemOf: (productId: string) => CatalogItem | undefined): ContentScorer {
  // Taste from history: a weighted count per attribute value; each attribute's favourite value scores 1.
  const tasteByFeature = new Map<number, number>()
  const favourite = ATTRIBUTES.map(() => 0)
  const embeddingSum: number[] = []
  let embedded = 0
  for (const e of history) {
    const w = INTERACTION_WEIGHTS[e.kind] ?? 0
    const item = w > 0 ? itemOf(e.product_id) : undefined
    if (!item) continue
    const f = features(item)
    for (let a = 0; a < ATTRIBUTES.length; a++) {
      for (let i = f.start[a]; i < f.start[a + 1]; i++) {
        const v = (tasteByFeature.get(f.ids[i]) ?? 0) + w
        tasteByFeature.set(f.ids[i], v)
        if (v > favourite[a]) favourite[a] = v
      }
    }
    if (item.embedding && item.embedding.length) {
      for (let i = 0; i < item.embedding.length; i++) embeddingSum[i] = (embeddingSum[i] ?? 0) + w * item.embedding[i]
      embedded++
    }
  }
  // Dense taste per feature id (features first seen after this point read as 0).
  const taste = new Float64Array(featureIds.size)
  for (const [id, v] of tasteByFeature) taste[id] = v
  const attributeWeights = ATTRIBUTES.map((a) => ATTRIBUTE_WEIGHTS[a])
  let knownWeight = 0
  ATTRIBUTES.forEach((_, a) => {
    if (favourite[a]) knownWeight += attributeWeights[a]
  })

  const liked = lower(profile.colours_liked)
  const avoided = lower(profile.colours_avoided)
  const brands = new Set(lower(profile.brands))
  const styles = new Set(lower(profile.styles))
  const occasions = new Set(lower(profile.occasions))
  const profileWeight = (liked.length ? 0.35 : 0) + (brands.size ? 0.3 : 0) + (styles.size ? 0.2 : 0) + (occasions.size ? 0.15 : 0)

  const likedColour = (item: CatalogItem) => (liked.length ? item.colours.find((c) => liked.some((l) => colourMatches(c, l))) : undefined)
  const likedStyle = (item: CatalogItem) => (styles.size ? (item.styles ?? []).find((s) => styles.has(s.toLowerCase())) : undefined)
  const likedBrand = (item: CatalogItem) => brands.size > 0 && !!item.brand && brands.has(item.brand.toLowerCase())

  function value(item: CatalogItem): number {
    let score = 0
    let total = 0
    if (knownWeight) {
      let sum = 0
      const { ids, start } = features(item)
      for (let a = 0; a < ATTRIBUTES.length; a++) {
        const top = favourite[a]
        if (!top) continue
        let best = 0
        for (let i = start[a]; i < start[a + 1]; i++) {
          const v = ids[i] < taste.length ? taste[ids[i]] : 0
          if (v > best) best = v
        }
        sum += (attributeWeights[a] * best) / top
      }
      score += 0.55 * (sum / knownWeight)
      total += 0.55
    }
    if (profileWeight) {
      let p = 0
      if (likedColour(item)) p += 0.35
      if (likedBrand(item)) p += 0.3
      if (likedStyle(item)) p += 0.2
      if (occasions.size && item.occasions.some((o) => occasions.has(o.toLowerCase()))) p += 0.15
      score += 0.3 * (p / profileWeight)
      total += 0.3
    }
    if (embedded && item.embedding && item.embedding.length) {
      score += 0.35 * Math.max(0, cosine(embeddingSum, item.embedding))
      total += 0.35
    }
    score = total ? score / total : 0
    if (avoided.length) {
      for (let i = 0; i < item.colours.length && i < 2; i++) {
        if (avoided.some((a) => colourMatches(item.colours[i], a))) {
          score *= 0.2
          break
        }
      }
    }
    return Math.max(0, Math.min(1, score))
  }

  return {
    value,
    score(item) {
      const reasons: string[] = []
      const colour = likedColour(item)
      if (colour) reasons.push(`in ${colour.name.toLowerCase()}, a colour you like`)
      if (likedBrand(item)) reasons.push(`from ${item.brand}, a brand you like`)
      const style = likedStyle(item)
      if (style) reasons.push(`your ${style.toLowerCase()} style`)
      return { score: value(item), reasons }
    },
  }
}
