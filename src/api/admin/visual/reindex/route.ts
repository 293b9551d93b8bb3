import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { VISUAL_MODULE } from "../../../../modules/visual"
import VisualModuleService from "../../../../modules/visual/service"
import type { AdminVisualReindexResponse } from "../../../../types/http/visual-admin"
import { runIndexProductImages } from "../../../../workflows/visual/run-index-product-images"
import { AdminVisualReindexType } from "../validators"

/**
 * Queues one product's images (product_id) or the whole catalog's for indexing again: they turn
 * `pending` with no attempts, due now (202: the work happens afterwards). One product is indexed
 * at once in the background (images the index never had included); the whole catalog is left to
 * the reconcile job (src/jobs/reconcile-visual-index.ts), which works through it in batches.
 */
export const POST = async (req: AuthenticatedMedusaRequest<AdminVisualReindexType>, res: MedusaResponse<AdminVisualReindexResponse>) => {
  const productId = req.validatedBody.product_id
  if (productId) {
    const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
    const { data } = await query.graph({ entity: "product", fields: ["id"], filters: { id: productId } })
    if (!data.length) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Product with id: ${productId} was not found`)
  }
  const queued = await req.scope.resolve<VisualModuleService>(VISUAL_MODULE).requestReindex(productId ? { product_id: productId } : {})
  res.status(202).json({ queued })

  // The answer is sent; failures are recorded per image (runIndexProductImages never throws).
  if (productId) void runIndexProductImages(req.scope, [productId])
}
