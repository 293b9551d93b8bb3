import net from "node:net"
import { randomUUID } from "node:crypto"
import Redis from "ioredis"
import { RateLimitCheck, RateLimiter } from "../limiter"
import { MemoryRateLimitStore } from "../memory-store"
import { RedisRateLimitStore } from "../redis-store"
import { RateLimitPolicy } from "../settings"
import { RateLimitStore } from "../types"

/** The real Redis the machine runs (override with RATE_LIMIT_TEST_REDIS_URL). */
const REDIS_URL = process.env.RATE_LIMIT_TEST_REDIS_URL || "redis://127.0.0.1:6379"

function redisReachable(url: string): Promise<boolean> {
  const { hostname, port } = new URL(url)
  return new Promise((resolve) => {
    const socket = net.connect({ host: hostname, port: Number(port || 6379) })
    socket.setTimeout(1_000, () => (socket.destroy(), resolve(false)))
    socket.once("connect", () => (socket.destroy(), resolve(true)))
    socket.once("error", () => resolve(false))
  })
}

const policy = (limits: RateLimitPolicy["limits"]): RateLimitPolicy => ({ name: "sign_in", what: "test attempts", limits })

/** The same behaviour from both adapters: each run uses fresh keys (a random prefix or identity). */
function adapterSuite(name: string, makeStore: () => Promise<RateLimitStore | null>) {
  describe(`${name} store`, () => {
    let store: RateLimitStore | null
    beforeAll(async () => {
      store = await makeStore()
    })
    afterAll(async () => {
      await store?.close()
    })
    const skip = () => {
      if (store) return false
      console.warn(`SKIPPED: Redis is not reachable at ${REDIS_URL}; the Redis adapter was not tested`)
      return true
    }

    it("counts hits atomically: 50 concurrent hits get 50 distinct counts", async () => {
      if (skip()) return
      const key = `t:${randomUUID()}`
      const counts = await Promise.all(Array.from({ length: 50 }, () => store!.hit(key, 60_000)))
      expect(counts.map((c) => c.current).sort((a, b) => a - b)).toEqual(Array.from({ length: 50 }, (_, i) => i + 1))
      expect(new Set(counts.map((c) => c.window)).size).toBeLessThanOrEqual(2)
    })

    it("allows the limit per identity, refuses the next with a retry time, and keeps scopes apart", async () => {
      if (skip()) return
      const limiter = new RateLimiter(store!)
      const p = policy({ account: { limit: 3, window_ms: 60_000 }, ip: { limit: 5, window_ms: 60_000 } })
      const account = `a-${randomUUID()}`
      const ip = `ip-${randomUUID()}`
      const seen: RateLimitCheck[] = []
      for (let i = 0; i < 4; i++) seen.push(await limiter.check(p, { account, ip }))
      expect(seen.map((c) => c.allowed)).toEqual([true, true, true, false])
      expect(seen.map((c) => c.binding?.remaining)).toEqual([2, 1, 0, 0])
      expect(seen[3].binding).toMatchObject({ scope: "account", limit: 3 })
      expect(seen[3].binding!.retry_after_s).toBeGreaterThanOrEqual(1)
      expect(seen[3].binding!.retry_after_s).toBeLessThanOrEqual(120)
      // The same address for other accounts: its own limit (5) is reached after one more.
      expect((await limiter.check(p, { account: `b-${randomUUID()}`, ip })).allowed).toBe(true)
      const perIp = await limiter.check(p, { account: `c-${randomUUID()}`, ip })
      expect([perIp.allowed, perIp.binding?.scope]).toEqual([false, "ip"])
      // The limited account from another address: still limited (per account, whatever the address).
      expect((await limiter.check(p, { account, ip: `ip-${randomUUID()}` })).allowed).toBe(false)
      // No identity for a scope: that scope is not counted.
      expect((await limiter.check(p, { ip: `ip-${randomUUID()}` })).binding).toMatchObject({ scope: "ip", remaining: 4 })
    })

    it("gives refunded hits back", async () => {
      if (skip()) return
      const limiter = new RateLimiter(store!)
      const p = policy({ account: { limit: 2, window_ms: 60_000 } })
      const account = `r-${randomUUID()}`
      for (let i = 0; i < 10; i++) await (await limiter.check(p, { account })).refund()
      expect((await limiter.check(p, { account })).binding?.remaining).toBe(1)
    })
  })
}

