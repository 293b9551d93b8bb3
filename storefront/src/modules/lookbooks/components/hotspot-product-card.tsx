"use client"

import Link from "next/link"
import { useActionState, useState } from "react"
import { addToCart, type CartActionState } from "@lib/data/cart"
import MiniCart from "@modules/cart/components/mini-cart"
import type { LookHotspot } from "@lib/data/lookbooks"
import Price from "@modules/common/components/price"
import SubmitButton from "@modules/common/components/submit-button"
import { chosenVariant, type PieceSelection } from "../pieces"
import PieceChoices from "./piece-choices"
import FormError from "@modules/common/components/form-error"

/**
 * The piece behind a hotspot: what it is, the shopper's size (and colour) choice, its price in the
 * shopper's currency, stock, and "add this one" in the chosen size. The choice is the look's
 * (shared with the list of pieces and "Add the whole look").
 */
export default function HotspotProductCard({
  hotspot,
  selection,
  onChange,
  countryCode,
  currency,
  id,
}: {
  hotspot: LookHotspot
  selection: PieceSelection
  onChange: (title: string, value: string) => void
  countryCode: string
  currency: string
  id: string
}) {
  const [state, action] = useActionState(addToCart, null)
  // The mini-cart opens after each add until the shopper closes it.
  const [dismissed, setDismissed] = useState<CartActionState>(null)
  const { product } = hotspot
  const variant = chosenVariant(hotspot, selection)
  // Before a size is chosen the photo's variant stands in for the price; its stock says nothing yet.
  const price = variant ? variant.calculated_price : hotspot.variant.calculated_price
  const productHref = `/${countryCode}/products/${product.handle}`
  const hintId = `${id}-hint`
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
        {variant?.title ? <p className="muted">{variant.title}</p> : null}
        <p data-testid="hotspot-price">
          <Price amount={price?.calculated_amount} original={price?.original_amount} currency={price?.currency_code ?? currency} />
        </p>
        <PieceChoices hotspot={hotspot} selection={selection} onChange={onChange} idPrefix={`${id}-choice`} />
        {variant ? (
          <p className={variant.in_stock ? "stock--in" : "stock--out"}>{variant.in_stock ? "In stock" : "Out of stock"}</p>
        ) : (
          <p className="muted" id={hintId}>
            Choose a {(product.size_option ?? "size").toLowerCase()} to add this piece.
          </p>
        )}
        <form action={action}>
          <input type="hidden" name="variant_id" value={variant?.id ?? ""} />
          <input type="hidden" name="country_code" value={countryCode} />
          <input type="hidden" name="quantity" value="1" />
          {variant && !variant.in_stock ? (
            <Link href={productHref} className="button button--secondary">
              See other sizes
            </Link>
          ) : (
            <SubmitButton
              className="button button--secondary"
              pendingText="Adding…"
              disabled={!variant}
              describedBy={variant ? undefined : hintId}
              testId="add-piece"
            >
              Add this piece to cart
            </SubmitButton>
          )}
        </form>
        <FormError error={state?.error} style={{ marginTop: ".5rem" }} />
        {state?.ok ? (
          <p role="status" className="form-ok" style={{ marginTop: ".5rem" }}>
            Added to your cart. <Link href={`/${countryCode}/cart`}>View cart</Link>
          </p>
        ) : null}
        {state?.added && dismissed !== state ? <MiniCart added={state.added} countryCode={countryCode} onClose={() => setDismissed(state)} /> : null}
      </div>
    </section>
  )
}
