/**
 * Size advice as pure logic: a size chart (body measurements in cm per size, as min–max ranges)
 * and a shopper's measurements → the size to buy, how each measurement sits in it, a confidence
 * and the neighbouring sizes. No I/O here, so the route, try-on and the benchmark agree.
 */

/** The body measurements a chart can list, in cm. */
export const MEASURES = ["chest", "waist", "hips", "inseam", "foot_length"] as const
export type Measure = (typeof MEASURES)[number]

export type MeasureRange = { min: number; max: number }

/** One size of a chart: its name as on the product's Size option, and a range per measurement it lists. */
export type SizeChartRow = { size: string } & Partial<Record<Measure, MeasureRange | null>>

/** A body in cm; measurements the shopper did not give are absent. */
export type BodyMeasurements = Partial<Record<Measure, number>>

/** How the garment of a size sits on one measurement: below the range it is loose, above it tight. */
export type Fit = "tight" | "slightly tight" | "regular" | "slightly loose" | "loose"

export type SizeFit = Partial<Record<Measure, Fit>>

export type SizeAlternative = { size: string; direction: "smaller" | "larger"; fit: SizeFit }

export type SizeRecommendation = {
  recommended_size: string
  /** Every measurement used falls inside the recommended size's ranges. */
  exact: boolean
  fit: SizeFit
  /** 0–1: how sure the advice is (coverage of the chart's measurements, distance, edges, estimates). */
  confidence: number
  /** The neighbouring sizes, nearest first. */
  alternatives: SizeAlternative[]
  /** The measurements the advice rests on, in MEASURES order. */
  measures_used: Measure[]
  /** How every size of the chart sits on the body (try-on draws the chosen one so). */
  fit_by_size: Record<string, SizeFit>
}

/** Inside the outer fifth of a range a measurement is "slightly" tight or loose. */
const EDGE_SHARE = 0.2

const isRange = (r: MeasureRange | null | undefined): r is MeasureRange => !!r && Number.isFinite(r.min) && Number.isFinite(r.max) && r.max > r.min

/** The measurements some size of the chart gives a range for. */
export function chartMeasures(rows: SizeChartRow[]): Measure[] {
  return MEASURES.filter((m) => rows.some((row) => isRange(row[m])))
}

/** The chart's measurements that the body lacks (what a shopper must add for full advice). */
export function missingMeasures(rows: SizeChartRow[], body: BodyMeasurements): Measure[] {
  return chartMeasures(rows).filter((m) => !Number.isFinite(body[m]))
}

/**
 * Per measurement, the cm that count as one unit of distance: the median width of its ranges, so a
 * centimetre of chest and a centimetre of foot length weigh as much as a size step of each.
 */
function measureScales(rows: SizeChartRow[], measures: Measure[]): Record<Measure, number> {
  const scales = {} as Record<Measure, number>
  for (const m of measures) {
    const widths = rows
      .map((r) => r[m])
      .filter(isRange)
      .map((r) => r.max - r.min)
      .sort((a, b) => a - b)
    scales[m] = widths[Math.floor(widths.length / 2)] || 1
  }
  return scales
}

/** How far a value lies outside a range, in range units (0 inside, edges included). */
const outside = (value: number, range: MeasureRange) => (value < range.min ? range.min - value : value > range.max ? value - range.max : 0)

/** How one measurement sits in a size's range. */
export function fitOf(value: number, range: MeasureRange): Fit {
  if (value > range.max) return "tight"
  if (value < range.min) return "loose"
  const position = (value - range.min) / (range.max - range.min)
  if (position >= 1 - EDGE_SHARE) return "slightly tight"
  if (position <= EDGE_SHARE) return "slightly loose"
  return "regular"
}

function fitFor(row: SizeChartRow, body: BodyMeasurements, measures: Measure[]): SizeFit {
  const fit: SizeFit = {}
  for (const m of measures) {
    const range = row[m]
    if (isRange(range)) fit[m] = fitOf(body[m]!, range)
  }
  return fit
}

type Scored = { index: number; distance: number; offCentre: number }

/**
 * The distance of every size from the body: the sum over the measurements used of how far each
 * lies outside the size's range (in size steps); a size missing a range the others have counts a
 * full step for it. offCentre breaks ties between sizes that both hold the body (shared edges).
 */
export function scoreSizes(rows: SizeChartRow[], body: BodyMeasurements, measures: Measure[]): Scored[] {
  const scales = measureScales(rows, measures)
  return rows.map((row, index) => {
    let distance = 0
    let offCentre = 0
    for (const m of measures) {
      const range = row[m]
      const value = body[m]!
      if (!isRange(range)) {
        distance += 1
        continue
      }
      distance += outside(value, range) / scales[m]
      offCentre += Math.abs(value - (range.min + range.max) / 2) / scales[m]
    }
    return { index, distance, offCentre }
  })
}

