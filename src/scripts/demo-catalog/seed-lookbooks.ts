import { createHash } from "node:crypto"
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs"
import { join } from "node:path"
import sharp from "sharp"
import { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { LOOKBOOK_MODULE } from "../../modules/lookbook"
import LookbookModuleService from "../../modules/lookbook/service"
import { createLookbookWorkflow, createLookWorkflow, setLookbookCoverWorkflow, updateLookbookWorkflow } from "../../workflows/lookbook"
import { HotspotInput } from "../../workflows/lookbook/types"
import { createRandom, DemoProduct } from "./generate-catalog"
import { renderGarmentSvg } from "./render-garment"

/** The outfits of one look, as catalog category handles (one product of each). */
type LookSpec = { categories: string[]; notes: string }
type LookbookSpec = {
  title: string
  handle: string
  description: string
  season: string
  status: "published" | "draft"
  looks: LookSpec[]
}

export const DEMO_LOOKBOOKS: LookbookSpec[] = [
  {
    title: "Autumn Layers",
    handle: "autumn-layers",
    description: "Wool over cotton over silk: pieces that stack for cold mornings and warm afternoons.",
    season: "autumn-winter",
    status: "published",
    looks: [
      { categories: ["outerwear", "knitwear", "trousers", "shoes"], notes: "A long coat over a fine knit, tailored trousers, leather shoes." },
      { categories: ["knitwear", "skirts", "bags"], notes: "Chunky knit and a pleated skirt; the bag carries the colour." },
      { categories: ["outerwear", "shirts", "jeans", "accessories"], notes: "Weekend layers: overshirt weather with a scarf." },
      { categories: ["dresses", "knitwear", "shoes"], notes: "A midi dress under a cardigan, boots for the rain." },
    ],
  },
  {
    title: "City Weekend",
    handle: "city-weekend",
    description: "Two days, one bag: easy pieces that go from gallery to dinner.",
    season: "all-season",
    status: "published",
    looks: [
      { categories: ["tops", "jeans", "shoes"], notes: "The uniform: a good tee, straight jeans, clean sneakers." },
      { categories: ["shirts", "trousers", "bags"], notes: "Crisp shirt, wide trousers, a crossbody for the museum." },
      { categories: ["dresses", "bags", "shoes"], notes: "Dinner: slip dress and flats." },
    ],
  },
  {
    title: "Resort",
    handle: "resort",
    description: "Linen, light colours and nothing that needs ironing.",
    season: "spring-summer",
    status: "published",
    looks: [
      { categories: ["shirts", "skirts", "accessories"], notes: "Camp-collar shirt and a midi skirt; a silk square for the wind." },
      { categories: ["dresses", "bags"], notes: "One dress, one tote, done." },
      { categories: ["tops", "trousers", "shoes", "accessories"], notes: "Linen trousers and sandals for the harbour walk." },
      { categories: ["shirts", "jeans", "bags"], notes: "Evening by the water: an open shirt over light denim." },
      { categories: ["tops", "skirts", "shoes"], notes: "Market morning." },
    ],
  },
  {
    title: "Evening Edit",
    handle: "evening-edit",
    description: "Work in progress: the party season, from drinks to dancing.",
    season: "autumn-winter",
    status: "draft",
    looks: [
      { categories: ["dresses", "outerwear", "shoes"], notes: "Velvet hours." },
      { categories: ["shirts", "trousers", "accessories"], notes: "Silk shirt, sharp trousers." },
      { categories: ["tops", "skirts", "bags"], notes: "Sequins optional." },
    ],
  },
]

// Composite outfit photos: 3:4, garments laid out flat on a studio backdrop.
const LOOK_WIDTH = 900
const LOOK_HEIGHT = 1200
const GARMENT_ASPECT = 750 / 600
const IMAGE_CACHE_DIR = join(process.cwd(), ".curator", "demo-images")

/** The product's front photo, rendered exactly as the catalog seed renders it (same cache, same bytes). */
async function productPhoto(product: DemoProduct, catalogIndex: number): Promise<Buffer> {
  const svg = renderGarmentSvg({
    shape: product.category.shape,
    colourHex: product.images[0].colour.hex,
    pattern: product.pattern,
    view: "front",
    variationSeed: catalogIndex,
    title: product.title,
  })
  const cached = join(IMAGE_CACHE_DIR, `${createHash("sha1").update(svg).digest("hex")}.jpg`)
  if (existsSync(cached)) return readFileSync(cached)
  const jpeg = await sharp(Buffer.from(svg)).jpeg({ quality: 82 }).toBuffer()
  mkdirSync(IMAGE_CACHE_DIR, { recursive: true })
  writeFileSync(cached, jpeg)
  return jpeg
}

/** Where each garment sits on the look image (pixels): a 2×2 grid, or two halves, or two over one. */
function slotsFor(count: number): { left: number; top: number; width: number; height: number }[] {
  const pad = 30
  const cellWidth = (LOOK_WIDTH - pad * 3) / 2
  const cellHeight = cellWidth * GARMENT_ASPECT
  const rowTop = (row: number, rows: number) => Math.round((LOOK_HEIGHT - rows * cellHeight - (rows - 1) * pad) / 2 + row * (cellHeight + pad))
  const cell = (column: number, row: number, rows: number, shift = 0) => ({
    left: Math.round(pad + column * (cellWidth + pad) + shift),
    top: rowTop(row, rows),
    width: Math.round(cellWidth),
    height: Math.round(cellHeight),
  })
  if (count <= 2) return [cell(0, 0, 1), cell(1, 0, 1)].slice(0, count)
  if (count === 3) return [cell(0, 0, 2), cell(1, 0, 2), cell(0, 1, 2, (cellWidth + pad) / 2)]
  return [cell(0, 0, 2), cell(1, 0, 2), cell(0, 1, 2), cell(1, 1, 2)]
}

/**
 * Renders a look: the products' own photos composited with sharp on one backdrop, and a hotspot
 * over the middle of each garment (x, y as fractions of the image).
 */
export async function renderLook(garments: { product: DemoProduct; catalogIndex: number }[], backdrop: string) {
  const slots = slotsFor(garments.length)
  const layers = await Promise.all(
    garments.map(async ({ product, catalogIndex }, i) => ({
      input: await sharp(await productPhoto(product, catalogIndex))
        .resize(slots[i].width, slots[i].height, { fit: "cover" })
        .toBuffer(),
      left: slots[i].left,
      top: slots[i].top,
    }))
  )
  const image = await sharp({ create: { width: LOOK_WIDTH, height: LOOK_HEIGHT, channels: 3, background: backdrop } })
    .composite(layers)
    .jpeg({ quality: 84 })
    .toBuffer()
  const points = slots.map((s, i) => ({
    x: Math.round(((s.left + s.width / 2) / LOOK_WIDTH) * 1000) / 1000,
    y: Math.round(((s.top + s.height * (SHAPE_CENTRE_Y[garments[i].product.category.shape] ?? 0.5)) / LOOK_HEIGHT) * 1000) / 1000,
  }))
  return { image, points, width: LOOK_WIDTH, height: LOOK_HEIGHT }
}

/** Where the garment's body sits in its photo, top to bottom (render-garment.ts draws shoes and bags low). */
const SHAPE_CENTRE_Y: Partial<Record<DemoProduct["category"]["shape"], number>> = { shoe: 0.6, bag: 0.6, skirt: 0.55, accessory: 0.45 }

const BACKDROPS = ["#e9e4dc", "#dfe4e8", "#ece6ee", "#e3ebe3", "#efe9df"]

/**
 * Seeds the demo lookbooks: three published and one draft, 3–5 looks each, every look an outfit
 * of demo products rendered from their photos with a hotspot on each garment linked to a variant
 * in stock in Europe. Lookbooks are found by handle: one that exists with all its looks is left
 * alone, one cut short by an interrupted run gets its missing looks; running twice adds nothing.
 */
export async function seedLookbooks(container: MedusaContainer, catalog: DemoProduct[]) {
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const lookbooks = container.resolve<LookbookModuleService>(LOOKBOOK_MODULE)

  const { data: variants } = await query.graph({
    entity: "product_variant",
    fields: ["id", "sku"],
    filters: { sku: catalog.flatMap((p) => p.variants.map((v) => v.sku)) },
  })
  const variantIdBySku = new Map(variants.map((v: any) => [v.sku as string, v.id as string]))
  const byCategory = new Map<string, { product: DemoProduct; catalogIndex: number }[]>()
  catalog.forEach((product, catalogIndex) => {
    const list = byCategory.get(product.category.handle) ?? []
    list.push({ product, catalogIndex })
    byCategory.set(product.category.handle, list)
  })

  let createdLooks = 0
  for (const [position, spec] of DEMO_LOOKBOOKS.entries()) {
    let [lookbook] = await lookbooks.listLookbooks({ handle: spec.handle }, { select: ["id", "status"], relations: ["looks"], take: 1 })
    const existingLooks = lookbook?.looks?.length ?? 0
    if (lookbook && existingLooks >= spec.looks.length) continue
    if (!lookbook) {
      // Created as a draft and published once its looks are in: the store never shows it half-built.
      const { result } = await createLookbookWorkflow(container).run({
        input: {
          lookbook: { title: spec.title, handle: spec.handle, description: spec.description, season: spec.season, position, status: "draft" },
        },
      })
      lookbook = result as any
    }

    const random = createRandom(20261122 + position * 101)
    for (const [lookIndex, lookSpec] of spec.looks.entries()) {
      // The same draws on every run, so a resumed seed renders the looks it skipped exactly as before.
      const garments = lookSpec.categories
        .map((category) => byCategory.get(category))
        .filter((options): options is { product: DemoProduct; catalogIndex: number }[] => !!options?.length)
        .map((options) => random.pick(options))
      if (lookIndex < existingLooks || !garments.length) continue
      const rendered = await renderLook(garments, BACKDROPS[(position + lookIndex) % BACKDROPS.length])
      const hotspots: HotspotInput[] = []
      garments.forEach(({ product }, i) => {
        // The colour in the photo, a middle size, in stock in Europe when any is.
        const colour = product.images[0].colour.name
        const candidates = product.variants.filter((v) => v.colour.name === colour)
        const stocked = candidates.filter((v) => v.stock.eu > 0)
        const pool = stocked.length ? stocked : candidates
        const variant = pool[Math.floor(pool.length / 2)]
        const variantId = variant && variantIdBySku.get(variant.sku)
        if (variantId) hotspots.push({ ...rendered.points[i], variant_id: variantId })
      })
      await createLookWorkflow(container).run({
        input: {
          lookbook_id: lookbook!.id,
          notes: lookSpec.notes,
          position: lookIndex,
          hotspots,
          image: {
            filename: `${spec.handle}-look-${lookIndex + 1}.jpg`,
            mimeType: "image/jpeg",
            content: rendered.image.toString("base64"),
            width: rendered.width,
            height: rendered.height,
          },
        },
      })
      createdLooks++
      if (lookIndex === 0) {
        const cover = await sharp(rendered.image).resize(1200, 800, { fit: "cover", position: "top" }).jpeg({ quality: 84 }).toBuffer()
        await setLookbookCoverWorkflow(container).run({
          input: {
            id: lookbook!.id,
            image: { filename: `${spec.handle}-cover.jpg`, mimeType: "image/jpeg", content: cover.toString("base64"), width: 1200, height: 800 },
          },
        })
      }
    }
    if (spec.status === "published" && lookbook!.status !== "published") {
      await updateLookbookWorkflow(container).run({ input: { id: lookbook!.id, update: { status: "published" } } })
    }
  }
  if (createdLooks) logger.info(`Lookbooks: created ${createdLooks} looks in ${DEMO_LOOKBOOKS.length} demo lookbooks.`)
}
