/**
 * bench/visual-search, the sidecar alone (`npm run bench:visual-search-sidecar`, about 3 minutes): indexes every
 * demo-catalog image straight into an in-process sidecar (no Medusa, no database), then searches the same
 * shopper photos as measure.mts (held-out products, the six kinds of damage in turn, BENCH_SEED) and
 * Fashion-MNIST test photos through POST /v1/describe's service, and prints exact-product R@1 / R@10 per
 * kind of photo and top-10 category precision per Fashion-MNIST class, and the R@1 / R@10 of Medusa's
 * ranking (src/visual/ranking.ts) over the sidecar's hits, with the seed's EUR prices and EU stock
 * standing in for the store's product cards (in_stock=false, as the end-to-end bench asks). For quick
 * work on the ranking; the issue's figures come from run.js, end to end.
 * Settings: BENCH_PHOTOS (default 66), BENCH_FMNIST_PER_CLASS (default 10), BENCH_SEED (default 15),
 * VISUAL_SEARCH_WEIGHTS (as the backend reads it), BENCH_VERBOSE=1 (one line per missed photo, and per photo the ranking misses where the sidecar's first hit was right), BENCH_DATA_DIR (keep the index there between runs),
 * BENCH_PRODUCTS=training (photograph the training products instead, to tune on).
 */
import fs from "node:fs"
import os from "node:os"
import path from "node:path"
import sharp from "sharp"
import { renderGarmentSvg } from "../../src/scripts/demo-catalog/render-garment.ts"
import { createApp } from "../../ml-sidecar/src/app.ts"
import { loadConfig } from "../../ml-sidecar/src/config.ts"
import { catalogEntries, pickProducts, type CatalogEntry, type TestPhoto } from "../../ml-sidecar/test/photos.ts"
import { firstPerClass, isTrainingProduct, readFashionMnist } from "../../ml-sidecar/scripts/train-category-head.ts"
import { candidatesFor, CONFIDENT_CATEGORY, parseRankingWeights, photoReference, selectProducts, type Candidate } from "../../src/visual/ranking.ts"
import type { DemoProduct } from "../../src/scripts/demo-catalog/generate-catalog.ts"
import { FMNIST_ACCEPTED, fashionMnistPhoto, nearIdenticalPairs, pictureThumbnail, SHOPPER_PHOTO_MAKERS } from "./photos.mts"

const env = process.env
const PHOTOS = Number(env.BENCH_PHOTOS || 66)
const FMNIST_PER_CLASS = Number(env.BENCH_FMNIST_PER_CLASS || 10)
const SEED = Number(env.BENCH_SEED || 15)
const VERBOSE = env.BENCH_VERBOSE === "1"
// BENCH_PRODUCTS=training photographs the products the category head trained on instead: for tuning, never for the issue's figures.
const PHOTOGRAPHED = env.BENCH_PRODUCTS === "training" ? "training" : "held-out"

/** A hit as Medusa's ranking sees it, its card made from the seed's data (EUR price, EU stock). */
function candidateOf(hit: { id: string; score: number; leading?: boolean }, productId: string, product: DemoProduct): Candidate {
  const price = Math.min(...product.variants.map((v) => v.prices.eur ?? Infinity))
  const variants = product.variants.map((v) => ({ size: v.size, in_stock: v.stock.eu > 0 }))
  return {
    product_id: productId,
    image_id: hit.id,
    image_url: null,
    similarity: hit.score,
    leading: hit.leading === true,
    card: {
      id: productId,
      title: product.title,
      handle: product.handle,
      thumbnail: null,
      calculated_price: { calculated_amount: price, original_amount: price, currency_code: "eur" },
      in_stock: variants.some((v) => v.in_stock),
    },
    category_handles: [product.category.handle],
    colours: product.colours.map((c) => c.name),
    brand: product.brand,
    variants,
  }
}

const log = (...args: unknown[]) => console.log("[bench:visual-search-sidecar]", ...args)

/** A result list as the pair count reads it: each hit's image and product. */
const listOf = (hits: Array<{ id: string; metadata: Record<string, unknown> }>) =>
  hits.map((h) => ({ id: h.id, productId: h.metadata.product_id as string }))

/** A catalog image as the seed stores it (JPEG q82 of its render). */
function catalogPicture({ product, catalogIndex }: CatalogEntry, n: number): Promise<Buffer> {
  const image = product.images[n]!
  const svg = renderGarmentSvg({
    shape: product.category.shape,
    colourHex: image.colour.hex,
    pattern: product.pattern,
    view: image.view,
    variationSeed: catalogIndex,
    title: product.title,
  })
  return sharp(Buffer.from(svg)).jpeg({ quality: 82 }).toBuffer()
}

