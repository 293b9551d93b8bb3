import type { RgbImage } from "../describe/ports.ts";
import { connectedComponents, dilate, type Mask, type PixelBox } from "../describe/mask-ops.ts";
import { lookup, type Point, type SampledMap } from "./thin-plate-spline.ts";
import { colourClusters, colourDistance, nearestCentre, type Rgb } from "./colour-clusters.ts";

/**
 * Draws a warped garment onto the person: garment pixels are fetched through the body → garment
 * map, clipped to the person's (slightly grown) silhouette, kept behind the forearms, hands and face
 * (sleeves excepted: they are on the arms), shaded with the person's own light, and blended with
 * feathered edges.
 */

export interface CompositeInput {
  person: RgbImage;
  /** 0..1: where the garment may be drawn (the silhouette grown a little, with a soft edge). */
  clip: Float32Array;
  /** 0..1: where the person stays in front of the garment's body (forearms, hands, face); null: nowhere. */
  occlusion: Float32Array | null;
  garment: RgbImage;
  /** 0..1: the garment's cut-out, feathered, in the garment image's pixels. */
  garmentAlpha: Float32Array;
  /** Garment columns outside this span are sleeves, drawn over the occluders; null: no sleeves. */
  sleeveColumns: { x0: number; x1: number } | null;
  /** Body pixel → garment pixel, sampled over `box`. */
  map: SampledMap;
  /** The output region to fill (end-exclusive, inside the person image). */
  box: PixelBox;
  /** Blur radius of the person's luminance before it shades the garment (keeps folds, drops texture). */
  shadeRadius: number;
}

export interface Composite {
  image: RgbImage;
  /** The garment's final coverage over `box`, row-major (box width × box height). */
  alpha: Float32Array;
  box: PixelBox;
}

/** How much of the person's relative light reaches the garment (1: all of it). */
const SHADING_STRENGTH = 0.8;
/**
 * Bounds of the shading factor: the person's own clothes change the luminance too (a black top
 * beside bare arms), which is colour, not light; bounded, it darkens rather than blackens.
 */
const MIN_SHADE = 0.6;
const MAX_SHADE = 1.3;

export function compositeGarment(input: CompositeInput): Composite {
  const { person, garment, garmentAlpha, clip, occlusion, map, box, sleeveColumns } = input;
  const bw = box.x1 - box.x0;
  const bh = box.y1 - box.y0;
  const W = person.width;
  const gw = garment.width;
  const gh = garment.height;
  const alpha = new Float32Array(bw * bh);
  const colour = new Float32Array(bw * bh * 3);
  const src: Point = { x: 0, y: 0 };
  for (let y = 0; y < bh; y++) {
    for (let x = 0; x < bw; x++) {
      const px = box.x0 + x;
      const py = box.y0 + y;
      const c = clip[py * W + px]!;
      if (c <= 0) continue;
      lookup(map, px, py, src);
      if (src.x < 0 || src.y < 0 || src.x > gw - 1 || src.y > gh - 1) continue;
      const x0 = Math.floor(src.x);
      const y0 = Math.floor(src.y);
      const x1 = Math.min(gw - 1, x0 + 1);
      const y1 = Math.min(gh - 1, y0 + 1);
      const fx = src.x - x0;
      const fy = src.y - y0;
      const w00 = (1 - fx) * (1 - fy);
      const w10 = fx * (1 - fy);
      const w01 = (1 - fx) * fy;
      const w11 = fx * fy;
      const i00 = y0 * gw + x0;
      const i10 = y0 * gw + x1;
      const i01 = y1 * gw + x0;
      const i11 = y1 * gw + x1;
      const ga = garmentAlpha[i00]! * w00 + garmentAlpha[i10]! * w10 + garmentAlpha[i01]! * w01 + garmentAlpha[i11]! * w11;
      if (ga <= 0.01) continue;
      const sleeve = sleeveColumns !== null && (src.x < sleeveColumns.x0 - 2 || src.x > sleeveColumns.x1 + 1);
      const occluded = occlusion && !sleeve ? occlusion[py * W + px]! : 0;
      const a = ga * c * (1 - occluded);
      if (a <= 0.01) continue;
      const o = y * bw + x;
      alpha[o] = a;
      for (let ch = 0; ch < 3; ch++) {
        colour[o * 3 + ch] =
          garment.data[i00 * 3 + ch]! * w00 +
          garment.data[i10 * 3 + ch]! * w10 +
          garment.data[i01 * 3 + ch]! * w01 +
          garment.data[i11 * 3 + ch]! * w11;
      }
    }
  }

  const { ratio, strength } = personLight(person, box, alpha, input.shadeRadius);
  const out = new Uint8Array(person.data);
  for (let y = 0; y < bh; y++) {
    for (let x = 0; x < bw; x++) {
      const o = y * bw + x;
      const a = alpha[o]!;
      if (a <= 0) continue;
      const shade = Math.min(MAX_SHADE, Math.max(MIN_SHADE, 1 + strength[o]! * (ratio[o]! - 1)));
      const i = ((box.y0 + y) * W + box.x0 + x) * 3;
      for (let ch = 0; ch < 3; ch++) {
        const g = Math.min(255, colour[o * 3 + ch]! * shade);
        out[i + ch] = Math.round(person.data[i + ch]! * (1 - a) + g * a);
      }
    }
  }
  return { image: { data: out, width: W, height: person.height }, alpha, box };
}

