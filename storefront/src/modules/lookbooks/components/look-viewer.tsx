"use client"

import Link from "next/link"
import { useActionState, useEffect, useRef, useState } from "react"
import { addLookToCart, recordLookView, type Look } from "@lib/data/lookbooks"
import Price from "@modules/common/components/price"
import SubmitButton from "@modules/common/components/submit-button"
import ShopThisLookLink from "@modules/visual-search/components/shop-this-look-link"
import HotspotProductCard from "./hotspot-product-card"
import PieceChoices from "./piece-choices"
import { chosenVariant, initialSelection, lookTotal, needsChoice, type PieceSelection } from "../pieces"
import { useHydrated } from "@lib/hooks/use-hydrated"
import FormError from "@modules/common/components/form-error"

const REASONS: Record<string, string> = {
  variant_deleted: "no longer in the shop",
  product_unpublished: "no longer in the shop",
  not_in_sales_channel: "not sold in this shop",
  not_sold_in_region: "not sold in your country",
  out_of_stock: "out of stock in this size",
}
/** The backend's reason codes in words a shopper understands (unknown codes are shown as sent). */
const reasonText = (reason: string) => REASONS[reason] ?? reason.replace(/_/g, " ")

/**
 * One look: the photo with a numbered button per hotspot (placed at its x/y fraction of the
 * photo), the chosen piece's card, the list of pieces with each one's size (and colour) choice,
 * the look's total, and "Add the whole look" once every piece has a size.
 */
