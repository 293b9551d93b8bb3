"use client"

import { usePathname, useRouter } from "next/navigation"
import { useRef, useTransition } from "react"
import type { FacetValue, PriceBand } from "@lib/data/products"

type Group = { name: string; label: string; values: FacetValue[]; selected: string[]; titleCase?: boolean }

const SIZE_ORDER = ["XXS", "XS", "S", "M", "L", "XL", "XXL", "XXXL", "One size"]
const sizeRank = (v: string) => (SIZE_ORDER.includes(v) ? SIZE_ORDER.indexOf(v) : 100 + (Number.parseFloat(v) || 0))
/** Compares sizes in wearing order (XS before S), numeric sizes by number (also the photo search's size filter). */
export const bySizeOrder = (a: string, b: string) => sizeRank(a) - sizeRank(b)
/** Sizes in wearing order; other facets keep the server's order (by count). */
function ordered(group: Group): FacetValue[] {
  if (group.name !== "size") return group.values
  return [...group.values].sort((a, b) => bySizeOrder(a.value, b.value))
}

const wholeMoney = (amount: number, currency: string) =>
  new Intl.NumberFormat("en-GB", { style: "currency", currency: currency.toUpperCase(), maximumFractionDigits: 0 }).format(amount)

/** Category handles ("knitwear", "t-shirts") shown as names. */
const titleCase = (v: string) => v.replace(/-/g, " ").replace(/(^|\s)(\w)/g, (_m, sep, c) => sep + c.toUpperCase())

/**
 * Facet filters as a plain GET form: it works without JavaScript (Apply button), and with
 * JavaScript every change navigates at once, keeping the scroll position.
 */
export default function FacetForm({
  groups,
  priceBands,
  selectedPrice,
  inStock,
  inStockCount,
  currency,
  hidden,
}: {
  groups: Group[]
  priceBands: PriceBand[]
  selectedPrice?: string
  inStock: boolean
  /** Matching products the shopper's region can ship now. */
  inStockCount?: number
  currency: string
  hidden: Record<string, string | undefined>
}) {
  const router = useRouter()
  const pathname = usePathname()
  const formRef = useRef<HTMLFormElement>(null)
  const [pending, startTransition] = useTransition()

  function apply() {
    const data = new FormData(formRef.current!)
    const params = new URLSearchParams()
    for (const [key, value] of data.entries()) if (value !== "") params.append(key, String(value))
    startTransition(() => router.push(`${pathname}${params.size ? `?${params}` : ""}`, { scroll: false }))
  }

  const bandLabel = (band: PriceBand) =>
    band.from === undefined
      ? `Under ${wholeMoney(band.to!, currency)}`
      : band.to === undefined
        ? `${wholeMoney(band.from, currency)} and up`
        : `${wholeMoney(band.from, currency)} – ${wholeMoney(band.to, currency)}`

  return (
    <form
      ref={formRef}
      method="get"
      onChange={apply}
      onSubmit={(e) => (e.preventDefault(), apply())}
      className="facets"
      aria-busy={pending}
      data-testid="facets"
    >
      {Object.entries(hidden).map(([name, value]) => (value ? <input key={name} type="hidden" name={name} value={value} /> : null))}
      <fieldset>
        <legend>Availability</legend>
        <label className="facet-option">
          <input type="checkbox" name="in_stock" value="1" defaultChecked={inStock} /> <span>In stock only</span>
          {inStockCount !== undefined ? (
            <span className="facet-option__count" data-testid="in-stock-count">
              ({inStockCount})
            </span>
          ) : null}
        </label>
      </fieldset>
      {groups
        .filter((g) => g.values.length > 0)
        .map((group) => (
          <fieldset key={group.name}>
            <legend>{group.label}</legend>
            {ordered(group).map((facet) => (
              <label key={facet.value} className="facet-option">
                <input type="checkbox" name={group.name} value={facet.value} defaultChecked={group.selected.includes(facet.value)} />
                <span>{group.titleCase ? titleCase(facet.value) : facet.value}</span>
                <span className="facet-option__count">({facet.count})</span>
              </label>
            ))}
          </fieldset>
        ))}
      {priceBands.length ? (
        <fieldset>
          <legend>Price</legend>
          <label className="facet-option">
            <input type="radio" name="price" value="" defaultChecked={!selectedPrice} /> Any price
          </label>
          {priceBands.map((band) => {
            const value = `${band.from ?? ""}-${band.to ?? ""}`
            return (
              <label key={band.key} className="facet-option">
                <input type="radio" name="price" value={value} defaultChecked={selectedPrice === value} />
                <span>{bandLabel(band)}</span>
                <span className="facet-option__count">({band.count})</span>
              </label>
            )
          })}
        </fieldset>
      ) : null}
      <noscript>
        <button type="submit" className="button">
          Apply filters
        </button>
      </noscript>
    </form>
  )
}
