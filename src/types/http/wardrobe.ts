/**
 * The wardrobe API's responses (/store/wardrobe/*), declared once: the routes build them
 * (src/api/store/wardrobe/) and the storefront reads them. Type-only, so the storefront can import it.
 */
import type { ProductCard } from "./product-card"
import type { WardrobeStats } from "../../modules/wardrobe/stats"
import type { VisualSearchBox, VisualSearchProduct } from "./visual-search"

export type WardrobeSeason = "spring-summer" | "autumn-winter" | "all-season"
export type WardrobeItemSource = "manual" | "order"

export type StoreWardrobeItem = {
  id: string
  name: string
  category: string | null
  colours: string[]
  brand: string | null
  size: string | null
  price_paid: number | null
  currency_code: string | null
  material: string | null
  season: WardrobeSeason | null
  notes: string | null
  /** A short-lived signed URL of the customer's own photo, or the catalog's image for a purchased item without one. */
  photo_url: string | null
  acquired_on: string | null
  source: WardrobeItemSource
  product_id: string | null
  variant_id: string | null
  order_id: string | null
  line_item_id: string | null
  created_at: string
  updated_at: string
  /** Only when `fields` asks for it (product_variant.id|sku|title). */
  product_variant?: { id?: string; sku?: string | null; title?: string | null } | null
}

/** One of the customer's items in an outfit, in the customer's order. */
export type StoreWardrobeOutfitItem = {
  id: string
  position: number
  item: Pick<StoreWardrobeItem, "id" | "name" | "category" | "colours" | "photo_url"> | null
}

/** A catalog product suggested in an outfit, shown as the shop's product card (the chosen variant's price where there is one). */
export type StoreWardrobeOutfitProduct = {
  id: string
  position: number
  product_id: string
  variant_id: string | null
  /** null when the product is no longer on sale. */
  product: ProductCard | null
}

export type StoreWardrobeOutfit = {
  id: string
  name: string
  occasion: string | null
  season: WardrobeSeason | null
  notes: string | null
  created_at: string
  updated_at: string
  items: StoreWardrobeOutfitItem[]
  products: StoreWardrobeOutfitProduct[]
}

export type StoreWardrobeItemResponse = { item: StoreWardrobeItem }
export type StoreWardrobeItemListResponse = { items: StoreWardrobeItem[]; count: number; offset: number; limit: number }
export type StoreWardrobeOutfitResponse = { outfit: StoreWardrobeOutfit }
export type StoreWardrobeOutfitListResponse = { outfits: StoreWardrobeOutfit[]; count: number; offset: number; limit: number }
export type StoreWardrobeDeleteResponse<Object extends "wardrobe_item" | "wardrobe_outfit"> = { id: string; object: Object; deleted: true }

/** One day an item or an outfit was worn (the day at 00:00 UTC). */
export type StoreWardrobeWearLog = { id: string; item_id: string | null; outfit_id: string | null; worn_on: string }
/** 201 when the wear was logged, 200 when that day was already logged. */
export type StoreWardrobeItemWearResponse = { wear_log: StoreWardrobeWearLog }
/** item_wears: how many of the outfit's items were marked worn with it. */
export type StoreWardrobeOutfitWearResponse = { wear_log: StoreWardrobeWearLog; item_wears: number }

// The stats are computed by the wardrobe module (pure code, no Medusa imports), so their shape is declared there once.
export type {
  ItemWearStats as StoreWardrobeItemWearStats,
  MixEntry as StoreWardrobeMixEntry,
  WardrobeStats as StoreWardrobeStats,
} from "../../modules/wardrobe/stats"
export type StoreWardrobeStatsResponse = { stats: WardrobeStats }

/**
 * POST /store/wardrobe/photo-suggestions: what to pre-fill a new item with from its photo (the
 * shopper may change it): the most prominent garment's category (a catalog category handle, the
 * wardrobe's category vocabulary) and main colours (catalog colour names), and catalog products
 * that look like it. category null and `message` when the photo shows no garment. Nothing is stored.
 */
export type StoreWardrobePhotoSuggestionsResponse = {
  category: string | null
  /** 0..1: how sure the category is. */
  category_confidence: number | null
  colours: string[]
  products: VisualSearchProduct[]
  /** The garment the suggestions are for, as fractions (0..1) of the photo. */
  box?: VisualSearchBox
  message?: string
}
