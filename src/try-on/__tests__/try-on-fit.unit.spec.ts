import { sidecarFit } from "../try-on-fit"

describe("sidecarFit", () => {
  it("turns size advice's fit into the sidecar's width factors, tight narrower than loose", () => {
    expect(JSON.parse(sidecarFit({ chest: "tight", waist: "regular", hips: "slightly loose" })!)).toEqual({ chest: 0.92, waist: 1, hips: 1.06 })
    expect(JSON.parse(sidecarFit({ chest: "loose" })!)).toEqual({ chest: 1.12 })
  })

  it("says nothing when the fit has no width (a foot length, an inseam) or no fit at all", () => {
    expect(sidecarFit({ inseam: "tight", foot_length: "regular" })).toBeNull()
    expect(sidecarFit(undefined)).toBeNull()
  })
})
