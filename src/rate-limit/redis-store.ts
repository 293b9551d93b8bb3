import Redis from "ioredis"
import { RateLimitStore, WindowCounts } from "./types"

/**
 * Counts a hit and reads the previous window, in one atomic script on the Redis server, with
 * the server's clock: every Medusa instance sees the same windows whatever its own clock says.
 * Window keys share the base key's hash tag ({...}), so the script also runs on a cluster.
 * A window's key expires two windows after it began: nothing outlives its use.
 */
const HIT_SCRIPT = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local window_ms = tonumber(ARGV[1])
local window = math.floor(now / window_ms)
local current_key = KEYS[1] .. ':' .. window
local current = redis.call('INCR', current_key)
if current == 1 then redis.call('PEXPIRE', current_key, window_ms * 2) end
local previous = tonumber(redis.call('GET', KEYS[1] .. ':' .. (window - 1)) or '0')
return { current, previous, now - window * window_ms, window }
`

/** Takes one hit back from a window, if that window's key still exists and is above zero. */
const REFUND_SCRIPT = `
local key = KEYS[1] .. ':' .. ARGV[1]
local current = tonumber(redis.call('GET', key) or '0')
if current > 0 then redis.call('DECR', key) end
return 0
`

type CountingRedis = Redis & {
  rateLimitHit(key: string, windowMs: number): Promise<[number, number, number, number]>
  rateLimitRefund(key: string, window: number): Promise<number>
}

export type RedisRateLimitStoreOptions = {
  /** Prefix of every key (default "curator:rate-limit:"). */
  prefix?: string
  /** Milliseconds a command may take before it fails (default 1,000). */
  command_timeout_ms?: number
}

/** Counters shared by every Medusa instance that uses the same Redis (REDIS_URL). */
export class RedisRateLimitStore implements RateLimitStore {
  private readonly redis: CountingRedis
  private readonly prefix: string

  constructor(url: string, options: RedisRateLimitStoreOptions = {}) {
    this.prefix = options.prefix ?? "curator:rate-limit:"
    this.redis = new Redis(url, {
      maxRetriesPerRequest: 1,
      commandTimeout: options.command_timeout_ms ?? 1_000,
    }) as CountingRedis
    this.redis.defineCommand("rateLimitHit", { numberOfKeys: 1, lua: HIT_SCRIPT })
    this.redis.defineCommand("rateLimitRefund", { numberOfKeys: 1, lua: REFUND_SCRIPT })
    // Errors reach the caller of each command; an unhandled 'error' event would crash the process.
    this.redis.on("error", () => undefined)
  }

  private keyOf(key: string): string {
    return `${this.prefix}{${key}}`
  }

  async hit(key: string, window_ms: number): Promise<WindowCounts> {
    const [current, previous, elapsed, window] = await this.redis.rateLimitHit(this.keyOf(key), Math.round(window_ms))
    return { current: Number(current), previous: Number(previous), elapsed_ms: Number(elapsed), window: Number(window) }
  }

  async refund(key: string, _window_ms: number, window: number): Promise<void> {
    await this.redis.rateLimitRefund(this.keyOf(key), window)
  }

  async close(): Promise<void> {
    await this.redis.quit().catch(() => this.redis.disconnect())
  }
}
