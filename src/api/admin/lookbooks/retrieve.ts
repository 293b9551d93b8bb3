import { MedusaContainer } from "@medusajs/framework/types"
import { MedusaError } from "@medusajs/framework/utils"
import { AdminLookbook } from "../../../types/http/lookbook"
import { queryAdminLookbook, queryHotspotVariants } from "../../lookbooks/queries"
import { hotspotVariantIds, serializeAdminLookbook } from "../../lookbooks/serializers"

/** One lookbook as the admin routes answer it (drafts too); 404 when unknown. */
export async function retrieveAdminLookbook(scope: MedusaContainer, id: string): Promise<AdminLookbook> {
  const row = await queryAdminLookbook(scope, id)
  return serializeAdminLookbook(row, await queryHotspotVariants(scope, hotspotVariantIds(row)))
}

/** One look of a lookbook as the admin routes answer it. */
export async function retrieveAdminLook(scope: MedusaContainer, lookbookId: string, lookId: string) {
  const look = (await retrieveAdminLookbook(scope, lookbookId)).looks.find((l) => l.id === lookId)
  if (!look) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Look with id: ${lookId} was not found in lookbook ${lookbookId}`)
  return look
}

/** The photo a route cannot do without: a 400 that says how to send it when missing. */
export const requireImage = <T>(image: T | undefined): T => {
  if (!image) throw new MedusaError(MedusaError.Types.INVALID_DATA, 'image is required: send the photo as the multipart field "image"')
  return image
}
