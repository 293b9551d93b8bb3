/** Fields a wardrobe item answers with unless `fields` asks otherwise. */
export const WARDROBE_ITEM_FIELDS = [
  "id",
  "name",
  "category",
  "colours",
  "brand",
  "size",
  "price_paid",
  "currency_code",
  "material",
  "season",
  "notes",
  "photo_url",
  "acquired_on",
  "source",
  "product_id",
  "variant_id",
  "order_id",
  "line_item_id",
  "created_at",
  "updated_at",
]

/** An outfit product's card (src/catalog/product-card.ts), built for the shopper's region rather than read from the catalog. */
export const OUTFIT_PRODUCT_CARD_FIELDS = ["id", "title", "handle", "thumbnail", "calculated_price", "in_stock"].map((f) => `products.product.${f}`)
const OUTFIT_PRODUCT_PRICE_FIELDS = ["calculated_amount", "original_amount", "currency_code"].map((f) => `products.product.calculated_price.${f}`)

export const OUTFIT_FIELDS = [
  "id",
  "name",
  "occasion",
  "season",
  "notes",
  "created_at",
  "updated_at",
  "items.id",
  "items.position",
  "items.item.id",
  "items.item.name",
  "items.item.category",
  "items.item.colours",
  "items.item.photo_url",
  "products.id",
  "products.position",
  "products.product_id",
  "products.variant_id",
  ...OUTFIT_PRODUCT_CARD_FIELDS,
]

// The owner's customer record is never exposed through these routes, even to its owner;
// internal file ids neither.
const DISALLOWED = ["customer", "photo_file_id", "customer_id"]

export const listWardrobeItemsConfig = { defaults: WARDROBE_ITEM_FIELDS, disallowed: DISALLOWED, isList: true, defaultLimit: 20 }
export const retrieveWardrobeItemConfig = { defaults: WARDROBE_ITEM_FIELDS, disallowed: DISALLOWED, isList: false }
export const listOutfitsConfig = { defaults: OUTFIT_FIELDS, disallowed: DISALLOWED, isList: true, defaultLimit: 20 }
export const retrieveOutfitConfig = { defaults: OUTFIT_FIELDS, disallowed: DISALLOWED, isList: false }

/*
 * `fields` may only pick from these lists (src/api/utils/allowed-fields.ts): anything else (a
 * relation such as `product_variant.product.*`, which would reach draft products, or a wildcard)
 * is a 400 naming it.
 */
export const ALLOWED_WARDROBE_ITEM_FIELDS = [...WARDROBE_ITEM_FIELDS, "product_variant.id", "product_variant.sku", "product_variant.title"]
export const ALLOWED_OUTFIT_FIELDS = [
  ...new Set([...OUTFIT_FIELDS, ...WARDROBE_ITEM_FIELDS.map((f) => `items.item.${f}`), ...OUTFIT_PRODUCT_PRICE_FIELDS]),
]
