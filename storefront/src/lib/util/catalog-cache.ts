import type { CatalogCacheTag } from "@curator/types/storefront-revalidation"

/**
 * Anonymous catalog reads (the same for every shopper) are kept in Next's data cache under tags,
 * and Medusa expires those tags when a product, price, stock level or lookbook changes (its
 * subscriber calls POST /api/revalidate). The time limits are a backstop for a call that was lost.
 * Nothing read with a shopper's session or cart goes through here.
 */

/** Backstop for reads Medusa's events keep fresh: product pages, lookbook lists, suggestions. */
export const CATALOG_REVALIDATE_SECONDS = 300

/**
 * Backstop for reads that show many products' stock (listings' "in stock", a lookbook's pieces):
 * an order expires only its products' own tags (`product-<id>`), not every listing, so that a
 * busy shop keeps its listings cached; those listings follow within this many seconds.
 */
export const STOCK_REVALIDATE_SECONDS = 60

export const catalogTags = {
  products: "products" as CatalogCacheTag,
  product: (id: string): CatalogCacheTag => `product-${id}`,
  lookbooks: "lookbooks" as CatalogCacheTag,
  lookbook: (id: string): CatalogCacheTag => `lookbook-${id}`,
}

/** Fetch options of a cached catalog read: shared by every shopper, expired by `tags`. */
export function catalogCache(tags: CatalogCacheTag[], revalidate: number = CATALOG_REVALIDATE_SECONDS) {
  return { next: { revalidate, tags }, cache: "force-cache" as const }
}
