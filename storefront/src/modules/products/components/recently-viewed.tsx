import { getRecentlyViewed } from "@lib/data/recently-viewed"
import ProductRow from "./product-row"

/** "Recently viewed": what this browser looked at last, except the product on screen; no row when there is nothing. */
export default async function RecentlyViewed({
  countryCode,
  currency,
  exceptProductId,
  container,
}: {
  countryCode: string
  currency: string
  exceptProductId?: string
  container?: boolean
}) {
  const products = await getRecentlyViewed(countryCode, exceptProductId).catch((error: Error) => {
    console.error(`[storefront] recently viewed products could not be read: ${error.message}`)
    return []
  })
  return (
    <ProductRow
      id="recently-viewed"
      heading="Recently viewed"
      products={products}
      countryCode={countryCode}
      currency={currency}
      container={container}
    />
  )
}
