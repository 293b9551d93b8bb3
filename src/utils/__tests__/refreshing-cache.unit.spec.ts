import { RefreshingCache } from "../refreshing-cache"

describe("RefreshingCache", () => {
  afterEach(() => jest.useRealTimers())

  it("reuses a value within its time, answers the stale one while one refresh runs, then the fresh one", async () => {
    jest.useFakeTimers({ now: 0 })
    const cache = new RefreshingCache<number>(1000, 5000)
    let reads = 0
    let release: (n: number) => void = () => {}
    const read = () => {
      reads++
      return reads === 1 ? Promise.resolve(1) : new Promise<number>((resolve) => (release = resolve))
    }
    expect(await cache.get("k", read)).toBe(1)
    jest.setSystemTime(500)
    expect(await cache.get("k", read)).toBe(1)
    expect(reads).toBe(1)

    jest.setSystemTime(1500)
    expect(await cache.get("k", read)).toBe(1)
    expect(await cache.get("k", read)).toBe(1)
    expect(reads).toBe(2) // one refresh, however many ask meanwhile
    release(2)
    await Promise.resolve()
    await Promise.resolve()
    expect(await cache.get("k", read)).toBe(2)
  })

  it("waits for a fresh read once the value is too old, and never caches a failure", async () => {
    jest.useFakeTimers({ now: 0 })
    const cache = new RefreshingCache<string>(1000, 1000)
    expect(await cache.get("k", async () => "old")).toBe("old")
    jest.setSystemTime(2500)
    expect(await cache.get("k", async () => "new")).toBe("new")
    await expect(cache.get("other", () => Promise.reject(new Error("down")))).rejects.toThrow("down")
    expect(await cache.get("other", async () => "up")).toBe("up")
  })

  it("reads every time when its time is 0", async () => {
    const cache = new RefreshingCache<number>(0, 1000)
    let n = 0
    expect(await cache.get("k", async () => ++n)).toBe(1)
    expect(await cache.get("k", async () => ++n)).toBe(2)
  })
})
