import { NextRequest } from "next/server"
import { forwardUpload } from "@lib/data/upload-proxy"
import { UPLOAD_BODY_LIMITS } from "@lib/util/uploads"

/**
 * What to pre-fill a new wardrobe item with from its photo (category, colours, matching products):
 * the item form's `image` and country, streamed to Medusa. Nothing is stored.
 */
export async function POST(request: NextRequest) {
  return forwardUpload(request, "/store/wardrobe/photo-suggestions", UPLOAD_BODY_LIMITS.wardrobeItem)
}
