import { PRODUCT_CARD_FIELDS } from "../../../catalog/product-card"
import { LOOKBOOK_FIELDS } from "../../lookbooks/queries"
import { withRelationPaths } from "../../utils/allowed-fields"

/*
 * `fields` on lookbook routes names fields of the response (`looks.hotspots.variant.in_stock`), as on
 * Medusa's own routes: lookbooks are built by the serializers, then cut down to what was asked.
 */

/** A lookbook in GET /store/lookbooks unless `fields` asks otherwise. */
export const STORE_LOOKBOOK_LIST_FIELDS = [...LOOKBOOK_FIELDS, "look_count"]
export const ALLOWED_STORE_LOOKBOOK_LIST_FIELDS = withRelationPaths(STORE_LOOKBOOK_LIST_FIELDS)

const PRICE_FIELDS = PRODUCT_CARD_FIELDS.filter((f) => f.startsWith("calculated_price."))

/** A lookbook in GET /store/lookbooks/:id unless `fields` asks otherwise. */
export const STORE_LOOKBOOK_FIELDS = [
  ...LOOKBOOK_FIELDS.filter((f) => f !== "position"),
  ...["id", "image_url", "width", "height", "notes", "position"].map((f) => `looks.${f}`),
  ...["id", "x", "y", "product_id", "variant_id"].map((f) => `looks.hotspots.${f}`),
  ...["id", "title", "handle", "thumbnail", "options.title", "options.values", "size_option"].map((f) => `looks.hotspots.product.${f}`),
  ...["id", "title", "options", ...PRICE_FIELDS, "in_stock"].map((f) => `looks.hotspots.product.variants.${f}`),
  ...["id", "title", "sku", ...PRICE_FIELDS, "in_stock"].map((f) => `looks.hotspots.variant.${f}`),
]
export const ALLOWED_STORE_LOOKBOOK_FIELDS = withRelationPaths(STORE_LOOKBOOK_FIELDS)

export const listLookbooksQueryConfig = { defaults: STORE_LOOKBOOK_LIST_FIELDS, isList: true, defaultLimit: 20 }
// These fields name the built response, not relations the database expands: a hotspot's
// `looks.hotspots.product.variants.calculated_price.*` is five levels deep, past Medusa's store default of three.
export const retrieveLookbookQueryConfig = { defaults: STORE_LOOKBOOK_FIELDS, isList: false, storeRelationsLimit: 5 }
