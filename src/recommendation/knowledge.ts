/**
 * Knowledge scorer: what a stylist knows. What makes an outfit (a top and a bottom, or a dress; shoes;
 * optional outerwear, bag and accessory; never two items in one slot), colour harmony, the season and the
 * occasion, and what the shopper already owns (pieces that go with it score up, near-duplicates down).
 */
import { garmentHarmony } from "./colour"
import { CatalogItem, Colour, OwnedItem, RequestFilters, ScoreResult, Slot, StyleProfile } from "./types"
import { anyMarked, markValues, vocabulary, Vocabulary } from "./vocabulary"

/** Slots an outfit must fill, one way or the other, and the ones it may add. */
export const OUTFIT_TEMPLATES: ReadonlyArray<{ name: "separates" | "dress"; required: Slot[] }> = [
  { name: "separates", required: ["top", "bottom", "shoes"] },
  { name: "dress", required: ["dress", "shoes"] },
]
export const OPTIONAL_SLOTS: readonly Slot[] = ["outerwear", "bag", "accessory"]

/** Whether two garments can be worn together: different slots, and no top or bottom over a dress. */
export function slotsCompatible(a: Slot, b: Slot): boolean {
  if (a === b) return false
  if (a === "dress" && (b === "top" || b === "bottom")) return false
  if (b === "dress" && (a === "top" || a === "bottom")) return false
  return true
}

/**
 * What is wrong with an outfit made of these slots (empty when it is valid): a slot twice, a dress with a
 * top or bottom, a top without a bottom (or the other way round), no dress and no separates, no shoes.
 */
export function outfitProblems(slots: Slot[]): string[] {
  const problems: string[] = []
  const seen = new Set<Slot>()
  for (const s of slots) {
    if (seen.has(s)) problems.push(`two items in the ${s} slot`)
    seen.add(s)
  }
  const dress = seen.has("dress")
  if (dress && (seen.has("top") || seen.has("bottom"))) problems.push("a dress with a top or bottom")
  if (!dress && seen.has("top") !== seen.has("bottom")) problems.push(seen.has("top") ? "a top without a bottom" : "a bottom without a top")
  if (!dress && !seen.has("top") && !seen.has("bottom")) problems.push("neither a dress nor a top and a bottom")
  if (!seen.has("shoes")) problems.push("no shoes")
  return problems
}

/** The season a date falls in, northern hemisphere: March–August spring-summer, else autumn-winter. */
export function seasonAt(epochMs: number): "spring-summer" | "autumn-winter" {
  const month = new Date(epochMs).getUTCMonth()
  return month >= 2 && month <= 7 ? "spring-summer" : "autumn-winter"
}

export const seasonFits = (itemSeason: string | null | undefined, season: string) =>
  !itemSeason || itemSeason === "all-season" || itemSeason === season

/** "Grey Marl" → "grey marl"; the wardrobe item's own title when it has one. */
const ownedName = (owned: OwnedItem) => owned.title.trim().toLowerCase()

export type KnowledgeContext = {
  profile: StyleProfile
  wardrobe: OwnedItem[]
  filters: RequestFilters
  /** The season to dress for (the request's, else the current one). */
  season: string
  /** The catalog's knowledge index (indexKnowledge): enables `valueAt`. */
  index?: KnowledgeIndex
}

export type KnowledgeScorer = {
  /** The score alone (the fast path for ranking a whole catalog). */
  value(item: CatalogItem): number
  /** `value` of the item at this position of the context's index (null without one). */
  valueAt: ((position: number) => number) | null
  score(item: CatalogItem): ScoreResult
}

/**
 * A catalog's occasions (lower case), colour combinations and main colours interned once per catalog snapshot
 * (indexCatalog): a request decides the occasion match and the harmony with the wardrobe once per distinct value.
 */
export type KnowledgeIndex = {
  items: readonly CatalogItem[]
  occasions: Vocabulary<string>
  /** Per item: its colours' combination (coloursKey), an index into `colourSets`. */
  colourSetOf: Int32Array
  colourSets: Colour[][]
  /** Per item: its main colour's name, trimmed and lower case (null without colours). */
  mainColour: Array<string | null>
}

