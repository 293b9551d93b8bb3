import { createHash } from "node:crypto"
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs"
import { join } from "node:path"
import sharp from "sharp"
import { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules, ProductStatus } from "@medusajs/framework/utils"
import {
  createCollectionsWorkflow,
  createInventoryLevelsWorkflow,
  createProductCategoriesWorkflow,
  createProductTagsWorkflow,
} from "@medusajs/medusa/core-flows"
import { assignColourImagesWorkflow, AssignColourImagesInput } from "../../workflows/catalog/assign-colour-images"
import { createProductsWithImagesWorkflow, ProductImageFile } from "../../workflows/catalog/create-products-with-images"
import { isColourOptionTitle } from "../../catalog/colour-image"
import { DemoProduct, generateDemoCatalog } from "./generate-catalog"
import { renderGarmentSvg } from "./render-garment"
import { CATEGORIES, COLLECTIONS } from "./vocabulary"
import { SeededStore } from "./seed-store"

const PRODUCT_BATCH_SIZE = 16
// Rendering ~1,000 photos is most of the seed's time; keep them for the next fresh database.
const IMAGE_CACHE_DIR = join(process.cwd(), ".curator", "demo-images")

async function renderJpeg(svg: string): Promise<Buffer> {
  const key = createHash("sha1").update(svg).digest("hex")
  const cached = join(IMAGE_CACHE_DIR, `${key}.jpg`)
  if (existsSync(cached)) return readFileSync(cached)
  const jpeg = await sharp(Buffer.from(svg)).jpeg({ quality: 82 }).toBuffer()
  mkdirSync(IMAGE_CACHE_DIR, { recursive: true })
  writeFileSync(cached, jpeg)
  return jpeg
}

async function renderProductImages(product: DemoProduct, index: number): Promise<ProductImageFile[]> {
  return Promise.all(
    product.images.map(async (image) => {
      const svg = renderGarmentSvg({
        shape: product.category.shape,
        colourHex: image.colour.hex,
        pattern: product.pattern,
        view: image.view,
        variationSeed: index,
        title: product.title,
      })
      const jpeg = await renderJpeg(svg)
      // A product with three colours has two alternate photos: the colour tells them apart.
      const name = image.view === "alternate" ? `alternate-${image.colour.name.toLowerCase().replace(/\s+/g, "-")}` : image.view
      return { filename: `${product.handle}-${name}.jpg`, mimeType: "image/jpeg", content: jpeg.toString("base64") }
    })
  )
}

async function ensureTaxonomy(container: MedusaContainer, products: DemoProduct[]) {
  const productService = container.resolve(Modules.PRODUCT)

  const existingCategories = await productService.listProductCategories({ handle: CATEGORIES.map((c) => c.handle) })
  const missingCategories = CATEGORIES.filter((c) => !existingCategories.some((e) => e.handle === c.handle))
  if (missingCategories.length) {
    await createProductCategoriesWorkflow(container).run({
      input: {
        product_categories: missingCategories.map((c, i) => ({
          name: c.name,
          handle: c.handle,
          is_active: true,
          is_internal: false,
          rank: CATEGORIES.indexOf(c) ?? i,
        })),
      },
    })
  }

  const existingCollections = await productService.listProductCollections({ handle: COLLECTIONS.map((c) => c.handle) })
  const missingCollections = COLLECTIONS.filter((c) => !existingCollections.some((e) => e.handle === c.handle))
  if (missingCollections.length) {
    await createCollectionsWorkflow(container).run({
      input: { collections: missingCollections.map((c) => ({ title: c.title, handle: c.handle, metadata: { season: c.season } })) },
    })
  }

  const tagValues = [...new Set(products.flatMap((p) => p.tags))]
  const existingTags = await productService.listProductTags({ value: tagValues })
  const missingTags = tagValues.filter((v) => !existingTags.some((t) => t.value === v))
  if (missingTags.length) {
    await createProductTagsWorkflow(container).run({ input: { product_tags: missingTags.map((value) => ({ value })) } })
  }

  const [categories, collections, tags] = await Promise.all([
    productService.listProductCategories({ handle: CATEGORIES.map((c) => c.handle) }),
    productService.listProductCollections({ handle: COLLECTIONS.map((c) => c.handle) }),
    productService.listProductTags({ value: tagValues }),
  ])
  return {
    categoryIds: Object.fromEntries(categories.map((c) => [c.handle, c.id])),
    collectionIds: Object.fromEntries(collections.map((c) => [c.handle, c.id])),
    tagIds: Object.fromEntries(tags.map((t) => [t.value, t.id])),
  }
}

