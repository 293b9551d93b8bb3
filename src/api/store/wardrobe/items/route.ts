import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { normalizeCategory, normalizeColours } from "../../../../modules/wardrobe/normalize"
import type { StoreWardrobeItem, StoreWardrobeItemListResponse, StoreWardrobeItemResponse } from "../../../../types/http/wardrobe"
import { createWardrobeItemWorkflow } from "../../../../workflows/wardrobe/wardrobe-items"
import { customerIdOf } from "../../../identity"
import { escapeLike, likePattern } from "../../../utils/like-pattern"
import { preparedPhoto } from "../../../utils/uploaded-photos"
import { graphFieldsFor, retrieveOwnedItem } from "../queries"
import { signWardrobePhotos } from "../serializers"
import { StoreCreateWardrobeItemType, StoreGetWardrobeItemsParamsType } from "../validators"

/** The signed-in customer's wardrobe, filtered and paginated. */
export const GET = async (
  req: AuthenticatedMedusaRequest<unknown, StoreGetWardrobeItemsParamsType>,
  res: MedusaResponse<StoreWardrobeItemListResponse>
) => {
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { q, category, colour, brand, season, source } = req.validatedQuery as StoreGetWardrobeItemsParamsType
  const and: Record<string, unknown>[] = []
  const filters: Record<string, unknown> = { customer_id: customerIdOf(req) }
  if (category?.length) filters.category = category.map(normalizeCategory)
  // Any of the colours asked for (text[] overlap, GIN-indexed), as in the catalog's facets.
  if (colour?.length) filters.colours = { $overlap: normalizeColours(colour) }
  if (season?.length) filters.season = season
  if (source) filters.source = source
  if (brand?.length) and.push({ $or: brand.map((b) => ({ brand: { $ilike: escapeLike(b) } })) })
  if (q) {
    const pattern = likePattern(q)
    and.push({ $or: ["name", "brand", "category", "material", "notes"].map((field) => ({ [field]: { $ilike: pattern } })) })
  }
  if (and.length) filters.$and = and

  const { data, metadata } = await query.graph({
    entity: "wardrobe_item",
    fields: graphFieldsFor(req.queryConfig.fields),
    filters,
    pagination: req.queryConfig.pagination,
  })
  const items = (await signWardrobePhotos(req.scope, data)) as StoreWardrobeItem[]
  res.json({ items, count: metadata!.count, offset: metadata!.skip, limit: metadata!.take })
}

/** Adds an item (JSON, or multipart with a `photo`). */
export const POST = async (req: AuthenticatedMedusaRequest<StoreCreateWardrobeItemType>, res: MedusaResponse<StoreWardrobeItemResponse>) => {
  const photo = await preparedPhoto(req, "wardrobe")
  const { result } = await createWardrobeItemWorkflow(req.scope).run({
    input: { customer_id: customerIdOf(req), item: req.validatedBody, photo },
  })
  res.status(201).json({ item: await retrieveOwnedItem(req, result.id) })
}
