import type { ProductCardPrice } from "./product-card"

/** Response shapes of the lookbook routes (type-only: the storefront and admin import them). */

type LookbookBase = {
  id: string
  title: string
  handle: string
  description: string | null
  cover_image_url: string | null
  season: string | null
}

type LookBase = {
  id: string
  image_url: string
  width: number
  height: number
  notes: string | null
  position: number
}

type HotspotBase = { id: string; x: number; y: number; product_id: string; variant_id: string }

/** GET /store/lookbooks → { lookbooks, count, offset, limit } */
export type StoreLookbookSummary = LookbookBase & { position: number; look_count: number }

/** One option of a product and its values, in the product's order (sizes XS before S). */
export type ProductChoiceOption = { title: string; values: string[] }

/** A variant the shopper may choose for a piece: its option values, price and stock (the product card's). */
export type StoreLookbookPieceVariant = {
  id: string
  title: string | null
  options: Record<string, string>
  calculated_price: ProductCardPrice | null
  in_stock: boolean
}

export type StoreLookbookHotspot = HotspotBase & {
  product: {
    id: string
    title: string
    handle: string
    thumbnail: string | null
    options: ProductChoiceOption[]
    /** The option the shopper must choose before adding the piece (a size); null for one-size pieces. */
    size_option: string | null
    /** The variants a shopper can see here, in the product's order. */
    variants: StoreLookbookPieceVariant[]
  }
  /** The variant in the photo (its colour is the piece's default); not a size anybody chose. */
  variant: {
    id: string
    title: string | null
    sku: string | null
    calculated_price: ProductCardPrice | null
    /** "In stock" as everywhere else: stock at the locations serving the shopper's region. */
    in_stock: boolean
  }
}
export type StoreLookbookLook = LookBase & { hotspots: StoreLookbookHotspot[] }
/** GET /store/lookbooks/:id → { lookbook } */
export type StoreLookbook = LookbookBase & { looks: StoreLookbookLook[] }

export type AdminLookbookHotspot = HotspotBase & {
  /** null when the product or variant was deleted from the catalog */
  product: { id: string; title: string; handle: string; thumbnail: string | null; status: string } | null
  variant: { id: string; title: string | null; sku: string | null } | null
}
export type AdminLookbookLook = LookBase & {
  views: number
  add_to_cart_count: number
  rate: number
  hotspots: AdminLookbookHotspot[]
}
type AdminLookbookBase = LookbookBase & {
  position: number
  status: "draft" | "published"
  published_at: string | Date | null
  created_at: string | Date
  updated_at: string | Date
}
/** GET /admin/lookbooks → { lookbooks, count, offset, limit } */
export type AdminLookbookSummary = AdminLookbookBase & { look_count: number }
/** GET /admin/lookbooks/:id → { lookbook } */
export type AdminLookbook = AdminLookbookBase & { looks: AdminLookbookLook[] }
