import { MODEL_INPUT_SIZE } from "../image/preprocess.ts";

/** Side of the colour thumbnail kept per indexed image: coarse enough that only the picture's colours and layout remain. */
export const COLOUR_THUMBNAIL_SIDE = 16;

/**
 * Largest mean absolute difference (0..255, over every channel of the thumbnails) at which two
 * pictures look the same to a shopper: two renders 3 levels apart on average are indistinguishable
 * side by side (the visual-search bench's definition of a near-identical pair).
 */
export const MAX_NEAR_IDENTICAL_DIFFERENCE = 3;

/** 16×16 RGB thumbnail (768 bytes, row-major) of a 224×224 model input: the mean of each 14×14 block. */
export function colourThumbnail(rgb: Uint8Array): Uint8Array {
  const side = COLOUR_THUMBNAIL_SIDE;
  const block = MODEL_INPUT_SIZE / side;
  const sum = new Float64Array(side * side * 3);
  for (let y = 0; y < MODEL_INPUT_SIZE; y += 1) {
    const row = Math.floor(y / block) * side;
    for (let x = 0; x < MODEL_INPUT_SIZE; x += 1) {
      const i = (y * MODEL_INPUT_SIZE + x) * 3;
      const o = (row + Math.floor(x / block)) * 3;
      sum[o] += rgb[i]!;
      sum[o + 1] += rgb[i + 1]!;
      sum[o + 2] += rgb[i + 2]!;
    }
  }
  return Uint8Array.from(sum, (v) => Math.round(v / (block * block)));
}

/** Mean absolute difference of two thumbnails of one size, 0..255. */
export function meanColourDifference(a: Uint8Array, b: Uint8Array): number {
  if (a.length !== b.length || !a.length) return Infinity;
  let total = 0;
  for (let i = 0; i < a.length; i += 1) total += Math.abs(a[i]! - b[i]!);
  return total / a.length;
}