export default function LookViewer({
  look,
  index,
  lookbookId,
  lookbookTitle,
  countryCode,
  currency,
}: {
  look: Look
  index: number
  lookbookId: string
  lookbookTitle: string
  countryCode: string
  currency: string
}) {
  const hydrated = useHydrated()
  const cardId = `look-${look.id}-card`
  const [openId, setOpenId] = useState<string | null>(null)
  const [state, action] = useActionState(addLookToCart, null)
  const stageRef = useRef<HTMLDivElement>(null)
  const [selections, setSelections] = useState<Record<string, PieceSelection>>(() =>
    Object.fromEntries(look.hotspots.map((h) => [h.id, initialSelection(h)]))
  )
  const choose = (hotspotId: string) => (title: string, value: string) =>
    setSelections((all) => ({ ...all, [hotspotId]: { ...all[hotspotId], [title]: value } }))
  const selectionOf = (hotspotId: string) => selections[hotspotId] ?? {}
  const open = look.hotspots.find((h) => h.id === openId)
  const chosen = look.hotspots.flatMap((h) => {
    const v = chosenVariant(h, selectionOf(h.id))
    return v ? [{ hotspot: h, variant: v }] : []
  })
  const missing = look.hotspots.filter((h) => needsChoice(h, selectionOf(h.id)))
  const total = lookTotal(look.hotspots, selections)
  // The answer names variants by id; the shopper's choices know their pieces and sizes.
  const pieceOf = (variantId: string) => chosen.find((c) => c.variant.id === variantId)
  const pieceName = (variantId: string) => {
    const c = pieceOf(variantId)
    return c ? `${c.hotspot.product.title}${c.variant.title ? ` (${c.variant.title})` : ""}` : "A piece of this look"
  }
  // A hotspot tapped on the photo opens its card below it; on a phone that is off screen, so it is brought into view.
  const scrollToCard = useRef(false)
  useEffect(() => {
    if (!openId || !scrollToCard.current) return
    scrollToCard.current = false
    const card = document.getElementById(cardId)
    if (!card) return
    const box = card.getBoundingClientRect()
    if (box.top >= 0 && box.bottom <= window.innerHeight) return
    const reduced = window.matchMedia?.("(prefers-reduced-motion: reduce)").matches
    card.scrollIntoView({ block: "nearest", behavior: reduced ? "auto" : "smooth" })
  }, [openId, cardId])
  const ratio = look.width && look.height ? `${look.width} / ${look.height}` : "4 / 5"

  // A look counts as seen once half of it has been on screen.
  useEffect(() => {
    const node = stageRef.current
    if (!node || typeof IntersectionObserver === "undefined") return
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((e) => e.isIntersecting)) {
          observer.disconnect()
          void recordLookView(lookbookId, look.id)
        }
      },
      { threshold: 0.5 }
    )
    observer.observe(node)
    return () => observer.disconnect()
  }, [lookbookId, look.id])

  return (
    <article className="look" aria-labelledby={`look-${look.id}-heading`} data-testid="look" data-hydrated={hydrated}>
      <div>
        <div className="look__stage" style={{ aspectRatio: ratio }} ref={stageRef}>
          {/* eslint-disable-next-line @next/next/no-img-element -- the stage's aspect ratio is the photo's, so nothing shifts */}
          <img
            src={look.image_url}
            alt={`Look ${index + 1} of ${lookbookTitle}${look.notes ? `: ${look.notes}` : ""}`}
            width={look.width ?? 800}
            height={look.height ?? 1000}
            loading={index === 0 ? "eager" : "lazy"}
            // The first look is the page's largest paint: fetched ahead of scripts and smaller photos.
            fetchPriority={index === 0 ? "high" : undefined}
          />
          {look.hotspots.map((h, i) => (
            <button
              key={h.id}
              type="button"
              className="hotspot"
              style={{ left: `${h.x * 100}%`, top: `${h.y * 100}%` }}
              aria-label={`Piece ${i + 1}: ${h.product.title}`}
              aria-expanded={openId === h.id}
              aria-controls={openId === h.id ? cardId : undefined}
              onClick={() => {
                scrollToCard.current = openId !== h.id
                setOpenId(openId === h.id ? null : h.id)
              }}
              data-testid="hotspot"
            >
              {i + 1}
            </button>
          ))}
        </div>
      </div>
      <div>
        <h2 id={`look-${look.id}-heading`}>Look {index + 1}</h2>
        {look.notes ? <p>{look.notes}</p> : null}
        {look.hotspots.length ? (
          <>
            <p className="muted">Select a numbered dot on the photo, or a piece below, to see it.</p>
            <ol className="look__pieces">
              {look.hotspots.map((h, i) => {
                const v = chosenVariant(h, selectionOf(h.id))
                return (
                  <li key={h.id} data-testid="look-piece" data-product-title={h.product.title}>
                    <button
                      type="button"
                      className="button--link button"
                      aria-expanded={openId === h.id}
                      onClick={() => setOpenId(openId === h.id ? null : h.id)}
                    >
                      {i + 1}. {h.product.title}
                    </button>
                    {v && !v.in_stock ? <span className="stock--out"> (out of stock in this size)</span> : null}
                    <PieceChoices hotspot={h} selection={selectionOf(h.id)} onChange={choose(h.id)} idPrefix={`look-${look.id}-piece-${h.id}`} />
                  </li>
                )
              })}
            </ol>
            <p className="look__total" data-testid="look-total">
              <Price amount={total} currency={currency} prefix="Total for the look:" />
            </p>
          </>
        ) : (
          <p className="muted">The pieces of this look are not in the shop right now. Browse the shop for similar pieces.</p>
        )}
        {open ? (
          <div style={{ marginBottom: "1rem", scrollMarginTop: "1rem" }}>
            <HotspotProductCard
              key={open.id}
              hotspot={open}
              selection={selectionOf(open.id)}
              onChange={choose(open.id)}
              countryCode={countryCode}
              currency={currency}
              id={cardId}
            />
          </div>
        ) : null}
        <div style={{ display: "flex", gap: ".75rem", flexWrap: "wrap", alignItems: "center" }}>
          {look.hotspots.length ? (
            <form action={action}>
              <input type="hidden" name="lookbook_id" value={lookbookId} />
              <input type="hidden" name="look_id" value={look.id} />
              <input type="hidden" name="country_code" value={countryCode} />
              <input
                type="hidden"
                name="pieces"
                value={JSON.stringify(chosen.map((c) => ({ hotspot_id: c.hotspot.id, variant_id: c.variant.id })))}
              />
              <SubmitButton
                pendingText="Adding the look…"
                testId="add-look"
                disabled={missing.length > 0}
                describedBy={missing.length ? `look-${look.id}-missing` : undefined}
              >
                Add the whole look
              </SubmitButton>
            </form>
          ) : null}
          {/* Pieces like the ones in the photo, beyond the tagged ones (and when those are gone). */}
          <ShopThisLookLink countryCode={countryCode} photo={{ lookbook: lookbookId, look: look.id }} />
        </div>
        {look.hotspots.length && missing.length ? (
          <p className="muted" id={`look-${look.id}-missing`} data-testid="look-missing">
            Choose a size for {missing.map((h) => h.product.title).join(", ")} to add the whole look.
          </p>
        ) : null}
        <FormError error={state?.error} className="shop-result" />
        {state && !state.error ? (
          <div role="status" className={`shop-result ${state.added?.length ? "form-ok" : "form-error"}`} data-testid="look-result">
            {state.added?.length ? (
              <>
                <p style={{ margin: 0 }}>Added to your cart:</p>
                <ul data-testid="look-added">
                  {state.added.map((a) => (
                    <li key={a.variant_id} data-product-title={pieceOf(a.variant_id)?.hotspot.product.title}>
                      {pieceName(a.variant_id)}
                      {a.quantity > 1 ? ` × ${a.quantity}` : ""}
                    </li>
                  ))}
                </ul>
              </>
            ) : (
              <p style={{ margin: 0 }}>Nothing from this look could be added.</p>
            )}
            {state.not_added?.length ? (
              <>
                <p style={{ margin: 0 }}>Not added:</p>
                <ul data-testid="look-not-added">
                  {state.not_added.map((n) => (
                    <li key={n.variant_id} data-product-title={pieceOf(n.variant_id)?.hotspot.product.title}>
                      {pieceName(n.variant_id)}: {reasonText(n.reason)}
                    </li>
                  ))}
                </ul>
                <p style={{ margin: 0 }}>Open a piece above to find another size.</p>
              </>
            ) : null}
            <Link href={`/${countryCode}/cart`}>View cart</Link>
          </div>
        ) : null}
      </div>
    </article>
  )
}
