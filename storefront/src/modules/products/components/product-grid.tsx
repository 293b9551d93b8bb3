import type { SearchProduct } from "@lib/data/products"
import { matchColour } from "@lib/util/colour-images"
import ProductCard from "./product-card"

export default function ProductGrid({
  products,
  countryCode,
  currency,
  priorityCount = 4,
  colours,
}: {
  products: SearchProduct[]
  countryCode: string
  currency: string
  priorityCount?: number
  /** The listing's colour filter: each card shows and links to the product in the first of these it comes in. */
  colours?: string[]
}) {
  return (
    <ul className="product-grid">
      {products.map((product, i) => (
        <li key={product.id}>
          <ProductCard
            product={product}
            countryCode={countryCode}
            currency={currency}
            priority={i < priorityCount}
            colour={colours?.length ? matchColour(product.colours ?? [], colours) : undefined}
          />
        </li>
      ))}
    </ul>
  )
}
