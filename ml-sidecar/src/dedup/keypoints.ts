import { rng } from "../util/rng.ts";

/**
 * Local keypoints for verifying near-duplicates that the global signals miss:
 * crops (the copy holds part of the original, magnified) and overlays (a logo
 * or text covers part of the copy). Upright FAST corners on an image pyramid,
 * each described by a 256-bit binary test pattern (BRIEF) on a smoothed patch;
 * two images match when many descriptors agree AND their positions fit one
 * scale + translation (a crop and a resize are exactly that), spread over the
 * overlap rather than piled on one word or logo (`extent`). No rotation invariance:
 * rotated copies are straightened in preprocessing, and mirrored copies are
 * matched against the mirrored image's keypoints.
 */

/** Bump when extraction or the stored format changes: stored keypoints of another version are made again. */
export const KEYPOINTS_VERSION = 2;
/** Bump when matching changes (the dedup benchmark's cache of match scores is keyed by it). */
export const KEYPOINT_MATCH_VERSION = 2;

const LEVELS = 4;
const LEVEL_SCALE = 1.3;
const MAX_KEYPOINTS = 256;
/** BRIEF patch radius (31×31 patch) plus the 2-pixel smoothing box. */
const PATCH_RADIUS = 15;
const BORDER = PATCH_RADIUS + 3;
/** Uint32 words per descriptor (256 bits). */
export const DESCRIPTOR_WORDS = 8;
const WORDS = DESCRIPTOR_WORDS;

/** An image's keypoints, and the same keypoints as they appear in its mirror image (for mirrored copies). */
export interface KeypointPair {
  upright: Keypoints;
  mirrored: Keypoints;
}

export interface Keypoints {
  /** Frame (the grey image) size. */
  width: number;
  height: number;
  count: number;
  /** Positions in frame pixels. */
  x: Float32Array;
  y: Float32Array;
  /** Pyramid scale of each keypoint's patch (1, 1.3, 1.69, …). */
  size: Float32Array;
  /** count × 8 words. */
  desc: Uint32Array;
}

/** 256 point pairs in a 31×31 patch, isotropic Gaussian (σ = patch/5), fixed seed. */
const PATTERN: Int8Array = (() => {
  const r = rng(20261122);
  const gauss = () => {
    const u = Math.max(1e-9, r());
    const v = r();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v) * (31 / 5);
  };
  const clip = (v: number) => Math.max(-PATCH_RADIUS + 2, Math.min(PATCH_RADIUS - 2, Math.round(v)));
  const out = new Int8Array(256 * 4);
  for (let i = 0; i < 256; i += 1) {
    out[i * 4] = clip(gauss());
    out[i * 4 + 1] = clip(gauss());
    out[i * 4 + 2] = clip(gauss());
    out[i * 4 + 3] = clip(gauss());
  }
  return out;
})();

/** Bresenham circle of radius 3 (FAST-9's ring), as (dx, dy). */
const RING = [
  [0, -3],
  [1, -3],
  [2, -2],
  [3, -1],
  [3, 0],
  [3, 1],
  [2, 2],
  [1, 3],
  [0, 3],
  [-1, 3],
  [-2, 2],
  [-3, 1],
  [-3, 0],
  [-3, -1],
  [-2, -2],
  [-1, -3],
] as const;

interface Level {
  img: Float32Array;
  w: number;
  h: number;
  scale: number;
}

function pyramid(grey: Uint8Array, w: number, h: number): Level[] {
  const base = Float32Array.from(grey);
  const levels: Level[] = [{ img: base, w, h, scale: 1 }];
  // One 3×3 smoothing of the base serves every level (enough against aliasing for factors ≤ 2.2).
  const smooth = boxSmooth(base, w, h, 1);
  for (let l = 1; l < LEVELS; l += 1) {
    const scale = LEVEL_SCALE ** l;
    const lw = Math.round(w / scale);
    const lh = Math.round(h / scale);
    if (Math.min(lw, lh) < 2 * BORDER + 8) break;
    levels.push({ img: sampleBilinear(smooth, w, h, lw, lh), w: lw, h: lh, scale });
  }
  return levels;
}

