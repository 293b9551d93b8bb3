import type { ReactNode } from "react"
import { HttpTypes } from "@medusajs/types"
import { formatMoney } from "@lib/util/money"

/** An order's totals and where it goes; `children` follow them (the confirmation's next step). */
export default function OrderSummary({ order, children }: { order: HttpTypes.StoreOrder; children?: ReactNode }) {
  const a = order.shipping_address
  return (
    <section className="summary" aria-labelledby="order-summary">
      <h2 id="order-summary">Summary</h2>
      <dl>
        <dt>Subtotal</dt>
        <dd data-testid="order-subtotal">{formatMoney(order.item_subtotal ?? order.subtotal, order.currency_code)}</dd>
        <dt>Delivery</dt>
        <dd data-testid="order-shipping">{formatMoney(order.shipping_total, order.currency_code)}</dd>
        <dt>Taxes</dt>
        <dd data-testid="order-taxes">{formatMoney(order.tax_total, order.currency_code)}</dd>
        <dt className="summary__total">Total</dt>
        <dd className="summary__total" data-testid="order-total">
          {formatMoney(order.total, order.currency_code)}
        </dd>
      </dl>
      {a ? (
        <p>
          Delivering to {a.first_name} {a.last_name}, {a.address_1}, {a.postal_code} {a.city}
        </p>
      ) : null}
      {children}
    </section>
  )
}
