import { chartMeasures, Measure, MeasureRange, SizeChartRow } from "./recommend-size"

/**
 * Generated bodies with the size each should get, for the tests and bench/try-on/size-advice.ts:
 * - inside: every measurement strictly inside one size's ranges → exactly that size;
 * - nudged (charts of two or more measurements): a size's body, every measurement in the middle
 *   half of its range, then one moved past its range toward a neighbour by less than the others keep
 *   every neighbour away (each at least a quarter of its range) → still that size, the nearest;
 * - beyond: a body past the chart's smallest or largest size on every measurement → that end size;
 * - scattered: anywhere across the chart → the nearest size by brute force (nearestSizeByBruteForce).
 */

export type BodyCase = "inside" | "nudged" | "beyond" | "scattered"
export type GeneratedBody = { case: BodyCase; body: Partial<Record<Measure, number>>; expected: string }

/** Deterministic PRNG (mulberry32), so a run can be repeated. */
export function seededRandom(seed: number) {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const rangesOf = (rows: SizeChartRow[], m: Measure) => rows.map((r) => r[m]).filter((r): r is MeasureRange => !!r)
const medianWidth = (rows: SizeChartRow[], m: Measure) => {
  const widths = rangesOf(rows, m)
    .map((r) => r.max - r.min)
    .sort((a, b) => a - b)
  return widths[Math.floor(widths.length / 2)]
}
const strictlyInside = (r: MeasureRange, random: () => number) => r.min + (r.max - r.min) * (0.02 + 0.96 * random())

/**
 * The size nearest a body, written out separately from recommendSize: for each size the summed
 * distance outside its ranges in units of each measurement's median range width; ties go to the
 * size whose centre is closest, then to the larger size.
 */
export function nearestSizeByBruteForce(rows: SizeChartRow[], body: Partial<Record<Measure, number>>): string {
  const measures = chartMeasures(rows).filter((m) => body[m] !== undefined)
  const unit = new Map(measures.map((m) => [m, medianWidth(rows, m)]))
  let best = { size: rows[0].size, distance: Infinity, centre: Infinity }
  rows.forEach((row) => {
    let distance = 0
    let centre = 0
    for (const m of measures) {
      const r = row[m]
      const x = body[m]!
      if (!r) {
        distance += 1
        continue
      }
      distance += Math.max(0, r.min - x, x - r.max) / unit.get(m)!
      centre += Math.abs(x - (r.min + r.max) / 2) / unit.get(m)!
    }
    const eps = 1e-9
    if (distance < best.distance - eps || (Math.abs(distance - best.distance) <= eps && centre <= best.centre + eps))
      best = { size: row.size, distance, centre }
  })
  return best.size
}

/** `perCase` bodies of each case for one chart. */
export function generateBodies(rows: SizeChartRow[], perCase: number, seed = 17): GeneratedBody[] {
  const random = seededRandom(seed)
  const measures = chartMeasures(rows)
  if (!measures.length) return []
  const bodies: GeneratedBody[] = []
  const pickSize = () => Math.floor(random() * rows.length)

  for (let n = 0; n < perCase; n++) {
    const i = pickSize()
    const body: Partial<Record<Measure, number>> = {}
    for (const m of measures) body[m] = strictlyInside(rows[i][m]!, random)
    bodies.push({ case: "inside", body, expected: rows[i].size })
  }

  for (let n = 0; measures.length > 1 && n < perCase; n++) {
    const i = pickSize()
    const body: Partial<Record<Measure, number>> = {}
    for (const m of measures) {
      const r = rows[i][m]!
      body[m] = r.min + (r.max - r.min) * (0.25 + 0.5 * random())
    }
    const m = measures[Math.floor(random() * measures.length)]
    const own = rows[i][m]!
    const up = i === 0 ? true : i === rows.length - 1 ? false : random() < 0.5
    // Each other measurement keeps every neighbour at least a quarter of its own range away (in
    // its scale's units); the nudge stays below the smallest of those margins.
    const margin = Math.min(...measures.filter((o) => o !== m).map((o) => (0.25 * (rows[i][o]!.max - rows[i][o]!.min)) / medianWidth(rows, o)))
    const by = medianWidth(rows, m) * margin * (0.05 + 0.9 * random())
    body[m] = up ? own.max + by : own.min - by
    bodies.push({ case: "nudged", body, expected: rows[i].size })
  }

  for (let n = 0; n < perCase; n++) {
    const large = random() < 0.5
    const row = rows[large ? rows.length - 1 : 0]
    const body: Partial<Record<Measure, number>> = {}
    for (const m of measures) {
      const r = row[m]!
      const by = (r.max - r.min) * (0.05 + 2 * random())
      body[m] = large ? r.max + by : r.min - by
    }
    bodies.push({ case: "beyond", body, expected: row.size })
  }

  for (let n = 0; n < perCase; n++) {
    const body: Partial<Record<Measure, number>> = {}
    for (const m of measures) {
      const ranges = rangesOf(rows, m)
      const lo = Math.min(...ranges.map((r) => r.min))
      const hi = Math.max(...ranges.map((r) => r.max))
      const pad = (hi - lo) / rows.length
      body[m] = lo - pad + (hi - lo + 2 * pad) * random()
    }
    bodies.push({ case: "scattered", body, expected: nearestSizeByBruteForce(rows, body) })
  }
  return bodies
}