/** The source resampled to dw×dh at pixel centres, bilinearly. */
function sampleBilinear(src: Float32Array, sw: number, sh: number, dw: number, dh: number): Float32Array {
  const out = new Float32Array(dw * dh);
  const fx = sw / dw;
  const fy = sh / dh;
  for (let y = 0; y < dh; y += 1) {
    const sy = Math.min(sh - 1.001, Math.max(0, (y + 0.5) * fy - 0.5));
    const y0 = Math.floor(sy);
    const ty = sy - y0;
    for (let x = 0; x < dw; x += 1) {
      const sx = Math.min(sw - 1.001, Math.max(0, (x + 0.5) * fx - 0.5));
      const x0 = Math.floor(sx);
      const tx = sx - x0;
      const i = y0 * sw + x0;
      out[y * dw + x] = (src[i]! * (1 - tx) + src[i + 1]! * tx) * (1 - ty) + (src[i + sw]! * (1 - tx) + src[i + sw + 1]! * tx) * ty;
    }
  }
  return out;
}

/** Mean over a (2r+1)² box, edges clamped. */
function boxSmooth(src: Float32Array, w: number, h: number, r: number): Float32Array {
  const tmp = new Float32Array(w * h);
  const out = new Float32Array(w * h);
  const n = 2 * r + 1;
  for (let y = 0; y < h; y += 1) {
    for (let x = 0; x < w; x += 1) {
      let s = 0;
      for (let d = -r; d <= r; d += 1) s += src[y * w + Math.min(w - 1, Math.max(0, x + d))]!;
      tmp[y * w + x] = s / n;
    }
  }
  for (let y = 0; y < h; y += 1) {
    for (let x = 0; x < w; x += 1) {
      let s = 0;
      for (let d = -r; d <= r; d += 1) s += tmp[Math.min(h - 1, Math.max(0, y + d)) * w + x]!;
      out[y * w + x] = s / n;
    }
  }
  return out;
}

const ringDiff = new Float32Array(16);

/** FAST-9 score at (x, y): the summed contrast of the best arc of ≥ 9 ring pixels all brighter or all darker by > t; 0 if none. */
function fastScore(img: Float32Array, w: number, x: number, y: number, t: number): number {
  const at = y * w + x;
  const c = img[at]!;
  // Quick reject: a 9-arc covers at least two of the four compass points.
  const n = img[at - 3 * w]! - c;
  const e = img[at + 3]! - c;
  const so = img[at + 3 * w]! - c;
  const we = img[at - 3]! - c;
  const bright = (n > t ? 1 : 0) + (e > t ? 1 : 0) + (so > t ? 1 : 0) + (we > t ? 1 : 0);
  const dark = (n < -t ? 1 : 0) + (e < -t ? 1 : 0) + (so < -t ? 1 : 0) + (we < -t ? 1 : 0);
  if (bright < 2 && dark < 2) return 0;
  const d = ringDiff;
  for (let k = 0; k < 16; k += 1) d[k] = img[at + RING[k]![1] * w + RING[k]![0]]! - c;
  let best = 0;
  for (const sign of bright >= 2 ? (dark >= 2 ? [1, -1] : [1]) : [-1]) {
    let run = 0;
    let sum = 0;
    for (let k = 0; k < 16 + 9; k += 1) {
      const v = sign * d[k % 16]!;
      if (v > t) {
        run += 1;
        sum += v - t;
        if (run >= 9 && sum > best) best = sum;
        if (run >= 16) break;
      } else {
        run = 0;
        sum = 0;
      }
    }
  }
  return best;
}

/** Corners of one level: FAST score, 3×3 non-maximum suppression, best first. */
function levelCorners(level: Level, t: number): Array<{ x: number; y: number; score: number }> {
  const { img, w, h } = level;
  const score = new Float32Array(w * h);
  for (let y = BORDER; y < h - BORDER; y += 1) for (let x = BORDER; x < w - BORDER; x += 1) score[y * w + x] = fastScore(img, w, x, y, t);
  const out: Array<{ x: number; y: number; score: number }> = [];
  for (let y = BORDER; y < h - BORDER; y += 1) {
    for (let x = BORDER; x < w - BORDER; x += 1) {
      const s = score[y * w + x]!;
      if (s <= 0) continue;
      let max = true;
      for (let dy = -1; dy <= 1 && max; dy += 1) for (let dx = -1; dx <= 1; dx += 1) if ((dx || dy) && score[(y + dy) * w + x + dx]! > s) max = false;
      if (max) out.push({ x, y, score: s });
    }
  }
  return out.sort((a, b) => b.score - a.score);
}

