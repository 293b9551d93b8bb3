/**
 * Outfits from the ranking: "outfits for you", "complete the look" around one product (never more of its own
 * category), and "dress me" from the shopper's wardrobe completed by at most two catalog products. Every
 * outfit is a valid composition (a top and a bottom, or a dress; shoes; optional outerwear and bag; never two
 * items in one slot) and its catalog pieces total within the outfit budget.
 */
import { CollaborativeModel } from "./collaborative"
import { applyHardConstraints, checkItem, EmptiedBy, NoMatch, RejectionCounts } from "./constraints"
import { formatMoney, CatalogIndex, insertBounded, rankCatalog, RankedItem, Ranking, RankingOptions } from "./hybrid"
import { garmentHarmony } from "./colour"
import { OPTIONAL_SLOTS, OUTFIT_TEMPLATES, outfitKnowledge, outfitProblems, seasonFits, slotsCompatible } from "./knowledge"
import { CatalogItem, Colour, RequestFilters, Shopper, Slot } from "./types"

export type OutfitPiece = {
  source: "catalog" | "wardrobe"
  slot: Slot
  /** Catalog pieces: the product and the variant in the shopper's size. A wardrobe piece of ours keeps its product id. */
  product_id: string | null
  variant_id: string | null
  /** Wardrobe pieces: the wardrobe item. */
  owned_item_id: string | null
  category_handle: string | null
  title: string
  colours: Colour[]
  season: string | null
  occasions: string[]
  /** What the shopper pays for it: 0 for what they own. */
  price: number
  score: number
  reasons: string[]
}

export type Outfit = { items: OutfitPiece[]; total: { amount: number; currency_code: string }; score: number; reasons: string[] }

export type OutfitsAnswer = { outfits: Outfit[]; rejected: RejectionCounts; no_match: NoMatch | null }

export type OutfitOptions = RankingOptions & {
  limit?: number
  /** Pieces considered per slot (the best ones, plus the cheapest for tight budgets). Default 6. */
  piecesPerSlot?: number
}

/** A catalog piece; its reasons are worded (`explain`) only once it is in an answered outfit. */
const catalogPiece = (r: RankedItem, explain?: (r: RankedItem) => string[]): OutfitPiece => ({
  source: "catalog",
  slot: r.item.slot,
  product_id: r.product_id,
  variant_id: r.variant_id,
  owned_item_id: null,
  category_handle: r.item.category_handle,
  title: r.item.title,
  colours: r.item.colours,
  season: r.item.season,
  occasions: r.item.occasions,
  price: r.item.price,
  score: r.score,
  get reasons() {
    return explain ? explain(r) : r.reasons
  },
})

type ComposeInput = {
  fixed: OutfitPiece[]
  pools: Map<Slot, OutfitPiece[]>
  /** Most the outfit's pieces may cost together (fixed ones included); null: no limit. */
  budget: number | null
  currency_code: string
  season: string
  occasion: string | null
  limit: number
  piecesPerSlot: number
  /** Most catalog pieces besides the fixed ones ("dress me": 2). */
  maxAddedCatalog?: number
  /** Fewest wardrobe pieces per outfit ("dress me": 1). */
  minWardrobe?: number
}

type Composed = { outfits: Outfit[]; overBudget: number; missingSlot: Slot | null }

const pieceKey = (p: OutfitPiece) => (p.source === "wardrobe" ? `w:${p.owned_item_id}` : `c:${p.product_id}`)

/** The best pieces of a slot, plus the cheapest so that tight budgets still find an outfit. */
function shortlist(pool: OutfitPiece[], n: number): OutfitPiece[] {
  const chosen = pool.slice(0, n)
  const cheapest = [...pool].sort((a, b) => a.price - b.price || b.score - a.score).slice(0, 2)
  for (const p of cheapest) if (!chosen.includes(p)) chosen.push(p)
  return chosen
}

function cartesian<T>(lists: T[][]): T[][] {
  let out: T[][] = [[]]
  for (const list of lists) {
    const next: T[][] = []
    for (const prefix of out) for (const x of list) next.push([...prefix, x])
    out = next
  }
  return out
}

