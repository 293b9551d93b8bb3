import { GarmentShape, Pattern } from "./vocabulary"
import { ImageView } from "./generate-catalog"

/**
 * Renders a product photo stand-in as SVG: a garment silhouette per category, in
 * the product's colour and pattern, on a studio-like backdrop. Different products
 * differ in shape, colour, pattern and accents, so later visual search has real
 * signal to work with; nothing is downloaded.
 */

// Drawing coordinates; the rendered file is OUTPUT_WIDTH×OUTPUT_HEIGHT (4:5, as product photos are).
export const IMAGE_WIDTH = 800
export const IMAGE_HEIGHT = 1000
export const OUTPUT_WIDTH = 600
export const OUTPUT_HEIGHT = 750

// Silhouettes drawn in an 800×1000 box, facing the camera.
const SILHOUETTES: Record<GarmentShape, string> = {
  tee: "M250 180 L330 150 Q400 190 470 150 L550 180 L680 300 L610 370 L560 330 L560 820 L240 820 L240 330 L190 370 L120 300 Z",
  shirt: "M255 170 L340 140 L400 200 L460 140 L545 170 L660 330 L660 640 L600 650 L590 360 L575 850 L225 850 L210 360 L200 650 L140 640 L140 330 Z",
  knit: "M240 190 L330 150 Q400 185 470 150 L560 190 L670 400 L680 700 L610 710 L580 420 L580 830 Q400 860 220 830 L220 420 L190 710 L120 700 L130 400 Z",
  dress: "M300 150 L350 140 Q400 190 450 140 L500 150 L520 330 L480 420 L640 880 Q400 930 160 880 L320 420 L280 330 Z",
  skirt: "M280 260 L520 260 L540 320 L660 820 Q400 870 140 820 L260 320 Z",
  trousers: "M270 170 L530 170 L560 880 L440 880 L405 360 L395 360 L360 880 L240 880 Z",
  jeans: "M265 170 L535 170 L555 880 L435 880 L404 380 L396 380 L365 880 L245 880 Z",
  coat: "M250 140 L340 120 L400 260 L460 120 L550 140 L690 380 L700 780 L620 790 L600 420 L600 900 L200 900 L200 420 L180 790 L100 780 L110 380 Z",
  shoe: "M140 600 Q160 470 270 460 L380 450 Q470 520 560 560 L660 590 Q720 620 700 690 L690 730 L150 730 Q120 700 140 600 Z",
  bag: "M200 420 L600 420 L640 820 Q400 860 160 820 Z M300 420 Q300 250 400 250 Q500 250 500 420 L470 420 Q470 290 400 290 Q330 290 330 420 Z",
  accessory: "M180 300 Q400 220 620 300 L640 380 Q400 320 160 380 Z M300 360 L380 360 L360 820 L290 810 Z M420 360 L500 360 L520 800 L450 815 Z",
}

// Small details that make the front, back and detail views differ.
const FRONT_DETAILS: Partial<Record<GarmentShape, string>> = {
  shirt: "M400 200 L400 850 M385 300 h30 M385 420 h30 M385 540 h30 M385 660 h30",
  coat: "M400 260 L400 900 M370 420 h10 M370 560 h10 M370 700 h10 M250 620 h90 M460 620 h90",
  jeans: "M400 170 L400 380 M290 240 Q330 300 370 250 M430 250 Q470 300 510 240",
  trousers: "M400 170 L400 360 M330 200 L330 330 M470 200 L470 330",
  tee: "M345 160 Q400 215 455 160",
  knit: "M230 790 L570 790 M230 810 L570 810",
  dress: "M320 420 L480 420",
  skirt: "M280 290 L520 290",
  shoe: "M300 500 L420 560 M320 480 L440 540 M150 700 L690 700",
  bag: "M200 520 L600 520 M390 560 h20 v30 h-20 Z",
  accessory: "M300 700 L360 700 M450 690 L515 690",
}

const BACK_DETAILS: Partial<Record<GarmentShape, string>> = {
  shirt: "M250 260 Q400 300 550 260",
  coat: "M400 420 L400 900 M260 400 Q400 440 540 400",
  jeans: "M290 420 h80 v70 h-80 Z M430 420 h80 v70 h-80 Z",
  trousers: "M300 300 h70 M430 300 h70",
  tee: "M330 165 Q400 180 470 165",
  dress: "M400 160 L400 420",
}

