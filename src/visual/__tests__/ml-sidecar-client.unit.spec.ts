import http from "node:http"
import net from "node:net"
import { MlSidecarClient, MlSidecarUnavailableError } from "../ml-sidecar-client"

const freePort = () =>
  new Promise<number>((resolve) => {
    const server = net.createServer().listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo
      server.close(() => resolve(port))
    })
  })

describe("MlSidecarClient when the sidecar is not there", () => {
  it("fails at once with a readable reason when nothing listens", async () => {
    const client = new MlSidecarClient({ url: `http://127.0.0.1:${await freePort()}` })
    const started = Date.now()
    await expect(client.describe(new Uint8Array([1, 2, 3]), { k: 10 })).rejects.toThrow(MlSidecarUnavailableError)
    await expect(client.health()).rejects.toThrow("cannot be reached")
    expect(Date.now() - started).toBeLessThan(2000)
  })

  it("gives up on a sidecar that accepts connections but never answers", async () => {
    const hung = http.createServer(() => undefined)
    await new Promise<void>((resolve) => hung.listen(0, "127.0.0.1", resolve))
    const { port } = hung.address() as net.AddressInfo
    try {
      const client = new MlSidecarClient({ url: `http://127.0.0.1:${port}`, searchTimeoutMs: 300 })
      await expect(client.describe(new Uint8Array([1, 2, 3]), { k: 10 })).rejects.toThrow("did not answer within 0.3 s")
    } finally {
      hung.closeAllConnections()
      hung.close()
    }
  })

  it("gives up on similar images within 2 s by default, so a product page's Similar items answer 503 in time", async () => {
    const hung = http.createServer(() => undefined)
    await new Promise<void>((resolve) => hung.listen(0, "127.0.0.1", resolve))
    const { port } = hung.address() as net.AddressInfo
    try {
      const client = new MlSidecarClient({ url: `http://127.0.0.1:${port}` })
      const started = Date.now()
      await expect(client.similar({ image_ids: ["img_1"] })).rejects.toThrow(MlSidecarUnavailableError)
      expect(Date.now() - started).toBeLessThan(2000)
    } finally {
      hung.closeAllConnections()
      hung.close()
    }
  })
})
