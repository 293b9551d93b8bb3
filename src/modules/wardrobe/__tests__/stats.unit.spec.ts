import { amountOf, computeWardrobeStats, percentsOf, StatsItem } from "../stats"

const item = (id: string, overrides: Partial<StatsItem> = {}): StatsItem => ({
  id,
  name: id,
  category: null,
  colours: [],
  price_paid: null,
  currency_code: null,
  acquired_on: null,
  created_at: "2025-01-01T10:00:00Z",
  ...overrides,
})

describe("wardrobe stats", () => {
  const now = new Date("2026-06-30T15:00:00Z")

  it("counts times worn per distinct day and divides the price by it", () => {
    const stats = computeWardrobeStats({
      items: [item("coat", { price_paid: 300, currency_code: "eur" }), item("tee", { price_paid: "20", currency_code: "eur" })],
      wears: [
        { item_id: "coat", worn_on: "2026-06-01T00:00:00Z" },
        { item_id: "coat", worn_on: "2026-06-01T18:30:00Z" }, // same day, from an outfit
        { item_id: "coat", worn_on: "2026-06-02" },
        { item_id: "coat", worn_on: new Date("2026-06-03T00:00:00Z") },
        { item_id: null, worn_on: "2026-06-03" }, // outfit-level row: not an item wear
      ],
      outfitCount: 2,
      now,
    })
    const coat = stats.items.find((i) => i.id === "coat")!
    expect(coat).toMatchObject({ times_worn: 3, cost_per_wear: 100, last_worn_on: "2026-06-03", price_paid: 300 })
    expect(stats.items.find((i) => i.id === "tee")).toMatchObject({ times_worn: 0, cost_per_wear: null, price_paid: 20 })
    expect(stats).toMatchObject({ item_count: 2, outfit_count: 2, wear_count: 3, total_spent: [{ currency_code: "eur", amount: 320 }] })
  })

  it("rounds cost per wear to cents and keeps currencies apart", () => {
    const stats = computeWardrobeStats({
      items: [item("a", { price_paid: 100, currency_code: "eur" }), item("b", { price_paid: 10.1, currency_code: "gbp" }), item("c")],
      wears: ["2026-01-01", "2026-01-02", "2026-01-03"].map((d) => ({ item_id: "a", worn_on: d })),
      outfitCount: 0,
      now,
    })
    expect(stats.items.find((i) => i.id === "a")!.cost_per_wear).toBe(33.33)
    expect(stats.total_spent).toEqual([
      { currency_code: "eur", amount: 100 },
      { currency_code: "gbp", amount: 10.1 },
    ])
    expect(stats.items.find((i) => i.id === "c")!.cost_per_wear).toBeNull()
  })

  it("ranks most worn and least worn apart, ties by name: no item is in both, and every most-worn item was worn more", () => {
    const items = ["f", "e", "d", "c", "b", "a"].map((id) => item(id))
    const wears = [
      ...["2026-01-01", "2026-01-02", "2026-01-03"].map((d) => ({ item_id: "c", worn_on: d })),
      ...["2026-01-01", "2026-01-02"].map((d) => ({ item_id: "d", worn_on: d })),
      ...["2026-01-01", "2026-01-02"].map((d) => ({ item_id: "b", worn_on: d })),
      { item_id: "a", worn_on: "2026-01-01" },
    ]
    const stats = computeWardrobeStats({ items, wears, outfitCount: 0, now })
    expect(stats.most_worn.map((i) => i.id)).toEqual(["c", "b", "d"])
    expect(stats.least_worn.map((i) => i.id)).toEqual(["e", "f", "a"])
    expect(stats.items.map((i) => i.id)).toEqual(["a", "b", "c", "d", "e", "f"])
  })

  it("leaves both rankings empty when there is nothing to tell apart: one item, or all worn equally often", () => {
    const one = computeWardrobeStats({ items: [item("a")], wears: [{ item_id: "a", worn_on: "2026-01-01" }], outfitCount: 0, now })
    expect([one.most_worn, one.least_worn]).toEqual([[], []])
    const days = ["2026-01-01", "2026-01-02"]
    const even = computeWardrobeStats({
      items: [item("a"), item("b"), item("c")],
      wears: ["a", "b", "c"].flatMap((id) => days.map((d) => ({ item_id: id, worn_on: d }))),
      outfitCount: 0,
      now,
    })
    expect([even.most_worn, even.least_worn]).toEqual([[], []])
    const two = computeWardrobeStats({ items: [item("a"), item("b")], wears: [{ item_id: "b", worn_on: "2026-01-01" }], outfitCount: 0, now })
    expect([two.most_worn.map((i) => i.id), two.least_worn.map((i) => i.id)]).toEqual([["b"], ["a"]])
  })

  it("splits 100 % by largest remainder: thirds, sevenths and ties add up to exactly 100", () => {
    expect(percentsOf([1, 1, 1])).toEqual([34, 33, 33])
    expect(percentsOf([1, 1, 1, 1, 1, 1, 1])).toEqual([15, 15, 14, 14, 14, 14, 14])
    expect(percentsOf([2, 1])).toEqual([67, 33])
    expect(percentsOf([1, 1, 1, 1, 1, 1, 2, 2, 3])).toEqual([8, 8, 8, 8, 8, 7, 15, 15, 23])
    expect(percentsOf([5])).toEqual([100])
    expect(percentsOf([0, 0])).toEqual([0, 0])
    expect(percentsOf([])).toEqual([])
  })

  it("mixes colours and categories as shares of all items, with percents of the mix", () => {
    const stats = computeWardrobeStats({
      items: [
        item("1", { colours: ["Navy", "White"], category: "shirts" }),
        item("2", { colours: ["Navy"], category: "shirts" }),
        item("3", { colours: [], category: null }),
        item("4", { colours: ["Black"], category: "shoes" }),
      ],
      wears: [],
      outfitCount: 0,
      now,
    })
    expect(stats.colour_mix).toEqual([
      { value: "Navy", count: 2, share: 0.5, percent: 50 },
      { value: "Black", count: 1, share: 0.25, percent: 25 },
      { value: "White", count: 1, share: 0.25, percent: 25 },
    ])
    expect(stats.category_mix).toEqual([
      { value: "shirts", count: 2, share: 0.5, percent: 50 },
      { value: "shoes", count: 1, share: 0.25, percent: 25 },
      { value: "uncategorised", count: 1, share: 0.25, percent: 25 },
    ])
  })

  it("lists items owned 90+ days and not worn in the last 90 days, the longest unworn first", () => {
    // Window: the 90 days ending 2026-06-30 start on 2026-04-02.
    const stats = computeWardrobeStats({
      items: [
        item("never-worn-old", { acquired_on: "2025-01-01" }),
        item("worn-long-ago", { acquired_on: "2025-01-01" }),
        item("worn-on-window-start", { acquired_on: "2025-01-01" }),
        item("worn-day-before-window", { acquired_on: "2025-01-01" }),
        item("new", { acquired_on: "2026-06-01" }),
        item("created-recently", { created_at: "2026-06-20T00:00:00Z" }),
      ],
      wears: [
        { item_id: "worn-long-ago", worn_on: "2025-03-01" },
        { item_id: "worn-on-window-start", worn_on: "2026-04-02" },
        { item_id: "worn-day-before-window", worn_on: "2026-04-01" },
      ],
      outfitCount: 0,
      now,
    })
    expect(stats.not_worn_days).toBe(90)
    expect(stats.not_worn_recently.map((i) => i.id)).toEqual(["never-worn-old", "worn-long-ago", "worn-day-before-window"])
  })

  it("handles an empty wardrobe", () => {
    const stats = computeWardrobeStats({ items: [], wears: [], outfitCount: 0, now })
    expect(stats).toMatchObject({
      item_count: 0,
      wear_count: 0,
      total_spent: [],
      most_worn: [],
      least_worn: [],
      colour_mix: [],
      not_worn_recently: [],
    })
  })

  it("reads big numbers in every shape they arrive in", () => {
    expect(amountOf(12.5)).toBe(12.5)
    expect(amountOf("12.50")).toBe(12.5)
    expect(amountOf({ numeric: 7 })).toBe(7)
    expect(amountOf(null)).toBeNull()
  })
})
