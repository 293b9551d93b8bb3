/**
 * bench/visual-search, the measuring part (run by run.js with ml-sidecar's tsx as ESM (.mts: the backend package is CommonJS), once the catalog is
 * indexed): makes shopper photos of HELD-OUT catalog products (odd index within their category, see
 * isTrainingProduct in ml-sidecar/scripts/train-category-head.ts) with ml-sidecar/test/photos.ts, takes
 * real garment photos from the Fashion-MNIST TEST split, searches each photo end to end through Medusa
 * (POST /store/visual-search) and through the sidecar alone (POST /v1/describe), and writes the measures
 * as JSON to the file named by BENCH_RESULT_FILE. Settings come from run.js (see its header).
 */
import fs from "node:fs"
import sharp from "sharp"
import {
  busyBackground,
  catalogEntries,
  iou,
  matchedGarments,
  multiGarmentPhotos,
  pickProducts,
  type CatalogEntry,
  type TestPhoto,
} from "../../ml-sidecar/test/photos.ts"
import { firstPerClass, isTrainingProduct, readFashionMnist } from "../../ml-sidecar/scripts/train-category-head.ts"
import { FMNIST_ACCEPTED, fashionMnistPhoto, nearIdenticalPairs, pictureThumbnail, SHOPPER_PHOTO_MAKERS } from "./photos.mts"
import type { StoreVisualSearchResponse } from "../../src/types/http/visual-search.ts"

type Box = { x: number; y: number; width: number; height: number }
/** One garment's results, whichever path answered: product ids in rank order and the images that matched. */
type ItemResult = { box: Box; productIds: string[]; imageUrls: (string | null)[] }
/** `stages`: Medusa's Server-Timing header, ms per stage of its search (describe, hydrate_rank, record, total). */
type SearchAnswer = { items: ItemResult[]; ms: number; stages?: Record<string, number> }
type StoreVariant = { manage_inventory?: boolean; allow_backorder?: boolean; inventory_quantity?: number | null }
type StoreProduct = { id: string; handle: string; images?: { id: string; url: string }[]; variants?: StoreVariant[] }
type ErrorBody = { message?: string }
/** The sidecar's POST /v1/describe answer, the fields measured here. */
type DescribeAnswer = { items: { box: Box; hits?: { id: string; metadata: { product_id: string } }[] }[] }

const env = process.env
const BASE = env.BENCH_BASE_URL!
const SIDECAR = env.BENCH_SIDECAR_URL!
const KEY = env.BENCH_PUBLISHABLE_KEY!
const PHOTOS = Number(env.BENCH_PHOTOS || 66)
const MULTI = Number(env.BENCH_MULTI_PHOTOS || 8)
const FMNIST_PER_CLASS = Number(env.BENCH_FMNIST_PER_CLASS || 10)
const LATENCY_RUNS = Number(env.BENCH_LATENCY_RUNS || 30)
const SEED = Number(env.BENCH_SEED || 15)

const log = (...args: unknown[]) => console.log("[bench:visual-search]", ...args)

async function getJson<T>(url: string, headers: Record<string, string> = {}): Promise<T> {
  const res = await fetch(url, { headers })
  if (!res.ok) throw new Error(`GET ${url} → ${res.status} ${await res.text()}`)
  return (await res.json()) as T
}

/** The catalog as the store shows it in the region: handle, in stock, image id → URL. */
async function storeCatalog(regionId: string) {
  const byId = new Map<string, { handle: string; inStock: boolean }>()
  const imageUrls = new Map<string, string>()
  for (let offset = 0; ; offset += 100) {
    const { products } = await getJson<{ products: StoreProduct[] }>(
      `${BASE}/store/products?limit=100&offset=${offset}&region_id=${regionId}&fields=id,handle,images.id,images.url,variants.id,+variants.inventory_quantity,variants.manage_inventory,variants.allow_backorder`,
      { "x-publishable-api-key": KEY }
    )
    for (const p of products) {
      const inStock = (p.variants ?? []).some((v) => !v.manage_inventory || v.allow_backorder || (v.inventory_quantity ?? 0) > 0)
      byId.set(p.id, { handle: p.handle, inStock })
      for (const image of p.images ?? []) imageUrls.set(image.id, image.url)
    }
    if (products.length < 100) return { byId, imageUrls }
  }
}

