import type { RgbImage } from "./ports.ts";
import { close, connectedComponents, fillHoles, maskOfLabels, type Mask } from "./mask-ops.ts";

/** Colour clusters an outline's pixels are split into. */
const CLUSTERS = 3;
/** Pixels sampled for the clusters (every n-th pixel of the outline, at most about this many). */
const SAMPLED_PIXELS = 4000;
const KMEANS_ROUNDS = 8;
/** A cluster is dropped only when it is this small a share of the outline… */
const MAX_DROPPED_SHARE = 0.35;
/** …and not a speck: smaller changes do not move the embedding. */
const MIN_DROPPED_SHARE = 0.03;
/** The colours dropped together stay under this share of the outline. */
const MAX_DROPPED_TOTAL = 0.45;
/** What is left must keep this share of the outline: a garment is not cut in half. */
const MIN_KEPT_SHARE = 0.55;
/**
 * Parts of what is left at least this share of the largest part stay: a seam's or a shadow's colour
 * taken out can part a dress's bodice from its skirt, and the bodice is still the garment.
 */
const MIN_PART_OF_LARGEST = 0.25;

/**
 * Cleaner versions of a busy scene's outline: the outline without its minority colours (k-means over its
 * pixels), each alone and together, the largest connected part kept and its holes filled. A scene shape
 * that touches the garment is kept by the outline when its colour is rarer in the rest of the scene;
 * taking its colour out leaves the garment. A pattern's minority colour enclosed by the garment (dots,
 * checks) leaves holes that fill again, so that version is the outline itself and is not offered.
 * Each mask returned differs from the outline and from the others; describe keeps one only when it
 * meets the catalog closer than the outline does.
 */
export function colourCleanedOutlines(image: RgbImage, outline: Uint8Array): Uint8Array[] {
  const { width, height, data } = image;
  const inside: number[] = [];
  for (let i = 0; i < outline.length; i++) if (outline[i]) inside.push(i);
  const area = inside.length;
  if (area < 64) return [];
  const step = Math.max(1, Math.floor(area / SAMPLED_PIXELS));
  const samples: number[] = [];
  for (let n = 0; n < area; n += step) samples.push(inside[n]!);
  const centres = kMeans(data, samples, CLUSTERS);
  const nearest = (i: number) => nearestCentre(centres, data[i * 3]!, data[i * 3 + 1]!, data[i * 3 + 2]!);
  const labels = new Uint8Array(outline.length);
  const shares = new Array<number>(centres.length).fill(0);
  for (const i of inside) {
    const c = nearest(i);
    labels[i] = c;
    shares[c]! += 1 / area;
  }
  const radius = Math.max(1, Math.round(Math.max(width, height) / 256));
  const out: Uint8Array[] = [];
  const minority = centres.map((_, c) => c).filter((c) => shares[c]! >= MIN_DROPPED_SHARE && shares[c]! <= MAX_DROPPED_SHARE);
  // Each minority colour alone, then together (a garment may touch two scene shapes).
  for (let subset = 1; subset < 1 << minority.length; subset++) {
    const dropped = minority.filter((_, n) => subset & (1 << n));
    if (dropped.reduce((sum, c) => sum + shares[c]!, 0) > MAX_DROPPED_TOTAL) continue;
    const rest = new Uint8Array(outline.length);
    for (const i of inside) if (!dropped.includes(labels[i]!)) rest[i] = 1;
    const kept = largeParts({ data: rest, width, height });
    if (!kept) continue;
    const cleaned = fillHoles(close(kept, radius)).data;
    let keptArea = 0;
    let changed = 0;
    for (let i = 0; i < cleaned.length; i++) {
      if (cleaned[i] && outline[i]) keptArea++;
      if (cleaned[i] !== outline[i]) changed++;
    }
    if (keptArea < MIN_KEPT_SHARE * area || changed < MIN_DROPPED_SHARE * area) continue;
    if (out.some((other) => sameMask(other, cleaned))) continue;
    out.push(cleaned);
  }
  return out;
}

function sameMask(a: Uint8Array, b: Uint8Array): boolean {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** The mask's connected parts of at least MIN_PART_OF_LARGEST of the largest one's area; null when it is empty. */
function largeParts(mask: Mask): Mask | null {
  const { labels, components } = connectedComponents(mask);
  const largest = Math.max(0, ...components.map((c) => c.area));
  if (!largest) return null;
  const kept = components.filter((c) => c.area >= MIN_PART_OF_LARGEST * largest).map((c) => c.label);
  return maskOfLabels(labels, new Set(kept), mask.width, mask.height);
}

/** Lloyd's k-means in RGB over the sampled pixels, started from farthest points (deterministic). */
function kMeans(data: Uint8Array, samples: number[], k: number): Array<[number, number, number]> {
  const rgb = (i: number): [number, number, number] => [data[i * 3]!, data[i * 3 + 1]!, data[i * 3 + 2]!];
  const mean: [number, number, number] = [0, 0, 0];
  for (const i of samples) for (let c = 0; c < 3; c++) mean[c]! += data[i * 3 + c]! / samples.length;
  const centres: Array<[number, number, number]> = [];
  let from = mean;
  while (centres.length < k) {
    let far = samples[0]!;
    let farDistance = -1;
    for (const i of samples) {
      const d = Math.min(distance(rgb(i), from), ...centres.map((c) => distance(rgb(i), c)));
      if (d > farDistance) [far, farDistance] = [i, d];
    }
    centres.push(rgb(far));
    from = centres[0]!;
  }
  for (let round = 0; round < KMEANS_ROUNDS; round++) {
    const sums = centres.map(() => [0, 0, 0, 0]);
    for (const i of samples) {
      const s = sums[nearestCentre(centres, data[i * 3]!, data[i * 3 + 1]!, data[i * 3 + 2]!)]!;
      for (let c = 0; c < 3; c++) s[c]! += data[i * 3 + c]!;
      s[3]!++;
    }
    sums.forEach((s, n) => {
      if (s[3]) centres[n] = [s[0]! / s[3]!, s[1]! / s[3]!, s[2]! / s[3]!];
    });
  }
  return centres;
}

function nearestCentre(centres: Array<[number, number, number]>, r: number, g: number, b: number): number {
  let best = 0;
  let bestDistance = Infinity;
  centres.forEach((c, n) => {
    const d = distance([r, g, b], c);
    if (d < bestDistance) [best, bestDistance] = [n, d];
  });
  return best;
}

function distance(a: [number, number, number], b: [number, number, number]): number {
  return (a[0] - b[0]) ** 2 + (a[1] - b[1]) ** 2 + (a[2] - b[2]) ** 2;
}
