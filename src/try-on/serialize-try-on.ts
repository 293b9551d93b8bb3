import type { MedusaContainer } from "@medusajs/framework/types"
import { photoUrlSigner } from "../files/photo-urls"
import type { StoreTryOn, TryOnPlacement } from "../types/http/try-on"

/** A recorded try-on as the Store API answers it: the result behind a fresh signed URL, its placement's warnings on top. */
export async function serializeTryOn(
  scope: MedusaContainer,
  tryOn: { id: string; result_file_id: string; size?: string | null; placement: unknown }
): Promise<StoreTryOn> {
  const placement = tryOn.placement as TryOnPlacement
  return {
    id: tryOn.id,
    image_url: await photoUrlSigner(scope).privateUrl(tryOn.result_file_id),
    placement,
    warnings: placement.warnings ?? [],
    size: tryOn.size ?? null,
  }
}