function form(photo: TestPhoto | { bytes: Buffer; format: string }, fields: Record<string, string>): FormData {
  const body = new FormData()
  for (const [name, value] of Object.entries(fields)) body.append(name, value)
  body.append("image", new Blob([new Uint8Array(photo.bytes)], { type: `image/${photo.format}` }), `photo.${photo.format === "png" ? "png" : "jpg"}`)
  return body
}

async function medusaSearch(photo: TestPhoto, regionId: string, inStock: boolean): Promise<SearchAnswer> {
  const started = performance.now()
  const res = await fetch(`${BASE}/store/visual-search`, {
    method: "POST",
    headers: { "x-publishable-api-key": KEY },
    body: form(photo, { region_id: regionId, limit: "10", in_stock: String(inStock) }),
  })
  const data = (await res.json()) as StoreVisualSearchResponse & ErrorBody
  const ms = performance.now() - started
  if (!res.ok) throw new Error(`POST /store/visual-search → ${res.status} ${data.message}`)
  const stages = Object.fromEntries(
    (res.headers.get("server-timing") ?? "")
      .split(",")
      .map((entry) => entry.trim().match(/^([\w-]+);dur=([\d.]+)$/))
      .filter((m): m is RegExpMatchArray => !!m)
      .map((m) => [m[1]!, Number(m[2])])
  )
  return {
    ms,
    stages,
    items: data.items.map((item) => ({
      box: item.box,
      productIds: item.products.map((p) => p.product.id),
      imageUrls: item.products.map((p) => p.image_url ?? null),
    })),
  }
}

async function sidecarSearch(photo: TestPhoto, imageUrls: Map<string, string>): Promise<SearchAnswer> {
  const started = performance.now()
  const res = await fetch(`${SIDECAR}/v1/describe`, { method: "POST", body: form(photo, { k: "10", filter: JSON.stringify({ kind: "product" }) }) })
  const data = (await res.json()) as DescribeAnswer & ErrorBody
  const ms = performance.now() - started
  if (!res.ok) throw new Error(`POST /v1/describe → ${res.status} ${data.message}`)
  return {
    ms,
    items: data.items.map((item) => ({
      box: item.box,
      productIds: (item.hits ?? []).map((h) => h.metadata.product_id),
      imageUrls: (item.hits ?? []).map((h) => imageUrls.get(h.id) ?? null),
    })),
  }
}

/** The found garment that is the photographed one: the best overlap with its true box, else the most prominent. */
function itemFor(answer: SearchAnswer, truth: Box): ItemResult | undefined {
  let best: ItemResult | undefined
  let bestIou = 0
  for (const item of answer.items) {
    const overlap = iou(item.box, truth)
    if (overlap > bestIou) [best, bestIou] = [item, overlap]
  }
  return best ?? answer.items[0]
}

const thumbnails = new Map<string, Promise<Buffer | null>>()
function thumbnail(url: string): Promise<Buffer | null> {
  let thumb = thumbnails.get(url)
  if (!thumb) {
    const absolute = /^[a-z]+:/i.test(url) ? url : new URL(url, BASE).toString()
    thumb = fetch(absolute)
      .then(async (res) => (res.ok ? Buffer.from(await res.arrayBuffer()) : null))
      .then((bytes) => (bytes ? pictureThumbnail(bytes) : null))
      .catch(() => null)
    thumbnails.set(url, thumb)
  }
  return thumb
}

/** In one result list: repeated product ids, and pairs of different products whose matched images are near-identical. */
async function duplicatesIn(item: ItemResult): Promise<{ repeated: number; nearIdentical: number }> {
  const ids = item.productIds.slice(0, 10)
  const repeated = ids.length - new Set(ids).size
  const found = await Promise.all(item.imageUrls.slice(0, 10).map((u) => (u ? thumbnail(u) : Promise.resolve(null))))
  return { repeated, nearIdentical: nearIdenticalPairs(ids, found) }
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b)
  if (!sorted.length) return NaN
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!
}

