import { fieldsNotAllowed } from "../../../utils/allowed-fields"
import { ALLOWED_OUTFIT_FIELDS, ALLOWED_WARDROBE_ITEM_FIELDS } from "../query-config"

describe("fields allowed on wardrobe routes", () => {
  it("lets the listed fields through, with + and - and several at once", () => {
    expect(fieldsNotAllowed(undefined, ALLOWED_WARDROBE_ITEM_FIELDS)).toEqual([])
    expect(fieldsNotAllowed("id,name,+photo_url,-notes,product_variant.sku", ALLOWED_WARDROBE_ITEM_FIELDS)).toEqual([])
    expect(fieldsNotAllowed("items.item.brand,products.product.title", ALLOWED_OUTFIT_FIELDS)).toEqual([])
  })

  it("names every field outside the list: relations that reach the catalog, wildcards, internal ids", () => {
    expect(fieldsNotAllowed("id,product_variant.product.*", ALLOWED_WARDROBE_ITEM_FIELDS)).toEqual(["product_variant.product.*"])
    expect(fieldsNotAllowed("*,photo_file_id,+customer.email", ALLOWED_WARDROBE_ITEM_FIELDS)).toEqual(["*", "photo_file_id", "+customer.email"])
    expect(fieldsNotAllowed("products.product.description,*items", ALLOWED_OUTFIT_FIELDS)).toEqual(["products.product.description", "*items"])
    expect(fieldsNotAllowed(["id", "products.product.*"], ALLOWED_OUTFIT_FIELDS)).toEqual(["products.product.*"])
  })
})