export function indexKnowledge(items: readonly CatalogItem[], occasions?: Vocabulary<string>): KnowledgeIndex {
  const setIds = new Map<string, number>()
  const colourSets: Colour[][] = []
  const colourSetOf = new Int32Array(items.length)
  items.forEach((item, i) => {
    const key = coloursKey(item)
    let id = setIds.get(key)
    if (id === undefined) {
      setIds.set(key, (id = colourSets.length))
      colourSets.push(item.colours)
    }
    colourSetOf[i] = id
  })
  return {
    items,
    occasions:
      occasions ??
      vocabulary(
        items,
        (i) => i.occasions.map(lowerCase),
        (o) => o
      ),
    colourSetOf,
    colourSets,
    mainColour: items.map((item) => (item.colours[0] ? lowerCase(item.colours[0].name.trim()) : null)),
  }
}

/** Prepares the shopper's knowledge scores, each in [0, 1]. */
export function knowledgeScorer(context: KnowledgeContext): KnowledgeScorer {
  const occasions = context.filters.occasion ? [context.filters.occasion.toLowerCase()] : context.profile.occasions.map((o) => o.toLowerCase())
  const wardrobe = context.wardrobe
  const ownedSlots = new Set(wardrobe.map((w) => w.slot))
  const ownedProducts = new Set(wardrobe.map((w) => w.product_id).filter(Boolean))

  const ownedMainColour = wardrobe.map((w) => (w.colours[0] ? w.colours[0].name.trim().toLowerCase() : null))
  const ownedSeasonFactor = wardrobe.map((w) => (seasonFits(w.season, context.season) ? 1 : 0.8))
  // Colour harmony with each owned piece, by the item's colours (items share a few colours: this is the hot loop).
  const harmonyByColours = new Map<string, Float64Array>()
  const harmonies = (item: CatalogItem) => {
    const key = coloursKey(item)
    let h = harmonyByColours.get(key)
    if (!h) {
      h = new Float64Array(wardrobe.length)
      for (let i = 0; i < wardrobe.length; i++) h[i] = garmentHarmony(wardrobe[i].colours, item.colours).score
      harmonyByColours.set(key, h)
    }
    return h
  }
  const index = context.index
  const occasionMarks = index ? markValues(index.occasions, (o) => o !== "" && occasions.includes(o)) : null
  // By the index's colour combinations: the harmony of combination c with owned piece i at c × wardrobe + i.
  const setHarmony = index && wardrobe.length ? new Float64Array(index.colourSets.length * wardrobe.length) : null
  const setHarmonyKnown = setHarmony ? new Uint8Array(index!.colourSets.length) : null
  /** Where the item's harmonies start in setHarmony. */
  const harmoniesAt = (position: number) => {
    const set = index!.colourSetOf[position]
    if (!setHarmonyKnown![set]) {
      const colours = index!.colourSets[set]
      for (let i = 0; i < wardrobe.length; i++) setHarmony![set * wardrobe.length + i] = garmentHarmony(wardrobe[i].colours, colours).score
      setHarmonyKnown![set] = 1
    }
    return set * wardrobe.length
  }

  /** The score; reasons are pushed onto `reasons` when it is given. `position`: the item's in the index (-1: none). */
  function evaluate(item: CatalogItem, reasons: string[] | null, position = -1): number {
    let score = 0
    let total = 0

    const inSeason = seasonFits(item.season, context.season)
    score += 0.25 * (inSeason ? 1 : 0.2)
    total += 0.25
    if (reasons && inSeason && item.season && item.season !== "all-season" && context.filters.season)
      reasons.push(`for ${item.season.replace("-", "/")}`)

    if (occasions.length) {
      const match =
        position >= 0 ? anyMarked(index!.occasions, occasionMarks!, position) : item.occasions.find((o) => occasions.includes(lowerCase(o)))
      score += 0.3 * (match ? 1 : 0.3)
      total += 0.3
      if (reasons && typeof match === "string") reasons.push(`right for ${match.toLowerCase()}`)
    }

    if (wardrobe.length) {
      // Pairing: the best-matching owned piece this item could be worn with.
      let best: OwnedItem | null = null
      let bestScore = 0
      let duplicate = false
      const itemMain = position >= 0 ? index!.mainColour[position] : item.colours[0] ? lowerCase(item.colours[0].name.trim()) : null
      let harmony: Float64Array | null = null
      let harmonyStart = 0
      for (let i = 0; i < wardrobe.length; i++) {
        const owned = wardrobe[i]
        if (owned.product_id === item.product_id) continue
        if (owned.slot === item.slot && owned.category_handle === item.category_handle && itemMain !== null && ownedMainColour[i] === itemMain)
          duplicate = true
        if (!slotsCompatible(owned.slot, item.slot)) continue
        if (!harmony) {
          if (position >= 0) {
            harmonyStart = harmoniesAt(position)
            harmony = setHarmony!
          } else harmony = harmonies(item)
        }
        const h = harmony[harmonyStart + i] * ownedSeasonFactor[i]
        if (!best || h > bestScore) {
          best = owned
          bestScore = h
        }
      }
      score += 0.3 * (best ? bestScore : 0.3)
      total += 0.3
      if (reasons && best && bestScore >= 0.8) reasons.push(`goes with the ${ownedName(best)} in your wardrobe`)
      // Filling a gap (no shoes yet, say) helps more outfits than a fifth pair of trousers.
      const fillsGap = !ownedSlots.has(item.slot) && (item.slot === "shoes" || item.slot === "bottom" || item.slot === "top" || item.slot === "dress")
      score += 0.15 * (ownedProducts.has(item.product_id) ? 0 : duplicate ? 0.2 : fillsGap ? 1 : 0.7)
      total += 0.15
      if (reasons && fillsGap) reasons.push(`adds ${item.slot === "shoes" ? "shoes" : `a ${item.slot}`} your wardrobe lacks`)
    }
    return total ? score / total : 0
  }

  return {
    value: (item) => evaluate(item, null),
    valueAt: index ? (position) => evaluate(index.items[position], null, position) : null,
    score(item) {
      const reasons: string[] = []
      return { score: evaluate(item, reasons), reasons }
    },
  }
}

