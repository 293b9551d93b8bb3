import type { PostVisibility, ReportReason, ModerationAction } from "../../modules/social/constants"

/** A product tag as the author sends it: a product, or a variant (its product is filled in), optionally pinned at x/y. */
export type PostTagInput = {
  product_id?: string | null
  variant_id?: string | null
  x?: number | null
  y?: number | null
  photo_index?: number | null
}

/** A tag checked against the catalog. */
export type PostTagRow = { product_id: string; variant_id: string | null; x: number | null; y: number | null; photo_index: number }

/** A photo already checked and re-encoded, with its stored size (src/files/prepare-photo.ts). */
export type { PreparedImage as PostPhotoFile } from "../../files/prepare-photo"

export type { PostVisibility, ReportReason, ModerationAction }
