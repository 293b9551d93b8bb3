import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { VISUAL_MODULE } from "../../../../../modules/visual"
import VisualModuleService from "../../../../../modules/visual/service"
import type { AdminProductVisualIndexResponse } from "../../../../../types/http/visual-admin"

/** The index state of each of a product's images, for the product page's widget (none yet: an empty list). */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse<AdminProductVisualIndexResponse>) => {
  const images = await req.scope
    .resolve<VisualModuleService>(VISUAL_MODULE)
    .listVisualImages({ product_id: req.params.id }, { order: { created_at: "ASC" } })
  res.json({
    images: images.map((image) => ({
      image_id: image.image_id,
      image_url: image.image_url,
      status: image.status,
      model_version: image.model_version,
      attempts: image.attempts,
      last_error: image.last_error,
      next_attempt_at: image.next_attempt_at,
      indexed_at: image.indexed_at,
    })),
  })
}
