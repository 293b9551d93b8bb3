import { MODEL_INPUT_SIZE } from "../image/preprocess.ts";

/**
 * Geometric verification for near-duplicates that a global descriptor misses:
 * off-centre crops (the copy is a window of the original, squashed to a square)
 * and the transformations on top of them. Each image keeps a small grey
 * thumbnail of its prepared pixels (its "layout"); two layouts match when one,
 * placed as a window of 60–100% of each side of the other (coarse grid; the
 * fine stage may go smaller) at the best position and in either mirror
 * orientation, correlates with it. Zero-mean normalised
 * correlation ignores brightness, contrast and colour, so recoloured, greyscale,
 * re-encoded or blurred crops still match. Cost: a few ms per pair, so it only
 * verifies candidates found by hash or embedding.
 */

/** Bump when the matching changes (benchmark caches of layout scores are keyed by it). */
export const LAYOUT_MATCH_VERSION = 5;

/** Side of the stored thumbnail (224 / 4: exact 4×4 box averages). */
export const LAYOUT_SIDE = 56;
/** Side of the coarse search grid. */
const COARSE = 16;
/** Window sizes tried in the coarse stage, as fractions of each side; the fine stage adjusts them. */
const FRACTIONS = [0.6, 0.7, 0.8, 0.9, 1];
/**
 * Pairs whose best coarse placement correlates below this are rejected without
 * the fine stage (score 0): the coarse grid is smoother than the thumbnail, so
 * its scores run higher than the fine ones (crops: ~0.95–0.99 coarse).
 */
const COARSE_GATE = 0.8;
/** The fine stage's search samples every SEARCH_STRIDE-th thumbnail pixel; its final score uses all of them. */
const SEARCH_STRIDE = 4;

/** 56×56 luma (0–255) of prepared 224×224 RGB pixels. */
export function layoutThumbnail(rgb: Uint8Array): Uint8Array {
  const block = MODEL_INPUT_SIZE / LAYOUT_SIDE;
  const sum = new Float64Array(LAYOUT_SIDE * LAYOUT_SIDE);
  for (let y = 0; y < MODEL_INPUT_SIZE; y += 1) {
    const row = Math.floor(y / block) * LAYOUT_SIDE;
    for (let x = 0; x < MODEL_INPUT_SIZE; x += 1) {
      const i = (y * MODEL_INPUT_SIZE + x) * 3;
      sum[row + Math.floor(x / block)]! += 0.299 * rgb[i]! + 0.587 * rgb[i + 1]! + 0.114 * rgb[i + 2]!;
    }
  }
  return Uint8Array.from(sum, (v) => Math.round(v / (block * block)));
}

/** A thumbnail with everything the search needs precomputed (reuse it across pairs). */
export interface PreparedLayout {
  /** Full-resolution pixels as is and mirrored, for the fine stage. */
  full: Float32Array;
  fullMirror: Float32Array;
  /** The image as a zero-mean unit template at full resolution, or null if flat. */
  template: Float32Array | null;
  /** Coarse pixels and summed-area tables, as is and mirrored (where the other image is searched). */
  coarse: Float32Array;
  coarseIntegrals: Integrals;
  coarseMirror: Float32Array;
  coarseMirrorIntegrals: Integrals;
  /** The image squashed to every window size tried, zero-mean unit (null if flat). */
  windows: Array<{ tw: number; th: number; t: Float32Array | null }>;
}

export function prepareLayout(thumbnail: Uint8Array): PreparedLayout {
  const S = LAYOUT_SIDE;
  const full = Float32Array.from(thumbnail);
  const fullMirror = mirror(full, S);
  const coarse = resizeArea(full, S, S, COARSE, COARSE);
  const coarseMirror = mirror(coarse, COARSE);
  const windows: PreparedLayout["windows"] = [];
  for (const fw of FRACTIONS) {
    for (const fh of FRACTIONS) {
      const tw = Math.round(fw * COARSE);
      const th = Math.round(fh * COARSE);
      windows.push({ tw, th, t: zeroMeanUnit(resizeArea(full, S, S, tw, th)) });
    }
  }
  return {
    full,
    fullMirror,
    template: zeroMeanUnit(full),
    coarse,
    coarseIntegrals: integrals(coarse, COARSE),
    coarseMirror,
    coarseMirrorIntegrals: integrals(coarseMirror, COARSE),
    windows,
  };
}

/**
 * Best normalised correlation (0…1) between a and b over "one is a window of
 * the other" placements, both ways round and both mirror orientations.
 */
export function layoutMatchScore(a: PreparedLayout | Uint8Array, b: PreparedLayout | Uint8Array): number {
  const pa = a instanceof Uint8Array ? prepareLayout(a) : a;
  const pb = b instanceof Uint8Array ? prepareLayout(b) : b;
  // Coarse: every placement of each image in the other (and in its mirror); fine: only the best one.
  const candidates = [coarseMatch(pa, pb, false), coarseMatch(pa, pb, true), coarseMatch(pb, pa, false), coarseMatch(pb, pa, true)].sort(
    (x, y) => y.score - x.score,
  );
  // The fine stage often reorders close coarse scores: refine the best two.
  return Math.max(
    0,
    ...candidates
      .slice(0, 2)
      .filter((c) => c.score >= COARSE_GATE)
      .map(fineMatch),
  );
}

