import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { emptyStyleProfile } from "../../../../../../modules/recommendation/profile"
import type { StoreStyleProfileMergeResponse } from "../../../../../../types/http/style-profile"
import { customerIdOf } from "../../../../../identity"
import { mergeGuestIntoAccount, recommendationOf } from "../style-profile"

/**
 * POST /store/customers/me/style-profile/merge: moves the signed-out shopper's profile and
 * interactions (the request's guest cookie) into the account; the newer profile wins field by
 * field, lists are joined. Without a guest cookie nothing changes (merged: false).
 */
export const POST = async (req: AuthenticatedMedusaRequest, res: MedusaResponse<StoreStyleProfileMergeResponse>) => {
  const merged = await mergeGuestIntoAccount(req, res)
  const profile = await recommendationOf(req).getProfile(customerIdOf(req))
  res.json({ style_profile: profile ?? emptyStyleProfile(), merged })
}
