import type { FileAccess } from "../../files/stored-names"

/**
 * Where a post's photos are stored: public (a plain, cacheable URL) only while the post is both
 * public and published; private (signed, short-lived URLs) when it is for followers or private,
 * waiting for approval, hidden or removed. The serializers and the storage sync both use this.
 */
export function postPhotoAccess(post: { visibility: string; status: string }): FileAccess {
  return post.visibility === "public" && post.status === "published" ? "public" : "private"
}
