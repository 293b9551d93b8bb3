"use client"

import { useId } from "react"
import { readPhotoFilters, type PhotoSearchFilters } from "@lib/util/photo-search"
import { bySizeOrder } from "@modules/store/components/facet-form"

/**
 * The shopper's constraints on search by photo: a price range in the region's currency, a size and
 * "in stock only". Applied together (the photo is searched again), so typing a price does not
 * search at every keystroke.
 */
export default function PhotoFilters({
  filters,
  sizes,
  currency,
  disabled,
  onApply,
}: {
  filters: PhotoSearchFilters
  sizes: string[]
  currency: string
  disabled?: boolean
  onApply: (filters: PhotoSearchFilters) => void
}) {
  const id = useId()
  const code = currency.toUpperCase()
  return (
    <form
      className="photo-filters"
      aria-label="Filters"
      data-testid="photo-filters"
      // Remount with the applied filters (after "Clear"), so the fields show what the results are for.
      key={JSON.stringify(filters)}
      onSubmit={(e) => {
        e.preventDefault()
        const data = new FormData(e.currentTarget)
        onApply(readPhotoFilters({ ...Object.fromEntries(data.entries()), in_stock: data.get("in_stock") === "on" ? "1" : "0" }))
      }}
    >
      <div className="field">
        <label htmlFor={`${id}-min`}>Min price ({code})</label>
        <input id={`${id}-min`} name="min_price" type="number" min={0} step="any" inputMode="decimal" defaultValue={filters.min_price ?? ""} />
      </div>
      <div className="field">
        <label htmlFor={`${id}-max`}>Max price ({code})</label>
        <input id={`${id}-max`} name="max_price" type="number" min={0} step="any" inputMode="decimal" defaultValue={filters.max_price ?? ""} />
      </div>
      <div className="field field--wide">
        <label htmlFor={`${id}-size`}>Size</label>
        <select id={`${id}-size`} name="size" defaultValue={filters.size ?? ""}>
          <option value="">Any size</option>
          {[...sizes].sort(bySizeOrder).map((size) => (
            <option key={size} value={size}>
              {size}
            </option>
          ))}
        </select>
      </div>
      <label className="facet-option field--wide">
        <input type="checkbox" name="in_stock" defaultChecked={filters.in_stock} /> <span>In stock only</span>
      </label>
      <div className="photo-filters__actions">
        <button type="submit" className="button button--secondary" disabled={disabled}>
          Apply filters
        </button>
        <button type="button" className="button button--link" disabled={disabled} onClick={() => onApply({ in_stock: true })}>
          Clear
        </button>
      </div>
    </form>
  )
}
