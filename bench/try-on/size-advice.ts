/**
 * bench/try-on/size-advice.ts: size advice (issue #17 §3–4) on generated bodies against every demo
 * size chart (src/scripts/demo-catalog/size-charts.ts). Target: 100% the exact size when the
 * measurements fall inside a size; the nearest size otherwise. Bodies per case (see
 * src/size-advice/generated-bodies.ts): inside a size, one measurement nudged toward a neighbour,
 * beyond the chart's ends, and scattered across it (nearest by brute force). Prints a table, never
 * pass/fail; the exit code is 0 either way.
 *
 *   npm run bench:size-advice          (BENCH_BODIES: bodies per case and chart, default 500; BENCH_SEED, default 17)
 */
import { demoSizeCharts } from "../../src/scripts/demo-catalog/size-charts"
import { BodyCase, generateBodies } from "../../src/size-advice/generated-bodies"
import { recommendSize } from "../../src/size-advice/recommend-size"

const perCase = Number(process.env.BENCH_BODIES || 500)
const seed = Number(process.env.BENCH_SEED || 17)
const CASES: BodyCase[] = ["inside", "nudged", "beyond", "scattered"]
const TARGET: Record<BodyCase, string> = {
  inside: "100% exact size",
  nudged: "100% nearest size",
  beyond: "100% nearest (end) size",
  scattered: "100% nearest size",
}

type Tally = { bodies: number; right: number; exactFlag: number; misses: string[] }
const tallies = new Map<BodyCase, Tally>(CASES.map((c) => [c, { bodies: 0, right: 0, exactFlag: 0, misses: [] }]))
const started = process.hrtime.bigint()
let calls = 0
let charts = 0

for (const [index, chart] of demoSizeCharts().entries()) {
  const bodies = generateBodies(chart.sizes, perCase, seed + index)
  if (!bodies.length) continue
  charts++
  for (const body of bodies) {
    const advice = recommendSize(chart.sizes, body.body)
    calls++
    const tally = tallies.get(body.case)!
    tally.bodies++
    if (advice?.recommended_size === body.expected) tally.right++
    else if (tally.misses.length < 3)
      tally.misses.push(`${chart.name}: ${JSON.stringify(body.body)} → ${advice?.recommended_size}, expected ${body.expected}`)
    if (advice?.exact) tally.exactFlag++
  }
}
const elapsedMs = Number(process.hrtime.bigint() - started) / 1e6

const pct = (n: number, d: number) => (d ? `${((100 * n) / d).toFixed(2)}%` : "n/a")
const rows = CASES.map((c) => {
  const t = tallies.get(c)!
  return [c, String(t.bodies), pct(t.right, t.bodies), pct(t.exactFlag, t.bodies), TARGET[c]]
})
const header = ["bodies", "count", "right size", "marked exact", "target"]
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)))
const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i])).join(" | ")} |`

console.log(`Size advice on generated bodies: ${charts} demo charts with measurements, ${perCase} bodies per case and chart, seed ${seed}`)
console.log(line(header))
console.log(`|${widths.map((w) => "-".repeat(w + 2)).join("|")}|`)
for (const r of rows) console.log(line(r))
const total = [...tallies.values()].reduce((s, t) => s + t.bodies, 0)
const right = [...tallies.values()].reduce((s, t) => s + t.right, 0)
console.log(
  `\nAll: ${pct(right, total)} right of ${total}; ${(elapsedMs / calls).toFixed(4)} ms per advice (${calls} calls, ${elapsedMs.toFixed(0)} ms).`
)
for (const [c, t] of tallies) for (const m of t.misses) console.log(`  miss (${c}): ${m}`)
