import { RemoteQueryFunction } from "@medusajs/framework/types"
import { defineSearchIndex, graphConsume, graphSeed, search } from "@medusajs/framework/utils"
import { MEILISEARCH_PROVIDER_ID, toMeilisearchSynonyms } from "../modules/search-meilisearch/settings"
import { SEARCH_SYNONYM_GROUPS, synonymTerms } from "./synonyms"
import { inStockLocationKeys, sizeStockKey, variantInStockKeys, VARIANT_STOCK_FIELDS } from "../utils/stock-availability"

/**
 * The storefront's product search index (Medusa Search Module; PostgreSQL full-text
 * search by default, Meilisearch when MEILISEARCH_HOST is set). Title weighs most,
 * then brand, tags and categories, then the description. Facets: category, colour,
 * size, brand, material, pattern, season, occasion, collection, and price ranges per
 * currency, and stock: the locations that can sell the product now. Kept current by product,
 * variant, inventory level and reservation events.
 */

/** Currencies with a price field (`price_<code>`) in the index: the shop's regions. */
export const PRODUCT_SEARCH_CURRENCIES = ["eur", "usd", "gbp"] as const

const priceField = () =>
  search
    .float()
    .filterable()
    .sortable()
    .facetable({ types: ["range", "stats"] })
    .retrievable()

const fields = search.define({
  id: search.keyword().filterable().retrievable(),
  status: search.keyword().filterable().retrievable(false),
  sales_channel_ids: search.keyword().array().filterable().retrievable(false),
  title: search.text().searchable({ weight: 3 }).sortable().retrievable(),
  brand: search.keyword().searchable({ weight: 2 }).filterable().facetable().retrievable(),
  tags: search.keyword().array().searchable({ weight: 2 }).filterable().facetable().retrievable(),
  categories: search.keyword().array().searchable({ weight: 2 }).filterable().facetable().retrievable(),
  category_handles: search.keyword().array().filterable().facetable().retrievable(),
  description: search.text().searchable({ weight: 1 }).retrievable(false),
  // Every word of the synonym groups the title, categories and tags name ("jumper" on a sweater):
  // PostgreSQL has no query-time synonyms; Meilisearch gets the same table as its setting below.
  synonyms: search.text().searchable({ weight: 2 }).retrievable(false),
  colours: search.keyword().array().searchable({ weight: 1 }).filterable().facetable().retrievable(),
  colour_families: search.keyword().array().filterable().facetable().retrievable(),
  sizes: search.keyword().array().filterable().facetable().retrievable(),
  material: search.keyword().searchable({ weight: 1 }).filterable().facetable().retrievable(),
  pattern: search.keyword().filterable().facetable().retrievable(),
  season: search.keyword().filterable().facetable().retrievable(),
  occasions: search.keyword().array().filterable().facetable().retrievable(),
  collection: search.keyword().filterable().facetable().retrievable(),
  handle: search.keyword().filterable().retrievable(),
  thumbnail: search.keyword().retrievable(),
  price_eur: priceField(),
  price_usd: priceField(),
  price_gbp: priceField(),
  created_at: search.date().sortable().retrievable(),
  // Stock locations able to sell some variant now, or "any" (see inStockLocationKeys).
  in_stock_location_ids: search.keyword().array().filterable().facetable().retrievable(),
  // The same per size ("location|size"), so "size M in stock" means an M can ship, not any size.
  in_stock_sizes: search.keyword().array().filterable().retrievable(false),
})

const GRAPH_FIELDS = [
  "id",
  "title",
  "subtitle",
  "description",
  "handle",
  "thumbnail",
  "status",
  "material",
  "metadata",
  "created_at",
  "collection.title",
  "categories.name",
  "categories.handle",
  "tags.value",
  "sales_channels.id",
  "variants.id",
  "variants.options.value",
  "variants.options.option.title",
  "variants.prices.amount",
  "variants.prices.currency_code",
  ...VARIANT_STOCK_FIELDS,
]

type ProductRow = Record<string, any>

const unique = <T>(values: (T | null | undefined)[]) => [...new Set(values.filter((v): v is T => v !== null && v !== undefined && v !== ""))]

/** One variant's values of an option, by the option's title (lower case). */
function variantOptionValues(variant: ProductRow, title: string): string[] {
  return (variant.options ?? []).filter((o: ProductRow) => o.option?.title?.toLowerCase() === title).map((o: ProductRow) => o.value)
}

function optionValues(row: ProductRow, title: string): string[] {
  return unique((row.variants ?? []).flatMap((v: ProductRow) => variantOptionValues(v, title)))
}

/** `location|size` for every size some variant can sell now, at each location that can sell it. */
function inStockSizes(row: ProductRow): string[] {
  return unique<string>(
    (row.variants ?? []).flatMap((v: ProductRow) =>
      variantInStockKeys(v).flatMap((key) => variantOptionValues(v, "size").map((size) => sizeStockKey(key, size)))
    )
  )
}

