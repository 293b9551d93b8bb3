import { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { PRODUCT_FACTS_CACHE } from "../catalog/catalog-cache"
import { productCards } from "../catalog/product-card"
import { VISUAL_MODULE } from "../modules/visual"
import type VisualModuleService from "../modules/visual/service"
import { WARDROBE_MODULE } from "../modules/wardrobe"
import type WardrobeModuleService from "../modules/wardrobe/service"
import type { ShopperContext } from "../shopper/context"
import type { ProductCard } from "../types/http/product-card"
import type {
  SimilarProduct,
  StoreSimilarProductsResponse,
  StoreVisualSearchResponse,
  VisualSearchItem,
  VisualSearchProduct,
} from "../types/http/visual-search"
import { mlSidecar, SidecarDescribedItem, SidecarHit } from "./ml-sidecar-client"
import {
  Candidate,
  candidatesFor,
  CONFIDENT_CATEGORY,
  Constraints,
  photoReference,
  RankedProduct,
  RankingContext,
  RankingReference,
  rankingWeights,
  selectProducts,
  Selection,
} from "./ranking"

/**
 * Search by photo and "similar items", for the Store API: the sidecar finds the garments in the
 * photo and the catalog images that look like each (one hit per product, near-duplicate pictures
 * folded together); the hits are hydrated as product cards for the shopper's region; hard
 * constraints and ranking come from ranking.ts. Each search is recorded (kind, counts, latency) for
 * the admin's analytics, and its id lets the storefront report clicks. The photo itself is never kept.
 */

/** Only product images are searched; the index also holds social posts' photos. */
const CATALOG_FILTER = { kind: "product" }
export const NO_GARMENT_MESSAGE = "No garment found in the photo."
export const SIZE_RELAXED_MESSAGE = "Nothing purchasable in your size — showing similar items in other sizes."
export const NOTHING_PURCHASABLE_MESSAGE = "Nothing you can buy now matches this photo with your filters."

/** What ranking and reasons read of a product beside its card: category, brand, images and variant sizes. */
export const PRODUCT_FACT_FIELDS = [
  "id",
  "subtitle",
  "metadata",
  "categories.handle",
  "images.id",
  "images.url",
  "variants.id",
  "variants.options.value",
  "variants.options.option.title",
]

type ProductFactsRow = {
  id: string
  subtitle?: string | null
  metadata?: Record<string, unknown> | null
  categories?: ({ handle: string } | null)[] | null
  images?: ({ id: string; url: string } | null)[] | null
  variants?: ({ id: string; options?: ({ value: string; option?: { title?: string | null } | null } | null)[] | null } | null)[] | null
}

/** What the constraints and reasons read about a product beyond its card. */
type ProductFacts = Omit<Candidate, "product_id" | "image_id" | "image_url" | "similarity" | "card"> & { image_urls: Map<string, string> }

const optionValue = (variant: NonNullable<NonNullable<ProductFactsRow["variants"]>[number]>, titles: string[]) =>
  (variant.options ?? []).find((o) => !!o && titles.includes(o.option?.title?.toLowerCase() ?? ""))?.value ?? null

type Hydrated = { cards: Map<string, ProductCard>; facts: Map<string, ProductFacts> }

/**
 * The products' cards and facts for the shopper; products the shopper may not see are absent. Stock
 * and prices come from productCards alone (per variant for the variants the index names, which
 * the hits carry), so the heavy price and inventory read happens once; a variant the index does not
 * know yet counts as not in stock, which can hide a product but never break a constraint.
 */
async function hydrate(scope: MedusaContainer, hits: SidecarHit[], shopper: ShopperContext, into: Hydrated): Promise<Hydrated> {
  const productIds = [...new Set(hits.map((h) => h.metadata?.product_id).filter((id): id is string => typeof id === "string"))].filter(
    (id) => !into.facts.has(id)
  )
  const wanted = new Set(productIds)
  const variantIds = hits.flatMap((h) =>
    wanted.has(h.metadata?.product_id as string) && Array.isArray(h.metadata?.variant_ids) ? h.metadata.variant_ids : []
  )
  return hydrateProducts(scope, productIds, variantIds, shopper, into)
}

async function hydrateProducts(
  scope: MedusaContainer,
  productIds: string[],
  variantIds: unknown[],
  shopper: ShopperContext,
  into: Hydrated
): Promise<Hydrated> {
  if (!productIds.length) return into
  const query = scope.resolve(ContainerRegistrationKeys.QUERY)
  const [cards, { data }] = await Promise.all([
    productCards(scope, { product_ids: productIds, variant_ids: variantIds.filter((v): v is string => typeof v === "string"), shopper }),
    query.graph(
      {
        entity: "product",
        fields: PRODUCT_FACT_FIELDS,
        filters: { id: productIds },
      },
      PRODUCT_FACTS_CACHE
    ),
  ])
  for (const [id, card] of cards.products) into.cards.set(id, card)
  for (const row of data as unknown as ProductFactsRow[]) {
    const variants = (row.variants ?? []).filter((v): v is NonNullable<typeof v> => !!v)
    const brand = row.metadata?.brand
    into.facts.set(row.id, {
      category_handles: (row.categories ?? []).filter((c): c is { handle: string } => !!c).map((c) => c.handle),
      colours: [...new Set(variants.map((v) => optionValue(v, ["colour", "color"])).filter((c): c is string => !!c))],
      brand: typeof brand === "string" && brand ? brand : (row.subtitle ?? null),
      variants: variants.map((v) => ({ size: optionValue(v, ["size"]), in_stock: cards.variants.get(v.id)?.card.in_stock ?? false })),
      image_urls: new Map((row.images ?? []).filter((i): i is { id: string; url: string } => !!i).map((i) => [i.id, i.url])),
    })
  }
  return into
}

/** The hits of the first `count` distinct products, in the list's order (best first); every hit names a product. */
function topProducts(hits: SidecarHit[], count: number): SidecarHit[] {
  const seen = new Set<string>()
  return hits.filter((h) => {
    const id = h.metadata.product_id as string
    if (!seen.has(id) && seen.size >= count) return false
    seen.add(id)
    return true
  })
}

/**
 * Each hit list's selection, hydrating as few products as it can: the most similar 2×limit products
 * of each list first, then more (×3 each round) for the lists where the constraints left fewer than
 * limit or only other sizes. Reading cards is the costly part of a search; most searches stop after
 * the first round. Products further down a list are less similar than all those read, so similarity,
 * which dominates the ranking, would rarely let them in ahead.
 */
async function selectForHitLists(
  scope: MedusaContainer,
  lists: SidecarHit[][],
  shopper: ShopperContext,
  limit: number,
  contextFor: (candidates: Candidate[], list: number) => RankingContext,
  excludeProductId?: string
): Promise<Selection[]> {
  const hydrated: Hydrated = { cards: new Map(), facts: new Map() }
  const productHits = lists.map((hits) => hits.filter((h) => typeof h.metadata?.product_id === "string"))
  const selections: Selection[] = lists.map(() => ({ products: [], size_relaxed: false }))
  const open = new Set(lists.keys())
  for (let count = limit * 2; open.size; count *= 3) {
    const heads = new Map([...open].map((i) => [i, topProducts(productHits[i], count)]))
    await hydrate(scope, [...heads.values()].flat(), shopper, hydrated)
    for (const [i, hits] of heads) {
      const candidates = candidatesOf(hits, hydrated, excludeProductId)
      selections[i] = selectProducts(candidates, contextFor(candidates, i), limit)
      const exhausted = hits.length === productHits[i].length
      if (exhausted || (selections[i].products.length >= limit && !selections[i].size_relaxed)) open.delete(i)
    }
  }
  return selections
}

/** The sidecar's hits as candidates; hits of products the shopper cannot see are dropped. */
function candidatesOf(hits: SidecarHit[], hydrated: Hydrated, excludeProductId?: string): Candidate[] {
  const candidates: Candidate[] = []
  for (const hit of hits) {
    const productId = hit.metadata?.product_id
    if (typeof productId !== "string" || productId === excludeProductId) continue
    const card = hydrated.cards.get(productId)
    const facts = hydrated.facts.get(productId)
    if (!card || !facts) continue
    const { image_urls, ...rest } = facts
    candidates.push({
      ...rest,
      product_id: productId,
      image_id: hit.id,
      image_url: image_urls.get(hit.id) ?? card.thumbnail,
      similarity: hit.score,
      leading: hit.leading === true,
      card,
    })
  }
  return candidates
}

/**
 * Brands a signed-in shopper has shown they like: those in their wardrobe (which also holds what
 * they bought here) and on the lines of their orders. Two indexed reads; empty for anyone else.
 */
export async function likedBrands(scope: MedusaContainer, customerId: string | null): Promise<string[]> {
  if (!customerId) return []
  const wardrobe = scope.resolve<WardrobeModuleService>(WARDROBE_MODULE)
  const query = scope.resolve(ContainerRegistrationKeys.QUERY)
  const [items, { data: orders }] = await Promise.all([
    wardrobe.listWardrobeItems({ customer_id: customerId }, { select: ["brand"], take: 200, order: { created_at: "DESC" } }),
    query.graph({
      entity: "order",
      fields: ["items.product_subtitle"],
      filters: { customer_id: customerId },
      pagination: { take: 50, order: { created_at: "DESC" } },
    }),
  ])
  const brands = [
    ...items.map((i) => i.brand),
    ...(orders as { items?: ({ product_subtitle?: string | null } | null)[] | null }[]).flatMap((o) =>
      (o.items ?? []).map((i) => i?.product_subtitle)
    ),
  ]
  const byKey = new Map<string, string>()
  for (const brand of brands) if (brand?.trim()) byKey.set(brand.trim().toLowerCase(), brand.trim())
  return [...byKey.values()]
}

const toProduct = (ranked: RankedProduct): VisualSearchProduct => ({
  product: ranked.candidate.card,
  score: ranked.score,
  image_url: ranked.candidate.image_url,
  reasons: ranked.reasons,
})

const isPurchasable = (card: ProductCard) => card.in_stock && !!card.calculated_price

async function recordSearch(
  scope: MedusaContainer,
  search: { kind: "photo" | "similar"; customer_id: string | null; region_id: string; item_count: number; products: ProductCard[]; started: number }
): Promise<string> {
  const visual = scope.resolve<VisualModuleService>(VISUAL_MODULE)
  const created = await visual.createVisualSearches({
    kind: search.kind,
    customer_id: search.customer_id,
    region_id: search.region_id,
    item_count: search.item_count,
    garment_found: search.item_count > 0,
    result_count: search.products.length,
    purchasable_count: search.products.filter(isPurchasable).length,
    latency_ms: Math.round(performance.now() - search.started),
  })
  return created.id
}

export type PhotoSearchInput = {
  /** The uploaded photo's bytes (checked by checkSearchPhoto). */
  image: Uint8Array
  shopper: ShopperContext
  customer_id: string | null
  /** Search every garment in this category handle instead of the predicted one. */
  category?: string
  constraints: Constraints
  limit: number
  /** Filled with each stage's milliseconds (the route sends them as Server-Timing). */
  timings?: Record<string, number>
}

async function assertCategory(scope: MedusaContainer, handle: string | undefined) {
  if (!handle) return
  const query = scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({ entity: "product_category", fields: ["id"], filters: { handle, is_active: true, is_internal: false } })
  if (!data.length) throw new MedusaError(MedusaError.Types.INVALID_DATA, `category "${handle}" is not a category of the catalog`)
}

function itemOf(item: SidecarDescribedItem, selection: Selection): VisualSearchItem {
  return {
    box: item.box,
    category: { handle: item.category.handle, confidence: item.category.confidence },
    colours: item.colours,
    products: selection.products.map(toProduct),
    size_relaxed: selection.size_relaxed,
  }
}

/** POST /store/visual-search: the garments in the photo, each with the products the shopper can buy that look like it. */
export async function searchByPhoto(scope: MedusaContainer, input: PhotoSearchInput): Promise<StoreVisualSearchResponse> {
  const started = performance.now()
  const timings = input.timings ?? {}
  let mark = started
  const lap = (stage: string) => {
    const now = performance.now()
    timings[stage] = Math.round(now - mark)
    mark = now
  }
  // Before the sidecar's work, so that a category that does not exist is the answer, whatever the photo.
  await assertCategory(scope, input.category)
  const [description, brands] = await Promise.all([
    mlSidecar().describe(input.image, {
      k: candidatesFor(input.limit),
      filter: CATALOG_FILTER,
      category: input.category,
      min_category_confidence: CONFIDENT_CATEGORY,
    }),
    likedBrands(scope, input.customer_id),
  ])
  lap("describe")
  const described = [...description.items].sort((a, b) => b.prominence - a.prominence)
  const weights = rankingWeights()
  const selections = await selectForHitLists(
    scope,
    described.map((item) => item.hits ?? []),
    input.shopper,
    input.limit,
    (candidates, i): RankingContext => ({
      weights,
      constraints: input.constraints,
      reference: photoReference(described[i], candidates, input.category),
      liked_brands: brands,
    })
  )
  lap("hydrate_rank")
  const items = described.map((item, i) => itemOf(item, selections[i]))

  let message: string | undefined
  if (!items.length) message = description.message ?? NO_GARMENT_MESSAGE
  else if (items.some((i) => i.size_relaxed)) message = SIZE_RELAXED_MESSAGE
  else if (items.every((i) => !i.products.length)) message = NOTHING_PURCHASABLE_MESSAGE

  const query_id = await recordSearch(scope, {
    kind: "photo",
    customer_id: input.customer_id,
    region_id: input.shopper.region_id,
    item_count: items.length,
    products: items.flatMap((i) => i.products.map((p) => p.product)),
    started,
  })
  lap("record")
  timings.total = Math.round(performance.now() - started)
  return { query_id, currency_code: input.shopper.currency_code, items, ...(message ? { message } : {}) }
}

/**
 * Images like the product's own: among its categories' products and among all products, so that the
 * same-category look-alikes are there to rank even where other categories' pictures look closer.
 * Empty when none of its images is indexed yet (nothing to compare with).
 */
async function similarHits(imageIds: string[], categoryHandles: string[], k: number): Promise<SidecarHit[]> {
  if (!imageIds.length) return []
  const filters = [CATALOG_FILTER, ...(categoryHandles.length ? [{ ...CATALOG_FILTER, category: { in: categoryHandles } }] : [])]
  const lists = await Promise.all(filters.map((filter) => mlSidecar().similar({ image_ids: imageIds, k, filter })))
  const best = new Map<string, SidecarHit>()
  for (const hit of lists.flatMap((hits) => hits ?? [])) if (!best.has(hit.id) || best.get(hit.id)!.score < hit.score) best.set(hit.id, hit)
  // Same category first (the ranking weighs it about as much as the whole range of looks), then by look: the order products are read in.
  const sameCategory = (hit: SidecarHit) => (categoryHandles.includes(hit.metadata?.category as string) ? 1 : 0)
  return [...best.values()].sort((a, b) => sameCategory(b) - sameCategory(a) || b.score - a.score)
}

export type SimilarProductsInput = { product_id: string; shopper: ShopperContext; customer_id: string | null; limit: number }

/**
 * GET /store/products/:id/similar: other products that look like this one (its indexed images) and
 * share its attributes, that the shopper can buy in their region. 404 for a product the shopper cannot see.
 */
export async function similarProducts(scope: MedusaContainer, input: SimilarProductsInput): Promise<StoreSimilarProductsResponse> {
  const started = performance.now()
  const own = await hydrateProducts(scope, [input.product_id], [], input.shopper, { cards: new Map(), facts: new Map() })
  const card = own.cards.get(input.product_id)
  const facts = own.facts.get(input.product_id)
  // Same answer for missing, unpublished and other channels' products: no hint that they exist.
  if (!card || !facts) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Product with id: ${input.product_id} was not found`)

  const imageIds = [...facts.image_urls.keys()]
  const [hits, brands] = await Promise.all([
    similarHits(imageIds, facts.category_handles, candidatesFor(input.limit)),
    likedBrands(scope, input.customer_id),
  ])
  const reference: RankingReference = {
    kind: "product",
    category_handles: facts.category_handles,
    colours: facts.colours,
    price: card.calculated_price?.calculated_amount ?? null,
  }
  const weights = rankingWeights()
  const [selection] = await selectForHitLists(
    scope,
    [hits],
    input.shopper,
    input.limit,
    () => ({ weights, constraints: { in_stock: true }, reference, liked_brands: brands }),
    input.product_id
  )
  const products: SimilarProduct[] = selection.products.map((r) => ({ product: r.candidate.card, score: r.score, reasons: r.reasons }))

  const query_id = await recordSearch(scope, {
    kind: "similar",
    customer_id: input.customer_id,
    region_id: input.shopper.region_id,
    item_count: 1,
    products: products.map((p) => p.product),
    started,
  })
  return { query_id, products }
}