/**
 * Keypoints of a grey image (row-major, 0–255), upright and mirrored. The
 * budget is shared across levels by area and spread over a 4×4 grid per level,
 * so a crop of any part of the image keeps keypoints of its own. The mirrored
 * set reuses the corners (FAST's ring is symmetric) with the test pattern mirrored.
 */
export function extractKeypoints(grey: Uint8Array, width: number, height: number): KeypointPair {
  const levels = pyramid(grey, width, height);
  const totalArea = levels.reduce((a, l) => a + l.w * l.h, 0);
  const xs: number[] = [];
  const ys: number[] = [];
  const sizes: number[] = [];
  const descs: Uint32Array[] = [];
  const mirroredDescs: Uint32Array[] = [];
  for (const level of levels) {
    const budget = Math.round((MAX_KEYPOINTS * level.w * level.h) / totalArea);
    let corners = levelCorners(level, 20);
    if (corners.length < budget) corners = levelCorners(level, 8);
    const cells = new Uint16Array(16);
    const perCell = Math.ceil(budget / 8); // a cell may take up to twice its share
    const smooth = boxSmooth(level.img, level.w, level.h, 2);
    let taken = 0;
    for (const c of corners) {
      if (taken >= budget) break;
      const cell = Math.min(3, Math.floor((c.x * 4) / level.w)) * 4 + Math.min(3, Math.floor((c.y * 4) / level.h));
      if (cells[cell]! >= perCell) continue;
      cells[cell]! += 1;
      taken += 1;
      // Pixel centres: x in a level maps to (x + 0.5) · scale − 0.5 in the frame.
      xs.push((c.x + 0.5) * level.scale - 0.5);
      ys.push((c.y + 0.5) * level.scale - 0.5);
      sizes.push(level.scale);
      descs.push(describe(smooth, level.w, c.x, c.y, 1));
      mirroredDescs.push(describe(smooth, level.w, c.x, c.y, -1));
    }
  }
  const pack = (ds: Uint32Array[]) => {
    const out = new Uint32Array(ds.length * WORDS);
    ds.forEach((d, i) => out.set(d, i * WORDS));
    return out;
  };
  const x = Float32Array.from(xs);
  const y = Float32Array.from(ys);
  const size = Float32Array.from(sizes);
  return {
    upright: { width, height, count: xs.length, x, y, size, desc: pack(descs) },
    mirrored: { width, height, count: xs.length, x: x.map((v) => width - 1 - v), y, size, desc: pack(mirroredDescs) },
  };
}

/** BRIEF bits at (x, y); `dir` −1 samples the pattern mirrored left-right (the descriptor of the mirror image's patch). */
function describe(smooth: Float32Array, w: number, x: number, y: number, dir: 1 | -1): Uint32Array {
  const out = new Uint32Array(WORDS);
  for (let i = 0; i < 256; i += 1) {
    const a = smooth[(y + PATTERN[i * 4 + 1]!) * w + x + dir * PATTERN[i * 4]!]!;
    const b = smooth[(y + PATTERN[i * 4 + 3]!) * w + x + dir * PATTERN[i * 4 + 2]!]!;
    if (a < b) out[i >> 5]! |= 1 << (i & 31);
  }
  return out;
}

/** Bits set in every 16-bit number: two lookups per descriptor word beat bit tricks in V8 (descriptor matching is the hot loop). */
const POP16 = (() => {
  const t = new Uint8Array(65536);
  for (let i = 1; i < 65536; i += 1) t[i] = (i & 1) + t[i >>> 1]!;
  return t;
})();

/** Hamming distance of the 256-bit descriptors at a[ai…ai+8) and b[bi…bi+8). */
export function descriptorDistance(a: Uint32Array, ai: number, b: Uint32Array, bi: number): number {
  let d = 0;
  for (let w = 0; w < WORDS; w += 1) {
    const x = a[ai + w]! ^ b[bi + w]!;
    d += POP16[x & 0xffff]! + POP16[x >>> 16]!;
  }
  return d;
}

export interface KeypointMatch {
  /** Matches that fit the best scale + translation. */
  inliers: number;
  /**
   * Area of the inliers' bounding box as a share of the region of `a` that maps inside `b`
   * (0–1): a shared word or logo matches in a small patch, a copy all over.
   */
  extent: number;
  /** b ≈ scale · a + (tx, ty), in frame pixels. */
  scale: number;
  tx: number;
  ty: number;
}

