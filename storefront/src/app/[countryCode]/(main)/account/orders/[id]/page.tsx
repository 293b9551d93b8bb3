import type { Metadata } from "next"
import { notFound } from "next/navigation"
import { retrieveCustomer } from "@lib/data/customer"
import { retrieveOrder } from "@lib/data/orders"
import { formatMoney } from "@lib/util/money"
import AccountNav from "@modules/account/components/account-nav"
import SignInPrompt from "@modules/account/components/require-customer"
import LineItems from "@modules/cart/components/line-items"

export const metadata: Metadata = { title: "Order" }

export default async function OrderPage({ params }: { params: Promise<{ countryCode: string; id: string }> }) {
  const { countryCode, id } = await params
  const customer = await retrieveCustomer()
  if (!customer) return <SignInPrompt countryCode={countryCode} what="orders" />
  const order = await retrieveOrder(id)
  if (!order || order.customer_id !== customer.id) notFound()
  return (
    <div className="container page">
      <h1>Order #{order.display_id}</h1>
      <AccountNav countryCode={countryCode} current="/orders" />
      <p>
        Placed {new Date(order.created_at).toLocaleDateString("en-GB")} · total {formatMoney(order.total, order.currency_code)} ·{" "}
        {String(order.fulfillment_status).replace(/_/g, " ")}
      </p>
      <LineItems items={(order.items ?? []) as never} currency={order.currency_code} countryCode={countryCode} editable={false} />
    </div>
  )
}
