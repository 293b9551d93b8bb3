import { decide, msUntilNextAllowed } from "../sliding-window"
import { describeWindow, limitEnvVar, parseLimit, rateLimitSettings } from "../settings"
import { clientAddress, normaliseAddress } from "../client-ip"

const W = 60_000

describe("sliding-window decision", () => {
  it("allows up to the limit within one window and says what is left", () => {
    expect(decide({ current: 1, previous: 0, elapsed_ms: 0 }, 5, W)).toEqual({ allowed: true, limit: 5, remaining: 4, reset_s: 60, retry_after_s: 0 })
    expect(decide({ current: 5, previous: 0, elapsed_ms: 30_000 }, 5, W)).toMatchObject({ allowed: true, remaining: 0, reset_s: 30 })
    const refused = decide({ current: 6, previous: 0, elapsed_ms: 30_000 }, 5, W)
    expect(refused).toMatchObject({ allowed: false, remaining: 0 })
    // 6 hits fading over the next window must fall to 4 (so the next one makes 5): 30 s + 60·(1 − 4/6) s.
    expect(refused.retry_after_s).toBe(50)
    expect(refused.reset_s).toBe(refused.retry_after_s)
  })

  it("weighs the previous window by how much of it is still inside the sliding window", () => {
    // Half the previous window still counts: 10·0.5 + 1 = 6 > 5.
    expect(decide({ current: 1, previous: 10, elapsed_ms: 30_000 }, 5, W).allowed).toBe(false)
    // A quarter: 10·0.25 + 1 = 3.5 ≤ 5, one more whole request fits.
    expect(decide({ current: 1, previous: 10, elapsed_ms: 45_000 }, 5, W)).toMatchObject({ allowed: true, remaining: 1 })
    // A burst at the end of one window cannot be repeated at the start of the next.
    expect(decide({ current: 5, previous: 5, elapsed_ms: 1_000 }, 5, W).allowed).toBe(false)
  })

  it("tells a refused client when one more request will pass", () => {
    // 10·(30 − t)/60 + 1 + 1 ≤ 5 → t ≥ 12 s.
    expect(msUntilNextAllowed({ current: 1, previous: 10, elapsed_ms: 30_000 }, 5, W)).toBe(12_000)
    // The check: 12 s later the next request is allowed.
    expect(decide({ current: 2, previous: 10, elapsed_ms: 42_000 }, 5, W).allowed).toBe(true)
    // Limit 1: the next window's weight must reach 0, a whole window after this one ends.
    expect(msUntilNextAllowed({ current: 2, previous: 0, elapsed_ms: 10_000 }, 1, W)).toBe(50_000 + W)
    // Retry-After is never 0 seconds.
    expect(decide({ current: 6, previous: 0, elapsed_ms: W }, 5, W).retry_after_s).toBeGreaterThanOrEqual(1)
  })
})

describe("rate limit settings", () => {
  it("has defaults: tight per account, generous per address, and the ML routes registered", () => {
    const s = rateLimitSettings({})
    expect(s).toMatchObject({ enabled: true, redis_url: null, proxy_hops: 1 })
    expect(s.policies.sign_in.limits).toEqual({ account: { limit: 10, window_ms: 15 * 60_000 }, ip: { limit: 100, window_ms: 15 * 60_000 } })
    expect(s.policies.sign_in.refund_on_success).toBe(true)
    expect(s.policies.visual_search.limits.shopper).toBeDefined()
    expect(s.policies.try_on.limits.ip).toBeDefined()
  })

  it("reads <count>/<window> overrides per policy and scope, and names a bad one", () => {
    expect(limitEnvVar("sign_in", "account")).toBe("RATE_LIMIT_SIGN_IN_ACCOUNT")
    expect(parseLimit("10/15m", "X")).toEqual({ limit: 10, window_ms: 900_000 })
    expect(parseLimit("3/90", "X")).toEqual({ limit: 3, window_ms: 90_000 })
    expect(parseLimit(" 2 / 1h ", "X")).toEqual({ limit: 2, window_ms: 3_600_000 })
    const s = rateLimitSettings({
      RATE_LIMIT_UPLOAD_SHOPPER: "3/1h",
      REDIS_URL: "redis://r:6379",
      RATE_LIMIT_PROXY_HOPS: "0",
      RATE_LIMIT_ENABLED: "false",
    })
    expect(s).toMatchObject({ enabled: false, redis_url: "redis://r:6379", proxy_hops: 0 })
    expect(s.policies.upload.limits.shopper).toEqual({ limit: 3, window_ms: 3_600_000 })
    for (const bad of ["10", "0/1m", "10/0", "ten/1m", "5/1d", "5/0.5s"]) {
      expect(() => rateLimitSettings({ RATE_LIMIT_SIGN_IN_IP: bad })).toThrow(`RATE_LIMIT_SIGN_IN_IP="${bad}" is not a rate limit`)
    }
    expect(() => rateLimitSettings({ RATE_LIMIT_ENABLED: "yes" })).toThrow("RATE_LIMIT_ENABLED")
    expect(() => rateLimitSettings({ RATE_LIMIT_PROXY_HOPS: "-1" })).toThrow("RATE_LIMIT_PROXY_HOPS")
  })

  it("describes windows for messages", () => {
    expect([describeWindow(900_000), describeWindow(3_600_000), describeWindow(45_000), describeWindow(60_000)]).toEqual([
      "15 minutes",
      "hour",
      "45 seconds",
      "minute",
    ])
  })
})

describe("client address", () => {
  const req = (remoteAddress: string, xff?: string) => ({ socket: { remoteAddress } as any, headers: xff ? { "x-forwarded-for": xff } : {} })

  it("believes as many X-Forwarded-For entries as there are trusted proxies, from the right", () => {
    // Medusa's "trust proxy" is 1: the nearest proxy's entry.
    expect(clientAddress(req("10.0.0.2", "203.0.113.9, 198.51.100.7"), 1)).toBe("198.51.100.7")
    expect(clientAddress(req("10.0.0.2", "203.0.113.9, 198.51.100.7"), 2)).toBe("203.0.113.9")
    // Reached directly: the header is the client's own word and is ignored.
    expect(clientAddress(req("10.0.0.2", "203.0.113.9"), 0)).toBe("10.0.0.2")
    // More hops than entries: the leftmost.
    expect(clientAddress(req("10.0.0.2", "203.0.113.9"), 5)).toBe("203.0.113.9")
    expect(clientAddress(req("::ffff:127.0.0.1"), 1)).toBe("127.0.0.1")
  })

  it("groups IPv6 clients by /64", () => {
    expect(normaliseAddress("2001:db8:1:2:aaaa::1")).toBe("2001:db8:1:2::/64")
    expect(normaliseAddress("2001:db8:1:2:bbbb:cccc:dddd:eeee")).toBe("2001:db8:1:2::/64")
    expect(normaliseAddress("2001:db8::1")).toBe("2001:db8:0:0::/64")
    expect(normaliseAddress("::1")).toBe("0:0:0:0::/64")
  })
})
