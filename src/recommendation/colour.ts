/**
 * Colour knowledge for outfits: which colours are neutral (they go with everything) and how well two hues
 * go together (analogous and complementary hues do; hues a third of the wheel apart mostly clash).
 */
import { Colour } from "./types"

/** Known colour names (the demo catalog's and common ones) with a hex and a family, for colours given without a hex. */
const NAMED: Record<string, { hex: string; family: string }> = {
  black: { hex: "#1b1b1d", family: "black" },
  white: { hex: "#f4f2ec", family: "white" },
  navy: { hex: "#1f2a44", family: "blue" },
  "sky blue": { hex: "#8fb8de", family: "blue" },
  blue: { hex: "#2f5fa8", family: "blue" },
  denim: { hex: "#4a6484", family: "blue" },
  camel: { hex: "#c19a6b", family: "brown" },
  chocolate: { hex: "#5a3825", family: "brown" },
  brown: { hex: "#6b4423", family: "brown" },
  olive: { hex: "#6b7045", family: "green" },
  sage: { hex: "#a3b18a", family: "green" },
  green: { hex: "#2e7d32", family: "green" },
  khaki: { hex: "#a39a6b", family: "green" },
  burgundy: { hex: "#6d1a36", family: "red" },
  red: { hex: "#c0262d", family: "red" },
  blush: { hex: "#e8b4b8", family: "pink" },
  pink: { hex: "#e07a9a", family: "pink" },
  mustard: { hex: "#d9a404", family: "yellow" },
  yellow: { hex: "#f2c94c", family: "yellow" },
  "grey marl": { hex: "#9a9a9c", family: "grey" },
  grey: { hex: "#8a8a8c", family: "grey" },
  gray: { hex: "#8a8a8c", family: "grey" },
  ecru: { hex: "#e3d8c3", family: "beige" },
  beige: { hex: "#d8c8a8", family: "beige" },
  cream: { hex: "#f1e9d2", family: "beige" },
  lilac: { hex: "#b7a4d6", family: "purple" },
  purple: { hex: "#6a3d9a", family: "purple" },
  rust: { hex: "#b5541c", family: "orange" },
  orange: { hex: "#e07b24", family: "orange" },
}

/** Families that go with everything, whatever their hue. */
const NEUTRAL_FAMILIES = new Set(["black", "white", "grey", "beige", "brown"])
/** Named colours that dress like neutrals though they have a hue. */
const NEUTRAL_NAMES = new Set(["navy", "denim", "camel", "khaki", "chocolate", "ecru", "cream"])

export type ColourInfo = { name: string; family: string | null; hue: number | null; saturation: number; lightness: number; neutral: boolean }

/** By colour object first (catalogs reuse them), then by name and hex. */
const byObject = new WeakMap<Colour, ColourInfo>()
const cache = new Map<string, ColourInfo>()

/** Red, green and blue of "#rrggbb", each 0..1; null for anything else. */
function hexToRgb(hex: string): [number, number, number] | null {
  const m = /^#?([0-9a-f]{6})$/i.exec(hex.trim())
  if (!m) return null
  const n = parseInt(m[1], 16)
  return [((n >> 16) & 255) / 255, ((n >> 8) & 255) / 255, (n & 255) / 255]
}

/** Hue (degrees), saturation and lightness of "#rrggbb"; null for anything else. */
export function hexToHsl(hex: string): { h: number; s: number; l: number } | null {
  const rgb = hexToRgb(hex)
  if (!rgb) return null
  const [r, g, b] = rgb
  const max = Math.max(r, g, b)
  const min = Math.min(r, g, b)
  const l = (max + min) / 2
  const d = max - min
  if (d === 0) return { h: 0, s: 0, l }
  const s = d / (1 - Math.abs(2 * l - 1))
  let h = max === r ? ((g - b) / d) % 6 : max === g ? (b - r) / d + 2 : (r - g) / d + 4
  h *= 60
  if (h < 0) h += 360
  return { h, s, l }
}

/** The hex of a known colour name (any case), or null. */
export function namedColourHex(name: string): string | null {
  return NAMED[name.trim().toLowerCase()]?.hex ?? null
}

