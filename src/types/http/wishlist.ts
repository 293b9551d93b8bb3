import type { ProductCard } from "./product-card"

/**
 * A signed-in customer's saved item (GET/POST /store/customers/me/saved-items). Type-only, so
 * the storefront can import it.
 */
export type StoreSavedItem = {
  id: string
  product_id: string
  created_at: string
  /** The shared product card, priced for the shopper's region when the request names one. */
  product: ProductCard
}

/** GET /store/customers/me/saved-items: most recently saved first. */
export type StoreSavedItemListResponse = { saved_items: StoreSavedItem[]; count: number; offset: number; limit: number }

/** POST /store/customers/me/saved-items */
export type StoreSavedItemResponse = { saved_item: StoreSavedItem }

/** POST /store/customers/me/saved-items/batch: products that no longer exist are skipped and named. */
export type StoreSavedItemBatchResponse = { saved_items: StoreSavedItem[]; not_found: string[] }

/** DELETE /store/customers/me/saved-items/:product_id */
export type StoreSavedItemDeleteResponse = { id: string; object: "saved_item"; deleted: true }
