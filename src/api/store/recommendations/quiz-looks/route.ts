import { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { productCards } from "../../../../catalog/product-card"
import { RECOMMENDATION_MODULE } from "../../../../modules/recommendation/constants"
import type RecommendationModuleService from "../../../../modules/recommendation/service"
import { loadRecommendationCatalog } from "../../../../recommendation-catalog/catalog"
import { pickQuizLooks } from "../../../../recommendation-catalog/quiz-looks"
import { shopperIdentity } from "../../../../recommendation-catalog/shopper"
import { requireShopperContext } from "../../../../recommendation-catalog/answers"
import type { QuizLook, StoreQuizLooksResponse } from "../../../../types/http/recommendations"
import type { StoreGetQuizLooksParamsType } from "../validators"

/** Spare picks, for looks whose card has no photo or sold out since the catalog was read. */
const SPARE_LOOKS = 6

/**
 * GET /store/recommendations/quiz-looks?region_id=&limit=: the style quiz's "Looks you like": our own
 * products, in stock in the shopper's region, chosen to span categories, colours, patterns and brands
 * (the same answer for every shopper of the region, until the catalog changes), as product cards with
 * a photo. `picked` marks the looks the shopper picked in their last saved quiz.
 */
export const GET = async (req: MedusaRequest, res: MedusaResponse<StoreQuizLooksResponse>) => {
  const { limit } = req.validatedQuery as unknown as StoreGetQuizLooksParamsType
  const context = requireShopperContext(req)
  const identity = shopperIdentity(req)
  const owner = identity.customer_id ? { customer_id: identity.customer_id } : identity.guest_id ? { guest_id: identity.guest_id } : null
  const [catalog, picked] = await Promise.all([
    loadRecommendationCatalog(req.scope, context),
    owner ? req.scope.resolve<RecommendationModuleService>(RECOMMENDATION_MODULE).listQuizLikes(owner) : Promise.resolve([]),
  ])
  const items = pickQuizLooks(catalog.items, limit + SPARE_LOOKS)
  const cards = (await productCards(req.scope, { product_ids: items.map((i) => i.product_id), shopper: context })).products
  const pickedIds = new Set(picked)
  const looks = items
    .flatMap((item): QuizLook[] => {
      const card = cards.get(item.product_id)
      if (!card?.thumbnail || !card.in_stock) return []
      return [
        {
          ...card,
          category_handle: item.category_handle,
          slot: item.slot,
          colours: item.colours.map((c) => c.name),
          picked: pickedIds.has(item.product_id),
        },
      ]
    })
    .slice(0, limit)
  res.json({ looks })
}
