import { formatMoney } from "@lib/util/money"

/** The totals Medusa calculates for a cart and an order alike (the Store API's default fields). */
export type PricedTotals = {
  currency_code: string
  items?: { is_tax_inclusive?: boolean | null; tax_lines?: unknown[] | null }[] | null
  shipping_methods?: unknown[] | null
  item_subtotal?: number | null
  original_item_total?: number | null
  shipping_subtotal?: number | null
  original_shipping_total?: number | null
  discount_total?: number | null
  discount_subtotal?: number | null
  tax_total?: number | null
  total?: number | null
}

/**
 * Subtotal, discount, delivery, taxes and total, each row adding up to the total. Where prices
 * include tax (VAT in Europe and the UK) the rows are the prices the shopper saw and the tax is shown
 * as included; where tax is added (US sales tax, by the state shipped to) the rows are before tax
 * and the tax is a row of its own.
 */
export default function SummaryTotals({
  totals,
  testIdPrefix,
  pending,
}: {
  totals: PricedTotals
  /** "cart" or "order": the rows' test ids (`cart-subtotal`, `order-taxes`, ...). */
  testIdPrefix: string
  /** A cart's: what the delivery and tax rows say before a delivery method or an address decides them. */
  pending?: { delivery: string; taxes: string }
}) {
  const c = totals.currency_code
  const items = totals.items ?? []
  const inclusive = items.some((i) => i.is_tax_inclusive)
  const taxed = items.some((i) => i.tax_lines?.length)
  const subtotal = inclusive ? (totals.original_item_total ?? totals.item_subtotal) : totals.item_subtotal
  const discount = inclusive ? totals.discount_total : totals.discount_subtotal
  const delivery = inclusive ? (totals.original_shipping_total ?? totals.shipping_subtotal) : totals.shipping_subtotal
  const id = (row: string) => `${testIdPrefix}-${row}`
  const taxRow = (
    <>
      <dt className={inclusive ? "summary__note" : undefined}>{inclusive ? "Taxes (incl. VAT)" : "Taxes"}</dt>
      <dd className={inclusive ? "summary__note" : undefined} data-testid={id("taxes")} data-tax-inclusive={inclusive}>
        {pending && !taxed ? pending.taxes : formatMoney(totals.tax_total ?? 0, c)}
      </dd>
    </>
  )
  return (
    <dl>
      <dt>Subtotal</dt>
      <dd data-testid={id("subtotal")}>{formatMoney(subtotal ?? 0, c)}</dd>
      {discount ? (
        <>
          <dt>Discount</dt>
          <dd data-testid={id("discount")}>−{formatMoney(discount, c)}</dd>
        </>
      ) : null}
      <dt>Delivery</dt>
      <dd data-testid={id("shipping")}>{pending && !totals.shipping_methods?.length ? pending.delivery : formatMoney(delivery ?? 0, c)}</dd>
      {inclusive ? null : taxRow}
      <dt className="summary__total">Total</dt>
      <dd className="summary__total" data-testid={id("total")}>
        {formatMoney(totals.total, c)}
      </dd>
      {inclusive ? taxRow : null}
    </dl>
  )
}
