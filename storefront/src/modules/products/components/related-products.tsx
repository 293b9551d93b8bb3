import { getRelatedProducts } from "@lib/data/products"
import ProductRow from "./product-row"

/** "You may also like": more of the product's category for the shopper's region; no row when there are none. */
export default async function RelatedProducts({
  productId,
  categoryHandle,
  countryCode,
}: {
  productId: string
  categoryHandle: string
  countryCode: string
}) {
  const related = await getRelatedProducts({ id: productId, categoryHandle }, countryCode).catch((error: Error) => {
    // A failed lookup leaves the row out rather than the page.
    console.error(`[storefront] related products could not be read: ${error.message}`)
    return null
  })
  if (!related) return null
  return (
    <ProductRow
      id="related-products"
      heading="You may also like"
      products={related.products}
      countryCode={countryCode}
      currency={related.currency_code}
    />
  )
}
