/** Facet filters the listing pages offer, as URL parameters (repeatable). */
export const FILTER_PARAMS = ["size", "colour", "brand", "category", "collection"] as const
export const SORTS = [
  { value: "relevance", label: "Recommended" },
  { value: "newest", label: "Newest" },
  { value: "price_asc", label: "Price: low to high" },
  { value: "price_desc", label: "Price: high to low" },
  { value: "title", label: "Name" },
] as const
export const PAGE_SIZE = 24
