import { MedusaRequest } from "@medusajs/framework/http"
import { ProfileOverrides } from "../../../recommendation-catalog/shopper"
import { RequestFilters } from "../../../recommendation"
import type { StoreGetRecommendedOutfitsParamsType } from "./validators"

type RecommendationQuery = Pick<StoreGetRecommendedOutfitsParamsType, "budget" | "max_item_price" | "sizes" | "occasion" | "season">

/** The validated query of a recommendation route. */
export const recommendationQuery = <T extends RecommendationQuery>(req: MedusaRequest) => req.validatedQuery as unknown as T

/** The query parameters that override the shopper's profile for this request. */
export const overridesOf = (q: RecommendationQuery): ProfileOverrides => ({
  ...(q.budget !== undefined ? { budget: q.budget } : {}),
  ...(q.max_item_price !== undefined ? { max_item_price: q.max_item_price } : {}),
  ...(q.sizes ? { sizes: q.sizes } : {}),
})

export const filtersOf = (q: RecommendationQuery & { category?: string }): RequestFilters => ({
  occasion: q.occasion ?? null,
  season: q.season ?? null,
  category: q.category ?? null,
})
