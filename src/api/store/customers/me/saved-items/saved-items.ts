import { MedusaContainer } from "@medusajs/framework/types"
import { MedusaError } from "@medusajs/framework/utils"
import { productCards } from "../../../../../catalog/product-card"
import { WISHLIST_MODULE } from "../../../../../modules/wishlist"
import type WishlistModuleService from "../../../../../modules/wishlist/service"
import { MAX_SAVED_ITEMS, SavedItemDTO } from "../../../../../modules/wishlist/service"
import { ShopperContext } from "../../../../../shopper/context"
import type { StoreSavedItem } from "../../../../../types/http/wishlist"

/** Whose saved items, and where they shop: cards are priced for the shopper's region and limited to the key's sales channels. */
export type SavedItemsViewer = { customer_id: string; shopper: ShopperContext | null; sales_channel_ids: string[] }

const wishlistOf = (scope: MedusaContainer) => scope.resolve<WishlistModuleService>(WISHLIST_MODULE)

/** Saved rows with their product cards; rows whose product the shopper can no longer see (deleted, unpublished) are left out. */
async function withCards(scope: MedusaContainer, viewer: SavedItemsViewer, rows: SavedItemDTO[]): Promise<StoreSavedItem[]> {
  const cards = await productCards(scope, {
    product_ids: rows.map((r) => r.product_id),
    shopper: viewer.shopper,
    sales_channel_ids: viewer.sales_channel_ids,
  })
  return rows.flatMap((row) => {
    const product = cards.products.get(row.product_id)
    return product ? [{ id: row.id, product_id: row.product_id, created_at: new Date(row.created_at).toISOString(), product }] : []
  })
}

/** The customer's saved items that are still on sale to them, most recently saved first. */
export async function listSavedItems(scope: MedusaContainer, viewer: SavedItemsViewer): Promise<StoreSavedItem[]> {
  const rows = await wishlistOf(scope).listSavedItems({ customer_id: viewer.customer_id }, { order: { created_at: "DESC" }, take: MAX_SAVED_ITEMS })
  return withCards(scope, viewer, rows)
}

/**
 * Saves products the shopper can see; saving one already saved changes nothing. Answers the saved
 * items and the ids of products that do not exist for this shopper (the caller decides whether that is a 404).
 */
export async function saveProducts(
  scope: MedusaContainer,
  viewer: SavedItemsViewer,
  product_ids: string[]
): Promise<{ saved_items: StoreSavedItem[]; not_found: string[] }> {
  const wanted = [...new Set(product_ids)]
  const cards = await productCards(scope, { product_ids: wanted, shopper: null, sales_channel_ids: viewer.sales_channel_ids })
  const found = wanted.filter((id) => cards.products.has(id))
  const not_found = wanted.filter((id) => !cards.products.has(id))
  const wishlist = wishlistOf(scope)
  if (found.length) {
    const [existing, count] = await wishlist.listAndCountSavedItems({ customer_id: viewer.customer_id, product_id: found }, { select: ["id"] })
    const total = (await wishlist.listAndCountSavedItems({ customer_id: viewer.customer_id }, { select: ["id"], take: 1 }))[1]
    if (total - count + found.length > MAX_SAVED_ITEMS && existing.length < found.length) {
      throw new MedusaError(MedusaError.Types.NOT_ALLOWED, `You can save at most ${MAX_SAVED_ITEMS} products; remove some saved items first.`)
    }
  }
  const rows = await wishlist.saveProducts(viewer.customer_id, found)
  return { saved_items: await withCards(scope, viewer, rows), not_found }
}

/** Removes a product from the customer's saved items; 404 naming it when it was not saved. */
export async function removeSavedProduct(scope: MedusaContainer, customer_id: string, product_id: string): Promise<void> {
  const wishlist = wishlistOf(scope)
  const rows = await wishlist.listSavedItems({ customer_id, product_id }, { select: ["id"] })
  if (!rows.length) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Product with id: ${product_id} is not in your saved items`)
  await wishlist.deleteSavedItems(rows.map((r) => r.id))
}
