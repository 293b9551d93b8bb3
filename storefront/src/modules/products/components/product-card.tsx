import Link from "next/link"
import type { ProductCard as ProductCardFields } from "@curator/types/product-card"
import type { SearchProduct } from "@lib/data/products"
import Price from "@modules/common/components/price"
import SaveButton from "@modules/wishlist/components/save-button"

/**
 * The shared product card's fields; a search hit adds its brand and variant prices. in_stock is
 * absent on cards read from Medusa's own product route (recently viewed, saved while signed out).
 */
export type CardProduct = Omit<ProductCardFields, "in_stock"> & { in_stock?: boolean } & Partial<Pick<SearchProduct, "brand" | "variants">>

/** Cheapest variant price: "from" when variants differ; without variants, the card's own price. */
function cheapest(product: CardProduct) {
  const prices = (product.variants ?? []).map((v) => v.calculated_price).filter((p): p is NonNullable<typeof p> => Boolean(p))
  if (!prices.length) return product.calculated_price ? { ...product.calculated_price, varies: false } : null
  const min = prices.reduce((a, b) => (b.calculated_amount < a.calculated_amount ? b : a))
  const varies = prices.some((p) => p.calculated_amount !== min.calculated_amount)
  return { ...min, varies }
}

export default function ProductCard({
  product,
  countryCode,
  currency,
  priority = false,
  reasons,
  onClick,
  colour,
}: {
  product: CardProduct
  countryCode: string
  currency: string
  priority?: boolean
  /** Why a search or recommendation shows it, in the shopper's words ("same category and colour"). */
  reasons?: string[]
  /** For client lists that record the click (search by photo); the link navigates either way. */
  onClick?: React.MouseEventHandler<HTMLAnchorElement>
  /** The colour a listing is filtered to: the product page opens in it (the card's thumbnail already shows it). */
  colour?: string
}) {
  const price = cheapest(product)
  // The heart sits beside the link, over the photo's corner: a button inside a link is not allowed.
  return (
    <div className="product-card-wrap">
      <Link
        href={`/${countryCode}/products/${product.handle}${colour ? `?colour=${encodeURIComponent(colour)}` : ""}`}
        className="product-card"
        data-testid="product-card"
        data-product-handle={product.handle}
        data-colour={colour}
        onClick={onClick}
        // Product pages are rendered per request (nothing of them can be prefetched but the shared
        // layout), and a listing shows dozens of cards: prefetching each one as it scrolls into
        // view cost the server a render per card, which under load delayed the pages shoppers opened.
        prefetch={false}
      >
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
        {reasons?.length ? (
          <p className="product-card__reasons muted" data-testid="product-reasons">
            {reasons.join(" · ")}
          </p>
        ) : null}
      </Link>
      <SaveButton productId={product.id} title={product.title} />
    </div>
  )
}
