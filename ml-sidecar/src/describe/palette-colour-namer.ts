import fs from "node:fs";
import path from "node:path";
import { DEFAULT_MODEL_DIR } from "./linear-category-head.ts";
import type { Box, ColourNamer, NamedColour, RgbImage } from "./ports.ts";

/** A colour of the catalog's vocabulary (models/catalog-vocabulary.json, from the demo catalog's vocabulary). */
export interface CatalogColour {
  name: string;
  hex: string;
  family: string;
}

export interface CatalogVocabulary {
  categories: Array<{ handle: string; name: string }>;
  colours: CatalogColour[];
}

export function loadCatalogVocabulary(dir = DEFAULT_MODEL_DIR): CatalogVocabulary {
  const file = path.join(dir, "catalog-vocabulary.json");
  const vocabulary = JSON.parse(fs.readFileSync(file, "utf8")) as CatalogVocabulary;
  if (!Array.isArray(vocabulary.colours) || vocabulary.colours.length === 0) throw new Error(`${file} lists no colours`);
  return vocabulary;
}

type Lab = [number, number, number];

export interface PaletteOptions {
  /** Most clusters k-means looks for. */
  clusters: number;
  /** Colours with a smaller share of the garment's pixels are left out. */
  minShare: number;
  /** At most this many pixels are clustered (an even grid over the box). */
  maxSamples: number;
}

export const DEFAULT_PALETTE_OPTIONS: PaletteOptions = { clusters: 4, minShare: 0.08, maxSamples: 4000 };

/**
 * Adapter: k-means in CIELAB over the garment's pixels (mask ∩ box), each cluster named by the
 * nearest catalog colour (CIEDE2000), clusters with the same name merged. Deterministic: the
 * clusters start from the most populated colour bins, not from random pixels.
 */
export class PaletteColourNamer implements ColourNamer {
  private readonly palette: Array<CatalogColour & { lab: Lab }>;
  private readonly options: PaletteOptions;

  constructor(colours: CatalogColour[], options: Partial<PaletteOptions> = {}) {
    if (colours.length === 0) throw new Error("colour namer: no colours to name with");
    this.palette = colours.map((c) => ({ ...c, lab: hexToLab(c.hex) }));
    this.options = { ...DEFAULT_PALETTE_OPTIONS, ...options };
  }

  static fromCatalogVocabulary(dir?: string, options?: Partial<PaletteOptions>): PaletteColourNamer {
    return new PaletteColourNamer(loadCatalogVocabulary(dir).colours, options);
  }

  dominant(image: RgbImage, mask: Uint8Array | null, box: Box, max = 3): NamedColour[] {
    const { width, height, data } = image;
    if (mask && mask.length !== width * height)
      throw new Error(`colour namer: the mask has ${mask.length} cells, the image ${width}×${height} pixels`);
    const x0 = clampInt(Math.floor(box.x * width), 0, width);
    const y0 = clampInt(Math.floor(box.y * height), 0, height);
    const x1 = clampInt(Math.ceil((box.x + box.width) * width), x0, width);
    const y1 = clampInt(Math.ceil((box.y + box.height) * height), y0, height);
    const step = Math.max(1, Math.floor(Math.sqrt(((x1 - x0) * (y1 - y0)) / this.options.maxSamples)));
    const cols = Math.ceil((x1 - x0) / step);
    const rows = Math.ceil((y1 - y0) / step);
    const samples = new Float64Array(cols * rows * 3);
    // Garments repeat few colours: convert each distinct one to Lab once.
    const labOf = new Map<number, Lab>();
    let n = 0;
    for (let y = y0; y < y1; y += step) {
      for (let x = x0; x < x1; x += step) {
        const p = y * width + x;
        if (mask && !mask[p]) continue;
        const rgb = (data[p * 3]! << 16) | (data[p * 3 + 1]! << 8) | data[p * 3 + 2]!;
        let lab = labOf.get(rgb);
        if (!lab) {
          lab = rgbToLab(data[p * 3]!, data[p * 3 + 1]!, data[p * 3 + 2]!);
          labOf.set(rgb, lab);
        }
        samples[n * 3] = lab[0];
        samples[n * 3 + 1] = lab[1];
        samples[n * 3 + 2] = lab[2];
        n += 1;
      }
    }
    if (n === 0) return [];
    const clusters = kMeans(samples.subarray(0, n * 3), this.options.clusters);
    const byName = new Map<string, NamedColour>();
    for (const c of clusters) {
      const named = this.nearest(c.centre);
      const share = c.size / n;
      const seen = byName.get(named.name);
      if (seen) seen.share += share;
      else byName.set(named.name, { name: named.name, hex: named.hex, share });
    }
    return [...byName.values()]
      .filter((c) => c.share >= this.options.minShare)
      .sort((a, b) => b.share - a.share || a.name.localeCompare(b.name))
      .slice(0, max)
      .map((c) => ({ ...c, share: Math.round(c.share * 1000) / 1000 }));
  }