async function main() {
  const started = Date.now()
  // BENCH_DATA_DIR keeps the index between runs (it is re-made when its image count is not the catalog's).
  const keep = env.BENCH_DATA_DIR
  const dataDir = keep ? (fs.mkdirSync(keep, { recursive: true }), keep) : fs.mkdtempSync(path.join(os.tmpdir(), "bench-visual-sidecar-"))
  // The embedder the sidecar would choose here (EMBED_* settings apply).
  const app = await createApp(loadConfig({ ...env, DATA_DIR: dataDir }), { log: () => {} })
  try {
    const describe = app.describe
    if (!describe) throw new Error(`describe is unavailable: ${app.describeError}`)
    const entries = catalogEntries()
    const categoryOf = new Map<string, string>()
    const catalogImages = entries.reduce((n, e) => n + e.product.images.length, 0)
    const reuse = (await app.store.count()) === catalogImages
    let images = 0
    for (const entry of entries) {
      const { product, catalogIndex } = entry
      const productId = `prod_${product.handle}`
      categoryOf.set(productId, product.category.handle)
      if (reuse) continue
      await Promise.all(
        product.images.map(async (_, n) => {
          await app.service.putImage(`img_${catalogIndex}_${n}`, await catalogPicture(entry, n), {
            kind: "product",
            product_id: productId,
            category: product.category.handle,
            colours: product.colours.map((c) => c.name),
            brand: product.brand,
          })
        })
      )
      images += product.images.length
    }
    if (reuse) log(`reusing the index of ${catalogImages} images in ${dataDir}`)
    else log(`indexed ${images} images of ${entries.length} products in ${((Date.now() - started) / 1000).toFixed(0)} s`)

    const seen = new Map<string, number>()
    const photographed: CatalogEntry[] = []
    for (const entry of entries) {
      const n = seen.get(entry.product.category.handle) ?? 0
      seen.set(entry.product.category.handle, n + 1)
      if (isTrainingProduct(n) === (PHOTOGRAPHED === "training")) photographed.push(entry)
    }
    const singles: TestPhoto[] = []
    for (let i = 0; singles.length < PHOTOS; i++) {
      for (const entry of pickProducts(SEED + i, Math.min(11, PHOTOS - singles.length), photographed)) {
        singles.push(await SHOPPER_PHOTO_MAKERS[singles.length % SHOPPER_PHOTO_MAKERS.length]!(entry, SEED * 1000 + singles.length))
      }
    }

    const pictures = new Map<string, Promise<Buffer>>()
    /** The thumbnail of an indexed image as a shopper sees it (ids are img_<catalog index>_<image>). */
    const pictureOf = (id: string): Promise<Buffer> => {
      let thumb = pictures.get(id)
      if (!thumb) {
        const [, catalogIndex, n] = id.split("_")
        thumb = catalogPicture(entries[Number(catalogIndex)]!, Number(n)).then(pictureThumbnail)
        pictures.set(id, thumb)
      }
      return thumb
    }
    const pairs = { sidecar: 0, sidecarLists: 0, medusa: 0, medusaLists: 0 }
    const countPairs = async (hits: Array<{ id: string; productId: string }>) =>
      nearIdenticalPairs(
        hits.map((h) => h.productId),
        await Promise.all(hits.slice(0, 10).map((h) => pictureOf(h.id)))
      )
    const filter = [{ op: "eq" as const, field: "kind", value: "product" }]
    const search = (bytes: Buffer) => describe.describe(bytes, { k: 10, filter })
    const productOf = new Map(entries.map((e) => [`prod_${e.product.handle}`, e.product]))
    const weights = parseRankingWeights(env.VISUAL_SEARCH_WEIGHTS)
    /** Medusa's first ten products for the photo's most prominent garment. */
    const medusaRanking = async (bytes: Buffer): Promise<Array<{ id: string; productId: string; why: string }>> => {
      // As POST /store/visual-search asks with limit=10 (src/visual/visual-search.ts).
      const { items } = await describe.describe(bytes, { k: candidatesFor(10), filter, minCategoryConfidence: CONFIDENT_CATEGORY })
      const item = [...items].sort((a, b) => b.prominence - a.prominence)[0]
      if (!item) return []
      const candidates = (item.hits ?? []).map((h) =>
        candidateOf(h, h.metadata.product_id as string, productOf.get(h.metadata.product_id as string)!)
      )
      const { products } = selectProducts(
        candidates,
        {
          weights,
          constraints: { in_stock: false },
          liked_brands: [],
          reference: photoReference(item, candidates),
        },
        10
      )
      return products.map((p) => ({
        id: p.candidate.image_id,
        productId: p.candidate.product_id,
        why: `score ${p.score} (cosine ${p.candidate.similarity.toFixed(3)}, ${Object.entries(p.signals)
          .map(([signal, value]) => `${signal} ${value.toFixed(2)}`)
          .join(", ")})`,
      }))
    }
    const medusa = { r1: 0, r10: 0, of: 0 }
    const byKind = new Map<string, { r1: number; r10: number; of: number }>()
    for (const photo of singles) {
      const truth = photo.garments[0]!
      const answer = await search(photo.bytes)
      // The item that is the photographed garment: the most prominent one (single-garment photos).
      const hits = listOf(answer.items[0]?.hits ?? [])
      const ids = hits.map((h) => h.productId)
      const rank = ids.indexOf(`prod_${truth.handle}`)
      pairs.sidecar += await countPairs(hits)
      pairs.sidecarLists++
      const tally = byKind.get(photo.kind) ?? { r1: 0, r10: 0, of: 0 }
      tally.of++
      if (rank === 0) tally.r1++
      if (rank >= 0 && rank < 10) tally.r10++
      byKind.set(photo.kind, tally)
      const ranked = await medusaRanking(photo.bytes)
      const medusaRank = ranked.map((r) => r.productId).indexOf(`prod_${truth.handle}`)
      pairs.medusa += await countPairs(ranked)
      pairs.medusaLists++
      medusa.of++
      if (VERBOSE && medusaRank !== 0 && rank === 0) {
        const [first] = ranked
        log(`ranking miss ${photo.name}: rank ${medusaRank} ${ranked[medusaRank]?.why ?? ""}; first ${first?.productId} ${first?.why}`)
      }
      if (medusaRank === 0) medusa.r1++
      if (medusaRank >= 0 && medusaRank < 10) medusa.r10++
      if (VERBOSE && rank !== 0) {
        const item = answer.items[0]
        log(
          `miss ${photo.name}: rank ${rank}, head ${item?.category.handle} ${item?.category.confidence.toFixed(2)} (truth ${truth.category}), top ${ids
            .slice(0, 3)
            .map((id) => `${id.replace("prod_", "")} ${categoryOf.get(id)}`)
            .join(", ")}`
        )
      }
    }

    const fmnist = readFashionMnist("t10k")
    const byClass = new Map<string, { sum: number; of: number }>()
    for (const index of firstPerClass(fmnist, FMNIST_PER_CLASS)) {
      const [className, accepted] = FMNIST_ACCEPTED[fmnist.labels[index]!]!
      const answer = await search((await fashionMnistPhoto(fmnist, index)).bytes)
      const hits = (answer.items[0]?.hits ?? []).slice(0, 10)
      const top = hits.map((h) => categoryOf.get(h.metadata.product_id as string) ?? "")
      pairs.sidecar += await countPairs(listOf(hits))
      pairs.sidecarLists++
      const c = byClass.get(className) ?? { sum: 0, of: 0 }
      c.sum += top.filter((handle) => accepted.includes(handle)).length / 10
      c.of++
      byClass.set(className, c)
    }

    const rows: string[][] = [["photos", "n", "R@1", "R@10"]]
    const all = { r1: 0, r10: 0, of: 0 }
    for (const [kind, t] of byKind) {
      rows.push([kind, String(t.of), (t.r1 / t.of).toFixed(3), (t.r10 / t.of).toFixed(3)])
      all.r1 += t.r1
      all.r10 += t.r10
      all.of += t.of
    }
    rows.push([`all ${PHOTOGRAPHED} products`, String(all.of), (all.r1 / all.of).toFixed(3), (all.r10 / all.of).toFixed(3)])
    rows.push(["  ranked as Medusa ranks", String(medusa.of), (medusa.r1 / medusa.of).toFixed(3), (medusa.r10 / medusa.of).toFixed(3)])
    rows.push(["", "", "", ""], ["Fashion-MNIST test class", "n", "top-10 precision", ""])
    let sum = 0
    let of = 0
    for (const [className, c] of byClass) {
      rows.push([className, String(c.of), (c.sum / c.of).toFixed(3), ""])
      sum += c.sum
      of += c.of
    }
    rows.push(["all classes", String(of), (sum / of).toFixed(3), ""])
    // Pairs of different products whose stored pictures' thumbnails are at most NEAR_IDENTICAL_LEVELS apart.
    rows.push(["", "", "", ""], ["near-identical pairs in top-10 lists", "lists", "pairs", ""])
    rows.push(["sidecar (shopper and Fashion-MNIST photos)", String(pairs.sidecarLists), String(pairs.sidecar), ""])
    rows.push(["  ranked as Medusa ranks (shopper photos)", String(pairs.medusaLists), String(pairs.medusa), ""])
    const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)))
    for (const row of rows) console.log(row.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join("  "))
    log(`done in ${((Date.now() - started) / 1000).toFixed(0)} s`)
  } finally {
    await app.close()
    if (!keep) fs.rmSync(dataDir, { recursive: true, force: true })
  }
}

main().catch((error) => {
  console.error(error)
  process.exit(1)
})
