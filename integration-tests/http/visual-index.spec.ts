import http from "node:http"
import net from "node:net"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { seedStore } from "../../src/scripts/demo-catalog/seed-store"
import { seedPeople } from "../../src/scripts/demo-catalog/seed-people"
import { VISUAL_MODULE } from "../../src/modules/visual"
import VisualModuleService from "../../src/modules/visual/service"
import { mlSidecar } from "../../src/visual/ml-sidecar-client"
import retryVisualIndexJob from "../../src/jobs/retry-visual-index"
import { solidJpeg } from "../helpers/images"
import { signInDemoAdmin } from "../helpers/api"
import { MlSidecarProcess, startMlSidecar } from "../helpers/ml-sidecar"

jest.setTimeout(240_000)

/**
 * A stand-in for wherever product images live (S3, a CDN, the local file provider): serves
 * JPEGs of distinct colours at http://127.0.0.1:<port>/<name>.jpg.
 */
async function startImageServer() {
  const images = new Map<string, Buffer>()
  const server = http.createServer((req, res) => {
    const body = images.get(req.url ?? "")
    if (!body) return res.writeHead(404).end()
    res.writeHead(200, { "content-type": "image/jpeg", "content-length": body.length }).end(body)
  })
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve))
  const { port } = server.address() as net.AddressInfo
  let hue = 0
  return {
    /** A new image's URL. */
    async add(name: string): Promise<string> {
      hue = (hue + 47) % 360
      const rgb = hslToRgb(hue)
      images.set(`/${name}.jpg`, await solidJpeg(320, 400, rgb))
      return `http://127.0.0.1:${port}/${name}.jpg`
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}

function hslToRgb(hue: number) {
  const f = (n: number) => {
    const k = (n + hue / 30) % 12
    return Math.round(255 * (0.5 - 0.4 * Math.max(-1, Math.min(k - 3, 9 - k, 1))))
  }
  return { r: f(0), g: f(8), b: f(4) }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

/** Polls until `check` returns a truthy value; fails with the last value after `timeoutMs`. */
async function eventually<T>(what: string, check: () => Promise<T | false | null>, timeoutMs = 60_000): Promise<T> {
  const deadline = Date.now() + timeoutMs
  let last: T | false | null
  do {
    last = await check()
    if (last) return last
    await sleep(250)
  } while (Date.now() < deadline)
  throw new Error(`${what}: not within ${timeoutMs / 1000} s (last: ${JSON.stringify(last)})`)
}

/**
 * The catalog in the visual index, with the real ML sidecar: products written through the Admin
 * API are indexed with their metadata by the subscribers; replaced images, unpublished and
 * deleted products leave the sidecar; with the sidecar down, product writes still answer at
 * once and the images wait as pending with the error; the catch-up runs as soon as the sidecar is back.
 */
medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let sidecar: MlSidecarProcess
    let images: Awaited<ReturnType<typeof startImageServer>>
    let visual: VisualModuleService
    let headers: Record<string, string>
    let categoryId: string

    const admin = (method: "get" | "post" | "delete", url: string, data?: unknown) =>
      api.request({ method, url, data, headers, validateStatus: () => true })

    const rowsOf = (productId: string) => visual.listVisualImages({ product_id: productId }, { take: null })
    const imageIdsOf = async (productId: string) =>
      ((await admin("get", `/admin/products/${productId}?fields=id,*images`)).data.product.images as { id: string }[]).map((i) => i.id).sort()
    const allIndexed = (productId: string, count: number) =>
      eventually(`${count} images of ${productId} indexed`, async () => {
        const rows = await rowsOf(productId)
        return rows.length === count && rows.every((r) => r.status === "indexed") && rows
      })
    const inSidecar = (imageId: string) => mlSidecar().getImage(imageId)

    const createProduct = async (title: string, imageNames: string[], extra: Record<string, unknown> = {}) => {
      const res = await admin("post", "/admin/products", {
        title,
        status: "published",
        images: await Promise.all(imageNames.map(async (name) => ({ url: await images.add(name) }))),
        options: [
          { title: "Colour", values: ["Black", "Red"] },
          { title: "Size", values: ["S", "M"] },
        ],
        variants: [
          { title: "Black S", options: { Colour: "Black", Size: "S" }, prices: [{ currency_code: "eur", amount: 30 }] },
          { title: "Red M", options: { Colour: "Red", Size: "M" }, prices: [{ currency_code: "eur", amount: 30 }] },
        ],
        ...extra,
      })
      expect(res.status).toBe(200)
      return res.data.product as { id: string; variants: { id: string }[] }
    }

    beforeAll(async () => {
      ;[sidecar, images] = await Promise.all([startMlSidecar(), startImageServer()])
      const container = getContainer()
      await seedStore(container)
      await seedPeople(container)
      visual = container.resolve<VisualModuleService>(VISUAL_MODULE)
      headers = { authorization: `Bearer ${await signInDemoAdmin(api)}` }
      const category = await admin("post", "/admin/product-categories", { name: "Index coats", handle: "index-coats", is_active: true })
      expect(category.status).toBe(200)
      categoryId = category.data.product_category.id
    })

    afterAll(async () => {
      await sidecar?.stop()
      await images?.close()
    })

    it("indexes a new product's images with its variants, category, colours and brand", async () => {
      const product = await createProduct("Index coat", ["coat-front", "coat-back"], {
        categories: [{ id: categoryId }],
        metadata: { brand: "Northwind" },
      })
      const rows = await allIndexed(product.id, 2)
      const health = await mlSidecar().health()
      for (const row of rows) {
        expect(row).toMatchObject({ model_version: health.model_version, attempts: 0, last_error: null })
        expect(row.indexed_at).toBeTruthy()
        const held = await inSidecar(row.image_id)
        expect(held?.metadata).toEqual({
          kind: "product",
          product_id: product.id,
          variant_ids: product.variants.map((v) => v.id).sort(),
          category: "index-coats",
          colours: ["Black", "Red"],
          brand: "Northwind",
        })
      }
    })

    it("follows image replacements, metadata changes, unpublishing and deletion", async () => {
      const product = await createProduct("Index dress", ["dress-1", "dress-2"])
      await allIndexed(product.id, 2)
      const [first, second] = await imageIdsOf(product.id)
      const before = (await admin("get", `/admin/products/${product.id}?fields=*images`)).data.product.images as { id: string; url: string }[]
      const kept = before.find((i) => i.id === first)!

      // The second image replaced by a new one: the old one leaves the sidecar, the new one arrives.
      const replaced = await admin("post", `/admin/products/${product.id}`, {
        images: [{ id: kept.id, url: kept.url }, { url: await images.add("dress-3") }],
      })
      expect(replaced.status).toBe(200)
      await eventually("the replaced image gone from the sidecar", async () => (await inSidecar(second)) === null)
      const now = await imageIdsOf(product.id)
      expect(now).not.toContain(second)
      await allIndexed(product.id, 2)
      for (const id of now) expect(await inSidecar(id)).not.toBeNull()

      // A new brand reaches the sidecar's metadata of images that did not change.
      expect((await admin("post", `/admin/products/${product.id}`, { metadata: { brand: "Eastwind" } })).status).toBe(200)
      await eventually("the new brand in the sidecar", async () =>
        (await Promise.all(now.map(inSidecar))).every((i) => i?.metadata.brand === "Eastwind")
      )

      // Unpublished: its images leave the index and the sidecar.
      expect((await admin("post", `/admin/products/${product.id}`, { status: "draft" })).status).toBe(200)
      await eventually("the unpublished product's rows gone", async () => (await rowsOf(product.id)).length === 0)
      await eventually("the unpublished product's images gone from the sidecar", async () =>
        (await Promise.all(now.map(inSidecar))).every((i) => i === null)
      )

      // Deleted: likewise.
      const doomed = await createProduct("Index boot", ["boot-1"])
      const [bootRow] = await allIndexed(doomed.id, 1)
      expect((await admin("delete", `/admin/products/${doomed.id}`)).status).toBe(200)
      await eventually("the deleted product's rows gone", async () => (await rowsOf(doomed.id)).length === 0)
      await eventually("the deleted product's image gone from the sidecar", async () => (await inSidecar(bootRow.image_id)) === null)
      expect(await visual.removalsDue(10)).toEqual([])
    })

    it("answers product writes at once while the sidecar is down, and catches up as soon as it is back (retry-visual-index)", async () => {
      const products = await Promise.all([1, 2, 3, 4, 5].map((i) => createProduct(`Index knit ${i}`, [`knit-${i}-a`])))
      for (const p of products) await allIndexed(p.id, 1)
      const oldImageIds = (await Promise.all(products.map((p) => imageIdsOf(p.id)))).flat()

      await sidecar.stop({ keepData: true })
      const timings: number[] = []
      for (const [i, p] of products.entries()) {
        const started = Date.now()
        const res = await admin("post", `/admin/products/${p.id}`, { images: [{ url: await images.add(`knit-${i + 1}-b`) }] })
        timings.push(Date.now() - started)
        expect(res.status).toBe(200)
      }
      // No waiting on the sidecar: far below its client's retries and 30 s write timeout, with room for a loaded CI machine.
      expect(Math.max(...timings)).toBeLessThan(8_000)

      const productRows = async () => (await Promise.all(products.map((p) => rowsOf(p.id)))).flat()
      const pending = await eventually("the new images pending with the error", async () => {
        const rows = await productRows()
        return rows.length === 5 && rows.every((r) => r.status === "pending" && r.attempts >= 1 && r.last_error) && rows
      })
      expect(pending[0].last_error).toMatch(/cannot be reached|did not answer/)
      // The replaced images could not be deleted from the sidecar: their removal waits too.
      expect((await visual.removalsDue(50)).map((r) => r.image_id).sort()).toEqual([...oldImageIds].sort())
      // Retries wait out their backoff (5 s after the first failure).
      const due = await eventually("every retry due", async () => {
        const rows = await productRows()
        return rows.every((r) => r.next_attempt_at && new Date(r.next_attempt_at).getTime() <= Date.now()) && rows.map((r) => r.attempts)
      })
      // Due, with the sidecar down: the catch-up runs, does nothing and spends no attempts.
      expect(await retryVisualIndexJob(getContainer())).toMatchObject({ reachable: false })
      expect((await productRows()).map((r) => r.attempts)).toEqual(due)

      const restarted = Date.now()
      await sidecar.start()
      const report = await retryVisualIndexJob(getContainer())
      // Null only where the job's own 10 s schedule caught up first, between the restart and this call.
      if (report) expect(report).toMatchObject({ reachable: true, failed: 0, totals: { pending: 0, failed: 0 } })
      const caughtUp = (Date.now() - restarted) / 1000
      // Nothing due any more: the job does nothing.
      expect(await retryVisualIndexJob(getContainer())).toBeNull()

      // 0 missing: every catalog image indexed and in the sidecar, the replaced ones gone.
      for (const p of products) {
        const [row] = await allIndexed(p.id, 1)
        expect(await inSidecar(row.image_id)).not.toBeNull()
      }
      for (const id of oldImageIds) expect(await inSidecar(id)).toBeNull()
      expect(await visual.removalsDue(50)).toEqual([])
      process.stdout.write(
        `visual index: sidecar down for 5 product edits, writes ${Math.min(...timings)}-${Math.max(...timings)} ms; ` +
          `caught up ${caughtUp.toFixed(1)} s after the restart began (the sidecar's start included)\n`
      )
    })
  },
})
