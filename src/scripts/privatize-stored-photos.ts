import { ExecArgs } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { contentTypeOf, fileForUpload, storedAccessOf } from "../files/stored-names"
import { SOCIAL_MODULE } from "../modules/social"
import SocialModuleService from "../modules/social/service"
import { WARDROBE_MODULE } from "../modules/wardrobe"
import WardrobeModuleService from "../modules/wardrobe/service"
import { syncPostPhotoStorage } from "../workflows/social/steps/sync-photo-storage"

/**
 * Moves photos stored before private storage existed to where they belong now: wardrobe photos
 * into private storage, and each post's photos to where its visibility and status say
 * (src/workflows/social/photo-access.ts). Until this runs, such photos keep working (responses
 * already carry signed URLs for them) but also answer at their old public URLs.
 * Run once after upgrading: `npx medusa exec ./src/scripts/privatize-stored-photos.ts`.
 * Running it again moves nothing.
 */
export default async function privatizeStoredPhotos({ container }: ExecArgs) {
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const files = container.resolve(Modules.FILE)
  const wardrobe = container.resolve<WardrobeModuleService>(WARDROBE_MODULE)
  const social = container.resolve<SocialModuleService>(SOCIAL_MODULE)

  let items = 0
  const withPhotos = await wardrobe.listWardrobeItems({ photo_file_id: { $ne: null } } as any, {
    select: ["id", "customer_id", "photo_file_id"],
    take: null,
  })
  for (const item of withPhotos) {
    if (!item.photo_file_id || storedAccessOf(item.photo_file_id) === "private") continue
    let bytes: Buffer
    try {
      bytes = await files.getAsBuffer(item.photo_file_id)
    } catch {
      continue // the file is gone already
    }
    const mimeType = contentTypeOf(item.photo_file_id) ?? "image/jpeg"
    const file = await files.createFiles(fileForUpload({ mimeType, content: bytes.toString("base64") }, "wardrobe", "private"))
    const swap = await wardrobe.replaceItemPhoto({
      id: item.id,
      customer_id: item.customer_id,
      photo_url: file.url,
      photo_file_id: file.id,
      expected_file_id: item.photo_file_id,
    })
    // Changed meanwhile by its owner: keep theirs and drop this copy.
    await files.deleteFiles(swap.replaced ? [item.photo_file_id] : [file.id])
    if (swap.replaced) items++
  }

  const images = await social.listSocialPostImages({ file_id: { $ne: null } } as any, { select: ["id", "post_id"] as any, take: null })
  const postIds = [...new Set(images.map((i: any) => i.post_id as string))]
  let photos = 0
  for (const postId of postIds) photos += await syncPostPhotoStorage(container, { post_id: postId })
  logger.info(`Moved ${items} wardrobe photo(s) to private storage and ${photos} post photo(s) to match their posts.`)
}