/** CIELAB of "#rrggbb" (D65); null for anything else. */
function hexToLab(hex: string): [number, number, number] | null {
  const rgb = hexToRgb(hex)
  if (!rgb) return null
  const linear = (c: number) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4)
  const [r, g, b] = rgb.map(linear)
  const f = (t: number) => (t > 216 / 24389 ? Math.cbrt(t) : (t * 24389) / 27 / 116 + 16 / 116)
  const x = f((0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047)
  const y = f(0.2126 * r + 0.7152 * g + 0.0722 * b)
  const z = f((0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883)
  return [116 * y - 16, 500 * (x - y), 200 * (y - z)]
}

/** Colours this far apart (CIE76 ΔE) or more are not alike at all; the same colour is fully alike. */
const UNLIKE_DELTA_E = 50

/** How alike two colours look, 0..1 (by their distance in CIELAB); null when either hex is unreadable. */
export function colourLikeness(a: string, b: string): number | null {
  const la = hexToLab(a)
  const lb = hexToLab(b)
  if (!la || !lb) return null
  return Math.max(0, 1 - Math.hypot(la[0] - lb[0], la[1] - lb[1], la[2] - lb[2]) / UNLIKE_DELTA_E)
}

export function describeColour(colour: Colour): ColourInfo {
  const known = byObject.get(colour)
  if (known) return known
  const key = `${colour.name.toLowerCase()}|${colour.hex ?? ""}`
  const cached = cache.get(key)
  if (cached) {
    byObject.set(colour, cached)
    return cached
  }
  const name = colour.name.trim().toLowerCase()
  const named = NAMED[name]
  const hsl = hexToHsl(colour.hex ?? named?.hex ?? "")
  const family = named?.family ?? null
  // Barely saturated, very dark or very light colours read as neutrals even when unnamed.
  const neutral =
    NEUTRAL_NAMES.has(name) || (family !== null && NEUTRAL_FAMILIES.has(family)) || (hsl !== null && (hsl.s < 0.15 || hsl.l < 0.12 || hsl.l > 0.93))
  const info: ColourInfo = {
    name,
    family,
    hue: hsl && !neutral ? hsl.h : null,
    saturation: hsl?.s ?? 0,
    lightness: hsl?.l ?? 0.5,
    neutral,
  }
  cache.set(key, info)
  byObject.set(colour, info)
  return info
}

/** True when `wanted` (a colour name or a family such as "blue") names this colour. */
export function colourMatches(colour: Colour, wanted: string): boolean {
  const w = wanted.trim().toLowerCase()
  const info = describeColour(colour)
  return info.name === w || info.family === w
}

function hueDistance(a: number, b: number): number {
  const d = Math.abs(a - b) % 360
  return d > 180 ? 360 - d : d
}

export type Harmony = { score: number; kind: "neutral" | "monochrome" | "analogous" | "complementary" | "triadic" | "clash" | "unknown" }

const H = {
  bothNeutral: { score: 0.8, kind: "neutral" },
  neutral: { score: 0.85, kind: "neutral" },
  unknown: { score: 0.5, kind: "unknown" },
  monochrome: { score: 0.75, kind: "monochrome" },
  analogous: { score: 0.9, kind: "analogous" },
  complementary: { score: 0.85, kind: "complementary" },
  triadic: { score: 0.55, kind: "triadic" },
  clash: { score: 0.25, kind: "clash" },
} as const satisfies Record<string, Harmony>

/** How well two colours go together, in [0, 1], and why. The answers are shared constants: do not change them. */
export function colourHarmony(a: Colour, b: Colour): Harmony {
  const x = describeColour(a)
  const y = describeColour(b)
  if (x.neutral || y.neutral) return x.neutral && y.neutral ? H.bothNeutral : H.neutral
  if (x.hue === null || y.hue === null) return H.unknown
  const d = hueDistance(x.hue, y.hue)
  if (d <= 12) return H.monochrome
  if (d <= 45) return H.analogous
  if (d >= 150) return H.complementary
  if (d >= 105 && d <= 135) return H.triadic
  return H.clash
}

/** Harmony of two garments: their main colours weigh most, any clash among the rest pulls it down. */
export function garmentHarmony(a: Colour[], b: Colour[]): Harmony {
  if (!a.length || !b.length) return H.unknown
  const main = colourHarmony(a[0], b[0])
  let worst = main.score
  for (let i = 0; i < a.length && i < 3; i++)
    for (let j = 0; j < b.length && j < 3; j++) if (i || j) worst = Math.min(worst, colourHarmony(a[i], b[j]).score)
  return { score: 0.75 * main.score + 0.25 * worst, kind: main.kind }
}
