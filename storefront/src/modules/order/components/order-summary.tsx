import type { ReactNode } from "react"
import { HttpTypes } from "@medusajs/types"
import SummaryTotals from "@modules/common/components/summary-totals"

/** An order's totals and where it goes; `children` follow them (the confirmation's next step). */
export default function OrderSummary({ order, children }: { order: HttpTypes.StoreOrder; children?: ReactNode }) {
  const a = order.shipping_address
  return (
    <section className="summary" aria-labelledby="order-summary">
      <h2 id="order-summary">Summary</h2>
      <SummaryTotals totals={order} testIdPrefix="order" />
      {a ? (
        <p>
          Delivering to {a.first_name} {a.last_name}, {a.address_1}, {a.postal_code} {a.city}
          {a.province ? `, ${a.province}` : ""}
        </p>
      ) : null}
      {children}
    </section>
  )
}
