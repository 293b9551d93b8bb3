import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { authorHistory, retrievePostForAdmin } from "../../helpers"

/** One post with its reports, moderation record and the author's history. */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const post: any = await retrievePostForAdmin(req.scope, req.params.id)
  res.json({ post: { ...post, author_history: await authorHistory(req.scope, post.author.id) } })
}
