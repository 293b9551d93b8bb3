/**
 * Content scorer: how much an item's attributes (category, colour, material, pattern, season, occasion,
 * brand, price band, styles) resemble what the shopper liked, carted and bought, and what their profile asks
 * for; cosine similarity of visual embeddings when items have them (works without: attributes only).
 */
import { colourMatches } from "./colour"
import { INTERACTION_WEIGHTS } from "./collaborative"
import { CatalogItem, Colour, Interaction, ScoreResult, StyleProfile } from "./types"
import { anyMarked, markValues, vocabulary, Vocabulary } from "./vocabulary"

type Attribute = "category" | "colour" | "material" | "pattern" | "season" | "occasion" | "brand" | "price" | "style"

/**
 * How much each attribute's affinity counts (tuned with bench/recommendations/core on its tuning seed). Season is
 * left to the knowledge scorer: the seasons in a history say when the shopper shopped, not what they like. Price is
 * bounded by the budget constraint. Material mostly repeats the category, so it counts half.
 */
const ATTRIBUTE_WEIGHTS: Record<Attribute, number> = {
  category: 1,
  colour: 1,
  brand: 1,
  pattern: 1,
  occasion: 1,
  style: 1,
  material: 0.5,
  season: 0,
  price: 0,
}

/** Pseudo-interactions at the catalog's own mix that each attribute's affinity starts from (smoothing). */
const SMOOTHING = 20
/** Evidence (log scale) per profile answer an item matches: a liked colour, brand, style or occasion. */
const PROFILE_EVIDENCE = 0.3
/** Evidence at cosine 1 between an item's embedding and the shopper's history's. */
const EMBEDDING_EVIDENCE = 0.5
/** An avoided colour multiplies the odds by this. */
const AVOIDED_COLOUR_FACTOR = 0.2
/** Share of the catalog for a value the catalog's mix does not know (or when no catalog is given). */
const UNKNOWN_SHARE = 0.1

/** Price band: a step per ×1.5 in price, so taste in price carries across currencies of similar scale. */
export const priceBand = (price: number) => (price > 0 ? Math.floor(Math.log(price) / Math.log(1.5)) : 0)

