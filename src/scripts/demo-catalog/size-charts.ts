import { APPAREL_SIZES, CATEGORIES, SHOE_SIZES } from "./vocabulary"
import { footLengthFromEuShoeSize, Measure, MeasureRange, SizeChartRow } from "../../size-advice/recommend-size"

/**
 * The demo shop's size charts: body measurements in cm per size, after common EU/UK high-street
 * charts (unisex, rounded). Ranges of neighbouring sizes share their edges. Plain data, so the
 * seed, the tests and bench/try-on/size-advice.ts read the same charts.
 */

/** XS … XXL, each [min, max] in cm. */
const APPAREL: Record<Exclude<Measure, "foot_length">, [number, number][]> = {
  chest: [
    [80, 86],
    [86, 92],
    [92, 98],
    [98, 104],
    [104, 110],
    [110, 118],
  ],
  waist: [
    [62, 68],
    [68, 74],
    [74, 80],
    [80, 86],
    [86, 94],
    [94, 102],
  ],
  hips: [
    [86, 92],
    [92, 98],
    [98, 104],
    [104, 110],
    [110, 116],
    [116, 124],
  ],
  inseam: [
    [74, 77],
    [77, 79],
    [79, 81],
    [81, 83],
    [83, 85],
    [85, 87],
  ],
}

/** The measurements each kind of garment is sized by. */
const MEASURES_BY_CATEGORY: Record<string, Measure[]> = {
  tops: ["chest", "waist"],
  shirts: ["chest", "waist"],
  knitwear: ["chest", "waist"],
  outerwear: ["chest", "waist"],
  dresses: ["chest", "waist", "hips"],
  skirts: ["waist", "hips"],
  trousers: ["waist", "hips", "inseam"],
  jeans: ["waist", "hips", "inseam"],
  shoes: ["foot_length"],
}

/**
 * Demo brands whose cut differs from the shop's standard: Kestrel is cut small (its M fits the
 * body of a standard S), Oaken Studio generously (its M fits a standard L).
 */
export const DEMO_BRAND_CUTS: { brand: string; sizeShift: number; note: string }[] = [
  { brand: "Kestrel", sizeShift: -1, note: "cut small" },
  { brand: "Oaken Studio", sizeShift: 1, note: "cut generously" },
]

export type DemoSizeChart = { name: string; category_handle: string; brand: string | null; sizes: SizeChartRow[] }

const range = ([min, max]: [number, number]): MeasureRange => ({ min, max })

/** A range a number of size steps away: inside the table it is the neighbour's, past its ends it continues the last step. */
function shiftedRange(table: [number, number][], index: number, shift: number): MeasureRange {
  const target = index + shift
  if (target >= 0 && target < table.length) return range(table[target])
  const edge = target < 0 ? 0 : table.length - 1
  const [min, max] = table[edge]
  const step = max - min
  const steps = target - edge
  return { min: min + steps * step, max: max + steps * step }
}

function apparelRows(measures: Measure[], sizeShift = 0): SizeChartRow[] {
  return APPAREL_SIZES.map((size, index) => {
    const row: SizeChartRow = { size }
    for (const m of measures) {
      if (m === "foot_length") continue
      row[m] = shiftedRange(APPAREL[m], index, sizeShift)
    }
    return row
  })
}

/** EU shoe sizes by foot length: each size's own length ± a third of a centimetre (one Paris point). */
function shoeRows(): SizeChartRow[] {
  return SHOE_SIZES.map((size) => {
    const length = footLengthFromEuShoeSize(Number(size))
    return { size, foot_length: { min: Math.round((length - 1 / 3) * 10) / 10, max: Math.round((length + 1 / 3) * 10) / 10 } }
  })
}

/** Every demo chart: one per category (one-size categories get a single unmeasured row), and the brands' own cuts. */
export function demoSizeCharts(): DemoSizeChart[] {
  const charts: DemoSizeChart[] = []
  for (const category of CATEGORIES) {
    if (category.sizeScale === "one-size") {
      charts.push({ name: `${category.name}: one size`, category_handle: category.handle, brand: null, sizes: [{ size: "One size" }] })
      continue
    }
    if (category.sizeScale === "shoes") {
      charts.push({ name: `${category.name} (EU)`, category_handle: category.handle, brand: null, sizes: shoeRows() })
      continue
    }
    const measures = MEASURES_BY_CATEGORY[category.handle] ?? ["chest", "waist", "hips"]
    charts.push({ name: `${category.name} (EU/UK)`, category_handle: category.handle, brand: null, sizes: apparelRows(measures) })
    for (const cut of DEMO_BRAND_CUTS) {
      charts.push({
        name: `${category.name} by ${cut.brand} (${cut.note})`,
        category_handle: category.handle,
        brand: cut.brand,
        sizes: apparelRows(measures, cut.sizeShift),
      })
    }
  }
  return charts
}
