import { formatWearDay, toWearDay } from "../wear-days"

describe("wear days", () => {
  it("turns dates into UTC days", () => {
    expect(toWearDay("2026-03-05").toISOString()).toBe("2026-03-05T00:00:00.000Z")
    expect(toWearDay("2026-03-05T23:59:00Z").toISOString()).toBe("2026-03-05T00:00:00.000Z")
    expect(() => toWearDay("not a date")).toThrow(/Invalid date/)
  })

  it("formats a wear day as YYYY-MM-DD", () => {
    expect(formatWearDay(new Date("2026-03-05T23:59:00Z"))).toBe("2026-03-05")
    expect(formatWearDay("2026-03-05T00:00:00Z")).toBe("2026-03-05")
  })
})
