import { demoSizeCharts } from "../../scripts/demo-catalog/size-charts"
import { generateBodies } from "../generated-bodies"
import { bodyFromShopper, fitOf, footLengthFromEuShoeSize, missingMeasures, recommendSize, SizeChartRow } from "../recommend-size"

const TOPS: SizeChartRow[] = [
  { size: "S", chest: { min: 86, max: 92 }, waist: { min: 68, max: 74 } },
  { size: "M", chest: { min: 92, max: 98 }, waist: { min: 74, max: 80 } },
  { size: "L", chest: { min: 98, max: 104 }, waist: { min: 80, max: 86 } },
]

describe("recommendSize", () => {
  it("recommends the size holding every measurement, with its fit", () => {
    const advice = recommendSize(TOPS, { chest: 95, waist: 79 })!
    expect(advice.recommended_size).toBe("M")
    expect(advice.exact).toBe(true)
    expect(advice.fit).toEqual({ chest: "regular", waist: "slightly tight" })
    expect(advice.alternatives.map((a) => [a.size, a.direction])).toEqual([
      ["L", "larger"],
      ["S", "smaller"],
    ])
    expect(advice.alternatives[0].fit).toEqual({ chest: "loose", waist: "loose" })
    expect(advice.confidence).toBeGreaterThan(0.8)
  })

  it("answers the nearest size when no size holds the body, tight or loose where it falls outside", () => {
    const advice = recommendSize(TOPS, { chest: 99, waist: 76 })!
    // One cm over M's chest against three cm under L's waist: M is nearer.
    expect(advice.recommended_size).toBe("M")
    expect(advice.exact).toBe(false)
    expect(advice.fit.chest).toBe("tight")
    expect(recommendSize(TOPS, { chest: 120, waist: 100 })!.recommended_size).toBe("L")
    expect(recommendSize(TOPS, { chest: 70, waist: 60 })!.fit).toEqual({ chest: "loose", waist: "loose" })
  })

  it("uses the measurements given, with less confidence than with all of them", () => {
    const partial = recommendSize(TOPS, { chest: 95 })!
    const full = recommendSize(TOPS, { chest: 95, waist: 77 })!
    expect(partial.recommended_size).toBe("M")
    expect(partial.measures_used).toEqual(["chest"])
    expect(partial.confidence).toBeLessThan(full.confidence)
    expect(missingMeasures(TOPS, { chest: 95 })).toEqual(["waist"])
  })

  it("prefers the more central size on a shared edge and the larger on a full tie", () => {
    expect(recommendSize(TOPS, { chest: 92, waist: 75 })!.recommended_size).toBe("M")
    expect(recommendSize(TOPS, { chest: 92, waist: 74 })!.recommended_size).toBe("M")
  })

  it("answers null without a usable measurement, and the one size of an unmeasured chart", () => {
    expect(recommendSize(TOPS, { foot_length: 26 })).toBeNull()
    expect(recommendSize([{ size: "One size" }], {})).toMatchObject({ recommended_size: "One size", confidence: 1 })
  })

  it("reads a shopper's stated measurements, estimating the inseam from height", () => {
    expect(bodyFromShopper({ chest_cm: 96, height_cm: 180, shoe_size_eu: 42 })).toEqual({
      body: { chest: 96, inseam: 81, foot_length: 26.5 },
      estimated: ["inseam"],
    })
    expect(bodyFromShopper({ inseam_cm: 80, height_cm: 180, foot_length_cm: 25 })).toEqual({ body: { inseam: 80, foot_length: 25 }, estimated: [] })
    expect(footLengthFromEuShoeSize(38)).toBe(23.8)
  })

  it("grades fit inside a range by its edges", () => {
    const r = { min: 90, max: 100 }
    expect([89, 90.5, 95, 99.5, 101].map((v) => fitOf(v, r))).toEqual(["loose", "slightly loose", "regular", "slightly tight", "tight"])
  })
})

describe("generated bodies against the demo charts", () => {
  it("is exact for every body inside a size and nearest for every other", () => {
    for (const chart of demoSizeCharts()) {
      for (const generated of generateBodies(chart.sizes, 60, chart.name.length)) {
        const advice = recommendSize(chart.sizes, generated.body)!
        if (advice.recommended_size !== generated.expected) {
          throw new Error(
            `${chart.name}, ${generated.case} ${JSON.stringify(generated.body)}: got ${advice.recommended_size}, expected ${generated.expected}`
          )
        }
        if (generated.case === "inside") expect(advice.exact).toBe(true)
      }
    }
  })

  it("sizes a Kestrel body (cut small) one size up from the standard chart", () => {
    const charts = demoSizeCharts().filter((c) => c.category_handle === "tops")
    const body = { chest: 95, waist: 77 }
    const sizeIn = (brand: string | null) => recommendSize(charts.find((c) => c.brand === brand)!.sizes, body)!.recommended_size
    expect([sizeIn(null), sizeIn("Kestrel"), sizeIn("Oaken Studio")]).toEqual(["M", "L", "S"])
  })
})
