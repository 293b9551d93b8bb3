"use client"

import type { LookHotspot } from "@lib/data/lookbooks"
import { type PieceSelection, variantWith } from "../pieces"

/**
 * The choices of one piece: a select per option with more than one value (size, and colour where
 * the product comes in several). The size starts unchosen; sizes out of stock in the chosen colour
 * say so. `idPrefix` keeps the ids unique where a piece's choices show twice (list and card).
 */
export default function PieceChoices({
  hotspot,
  selection,
  onChange,
  idPrefix,
}: {
  hotspot: LookHotspot
  selection: PieceSelection
  onChange: (title: string, value: string) => void
  idPrefix: string
}) {
  const options = hotspot.product.options.filter((o) => o.values.length > 1)
  if (!options.length) return null
  return (
    <div className="piece-choices">
      {options.map((option) => {
        const id = `${idPrefix}-${option.title.toLowerCase().replace(/[^a-z0-9]+/g, "-")}`
        const isSize = option.title === hotspot.product.size_option
        return (
          <span key={option.title} className="piece-choices__field">
            <label htmlFor={id}>{option.title}</label>
            <select
              id={id}
              value={selection[option.title] ?? ""}
              onChange={(e) => onChange(option.title, e.target.value)}
              aria-label={`${option.title} for ${hotspot.product.title}`}
              data-testid={isSize ? "piece-size" : "piece-option"}
              data-product-title={hotspot.product.title}
            >
              {selection[option.title] === undefined ? (
                <option value="" disabled>
                  Choose {option.title.toLowerCase()}
                </option>
              ) : null}
              {option.values.map((value) => {
                const variant = variantWith(hotspot, selection, option.title, value)
                const soldOut = isSize && variant && !variant.in_stock
                return (
                  <option key={value} value={value} disabled={isSize && !variant}>
                    {value}
                    {soldOut ? " (out of stock)" : ""}
                  </option>
                )
              })}
            </select>
          </span>
        )
      })}
    </div>
  )
}
