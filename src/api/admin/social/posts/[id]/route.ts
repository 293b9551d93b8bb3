import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { AdminSocialPostResponse } from "../../../../../types/http/social"
import { pickFields } from "../../../../utils/allowed-fields"
import { retrieveAdminPost } from "../../../../social/queries"

/** One post with its reports, moderation record and the author's history. */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse<AdminSocialPostResponse>) => {
  res.json({ post: pickFields(await retrieveAdminPost(req.scope, req.params.id), req.queryConfig.fields) })
}
