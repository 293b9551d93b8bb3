import type { Metadata } from "next"
import Link from "next/link"
import { retrieveCustomer } from "@lib/data/customer"
import { listOrders } from "@lib/data/orders"
import { formatMoney } from "@lib/util/money"
import AccountNav from "@modules/account/components/account-nav"
import SignInPrompt from "@modules/account/components/require-customer"

export const metadata: Metadata = { title: "Orders" }

export default async function OrdersPage({ params }: { params: Promise<{ countryCode: string }> }) {
  const { countryCode } = await params
  const customer = await retrieveCustomer()
  if (!customer) return <SignInPrompt countryCode={countryCode} what="orders" returnTo={`/${countryCode}/account/orders`} />
  const { orders } = await listOrders()
  return (
    <div className="container page">
      <h1>Orders</h1>
      <AccountNav countryCode={countryCode} current="/orders" />
      {orders.length ? (
        <table className="orders" data-testid="orders-table">
          <caption className="visually-hidden">Your orders, newest first</caption>
          <thead>
            <tr>
              <th scope="col">Order</th>
              <th scope="col">Date</th>
              <th scope="col">Items</th>
              <th scope="col">Total</th>
              <th scope="col">Status</th>
            </tr>
          </thead>
          <tbody>
            {orders.map((o) => (
              <tr key={o.id}>
                <td>
                  <Link href={`/${countryCode}/account/orders/${o.id}`}>#{o.display_id}</Link>
                </td>
                <td>{new Date(o.created_at).toLocaleDateString("en-GB")}</td>
                <td>{o.items?.reduce((n, i) => n + i.quantity, 0) ?? 0}</td>
                <td>{formatMoney(o.total, o.currency_code)}</td>
                <td>{String(o.fulfillment_status ?? o.status).replace(/_/g, " ")}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <div className="empty-state">
          <p>You have not ordered anything yet.</p>
          <Link className="button" href={`/${countryCode}/store`}>
            Start shopping
          </Link>
        </div>
      )}
    </div>
  )
}