adapterSuite("memory", async () => new MemoryRateLimitStore())
adapterSuite("Redis", async () =>
  (await redisReachable(REDIS_URL)) ? new RedisRateLimitStore(REDIS_URL, { prefix: `curator-test:${randomUUID()}:` }) : null
)

describe("memory store", () => {
  it("moves to the next window and weighs the previous one, on its clock", async () => {
    let now = 1_000 * 60_000 // the start of a window
    const store = new MemoryRateLimitStore({ now: () => now })
    const limiter = new RateLimiter(store)
    const p = policy({ ip: { limit: 4, window_ms: 60_000 } })
    for (let i = 0; i < 4; i++) expect((await limiter.check(p, { ip: "x" })).allowed).toBe(true)
    const refused = await limiter.check(p, { ip: "x" })
    expect(refused.allowed).toBe(false)
    now += refused.binding!.retry_after_s * 1_000
    expect((await limiter.check(p, { ip: "x" })).allowed).toBe(true)
    // Two windows of silence: nothing is remembered.
    now += 120_000
    expect((await limiter.check(p, { ip: "x" })).binding?.remaining).toBe(3)
  })

  it("keeps memory bounded: stale keys are swept and at most max_keys are kept", async () => {
    let now = 0
    const store = new MemoryRateLimitStore({ max_keys: 100, now: () => now })
    for (let i = 0; i < 500; i++) await store.hit(`k${i}`, 60_000)
    expect(store.size).toBeLessThanOrEqual(101)
    // The newest keys are the ones kept.
    expect((await store.hit("k499", 60_000)).current).toBe(2)
    now += 120_000
    store.sweep()
    expect(store.size).toBe(0)
  })
})

describe("Redis store", () => {
  let admin: Redis | null = null
  const prefix = `curator-test:${randomUUID()}:`
  const stores: RedisRateLimitStore[] = []
  beforeAll(async () => {
    if (await redisReachable(REDIS_URL)) admin = new Redis(REDIS_URL)
  })
  afterAll(async () => {
    await Promise.all(stores.map((s) => s.close()))
    await admin?.quit()
  })
  const skip = () => {
    if (admin) return false
    console.warn(`SKIPPED: Redis is not reachable at ${REDIS_URL}; the shared-limit test did not run`)
    return true
  }

  it("shares one limit between two limiters (two Medusa instances) on the same Redis", async () => {
    if (skip()) return
    const one = new RedisRateLimitStore(REDIS_URL, { prefix })
    const two = new RedisRateLimitStore(REDIS_URL, { prefix })
    stores.push(one, two)
    const [a, b] = [new RateLimiter(one), new RateLimiter(two)]
    const p = policy({ account: { limit: 6, window_ms: 60_000 } })
    const account = `shared-${randomUUID()}`
    const results = await Promise.all(Array.from({ length: 10 }, (_, i) => (i % 2 ? a : b).check(p, { account })))
    expect(results.filter((r) => r.allowed)).toHaveLength(6)
    // Either instance now refuses.
    expect((await a.check(p, { account })).allowed).toBe(false)
    expect((await b.check(p, { account })).allowed).toBe(false)
  })

  it("lets every counter expire, so Redis holds nothing older than two windows", async () => {
    if (skip()) return
    const store = new RedisRateLimitStore(REDIS_URL, { prefix })
    stores.push(store)
    const counts = await store.hit("ttl", 30_000)
    const ttl = await admin!.pttl(`${prefix}{ttl}:${counts.window}`)
    expect(ttl).toBeGreaterThan(0)
    expect(ttl).toBeLessThanOrEqual(60_000)
  })
})
