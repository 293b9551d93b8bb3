import { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { StoreSocialProfileResponse } from "../../../../../types/http/social"
import { viewerIdOf } from "../../../../identity"
import { pickFields } from "../../../../utils/allowed-fields"
import { loadProfile } from "../../../../social/queries"

/** A customer's social profile: display name (never the e-mail), counts, and whether the viewer follows them. */
export const GET = async (req: MedusaRequest, res: MedusaResponse<StoreSocialProfileResponse>) => {
  const profile = await loadProfile(req.scope, req.params.id, viewerIdOf(req))
  res.json({ profile: pickFields(profile, req.queryConfig.fields) })
}
