import { getSimilarProducts } from "@lib/data/visual-search"
import ProductCard from "@modules/products/components/product-card"

/**
 * "Similar items" on a product page: products that look like this one and can be bought in the
 * shopper's region. Rendered in its own Suspense boundary by the page, and left out entirely when
 * there are none or the service is unavailable.
 */
export default async function SimilarItems({ productId, countryCode, currency }: { productId: string; countryCode: string; currency: string }) {
  const similar = await getSimilarProducts(productId, countryCode)
  if (!similar.length) return null
  return (
    <section className="section" aria-labelledby="similar-items-heading" data-testid="similar-items">
      <h2 id="similar-items-heading">Similar items</h2>
      <ul className="product-grid">
        {similar.map(({ product, reasons }) => (
          <li key={product.id}>
            <ProductCard product={product} countryCode={countryCode} currency={currency} reasons={reasons} />
          </li>
        ))}
      </ul>
    </section>
  )
}
