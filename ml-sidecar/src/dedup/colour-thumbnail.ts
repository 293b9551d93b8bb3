import type { Sharp } from "sharp";

/** Side of the colour thumbnail kept per indexed image: coarse enough that only the picture's colours and layout remain. */
export const COLOUR_THUMBNAIL_SIDE = 16;

/**
 * Largest mean absolute difference (0..255, over every channel of the thumbnails) at which two
 * pictures look the same to a shopper: two renders 3 levels apart on average are indistinguishable
 * side by side (the visual-search bench's definition of a near-identical pair).
 */
export const MAX_NEAR_IDENTICAL_DIFFERENCE = 3;

/**
 * 16×16 RGB thumbnail (768 bytes, row-major) of the whole upright picture, as a shopper sees it in a
 * result list (backdrop and all, squeezed to a square): pictures that look alike there are one.
 */
export async function colourThumbnail(picture: Sharp): Promise<Uint8Array> {
  const side = COLOUR_THUMBNAIL_SIDE;
  const data = await picture.resize(side, side, { fit: "fill", kernel: "lanczos3" }).removeAlpha().raw().toBuffer();
  return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
}

/** Mean absolute difference of two thumbnails of one size, 0..255. */
export function meanColourDifference(a: Uint8Array, b: Uint8Array): number {
  if (a.length !== b.length || !a.length) return Infinity;
  let total = 0;
  for (let i = 0; i < a.length; i += 1) total += Math.abs(a[i]! - b[i]!);
  return total / a.length;
}