interface Placement {
  big: PreparedLayout;
  small: PreparedLayout;
  mirrored: boolean;
  score: number;
  /** Window of `big` (coarse cells). */
  x: number;
  y: number;
  w: number;
  h: number;
}

/** Best placement of `small` (a whole image) as a window of `big` (or of big's mirror image), on the coarse grid. */
function coarseMatch(big: PreparedLayout, small: PreparedLayout, mirrored: boolean): Placement {
  const bigC = mirrored ? big.coarseMirror : big.coarse;
  const integral = mirrored ? big.coarseMirrorIntegrals : big.coarseIntegrals;
  const best: Placement = { big, small, mirrored, score: -2, x: 0, y: 0, w: COARSE, h: COARSE };
  for (const { tw, th, t } of small.windows) {
    if (!t) continue;
    for (let oy = 0; oy + th <= COARSE; oy += 1) {
      for (let ox = 0; ox + tw <= COARSE; ox += 1) {
        const score = ncc(bigC, COARSE, integral, t, tw, th, ox, oy);
        if (score > best.score) Object.assign(best, { score, x: ox, y: oy, w: tw, h: th });
      }
    }
  }
  return best;
}

/**
 * Coordinate descent on the window's edges (full thumbnail pixels) from the
 * coarse placement: one edge at a time, or the whole window shifted.
 */
function fineMatch(p: Placement): number {
  if (!p.small.template) return -1;
  const S = LAYOUT_SIDE;
  const img = p.mirrored ? p.big.fullMirror : p.big.full;
  const scale = S / COARSE;
  // [left, top, right, bottom]
  let edges = [p.x * scale, p.y * scale, (p.x + p.w) * scale, (p.y + p.h) * scale];
  const score = (e: number[], stride: number) => sampledNcc(img, p.small.template!, [e[0]!, e[1]!, e[2]! - e[0]!, e[3]! - e[1]!], stride);
  const fits = (e: number[]) =>
    e[0]! >= -0.5 && e[1]! >= -0.5 && e[2]! <= S + 0.5 && e[3]! <= S + 0.5 && e[2]! - e[0]! >= S * 0.4 && e[3]! - e[1]! >= S * 0.4;
  const moves: number[][] = [
    [1, 0, 0, 0],
    [0, 1, 0, 0],
    [0, 0, 1, 0],
    [0, 0, 0, 1],
    [1, 0, 1, 0],
    [0, 1, 0, 1],
  ];
  let best = score(edges, SEARCH_STRIDE);
  for (const step of [4, 2, 1, 0.5]) {
    for (let round = 0; round < 4; round += 1) {
      let improved = false;
      for (const m of moves) {
        for (const sign of [-1, 1]) {
          const next = edges.map((e, i) => e + sign * step * m[i]!);
          if (!fits(next)) continue;
          const sc = score(next, step >= 1 ? SEARCH_STRIDE : 2);
          if (sc > best) {
            best = sc;
            edges = next;
            improved = true;
          }
        }
      }
      if (!improved) break;
    }
    // Scores at different strides are not comparable: re-score when the stride changes.
    if (step === 1) best = score(edges, 2);
  }
  // A window smaller than the thumbnail holds fewer pixels of detail than the whole image: compare
  // them at the window's own resolution too, or a crop's sharp thumbnail meets a blurred window.
  const window = [edges[0]!, edges[1]!, edges[2]! - edges[0]!, edges[3]! - edges[1]!];
  return Math.max(score(edges, 1), bandwidthMatchedNcc(img, p.small.full, window));
}

/** NCC at the window's own resolution: the whole image shrunk to the window's pixel size, against the window's pixels. */
function bandwidthMatchedNcc(img: Float32Array, small: Float32Array, window: number[]): number {
  const W = Math.min(LAYOUT_SIDE, Math.max(8, Math.round(window[2]!)));
  const H = Math.min(LAYOUT_SIDE, Math.max(8, Math.round(window[3]!)));
  return windowNcc(img, resizeArea(small, LAYOUT_SIDE, LAYOUT_SIDE, W, H), W, H, window, 1);
}

function mirror(img: Float32Array, side: number): Float32Array {
  const out = new Float32Array(img.length);
  for (let y = 0; y < side; y += 1) for (let x = 0; x < side; x += 1) out[y * side + x] = img[y * side + side - 1 - x]!;
  return out;
}

