import { MedusaContainer } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { contentTypeOf, fileForUpload, storedAccessOf } from "../../../files/stored-names"
import { postPhotoAccess } from "../photo-access"
import { socialService } from "./social-service"

export type SyncPostPhotoStorageInput = {
  post_id: string
  /**
   * Store every photo under a new name even where it already lies right: a hidden or removed
   * post's photos must stop answering at once, also at signed URLs handed out before.
   */
  rekey?: boolean
}

/**
 * Moves a post's photo files to where the post's visibility and status say they belong
 * (postPhotoAccess): each file is copied under a fresh random name with the right access, its row
 * repointed, and the old file deleted, so a public post made private or hidden stops serving at
 * its old public URL. Runs under a lock per post and reads the post inside it, so concurrent
 * changes end with the storage matching the last state. A failure undoes this step's own writes.
 * Runs last in its workflows: what it did is not compensated.
 */
export async function syncPostPhotoStorage(container: MedusaContainer, input: SyncPostPhotoStorageInput): Promise<number> {
  const locking = container.resolve(Modules.LOCKING)
  return locking.execute(
    `social-post-photos:${input.post_id}`,
    async () => {
      const service = socialService(container)
      const files = container.resolve(Modules.FILE)
      const [post] = await service.listSocialPosts({ id: input.post_id }, { select: ["id", "visibility", "status"], relations: ["photos"], take: 1 })
      if (!post) return 0
      const access = postPhotoAccess(post)
      const toMove = (post.photos ?? []).filter((p) => p.file_id && (input.rekey || storedAccessOf(p.file_id) !== access))
      const created: string[] = []
      const repointed: { id: string; url: string; file_id: string | null }[] = []
      const moved: string[] = []
      try {
        for (const photo of toMove) {
          let bytes: Buffer
          try {
            bytes = await files.getAsBuffer(photo.file_id!)
          } catch {
            continue // the file is gone already: nothing to move
          }
          const mimeType = contentTypeOf(photo.file_id!) ?? "image/jpeg"
          const file = await files.createFiles(fileForUpload({ mimeType, content: bytes.toString("base64") }, "post", access))
          created.push(file.id)
          await service.updateSocialPostImages({ id: photo.id, url: file.url, file_id: file.id })
          repointed.push({ id: photo.id, url: photo.url, file_id: photo.file_id })
          moved.push(photo.file_id!)
        }
      } catch (error) {
        if (repointed.length) await service.updateSocialPostImages(repointed)
        if (created.length) await files.deleteFiles(created)
        throw error
      }
      // Old files go once every row points at its new file: their URLs stop working now.
      if (moved.length) await files.deleteFiles(moved)
      return moved.length
    },
    { timeout: 30 }
  )
}

export const syncPostPhotoStorageStep = createStep("sync-social-post-photo-storage", async (input: SyncPostPhotoStorageInput, { container }) => {
  return new StepResponse(await syncPostPhotoStorage(container, input))
})