/** Lower-cased strings, remembered (the catalog's vocabulary of colours and occasions is small). */
const lowered = new Map<string, string>()
function lowerCase(value: string): string {
  let v = lowered.get(value)
  if (v === undefined) {
    if (lowered.size > 10_000) lowered.clear()
    lowered.set(value, (v = value.toLowerCase()))
  }
  return v
}

/** An item's colours as one key (names and hexes), remembered per item object. */
const colourKeys = new WeakMap<CatalogItem, { colours: Colour[]; key: string }>()
function coloursKey(item: CatalogItem): string {
  let k = colourKeys.get(item)
  if (!k || k.colours !== item.colours) {
    k = { colours: item.colours, key: item.colours.map((c) => `${c.name}\u0000${c.hex ?? ""}`).join("\u0001") }
    colourKeys.set(item, k)
  }
  return k.key
}

export type OutfitPieceLike = { slot: Slot; colours: Colour[]; season?: string | null; occasions?: string[]; title: string }

/**
 * How well pieces make one outfit, in [0, 1], with reasons: mean pairwise colour harmony, the season and
 * the occasion all pieces share. Composition is checked by `outfitProblems`, not scored here.
 */
export function outfitKnowledge(pieces: OutfitPieceLike[], season: string, occasion: string | null): ScoreResult {
  let harmony = 0
  let pairs = 0
  let worst: { a: OutfitPieceLike; b: OutfitPieceLike; score: number } | null = null
  let best: { a: OutfitPieceLike; b: OutfitPieceLike; score: number; kind: string } | null = null
  for (let i = 0; i < pieces.length; i++) {
    for (let j = i + 1; j < pieces.length; j++) {
      const h = garmentHarmony(pieces[i].colours, pieces[j].colours)
      harmony += h.score
      pairs++
      if (!worst || h.score < worst.score) worst = { a: pieces[i], b: pieces[j], score: h.score }
      if (h.kind !== "neutral" && h.kind !== "unknown" && (!best || h.score > best.score))
        best = { a: pieces[i], b: pieces[j], score: h.score, kind: h.kind }
    }
  }
  const harmonyScore = pairs ? harmony / pairs : 0.5
  const seasonShare = pieces.filter((p) => seasonFits(p.season, season)).length / (pieces.length || 1)
  const occasionShare = occasion
    ? pieces.filter((p) => (p.occasions ?? []).some((o) => o.toLowerCase() === occasion.toLowerCase())).length / (pieces.length || 1)
    : 1
  const reasons: string[] = []
  if (worst && worst.score >= 0.7) {
    reasons.push(best ? `${best.kind} colours: ${colourWord(best.a)} with ${colourWord(best.b)}` : "neutral colours that go with everything")
  }
  if (seasonShare === 1 && pieces.some((p) => p.season && p.season !== "all-season")) reasons.push(`all for ${season.replace("-", "/")}`)
  if (occasion && occasionShare >= 0.75) reasons.push(`dressed for ${occasion.toLowerCase()}`)
  const score = 0.6 * harmonyScore + 0.2 * seasonShare + 0.2 * occasionShare
  return { score: Math.max(0, Math.min(1, score)), reasons }
}

const colourWord = (p: OutfitPieceLike) => (p.colours[0]?.name ?? "").toLowerCase()
