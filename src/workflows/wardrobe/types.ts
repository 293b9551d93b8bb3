import type { PreparedImage } from "../../files/prepare-photo"
import { WardrobeItemSource, WardrobeSeason } from "../../modules/wardrobe/constants"

/** The fields a customer can set on a wardrobe item. */
export type WardrobeItemFields = {
  name?: string
  category?: string | null
  colours?: string[]
  brand?: string | null
  size?: string | null
  price_paid?: number | null
  currency_code?: string | null
  material?: string | null
  season?: WardrobeSeason | null
  notes?: string | null
  acquired_on?: Date | string | null
  product_id?: string | null
  variant_id?: string | null
}

/** The fields as stored: normalized (normalize.ts), the acquired_on day a Date. */
export type StoredWardrobeItemFields = Omit<WardrobeItemFields, "acquired_on"> & { acquired_on?: Date | null }

/** A wardrobe item as stored (what the module's create accepts). */
export type WardrobeItemData = StoredWardrobeItemFields & {
  customer_id: string
  name: string
  source?: WardrobeItemSource
  photo_url?: string | null
  photo_file_id?: string | null
  order_id?: string | null
  line_item_id?: string | null
}

/** An already validated and normalised image (src/files/prepare-photo.ts); an item keeps no pixel size. */
export type WardrobePhotoFile = Pick<PreparedImage, "filename" | "mimeType" | "content">

export type OutfitProductInput = { product_id?: string; variant_id?: string | null }

export type OutfitFields = {
  name?: string
  occasion?: string | null
  season?: WardrobeSeason | null
  notes?: string | null
  /** Replaces the outfit's wardrobe items, in this order. */
  item_ids?: string[]
  /** Replaces the outfit's catalog products, in this order. */
  products?: OutfitProductInput[]
}
