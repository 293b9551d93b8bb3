import { MedusaResponse, MedusaStoreRequest } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { VISUAL_MODULE } from "../../../../../modules/visual"
import type VisualModuleService from "../../../../../modules/visual/service"
import type { StoreVisualSearchClickResponse } from "../../../../../types/http/visual-search"
import { StoreVisualSearchClickType } from "../../validators"

/** A shopper opened a result of a visual search (its query_id): counted in the admin's click-through. */
export const POST = async (req: MedusaStoreRequest<StoreVisualSearchClickType>, res: MedusaResponse<StoreVisualSearchClickResponse>) => {
  const visual = req.scope.resolve<VisualModuleService>(VISUAL_MODULE)
  const [search] = await visual.listVisualSearches({ id: req.params.id }, { select: ["id"], take: 1 })
  if (!search) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Visual search with id: ${req.params.id} was not found`)
  const click = await visual.createVisualSearchClicks({
    search_id: search.id,
    product_id: req.validatedBody.product_id,
    position: req.validatedBody.position,
  })
  res.status(201).json({ click: { id: click.id } })
}
