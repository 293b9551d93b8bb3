/**
 * The storefront's cache tags for anonymous catalog reads, and the body of its revalidation route
 * (POST <STOREFRONT_URL>/api/revalidate, sent by src/subscribers/storefront-catalog-revalidation.ts).
 * Type-only, so the storefront and the backend agree on the names without sharing code.
 *
 * - `products`: every read that shows products, prices or stock (lists, search, suggestions,
 *   product pages, cards, lookbook pages' pieces).
 * - `product-<id>`: reads of one product known by id (its regional stock, its card).
 * - `lookbooks`: every lookbook read (the list, the home page's featured ones, a lookbook's page).
 * - `lookbook-<id>`: reads of one lookbook known by id.
 */
export type CatalogCacheTag = "products" | `product-${string}` | "lookbooks" | `lookbook-${string}`

/** POST /api/revalidate on the storefront, with `Authorization: Bearer <STOREFRONT_REVALIDATE_SECRET>`. */
export type StorefrontRevalidateRequest = { tags: CatalogCacheTag[] }

/** Its answer: the tags it expired. */
export type StorefrontRevalidateResponse = { revalidated: string[] }
