import Link from "next/link"
import type { SearchProduct } from "@lib/data/products"
import Price from "@modules/common/components/price"

/** Cheapest variant price: "from" when variants differ. */
function cheapest(product: SearchProduct) {
  const prices = product.variants.map((v) => v.calculated_price).filter((p): p is NonNullable<typeof p> => Boolean(p))
  if (!prices.length) return null
  const min = prices.reduce((a, b) => (b.calculated_amount < a.calculated_amount ? b : a))
  const varies = prices.some((p) => p.calculated_amount !== min.calculated_amount)
  return { ...min, varies }
}

export default function ProductCard({
  product,
  countryCode,
  currency,
  priority = false,
}: {
  product: SearchProduct
  countryCode: string
  currency: string
  priority?: boolean
}) {
  const price = cheapest(product)
  return (
    <Link href={`/${countryCode}/products/${product.handle}`} className="product-card" data-testid="product-card">
      <div className="product-card__image">
        {product.thumbnail ? (
          // eslint-disable-next-line @next/next/no-img-element -- Medusa serves sized JPEGs; the box's aspect ratio prevents layout shift
          <img
            src={product.thumbnail}
            alt={product.title}
            width={600}
            height={800}
            loading={priority ? "eager" : "lazy"}
            fetchPriority={priority ? "high" : undefined}
            decoding="async"
          />
        ) : null}
      </div>
      {product.brand ? <p className="product-card__brand">{product.brand}</p> : null}
      <h3 className="product-card__title">{product.title}</h3>
      <p className="product-card__price">
        {price ? (
          <Price
            amount={price.calculated_amount}
            original={price.original_amount}
            currency={price.currency_code || currency}
            prefix={price.varies ? "from" : undefined}
          />
        ) : (
          <span className="muted">Not sold in your region</span>
        )}
      </p>
      {product.in_stock === false ? (
        <p className="product-card__stock muted" data-testid="sold-out">
          Sold out in your region
        </p>
      ) : null}
    </Link>
  )
}
