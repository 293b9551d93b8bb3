import { revalidatePath } from "next/cache"
import { NextRequest } from "next/server"
import { forwardUpload } from "@lib/data/upload-proxy"
import { UPLOAD_BODY_LIMITS } from "@lib/util/uploads"

/** Shares a post: the composer's multipart body (1–6 `photos`, caption, visibility, tags), streamed to Medusa. */
export async function POST(request: NextRequest) {
  const response = await forwardUpload(request, "/store/social/posts", UPLOAD_BODY_LIMITS.post)
  if (response.ok) revalidatePath("/[countryCode]/feed", "layout")
  return response
}
