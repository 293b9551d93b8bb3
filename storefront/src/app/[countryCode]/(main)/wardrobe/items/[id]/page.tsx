import type { Metadata } from "next"
import Link from "next/link"
import { notFound } from "next/navigation"
import { getItem, getStats } from "@lib/data/wardrobe"
import { retrieveCustomerOrder } from "@lib/data/orders"
import { getProductHandle } from "@lib/data/products"
import { getRegion } from "@lib/data/regions"
import { formatMoney } from "@lib/util/money"
import DeleteButton from "@modules/wardrobe/components/delete-button"
import ItemForm from "@modules/wardrobe/components/item-form"
import WardrobeNav from "@modules/wardrobe/components/wardrobe-nav"
import WearForm from "@modules/wardrobe/components/wear-form"
import { seasonLabel } from "@modules/wardrobe/seasons"
import Breadcrumbs from "@modules/common/components/breadcrumbs"

type Props = { params: Promise<{ countryCode: string; id: string }>; searchParams: Promise<{ added?: string; saved?: string }> }

export const metadata: Metadata = { title: "Wardrobe item" }

const day = (d: string) =>
  new Date(`${d.slice(0, 10)}T00:00:00Z`).toLocaleDateString("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" })

export default async function ItemPage({ params, searchParams }: Props) {
  const { countryCode, id } = await params
  const { added, saved } = await searchParams
  const [item, stats, region] = await Promise.all([getItem(countryCode, id), getStats(countryCode), getRegion(countryCode)])
  if (!item) notFound()
  // Where it came from: the order it was bought in (the customer's own) and its product in the shop.
  const [order, productHandle] = await Promise.all([
    item.order_id ? retrieveCustomerOrder(item.order_id) : null,
    item.product_id ? getProductHandle(item.product_id) : null,
  ])
  const wear = stats.items.find((i) => i.id === item.id)
  const facts: [string, string | null][] = [
    ["Category", item.category],
    ["Colours", item.colours.join(", ") || null],
    ["Brand", item.brand],
    ["Size", item.size],
    ["Material", item.material],
    ["Season", item.season ? seasonLabel(item.season) : null],
    ["Price paid", item.price_paid !== null && item.currency_code ? formatMoney(Number(item.price_paid), item.currency_code) : null],
    ["Bought on", item.acquired_on ? day(item.acquired_on) : null],
    ["From", item.source === "order" && !order ? "An order in this shop" : null],
  ]
  return (
    <>
      <Breadcrumbs trail={[{ href: `/${countryCode}/wardrobe`, label: "Wardrobe" }]} tight />
      <h1 data-testid="item-name">{item.name}</h1>
      <WardrobeNav countryCode={countryCode} current="" />
      {added ? (
        <p role="status" className="form-ok">
          Added to your wardrobe. Mark it worn whenever you wear it.
        </p>
      ) : null}
      {saved ? (
        <p role="status" className="form-ok">
          Your changes are saved.
        </p>
      ) : null}
      <div className="item-detail">
        <div className="media-box">
          {item.photo_url ? (
            // eslint-disable-next-line @next/next/no-img-element -- 3:4 box
            <img src={item.photo_url} alt={item.name} width={600} height={800} />
          ) : (
            <span className="muted" style={{ display: "flex", height: "100%", alignItems: "center", justifyContent: "center" }}>
              No photo yet: add one below.
            </span>
          )}
        </div>
        <div>
          <dl className="facts">
            {facts
              .filter(([, value]) => value)
              .map(([label, value]) => (
                <div key={label} style={{ display: "contents" }}>
                  <dt>{label}</dt>
                  <dd>{value}</dd>
                </div>
              ))}
            <dt>Worn</dt>
            <dd data-testid="item-times-worn">
              {wear?.times_worn ? `${wear.times_worn} ${wear.times_worn === 1 ? "time" : "times"}, last on ${day(wear.last_worn_on!)}` : "Not yet"}
            </dd>
            {wear?.cost_per_wear !== null && wear?.cost_per_wear !== undefined && wear.currency_code ? (
              <>
                <dt>Cost per wear</dt>
                <dd>{formatMoney(wear.cost_per_wear, wear.currency_code)}</dd>
              </>
            ) : null}
          </dl>
          {order || productHandle ? (
            <p data-testid="item-origin">
              {order ? (
                <Link href={`/${countryCode}/account/orders/${order.id}`} data-testid="item-order-link">
                  From your order #{order.display_id}
                </Link>
              ) : null}
              {order && productHandle ? " · " : null}
              {productHandle ? (
                <Link href={`/${countryCode}/products/${productHandle}`} data-testid="item-product-link">
                  See it in the shop
                </Link>
              ) : null}
            </p>
          ) : null}
          {item.notes ? <p style={{ whiteSpace: "pre-wrap" }}>{item.notes}</p> : null}
          <section aria-labelledby="wear-heading" className="card" style={{ marginBottom: "1.5rem" }}>
            <h2 id="wear-heading">Wear log</h2>
            <WearForm kind="item" id={item.id} countryCode={countryCode} />
          </section>
          <details>
            <summary style={{ cursor: "pointer", fontWeight: 600, marginBottom: "1rem" }}>Edit this item</summary>
            <ItemForm countryCode={countryCode} item={item} currency={region?.currency_code ?? "eur"} />
          </details>
          <div style={{ marginTop: "1.5rem" }}>
            <DeleteButton kind="item" id={item.id} name={item.name} countryCode={countryCode} />
          </div>
        </div>
      </div>
    </>
  )
}
