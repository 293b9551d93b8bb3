"use client"

import Link from "next/link"
import { useActionState } from "react"
import { addToCart } from "@lib/data/cart"
import type { LookHotspot } from "@lib/data/lookbooks"
import Price from "@modules/common/components/price"
import SubmitButton from "@modules/common/components/submit-button"

/** The piece behind a hotspot: what it is, its price in the shopper's currency, stock, and "add this one". */
export default function HotspotProductCard({
  hotspot,
  countryCode,
  currency,
  id,
}: {
  hotspot: LookHotspot
  countryCode: string
  currency: string
  id: string
}) {
  const [state, action] = useActionState(addToCart, null)
  const { product, variant } = hotspot
  const productHref = `/${countryCode}/products/${product.handle}`
  return (
    <section className="hotspot-card" id={id} aria-labelledby={`${id}-title`} data-testid="hotspot-card">
      <div className="hotspot-card__thumb">
        {product.thumbnail ? (
          // eslint-disable-next-line @next/next/no-img-element -- fixed 3:4 box, no layout shift
          <img src={product.thumbnail} alt={product.title} width={96} height={128} loading="lazy" />
        ) : null}
      </div>
      <div>
        <h3 id={`${id}-title`}>
          <Link href={productHref}>{product.title}</Link>
        </h3>
        {variant.title ? <p className="muted">{variant.title}</p> : null}
        <p data-testid="hotspot-price">
          <Price amount={variant.calculated_price?.calculated_amount} currency={variant.calculated_price?.currency_code ?? currency} />
        </p>
        <p className={variant.in_stock ? "stock--in" : "stock--out"}>{variant.in_stock ? "In stock" : "Out of stock"}</p>
        <form action={action}>
          <input type="hidden" name="variant_id" value={variant.id} />
          <input type="hidden" name="country_code" value={countryCode} />
          <input type="hidden" name="quantity" value="1" />
          {variant.in_stock ? (
            <SubmitButton className="button button--secondary" pendingText="Adding…">
              Add this piece to cart
            </SubmitButton>
          ) : (
            <Link href={productHref} className="button button--secondary">
              See other sizes
            </Link>
          )}
        </form>
        {state?.error ? (
          <p role="alert" className="form-error" style={{ marginTop: ".5rem" }}>
            {state.error}
          </p>
        ) : null}
        {state?.ok ? (
          <p role="status" className="form-ok" style={{ marginTop: ".5rem" }}>
            Added to your cart. <Link href={`/${countryCode}/cart`}>View cart</Link>
          </p>
        ) : null}
      </div>
    </section>
  )
}
