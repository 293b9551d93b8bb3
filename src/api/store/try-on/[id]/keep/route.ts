import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { serializeTryOn } from "../../../../../try-on/serialize-try-on"
import type { StoreTryOnKeepResponse } from "../../../../../types/http/try-on"
import { keepTryOnWorkflow } from "../../../../../workflows/try-on"
import { customerIdOf } from "../../../../identity"

/**
 * A signed-in customer keeps their own try-on: it is no longer deleted after 24 hours. Guests get
 * 401 (their try-ons always go); another customer's try-on is 404.
 */
export const POST = async (req: AuthenticatedMedusaRequest, res: MedusaResponse<StoreTryOnKeepResponse>) => {
  const { result: tryOn } = await keepTryOnWorkflow(req.scope).run({ input: { id: req.params.id, customer_id: customerIdOf(req) } })
  res.json({ try_on: { ...(await serializeTryOn(req.scope, tryOn)), kept: true } })
}
