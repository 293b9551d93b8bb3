import type { SearchProduct } from "@lib/data/products"
import ProductCard from "./product-card"

export default function ProductGrid({
  products,
  countryCode,
  currency,
  priorityCount = 4,
}: {
  products: SearchProduct[]
  countryCode: string
  currency: string
  priorityCount?: number
}) {
  return (
    <ul className="product-grid">
      {products.map((product, i) => (
        <li key={product.id}>
          <ProductCard product={product} countryCode={countryCode} currency={currency} priority={i < priorityCount} />
        </li>
      ))}
    </ul>
  )
}
