import type { Box } from "./ports.ts";

/**
 * Pixel and mask operations the garment detectors share: blur, binary morphology, hole filling,
 * connected components and prominence. Masks are one byte a pixel (1 set, 0 clear), row-major.
 */

export interface Mask {
  data: Uint8Array;
  width: number;
  height: number;
}

/** A box in pixels, end-exclusive. */
export interface PixelBox {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

export interface Component {
  /** Label in the label image (1-based). */
  label: number;
  area: number;
  box: PixelBox;
  /** Mean x and y of its pixels. */
  cx: number;
  cy: number;
}

/** Separable box blur of a packed RGB image (radius r, edges clamped), as floats. Both passes run along rows. */
export function boxBlurRgb(data: Uint8Array, width: number, height: number, r: number): Float32Array {
  const out = Float32Array.from(data);
  if (r <= 0) return out;
  const norm = 1 / (2 * r + 1);
  const rowLen = width * 3;
  const lastX = width - 1;
  const tmp = new Float32Array(out.length);
  for (let y = 0; y < height; y++) {
    const base = y * rowLen;
    for (let c = 0; c < 3; c++) {
      const o = base + c;
      let sum = 0;
      for (let i = -r; i <= r; i++) sum += out[o + (i < 0 ? 0 : i > lastX ? lastX : i) * 3]!;
      for (let x = 0; x < width; x++) {
        tmp[o + x * 3] = sum * norm;
        const add = x + r + 1;
        const sub = x - r;
        sum += out[o + (add > lastX ? lastX : add) * 3]! - out[o + (sub < 0 ? 0 : sub) * 3]!;
      }
    }
  }
  // Vertical: a running sum per column, rows clamped at the edges.
  const sums = new Float64Array(rowLen);
  const lastY = height - 1;
  for (let i = -r; i <= r; i++) {
    const row = (i < 0 ? 0 : i > lastY ? lastY : i) * rowLen;
    for (let k = 0; k < rowLen; k++) sums[k]! += tmp[row + k]!;
  }
  for (let y = 0; y < height; y++) {
    const base = y * rowLen;
    for (let k = 0; k < rowLen; k++) out[base + k] = sums[k]! * norm;
    const add = (y + r + 1 > lastY ? lastY : y + r + 1) * rowLen;
    const sub = (y - r < 0 ? 0 : y - r) * rowLen;
    for (let k = 0; k < rowLen; k++) sums[k]! += tmp[add + k]! - tmp[sub + k]!;
  }
  return out;
}

/**
 * Dilation (grow = true) or erosion with a (2r+1)² square, separably, both passes along rows. Outside
 * the image counts as clear for dilation and as set for erosion (a shape is not eroded from the frame).
 */
function morph(mask: Mask, r: number, grow: boolean): Mask {
  const { width, height, data } = mask;
  const full = 2 * r + 1;
  const tmp = new Uint8Array(data.length);
  const prefix = new Int32Array(width + 1);
  for (let y = 0; y < height; y++) {
    const base = y * width;
    for (let x = 0; x < width; x++) prefix[x + 1] = prefix[x]! + data[base + x]!;
    for (let x = 0; x < width; x++) {
      const lo = x - r < 0 ? 0 : x - r;
      const hi = x + r + 1 > width ? width : x + r + 1;
      const set = prefix[hi]! - prefix[lo]!;
      tmp[base + x] = grow ? (set > 0 ? 1 : 0) : set + full - (hi - lo) === full ? 1 : 0;
    }
  }
  const out = new Uint8Array(data.length);
  const counts = new Int32Array(width);
  for (let y = 0; y <= r && y < height; y++) for (let x = 0; x < width; x++) counts[x]! += tmp[y * width + x]!;
  for (let y = 0; y < height; y++) {
    const lo = y - r < 0 ? 0 : y - r;
    const hi = y + r + 1 > height ? height : y + r + 1;
    const outside = full - (hi - lo);
    const base = y * width;
    for (let x = 0; x < width; x++) out[base + x] = grow ? (counts[x]! > 0 ? 1 : 0) : counts[x]! + outside === full ? 1 : 0;
    if (y + r + 1 < height) for (let x = 0, row = (y + r + 1) * width; x < width; x++) counts[x]! += tmp[row + x]!;
    if (y - r >= 0) for (let x = 0, row = (y - r) * width; x < width; x++) counts[x]! -= tmp[row + x]!;
  }
  return { data: out, width, height };
}

export const dilate = (mask: Mask, r: number): Mask => (r > 0 ? morph(mask, r, true) : mask);
export const erode = (mask: Mask, r: number): Mask => (r > 0 ? morph(mask, r, false) : mask);
/** Removes specks and hairlines thinner than 2r+1. */
export const open = (mask: Mask, r: number): Mask => dilate(erode(mask, r), r);
/** Bridges gaps narrower than 2r+1. */
export const close = (mask: Mask, r: number): Mask => erode(dilate(mask, r), r);

/** Sets every clear pixel that the frame cannot reach through clear pixels (holes inside shapes). */
export function fillHoles(mask: Mask): Mask {
  const { width, height, data } = mask;
  const reached = new Uint8Array(data.length);
  const stack = new Int32Array(data.length);
  let top = 0;
  const seed = (i: number) => {
    if (!data[i] && !reached[i]) {
      reached[i] = 1;
      stack[top++] = i;
    }
  };
  for (let x = 0; x < width; x++) {
    seed(x);
    seed((height - 1) * width + x);
  }
  for (let y = 0; y < height; y++) {
    seed(y * width);
    seed(y * width + width - 1);
  }
  const end = data.length - width;
  while (top > 0) {
    const i = stack[--top]!;
    const x = i % width;
    if (x > 0 && !data[i - 1] && !reached[i - 1]) {
      reached[i - 1] = 1;
      stack[top++] = i - 1;
    }
    if (x < width - 1 && !data[i + 1] && !reached[i + 1]) {
      reached[i + 1] = 1;
      stack[top++] = i + 1;
    }
    if (i >= width && !data[i - width] && !reached[i - width]) {
      reached[i - width] = 1;
      stack[top++] = i - width;
    }
    if (i < end && !data[i + width] && !reached[i + width]) {
      reached[i + width] = 1;
      stack[top++] = i + width;
    }
  }
  const out = new Uint8Array(data.length);
  for (let i = 0; i < data.length; i++) out[i] = data[i] || !reached[i] ? 1 : 0;
  return { data: out, width, height };
}

/**
 * Grows 8-connected regions from the first `top` pixel indices on `stack` (room for every pixel):
 * `take(j)` says whether neighbour j joins, and marks it as taken when it does; `visit` sees each
 * pixel as it is grown from.
 */
export function grow8(
  stack: Int32Array,
  top: number,
  width: number,
  height: number,
  take: (j: number) => boolean,
  visit?: (x: number, y: number) => void,
): void {
  while (top > 0) {
    const i = stack[--top]!;
    const x = i % width;
    const y = (i - x) / width;
    visit?.(x, y);
    for (let dy = -1; dy <= 1; dy++) {
      const ny = y + dy;
      if (ny < 0 || ny >= height) continue;
      for (let dx = -1; dx <= 1; dx++) {
        const nx = x + dx;
        if (nx < 0 || nx >= width) continue;
        const j = ny * width + nx;
        if (take(j)) stack[top++] = j;
      }
    }
  }
}

/** Labels the 8-connected components of a mask. */
export function connectedComponents(mask: Mask): { labels: Int32Array; components: Component[] } {
  const { width, height, data } = mask;
  const labels = new Int32Array(data.length);
  const components: Component[] = [];
  const stack = new Int32Array(data.length);
  for (let start = 0; start < data.length; start++) {
    if (!data[start] || labels[start]) continue;
    const label = components.length + 1;
    let area = 0,
      sx = 0,
      sy = 0,
      x0 = width,
      y0 = height,
      x1 = 0,
      y1 = 0;
    labels[start] = label;
    stack[0] = start;
    grow8(
      stack,
      1,
      width,
      height,
      (j) => {
        if (!data[j] || labels[j]) return false;
        labels[j] = label;
        return true;
      },
      (x, y) => {
        area++;
        sx += x;
        sy += y;
        if (x < x0) x0 = x;
        if (x >= x1) x1 = x + 1;
        if (y < y0) y0 = y;
        if (y >= y1) y1 = y + 1;
      },
    );
    components.push({ label, area, box: { x0, y0, x1, y1 }, cx: sx / area, cy: sy / area });
  }
  return { labels, components };
}

/** The pixels of some labels as one mask. */
export function maskOfLabels(labels: Int32Array, wanted: Set<number>, width: number, height: number): Mask {
  const data = new Uint8Array(labels.length);
  for (let i = 0; i < labels.length; i++) if (wanted.has(labels[i]!)) data[i] = 1;
  return { data, width, height };
}

export function toFractionBox(box: PixelBox, width: number, height: number): Box {
  return { x: box.x0 / width, y: box.y0 / height, width: (box.x1 - box.x0) / width, height: (box.y1 - box.y0) / height };
}

export function unionBox(a: PixelBox, b: PixelBox): PixelBox {
  return { x0: Math.min(a.x0, b.x0), y0: Math.min(a.y0, b.y0), x1: Math.max(a.x1, b.x1), y1: Math.max(a.y1, b.y1) };
}

export function boxArea(b: PixelBox): number {
  return Math.max(0, b.x1 - b.x0) * Math.max(0, b.y1 - b.y0);
}

export function intersectionArea(a: PixelBox, b: PixelBox): number {
  return boxArea({ x0: Math.max(a.x0, b.x0), y0: Math.max(a.y0, b.y0), x1: Math.min(a.x1, b.x1), y1: Math.min(a.y1, b.y1) });
}

/** Pixels between two boxes (0 when they touch or overlap). */
export function boxGap(a: PixelBox, b: PixelBox): number {
  const dx = Math.max(0, a.x0 - b.x1, b.x0 - a.x1);
  const dy = Math.max(0, a.y0 - b.y1, b.y0 - a.y1);
  return Math.hypot(dx, dy);
}

/** The tight box of the set pixels of a mask inside `within`, or null when none is set. */
export function maskBox(mask: Mask, within: PixelBox = { x0: 0, y0: 0, x1: mask.width, y1: mask.height }): PixelBox | null {
  let x0 = within.x1,
    y0 = within.y1,
    x1 = -1,
    y1 = -1;
  for (let y = within.y0; y < within.y1; y++) {
    for (let x = within.x0; x < within.x1; x++) {
      if (!mask.data[y * mask.width + x]) continue;
      if (x < x0) x0 = x;
      if (x > x1) x1 = x;
      if (y < y0) y0 = y;
      if (y > y1) y1 = y;
    }
  }
  return x1 < 0 ? null : { x0, y0, x1: x1 + 1, y1: y1 + 1 };
}

/**
 * How much a region stands out, 0..1: mostly its share of the photo (square-rooted, so a garment a
 * quarter of the photo scores 0.5 on area alone), partly how central it is.
 */
export function prominence(box: Box, areaFraction: number): number {
  const dx = box.x + box.width / 2 - 0.5;
  const dy = box.y + box.height / 2 - 0.5;
  const centrality = 1 - Math.min(1, Math.hypot(dx, dy) / Math.SQRT1_2);
  const area = Math.min(1, Math.sqrt(Math.max(0, areaFraction)));
  return Math.round(Math.min(1, 0.75 * area + 0.25 * centrality) * 1000) / 1000;
}

/** A cell map spread over an image of width×height (bilinear between cell centres), clamped to 0..1. */
export function spreadCellMap(map: { shares: Float32Array; rows: number; cols: number }, width: number, height: number): Float32Array {
  const { shares, rows, cols } = map;
  const out = new Float32Array(width * height);
  for (let y = 0; y < height; y++) {
    const fy = Math.min(rows - 1, Math.max(0, ((y + 0.5) / height) * rows - 0.5));
    const y0 = Math.floor(fy);
    const y1 = Math.min(rows - 1, y0 + 1);
    const ty = fy - y0;
    for (let x = 0; x < width; x++) {
      const fx = Math.min(cols - 1, Math.max(0, ((x + 0.5) / width) * cols - 0.5));
      const x0 = Math.floor(fx);
      const x1 = Math.min(cols - 1, x0 + 1);
      const tx = fx - x0;
      const top = shares[y0 * cols + x0]! * (1 - tx) + shares[y0 * cols + x1]! * tx;
      const bottom = shares[y1 * cols + x0]! * (1 - tx) + shares[y1 * cols + x1]! * tx;
      out[y * width + x] = Math.min(1, Math.max(0, top * (1 - ty) + bottom * ty));
    }
  }
  return out;
}