/** Builds up to `limit` valid, affordable, varied outfits around the fixed pieces. */
function composeOutfits(input: ComposeInput): Composed {
  const fixedSlots = new Set(input.fixed.map((p) => p.slot))
  const fixedPrice = input.fixed.reduce((s, p) => s + p.price, 0)
  const fixedWardrobe = input.fixed.filter((p) => p.source === "wardrobe").length
  let overBudget = 0
  let missingSlot: Slot | null = null
  const combos: Array<{ pieces: OutfitPiece[]; score: number; total: number }> = []

  for (const template of OUTFIT_TEMPLATES) {
    // A fixed piece must fit the template (no dress with a fixed top, no second shoe).
    if ([...fixedSlots].some((s) => !OPTIONAL_SLOTS.includes(s) && !template.required.includes(s))) continue
    const required = template.required.filter((s) => !fixedSlots.has(s))
    const lists = required.map((s) => shortlist(input.pools.get(s) ?? [], input.piecesPerSlot))
    const empty = required.find((_, i) => !lists[i].length)
    if (empty) {
      missingSlot = missingSlot ?? empty
      continue
    }
    for (const chosen of cartesian(lists)) {
      const added = chosen.filter((p) => p.source === "catalog").length
      if (input.maxAddedCatalog !== undefined && added > input.maxAddedCatalog) continue
      const wardrobe = fixedWardrobe + chosen.length - added
      if (input.minWardrobe !== undefined && wardrobe < input.minWardrobe) continue
      const total = fixedPrice + chosen.reduce((s, p) => s + p.price, 0)
      if (input.budget !== null && total > input.budget) {
        overBudget++
        continue
      }
      const pieces = [...input.fixed, ...chosen]
      const k = outfitKnowledge(pieces, input.season, input.occasion)
      const mean = pieces.reduce((s, p) => s + p.score, 0) / pieces.length
      const wardrobeShare = input.minWardrobe ? wardrobe / pieces.length : 0
      combos.push({ pieces, score: 0.55 * mean + 0.45 * k.score + 0.1 * wardrobeShare, total })
    }
  }
  combos.sort((a, b) => b.score - a.score || a.total - b.total)

  // Variety: a piece the shopper would buy appears in one outfit (shoes and bags in two); wardrobe pieces in two.
  const uses = new Map<string, number>()
  const maxUses = (p: OutfitPiece) => (p.source === "wardrobe" || p.slot === "shoes" || p.slot === "bag" ? 2 : 1)
  const outfits: Outfit[] = []
  for (const combo of combos) {
    if (outfits.length >= input.limit) break
    const added = combo.pieces.slice(input.fixed.length)
    if (added.some((p) => (uses.get(pieceKey(p)) ?? 0) >= maxUses(p))) continue
    const pieces = [...combo.pieces]
    let total = combo.total
    let addedCatalog = added.filter((p) => p.source === "catalog").length

    // Optional slots: outerwear when it is cold, a bag always, each only if it goes with everything and fits the budget.
    for (const slot of OPTIONAL_SLOTS) {
      if (slot === "accessory" || pieces.some((p) => p.slot === slot)) continue
      if (slot === "outerwear" && input.season !== "autumn-winter") continue
      if (
        input.maxAddedCatalog !== undefined &&
        addedCatalog >= input.maxAddedCatalog &&
        !(input.pools.get(slot) ?? []).some((p) => p.source === "wardrobe")
      )
        continue
      let best: { piece: OutfitPiece; value: number } | null = null
      for (const candidate of (input.pools.get(slot) ?? []).slice(0, input.piecesPerSlot * 2)) {
        if ((uses.get(pieceKey(candidate)) ?? 0) >= maxUses(candidate)) continue
        if (candidate.source === "catalog" && input.maxAddedCatalog !== undefined && addedCatalog >= input.maxAddedCatalog) continue
        if (input.budget !== null && total + candidate.price > input.budget) continue
        if (!pieces.every((p) => slotsCompatible(p.slot, candidate.slot))) continue
        const harmony = Math.min(...pieces.map((p) => garmentHarmony(p.colours, candidate.colours).score))
        if (harmony < 0.55 || !seasonFits(candidate.season, input.season)) continue
        const value = 0.5 * candidate.score + 0.5 * harmony
        if (!best || value > best.value) best = { piece: candidate, value }
      }
      if (best) {
        pieces.push(best.piece)
        total += best.piece.price
        if (best.piece.source === "catalog") addedCatalog++
      }
    }

    if (outfitProblems(pieces.map((p) => p.slot)).length) continue // cannot happen by construction; never answer one
    for (const p of pieces.slice(input.fixed.length)) uses.set(pieceKey(p), (uses.get(pieceKey(p)) ?? 0) + 1)
    const k = outfitKnowledge(pieces, input.season, input.occasion)
    const reasons = [...k.reasons]
    const amount = Math.round(total * 100) / 100
    if (input.budget !== null)
      reasons.push(
        `${formatMoney(amount, input.currency_code)} in total, within your ${formatMoney(input.budget, input.currency_code)} outfit budget`
      )
    const owned = pieces.filter((p) => p.source === "wardrobe").length
    if (owned) reasons.push(owned === 1 ? "1 piece from your wardrobe" : `${owned} pieces from your wardrobe`)
    // Plain copies: the catalog pieces' reasons are worded here, once per answered piece.
    outfits.push({
      items: pieces.map((p) => ({ ...p })),
      total: { amount, currency_code: input.currency_code },
      score: Math.min(1, combo.score),
      reasons,
    })
  }
  return { outfits, overBudget, missingSlot }
}