  private nearest(lab: Lab): CatalogColour {
    let best = this.palette[0]!;
    let bestDistance = Infinity;
    for (const c of this.palette) {
      const d = ciede2000(lab, c.lab);
      if (d < bestDistance) [best, bestDistance] = [c, d];
    }
    return best;
  }
}

const clampInt = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));

/**
 * Lloyd's k-means on packed Lab triples. Starts from the means of the most populated bins of a
 * coarse Lab grid that lie apart from each other, so the same pixels always give the same clusters.
 */
function kMeans(samples: Float64Array, k: number): Array<{ centre: Lab; size: number }> {
  const n = samples.length / 3;
  const bins = new Map<number, { count: number; sum: Lab }>();
  for (let i = 0; i < n; i += 1) {
    const [l, a, b] = [samples[i * 3]!, samples[i * 3 + 1]!, samples[i * 3 + 2]!];
    const key = Math.floor(l / 10) * 10000 + (Math.floor(a / 10) + 20) * 100 + (Math.floor(b / 10) + 20);
    const bin = bins.get(key);
    if (bin) {
      bin.count += 1;
      bin.sum[0] += l;
      bin.sum[1] += a;
      bin.sum[2] += b;
    } else bins.set(key, { count: 1, sum: [l, a, b] });
  }
  const ranked = [...bins.entries()].sort((p, q) => q[1].count - p[1].count || p[0] - q[0]);
  const centres: Lab[] = [];
  for (const [, bin] of ranked) {
    const mean: Lab = [bin.sum[0] / bin.count, bin.sum[1] / bin.count, bin.sum[2] / bin.count];
    // A bin next to a chosen centre is the same colour, shaded: not a new cluster.
    if (centres.every((c) => distanceSq(c, mean) > 15 * 15)) centres.push(mean);
    if (centres.length === k) break;
  }
  const assignment = new Int32Array(n).fill(-1);
  for (let iteration = 0; iteration < 10; iteration += 1) {
    let changed = false;
    for (let i = 0; i < n; i += 1) {
      const l = samples[i * 3]!;
      const a = samples[i * 3 + 1]!;
      const b = samples[i * 3 + 2]!;
      let best = 0;
      let bestD = Infinity;
      for (let c = 0; c < centres.length; c += 1) {
        const centre = centres[c]!;
        const d = (l - centre[0]) ** 2 + (a - centre[1]) ** 2 + (b - centre[2]) ** 2;
        if (d < bestD) {
          best = c;
          bestD = d;
        }
      }
      if (assignment[i] !== best) {
        assignment[i] = best;
        changed = true;
      }
    }
    const sums = centres.map(() => [0, 0, 0, 0]);
    for (let i = 0; i < n; i += 1) {
      const s = sums[assignment[i]!]!;
      s[0] += samples[i * 3]!;
      s[1] += samples[i * 3 + 1]!;
      s[2] += samples[i * 3 + 2]!;
      s[3] += 1;
    }
    sums.forEach((s, c) => {
      if (s[3]! > 0) centres[c] = [s[0]! / s[3]!, s[1]! / s[3]!, s[2]! / s[3]!];
    });
    if (!changed) break;
  }
  const sizes = new Array<number>(centres.length).fill(0);
  for (let i = 0; i < n; i += 1) sizes[assignment[i]!] += 1;
  return centres.map((centre, c) => ({ centre, size: sizes[c]! })).filter((c) => c.size > 0);
}

