import { SearchTypes } from "@medusajs/framework/types"

/** A product-like definition, as the Search Module resolves it for a provider. */
export function productIndex(overrides: Partial<SearchTypes.ResolvedSearchIndexDefinition> = {}): SearchTypes.ResolvedSearchIndexDefinition {
  return {
    name: "product",
    entity: "product",
    primary_key: "id",
    provider: "search-meilisearch",
    definition_hash: "test",
    physical_name: "product_v1",
    settings: {},
    seed: async function* () {},
    fields: {
      id: { type: "keyword", filterable: true },
      title: { type: "text", searchable: { weight: 3 } },
      description: { type: "text", searchable: true, retrievable: false },
      handle: { type: "keyword", searchable: { weight: 5 }, filterable: true },
      brand: { type: "keyword", filterable: true, facetable: true, sortable: true },
      colours: { type: "keyword", array: true, filterable: true, facetable: true },
      price: { type: "float", filterable: true, sortable: true, facetable: { types: ["range", "stats"] } },
      in_stock: { type: "boolean", filterable: true },
      created_at: { type: "date", filterable: true, sortable: true },
      embedding: { type: "vector", dimensions: 3 },
      variants: {
        type: "object",
        array: true,
        fields: {
          sku: { type: "keyword", filterable: true, searchable: true },
          size: { type: "keyword", filterable: true, facetable: true },
        },
      },
    },
    ...overrides,
  }
}
