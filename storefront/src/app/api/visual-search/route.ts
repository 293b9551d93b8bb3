import { NextRequest } from "next/server"
import { forwardUpload } from "@lib/data/upload-proxy"
import { UPLOAD_BODY_LIMITS } from "@lib/util/uploads"

/**
 * Search by photo: the photo search page's (and the wardrobe form's) multipart body (`image`, the
 * region's country and the filters), streamed to Medusa. Guests may search; nothing is stored.
 */
export async function POST(request: NextRequest) {
  return forwardUpload(request, "/store/visual-search", UPLOAD_BODY_LIMITS.visualSearch, { signIn: "optional" })
}
