import assert from "node:assert/strict"
import http from "node:http"
import type { AddressInfo } from "node:net"
import { after, before, describe, test } from "node:test"

/**
 * The storefront's server code reaches Medusa through one SDK (src/lib/config.ts). A read whose
 * connection is dropped before any answer is sent once more; a write is not. Against a small
 * stand-in server that drops the first connection of each path.
 */
describe("backend connection", () => {
  const hits = new Map<string, number>()
  const server = http.createServer((req, res) => {
    const n = (hits.get(`${req.method} ${req.url}`) ?? 0) + 1
    hits.set(`${req.method} ${req.url}`, n)
    if (n === 1) return req.socket.destroy() // as a server does when it closes an idle keep-alive socket
    res.writeHead(200, { "content-type": "application/json" })
    res.end(JSON.stringify({ ok: true, attempt: n }))
  })
  let sdk: typeof import("../src/lib/config").sdk

  before(async () => {
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve))
    process.env.MEDUSA_BACKEND_URL = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
    ;({ sdk } = await import("../src/lib/config"))
  })
  after(() => server.close())

  test("a read dropped at the connection is sent once more and succeeds", async () => {
    const res = await sdk.client.fetch<{ ok: boolean; attempt: number }>("/store/products", { query: { limit: 1 } })
    assert.deepEqual(res, { ok: true, attempt: 2 })
  })

  test("a write dropped at the connection fails without being repeated", async () => {
    await assert.rejects(sdk.client.fetch("/store/carts", { method: "POST", body: {} }), TypeError)
    assert.equal(hits.get("POST /store/carts"), 1)
  })
})
