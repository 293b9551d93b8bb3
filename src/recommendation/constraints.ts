/**
 * The hard constraints every recommendation surface applies, never relaxed: a variant in the shopper's size in
 * stock, the price within the per-item budget, published and sold in the region, and (for outfits) the total
 * within the outfit budget. When they leave nothing, the answer says which one emptied the list.
 */
import { CatalogItem, CatalogVariant, StyleBudget, StyleProfile } from "./types"

export type HardConstraint = "sold_in_region" | "size" | "item_budget" | "outfit_budget"

/** The order items are checked in; a rejected item counts against the first constraint it fails. */
export const ITEM_CONSTRAINTS: readonly HardConstraint[] = ["sold_in_region", "size", "item_budget"]

export type RejectionCounts = Record<HardConstraint, number>

/** What emptied a list: a hard constraint, or what the request itself narrowed (a category, the shopper's feedback, no valid outfit). */
export type EmptiedBy = HardConstraint | "category" | "feedback" | "composition"

export type NoMatch = { reason: "no_match"; emptied_by: EmptiedBy }

/** An item that passed, with the variant to sell (the shopper's size, in stock) and the size it was chosen for. */
export type EligibleItem = { item: CatalogItem; variant: CatalogVariant; size: string | null }

export type ConstraintResult = { kept: EligibleItem[]; rejected: RejectionCounts; no_match: NoMatch | null }

export const emptyRejections = (): RejectionCounts => ({ sold_in_region: 0, size: 0, item_budget: 0, outfit_budget: 0 })

/**
 * Category handles whose sizes stand in for one another when the profile names only one of them (the demo's
 * apparel shares one XS–XXL scale per body part). A size for another body part is never borrowed.
 */
export const DEFAULT_SIZE_GROUPS: readonly string[][] = [
  ["tops", "shirts", "knitwear", "outerwear", "dresses"],
  ["trousers", "jeans", "skirts"],
  ["shoes"],
]

const ONE_SIZE = /^(one[ -]?size|os|onesize|u)$/i

const isOneSize = (variant: CatalogVariant) => variant.size === null || ONE_SIZE.test(variant.size.trim())

/**
 * The shopper's size for an item's category: the profile's size for that handle, else for its slot name
 * ("top", "bottom", "shoes"), else for a handle in the same size group. null when the profile has none.
 */
export function shopperSizeFor(item: CatalogItem, sizes: Record<string, string>, groups: readonly string[][] = DEFAULT_SIZE_GROUPS): string | null {
  const direct = sizes[item.category_handle] ?? sizes[item.slot]
  if (direct) return direct
  for (const group of groups) {
    if (!group.includes(item.category_handle)) continue
    for (const handle of group) if (sizes[handle]) return sizes[handle]
  }
  return null
}

/**
 * The variant to recommend: in stock in the shopper's size; for products sold in one size, any in-stock
 * variant. null when there is none, including when the profile has no size for a sized product (a fit that
 * cannot be promised is not recommended).
 */
export function variantInShopperSize(
  item: CatalogItem,
  sizes: Record<string, string>,
  groups?: readonly string[][]
): { variant: CatalogVariant; size: string | null } | null {
  const { bySize, oneSize } = variantsBySize(item)
  if (!bySize) {
    for (const v of oneSize) if (v.in_stock) return { variant: v, size: null }
    return null
  }
  const size = shopperSizeFor(item, sizes, groups)
  if (!size) return null
  for (const v of bySize.get(normalSize(size)) ?? []) if (v.in_stock) return { variant: v, size }
  return null
}

/** "M " → "m", remembered: a profile's few sizes are normalised once, not once per catalog item. */
const normalSizes = new Map<string, string>()
function normalSize(size: string): string {
  let v = normalSizes.get(size)
  if (v === undefined) {
    if (normalSizes.size > 10_000) normalSizes.clear()
    normalSizes.set(size, (v = size.trim().toLowerCase()))
  }
  return v
}

