import { HttpTypes } from "@medusajs/types"
import { formatMoney } from "@lib/util/money"

/** Totals as Medusa calculated them for the cart's region. */
export default function CartSummary({ cart, children }: { cart: HttpTypes.StoreCart; children?: React.ReactNode }) {
  const c = cart.currency_code
  return (
    <section className="summary" aria-labelledby="summary-heading">
      <h2 id="summary-heading">Summary</h2>
      <dl>
        <dt>Subtotal</dt>
        <dd data-testid="cart-subtotal">{formatMoney(cart.item_subtotal ?? cart.subtotal, c)}</dd>
        {cart.discount_total ? (
          <>
            <dt>Discount</dt>
            <dd>−{formatMoney(cart.discount_total, c)}</dd>
          </>
        ) : null}
        <dt>Delivery</dt>
        <dd>{cart.shipping_methods?.length ? formatMoney(cart.shipping_total, c) : "Chosen at checkout"}</dd>
        <dt>Taxes</dt>
        <dd>{formatMoney(cart.tax_total, c)}</dd>
        <dt className="summary__total">Total</dt>
        <dd className="summary__total" data-testid="cart-total">
          {formatMoney(cart.total, c)}
        </dd>
      </dl>
      {children}
    </section>
  )
}