/**
 * Each slot's candidates, best first: the best `3 × n` (more are never looked at) and the two cheapest, so
 * that a tight outfit budget still finds an outfit. One pass over the ranking's candidates, nothing sorted whole.
 */
function poolsBySlot(index: CatalogIndex, ranking: Ranking, n: number, keep: (item: CatalogItem) => boolean = () => true): Map<Slot, OutfitPiece[]> {
  const { count, positions, before, at } = ranking.candidates
  const items = index.items
  const best = new Map<Slot, number[]>()
  const cheapest = new Map<Slot, number[]>()
  // The cheaper first; among equal prices the better ranked.
  const cheaper = (a: number, b: number) => {
    const pa = items[positions[a]].price
    const pb = items[positions[b]].price
    return pa < pb || (pa === pb && before(a, b))
  }
  for (let j = 0; j < count; j++) {
    const item = items[positions[j]]
    if (!keep(item)) continue
    let list = best.get(item.slot)
    if (!list) {
      best.set(item.slot, (list = []))
      cheapest.set(item.slot, [])
    }
    insertBounded(list, j, 3 * n, before)
    insertBounded(cheapest.get(item.slot)!, j, 2, cheaper)
  }
  const pools = new Map<Slot, OutfitPiece[]>()
  for (const [slot, list] of best) {
    const all = [...list]
    for (const j of cheapest.get(slot)!) if (!all.includes(j)) all.push(j)
    pools.set(
      slot,
      all.map((j) => catalogPiece(at(j), ranking.explain))
    )
  }
  return pools
}

/** Why no outfit came out: the budget, or what emptied a slot every outfit needs. */
function whyNoOutfit(
  index: CatalogIndex,
  shopper: Shopper,
  composed: Composed,
  options: OutfitOptions,
  exclude: (item: CatalogItem) => boolean
): EmptiedBy {
  if (composed.overBudget > 0 && !composed.missingSlot) return "outfit_budget"
  const slot = composed.missingSlot
  if (!slot) return "composition"
  const items = index.items.filter((i) => i.slot === slot && !exclude(i))
  if (!items.length) return "composition"
  const result = applyHardConstraints(items, shopper.profile, options.sizeGroups)
  return result.no_match ? result.no_match.emptied_by : "feedback"
}

const answer = (composed: Composed, rejected: RejectionCounts, why: () => EmptiedBy): OutfitsAnswer => ({
  outfits: composed.outfits,
  rejected: { ...rejected, outfit_budget: composed.overBudget },
  no_match: composed.outfits.length ? null : { reason: "no_match", emptied_by: why() },
})

/** "Outfits for you": complete outfits from the catalog, best first. */
export function recommendOutfits(
  index: CatalogIndex,
  model: CollaborativeModel,
  shopper: Shopper,
  filters: RequestFilters = {},
  options: OutfitOptions = {}
): OutfitsAnswer {
  const ranking = rankCatalog(index, model, shopper, { ...filters, category: null }, options)
  const composed = composeOutfits({
    fixed: [],
    pools: poolsBySlot(index, ranking, options.piecesPerSlot ?? 6),
    budget: shopper.profile.budget.max_outfit,
    currency_code: shopper.profile.budget.currency_code,
    season: ranking.season,
    occasion: filters.occasion ?? null,
    limit: options.limit ?? 6,
    piecesPerSlot: options.piecesPerSlot ?? 6,
  })
  return answer(composed, ranking.rejected, () => whyNoOutfit(index, shopper, composed, options, () => false))
}

/**
 * "Complete the look": outfits built around one product, which must itself pass the hard constraints (the
 * outfit goes into the cart whole). No other product of its category, nothing else in its slot.
 */