function patternDefs(id: string, pattern: Pattern, base: string, accent: string): string {
  switch (pattern) {
    case "striped":
      return `<pattern id="${id}" width="40" height="40" patternUnits="userSpaceOnUse"><rect width="40" height="40" fill="${base}"/><rect width="40" height="14" fill="${accent}"/></pattern>`
    case "checked":
      return `<pattern id="${id}" width="60" height="60" patternUnits="userSpaceOnUse"><rect width="60" height="60" fill="${base}"/><rect width="60" height="20" fill="${accent}" opacity="0.55"/><rect width="20" height="60" fill="${accent}" opacity="0.55"/></pattern>`
    case "polka dot":
      return `<pattern id="${id}" width="48" height="48" patternUnits="userSpaceOnUse"><rect width="48" height="48" fill="${base}"/><circle cx="12" cy="12" r="7" fill="${accent}"/><circle cx="36" cy="36" r="7" fill="${accent}"/></pattern>`
    case "floral":
      return `<pattern id="${id}" width="90" height="90" patternUnits="userSpaceOnUse"><rect width="90" height="90" fill="${base}"/><g fill="${accent}"><circle cx="30" cy="30" r="9"/><circle cx="42" cy="30" r="7"/><circle cx="18" cy="30" r="7"/><circle cx="30" cy="18" r="7"/><circle cx="30" cy="42" r="7"/><circle cx="72" cy="70" r="5"/></g></pattern>`
    case "herringbone":
      return `<pattern id="${id}" width="32" height="32" patternUnits="userSpaceOnUse"><rect width="32" height="32" fill="${base}"/><path d="M0 16 L16 0 M16 32 L32 16 M0 16 L16 32 M16 0 L32 16" stroke="${accent}" stroke-width="4"/></pattern>`
    default:
      return `<pattern id="${id}" width="8" height="8" patternUnits="userSpaceOnUse"><rect width="8" height="8" fill="${base}"/></pattern>`
  }
}

/** A contrasting accent: lighter for dark colours, darker for light ones. */
export function accentFor(hex: string): string {
  const n = parseInt(hex.slice(1), 16)
  const [r, g, b] = [(n >> 16) & 255, (n >> 8) & 255, n & 255]
  const luminance = 0.2126 * r + 0.7152 * g + 0.0722 * b
  const shift = luminance < 110 ? 90 : -80
  const clamp = (v: number) => Math.max(0, Math.min(255, v + shift))
  return `#${[clamp(r), clamp(g), clamp(b)].map((v) => v.toString(16).padStart(2, "0")).join("")}`
}

export type GarmentImageSpec = {
  shape: GarmentShape
  colourHex: string
  pattern: Pattern
  view: ImageView
  /** Varies the backdrop tone and small details per product. */
  variationSeed: number
}

export function renderGarmentSvg(spec: GarmentImageSpec): string {
  const { shape, colourHex, pattern, view, variationSeed } = spec
  const accent = accentFor(colourHex)
  const backdropTones = ["#f3efe9", "#eef0f2", "#f5f1f6", "#eef3ee", "#f6f2ea"]
  const backdrop = backdropTones[variationSeed % backdropTones.length]
  const silhouette = SILHOUETTES[shape]
  const details = view === "back" ? (BACK_DETAILS[shape] ?? "") : (FRONT_DETAILS[shape] ?? "")
  const mirror = view === "back" ? `transform="translate(${IMAGE_WIDTH} 0) scale(-1 1)"` : ""
  // A blurred drop shadow would triple the rendering time; an offset copy reads the same.
  // The detail view is a close crop of the fabric with a seam, as on a product page.
  const viewBox = view === "detail" ? "250 350 300 375" : `0 0 ${IMAGE_WIDTH} ${IMAGE_HEIGHT}`

  return `<svg xmlns="http://www.w3.org/2000/svg" width="${OUTPUT_WIDTH}" height="${OUTPUT_HEIGHT}" viewBox="${viewBox}">
<defs>
${patternDefs("fabric", pattern, colourHex, accent)}
<radialGradient id="light" cx="50%" cy="35%" r="70%"><stop offset="0%" stop-color="#ffffff" stop-opacity="0.22"/><stop offset="100%" stop-color="#000000" stop-opacity="0.18"/></radialGradient>
</defs>
<rect x="0" y="0" width="${IMAGE_WIDTH}" height="${IMAGE_HEIGHT}" fill="${backdrop}"/>
<ellipse cx="400" cy="930" rx="300" ry="30" fill="#000" opacity="0.06"/>
<g ${mirror}>
<path d="${silhouette}" fill="#000" opacity="0.12" transform="translate(10 16)" fill-rule="evenodd"/>
<path d="${silhouette}" fill="url(#fabric)" fill-rule="evenodd"/>
<path d="${silhouette}" fill="url(#light)" fill-rule="evenodd"/>
<path d="${details}" fill="none" stroke="${accent}" stroke-width="6" stroke-linecap="round" opacity="0.85"/>
<path d="${silhouette}" fill="none" stroke="#000" stroke-opacity="0.25" stroke-width="3"/>
</g>
</svg>`
}