/** The first N products of each category: a smaller shop with the same shape, for tests. */
export function selectProducts(catalog: DemoProduct[], perCategory?: number): DemoProduct[] {
  if (!perCategory) return catalog
  const taken = new Map<string, number>()
  return catalog.filter((p) => {
    const n = taken.get(p.category.handle) ?? 0
    taken.set(p.category.handle, n + 1)
    return n < perCategory
  })
}

/**
 * Creates the demo products that do not exist yet (by handle), with rendered
 * photos, prices in every region's currency and stock in both warehouses.
 */
export async function seedCatalog(container: MedusaContainer, store: SeededStore, options: { productsPerCategory?: number } = {}) {
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const productService = container.resolve(Modules.PRODUCT)
  const catalog = selectProducts(generateDemoCatalog(), options.productsPerCategory)
  const taxonomy = await ensureTaxonomy(container, catalog)

  const existing = new Set(
    (await productService.listProducts({ handle: catalog.map((p) => p.handle) }, { select: ["handle"], take: null })).map((p) => p.handle)
  )
  const missing = catalog.map((product, index) => ({ product, index })).filter(({ product }) => !existing.has(product.handle))
  logger.info(`Catalog: ${catalog.length} demo products, ${existing.size} present, ${missing.length} to create.`)

  for (let start = 0; start < missing.length; start += PRODUCT_BATCH_SIZE) {
    const batch = missing.slice(start, start + PRODUCT_BATCH_SIZE)
    const products = await Promise.all(
      batch.map(async ({ product, index }) => ({
        title: product.title,
        handle: product.handle,
        description: product.description,
        subtitle: product.brand,
        status: ProductStatus.PUBLISHED,
        material: product.material,
        category_ids: [taxonomy.categoryIds[product.category.handle]],
        collection_id: taxonomy.collectionIds[product.collectionHandle],
        tag_ids: product.tags.map((t) => taxonomy.tagIds[t]),
        shipping_profile_id: store.shippingProfileId,
        sales_channels: [{ id: store.salesChannelId }],
        metadata: {
          brand: product.brand,
          material: product.material,
          pattern: product.pattern,
          season: product.season,
          occasions: product.occasions,
          colour_families: [...new Set(product.colours.map((c) => c.family))],
          demo: true,
        },
        options: [
          { title: "Colour", values: product.colours.map((c) => c.name) },
          { title: "Size", values: product.sizes },
        ],
        variants: product.variants.map((v) => ({
          title: v.title,
          sku: v.sku,
          manage_inventory: true,
          options: { Colour: v.colour.name, Size: v.size },
          prices: Object.entries(v.prices).map(([currency_code, amount]) => ({ currency_code, amount })),
          metadata: { colour_hex: v.colour.hex, colour_family: v.colour.family },
        })),
        image_files: await renderProductImages(product, index),
      }))
    )
    await createProductsWithImagesWorkflow(container).run({ input: { products } })
    logger.info(`Catalog: created ${Math.min(start + PRODUCT_BATCH_SIZE, missing.length)}/${missing.length} products`)
  }

  await ensureColourImages(container, catalog)
  await ensureInventoryLevels(container, store, catalog)
  return catalog
}

type ImageRow = { id: string; url: string; rank?: number | null; variants?: ({ id: string } | null)[] | null }
type VariantRow = {
  id: string
  thumbnail?: string | null
  options?: ({ value?: string | null; option?: { title?: string | null } | null } | null)[] | null
}

