import { revalidatePath } from "next/cache"
import { NextRequest } from "next/server"
import { forwardUpload } from "@lib/data/upload-proxy"
import { UPLOAD_BODY_LIMITS } from "@lib/util/uploads"

/** Adds a wardrobe item: the item form's multipart body (fields and an optional `photo`), streamed to Medusa. */
export async function POST(request: NextRequest) {
  const response = await forwardUpload(request, "/store/wardrobe/items", UPLOAD_BODY_LIMITS.wardrobeItem)
  if (response.ok) revalidatePath("/[countryCode]/wardrobe", "layout")
  return response
}
