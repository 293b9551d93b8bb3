import { JsonMemoryCachingProvider, JsonMemoryCachingOptions } from "../service"

const warnings: string[] = []
const logger = { warn: (message: string) => warnings.push(message) } as any
const provider = (options: JsonMemoryCachingOptions = {}) => new JsonMemoryCachingProvider({ logger }, options)

const card = (id: string) => ({
  id,
  title: `Piece ${id}`,
  variants: [{ id: `${id}_v`, calculated_price: { calculated_amount: 4900, currency_code: "eur" } }],
})

describe("JsonMemoryCachingProvider", () => {
  beforeEach(() => {
    warnings.length = 0
    jest.useRealTimers()
  })

  it("gives every reader its own copy, so one reader's changes never reach the next", async () => {
    const cache = provider()
    const stored = card("a")
    await cache.set({ key: "k", data: stored })
    // The caller keeps writing into what it cached (Medusa's routes do, after the read).
    stored.title = "changed after set"

    const first = await cache.get({ key: "k" })
    first.variants[0].calculated_price.tax_total = 931
    const second = await cache.get({ key: "k" })

    expect(second).toEqual(card("a"))
    expect(second).not.toBe(first)
    expect((await cache.get({ tags: [] })) as unknown).toBeNull()
    expect(await cache.get({ key: "missing" })).toBeNull()
  })

  it("clears by tag: explicitly every tagged entry, after a module event only those that auto-invalidate", async () => {
    const cache = provider()
    await cache.set({ key: "list", data: [card("a"), card("b")], tags: ["Product:list:*", "Price:list:*"] })
    await cache.set({ key: "a", data: card("a"), tags: ["Product:a"] })
    await cache.set({ key: "pinned", data: card("p"), tags: ["Product:list:*"], options: { autoInvalidate: false } })
    await cache.set({ key: "region", data: { id: "reg" }, tags: ["Region:list:*"] })

    expect(await cache.get({ tags: ["Product:list:*", "Product:a"] })).toHaveLength(3)

    // Medusa's strategy after a product event.
    await cache.clear({ tags: ["Product:list:*", "Product:a"], options: { autoInvalidate: true } })
    expect(await cache.get({ key: "list" })).toBeNull()
    expect(await cache.get({ key: "a" })).toBeNull()
    expect(await cache.get({ key: "pinned" })).toEqual(card("p"))
    expect(await cache.get({ tags: ["Price:list:*"] })).toEqual([])

    // An explicit clear takes the pinned entry too; other tags stay.
    await cache.clear({ tags: ["Product:list:*"] })
    expect(await cache.get({ key: "pinned" })).toBeNull()
    expect(await cache.get({ key: "region" })).toEqual({ id: "reg" })

    await cache.clear({ key: "region" })
    expect(cache.stats).toEqual({ keys: 0, approximateSize: 0 })
  })

  it("clears everything with the tag *", async () => {
    const cache = provider()
    await cache.set({ key: "a", data: card("a"), tags: ["Product:a"] })
    await cache.set({ key: "b", data: card("b") })
    await cache.clear({ tags: ["*"] })
    expect(await cache.get({ key: "a" })).toBeNull()
    expect(await cache.get({ key: "b" })).toBeNull()
    expect(await cache.get({ tags: ["Product:a"] })).toEqual([])
    expect(cache.stats).toEqual({ keys: 0, approximateSize: 0 })
  })

  it("replaces an entry with its new data and tags, and counts its size once", async () => {
    const cache = provider()
    await cache.set({ key: "a", data: card("a"), tags: ["Product:a", "Product:list:*"] })
    const sizeOfOne = cache.stats.approximateSize
    await cache.set({ key: "a", data: card("a"), tags: ["Product:a", "Product:list:*"] })
    expect(cache.stats).toEqual({ keys: 1, approximateSize: sizeOfOne })

    await cache.set({ key: "a", data: { id: "a", title: "new" }, tags: ["Product:a"] })
    expect(await cache.get({ key: "a" })).toEqual({ id: "a", title: "new" })
    await cache.clear({ tags: ["Product:list:*"] })
    expect(await cache.get({ key: "a" })).toEqual({ id: "a", title: "new" })
  })

  it("lets entries expire after their TTL (the caller's, else the default; 0 never), and sweeps the ones nobody reads", async () => {
    jest.useFakeTimers({ now: 1_000_000 })
    const cache = provider({ ttl: 60, checkPeriod: 30 })
    await cache.set({ key: "default", data: card("d"), tags: ["Product:list:*"] })
    await cache.set({ key: "short", data: card("s"), ttl: 5 })
    await cache.set({ key: "forever", data: card("f"), ttl: 0 })

    jest.setSystemTime(1_000_000 + 5_000)
    expect(await cache.get({ key: "short" })).toBeNull()
    expect(await cache.get({ key: "default" })).toEqual(card("d"))

    // The periodic sweep drops the expired entry and its tag without anyone reading it.
    jest.advanceTimersByTime(60_000)
    expect(cache.stats.keys).toBe(1)
    expect(await cache.get({ tags: ["Product:list:*"] })).toEqual([])
    expect(await cache.get({ key: "forever" })).toEqual(card("f"))
  })

  it("counts each entry's JSON, key and tags against maxSize, and skips new entries once past it, warning once", async () => {
    const cache = provider({ maxSize: 1000 })
    const big = { text: "x".repeat(600) }
    const size = JSON.stringify(big).length + "one".length + "Product:list:*".length
    await cache.set({ key: "one", data: big, tags: ["Product:list:*"] })
    expect(cache.stats.approximateSize).toBe(size)

    // Under the bound when offered: taken, though it overshoots (as Medusa's provider).
    await cache.set({ key: "two", data: big })
    expect(await cache.get({ key: "two" })).toEqual(big)
    expect(cache.stats.approximateSize).toBeGreaterThan(1000)

    await cache.set({ key: "three", data: big })
    await cache.set({ key: "four", data: big })
    expect(await cache.get({ key: "three" })).toBeNull()
    expect(await cache.get({ key: "four" })).toBeNull()
    expect(warnings).toHaveLength(1)
    expect(warnings[0]).toMatch(/^Cache is full\. Current usage: 1 KB in 2 entries, Max: 1000 B in 25000 entries/)

    // Room again once an entry is cleared.
    await cache.clear({ key: "two" })
    await cache.set({ key: "three", data: big })
    expect(await cache.get({ key: "three" })).toEqual(big)
  })

  it("holds at most maxKeys entries, making room from expired ones first", async () => {
    jest.useFakeTimers({ now: 1_000_000 })
    const cache = provider({ maxKeys: 2 })
    await cache.set({ key: "a", data: card("a"), ttl: 10 })
    await cache.set({ key: "b", data: card("b") })
    await cache.set({ key: "c", data: card("c") })
    expect(await cache.get({ key: "c" })).toBeNull()
    expect(warnings).toEqual([expect.stringMatching(/^Cache is full.*in 2 entries.*in 2 entries/)])

    // Replacing a held key needs no room.
    await cache.set({ key: "b", data: { id: "b2" } })
    expect(await cache.get({ key: "b" })).toEqual({ id: "b2" })

    jest.setSystemTime(1_000_000 + 10_000)
    await cache.set({ key: "c", data: card("c") })
    expect(await cache.get({ key: "c" })).toEqual(card("c"))
    expect(cache.stats.keys).toBe(2)
  })
})
