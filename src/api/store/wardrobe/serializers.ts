import type { MedusaContainer } from "@medusajs/framework/types"
import type { ProductCards } from "../../../catalog/product-card"
import { photoUrlSigner } from "../../../files/photo-urls"
import type { StoreWardrobeWearLog } from "../../../types/http/wardrobe"
import { byPosition } from "../../utils/by-position"
import { isoDate } from "../../utils/dates"

/*
 * Wardrobe records as query.graph reads them with the requested fields, made into responses:
 * photos signed, outfit rows in the customer's order, outfit products as product cards.
 */

type Positioned = { position?: number | null }
export type OutfitProductRecord = Positioned & { product_id?: string; variant_id?: string | null; product?: unknown }
export type OutfitRecord = { items?: (Positioned | null)[] | null; products?: (OutfitProductRecord | null)[] | null }

/** Outfit items and products in the order the customer put them in. */
export function sortOutfit<T extends OutfitRecord>(outfit: T): T {
  outfit.items?.sort(byPosition)
  outfit.products?.sort(byPosition)
  return outfit
}

/**
 * Wardrobe photos are private: every photo_url in these records (items, and items inside
 * outfits) becomes a short-lived signed URL of its file, and the internal file ids go. A photo
 * without a file of its own (a purchased item showing the catalog's image) keeps its URL.
 */
export async function signWardrobePhotos<T>(scope: MedusaContainer, records: T[]): Promise<T[]> {
  const signer = photoUrlSigner(scope)
  const pending: Promise<void>[] = []
  const visit = (node: unknown) => {
    if (Array.isArray(node)) return node.forEach(visit)
    if (!node || typeof node !== "object" || node instanceof Date) return
    const record = node as Record<string, unknown>
    if ("photo_url" in record) {
      const fileId = record.photo_file_id as string | null | undefined
      if (fileId) pending.push(signer.privateUrl(fileId).then((url) => void (record.photo_url = url)))
    }
    delete record.photo_file_id
    Object.values(record).forEach(visit)
  }
  visit(records)
  await Promise.all(pending)
  return records
}

/** Each outfit product's card: the chosen variant's where there is one, else the product's; null when not on sale. */
export function attachOutfitProductCards<T extends OutfitRecord>(outfits: T[], cards: ProductCards): T[] {
  for (const entry of outfits.flatMap((o) => o.products ?? [])) {
    if (!entry) continue
    const variantCard = entry.variant_id ? cards.variants.get(entry.variant_id)?.card : undefined
    entry.product = variantCard ?? (entry.product_id ? cards.products.get(entry.product_id) : undefined) ?? null
  }
  return outfits
}

/** A wear as the API answers it, whether just logged or logged earlier that day. */
export const serializeWearLog = (log: {
  id: string
  item_id?: string | null
  outfit_id?: string | null
  worn_on: Date | string
}): StoreWardrobeWearLog => ({
  id: log.id,
  item_id: log.item_id ?? null,
  outfit_id: log.outfit_id ?? null,
  worn_on: isoDate(log.worn_on),
})
