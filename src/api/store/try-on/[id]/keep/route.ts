import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { photoUrlSigner } from "../../../../../files/photo-urls"
import type { StoreTryOnKeepResponse, TryOnPlacement } from "../../../../../types/http/try-on"
import { keepTryOnWorkflow } from "../../../../../workflows/try-on"
import { customerIdOf } from "../../../../identity"

/**
 * A signed-in customer keeps their own try-on: it is no longer deleted after 24 hours. Guests get
 * 401 (their try-ons always go); another customer's try-on is 404.
 */
export const POST = async (req: AuthenticatedMedusaRequest, res: MedusaResponse<StoreTryOnKeepResponse>) => {
  const { result: tryOn } = await keepTryOnWorkflow(req.scope).run({ input: { id: req.params.id, customer_id: customerIdOf(req) } })
  const placement = tryOn.placement as unknown as TryOnPlacement
  res.json({
    try_on: {
      id: tryOn.id,
      image_url: await photoUrlSigner(req.scope).privateUrl(tryOn.result_file_id),
      placement,
      warnings: placement.warnings ?? [],
      size: tryOn.size ?? null,
      kept: true,
    },
  })
}
