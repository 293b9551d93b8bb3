import type { MedusaRequest } from "@medusajs/framework/http"
import { lookViewerKey, lookViewPeriodMs } from "../viewer"

describe("LOOK_VIEW_PERIOD_MINUTES", () => {
  it("defaults to 30 minutes and reads whole or fractional minutes", () => {
    expect(lookViewPeriodMs({})).toBe(30 * 60_000)
    expect(lookViewPeriodMs({ LOOK_VIEW_PERIOD_MINUTES: "60" })).toBe(3_600_000)
    expect(lookViewPeriodMs({ LOOK_VIEW_PERIOD_MINUTES: "1.5" })).toBe(90_000)
  })

  it("refuses a value that is not a period, naming the setting", () => {
    for (const bad of ["0", "-5", "soon", "50000"]) {
      expect(() => lookViewPeriodMs({ LOOK_VIEW_PERIOD_MINUTES: bad })).toThrow(`LOOK_VIEW_PERIOD_MINUTES="${bad}" must be a number of minutes`)
    }
  })
})

describe("lookViewerKey", () => {
  it("keys a signed-in customer's views by the customer, wherever they browse from", () => {
    const req = { auth_context: { actor_type: "customer", actor_id: "cus_1" }, headers: {} } as unknown as MedusaRequest
    expect(lookViewerKey(req)).toBe("customer:cus_1")
  })
})
