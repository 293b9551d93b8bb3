import { LookbookStatus } from "../../modules/lookbook/constants"

/** A checked and re-encoded image with its pixel size (src/files/prepare-photo.ts). */
export type { PreparedImage as LookImageFile } from "../../files/prepare-photo"

export type LookbookFields = {
  title?: string
  handle?: string
  description?: string | null
  season?: string | null
  position?: number
  status?: LookbookStatus
}

/** A hotspot as the admin sends it: where on the image, and which variant it sells. */
export type HotspotInput = { x: number; y: number; variant_id: string; product_id?: string | null }

/** A hotspot checked against the catalog, ready to store. */
export type HotspotRow = { x: number; y: number; variant_id: string; product_id: string; position: number }

export type { CartAddition as LookCartItem } from "../../cart/cart-additions"
/** The variant a shopper chose for one piece (hotspot) of a look. */
export type ChosenPiece = { hotspot_id: string; variant_id: string }
export type { NotAddedItem } from "../../cart/cart-additions"
