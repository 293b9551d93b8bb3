import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { StoreSocialProfileResponse } from "../../../../../../types/http/social"
import { followCustomerWorkflow, unfollowCustomerWorkflow } from "../../../../../../workflows/social/engagement"
import { customerIdOf } from "../../../../../identity"
import { pickFields } from "../../../../../utils/allowed-fields"
import { loadProfile } from "../../../../../social/queries"

/** Follows the customer (not oneself: 400); following again changes nothing. */
export const POST = async (req: AuthenticatedMedusaRequest, res: MedusaResponse<StoreSocialProfileResponse>) => {
  const me = customerIdOf(req)
  await followCustomerWorkflow(req.scope).run({ input: { follower_id: me, followed_id: req.params.id } })
  const profile = await loadProfile(req.scope, req.params.id, me)
  res.json({ profile: pickFields(profile, req.queryConfig.fields) })
}

/** Stops following; not following already is a no-op (200). */
export const DELETE = async (req: AuthenticatedMedusaRequest, res: MedusaResponse<StoreSocialProfileResponse>) => {
  const me = customerIdOf(req)
  await unfollowCustomerWorkflow(req.scope).run({ input: { follower_id: me, followed_id: req.params.id } })
  const profile = await loadProfile(req.scope, req.params.id, me)
  res.json({ profile: pickFields(profile, req.queryConfig.fields) })
}