/**
 * An item's variants by normalised size (null when it is sold in one size only), computed once per variants
 * list; stock is read from the variants each time, so it may change between requests.
 */
const variantIndex = new WeakMap<
  CatalogItem,
  { variants: CatalogVariant[]; bySize: Map<string, CatalogVariant[]> | null; oneSize: CatalogVariant[] }
>()
function variantsBySize(item: CatalogItem) {
  let index = variantIndex.get(item)
  // A new variants list (sizes added or removed) rebuilds the index.
  if (!index || index.variants !== item.variants) {
    let bySize: Map<string, CatalogVariant[]> | null = null
    const oneSize: CatalogVariant[] = []
    for (const v of item.variants) {
      if (isOneSize(v)) oneSize.push(v)
      else {
        bySize ??= new Map()
        const key = normalSize(v.size!)
        bySize.set(key, [...(bySize.get(key) ?? []), v])
      }
    }
    index = { variants: item.variants, bySize, oneSize }
    variantIndex.set(item, index)
  }
  return index
}

export const withinItemBudget = (price: number, budget: StyleBudget) => budget.max_item === null || price <= budget.max_item

export const withinOutfitBudget = (total: number, budget: StyleBudget) => budget.max_outfit === null || total <= budget.max_outfit

/** The first hard constraint an item fails, or the eligible item. Used by every surface, and by the tests to re-check answers. */
export function checkItem(item: CatalogItem, profile: StyleProfile, groups?: readonly string[][]): EligibleItem | HardConstraint {
  const currency = profile.budget.currency_code
  if (!item.sold_in_region || (item.currency_code !== currency && item.currency_code.toLowerCase() !== currency.toLowerCase()))
    return "sold_in_region"
  const chosen = variantInShopperSize(item, profile.sizes, groups)
  if (!chosen) return "size"
  if (!withinItemBudget(item.price, profile.budget)) return "item_budget"
  return { item, variant: chosen.variant, size: chosen.size }
}

/**
 * The catalog's variants laid out once per catalog snapshot (indexCatalog) so that a request checks the hard
 * constraints without per-item lookups: each item's category (handle and slot, which decide the shopper's size),
 * and its variants with their normalised size interned (-1: one size). Stock, price and region are read from the
 * items at check time, so stock may change between requests; anything else changed in an item (its variants, its
 * category) needs a new index. The rules are checkItem's; `indexedChecker` applies them to an index (the unit tests
 * check that both answer alike).
 */
export type ConstraintIndex = {
  /** Per item: its (category handle, slot) pair, an index into `categories`. */
  categoryOf: Int32Array
  categories: Array<{ category_handle: string; slot: CatalogItem["slot"] }>
  /** Per item: its variants are variants[variantStart[i]] up to variants[variantStart[i + 1]]. */
  variantStart: Int32Array
  variants: CatalogVariant[]
  /** Per variant: its normalised size's id in `sizeIds`, -1 for one size. */
  variantSize: Int32Array
  /** Per item: 1 when any variant has a size (then one-size variants are not offered, as in variantInShopperSize). */
  sized: Uint8Array
  sizeIds: Map<string, number>
}

export function indexConstraints(items: readonly CatalogItem[]): ConstraintIndex {
  const categoryIds = new Map<string, number>()
  const categories: ConstraintIndex["categories"] = []
  const categoryOf = new Int32Array(items.length)
  const variantStart = new Int32Array(items.length + 1)
  const variants: CatalogVariant[] = []
  const sizes: number[] = []
  const sized = new Uint8Array(items.length)
  const sizeIds = new Map<string, number>()
  for (let i = 0; i < items.length; i++) {
    const item = items[i]
    const key = `${item.category_handle}\u0000${item.slot}`
    let c = categoryIds.get(key)
    if (c === undefined) {
      categoryIds.set(key, (c = categories.length))
      categories.push({ category_handle: item.category_handle, slot: item.slot })
    }
    categoryOf[i] = c
    variantStart[i] = variants.length
    for (const v of item.variants) {
      variants.push(v)
      if (isOneSize(v)) sizes.push(-1)
      else {
        const normal = normalSize(v.size!)
        let id = sizeIds.get(normal)
        if (id === undefined) sizeIds.set(normal, (id = sizeIds.size))
        sizes.push(id)
        sized[i] = 1
      }
    }
  }
  variantStart[items.length] = variants.length
  return {
    categoryOf,
    categories,
    variantStart,
    variants,
    variantSize: Int32Array.from(sizes),
    sized,
    sizeIds,
  }
}

