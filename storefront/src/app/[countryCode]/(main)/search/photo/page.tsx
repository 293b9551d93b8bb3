import type { Metadata } from "next"
import { notFound } from "next/navigation"
import { listCategories, searchProducts } from "@lib/data/products"
import { getRegion } from "@lib/data/regions"
import { searchShopPhoto } from "@lib/data/visual-search"
import type { RawSearchParams } from "@lib/util/listing-params"
import { readPhotoFilters, readShopPhotoRef } from "@lib/util/photo-search"
import PhotoSearchTemplate from "@modules/visual-search/templates/photo-search-template"
import "@modules/visual-search/visual-search.css"

export const metadata: Metadata = { title: "Search by photo" }

/**
 * Search by photo. With `?lookbook=&look=` or `?post=` ("Shop this look") the look's or post's
 * photo is searched here on the server, so the page arrives with its results.
 */
export default async function PhotoSearchPage({
  params,
  searchParams,
}: {
  params: Promise<{ countryCode: string }>
  searchParams: Promise<RawSearchParams>
}) {
  const { countryCode } = await params
  const raw = await searchParams
  const region = await getRegion(countryCode)
  if (!region) notFound()
  const ref = readShopPhotoRef(raw)
  const filters = readPhotoFilters(Object.fromEntries(Object.entries(raw).map(([name, value]) => [name, Array.isArray(value) ? value[0] : value])))
  const [sizes, categories, shopPhoto] = await Promise.all([
    // The sizes the shop sells, for the size filter (the listing's facet, cached).
    searchProducts(countryCode, {}, { limit: 1, offset: 0 })
      .then((r) => r.facets.size.map((s) => s.value))
      .catch(() => []),
    listCategories().catch(() => []),
    ref ? searchShopPhoto(countryCode, ref, filters) : null,
  ])
  return (
    <div className="container page">
      <h1>Search by photo</h1>
      <PhotoSearchTemplate
        countryCode={countryCode}
        currency={region.currency_code}
        sizes={sizes}
        categoryNames={Object.fromEntries(categories.map((c) => [c.handle, c.name]))}
        initial={ref && shopPhoto ? { ref, photo: shopPhoto.photo, outcome: shopPhoto.outcome, filters } : undefined}
      />
    </div>
  )
}
