import { MedusaError } from "@medusajs/framework/utils"
import { MAX_POST_PHOTOS, MAX_POST_TAGS } from "./constants"

/** Where a tag sits: the photo it is pinned to (the first when not given). */
export type TagPlacement = { product_id?: string | null; variant_id?: string | null; photo_index?: number | null }

const invalid = (message: string) => new MedusaError(MedusaError.Types.INVALID_DATA, message)

/**
 * The one check of a post's photos and tags: 1 to MAX_POST_PHOTOS photos, at most MAX_POST_TAGS
 * tags, and each tag on a photo the post has. The service runs it on every write of photos or
 * tags; the HTTP layer only bounds how many files it accepts (multer's limit).
 */
export function assertPostContent({ photo_count, tags }: { photo_count: number; tags: TagPlacement[] }): void {
  if (photo_count < 1) throw invalid(`a post needs at least one photo (1 to ${MAX_POST_PHOTOS})`)
  if (photo_count > MAX_POST_PHOTOS) throw invalid(`a post has at most ${MAX_POST_PHOTOS} photos; got ${photo_count}`)
  if (tags.length > MAX_POST_TAGS) throw invalid(`a post has at most ${MAX_POST_TAGS} tags`)
  const misplaced = tags.find(
    ({ photo_index = 0 }) => photo_index !== null && (!Number.isInteger(photo_index) || photo_index < 0 || photo_index >= photo_count)
  )
  if (misplaced) {
    const what = misplaced.product_id ? `product ${misplaced.product_id}` : `variant ${misplaced.variant_id}`
    throw invalid(`tag of ${what} is on photo_index ${misplaced.photo_index}, but the post has ${photo_count} photo(s)`)
  }
}