/**
 * Records which colour each demo photo shows (Medusa variant images, and each variant's thumbnail
 * its colour's front photo), on new products and on those an earlier seed created without it.
 * A product whose photos are already assigned, or that no longer has the photos the catalog
 * describes, is left as it is.
 */
export async function ensureColourImages(container: MedusaContainer, catalog: DemoProduct[]) {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const demoByHandle = new Map(catalog.map((p) => [p.handle, p]))
  const { data } = await query.graph({
    entity: "product",
    fields: [
      "id",
      "handle",
      "images.id",
      "images.url",
      "images.rank",
      "images.variants.id",
      "variants.id",
      "variants.thumbnail",
      "variants.options.value",
      "variants.options.option.title",
    ],
    filters: { handle: [...demoByHandle.keys()] },
  })
  const input: AssignColourImagesInput = { links: [], thumbnails: [] }
  for (const product of data as unknown as { handle: string; images?: (ImageRow | null)[] | null; variants?: (VariantRow | null)[] | null }[]) {
    const demo = demoByHandle.get(product.handle)
    const images = (product.images ?? []).filter((i): i is ImageRow => !!i).sort((a, b) => (a.rank ?? 0) - (b.rank ?? 0))
    const variants = (product.variants ?? []).filter((v): v is VariantRow => !!v)
    if (!demo || images.length !== demo.images.length) continue
    if (images.some((i) => i.variants?.length) || variants.some((v) => v.thumbnail)) continue
    const colourOf = (v: VariantRow) => v.options?.find((o) => o && isColourOptionTitle(o.option?.title))?.value
    images.forEach((image, i) => {
      const colour = demo.images[i].colour.name
      for (const v of variants) if (colourOf(v) === colour) input.links.push({ variant_id: v.id, image_id: image.id })
    })
    for (const v of variants) {
      const own = demo.images.map((d, i) => ({ ...d, url: images[i].url })).filter((d) => d.colour.name === colourOf(v))
      const front = own.find((d) => d.view === "front") ?? own[0]
      if (front) input.thumbnails.push({ id: v.id, thumbnail: front.url })
    }
  }
  if (!input.links.length && !input.thumbnails.length) return
  await assignColourImagesWorkflow(container).run({ input })
  container.resolve(ContainerRegistrationKeys.LOGGER).info(`Catalog: assigned ${input.links.length} photos to the variants of their colour.`)
}

/** Stocks every demo variant in both warehouses (with the catalog's deliberate gaps), once. */
async function ensureInventoryLevels(container: MedusaContainer, store: SeededStore, catalog: DemoProduct[]) {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const inventoryService = container.resolve(Modules.INVENTORY)
  const stockBySku = new Map(catalog.flatMap((p) => p.variants.map((v) => [v.sku, v.stock] as const)))

  const { data: items } = await query.graph({
    entity: "inventory_item",
    fields: ["id", "sku"],
    filters: { sku: [...stockBySku.keys()] },
  })
  const levels = await inventoryService.listInventoryLevels(
    { inventory_item_id: items.map((i) => i.id) },
    { select: ["inventory_item_id", "location_id"], take: null }
  )
  const present = new Set(levels.map((l) => `${l.inventory_item_id}:${l.location_id}`))
  const missing = items.flatMap((item) =>
    (["eu", "us"] as const)
      .map((warehouse) => ({
        inventory_item_id: item.id,
        location_id: store.locationIdsByWarehouse[warehouse],
        stocked_quantity: stockBySku.get(item.sku!)?.[warehouse] ?? 0,
      }))
      .filter((level) => !present.has(`${level.inventory_item_id}:${level.location_id}`))
  )
  for (let start = 0; start < missing.length; start += 1000) {
    await createInventoryLevelsWorkflow(container).run({ input: { inventory_levels: missing.slice(start, start + 1000) } })
  }
  if (missing.length) {
    container.resolve(ContainerRegistrationKeys.LOGGER).info(`Inventory: created ${missing.length} stock levels.`)
  }
}