/** indexedChecker's answers besides a variant position (≥ 0): the constraint that rejected the item. */
export const REJECTED_SOLD_IN_REGION = -1
export const REJECTED_SIZE = -2
export const REJECTED_ITEM_BUDGET = -3
export const REJECTION_OF: Record<number, HardConstraint> = { [-1]: "sold_in_region", [-2]: "size", [-3]: "item_budget" }

/**
 * checkItem for the items of an index, prepared once per request: the shopper's size is looked up once per
 * category rather than once per item. `check(i)` answers the position (in `variants`) of the variant to sell, or
 * REJECTED_*; `sizeFor(i)` the size it was chosen for (null for one-size items).
 */
export function indexedChecker(items: readonly CatalogItem[], index: ConstraintIndex, profile: StyleProfile, groups?: readonly string[][]) {
  const currency = profile.budget.currency_code
  const lowerCurrency = currency.toLowerCase()
  const sizeOfCategory = index.categories.map((c) => shopperSizeFor(c as CatalogItem, profile.sizes, groups))
  // -1: the profile has no size for the category; -2: a size no variant of the catalog has.
  const sizeIdOfCategory = sizeOfCategory.map((size) => (size ? (index.sizeIds.get(normalSize(size)) ?? -2) : -1))
  const { categoryOf, variantStart, variants, variantSize, sized } = index

  function check(i: number): number {
    const item = items[i]
    if (!item.sold_in_region || (item.currency_code !== currency && item.currency_code.toLowerCase() !== lowerCurrency))
      return REJECTED_SOLD_IN_REGION
    let chosen = -1
    const end = variantStart[i + 1]
    if (!sized[i]) {
      for (let v = variantStart[i]; v < end; v++)
        if (variants[v].in_stock) {
          chosen = v
          break
        }
    } else {
      const want = sizeIdOfCategory[categoryOf[i]]
      if (want >= 0)
        for (let v = variantStart[i]; v < end; v++)
          if (variantSize[v] === want && variants[v].in_stock) {
            chosen = v
            break
          }
    }
    if (chosen < 0) return REJECTED_SIZE
    if (!withinItemBudget(item.price, profile.budget)) return REJECTED_ITEM_BUDGET
    return chosen
  }
  return { check, sizeFor: (i: number): string | null => (sized[i] ? sizeOfCategory[categoryOf[i]] : null) }
}

/**
 * Applies the item constraints to candidates: the items kept (with their variant), how many each constraint
 * rejected, and `no_match` naming the constraint that removed the last candidates when none is left.
 */
export function applyHardConstraints(items: Iterable<CatalogItem>, profile: StyleProfile, groups?: readonly string[][]): ConstraintResult {
  const kept: EligibleItem[] = []
  const rejected = emptyRejections()
  let seen = 0
  for (const item of items) {
    seen++
    const result = checkItem(item, profile, groups)
    if (typeof result === "string") rejected[result]++
    else kept.push(result)
  }
  return { kept, rejected, no_match: noMatchOf(kept.length, seen, rejected) }
}

/** null when something was kept; else the constraint that removed the last survivors of the `seen` candidates. */
export function noMatchOf(kept: number, seen: number, rejected: RejectionCounts): NoMatch | null {
  if (kept) return null
  // Checked in order, so the last constraint that rejected anything removed the last survivors.
  const emptied_by = seen ? ([...ITEM_CONSTRAINTS].reverse().find((c) => rejected[c] > 0) ?? "sold_in_region") : "sold_in_region"
  return { reason: "no_match", emptied_by }
}
