import { revalidatePath } from "next/cache"
import { NextRequest } from "next/server"
import { forwardUpload } from "@lib/data/upload-proxy"
import { UPLOAD_BODY_LIMITS } from "@lib/util/uploads"

/** Changes a wardrobe item (fields, a new `photo` or `remove_photo`), streamed to Medusa. */
export async function POST(request: NextRequest, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params
  const response = await forwardUpload(request, `/store/wardrobe/items/${encodeURIComponent(id)}`, UPLOAD_BODY_LIMITS.wardrobeItem)
  if (response.ok) revalidatePath("/[countryCode]/wardrobe", "layout")
  return response
}