const NO_MATCH: KeypointMatch = { inliers: 0, extent: 0, scale: 1, tx: 0, ty: 0 };
/** Largest Hamming distance of a descriptor match (of 256 bits), and the nearest/second-nearest ratio. */
const MAX_DISTANCE = 70;
const RATIO = 0.85;
/** Inlier tolerance in b's frame pixels. */
const TOLERANCE = 4;

/** Mutual-best descriptor matches between a and b, then the scale + translation most of them agree on. */
function matchKeypoints(a: Keypoints, b: Keypoints): KeypointMatch {
  if (a.count < 3 || b.count < 3) return NO_MATCH;
  const pairs: Array<[number, number]> = [];
  const bestOfB = new Int32Array(b.count).fill(-1);
  const bestDistOfB = new Int32Array(b.count).fill(257);
  const ad = a.desc;
  const bd = b.desc;
  const bestOfA = new Int32Array(a.count).fill(-1);
  for (let i = 0; i < a.count; i += 1) {
    let d1 = 257;
    let d2 = 257;
    let j1 = -1;
    const ai = i * WORDS;
    // The hot loop: the query's 8 words held in locals, the distance unrolled.
    const a0 = ad[ai]!,
      a1 = ad[ai + 1]!,
      a2 = ad[ai + 2]!,
      a3 = ad[ai + 3]!;
    const a4 = ad[ai + 4]!,
      a5 = ad[ai + 5]!,
      a6 = ad[ai + 6]!,
      a7 = ad[ai + 7]!;
    for (let j = 0, bj = 0; j < b.count; j += 1, bj += WORDS) {
      const x0 = a0 ^ bd[bj]!,
        x1 = a1 ^ bd[bj + 1]!,
        x2 = a2 ^ bd[bj + 2]!,
        x3 = a3 ^ bd[bj + 3]!;
      const x4 = a4 ^ bd[bj + 4]!,
        x5 = a5 ^ bd[bj + 5]!,
        x6 = a6 ^ bd[bj + 6]!,
        x7 = a7 ^ bd[bj + 7]!;
      const d =
        POP16[x0 & 0xffff]! +
        POP16[x0 >>> 16]! +
        POP16[x1 & 0xffff]! +
        POP16[x1 >>> 16]! +
        POP16[x2 & 0xffff]! +
        POP16[x2 >>> 16]! +
        POP16[x3 & 0xffff]! +
        POP16[x3 >>> 16]! +
        POP16[x4 & 0xffff]! +
        POP16[x4 >>> 16]! +
        POP16[x5 & 0xffff]! +
        POP16[x5 >>> 16]! +
        POP16[x6 & 0xffff]! +
        POP16[x6 >>> 16]! +
        POP16[x7 & 0xffff]! +
        POP16[x7 >>> 16]!;
      if (d < d1) {
        d2 = d1;
        d1 = d;
        j1 = j;
      } else if (d < d2) d2 = d;
      if (d < bestDistOfB[j]!) {
        bestDistOfB[j] = d;
        bestOfB[j] = i;
      }
    }
    if (d1 <= MAX_DISTANCE && d1 < RATIO * d2) bestOfA[i] = j1;
  }
  for (let i = 0; i < a.count; i += 1) {
    const j = bestOfA[i]!;
    if (j >= 0 && bestOfB[j] === i) pairs.push([i, j]);
  }
  if (pairs.length < 3) return { ...NO_MATCH, inliers: pairs.length };
  // RANSAC over pairs of matches: two correspondences fix scale and translation.
  let best = NO_MATCH;
  const r = rng(pairs.length * 7919 + a.count);
  const tries = Math.min(400, (pairs.length * (pairs.length - 1)) / 2);
  for (let t = 0; t < tries; t += 1) {
    const p = pairs[Math.floor(r() * pairs.length)]!;
    const q = pairs[Math.floor(r() * pairs.length)]!;
    if (p === q) continue;
    const dax = a.x[q[0]]! - a.x[p[0]]!;
    const day = a.y[q[0]]! - a.y[p[0]]!;
    const dbx = b.x[q[1]]! - b.x[p[1]]!;
    const dby = b.y[q[1]]! - b.y[p[1]]!;
    const la = Math.hypot(dax, day);
    const lb = Math.hypot(dbx, dby);
    if (la < 8 || lb < 8) continue;
    // No rotation: the two displacement vectors must point the same way.
    if ((dax * dbx + day * dby) / (la * lb) < 0.98) continue;
    const scale = lb / la;
    if (scale < 0.35 || scale > 2.9) continue;
    const tx = b.x[p[1]]! - scale * a.x[p[0]]!;
    const ty = b.y[p[1]]! - scale * a.y[p[0]]!;
    let inliers = 0;
    for (const [i, j] of pairs) if (Math.hypot(scale * a.x[i]! + tx - b.x[j]!, scale * a.y[i]! + ty - b.y[j]!) <= TOLERANCE) inliers += 1;
    if (inliers > best.inliers) best = { ...NO_MATCH, inliers, scale, tx, ty };
  }
  if (best.inliers < 3) return best;
  return { ...best, extent: extent(a, b, pairs, best) };
}

