import { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { loadProfile, viewerOf } from "../../helpers"

/** A customer's social profile: display name (never the e-mail), counts, and whether the viewer follows them. */
export const GET = async (req: MedusaRequest, res: MedusaResponse) => {
  res.json({ profile: await loadProfile(req.scope, req.params.id, viewerOf(req)) })
}
