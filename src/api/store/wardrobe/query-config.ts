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
  "products.product.title",
  "products.product.handle",
  "products.product.thumbnail",
]

// The owner's customer record is never exposed through these routes, even to its owner;
// internal file ids neither.
const DISALLOWED = ["customer", "photo_file_id", "customer_id"]

export const listWardrobeItemsConfig = { defaults: WARDROBE_ITEM_FIELDS, disallowed: DISALLOWED, isList: true, defaultLimit: 20 }
export const retrieveWardrobeItemConfig = { defaults: WARDROBE_ITEM_FIELDS, disallowed: DISALLOWED, isList: false }
export const listOutfitsConfig = { defaults: OUTFIT_FIELDS, disallowed: DISALLOWED, isList: true, defaultLimit: 20 }
export const retrieveOutfitConfig = { defaults: OUTFIT_FIELDS, disallowed: DISALLOWED, isList: false }