const distanceSq = (p: Lab, q: Lab) => (p[0] - q[0]) ** 2 + (p[1] - q[1]) ** 2 + (p[2] - q[2]) ** 2;

const SRGB_TO_LINEAR = Float64Array.from({ length: 256 }, (_, v) => {
  const c = v / 255;
  return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
});

/** sRGB (D65) → CIELAB. */
export function rgbToLab(r: number, g: number, b: number): Lab {
  const lr = SRGB_TO_LINEAR[r]!;
  const lg = SRGB_TO_LINEAR[g]!;
  const lb = SRGB_TO_LINEAR[b]!;
  const x = (0.4124564 * lr + 0.3575761 * lg + 0.1804375 * lb) / 0.95047;
  const y = 0.2126729 * lr + 0.7151522 * lg + 0.072175 * lb;
  const z = (0.0193339 * lr + 0.119192 * lg + 0.9503041 * lb) / 1.08883;
  const f = (t: number) => (t > 216 / 24389 ? Math.cbrt(t) : (24389 / 27 / 116) * t + 16 / 116);
  const [fx, fy, fz] = [f(x), f(y), f(z)];
  return [116 * fy - 16, 500 * (fx - fy), 200 * (fy - fz)];
}

export function hexToLab(hex: string): Lab {
  const n = parseInt(hex.replace(/^#/, ""), 16);
  return rgbToLab((n >> 16) & 255, (n >> 8) & 255, n & 255);
}

/** CIEDE2000 colour difference (Sharma, Wu & Dalal 2005). */
export function ciede2000(p: Lab, q: Lab): number {
  const [l1, a1, b1] = p;
  const [l2, a2, b2] = q;
  const rad = Math.PI / 180;
  const c1 = Math.hypot(a1, b1);
  const c2 = Math.hypot(a2, b2);
  const cBar7 = ((c1 + c2) / 2) ** 7;
  const g = 0.5 * (1 - Math.sqrt(cBar7 / (cBar7 + 25 ** 7)));
  const a1p = (1 + g) * a1;
  const a2p = (1 + g) * a2;
  const c1p = Math.hypot(a1p, b1);
  const c2p = Math.hypot(a2p, b2);
  const hue = (b: number, a: number) => (b === 0 && a === 0 ? 0 : (Math.atan2(b, a) / rad + 360) % 360);
  const h1p = hue(b1, a1p);
  const h2p = hue(b2, a2p);
  const dLp = l2 - l1;
  const dCp = c2p - c1p;
  let dhp = 0;
  if (c1p * c2p !== 0) {
    dhp = h2p - h1p;
    if (dhp > 180) dhp -= 360;
    else if (dhp < -180) dhp += 360;
  }
  const dHp = 2 * Math.sqrt(c1p * c2p) * Math.sin((dhp / 2) * rad);
  const lBarp = (l1 + l2) / 2;
  const cBarp = (c1p + c2p) / 2;
  let hBarp = h1p + h2p;
  if (c1p * c2p !== 0) {
    if (Math.abs(h1p - h2p) <= 180) hBarp = (h1p + h2p) / 2;
    else hBarp = h1p + h2p < 360 ? (h1p + h2p + 360) / 2 : (h1p + h2p - 360) / 2;
  }
  const t =
    1 -
    0.17 * Math.cos((hBarp - 30) * rad) +
    0.24 * Math.cos(2 * hBarp * rad) +
    0.32 * Math.cos((3 * hBarp + 6) * rad) -
    0.2 * Math.cos((4 * hBarp - 63) * rad);
  const dTheta = 30 * Math.exp(-(((hBarp - 275) / 25) ** 2));
  const cBarp7 = cBarp ** 7;
  const rc = 2 * Math.sqrt(cBarp7 / (cBarp7 + 25 ** 7));
  const sl = 1 + (0.015 * (lBarp - 50) ** 2) / Math.sqrt(20 + (lBarp - 50) ** 2);
  const sc = 1 + 0.045 * cBarp;
  const sh = 1 + 0.015 * cBarp * t;
  const rt = -Math.sin(2 * dTheta * rad) * rc;
  return Math.sqrt((dLp / sl) ** 2 + (dCp / sc) ** 2 + (dHp / sh) ** 2 + rt * (dCp / sc) * (dHp / sh));
}
