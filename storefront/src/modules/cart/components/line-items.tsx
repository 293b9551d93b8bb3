import Link from "next/link"
import { HttpTypes } from "@medusajs/types"
import { formatMoney } from "@lib/util/money"
import LineItemControls from "./line-item-controls"

export default function LineItems({
  items,
  currency,
  countryCode,
  editable,
}: {
  items: HttpTypes.StoreCartLineItem[]
  currency: string
  countryCode: string
  editable: boolean
}) {
  const sorted = [...items].sort((a, b) => ((a.created_at ?? "") > (b.created_at ?? "") ? 1 : -1))
  return (
    <ul className="line-items" data-testid="line-items">
      {sorted.map((item) => (
        <li key={item.id} className="line-item" data-testid="line-item">
          <div className="line-item__thumb media-box">
            {item.thumbnail ? (
              // eslint-disable-next-line @next/next/no-img-element
              <img src={item.thumbnail} alt={item.product_title ?? item.title} width={90} height={120} loading="lazy" />
            ) : null}
          </div>
          <div>
            <Link href={`/${countryCode}/products/${item.product_handle}`} style={{ fontWeight: 600 }}>
              {item.product_title}
            </Link>
            <p className="muted" style={{ margin: 0 }}>
              {item.variant_title}
            </p>
            <p style={{ margin: 0 }}>{formatMoney(item.unit_price, currency)} each</p>
            {editable ? (
              <LineItemControls lineId={item.id} quantity={item.quantity} title={item.product_title ?? item.title} />
            ) : (
              <p style={{ margin: 0 }}>Quantity: {item.quantity}</p>
            )}
          </div>
          <div style={{ fontWeight: 600 }} data-testid="line-total">
            {/* The shelf price times quantity: with VAT where prices include it (Medusa's subtotal is before tax). */}
            {formatMoney(item.unit_price * item.quantity, currency)}
          </div>
        </li>
      ))}
    </ul>
  )
}