/** The inliers' bounding box over the region of `a` that maps inside `b`, as a share of that region's area. */
function extent(a: Keypoints, b: Keypoints, pairs: Array<[number, number]>, m: KeypointMatch): number {
  const x0 = Math.max(0, -m.tx / m.scale);
  const y0 = Math.max(0, -m.ty / m.scale);
  const x1 = Math.min(a.width, (b.width - m.tx) / m.scale);
  const y1 = Math.min(a.height, (b.height - m.ty) / m.scale);
  if (x1 <= x0 || y1 <= y0) return 0;
  let [minX, minY, maxX, maxY] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const [i, j] of pairs) {
    if (Math.hypot(m.scale * a.x[i]! + m.tx - b.x[j]!, m.scale * a.y[i]! + m.ty - b.y[j]!) > TOLERANCE) continue;
    minX = Math.min(minX, a.x[i]!);
    maxX = Math.max(maxX, a.x[i]!);
    minY = Math.min(minY, a.y[i]!);
    maxY = Math.max(maxY, a.y[i]!);
  }
  return maxX > minX && maxY > minY ? Math.min(1, ((maxX - minX) * (maxY - minY)) / ((x1 - x0) * (y1 - y0))) : 0;
}

/** Best match of a query (either orientation) against stored upright keypoints. */
export function matchEitherOrientation(query: KeypointPair, stored: Keypoints): KeypointMatch {
  const upright = matchKeypoints(query.upright, stored);
  const mirrored = matchKeypoints(query.mirrored, stored);
  return mirrored.inliers > upright.inliers ? mirrored : upright;
}

const HEADER = 7;
const RECORD = 6 + WORDS * 4;

/** Compact binary form for storage: version, frame size, then per keypoint x, y, size (×64, u16) and 32 descriptor bytes. */
export function encodeKeypoints(k: Keypoints): Buffer {
  const buf = Buffer.alloc(HEADER + k.count * RECORD);
  buf.writeUInt8(KEYPOINTS_VERSION, 0);
  buf.writeUInt16LE(k.width, 1);
  buf.writeUInt16LE(k.height, 3);
  buf.writeUInt16LE(k.count, 5);
  for (let i = 0; i < k.count; i += 1) {
    const at = HEADER + i * RECORD;
    buf.writeUInt16LE(Math.round(k.x[i]! * 64), at);
    buf.writeUInt16LE(Math.round(k.y[i]! * 64), at + 2);
    buf.writeUInt16LE(Math.round(k.size[i]! * 64), at + 4);
    for (let wd = 0; wd < WORDS; wd += 1) buf.writeUInt32LE(k.desc[i * WORDS + wd]!, at + 6 + wd * 4);
  }
  return buf;
}

/** The stored keypoints, or null when they were written by another KEYPOINTS_VERSION (or are damaged). */
export function decodeKeypoints(buf: Uint8Array): Keypoints | null {
  const b = Buffer.from(buf.buffer, buf.byteOffset, buf.byteLength);
  if (b.length < HEADER || b.readUInt8(0) !== KEYPOINTS_VERSION) return null;
  const count = b.readUInt16LE(5);
  if (b.length !== HEADER + count * RECORD) return null;
  const x = new Float32Array(count);
  const y = new Float32Array(count);
  const size = new Float32Array(count);
  const desc = new Uint32Array(count * WORDS);
  for (let i = 0; i < count; i += 1) {
    const at = HEADER + i * RECORD;
    x[i] = b.readUInt16LE(at) / 64;
    y[i] = b.readUInt16LE(at + 2) / 64;
    size[i] = b.readUInt16LE(at + 4) / 64;
    for (let wd = 0; wd < WORDS; wd += 1) desc[i * WORDS + wd] = b.readUInt32LE(at + 6 + wd * 4);
  }
  return { width: b.readUInt16LE(1), height: b.readUInt16LE(3), count, x, y, size, desc };
}
