import { HttpTypes } from "@medusajs/types"
import SummaryTotals from "@modules/common/components/summary-totals"

/** Totals as Medusa calculated them for the cart's region, taxes included (cart and checkout). */
export default function CartSummary({ cart, children }: { cart: HttpTypes.StoreCart; children?: React.ReactNode }) {
  return (
    <section className="summary" aria-labelledby="summary-heading">
      <h2 id="summary-heading">Summary</h2>
      <SummaryTotals totals={cart} testIdPrefix="cart" pending={{ delivery: "Chosen at checkout", taxes: "Calculated at checkout" }} />
      {children}
    </section>
  )
}
