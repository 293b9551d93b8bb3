import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { setLookbookCoverWorkflow } from "../../../../../workflows/lookbook/lookbooks"
import { preparedPhoto } from "../../../../utils/uploaded-photos"
import { requireImage, retrieveAdminLookbook } from "../../retrieve"

/** Uploads the lookbook's cover image (multipart field "image"); the previous cover file is deleted. */
export const POST = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const image = requireImage(await preparedPhoto(req, "lookbook-cover"))
  await setLookbookCoverWorkflow(req.scope).run({ input: { id: req.params.id, image } })
  res.json({ lookbook: await retrieveAdminLookbook(req.scope, req.params.id) })
}
