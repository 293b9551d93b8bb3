import http from "node:http"
import { AddressInfo } from "node:net"
import { StorefrontRevalidator, storefrontRevalidationEnabled, storefrontRevalidationTarget } from "../storefront-revalidation"

type Received = { authorization?: string; tags: string[] }

/** A stand-in storefront on a free port that records each call and answers `status` after `delayMs`. */
async function storefront(options: { status?: number; delayMs?: number } = {}) {
  const received: Received[] = []
  const server = http.createServer((req, res) => {
    let body = ""
    req.on("data", (chunk) => (body += chunk))
    req.on("end", () => {
      received.push({ authorization: req.headers.authorization, tags: JSON.parse(body).tags })
      setTimeout(() => res.writeHead(options.status ?? 200, { "content-type": "application/json" }).end("{}"), options.delayMs ?? 0)
    })
  })
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve))
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  return { url, received, close: () => new Promise((resolve) => server.close(resolve)) }
}

const logger = () => {
  const lines: string[] = []
  return { lines, warn: (m: string) => void lines.push(`warn ${m}`), debug: (m: string) => void lines.push(`debug ${m}`) }
}

const wait = (ms: number) => new Promise((r) => setTimeout(r, ms))

describe("the storefront revalidation target", () => {
  it("needs both the storefront's address and the secret", () => {
    expect(storefrontRevalidationTarget({ STOREFRONT_URL: "https://shop.example/", STOREFRONT_REVALIDATE_SECRET: "s" })).toEqual({
      url: "https://shop.example/api/revalidate",
      secret: "s",
    })
    expect(storefrontRevalidationTarget({ STOREFRONT_URL: "https://shop.example" })).toBeNull()
    expect(storefrontRevalidationTarget({ STOREFRONT_REVALIDATE_SECRET: "s" })).toBeNull()
    expect(storefrontRevalidationTarget({ STOREFRONT_URL: "https://shop.example", STOREFRONT_REVALIDATE_SECRET: " " })).toBeNull()
  })

  it("says once, at debug level, that it is off", () => {
    const log = logger()
    expect(storefrontRevalidationEnabled(log, {})).toBe(false)
    expect(storefrontRevalidationEnabled(log, {})).toBe(false)
    expect(log.lines).toEqual([expect.stringMatching(/^debug .*STOREFRONT_URL or STOREFRONT_REVALIDATE_SECRET is not set/)])
    expect(storefrontRevalidationEnabled(log, { STOREFRONT_URL: "http://x", STOREFRONT_REVALIDATE_SECRET: "s" })).toBe(true)
  })
})

describe("StorefrontRevalidator", () => {
  it("sends the tags of one save in one call with the secret, and once more when it has settled", async () => {
    const shop = await storefront()
    const revalidator = new StorefrontRevalidator({ url: `${shop.url}/api/revalidate`, secret: "s3cret" }, logger(), {
      batchMs: 30,
      settleMs: 150,
      timeoutMs: 1000,
    })
    revalidator.request(["products", "product-p1"])
    revalidator.request(["products", "product-p2"])
    await wait(100)
    expect(shop.received).toEqual([{ authorization: "Bearer s3cret", tags: ["products", "product-p1", "product-p2"] }])
    await wait(150)
    expect(shop.received).toHaveLength(2)
    expect(shop.received[1].tags).toEqual(["products", "product-p1", "product-p2"])
    await shop.close()
  })

  it("never waits for the storefront nor throws: a slow or failing one costs a log line", async () => {
    const slow = await storefront({ delayMs: 500 })
    const log = logger()
    const revalidator = new StorefrontRevalidator({ url: `${slow.url}/api/revalidate`, secret: "s" }, log, { batchMs: 0, settleMs: 0, timeoutMs: 50 })
    const started = Date.now()
    revalidator.request(["lookbooks"])
    expect(Date.now() - started).toBeLessThan(20)
    await revalidator.flush()
    expect(log.lines[0]).toMatch(/^warn storefront cache revalidation \(1 tags\) to .* failed/)
    await slow.close()

    const refusing = await storefront({ status: 401 })
    const refused = logger()
    const revalidatorRefused = new StorefrontRevalidator({ url: `${refusing.url}/api/revalidate`, secret: "wrong" }, refused, {
      batchMs: 0,
      settleMs: 0,
      timeoutMs: 1000,
    })
    revalidatorRefused.request(["products"])
    await revalidatorRefused.flush()
    expect(refused.lines[0]).toMatch(/^warn .* answered 401/)
    await refusing.close()

    const down = logger()
    const nowhere = new StorefrontRevalidator({ url: "http://127.0.0.1:1/api/revalidate", secret: "s" }, down)
    nowhere.request(["products"])
    await expect(nowhere.flush()).resolves.toBeUndefined()
    // One line per failed call: the batch's and the settled one's.
    expect(down.lines).toHaveLength(2)
  })

  it("splits more tags than the route takes into several calls", async () => {
    const shop = await storefront()
    const revalidator = new StorefrontRevalidator({ url: `${shop.url}/api/revalidate`, secret: "s" }, logger(), {
      batchMs: 1000,
      settleMs: 1000,
      timeoutMs: 1000,
    })
    revalidator.request(Array.from({ length: 150 }, (_, i) => `product-p${i}` as const))
    await revalidator.flush()
    // Two calls now (100 + 50), and the settle batch's two.
    expect(shop.received.map((r) => r.tags.length)).toEqual([100, 50, 100, 50])
    await shop.close()
  })
})
