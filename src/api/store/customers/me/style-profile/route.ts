import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { emptyStyleProfile } from "../../../../../modules/recommendation/profile"
import type { StoreStyleProfileResponse } from "../../../../../types/http/style-profile"
import { customerIdOf } from "../../../../identity"
import { recommendationOf, saveStyleProfile } from "./style-profile"
import { StoreUpsertStyleProfileType } from "./validators"

/** GET /store/customers/me/style-profile: the signed-in customer's own profile (empty until saved). */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse<StoreStyleProfileResponse>) => {
  const profile = await recommendationOf(req).getProfile(customerIdOf(req))
  res.json({ style_profile: profile ?? emptyStyleProfile() })
}

/**
 * POST /store/customers/me/style-profile: changes the customer's profile with a patch; answers the whole
 * profile. `liked_product_ids` (the style quiz's looks) become quiz likes and fill the lists left empty.
 */
export const POST = async (req: AuthenticatedMedusaRequest<StoreUpsertStyleProfileType>, res: MedusaResponse<StoreStyleProfileResponse>) => {
  const profile = await saveStyleProfile(req, () => ({ customer_id: customerIdOf(req) }), req.validatedBody)
  res.json({ style_profile: profile })
}
