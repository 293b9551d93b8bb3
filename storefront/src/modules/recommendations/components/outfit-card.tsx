"use client"

import Link from "next/link"
import { useActionState } from "react"
import type { RecommendedOutfit } from "@curator/types/recommendations"
import { addOutfitToCart } from "@lib/data/recommendations"
import { useHydrated } from "@lib/hooks/use-hydrated"
import { recordInteractions } from "@lib/util/interactions"
import { formatMoney } from "@lib/util/money"
import FormError from "@modules/common/components/form-error"
import SubmitButton from "@modules/common/components/submit-button"

const NOT_ADDED: Record<string, string> = {
  out_of_stock: "sold out in your size",
  not_in_region: "not sold in your region",
  not_found: "no longer available",
}

/** The recommendation surfaces that show outfits (the `surface` their clicks are recorded with). */
export type OutfitSurface = "outfits" | "complete_the_look" | "dress_me"

/**
 * One outfit: its pieces (catalog cards, or the shopper's own wardrobe pieces), the total in the
 * region's currency, why it was chosen, and "Add the outfit to the cart" for its catalog pieces.
 * A click on a catalog piece is recorded with the surface, the outfit's `position` there (0 first)
 * and the piece's place in the outfit.
 */
export default function OutfitCard({
  outfit,
  countryCode,
  title,
  surface,
  position,
}: {
  outfit: RecommendedOutfit
  countryCode: string
  title: string
  surface: OutfitSurface
  position: number
}) {
  const [state, action] = useActionState(addOutfitToCart, null)
  const hydrated = useHydrated()
  const catalog = outfit.items.filter((i) => i.source === "catalog")
  const titleOf = (variantId: string) => catalog.find((i) => i.variant_id === variantId)?.title ?? "A piece"
  return (
    <article className="card outfit-card" data-testid="recommended-outfit" data-hydrated={hydrated} aria-label={title}>
      <h3>{title}</h3>
      <ul className="outfit-card__pieces">
        {outfit.items.map((piece, pieceIndex) =>
          piece.source === "catalog" ? (
            <li key={piece.id} data-testid="outfit-piece" data-product-id={piece.id} data-category={piece.category_handle ?? ""}>
              <Link
                href={`/${countryCode}/products/${piece.handle}`}
                className="outfit-card__piece"
                onClick={() => recordInteractions([{ product_id: piece.id, kind: "click", surface, value: { position, piece: pieceIndex } }])}
              >
                <span className="outfit-card__thumb media-box">
                  {piece.thumbnail ? (
                    // eslint-disable-next-line @next/next/no-img-element -- Medusa serves sized JPEGs; fixed box
                    <img src={piece.thumbnail} alt="" width={72} height={96} loading="lazy" />
                  ) : null}
                </span>
                <span>
                  <span className="outfit-card__title">{piece.title}</span>
                  <span className="muted">
                    {piece.calculated_price ? formatMoney(piece.calculated_price.calculated_amount, piece.calculated_price.currency_code) : null}
                  </span>
                </span>
              </Link>
            </li>
          ) : (
            <li key={piece.wardrobe_item_id} data-testid="outfit-piece" data-source="wardrobe" data-category={piece.category_handle ?? ""}>
              <span className="outfit-card__piece">
                <span className="outfit-card__thumb media-box" aria-hidden="true" />
                <span>
                  <span className="outfit-card__title">{piece.title}</span>
                  <span className="muted">From your wardrobe</span>
                </span>
              </span>
            </li>
          )
        )}
      </ul>
      <p className="outfit-card__total">
        Total: <strong data-testid="outfit-total">{formatMoney(outfit.total.amount, outfit.total.currency_code)}</strong>
      </p>
      {outfit.reasons.length ? (
        <p className="product-card__reasons muted" data-testid="outfit-reasons">
          {outfit.reasons.join(" · ")}
        </p>
      ) : null}
      {catalog.length ? (
        <form action={action}>
          <input type="hidden" name="country_code" value={countryCode} />
          {catalog.map((piece) => (
            <input key={piece.variant_id} type="hidden" name="variant_id" value={piece.variant_id} />
          ))}
          <SubmitButton testId="add-outfit" pendingText="Adding…" className="button button--full">
            Add the outfit to the cart
          </SubmitButton>
        </form>
      ) : null}
      <FormError error={state?.error} />
      {state && !state.error ? (
        <div role="status" className={state.added?.length ? "form-ok" : "form-error"} data-testid="outfit-result">
          {state.added?.length ? (
            <p style={{ margin: 0 }}>Added to your cart: {state.added.map((a) => titleOf(a.variant_id)).join(", ")}.</p>
          ) : (
            <p style={{ margin: 0 }}>Nothing from this outfit could be added.</p>
          )}
          {state.not_added?.length ? (
            <p style={{ margin: 0 }}>
              Not added: {state.not_added.map((n) => `${titleOf(n.variant_id)} (${NOT_ADDED[n.reason] ?? n.reason.replace(/_/g, " ")})`).join(", ")}.
            </p>
          ) : null}
          <Link href={`/${countryCode}/cart`}>View cart</Link>
        </div>
      ) : null}
    </article>
  )
}
