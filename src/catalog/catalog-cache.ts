/**
 * query.graph's `cache` option for Curator's anonymous catalog reads (product cards, lookbooks, the
 * region a shopper names), served by Medusa's Caching Module (src/config/modules.ts).
 *
 * The key is Medusa's hash of the whole query: entity, fields, filters, pagination and context, so
 * the region and currency of a calculated_price context are part of it and each region gets its own
 * entry. Only reads that are the same for every shopper go through here: never a customer's or a
 * cart's data.
 *
 * Invalidation: Medusa's cache strategy listens to every module event and clears the tags
 * `<Entity>:<id>` and `<Entity>:list:*` of the entity the event names. Tags computed from the cached
 * rows miss what the rows hold without an id (a calculated price carries no price id unless asked, a
 * stock level read without its id), so each read also names the entity lists whose change must
 * clear it: any price, stock level or product edit clears every cached card, within the event.
 */

/** Entities whose created/updated/deleted events change what a product card shows. */
const PRODUCT_CARD_ENTITIES = [
  "Product",
  "ProductVariant",
  "ProductOption",
  "ProductImage",
  "Price",
  "PriceSet",
  "PriceList",
  "PriceRule",
  "InventoryItem",
  "InventoryLevel",
  "ReservationItem",
  "SalesChannel",
  "StockLocation",
]
/** Entities whose events change what ranking reads of a product beside its card: categories, images, option values. */
const PRODUCT_FACT_ENTITIES = ["Product", "ProductVariant", "ProductOption", "ProductOptionValue", "ProductImage", "ProductCategory"]
const LOOKBOOK_ENTITIES = ["Lookbook", "LookbookLook", "LookbookHotspot"]

const listTags = (entities: string[]) => entities.map((entity) => `${entity}:list:*`)

type GraphCacheOptions = { cache: { enable: true; tags: string[]; computeAutomaticTags: true } }

const cacheOption = (entities: string[]): GraphCacheOptions => ({
  cache: { enable: true, tags: listTags(entities), computeAutomaticTags: true },
})

/** For product and variant reads with prices and stock (product cards). */
export const PRODUCT_CARD_CACHE = cacheOption(PRODUCT_CARD_ENTITIES)

/** For a product's facts beside its card (category, brand, images, variant options), as search ranking reads them. */
export const PRODUCT_FACTS_CACHE = cacheOption(PRODUCT_FACT_ENTITIES)

/** For published lookbooks, their looks and hotspots. */
export const LOOKBOOK_CACHE = cacheOption(LOOKBOOK_ENTITIES)

/** For regions (the shopper context's region, currency and warehouse). */
export const REGION_CACHE = cacheOption(["Region", "Country"])
