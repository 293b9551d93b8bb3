import Link from "next/link"
import { PAGE_SIZE, searchProducts } from "@lib/data/products"
import { listingHref, parseListingParams, RawSearchParams } from "@lib/util/listing-params"
import ProductGrid from "@modules/products/components/product-grid"
import FacetForm from "@modules/store/components/facet-form"
import FiltersPanel from "@modules/store/components/filters-panel"
import SortSelect from "@modules/store/components/sort-select"

export default async function ListingTemplate({
  countryCode,
  basePath,
  searchParams,
  title,
  intro,
  fixed = {},
  hideFacets = [],
  emptyHint,
}: {
  countryCode: string
  basePath: string
  searchParams: RawSearchParams
  title: string
  intro?: React.ReactNode
  /** Filters the page itself stands for (a category page's category). */
  fixed?: { category?: string[]; collection?: string[] }
  hideFacets?: string[]
  emptyHint?: React.ReactNode
}) {
  const query = { ...parseListingParams(searchParams), ...fixed }
  const result = await searchProducts(countryCode, query)
  const page = Math.max(1, query.page ?? 1)
  const pages = Math.max(1, Math.ceil(result.count / PAGE_SIZE))
  const currency = result.currency_code
  const sort = query.sort ?? (query.q ? "relevance" : "newest")
  const selected = (name: string) => {
    const v = searchParams[name]
    return v === undefined ? [] : Array.isArray(v) ? v : [v]
  }
  const groups = [
    { name: "size", label: "Size", values: result.facets.size, selected: selected("size") },
    { name: "colour", label: "Colour", values: result.facets.colour, selected: selected("colour") },
    { name: "brand", label: "Brand", values: result.facets.brand, selected: selected("brand") },
    { name: "category", label: "Category", values: result.facets.category, selected: selected("category"), titleCase: true },
    { name: "collection", label: "Collection", values: result.facets.collection, selected: selected("collection") },
  ].filter((g) => !hideFacets.includes(g.name))
  const activeFilters = ["size", "colour", "brand", "category", "collection", "price", "in_stock"].filter(
    (n) => selected(n).length && !hideFacets.includes(n)
  )
  // What the Filters button counts: each ticked value (two sizes are two filters).
  const activeFilterCount = activeFilters.reduce((n, name) => n + selected(name).length, 0)

  const facets = (
    <FacetForm
      // Remount on every URL change so the checkboxes show the URL's filters (also after "Clear all").
      key={JSON.stringify(searchParams)}
      groups={groups}
      priceBands={result.facets.price}
      selectedPrice={selected("price")[0]}
      inStock={Boolean(query.in_stock)}
      inStockCount={result.facets.in_stock}
      currency={currency}
      hidden={{ q: query.q, sort: searchParams.sort ? sort : undefined }}
    />
  )

  return (
    <div className="container page">
      <h1>{title}</h1>
      {intro}
      <div className="listing">
        <aside aria-label="Filters">
          <FiltersPanel activeCount={activeFilterCount}>{facets}</FiltersPanel>
        </aside>
        <section aria-labelledby="results-heading">
          <div className="listing__toolbar">
            <p id="results-heading" role="status" data-testid="result-count">
              {result.count} {result.count === 1 ? "product" : "products"}
              {result.corrected_query ? (
                <>
                  {" "}
                  for <strong>“{result.corrected_query}”</strong> <span className="muted">(you searched “{query.q}”)</span>
                </>
              ) : query.q ? (
                <> for “{query.q}”</>
              ) : null}
            </p>
            <SortSelect value={sort} />
          </div>
          {result.products.length ? (
            <ProductGrid products={result.products} countryCode={countryCode} currency={currency} colours={query.colour} />
          ) : (
            <div className="empty-state" data-testid="empty-results">
              <h2>No products match</h2>
              {emptyHint ?? <p>Try removing a filter, or search for something broader.</p>}
              {activeFilters.length ? (
                <Link className="button button--secondary" href={listingHref(basePath, query.q ? { q: query.q } : {}, {})}>
                  Clear all filters
                </Link>
              ) : null}
            </div>
          )}
          {pages > 1 ? (
            <nav aria-label="Pages" className="pagination">
              {page > 1 ? (
                <Link href={listingHref(basePath, searchParams, { page: page > 2 ? String(page - 1) : undefined })}>← Previous</Link>
              ) : null}
              <span>
                Page {page} of {pages}
              </span>
              {page < pages ? <Link href={listingHref(basePath, searchParams, { page: String(page + 1) })}>Next →</Link> : null}
            </nav>
          ) : null}
        </section>
      </div>
    </div>
  )
}
