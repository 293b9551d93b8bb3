import { formatMoney } from "@lib/util/money"

/** A price in the region's currency; a reduced price shows the original struck through. */
export default function Price({
  amount,
  original,
  currency,
  prefix,
}: {
  amount?: number | null
  original?: number | null
  currency: string
  prefix?: string
}) {
  if (amount === null || amount === undefined) return <span className="muted">Price not available in your region</span>
  const reduced = original !== null && original !== undefined && original > amount
  return (
    <span>
      {prefix ? `${prefix} ` : ""}
      <span className={reduced ? "price--sale" : undefined}>{formatMoney(amount, currency)}</span>
      {reduced ? (
        <span className="price--original">
          <span className="visually-hidden">was </span>
          {formatMoney(original, currency)}
        </span>
      ) : null}
    </span>
  )
}