function attributeValues(item: CatalogItem, attribute: Attribute): string[] {
  switch (attribute) {
    case "category":
      return [item.category_handle]
    case "colour":
      // The main colour: the one a shopper picks a garment for.
      return item.colours.slice(0, 1).map((c) => c.name.toLowerCase())
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

const ATTRIBUTES = (Object.keys(ATTRIBUTE_WEIGHTS) as Attribute[]).filter((a) => ATTRIBUTE_WEIGHTS[a] > 0)

/** Attribute values ("colour:navy") interned as small integers, so a shopper's taste is an array indexed by them. */
const featureIds = new Map<string, number>()
/** Each feature id's attribute (its index in ATTRIBUTES). */
const featureAttribute: number[] = []
const internFeature = (key: string, attribute: number) => {
  let id = featureIds.get(key)
  if (id === undefined) {
    featureIds.set(key, (id = featureIds.size))
    featureAttribute.push(attribute)
  }
  return id
}

/** An item's feature ids, grouped by attribute (in ATTRIBUTES order: ids[start[a]] up to ids[start[a + 1]]); computed once per item object. */
export type Features = { ids: Int32Array; start: Int32Array }
const featureCache = new WeakMap<CatalogItem, Features>()
function features(item: CatalogItem): Features {
  let f = featureCache.get(item)
  if (!f) {
    const ids: number[] = []
    const start: number[] = []
    ATTRIBUTES.forEach((a, attribute) => {
      start.push(ids.length)
      for (const v of attributeValues(item, a)) ids.push(internFeature(`${a}:${v}`, attribute))
    })
    start.push(ids.length)
    f = { ids: Int32Array.from(ids), start: Int32Array.from(start) }
    featureCache.set(item, f)
  }
  return f
}

export type ContentScorer = {
  /** The score alone in [0, 1] (1: as close to the shopper's taste as an item can be). */
  value(item: CatalogItem): number
  /** The same on a log scale (summed log affinity ratios): what the hybrid's log-linear blend adds up. */
  evidence(item: CatalogItem): number
  /** `evidence` of the item at this position of `options.index` (null without an index): the ranking's hot loop. */
  evidenceAt: ((position: number) => number) | null
  /** The highest evidence an item could have for this shopper (value = exp(evidence − best)). */
  best: number
  score(item: CatalogItem): ScoreResult
}

/** Each attribute value's share of a catalog (by feature id), computed once per catalog array. */
const priorCache = new WeakMap<readonly CatalogItem[], Map<number, number>>()
export function attributeShares(catalog: readonly CatalogItem[]): Map<number, number> {
  let shares = priorCache.get(catalog)
  if (!shares) {
    shares = new Map()
    for (const item of catalog) {
      const { ids } = features(item)
      for (let i = 0; i < ids.length; i++) shares.set(ids[i], (shares.get(ids[i]) ?? 0) + 1)
    }
    for (const [id, n] of shares) shares.set(id, n / catalog.length)
    priorCache.set(catalog, shares)
  }
  return shares
}

export type ContentOptions = {
  /** The catalog being ranked: affinities are measured against its mix (a shopper of a shop full of navy who picks navy says little). */
  catalog?: readonly CatalogItem[]
  /** The catalog's content index (indexContent of `catalog`): enables `evidenceAt`. */
  index?: ContentIndex
}

/**
 * A catalog's attributes as the content scorer reads them, computed once per catalog snapshot (indexCatalog):
 * each item's features, and its colours, brand, styles and occasions interned, so that a request decides
 * "a colour the shopper likes" once per distinct colour rather than once per item.
 */
export type ContentIndex = {
  /** All items' features in one array: item i's attribute a has featureIds[featureStart[i × (A + 1) + a]] up to …[… + a + 1] (A attributes). */
  featureIds: Int32Array
  featureStart: Int32Array
  colours: Vocabulary<Colour>
  brands: Vocabulary<string>
  styles: Vocabulary<string>
  occasions: Vocabulary<string>
  embeddings: Array<ArrayLike<number> | null>
  /** Sum of squares of each embedding, in order (cosine's norm when the shopper's taste vector is as long). */
  embeddingNorms: Float64Array
}

export function indexContent(items: readonly CatalogItem[]): ContentIndex {
  const embeddings = items.map((i) => (i.embedding && i.embedding.length ? i.embedding : null))
  const embeddingNorms = new Float64Array(items.length)
  embeddings.forEach((e, i) => {
    if (!e) return
    let norm = 0
    for (let d = 0; d < e.length; d++) norm += e[d] * e[d]
    embeddingNorms[i] = norm
  })
  attributeShares(items)
  const stride = ATTRIBUTES.length + 1
  const featureStart = new Int32Array(items.length * stride)
  let total = 0
  for (const item of items) total += features(item).ids.length
  const featureIds = new Int32Array(total)
  let at = 0
  items.forEach((item, i) => {
    const { ids, start } = features(item)
    for (let a = 0; a < stride; a++) featureStart[i * stride + a] = at + start[a]
    featureIds.set(ids, at)
    at += ids.length
  })
  return {
    featureIds,
    featureStart,
    colours: vocabulary(
      items,
      (i) => i.colours,
      (c) => `${c.name}\u0000${c.hex ?? ""}`
    ),
    brands: vocabulary(
      items,
      (i) => (i.brand ? [i.brand.toLowerCase()] : []),
      (b) => b
    ),
    styles: vocabulary(
      items,
      (i) => (i.styles ?? []).map((s) => s.toLowerCase()),
      (s) => s
    ),
    occasions: vocabulary(
      items,
      (i) => i.occasions.map((o) => o.toLowerCase()),
      (o) => o
    ),
    embeddings,
    embeddingNorms,
  }
}

const lower = (values: string[]) => values.map((v) => v.trim().toLowerCase()).filter(Boolean)

/**
 * Prepares the shopper's content scores. Taste comes from the shopper's own history: for each attribute value,
 * how much more often the items they looked at, liked, carted or bought have it than the catalog does (a log
 * ratio, smoothed towards the catalog's mix so that one item is a hint, not a rule), plus their profile's answers
 * and the cosine of visual embeddings when items have them (works without: attributes only). `itemOf` finds the
 * items of the history (also ones not purchasable now: they still tell taste). An avoided colour pulls hard down.
 */
export function contentScorer(
  profile: StyleProfile,
  history: Interaction[],
  itemOf: (productId: string) => CatalogItem | undefined,
  options: ContentOptions = {}
): ContentScorer {
  // Every distinct item the shopper chose to look at counts once: in the benchmark a view tells taste about as
  // well as a purchase (shoppers open what appeals), and counting kinds alike beat weighting them.
  const chosen = new Map<string, CatalogItem>()
  const embeddingSum: number[] = []
  let embedded = 0
  for (const e of history) {
    if ((INTERACTION_WEIGHTS[e.kind] ?? 0) <= 0 || chosen.has(e.product_id)) continue
    const item = itemOf(e.product_id)
    if (!item) continue
    chosen.set(e.product_id, item)
    if (item.embedding && item.embedding.length) {
      for (let i = 0; i < item.embedding.length; i++) embeddingSum[i] = (embeddingSum[i] ?? 0) + item.embedding[i]
      embedded++
    }
  }
  const counts = new Map<number, number>()
  const totals = ATTRIBUTES.map(() => 0)
  for (const item of chosen.values()) {
    const { ids, start } = features(item)
    for (let a = 0; a < ATTRIBUTES.length; a++) {
      const n = start[a + 1] - start[a]
      if (!n) continue
      totals[a]++
      for (let i = start[a]; i < start[a + 1]; i++) counts.set(ids[i], (counts.get(ids[i]) ?? 0) + 1 / n)
    }
  }
  // Dense log affinity per feature id (features first seen after this point read as the unseen value's).
  const shares = options.catalog ? attributeShares(options.catalog) : null
  const shareOf = (id: number) => shares?.get(id) ?? UNKNOWN_SHARE
  const attributeOf = new Int32Array(featureIds.size).fill(-1)
  for (const item of chosen.values()) {
    const { ids, start } = features(item)
    for (let a = 0; a < ATTRIBUTES.length; a++) for (let i = start[a]; i < start[a + 1]; i++) attributeOf[ids[i]] = a
  }
  const affinity = new Float64Array(featureIds.size)
  const known = new Uint8Array(featureIds.size)
  const attributeWeights = ATTRIBUTES.map((a) => ATTRIBUTE_WEIGHTS[a])
  /** Log ratio of a value the history has `n` of (of `total`), smoothed: 0 without history. */
  const logRatio = (n: number, total: number, share: number) => Math.log((n + SMOOTHING * share) / ((total + SMOOTHING) * share))
  // Values the shopper never chose read as log(SMOOTHING / (total + SMOOTHING)), whatever their share.
  const unseen = totals.map((total) => logRatio(0, total, 1))
  let best = 0
  const bestByAttribute = unseen.slice()
  for (const [id, n] of counts) {
    const a = attributeOf[id]
    affinity[id] = logRatio(n, totals[a], shareOf(id))
    known[id] = 1
    if (affinity[id] > bestByAttribute[a]) bestByAttribute[a] = affinity[id]
  }
  for (let a = 0; a < ATTRIBUTES.length; a++) if (totals[a]) best += attributeWeights[a] * bestByAttribute[a]

  const liked = lower(profile.colours_liked)
  const avoided = lower(profile.colours_avoided)
  const brands = new Set(lower(profile.brands))
  const styles = new Set(lower(profile.styles))
  const occasions = new Set(lower(profile.occasions))

  // Whether a colour is one the shopper likes, by name and hex (items share a few colours: this is the hot loop).
  const likedByColour = new Map<string, Map<string | null | undefined, boolean>>()
  const isLiked = (c: Colour) => {
    let byHex = likedByColour.get(c.name)
    if (!byHex) likedByColour.set(c.name, (byHex = new Map()))
    let v = byHex.get(c.hex)
    if (v === undefined) byHex.set(c.hex, (v = liked.some((l) => colourMatches(c, l))))
    return v
  }
  const likedColour = (item: CatalogItem) => (liked.length ? item.colours.find(isLiked) : undefined)
  const likedStyle = (item: CatalogItem) => (styles.size ? (item.styles ?? []).find((s) => styles.has(s.toLowerCase())) : undefined)
  const likedBrand = (item: CatalogItem) => brands.size > 0 && !!item.brand && brands.has(item.brand.toLowerCase())

  let profileAnswers = 0
  if (liked.length) profileAnswers++
  if (brands.size) profileAnswers++
  if (styles.size) profileAnswers++
  if (occasions.size) profileAnswers++
  best += PROFILE_EVIDENCE * profileAnswers + (embedded ? EMBEDDING_EVIDENCE : 0)

  let tasteNorm = 0
  for (const x of embeddingSum) tasteNorm += (x ?? 0) * (x ?? 0)
  tasteNorm = Math.sqrt(tasteNorm)
  /** cosine(embeddingSum, embedding), the history's norm computed once. */
  const cosineWithTaste = (embedding: ArrayLike<number>) => {
    let dot = 0
    let norm = 0
    const n = Math.min(embedding.length, embeddingSum.length)
    for (let i = 0; i < n; i++) {
      dot += (embeddingSum[i] ?? 0) * embedding[i]
      norm += embedding[i] * embedding[i]
    }
    return norm && tasteNorm ? dot / (tasteNorm * Math.sqrt(norm)) : 0
  }

  function evidence(item: CatalogItem): number {
    let sum = 0
    const { ids, start } = features(item)
    for (let a = 0; a < ATTRIBUTES.length; a++) {
      if (!totals[a] || start[a] === start[a + 1]) continue
      // An item with several values (two occasions) counts its best one.
      let top = -Infinity
      for (let i = start[a]; i < start[a + 1]; i++) {
        const id = ids[i]
        const v = id < known.length && known[id] ? affinity[id] : unseen[a]
        if (v > top) top = v
      }
      sum += attributeWeights[a] * top
    }
    if (profileAnswers) {
      let p = 0
      if (likedColour(item)) p++
      if (likedBrand(item)) p++
      if (likedStyle(item)) p++
      if (occasions.size && item.occasions.some((o) => occasions.has(o.toLowerCase()))) p++
      sum += PROFILE_EVIDENCE * p
    }
    if (embedded && item.embedding && item.embedding.length) sum += EMBEDDING_EVIDENCE * Math.max(0, cosineWithTaste(item.embedding))
    if (avoided.length) {
      for (let i = 0; i < item.colours.length && i < 2; i++) {
        if (avoided.some((a) => colourMatches(item.colours[i], a))) {
          sum += Math.log(AVOIDED_COLOUR_FACTOR)
          break
        }
      }
    }
    return sum
  }

  // The same for the items of an index: profile answers decided once per distinct colour, brand, style and occasion.
  let evidenceAt: ((position: number) => number) | null = null
  const index = options.index
  if (index) {
    const mark = markValues
    const likedColours = mark(index.colours, isLiked)
    const avoidedColours = mark(index.colours, (c) => avoided.some((a) => colourMatches(c, a)))
    const likedBrands = mark(index.brands, (b) => brands.has(b))
    const likedStyles = mark(index.styles, (x) => styles.has(x))
    const likedOccasions = mark(index.occasions, (o) => occasions.has(o))
    const { colours: colourIds, featureIds: ids, featureStart, embeddings, embeddingNorms } = index
    // Each feature's log affinity, or its attribute's unseen value: one read per feature in the loop below.
    const featureValue = Float64Array.from(featureAttribute, (a, id) => (id < known.length && known[id] ? affinity[id] : unseen[a]))
    const stride = ATTRIBUTES.length + 1
    evidenceAt = (position) => {
      let sum = 0
      const base = position * stride
      for (let a = 0; a < ATTRIBUTES.length; a++) {
        const from = featureStart[base + a]
        const to = featureStart[base + a + 1]
        if (!totals[a] || from === to) continue
        let top = -Infinity
        for (let i = from; i < to; i++) {
          const v = featureValue[ids[i]]
          if (v > top) top = v
        }
        sum += attributeWeights[a] * top
      }
      if (profileAnswers) {
        let p = 0
        if (liked.length && anyMarked(colourIds, likedColours, position)) p++
        if (brands.size && anyMarked(index.brands, likedBrands, position)) p++
        if (styles.size && anyMarked(index.styles, likedStyles, position)) p++
        if (occasions.size && anyMarked(index.occasions, likedOccasions, position)) p++
        sum += PROFILE_EVIDENCE * p
      }
      const embedding = embeddings[position]
      if (embedded && embedding) {
        let cosine: number
        if (embedding.length <= embeddingSum.length) {
          let dot = 0
          for (let i = 0; i < embedding.length; i++) dot += embeddingSum[i] * embedding[i]
          const norm = embeddingNorms[position]
          cosine = norm && tasteNorm ? dot / (tasteNorm * Math.sqrt(norm)) : 0
        } else cosine = cosineWithTaste(embedding)
        sum += EMBEDDING_EVIDENCE * Math.max(0, cosine)
      }
      if (avoided.length) {
        for (let j = colourIds.start[position], end = Math.min(j + 2, colourIds.start[position + 1]); j < end; j++) {
          if (avoidedColours[colourIds.ids[j]]) {
            sum += Math.log(AVOIDED_COLOUR_FACTOR)
            break
          }
        }
      }
      return sum
    }
  }

  /** exp(evidence − the best an item could have): 1 for an item with everything the shopper likes. */
  const value = (item: CatalogItem) => Math.max(0, Math.min(1, Math.exp(evidence(item) - best)))

  return {
    value,
    evidence,
    evidenceAt,
    best,
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
