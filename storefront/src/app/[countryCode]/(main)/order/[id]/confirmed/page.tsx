import type { Metadata } from "next"
import Link from "next/link"
import { notFound } from "next/navigation"
import { retrieveOrder } from "@lib/data/orders"
import LineItems from "@modules/cart/components/line-items"
import OrderSummary from "@modules/order/components/order-summary"

export const metadata: Metadata = { title: "Order confirmed" }

export default async function OrderConfirmedPage({ params }: { params: Promise<{ countryCode: string; id: string }> }) {
  const { countryCode, id } = await params
  const order = await retrieveOrder(id)
  if (!order) notFound()
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
        <OrderSummary order={order}>
          <Link href={`/${countryCode}/store`} className="button button--full">
            Continue shopping
          </Link>
        </OrderSummary>
      </div>
    </div>
  )
}
