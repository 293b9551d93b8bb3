import { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"

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

/*
 * `fields` may only pick from these lists: anything else (a relation such as
 * `product_variant.product.*`, which would reach draft products, or a wildcard) is a 400 naming
 * it. Medusa's own `allowed` option drops such fields silently instead.
 */
export const ALLOWED_WARDROBE_ITEM_FIELDS = [...WARDROBE_ITEM_FIELDS, "product_variant.id", "product_variant.sku", "product_variant.title"]
export const ALLOWED_OUTFIT_FIELDS = [
  ...new Set([...OUTFIT_FIELDS, ...WARDROBE_ITEM_FIELDS.map((f) => `items.item.${f}`), "products.product.id"]),
]

/** The requested fields outside `allowed`, as the shopper wrote them. */
export function fieldsNotAllowed(fields: unknown, allowed: readonly string[]): string[] {
  if (fields === undefined || fields === null || fields === "") return []
  const list = (Array.isArray(fields) ? fields : [fields]).flatMap((f) => String(f).split(","))
  const allowedSet = new Set(allowed)
  return list
    .map((f) => f.trim())
    .filter((f) => f !== "")
    .filter((f) => !allowedSet.has(f.replace(/^[+-]/, "")))
}

/** Answers 400 when `fields` asks for anything outside the route's allowed list. */
export function allowOnlyFields(allowed: readonly string[]) {
  return (req: MedusaRequest, _res: MedusaResponse, next: MedusaNextFunction) => {
    const rejected = fieldsNotAllowed(req.query.fields, allowed)
    if (!rejected.length) return next()
    next(
      new MedusaError(
        MedusaError.Types.INVALID_DATA,
        `fields: ${rejected.map((f) => `"${f}"`).join(", ")} ${rejected.length === 1 ? "is" : "are"} not allowed here; allowed fields are ${allowed.join(", ")}`
      )
    )
  }
}
