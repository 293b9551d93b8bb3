import sharp from "sharp";
import { MODEL_INPUT_SIZE } from "../image/preprocess.ts";
import type { Box, GarmentRegion, RgbImage } from "./ports.ts";

/**
 * Margin around a region's box, as a share of the box's longer side: keeps the garment's edges
 * whole. The category head is trained on crops with this margin (scripts/train-category-head.ts).
 */
export const CROP_MARGIN = 0.06;
/**
 * Painted where a region's mask says "not the garment", and around the crop to make it square: a
 * light studio tone like the catalog photos' backdrops, so a garment cut out of a street photo
 * embeds like a product shot.
 */
export const NEUTRAL_BACKDROP: readonly [number, number, number] = [242, 240, 236];

type Rgb = readonly [number, number, number];

/** A region's pixels with the margin, outside its mask painted with the neutral backdrop; `fill` is what to letterbox it with. */
export function cropRegion(image: RgbImage, region: Pick<GarmentRegion, "box" | "mask">): { crop: RgbImage; fill: Rgb } {
  const { box, mask } = region;
  const m = CROP_MARGIN * Math.max(box.width * image.width, box.height * image.height);
  const left = clamp(Math.floor(box.x * image.width - m), 0, image.width - 1);
  const top = clamp(Math.floor(box.y * image.height - m), 0, image.height - 1);
  const right = clamp(Math.ceil((box.x + box.width) * image.width + m), left + 1, image.width);
  const bottom = clamp(Math.ceil((box.y + box.height) * image.height + m), top + 1, image.height);
  const width = right - left;
  const height = bottom - top;
  const data = new Uint8Array(width * height * 3);
  const [br, bg, bb] = NEUTRAL_BACKDROP;
  for (let y = 0; y < height; y += 1) {
    const row = (top + y) * image.width + left;
    data.set(image.data.subarray(row * 3, (row + width) * 3), y * width * 3);
    if (!mask) continue;
    for (let x = 0; x < width; x += 1) {
      if (mask[row + x]) continue;
      const o = (y * width + x) * 3;
      data[o] = br;
      data[o + 1] = bg;
      data[o + 2] = bb;
    }
  }
  const crop = { data, width, height };
  return { crop, fill: mask ? NEUTRAL_BACKDROP : borderColour(crop) };
}

/** The crop padded to a square with `fill` and scaled to the model input (lanczos3, as prepareImage scales). */
export async function letterboxToModelInput({ crop, fill }: { crop: RgbImage; fill: Rgb }): Promise<Uint8Array> {
  const side = Math.max(crop.width, crop.height);
  const padX = side - crop.width;
  const padY = side - crop.height;
  const square = await sharp(crop.data, { raw: { width: crop.width, height: crop.height, channels: 3 } })
    .extend({
      left: padX >> 1,
      right: padX - (padX >> 1),
      top: padY >> 1,
      bottom: padY - (padY >> 1),
      background: { r: fill[0], g: fill[1], b: fill[2] },
    })
    .raw()
    .toBuffer();
  const rgb = await sharp(square, { raw: { width: side, height: side, channels: 3 } })
    .resize(MODEL_INPUT_SIZE, MODEL_INPUT_SIZE, { fit: "fill", kernel: "lanczos3" })
    .raw()
    .toBuffer();
  return new Uint8Array(rgb.buffer, rgb.byteOffset, rgb.byteLength);
}

/** Mean colour of a crop's outermost pixels: an unmasked crop is letterboxed with its own surroundings. */
function borderColour(image: RgbImage): Rgb {
  const sum = [0, 0, 0];
  let n = 0;
  const add = (x: number, y: number) => {
    const o = (y * image.width + x) * 3;
    for (let c = 0; c < 3; c += 1) sum[c]! += image.data[o + c]!;
    n += 1;
  };
  for (let x = 0; x < image.width; x += 1) {
    add(x, 0);
    add(x, image.height - 1);
  }
  for (let y = 1; y < image.height - 1; y += 1) {
    add(0, y);
    add(image.width - 1, y);
  }
  return [Math.round(sum[0]! / n), Math.round(sum[1]! / n), Math.round(sum[2]! / n)];
}

function clamp(v: number, lo: number, hi: number): number {
  return Math.max(lo, Math.min(hi, v));
}

/** Smallest box holding both. */
export function unionBox(a: Box, b: Box): Box {
  const x = Math.min(a.x, b.x);
  const y = Math.min(a.y, b.y);
  return { x, y, width: Math.max(a.x + a.width, b.x + b.width) - x, height: Math.max(a.y + a.height, b.y + b.height) - y };
}

/** Pixels in either mask (null, "the whole box", wins: the union box is then taken whole). */
export function unionMask(a: Uint8Array | null, b: Uint8Array | null): Uint8Array | null {
  if (!a || !b) return null;
  const out = new Uint8Array(a.length);
  for (let i = 0; i < a.length; i += 1) out[i] = a[i] || b[i] ? 1 : 0;
  return out;
}