/** Area-average resize (box filter with fractional edges), for down-scaling. */
function resizeArea(src: Float32Array, sw: number, sh: number, dw: number, dh: number): Float32Array {
  const tmp = new Float32Array(dw * sh);
  const fx = sw / dw;
  for (let x = 0; x < dw; x += 1) {
    const a = x * fx;
    const b = a + fx;
    // Rounding can put b a hair past the last pixel: reading past it would give NaN.
    for (let sx = Math.floor(a); sx < Math.min(sw, Math.ceil(b)); sx += 1) {
      const wgt = Math.min(b, sx + 1) - Math.max(a, sx);
      for (let y = 0; y < sh; y += 1) tmp[y * dw + x]! += src[y * sw + sx]! * wgt;
    }
  }
  const out = new Float32Array(dw * dh);
  const fy = sh / dh;
  for (let y = 0; y < dh; y += 1) {
    const a = y * fy;
    const b = a + fy;
    for (let sy = Math.floor(a); sy < Math.min(sh, Math.ceil(b)); sy += 1) {
      const wgt = Math.min(b, sy + 1) - Math.max(a, sy);
      for (let x = 0; x < dw; x += 1) out[y * dw + x]! += tmp[sy * dw + x]! * wgt;
    }
  }
  const norm = 1 / (fx * fy);
  for (let i = 0; i < out.length; i += 1) out[i]! *= norm;
  return out;
}

/** (x − mean) / ‖x − mean‖, or null for a flat image (nothing to correlate). */
function zeroMeanUnit(x: Float32Array): Float32Array | null {
  let mean = 0;
  for (const v of x) mean += v;
  mean /= x.length;
  let ss = 0;
  const out = new Float32Array(x.length);
  for (let i = 0; i < x.length; i += 1) {
    out[i] = x[i]! - mean;
    ss += out[i]! * out[i]!;
  }
  if (ss < x.length * 4) return null; // std below 2 grey levels
  const n = 1 / Math.sqrt(ss);
  for (let i = 0; i < out.length; i += 1) out[i]! *= n;
  return out;
}

/** Summed-area tables of values and squares, (side+1)² each. */
type Integrals = { s: Float64Array; q: Float64Array };

function integrals(img: Float32Array, side: number): Integrals {
  const w = side + 1;
  const s = new Float64Array(w * w);
  const q = new Float64Array(w * w);
  for (let y = 0; y < side; y += 1) {
    let rs = 0;
    let rq = 0;
    for (let x = 0; x < side; x += 1) {
      const v = img[y * side + x]!;
      rs += v;
      rq += v * v;
      s[(y + 1) * w + x + 1] = s[y * w + x + 1]! + rs;
      q[(y + 1) * w + x + 1] = q[y * w + x + 1]! + rq;
    }
  }
  return { s, q };
}

function ncc(img: Float32Array, side: number, ii: Integrals, t: Float32Array, tw: number, th: number, ox: number, oy: number): number {
  const w = side + 1;
  const s = ii.s;
  const q = ii.q;
  const a = oy * w + ox;
  const b = (oy + th) * w + ox;
  const n = tw * th;
  const sum = s[b + tw]! - s[a + tw]! - s[b]! + s[a]!;
  const varSum = q[b + tw]! - q[a + tw]! - q[b]! + q[a]! - (sum * sum) / n;
  if (varSum < n * 4) return -1;
  let dot = 0;
  for (let y = 0, trow = 0, row = oy * side + ox; y < th; y += 1, trow += tw, row += side) {
    for (let x = 0; x < tw; x += 1) dot += t[trow + x]! * img[row + x]!;
  }
  return dot / Math.sqrt(varSum);
}

/** NCC of template t (zero-mean unit, full thumbnail) with `img` bilinearly sampled over window [x0, y0, w, h], on a sub-grid. */
function sampledNcc(img: Float32Array, t: Float32Array, window: number[], stride: number): number {
  return windowNcc(img, t, LAYOUT_SIDE, LAYOUT_SIDE, window, stride);
}

/** NCC of a tw×th template with `img` (a thumbnail) bilinearly sampled at tw×th points over window [x0, y0, w, h], every stride-th point. */
function windowNcc(img: Float32Array, t: Float32Array, tw: number, th: number, [x0, y0, w, h]: number[], stride: number): number {
  const S = LAYOUT_SIDE;
  let sw = 0;
  let sww = 0;
  let swt = 0;
  let st = 0;
  let stt = 0;
  let n = 0;
  for (let v = 0; v < th; v += stride) {
    const sy = Math.min(S - 1, Math.max(0, y0! + ((v + 0.5) * h!) / th - 0.5));
    const y = Math.min(S - 2, Math.floor(sy));
    const ty = sy - y;
    for (let u = 0; u < tw; u += stride) {
      const sx = Math.min(S - 1, Math.max(0, x0! + ((u + 0.5) * w!) / tw - 0.5));
      const x = Math.min(S - 2, Math.floor(sx));
      const tx = sx - x;
      const i = y * S + x;
      const value = (img[i]! * (1 - tx) + img[i + 1]! * tx) * (1 - ty) + (img[i + S]! * (1 - tx) + img[i + S + 1]! * tx) * ty;
      const tv = t[v * tw + u]!;
      sw += value;
      sww += value * value;
      swt += value * tv;
      st += tv;
      stt += tv * tv;
      n += 1;
    }
  }
  const varW = sww - (sw * sw) / n;
  const varT = stt - (st * st) / n;
  if (varW < n * 4 || varT <= 0) return -1;
  return (swt - (sw * st) / n) / Math.sqrt(varW * varT);
}