/** Colours under the garment grouped into this many clusters before they are joined into materials. */
const LIGHT_CLUSTERS = 4;
/** Two clusters are one material under other light when their chromaticities are this close… */
const SAME_CHROMA = 0.03;
/** …and one is at most this many times as bright as the other (a black top beside a white skirt is two materials). */
const MAX_LIGHT_RATIO = 2;

/**
 * The person's light under the garment, per pixel of `box`: each pixel's luminance relative to the
 * mean of its material (the person's clothes and skin, told apart by colour), blurred. A black top
 * beside bare skin is colour, not light: relative to one mean over both it would print the top as a
 * dark patch on the garment. `strength` shades less under dark materials, where ratios are mostly noise.
 */
function personLight(person: RgbImage, box: PixelBox, alpha: Float32Array, radius: number): { ratio: Float32Array; strength: Float32Array } {
  const bw = box.x1 - box.x0;
  const bh = box.y1 - box.y0;
  const W = person.width;
  const colourAt = (o: number): Rgb => {
    const i = ((box.y0 + Math.floor(o / bw)) * W + box.x0 + (o % bw)) * 3;
    return [person.data[i]!, person.data[i + 1]!, person.data[i + 2]!];
  };
  const samples: Rgb[] = [];
  for (let o = 0; o < alpha.length; o += 3) if (alpha[o]! > 0) samples.push(colourAt(o));
  const ratio = new Float32Array(bw * bh).fill(1);
  const strength = new Float32Array(bw * bh);
  if (!samples.length) return { ratio, strength };
  const centres = colourClusters(samples, Math.min(LIGHT_CLUSTERS, samples.length)).map((c) => c.centre);
  const material = joinMaterials(centres);
  const luminance = (c: Rgb) => 0.299 * c[0] + 0.587 * c[1] + 0.114 * c[2];
  const of = new Int32Array(bw * bh).fill(-1);
  const sum = new Float64Array(centres.length);
  const weight = new Float64Array(centres.length);
  const light = new Float32Array(bw * bh);
  for (let o = 0; o < alpha.length; o++) {
    if (alpha[o]! <= 0) continue;
    const c = colourAt(o);
    const m = material[nearestCentre(c, centres)]!;
    of[o] = m;
    light[o] = luminance(c);
    sum[m] += alpha[o]! * light[o]!;
    weight[m] += alpha[o]!;
  }
  const meanOf = Array.from(sum, (v, m) => (weight[m]! > 0 ? v / weight[m]! : 128));
  for (let o = 0; o < alpha.length; o++) if (of[o]! >= 0) ratio[o] = light[o]! / Math.max(1, meanOf[of[o]!]!);
  const blurred = blurChannel(ratio, bw, bh, radius);
  for (let o = 0; o < alpha.length; o++) if (of[o]! >= 0) strength[o] = SHADING_STRENGTH * Math.min(1, meanOf[of[o]!]! / 40);
  return { ratio: blurred, strength };
}

