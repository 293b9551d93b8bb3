import type { Metadata } from "next"
import Link from "next/link"
import { notFound } from "next/navigation"
import { retrieveOrder } from "@lib/data/orders"
import { formatMoney } from "@lib/util/money"
import LineItems from "@modules/cart/components/line-items"

export const metadata: Metadata = { title: "Order confirmed" }

export default async function OrderConfirmedPage({ params }: { params: Promise<{ countryCode: string; id: string }> }) {
  const { countryCode, id } = await params
  const order = await retrieveOrder(id)
  if (!order) notFound()
  const a = order.shipping_address
  return (
    <div className="container page">
      <h1 data-testid="order-confirmed">Thank you! Your order is placed.</h1>
      <p>
        Order <strong data-testid="order-number">#{order.display_id}</strong> · a confirmation goes to <strong>{order.email}</strong>.
      </p>
      <div className="cart-layout">
        <section aria-labelledby="order-items">
          <h2 id="order-items">Items</h2>
          <LineItems items={(order.items ?? []) as never} currency={order.currency_code} countryCode={countryCode} editable={false} />
        </section>
        <section className="summary" aria-labelledby="order-summary">
          <h2 id="order-summary">Summary</h2>
          <dl>
            <dt>Subtotal</dt>
            <dd>{formatMoney(order.item_subtotal ?? order.subtotal, order.currency_code)}</dd>
            <dt>Delivery</dt>
            <dd>{formatMoney(order.shipping_total, order.currency_code)}</dd>
            <dt>Taxes</dt>
            <dd>{formatMoney(order.tax_total, order.currency_code)}</dd>
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
          <Link href={`/${countryCode}/store`} className="button button--full">
            Continue shopping
          </Link>
        </section>
      </div>
    </div>
  )
}
