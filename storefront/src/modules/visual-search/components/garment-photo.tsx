"use client"

import type { PhotoSearchItem } from "@lib/data/visual-search"

export type GarmentLabel = (item: PhotoSearchItem) => string

const percent = (fraction: number) => `${Math.min(100, Math.max(0, fraction * 100))}%`

/**
 * The searched photo with each garment found in it outlined (boxes are fractions of the upright
 * photo, and the image keeps its own aspect ratio, so they line up at any width). Each outline, and
 * each chip below for those who cannot point at the photo, selects that garment's results.
 */
export default function GarmentPhoto({
  src,
  alt,
  width,
  height,
  items,
  selected,
  onSelect,
  label,
}: {
  src: string
  alt: string
  width?: number | null
  height?: number | null
  items: PhotoSearchItem[]
  selected: number
  onSelect: (index: number) => void
  label: GarmentLabel
}) {
  return (
    <div>
      <div className="garment-photo" data-testid="garment-photo">
        {/* eslint-disable-next-line @next/next/no-img-element -- a local preview (blob:) or a shop photo; its own aspect ratio places the boxes */}
        <img src={src} alt={alt} width={width ?? undefined} height={height ?? undefined} />
        {items.map((item, i) => (
          <button
            key={i}
            type="button"
            className="garment-box"
            style={{ left: percent(item.box.x), top: percent(item.box.y), width: percent(item.box.width), height: percent(item.box.height) }}
            aria-pressed={selected === i}
            aria-label={`Garment ${i + 1}: ${label(item)}`}
            onClick={() => onSelect(i)}
            data-testid="garment-box"
          >
            <span aria-hidden="true">{i + 1}</span>
          </button>
        ))}
      </div>
      {items.length > 1 ? (
        <ul className="garment-list" aria-label="Garments in the photo">
          {items.map((item, i) => (
            <li key={i}>
              <button type="button" aria-pressed={selected === i} onClick={() => onSelect(i)} data-testid="garment-chip">
                {i + 1}. {label(item)}
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  )
}