export function completeTheLook(
  index: CatalogIndex,
  model: CollaborativeModel,
  shopper: Shopper,
  productId: string,
  filters: RequestFilters = {},
  options: OutfitOptions = {}
): OutfitsAnswer & { anchor: OutfitPiece | null } {
  const ranking = rankCatalog(index, model, shopper, { ...filters, category: null }, options)
  const anchorItem = index.byId.get(productId)
  const checked = anchorItem ? checkItem(anchorItem, shopper.profile, options.sizeGroups) : "sold_in_region"
  if (typeof checked === "string") {
    return { anchor: null, outfits: [], rejected: ranking.rejected, no_match: { reason: "no_match", emptied_by: checked } }
  }
  const anchor: OutfitPiece = catalogPiece({
    product_id: checked.item.product_id,
    variant_id: checked.variant.id,
    variant: checked.variant,
    size: checked.size,
    item: checked.item,
    score: 1,
    reasons: [],
    explained: true,
    components: { collaborative: 0, content: 0, knowledge: 0 },
  })
  const exclude = (item: CatalogItem) =>
    item.category_handle === checked.item.category_handle || item.slot === checked.item.slot || item.product_id === productId
  // Pieces that go with the anchor rank higher here than in "for you".
  const pools = poolsBySlot(index, ranking, options.piecesPerSlot ?? 6, (item) => !exclude(item))
  for (const pool of pools.values()) {
    for (const p of pool) p.score = 0.6 * p.score + 0.4 * garmentHarmony(anchor.colours, p.colours).score
    pool.sort((a, b) => b.score - a.score)
  }
  const composed = composeOutfits({
    fixed: [anchor],
    pools,
    budget: shopper.profile.budget.max_outfit,
    currency_code: shopper.profile.budget.currency_code,
    season: filters.season ?? (anchor.season && anchor.season !== "all-season" ? anchor.season : ranking.season),
    occasion: filters.occasion ?? null,
    limit: options.limit ?? 4,
    piecesPerSlot: options.piecesPerSlot ?? 6,
  })
  return { anchor, ...answer(composed, ranking.rejected, () => whyNoOutfit(index, shopper, composed, options, exclude)) }
}

/**
 * "Dress me": outfits from the shopper's own wardrobe, each completed by at most two catalog products
 * (what they own costs nothing; the catalog pieces stay within the outfit budget).
 */
export function dressMe(
  index: CatalogIndex,
  model: CollaborativeModel,
  shopper: Shopper,
  filters: RequestFilters = {},
  options: OutfitOptions = {}
): OutfitsAnswer {
  const ranking = rankCatalog(index, model, shopper, { ...filters, category: null }, options)
  const occasion = filters.occasion?.toLowerCase() ?? null
  const pools = new Map<Slot, OutfitPiece[]>()
  const n = options.piecesPerSlot ?? 6
  for (const owned of shopper.wardrobe) {
    const occasionFit = !occasion || (owned.occasions ?? []).some((o) => o.toLowerCase() === occasion)
    const piece: OutfitPiece = {
      source: "wardrobe",
      slot: owned.slot,
      product_id: owned.product_id ?? null,
      variant_id: null,
      owned_item_id: owned.id,
      category_handle: owned.category_handle,
      title: owned.title,
      colours: owned.colours,
      season: owned.season ?? null,
      occasions: owned.occasions ?? [],
      price: 0,
      score: 0.5 + (occasionFit ? 0.25 : 0) + (seasonFits(owned.season, ranking.season) ? 0.25 : 0),
      reasons: ["from your wardrobe"],
    }
    let pool = pools.get(owned.slot)
    if (!pool) pools.set(owned.slot, (pool = []))
    pool.push(piece)
  }
  // Each slot: the best owned pieces first, then the best catalog ones, so both get a place on the shortlist.
  const catalog = poolsBySlot(index, ranking, n)
  for (const pool of pools.values()) pool.sort((a, b) => b.score - a.score).splice(Math.ceil(n / 2))
  for (const [slot, pieces] of catalog) {
    const pool = pools.get(slot) ?? []
    pools.set(slot, [...pool, ...pieces.slice(0, n - pool.length + 2)])
  }
  const composed = composeOutfits({
    fixed: [],
    pools,
    budget: shopper.profile.budget.max_outfit,
    currency_code: shopper.profile.budget.currency_code,
    season: ranking.season,
    occasion,
    limit: options.limit ?? 4,
    piecesPerSlot: n,
    maxAddedCatalog: 2,
    minWardrobe: 1,
  })
  return answer(composed, ranking.rejected, () =>
    shopper.wardrobe.length ? whyNoOutfit(index, shopper, composed, options, () => false) : "composition"
  )
}
