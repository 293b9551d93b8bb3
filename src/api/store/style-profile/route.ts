import { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { emptyStyleProfile } from "../../../modules/recommendation/profile"
import type { StoreStyleProfileResponse } from "../../../types/http/style-profile"
import { viewerIdOf } from "../../identity"
import { ensureGuestId, guestIdOf } from "../../utils/guest-id"
import { recommendationOf, saveStyleProfile } from "../customers/me/style-profile/style-profile"
import type { StoreUpsertStyleProfileType } from "../customers/me/style-profile/validators"

/**
 * GET /store/style-profile: the shopper's profile, whoever they are: a signed-in customer's own
 * (as /store/customers/me/style-profile), else the one of the request's guest cookie (empty when
 * there is none; reading does not issue a cookie).
 */
export const GET = async (req: MedusaRequest, res: MedusaResponse<StoreStyleProfileResponse>) => {
  const recommendation = recommendationOf(req)
  const customerId = viewerIdOf(req)
  const guestId = customerId ? null : guestIdOf(req)
  const profile = customerId ? await recommendation.getProfile(customerId) : guestId ? await recommendation.getGuestProfile(guestId) : null
  res.json({ style_profile: profile ?? emptyStyleProfile() })
}

/**
 * POST /store/style-profile: changes the shopper's profile with a patch. A signed-out shopper's is
 * kept server-side under the guest id of an httpOnly cookie set here (issued on the first save),
 * and moves into their account when they sign in. `liked_product_ids` as on the account's route.
 */
export const POST = async (req: MedusaRequest<StoreUpsertStyleProfileType>, res: MedusaResponse<StoreStyleProfileResponse>) => {
  const customerId = viewerIdOf(req)
  const body = req.validatedBody as StoreUpsertStyleProfileType
  const profile = await saveStyleProfile(req, () => (customerId ? { customer_id: customerId } : { guest_id: ensureGuestId(req, res) }), body)
  res.json({ style_profile: profile })
}
