import { NextRequest } from "next/server"
import { forwardUpload } from "@lib/data/upload-proxy"
import { UPLOAD_BODY_LIMITS } from "@lib/util/uploads"

/**
 * Try-on: the dialog's multipart body (`photo`, `variant_id`, `region_id`, optional `size`), streamed
 * to Medusa. Guests may try on; a signed-in shopper's token goes along so they can keep the preview.
 */
export async function POST(request: NextRequest) {
  return forwardUpload(request, "/store/try-on", UPLOAD_BODY_LIMITS.tryOn, { signIn: "optional" })
}
