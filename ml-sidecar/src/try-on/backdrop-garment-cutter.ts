import type { RgbImage } from "../describe/ports.ts";
import { separateBackdrop } from "../describe/backdrop-garment-detector.ts";
import { connectedComponents, fillHoles, grow8, type Mask } from "../describe/mask-ops.ts";
import type { GarmentCutter } from "./ports.ts";

/** A shadow is the backdrop darkened to this share of its light, at most (and not below the lower bound). */
const SHADOW_MAX_LIGHT = 0.97;
const SHADOW_MIN_LIGHT = 0.55;
/** …with the backdrop's own hue: each channel within this of the darkened backdrop colour. */
const SHADOW_TOLERANCE = 7;
/** Peeling more than this share of the garment means the garment itself is backdrop-coloured: keep it whole. */
const MAX_PEELED_SHARE = 0.25;

/**
 * The GarmentCutter for product shots on a plain backdrop: the describe service's backdrop
 * separation (a smooth model of the border's colour; what differs from it is foreground), its
 * largest object, with the drop shadow peeled off its outside (pixels that are the backdrop's
 * colour darkened, reached from outside the garment through such pixels) and holes filled.
 */
export class BackdropGarmentCutter implements GarmentCutter {
  cut(image: RgbImage): Mask | null {
    const separation = separateBackdrop(image);
    const largest = separation.clean ? separation.objects[0] : undefined;
    if (!largest || largest.area < 0.02 * image.width * image.height) return null;
    return fillHoles(largestPart(peelShadow(image, largest.mask)));
  }
}

function peelShadow(image: RgbImage, mask: Mask): Mask {
  const { width, height } = mask;
  const backdrop = borderColour(image);
  const light = backdrop[0] + backdrop[1] + backdrop[2];
  if (light < 60) return mask;
  const shadowLike = (i: number) => {
    const r = image.data[i * 3]!;
    const g = image.data[i * 3 + 1]!;
    const b = image.data[i * 3 + 2]!;
    const ratio = (r + g + b) / light;
    if (ratio < SHADOW_MIN_LIGHT || ratio > SHADOW_MAX_LIGHT) return false;
    return (
      Math.abs(r - ratio * backdrop[0]) <= SHADOW_TOLERANCE &&
      Math.abs(g - ratio * backdrop[1]) <= SHADOW_TOLERANCE &&
      Math.abs(b - ratio * backdrop[2]) <= SHADOW_TOLERANCE
    );
  };
  const peeled = new Uint8Array(width * height);
  const stack = new Int32Array(width * height);
  let top = 0;
  // Seeds: shadow-like garment pixels that touch the outside.
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = y * width + x;
      if (!mask.data[i] || !shadowLike(i)) continue;
      const edge =
        x === 0 ||
        y === 0 ||
        x === width - 1 ||
        y === height - 1 ||
        !mask.data[i - 1] ||
        !mask.data[i + 1] ||
        !mask.data[i - width] ||
        !mask.data[i + width];
      if (edge) {
        peeled[i] = 1;
        stack[top++] = i;
      }
    }
  }
  let count = top;
  grow8(stack, top, width, height, (j) => {
    if (peeled[j] || !mask.data[j] || !shadowLike(j)) return false;
    peeled[j] = 1;
    count++;
    return true;
  });
  const area = mask.data.reduce((s, v) => s + v, 0);
  if (count > MAX_PEELED_SHARE * area) return mask;
  const data = new Uint8Array(width * height);
  for (let i = 0; i < data.length; i++) data[i] = mask.data[i] && !peeled[i] ? 1 : 0;
  return { data, width, height };
}

/** The per-channel median of a band along the image's border. */
function borderColour(image: RgbImage): [number, number, number] {
  const { width, height } = image;
  const band = Math.max(2, Math.round(Math.min(width, height) * 0.02));
  const channels: number[][] = [[], [], []];
  for (let y = 0; y < height; y += 2) {
    for (let x = 0; x < width; x += 2) {
      if (x >= band && y >= band && x < width - band && y < height - band) continue;
      const i = (y * width + x) * 3;
      for (let c = 0; c < 3; c++) channels[c]!.push(image.data[i + c]!);
    }
  }
  return channels.map((v) => v.sort((a, b) => a - b)[v.length >> 1] ?? 0) as [number, number, number];
}

function largestPart(mask: Mask): Mask {
  const { labels, components } = connectedComponents(mask);
  if (components.length <= 1) return mask;
  const keep = components.reduce((a, b) => (b.area > a.area ? b : a)).label;
  const data = new Uint8Array(labels.length);
  for (let i = 0; i < data.length; i++) if (labels[i] === keep) data[i] = 1;
  return { data, width: mask.width, height: mask.height };
}
