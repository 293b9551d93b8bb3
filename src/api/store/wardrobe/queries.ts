import type { AuthenticatedMedusaRequest } from "@medusajs/framework/http"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { productCards } from "../../../catalog/product-card"
import type { StoreWardrobeItem, StoreWardrobeOutfit } from "../../../types/http/wardrobe"
import { customerIdOf } from "../../identity"
import { asksFor, pickFields } from "../../utils/allowed-fields"
import { attachOutfitProductCards, signWardrobePhotos, sortOutfit, type OutfitRecord } from "./serializers"

/*
 * The customer's own wardrobe records with the fields the request asked for (req.queryConfig).
 * Items come straight from query.graph; outfits' products become product cards for the shopper.
 */

/** The graph fields for the requested ones: the file ids photo URLs are signed from, and no catalog product (cards replace it). */
export function graphFieldsFor(fields: string[]): string[] {
  const fileIds = fields.filter((f) => /(^|\.)photo_url$/.test(f)).map((f) => f.replace(/photo_url$/, "photo_file_id"))
  const wantsCards = asksFor(fields, "products.product")
  const cardKeys = wantsCards ? ["products.product_id", "products.variant_id"] : []
  return [...new Set([...fields.filter((f) => !f.startsWith("products.product.")), ...fileIds, ...cardKeys])]
}

/**
 * Outfits as read with graphFieldsFor(fields), made into the response: photos signed, rows in the
 * customer's order, product cards for the shopper's region, cut to the fields asked for.
 */
export async function presentOutfits(req: AuthenticatedMedusaRequest, outfits: OutfitRecord[]): Promise<StoreWardrobeOutfit[]> {
  const fields = req.queryConfig.fields
  await signWardrobePhotos(req.scope, outfits)
  if (asksFor(fields, "products.product")) {
    const entries = outfits.flatMap((o) => o.products ?? []).flatMap((p) => (p ? [p] : []))
    const cards = await productCards(req.scope, {
      product_ids: entries.flatMap((p) => (p.product_id ? [p.product_id] : [])),
      variant_ids: entries.flatMap((p) => (p.variant_id ? [p.variant_id] : [])),
      shopper: req.shopper ?? null,
      sales_channel_ids: req.publishable_key_context?.sales_channel_ids,
    })
    attachOutfitProductCards(outfits, cards)
  }
  return outfits.map((o) => pickFields(sortOutfit(o), fields) as unknown as StoreWardrobeOutfit)
}

const notFound = (entity: "wardrobe_item" | "wardrobe_outfit", id: string) =>
  new MedusaError(MedusaError.Types.NOT_FOUND, `${entity === "wardrobe_item" ? "Wardrobe item" : "Outfit"} with id: ${id} was not found`)

async function retrieveOwnedRecord(req: AuthenticatedMedusaRequest, entity: "wardrobe_item" | "wardrobe_outfit", id: string) {
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({ entity, fields: graphFieldsFor(req.queryConfig.fields), filters: { id, customer_id: customerIdOf(req) } })
  if (!data[0]) throw notFound(entity, id)
  return data[0]
}

/** One of the customer's own items with the requested fields, or 404: someone else's id answers exactly as a missing one does. */
export async function retrieveOwnedItem(req: AuthenticatedMedusaRequest, id: string): Promise<StoreWardrobeItem> {
  const [item] = await signWardrobePhotos(req.scope, [await retrieveOwnedRecord(req, "wardrobe_item", id)])
  return item as StoreWardrobeItem
}

/** One of the customer's own outfits with the requested fields, or 404 as retrieveOwnedItem. */
export async function retrieveOwnedOutfit(req: AuthenticatedMedusaRequest, id: string): Promise<StoreWardrobeOutfit> {
  const [outfit] = await presentOutfits(req, [(await retrieveOwnedRecord(req, "wardrobe_outfit", id)) as OutfitRecord])
  return outfit
}
