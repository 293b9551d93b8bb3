import { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { productCards } from "../catalog/product-card"
import type { InteractionKind } from "../modules/recommendation/constants"
import RecommendationModuleService from "../modules/recommendation/service"
import { RECOMMENDATION_MODULE } from "../modules/recommendation/constants"
import {
  CatalogIndex,
  CollaborativeModel,
  DEFAULT_BLEND,
  DEFAULT_WEIGHTS,
  HybridWeights,
  indexCatalog,
  NoMatch,
  Outfit,
  RankedItem,
  RejectionCounts,
  Shopper,
} from "../recommendation"
import { ShopperContext } from "../shopper/context"
import type { RecommendedItem, RecommendedOutfit, RecommendedOutfitPiece, StoreRecommendedOutfitsResponse } from "../types/http/recommendations"
import { loadRecommendationCatalog } from "./catalog"
import { collaborativeModel, loadShopper, ProfileOverrides, shopperIdentity, ShopperIdentity } from "./shopper"

/** What the core needs for one request, read once per request however many surfaces it answers. */
export type RecommendationInputs = {
  index: CatalogIndex
  model: CollaborativeModel
  shopper: Shopper
  identity: ShopperIdentity
  context: ShopperContext
  weights: HybridWeights
}

const perRequest = new WeakMap<MedusaRequest, Promise<RecommendationInputs>>()

/** The environment variables that set each of the hybrid's weights. */
export const WEIGHT_ENV: Record<keyof HybridWeights, string> = {
  collaborative: "RECOMMENDATION_WEIGHT_COLLABORATIVE",
  content: "RECOMMENDATION_WEIGHT_CONTENT",
  knowledge: "RECOMMENDATION_WEIGHT_KNOWLEDGE",
}

/** A weight the environment sets (a number ≥ 0), or null when it sets none or an unusable one. */
const weightFromEnv = (name: string): number | null => {
  const raw = process.env[name]
  const value = raw === undefined || raw === "" ? NaN : Number(raw)
  return Number.isFinite(value) && value >= 0 ? value : null
}

/**
 * The hybrid's weights: the core's tuned defaults (DEFAULT_WEIGHTS in src/recommendation/types.ts) unless
 * RECOMMENDATION_WEIGHT_COLLABORATIVE / _CONTENT / _KNOWLEDGE set them (the core normalises their sum to 1).
 */
export const recommendationWeights = (): HybridWeights => ({
  collaborative: weightFromEnv(WEIGHT_ENV.collaborative) ?? DEFAULT_WEIGHTS.collaborative,
  content: weightFromEnv(WEIGHT_ENV.content) ?? DEFAULT_WEIGHTS.content,
  knowledge: weightFromEnv(WEIGHT_ENV.knowledge) ?? DEFAULT_WEIGHTS.knowledge,
})

/** The environment variables whose weight is in effect (set to a usable value). */
export const weightOverrides = (): string[] => Object.values(WEIGHT_ENV).filter((name) => weightFromEnv(name) !== null)

/** How the routes blend the weights: they leave it at the core's default. */
export const RECOMMENDATION_BLEND = DEFAULT_BLEND

/** The request's shopper context (set by the shopperContext middleware; the validators require a region or country). */
export function requireShopperContext(req: MedusaRequest): ShopperContext {
  if (!req.shopper) throw new MedusaError(MedusaError.Types.INVALID_DATA, "region_id or country_code is required")
  return req.shopper
}

/** The catalog, collaborative model and shopper for this request (query.graph read once per request). */
export function recommendationInputs(req: MedusaRequest, overrides: ProfileOverrides): Promise<RecommendationInputs> {
  let inputs = perRequest.get(req)
  if (!inputs) {
    const context = requireShopperContext(req)
    const identity = shopperIdentity(req)
    inputs = Promise.all([
      loadRecommendationCatalog(req.scope, context),
      collaborativeModel(req.scope),
      loadShopper(req.scope, identity, context, overrides),
    ]).then(([catalog, model, shopper]) => ({
      index: indexCatalog(catalog.items),
      model,
      shopper,
      identity,
      context,
      weights: recommendationWeights(),
    }))
    perRequest.set(req, inputs)
  }
  return inputs
}

/**
 * Product cards for the chosen variants (the card's price is the variant's own in the region), read fresh:
 * only variants still in stock in the region and within the per-item budget are kept, so a catalog cached
 * a few seconds (catalog.ts) never answers a piece sold out or repriced since.
 */
async function variantCards(req: MedusaRequest, context: ShopperContext, shopper: Shopper, variantIds: string[]) {
  const cards = (await productCards(req.scope, { variant_ids: variantIds, shopper: context })).variants
  const maxItem = shopper.profile.budget.max_item
  for (const [id, variant] of cards) {
    const price = variant.card.calculated_price?.calculated_amount
    if (!variant.card.in_stock || price === undefined || (maxItem !== null && price > maxItem)) cards.delete(id)
  }
  return cards
}

const roundScore = (score: number) => Math.round(score * 1000) / 1000

/** "For you" items as the Store API answers them: the shared product card plus the variant, score and reasons. */
export async function itemsAnswer(req: MedusaRequest, inputs: RecommendationInputs, ranked: RankedItem[]): Promise<RecommendedItem[]> {
  const cards = await variantCards(
    req,
    inputs.context,
    inputs.shopper,
    ranked.map((r) => r.variant_id)
  )
  return ranked.flatMap((r) => {
    const variant = cards.get(r.variant_id)
    if (!variant) return []
    return [
      {
        ...variant.card,
        variant_id: r.variant_id,
        size: r.size,
        category_handle: r.item.category_handle,
        score: roundScore(r.score),
        reasons: r.reasons,
      },
    ]
  })
}

/**
 * Outfits as the Store API answers them: catalog pieces as product cards with their variant, wardrobe
 * pieces as the shopper's own item. The total is what the catalog pieces cost in the region, from the
 * chosen variants' own prices. An outfit that lost a catalog piece since ranking (or now costs more than the
 * outfit budget) is left out whole.
 */
export async function outfitsAnswer(req: MedusaRequest, inputs: RecommendationInputs, outfits: Outfit[]): Promise<RecommendedOutfit[]> {
  const variantIds = outfits.flatMap((o) => o.items.map((p) => p.variant_id).filter((id): id is string => !!id))
  const cards = await variantCards(req, inputs.context, inputs.shopper, variantIds)
  const maxOutfit = inputs.shopper.profile.budget.max_outfit
  return outfits.flatMap((outfit): RecommendedOutfit[] => {
    const items: RecommendedOutfitPiece[] = []
    let total = 0
    for (const piece of outfit.items) {
      if (piece.source === "wardrobe") {
        items.push({
          source: "wardrobe",
          slot: piece.slot,
          wardrobe_item_id: piece.owned_item_id!,
          title: piece.title,
          product_id: piece.product_id,
          category_handle: piece.category_handle,
          score: roundScore(piece.score),
          reasons: piece.reasons,
        })
        continue
      }
      const variant = piece.variant_id ? cards.get(piece.variant_id) : undefined
      if (!variant) return []
      total += variant.card.calculated_price?.calculated_amount ?? piece.price
      items.push({
        source: "catalog",
        slot: piece.slot,
        ...variant.card,
        variant_id: piece.variant_id!,
        category_handle: piece.category_handle,
        score: roundScore(piece.score),
        reasons: piece.reasons,
      })
    }
    if (maxOutfit !== null && total > maxOutfit) return []
    return [
      {
        items,
        total: { amount: Math.round(total * 100) / 100, currency_code: outfit.total.currency_code },
        score: roundScore(outfit.score),
        reasons: outfit.reasons,
      },
    ]
  })
}

/** The `no_match` part of an answer: present only when the hard constraints left nothing. */
export const noMatchAnswer = (answered: number, noMatch: NoMatch | null): { reason?: "no_match"; emptied_by?: string } =>
  answered === 0 && noMatch ? { reason: "no_match", emptied_by: noMatch.emptied_by } : {}

/**
 * Records one `impression` per product a route answered, for the signed-in customer or the guest cookie's
 * id, after the answer has gone (never delaying or failing it). Anonymous first visits record nothing.
 */
export function recordImpressions(req: MedusaRequest, identity: ShopperIdentity, surface: string, productIds: (string | null)[]): void {
  const ids = [...new Set(productIds.filter((id): id is string => !!id))]
  const owner = identity.customer_id ? { customer_id: identity.customer_id } : identity.guest_id ? { guest_id: identity.guest_id } : null
  if (!owner || !ids.length) return
  const kind: InteractionKind = "impression"
  setImmediate(() => {
    req.scope
      .resolve<RecommendationModuleService>(RECOMMENDATION_MODULE)
      .recordInteractions(ids.map((product_id) => ({ ...owner, product_id, kind, surface })))
      .catch((error: Error) => req.scope.resolve(ContainerRegistrationKeys.LOGGER).warn(`Could not record impressions: ${error.message}`))
  })
}

/**
 * Adds what the hard constraints turned away for one answer to the surface's daily counters (the admin's
 * Recommendations page): candidates rejected per constraint, and the reason that emptied the answer when it
 * came back empty. Written after the answer has gone, never delaying or failing it; a failure is logged.
 * Pieces dropped by the fresh re-check of the product cards (variantCards) are not counted: the core's
 * counts are of the ranking's own candidates.
 */
export function recordRejections(
  req: MedusaRequest,
  surface: string,
  answer: { rejected?: RejectionCounts; no_match: NoMatch | null },
  answered: number
): void {
  const tallies = new Map<string, { reason: string; rejected: number; emptied: number }>()
  for (const [reason, rejected] of Object.entries(answer.rejected ?? {})) tallies.set(reason, { reason, rejected, emptied: 0 })
  const emptiedBy = noMatchAnswer(answered, answer.no_match).emptied_by
  if (emptiedBy) tallies.set(emptiedBy, { reason: emptiedBy, rejected: tallies.get(emptiedBy)?.rejected ?? 0, emptied: 1 })
  const counts = [...tallies.values()].filter((t) => t.rejected > 0 || t.emptied > 0)
  if (!counts.length) return
  setImmediate(() => {
    req.scope
      .resolve<RecommendationModuleService>(RECOMMENDATION_MODULE)
      .recordRejections(surface, counts)
      .catch((error: Error) => req.scope.resolve(ContainerRegistrationKeys.LOGGER).warn(`Could not record constraint rejections: ${error.message}`))
  })
}

/**
 * An outfits answer as every outfit route sends it: the outfits as product cards, `no_match` when the
 * constraints left nothing, then impressions for the catalog pieces (`skipFirst`: the product the
 * outfits were built around, which the shopper is already looking at).
 */
export async function sendOutfits(
  req: MedusaRequest,
  res: MedusaResponse<StoreRecommendedOutfitsResponse>,
  inputs: RecommendationInputs,
  answer: { outfits: Outfit[]; rejected?: RejectionCounts; no_match: NoMatch | null },
  surface: string,
  { skipFirst = false }: { skipFirst?: boolean } = {}
): Promise<void> {
  const outfits = await outfitsAnswer(req, inputs, answer.outfits)
  res.json({ outfits, ...noMatchAnswer(outfits.length, answer.no_match) })
  const shown = outfits.flatMap((o) => o.items.slice(skipFirst ? 1 : 0).map((p) => (p.source === "catalog" ? p.id : null)))
  recordImpressions(req, inputs.identity, surface, shown)
  recordRejections(req, surface, answer, outfits.length)
}
