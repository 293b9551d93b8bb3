/**
 * The product as every Curator surface shows it (search, lookbooks, social tags, wardrobe outfits):
 * built once in src/catalog/product-card.ts. Type-only, so the storefront and admin can import it.
 */
export type ProductCardPrice = {
  calculated_amount: number
  original_amount: number
  currency_code: string
}

export type ProductCard = {
  id: string
  title: string
  handle: string
  thumbnail: string | null
  /** The chosen variant's price in the shopper's region, else the product's lowest; null without a region or a price there. */
  calculated_price: ProductCardPrice | null
  /** Sellable now from the stock locations serving the shopper (src/utils/stock-availability.ts: variantInStock). */
  in_stock: boolean
}

/** A product card for one chosen variant, with the variant's own identity (lookbook hotspots). */
export type VariantProductCard = {
  id: string
  title: string | null
  sku: string | null
  product_id: string
  /** The product with this variant's price and stock. */
  card: ProductCard
}

/** One variant in GET /store/products/:id/availability. */
export type VariantAvailability = {
  variant_id: string
  /** Units the locations serving the shopper's region can sell; null when the variant's stock is not counted. */
  available_quantity: number | null
  in_stock: boolean
  manage_inventory: boolean
  allow_backorder: boolean
}

/** GET /store/products/:id/availability */
export type StoreProductAvailabilityResponse = {
  availability: VariantAvailability[]
  /** The region's own warehouse when it names one that the key's channels use, else null. */
  stock_location_id: string | null
}
