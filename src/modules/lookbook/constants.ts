/** A lookbook is visible in the store only once published. */
export const LOOKBOOK_STATUSES = ["draft", "published"] as const
export type LookbookStatus = (typeof LOOKBOOK_STATUSES)[number]

/** Handles are URL path segments: lower-case letters, digits and single dashes. */
export const HANDLE_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/

/** "Autumn Layers — 2026!" → "autumn-layers-2026"; accents folded to their base letter. */
export function handleFromTitle(title: string): string {
  return title
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/&/g, " and ")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 100)
    .replace(/-+$/g, "")
}

/**
 * The first of `base`, `base-2`, `base-3`, ... that is not taken. A title made only of symbols
 * gives an empty base; "lookbook" stands in for it.
 */
export function firstFreeHandle(base: string, taken: ReadonlySet<string>): string {
  const stem = base || "lookbook"
  if (!taken.has(stem)) return stem
  for (let n = 2; ; n++) {
    const candidate = `${stem}-${n}`
    if (!taken.has(candidate)) return candidate
  }
}

/** Add-to-cart rate of a look: carts per view, 0 when it has not been seen yet (4 decimals). */
export function addToCartRate(views: number, addToCartCount: number): number {
  if (!views) return 0
  return Math.round((addToCartCount / views) * 10_000) / 10_000
}

/** Why a hotspot's variant could not go into a cart. */
export const NOT_ADDED_REASONS = ["variant_deleted", "product_unpublished", "not_in_sales_channel", "not_sold_in_region", "out_of_stock"] as const
export type NotAddedReason = (typeof NOT_ADDED_REASONS)[number]