/** The lowest price of any variant in one currency, in major units, or undefined when none is set. */
function lowestPrice(row: ProductRow, currency: string): number | undefined {
  const amounts = (row.variants ?? [])
    .flatMap((v: ProductRow) => v.prices ?? [])
    .filter((p: ProductRow) => p.currency_code === currency)
    .map((p: ProductRow) => Number(p.amount))
    .filter((n: number) => Number.isFinite(n))
  return amounts.length ? Math.min(...amounts) : undefined
}

export function toProductSearchDocument(row: ProductRow) {
  const metadata = (row.metadata ?? {}) as Record<string, any>
  const asList = (v: unknown) => (Array.isArray(v) ? v.map(String) : v ? [String(v)] : [])
  return {
    id: row.id,
    status: row.status,
    sales_channel_ids: unique<string>((row.sales_channels ?? []).map((s: ProductRow) => s.id)),
    title: row.title,
    brand: metadata.brand ?? row.subtitle ?? undefined,
    tags: unique<string>((row.tags ?? []).map((t: ProductRow) => t.value)),
    categories: unique<string>((row.categories ?? []).map((c: ProductRow) => c.name)),
    category_handles: unique<string>((row.categories ?? []).map((c: ProductRow) => c.handle)),
    description: row.description ?? undefined,
    synonyms:
      synonymTerms([row.title, ...(row.categories ?? []).map((c: ProductRow) => c.name), ...(row.tags ?? []).map((t: ProductRow) => t.value)]).join(
        " "
      ) || undefined,
    colours: optionValues(row, "colour").concat(optionValues(row, "color")),
    colour_families: asList(metadata.colour_families),
    sizes: optionValues(row, "size"),
    material: metadata.material ?? row.material ?? undefined,
    pattern: metadata.pattern ?? undefined,
    season: metadata.season ?? undefined,
    occasions: asList(metadata.occasions),
    collection: row.collection?.title ?? undefined,
    handle: row.handle,
    thumbnail: row.thumbnail ?? undefined,
    price_eur: lowestPrice(row, "eur"),
    price_usd: lowestPrice(row, "usd"),
    price_gbp: lowestPrice(row, "gbp"),
    created_at: row.created_at,
    in_stock_location_ids: inStockLocationKeys(row.variants ?? []),
    in_stock_sizes: inStockSizes(row),
  }
}

async function productIdsOfVariants(query: Omit<RemoteQueryFunction, symbol>, variantIds: string[]) {
  const { data: variants } = await query.graph({ entity: "product_variant", fields: ["product_id"], filters: { id: variantIds }, withDeleted: true })
  return unique<string>(variants.map((v: { product_id?: string | null }) => v.product_id))
}

const source = {
  fields: GRAPH_FIELDS,
  transform: (rows: ProductRow[]) => rows.map(toProductSearchDocument),
}

export default defineSearchIndex({
  name: "product",
  entity: "product",
  fields,
  settings: {
    typo_tolerance: { enabled: true, min_word_size_for_one_typo: 4, min_word_size_for_two_typos: 8 },
    provider_options: { [MEILISEARCH_PROVIDER_ID]: { synonyms: toMeilisearchSynonyms(SEARCH_SYNONYM_GROUPS) } },
  },
  events: [
    "product.created",
    "product.updated",
    "product.deleted",
    "product-variant.created",
    "product-variant.updated",
    "product-variant.deleted",
    // Stock moves: merchants' stock edits, fulfilments and returns (levels), orders placed (reservations).
    "inventory-level.created",
    "inventory-level.updated",
    "inventory-level.deleted",
    "reservation-item.created",
    "reservation-item.updated",
    "reservation-item.deleted",
  ],
  consume: graphConsume({
    ...source,
    // Events name a product, a variant, a stock level or a reservation; the document to refresh is the product.
    resolve_ids: async (event, { container }) => {
      const data = (event.data ?? {}) as { id?: string | string[]; product_id?: string }
      const ids = Array.isArray(data.id) ? data.id : data.id ? [data.id] : []
      if (event.name.startsWith("product.")) return data.id
      if (event.name.startsWith("product-variant.")) {
        if (data.product_id) return data.product_id
        return ids.length ? productIdsOfVariants(container.query, ids) : undefined
      }
      if (!ids.length) return undefined
      // Stock events name a level or a reservation; both belong to an inventory item.
      const { data: rows } = event.name.startsWith("inventory-level.")
        ? await container.query.graph({ entity: "inventory_level", fields: ["inventory_item_id"], filters: { id: ids }, withDeleted: true })
        : await container.query.graph({ entity: "reservation", fields: ["inventory_item_id"], filters: { id: ids }, withDeleted: true })
      const itemIds = unique<string>(rows.map((r: { inventory_item_id?: string | null }) => r.inventory_item_id))
      if (!itemIds.length) return []
      const { data: links } = await container.query.graph({
        entity: "product_variant_inventory_items",
        fields: ["variant_id"],
        filters: { inventory_item_id: itemIds },
      })
      const variantIds = unique<string>(links.map((l: { variant_id?: string | null }) => l.variant_id))
      return variantIds.length ? productIdsOfVariants(container.query, variantIds) : []
    },
    // Only a deleted product leaves the index; other deletes (variants, levels) change a document.
    is_delete: (event) => event.name === "product.deleted",
  }),
  seed: graphSeed(source),
})
