import type { Metadata } from "next"
import { notFound } from "next/navigation"
import { retrieveCustomer } from "@lib/data/customer"
import { retrieveCustomerOrder } from "@lib/data/orders"
import AccountNav from "@modules/account/components/account-nav"
import SignInPrompt from "@modules/account/components/require-customer"
import LineItems from "@modules/cart/components/line-items"
import OrderSummary from "@modules/order/components/order-summary"

export const metadata: Metadata = { title: "Order" }

export default async function OrderPage({ params }: { params: Promise<{ countryCode: string; id: string }> }) {
  const { countryCode, id } = await params
  const customer = await retrieveCustomer()
  if (!customer) return <SignInPrompt countryCode={countryCode} what="orders" returnTo={`/${countryCode}/account/orders/${encodeURIComponent(id)}`} />
  // Medusa answers only the signed-in customer's own orders here: anyone else's is "not found".
  const order = await retrieveCustomerOrder(id)
  if (!order) notFound()
  return (
    <div className="container page">
      <h1 data-testid="order-title">Order #{order.display_id}</h1>
      <AccountNav countryCode={countryCode} current="/orders" />
      <p>
        Placed {new Date(order.created_at).toLocaleDateString("en-GB")} · {String(order.fulfillment_status ?? order.status).replace(/_/g, " ")}
      </p>
      <div className="cart-layout">
        <section aria-labelledby="order-items">
          <h2 id="order-items">Items</h2>
          <LineItems items={(order.items ?? []) as never} currency={order.currency_code} countryCode={countryCode} editable={false} />
        </section>
        <OrderSummary order={order} />
      </div>
    </div>
  )
}
