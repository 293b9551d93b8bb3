/**
 * Unit tests of the checkout's delivery estimate (no browser): kept here so the storefront test
 * kind runs them with the browser tests.
 */
import assert from "node:assert/strict"
import { describe, it } from "node:test"
import { addBusinessDays, deliveryDays, deliveryWindow, formatDeliveryEstimate } from "../src/lib/util/delivery-estimate"

const utc = (iso: string) => new Date(`${iso}T00:00:00Z`)
const iso = (d: Date) => d.toISOString().slice(0, 10)

describe("delivery estimate", () => {
  it("counts business days only: Friday + 1 is Monday, a weekend order starts on Monday", () => {
    assert.equal(iso(addBusinessDays(utc("2026-12-03"), 1)), "2026-12-04") // Thu → Fri
    assert.equal(iso(addBusinessDays(utc("2026-12-04"), 1)), "2026-12-07") // Fri → Mon
    assert.equal(iso(addBusinessDays(utc("2026-12-05"), 1)), "2026-12-07") // Sat → Mon
    assert.equal(iso(addBusinessDays(utc("2026-12-06"), 3)), "2026-12-09") // Sun → Wed
    assert.equal(iso(addBusinessDays(utc("2026-12-04"), 5)), "2026-12-11") // Fri → next Fri
  })

  it("formats the window from an order's time, across a weekend", () => {
    // Friday 4 Dec 2026, late afternoon: 2–4 business days is Tue 8 – Thu 10 Dec.
    assert.equal(formatDeliveryEstimate(new Date("2026-12-04T16:30:00Z"), { min: 2, max: 4 }), "Arrives Tue 8 Dec – Thu 10 Dec")
    assert.equal(formatDeliveryEstimate(new Date("2026-12-04T16:30:00Z"), { min: 1, max: 1 }), "Arrives Mon 7 Dec")
  })

  it("takes today's date in the shop's time zone", () => {
    // 23:30 UTC on Tuesday is already Wednesday in Berlin.
    const tuesdayLate = new Date("2026-12-08T23:30:00Z")
    assert.equal(iso(deliveryWindow(tuesdayLate, { min: 1, max: 1 }).earliest), "2026-12-09")
    assert.equal(iso(deliveryWindow(tuesdayLate, { min: 1, max: 1 }, "Europe/Berlin").earliest), "2026-12-10")
  })

  it("reads business days from the option's data, and ignores missing or nonsense values", () => {
    assert.deepEqual(deliveryDays({ delivery_days: { min: 2, max: 4 } }), { min: 2, max: 4 })
    assert.equal(deliveryDays(null), undefined)
    assert.equal(deliveryDays({}), undefined)
    assert.equal(deliveryDays({ delivery_days: { min: 4, max: 2 } }), undefined)
    assert.equal(deliveryDays({ delivery_days: { min: 0, max: 2 } }), undefined)
    assert.equal(deliveryDays({ delivery_days: { min: "x", max: 2 } }), undefined)
  })
})