/** Each cluster's material: clusters of one chromaticity whose brightness differs by at most MAX_LIGHT_RATIO are one (union-find). */
function joinMaterials(centres: Rgb[]): number[] {
  const parent = centres.map((_, i) => i);
  const root = (i: number): number => (parent[i] === i ? i : (parent[i] = root(parent[i]!)));
  const brightness = (c: Rgb) => c[0] + c[1] + c[2];
  // Near black, chromaticity is noise: dark colours count as grey.
  const chroma = (c: Rgb): Rgb => (brightness(c) < 120 ? [1 / 3, 1 / 3, 1 / 3] : [c[0] / brightness(c), c[1] / brightness(c), c[2] / brightness(c)]);
  for (let a = 0; a < centres.length; a++)
    for (let b = a + 1; b < centres.length; b++) {
      const [ca, cb] = [centres[a]!, centres[b]!];
      const ratio = Math.max(brightness(ca), brightness(cb)) / Math.max(1, Math.min(brightness(ca), brightness(cb)));
      if (colourDistance(chroma(ca), chroma(cb)) <= SAME_CHROMA && ratio <= MAX_LIGHT_RATIO) parent[root(a)] = root(b);
    }
  return centres.map((_, i) => root(i));
}

/** Separable box blur of one float channel (radius r, edges clamped). */
export function blurChannel(data: Float32Array, width: number, height: number, r: number): Float32Array {
  if (r <= 0 || width === 0 || height === 0) return Float32Array.from(data);
  const norm = 1 / (2 * r + 1);
  const tmp = new Float32Array(data.length);
  const out = new Float32Array(data.length);
  for (let y = 0; y < height; y++) {
    const base = y * width;
    let sum = 0;
    for (let i = -r; i <= r; i++) sum += data[base + Math.min(width - 1, Math.max(0, i))]!;
    for (let x = 0; x < width; x++) {
      tmp[base + x] = sum * norm;
      sum += data[base + Math.min(width - 1, x + r + 1)]! - data[base + Math.max(0, x - r)]!;
    }
  }
  for (let x = 0; x < width; x++) {
    let sum = 0;
    for (let i = -r; i <= r; i++) sum += tmp[Math.min(height - 1, Math.max(0, i)) * width + x]!;
    for (let y = 0; y < height; y++) {
      out[y * width + x] = sum * norm;
      sum += tmp[Math.min(height - 1, y + r + 1) * width + x]! - tmp[Math.max(0, y - r) * width + x]!;
    }
  }
  return out;
}

/** A binary mask grown by `grow` pixels, then given a soft edge `soften` pixels wide, as 0..1. */
export function softMask(mask: Mask, grow: number, soften: number): Float32Array {
  const grown = dilate(mask, grow);
  return blurChannel(Float32Array.from(grown.data), mask.width, mask.height, soften);
}

/**
 * The outline of the largest region where `alpha` > 0.5 (alpha over `box`), traced around its
 * boundary pixels (8-connected, clockwise in image coordinates), at most `maxPoints` points, in the
 * image's pixels.
 */
export function traceOutline(alpha: Float32Array, box: PixelBox, maxPoints = 200): Point[] {
  const width = box.x1 - box.x0;
  const height = box.y1 - box.y0;
  const data = new Uint8Array(width * height);
  for (let i = 0; i < data.length; i++) data[i] = alpha[i]! > 0.5 ? 1 : 0;
  const { labels, components } = connectedComponents({ data, width, height });
  if (!components.length) return [];
  const largest = components.reduce((a, b) => (b.area > a.area ? b : a)).label;
  const inside = (x: number, y: number) => x >= 0 && y >= 0 && x < width && y < height && labels[y * width + x] === largest;
  let start = labels.indexOf(largest);
  const sx = start % width;
  const sy = (start - sx) / width;
  // Moore neighbourhood, clockwise from west.
  const dirs = [
    [-1, 0],
    [-1, -1],
    [0, -1],
    [1, -1],
    [1, 0],
    [1, 1],
    [0, 1],
    [-1, 1],
  ] as const;
  const points: Point[] = [{ x: sx, y: sy }];
  let x = sx;
  let y = sy;
  let from = 0; // we entered the start from the west (raster order)
  const limit = 4 * width * height;
  for (let step = 0; step < limit; step++) {
    let moved = false;
    for (let k = 1; k <= 8; k++) {
      const d = (from + k) % 8;
      const nx = x + dirs[d]![0];
      const ny = y + dirs[d]![1];
      if (inside(nx, ny)) {
        x = nx;
        y = ny;
        // The next sweep starts just past the pixel we came from (radial sweep).
        from = (d + 4) % 8;
        moved = true;
        break;
      }
    }
    if (!moved || (x === sx && y === sy)) break;
    points.push({ x, y });
  }
  start = Math.max(1, Math.ceil(points.length / maxPoints));
  return points.filter((_, i) => i % start === 0).map((p) => ({ x: p.x + box.x0, y: p.y + box.y0 }));
}
