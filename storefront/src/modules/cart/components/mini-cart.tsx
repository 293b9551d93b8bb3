"use client"

import Link from "next/link"
import { useEffect, useId, useRef } from "react"
import type { AddedToCart } from "@lib/data/cart"
import { formatMoney } from "@lib/util/money"

/**
 * The mini-cart that opens after "Add to cart": the line just added (thumbnail, title, variant,
 * quantity, price), the cart's subtotal, and the ways on (view the cart, check out). It is not
 * modal: the page stays usable; Escape, the close button or following a link closes it.
 */
export default function MiniCart({ added, countryCode, onClose }: { added: AddedToCart; countryCode: string; onClose: () => void }) {
  const headingId = useId()
  const dialogRef = useRef<HTMLDivElement>(null)
  const { line, currency } = added

  const closeRef = useRef(onClose)
  useEffect(() => {
    closeRef.current = onClose
  })
  useEffect(() => {
    // Focus moves into the mini-cart (again after each add) so keyboard and screen reader users land on what was added.
    dialogRef.current?.focus()
  }, [added])
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => event.key === "Escape" && closeRef.current()
    document.addEventListener("keydown", onKey)
    return () => document.removeEventListener("keydown", onKey)
  }, [])

  return (
    <div ref={dialogRef} role="dialog" aria-labelledby={headingId} tabIndex={-1} className="mini-cart" data-testid="mini-cart">
      <div className="mini-cart__head">
        <h2 id={headingId}>Added to your cart</h2>
        <button type="button" className="mini-cart__close" aria-label="Close" onClick={onClose} data-testid="mini-cart-close">
          <svg width="20" height="20" viewBox="0 0 24 24" aria-hidden="true" focusable="false" fill="none" stroke="currentColor" strokeWidth="2">
            <path d="M6 6l12 12M18 6L6 18" />
          </svg>
        </button>
      </div>
      <div className="mini-cart__line" data-testid="mini-cart-line">
        <div className="mini-cart__thumb media-box">
          {line.thumbnail ? (
            // eslint-disable-next-line @next/next/no-img-element -- fixed 3:4 box, no layout shift
            <img src={line.thumbnail} alt="" width={64} height={85} />
          ) : null}
        </div>
        <div>
          <p className="mini-cart__title">{line.title}</p>
          {line.variant ? (
            <p className="muted" data-testid="mini-cart-variant">
              {line.variant}
            </p>
          ) : null}
          <p className="muted">
            Quantity: <span data-testid="mini-cart-quantity">{line.quantity}</span>
          </p>
        </div>
        <p className="mini-cart__price" data-testid="mini-cart-price">
          {formatMoney(line.total, currency)}
        </p>
      </div>
      <dl className="mini-cart__subtotal">
        <dt>
          Subtotal ({added.itemCount} {added.itemCount === 1 ? "item" : "items"})
        </dt>
        <dd data-testid="mini-cart-subtotal">{formatMoney(added.subtotal, currency)}</dd>
      </dl>
      <div className="mini-cart__actions">
        <Link href={`/${countryCode}/cart`} className="button button--secondary" onClick={onClose}>
          View cart
        </Link>
        <Link href={`/${countryCode}/checkout`} className="button" onClick={onClose}>
          Checkout
        </Link>
      </div>
    </div>
  )
}
