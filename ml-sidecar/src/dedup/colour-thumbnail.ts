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

/**
 * Largest subjectColourDistance at which two pictures that hash alike and embed alike still fold into
 * one search hit. Chosen on the demo catalog's training products (the visual-search bench photographs
 * the others): of their pictures of different products that the hash and the embedding call one
 * picture (18 pairs), the 4 of one colour lie at 0.02–0.11 and the 14 of two colours (Black beside
 * Navy, Burgundy beside Rust) at 0.18 and more. Their front views as JPEG q40, at half size and
 * cropped by 2 % lie at 0.08 or less; 8 % brighter or darker at 0.06 or less but for Mustard (up to 0.24).
 */
export const MAX_FOLD_COLOUR_DISTANCE = 0.14;
/** A thumbnail pixel counts fully as subject from this mean difference to the border's colour (0..255), not at all below SUBJECT_MIN_DIFFERENCE. */
const SUBJECT_FULL_DIFFERENCE = 40;
const SUBJECT_MIN_DIFFERENCE = 10;
/** Fewer subject pixels than this (a plain picture, or a subject in the backdrop's colour): no colour to compare. */
const MIN_SUBJECT_PIXELS = 4;

/**
 * The colour of a thumbnail's subject relative to its border (the backdrop, in a product shot): per
 * channel, the log of the subject's mean over the border's median (a garment that reaches the edge
 * does not shift it). A picture taken again brighter, darker, smaller or cropped keeps it; the same
 * silhouette in another colour does not. Null when the picture has no subject apart from its border.
 */
function subjectColour(thumbnail: Uint8Array): [number, number, number] | null {
  const side = COLOUR_THUMBNAIL_SIDE;
  const ring: number[][] = [[], [], []];
  for (let y = 0; y < side; y++) {
    for (let x = 0; x < side; x++) {
      if (x > 0 && y > 0 && x < side - 1 && y < side - 1) continue;
      for (let c = 0; c < 3; c++) ring[c]!.push(thumbnail[(y * side + x) * 3 + c]!);
    }
  }
  const border = ring.map((values) => values.sort((p, q) => p - q)[values.length >> 1]!);
  const subject = [0, 0, 0];
  let weight = 0;
  for (let i = 0; i < side * side; i++) {
    const p = i * 3;
    const difference =
      (Math.abs(thumbnail[p]! - border[0]!) + Math.abs(thumbnail[p + 1]! - border[1]!) + Math.abs(thumbnail[p + 2]! - border[2]!)) / 3;
    const w = Math.max(0, Math.min(1, (difference - SUBJECT_MIN_DIFFERENCE) / (SUBJECT_FULL_DIFFERENCE - SUBJECT_MIN_DIFFERENCE)));
    for (let c = 0; c < 3; c++) subject[c]! += w * thumbnail[p + c]!;
    weight += w;
  }
  if (weight < MIN_SUBJECT_PIXELS) return null;
  return [0, 1, 2].map((c) => Math.log((subject[c]! / weight + 1) / (border[c]! + 1))) as [number, number, number];
}

/**
 * How far apart two thumbnails' subjects are in colour, each against its own border: the largest
 * per-channel difference of subjectColour. 0 when either has no subject to compare.
 */
export function subjectColourDistance(a: Uint8Array, b: Uint8Array): number {
  if (a.length !== COLOUR_THUMBNAIL_SIDE ** 2 * 3 || b.length !== a.length) return 0;
  const [sa, sb] = [subjectColour(a), subjectColour(b)];
  if (!sa || !sb) return 0;
  return Math.max(...sa.map((v, c) => Math.abs(v - sb[c]!)));
}
