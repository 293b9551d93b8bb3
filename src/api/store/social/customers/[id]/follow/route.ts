import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { followCustomerWorkflow, unfollowCustomerWorkflow } from "../../../../../../workflows/social/engagement"
import { customerIdOf, loadProfile } from "../../../helpers"

/** Follows the customer (not oneself: 400); following again changes nothing. */
export const POST = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const me = customerIdOf(req)
  await followCustomerWorkflow(req.scope).run({ input: { follower_id: me, followed_id: req.params.id } })
  res.json({ profile: await loadProfile(req.scope, req.params.id, me) })
}

/** Stops following; not following already is a no-op (200). */
export const DELETE = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const me = customerIdOf(req)
  await unfollowCustomerWorkflow(req.scope).run({ input: { follower_id: me, followed_id: req.params.id } })
  res.json({ profile: await loadProfile(req.scope, req.params.id, me) })
}