/** Differences below this are rounding, not distance (sums of fractions of a size step). */
const EPSILON = 1e-9
const compare = (a: number, b: number) => (Math.abs(a - b) <= EPSILON ? 0 : a - b)

/** Smallest distance, then most central; on a full tie the larger size (easier to wear than too small). */
const better = (a: Scored, b: Scored) => compare(a.distance, b.distance) || compare(a.offCentre, b.offCentre) || b.index - a.index

export type RecommendOptions = {
  /** Measurements that were estimated (an inseam from height, a foot length from a shoe size) rather than measured. */
  estimated?: Measure[]
}

/**
 * The size to buy for a body. Exact when some size holds every measurement used (the most central
 * of them on a shared edge); the nearest size otherwise. null when the chart lists measurements
 * and the body gives none of them. A chart without measurements (one size) answers its first size.
 */
export function recommendSize(rows: SizeChartRow[], body: BodyMeasurements, options: RecommendOptions = {}): SizeRecommendation | null {
  if (!rows.length) return null
  const listed = chartMeasures(rows)
  const measures = listed.filter((m) => Number.isFinite(body[m]))
  if (!listed.length) {
    return { recommended_size: rows[0].size, exact: true, fit: {}, confidence: 1, alternatives: [], measures_used: [], fit_by_size: {} }
  }
  if (!measures.length) return null

  const scored = scoreSizes(rows, body, measures)
  const best = [...scored].sort(better)[0]
  const row = rows[best.index]
  const fit = fitFor(row, body, measures)
  const exact = best.distance <= EPSILON

  const neighbours = [best.index - 1, best.index + 1]
    .filter((i) => i >= 0 && i < rows.length)
    .map((i) => scored[i])
    .sort(better)
  const alternatives = neighbours.map((s): SizeAlternative => ({
    size: rows[s.index].size,
    direction: s.index < best.index ? "smaller" : "larger",
    fit: fitFor(rows[s.index], body, measures),
  }))

  return {
    recommended_size: row.size,
    exact,
    fit,
    confidence: confidenceOf(exact, best.distance, fit, measures, listed, options),
    alternatives,
    measures_used: measures,
    fit_by_size: Object.fromEntries(rows.map((r) => [r.size, fitFor(r, body, measures)])),
  }
}

/**
 * 0–1: starts high for an exact match and falls with the distance to the nearest size; scaled by
 * the share of the chart's measurements given; lowered for each measurement on a size's edge and
 * for estimated measurements.
 */
function confidenceOf(exact: boolean, distance: number, fit: SizeFit, measures: Measure[], listed: Measure[], options: RecommendOptions): number {
  let confidence = exact ? 0.95 : Math.max(0.15, 0.8 - 0.4 * distance)
  confidence *= 0.5 + (0.5 * measures.length) / listed.length
  const onEdge = Object.values(fit).filter((f) => f === "slightly tight" || f === "slightly loose").length
  confidence -= 0.05 * onEdge
  const estimated = (options.estimated ?? []).filter((m) => measures.includes(m)).length
  confidence -= 0.1 * estimated
  return Math.round(Math.min(1, Math.max(0.05, confidence)) * 100) / 100
}

/** What a shopper states: cm, plus a shoe size in EU (Paris points). */
export type ShopperMeasurements = {
  height_cm?: number | null
  chest_cm?: number | null
  waist_cm?: number | null
  hips_cm?: number | null
  inseam_cm?: number | null
  foot_length_cm?: number | null
  shoe_size_eu?: number | null
}

/** Foot length of an EU shoe size: the last is size × 2/3 cm, about 1.5 cm longer than the foot. */
export const footLengthFromEuShoeSize = (size: number) => Math.round(((size * 2) / 3 - 1.5) * 10) / 10

/** Inside-leg length from height when it was not measured: about 45% of height for adults. */
export const inseamFromHeight = (heightCm: number) => Math.round(heightCm * 0.45 * 10) / 10

const given = (v: number | null | undefined): v is number => typeof v === "number" && Number.isFinite(v) && v > 0

/** The body a chart reads from what the shopper stated, and which of its measurements are estimates. */
export function bodyFromShopper(m: ShopperMeasurements): { body: BodyMeasurements; estimated: Measure[] } {
  const body: BodyMeasurements = {}
  const estimated: Measure[] = []
  if (given(m.chest_cm)) body.chest = m.chest_cm
  if (given(m.waist_cm)) body.waist = m.waist_cm
  if (given(m.hips_cm)) body.hips = m.hips_cm
  if (given(m.inseam_cm)) body.inseam = m.inseam_cm
  else if (given(m.height_cm)) {
    body.inseam = inseamFromHeight(m.height_cm)
    estimated.push("inseam")
  }
  if (given(m.foot_length_cm)) body.foot_length = m.foot_length_cm
  else if (given(m.shoe_size_eu)) body.foot_length = footLengthFromEuShoeSize(m.shoe_size_eu)
  return { body, estimated }
}