async function main() {
  const started = Date.now()
  const { regions } = await getJson<{ regions: { id: string; name: string; currency_code: string }[] }>(`${BASE}/store/regions`, {
    "x-publishable-api-key": KEY,
  })
  const region = regions.find((r) => r.currency_code === "eur")
  if (!region) throw new Error("the seed has no eur region")
  const store = await storeCatalog(region.id)
  const idByHandle = new Map([...store.byId].map(([id, p]) => [p.handle, id]))
  const categoryByHandle = new Map(catalogEntries().map((e) => [e.product.handle, e.product.category.handle]))
  const categoryOf = (productId: string) => categoryByHandle.get(store.byId.get(productId)?.handle ?? "")

  // Held-out products (odd index within their category): no training and no test photo used them.
  const seen = new Map<string, number>()
  const heldOut: CatalogEntry[] = []
  for (const entry of catalogEntries()) {
    const n = seen.get(entry.product.category.handle) ?? 0
    seen.set(entry.product.category.handle, n + 1)
    if (!isTrainingProduct(n) && idByHandle.has(entry.product.handle)) heldOut.push(entry)
  }

  const singles: TestPhoto[] = []
  for (let i = 0; singles.length < PHOTOS; i++) {
    for (const entry of pickProducts(SEED + i, Math.min(11, PHOTOS - singles.length), heldOut)) {
      singles.push(await SHOPPER_PHOTO_MAKERS[singles.length % SHOPPER_PHOTO_MAKERS.length]!(entry, SEED * 1000 + singles.length))
    }
  }
  const multis = await multiGarmentPhotos(MULTI, SEED, heldOut)
  const fmnist = readFashionMnist("t10k")
  const fmnistIndices = firstPerClass(fmnist, FMNIST_PER_CLASS)
  log(`${singles.length} photos of held-out products, ${multis.length} photos of several garments, ${fmnistIndices.length} Fashion-MNIST test photos`)

  const paths = ["medusa", "sidecar"] as const
  const tally = () => ({
    purchasable: 0,
    purchasableOf: 0,
    r1: 0,
    r10: 0,
    exactOf: 0,
    fmnistPrecisionSum: 0,
    fmnistOf: 0,
    fmnistByClass: {} as Record<string, { sum: number; of: number }>,
    garmentsFound: 0,
    garmentsOf: 0,
    repeated: 0,
    nearIdentical: 0,
    lists: 0,
  })
  const results = { medusa: tally(), sidecar: tally() }
  const search = (path: (typeof paths)[number], photo: TestPhoto, inStock: boolean) =>
    path === "medusa" ? medusaSearch(photo, region.id, inStock) : sidecarSearch(photo, store.imageUrls)
  const countDuplicates = async (path: (typeof paths)[number], answer: SearchAnswer) => {
    for (const item of answer.items) {
      const found = await duplicatesIn(item)
      results[path].repeated += found.repeated
      results[path].nearIdentical += found.nearIdentical
      results[path].lists++
    }
  }

  for (const [n, photo] of singles.entries()) {
    const truth = photo.garments[0]!
    const productId = idByHandle.get(truth.handle)!
    for (const path of paths) {
      const r = results[path]
      // Purchasable: the shopper's search (in stock only through Medusa; the sidecar knows no stock, checked here).
      const shopper = await search(path, photo, true)
      await countDuplicates(path, shopper)
      const item = itemFor(shopper, truth.box)
      r.purchasableOf++
      if (item?.productIds.slice(0, 10).some((id) => store.byId.get(id)?.inStock && categoryOf(id) === truth.category)) r.purchasable++
      else
        log(
          `nothing purchasable (${path}): ${photo.name} (${truth.category}), ${item ? `top ${item.productIds.slice(0, 3).map(categoryOf).join(", ")}` : "no item at the garment"}`
        )
      // Exact product: in_stock=false, so the photographed product may be sold out and still count.
      const exact = path === "medusa" ? await search(path, photo, false) : shopper
      const exactItem = itemFor(exact, truth.box)
      const rank = exactItem ? exactItem.productIds.indexOf(productId) : -1
      r.exactOf++
      if (rank === 0) r.r1++
      if (rank >= 0 && rank < 10) r.r10++
    }
    if ((n + 1) % 10 === 0) log(`single-product photos: ${n + 1}/${singles.length}`)
  }

  for (const index of fmnistIndices) {
    const photo = await fashionMnistPhoto(fmnist, index)
    const [className, accepted] = FMNIST_ACCEPTED[fmnist.labels[index]!]!
    for (const path of paths) {
      const answer = await search(path, photo, true)
      await countDuplicates(path, answer)
      const top = answer.items[0]?.productIds.slice(0, 10) ?? []
      // Out of 10: a photo answered with fewer products (or no garment) counts the missing ones as wrong.
      const precision = top.filter((id) => accepted.includes(categoryOf(id) ?? "")).length / 10
      const r = results[path]
      r.fmnistPrecisionSum += precision
      r.fmnistOf++
      const c = (r.fmnistByClass[className] ??= { sum: 0, of: 0 })
      c.sum += precision
      c.of++
    }
  }
  log(`Fashion-MNIST photos: ${fmnistIndices.length} done`)

  for (const photo of multis) {
    for (const path of paths) {
      const answer = await search(path, photo, true)
      await countDuplicates(path, answer)
      results[path].garmentsFound += matchedGarments(
        photo.garments.map((g) => g.box),
        answer.items.map((i) => i.box),
        0.5
      )
      results[path].garmentsOf += photo.garments.length
    }
  }
  log(`multi-garment photos: ${multis.length} done`)

  // Latency: a 1-megapixel shopper photo (a busy background scaled to 1000×1000), sequential calls.
  const busy = await busyBackground(heldOut[0]!, SEED)
  const megapixel: TestPhoto = {
    ...busy,
    bytes: await sharp(busy.bytes).resize(1000, 1000, { fit: "fill" }).jpeg({ quality: 85 }).toBuffer(),
    width: 1000,
    height: 1000,
  }
  const timed = async (fn: () => Promise<unknown>) => {
    const t = performance.now()
    await fn()
    return performance.now() - t
  }
  /** A call whose answer is read and must be a 2xx: the latency references (`init` made anew per call: a body is sent once). */
  const answered =
    (what: string, url: string, init: () => RequestInit = () => ({})) =>
    () =>
      fetch(url, init()).then(async (r) => {
        await r.text()
        if (!r.ok) throw new Error(`${what} → ${r.status}`)
      })
  const health = answered("GET /health", `${BASE}/health`)
  // CPU-bound references, code that this bench does not tune: Medusa's stock product list for the region, and the
  // sidecar embedding the same photo once (decode and one pass of its network); they tell a slower machine from slower code.
  const storeProducts = answered("GET /store/products", `${BASE}/store/products?limit=12&region_id=${region.id}`, () => ({
    headers: { "x-publishable-api-key": KEY },
  }))
  const embedPhoto = answered("POST /v1/embed", `${SIDECAR}/v1/embed`, () => ({ method: "POST", body: form(megapixel, {}) }))
  const latency: Record<string, number[]> = { medusa: [], sidecar: [], health: [], products: [], embed: [] }
  const stages: Record<string, number[]> = {}
  for (let i = 0; i < 3; i++) {
    await Promise.all([medusaSearch(megapixel, region.id, true), sidecarSearch(megapixel, store.imageUrls), health()])
    await Promise.all([storeProducts(), embedPhoto()])
  }
  for (let i = 0; i < LATENCY_RUNS; i++) {
    latency.medusa!.push(
      await timed(async () => {
        const answer = await medusaSearch(megapixel, region.id, true)
        for (const [stage, ms] of Object.entries(answer.stages ?? {})) (stages[stage] ??= []).push(ms)
      })
    )
    latency.sidecar!.push(await timed(() => sidecarSearch(megapixel, store.imageUrls)))
    latency.health!.push(await timed(health))
    latency.products!.push(await timed(storeProducts))
    latency.embed!.push(await timed(embedPhoto))
  }
  const summary = Object.fromEntries(Object.entries(latency).map(([k, v]) => [k, { p50: percentile(v, 50), p95: percentile(v, 95), runs: v.length }]))
  const medusaStages = Object.fromEntries(Object.entries(stages).map(([k, v]) => [k, percentile(v, 50)]))

  fs.writeFileSync(
    env.BENCH_RESULT_FILE!,
    JSON.stringify(
      {
        region: region.name,
        samples: { singles: singles.length, kinds: [...new Set(singles.map((p) => p.kind))], multis: multis.length, fmnist: fmnistIndices.length },
        fmnistAccepted: FMNIST_ACCEPTED,
        results,
        latency: summary,
        medusaStages,
        seconds: (Date.now() - started) / 1000,
      },
      null,
      2
    )
  )
}

main().catch((error) => {
  console.error(error)
  process.exit(1)
})
