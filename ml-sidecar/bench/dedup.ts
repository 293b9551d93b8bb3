/**
 * Near-duplicate detection benchmark.
 *
 * Data: rendered "product photos" (bench/lib/synthetic.ts), each with 10
 * single transformations and 2 pairs of them. A calibration split (its own
 * seeds) picks the thresholds; the evaluation split (≥300 other bases)
 * measures them. Pairwise: positives are (original, transformed copy) pairs;
 * negatives are all pairs of images from different bases.
 *
 * Methods: the hash alone, the embedding alone, the two OR-ed, the two-stage
 * rule verified by the layout match alone (the previous shipped rule), and the
 * shipped two-stage rule: candidates from the hash (≤ candidateHashDistance
 * bits) or the embedding (among the K nearest, cosine ≥ minCandidateCosine),
 * verified by the layout match (src/dedup/layout-match.ts) or the keypoint
 * match (src/dedup/keypoints.ts).
 *
 * The shipped rule also takes candidates from the keypoints themselves: each
 * image's WORD_CANDIDATES nearest by shared visual words (src/dedup/visual-words.ts).
 *
 *   npm run bench:dedup            (BASES=300 CAL_BASES=80 by default; EVAL_BASES=n scores the first n)
 */
import fs from "node:fs";
import path from "node:path";
import { exactSearch, MetricKind, type BatchMatches } from "usearch";
import { TRANSFORMS } from "./lib/synthetic.ts";
import { CACHE_DIR, table } from "./lib/pipeline.ts";
import type { Fingerprint } from "../src/dedup/fingerprint.ts";
import { makeSplit, PER_GROUP } from "./lib/dedup-data.ts";
import { hammingHex } from "../src/dedup/hasher.ts";
import { cosine } from "../src/embedding/embedder.ts";
import { layoutMatchScore, prepareLayout, LAYOUT_MATCH_VERSION, type PreparedLayout } from "../src/dedup/layout-match.ts";
import { DUPLICATE_CANDIDATES, CANDIDATE_HASH_DISTANCE, MIN_WORD_SCORE, WORD_CANDIDATES, duplicateEvidence } from "../src/dedup/near-duplicates.ts";
import { matchEitherOrientation, KEYPOINTS_VERSION, KEYPOINT_MATCH_VERSION } from "../src/dedup/keypoints.ts";
import { shippedVocabulary, wordCandidatePairs, VISUAL_WORDS_VERSION } from "../src/dedup/visual-words.ts";

const BASES = Number(process.env.BASES ?? 300);
const CAL_BASES = Number(process.env.CAL_BASES ?? 80);
const TARGET_PRECISION = Number(process.env.CAL_PRECISION ?? 0.999);
/** Embedding candidates below this cosine are never verified (keeps the benchmark's layout work bounded). */
const MIN_SCORED_COSINE = 0.65;

interface PairScore {
  a: number;
  b: number;
  hash: number;
  cos: number;
  /** One image is among the other's K nearest neighbours by embedding. */
  nearest: boolean;
  /** One image is among the other's WORD_CANDIDATES nearest by visual words… */
  words: boolean;
  /** …with this word score (the larger of the two directions; 0 when not). */
  wordScore: number;
  /** Layout match score, or -1 where the pair is no candidate of any rule considered. */
  layout: number;
  /** Keypoint matches on one scale + shift and the share of the overlap they span, or 0 where no candidate. */
  inliers: number;
  extent: number;
}

type Thresholds = { h: number; c: number; l: number; k?: number; e?: number; w?: number };
type Method = { name: string; passes: (p: PairScore, t: Thresholds) => boolean; grid: Thresholds[] };
const range = (lo: number, hi: number, step: number) =>
  Array.from({ length: Math.round((hi - lo) / step) + 1 }, (_, i) => +(lo + i * step).toFixed(4));
const grid = (hs: number[], cs: number[], ls: number[]) => hs.flatMap((h) => cs.flatMap((c) => ls.map((l) => ({ h, c, l }))));
const NEVER = 1.01;
/** Smallest word score of a visual-word candidate worth verifying: a grid for the benchmark's diagnosis (WORD_SCORES=0,0.1,…). */
const WORD_SCORES = (process.env.WORD_SCORES ?? String(MIN_WORD_SCORE)).split(",").map(Number);
const fullGrid = range(0, 12, 1).flatMap((h) =>
  range(MIN_SCORED_COSINE, 0.85, 0.05).flatMap((c) =>
    range(0.88, 0.98, 0.01).flatMap((l) =>
      [6, 8, 10, 12, 15, 20, 25].flatMap((k) => [0.05, 0.1, 0.15, 0.2, 0.25, 0.3].map((e) => ({ h, c, l, k, e }))),
    ),
  ),
);
/**
 * The shipped rule itself (duplicateEvidence, src/dedup/near-duplicates.ts) on a pair's measured
 * signals, so the thresholds are calibrated for the code that ships. The store's word index keeps
 * candidates of at least MIN_WORD_SCORE; here the bound is a grid value (`w`).
 */
function shippedRule(p: PairScore, t: Thresholds): boolean {
  return (
    duplicateEvidence(
      {
        hashDistance: p.hash,
        cosine: p.cos,
        nearest: p.nearest,
        words: p.words && p.wordScore >= t.w!,
        layoutScore: () => p.layout,
        // Only inliers and extent are cached (and read by the rule); the fitted scale and shift are not.
        keypointMatch: () => ({ inliers: p.inliers, extent: p.extent, scale: 1, tx: 0, ty: 0 }),
      },
      { maxHashDistance: t.h, minCandidateCosine: t.c, minLayoutScore: t.l, minKeypointInliers: t.k!, minKeypointExtent: t.e! },
    ) !== null
  );
}
const METHODS: Method[] = [
  { name: "hash only (pHash, mirror-aware)", passes: (p, t) => p.hash <= t.h, grid: grid(range(0, 24, 1), [NEVER], [NEVER]) },
  { name: "embedding only", passes: (p, t) => p.cos >= t.c, grid: grid([-1], range(0.5, 1, 0.005), [NEVER]) },
  {
    name: "hash OR embedding (previous rule)",
    passes: (p, t) => p.hash <= t.h || p.cos >= t.c,
    grid: grid(range(0, 24, 1), range(0.5, 1, 0.005), [NEVER]),
  },
  {
    name: "two-stage, layout verifies (previous)",
    passes: (p, t) => p.hash <= t.h || (p.layout >= t.l && (p.hash <= CANDIDATE_HASH_DISTANCE || (p.nearest && p.cos >= t.c))),
    grid: grid(range(0, 16, 1), range(MIN_SCORED_COSINE, 0.9, 0.05), range(0.7, 0.99, 0.01)),
  },
  {
    name: "two-stage, layout or keypoints verify (previous)",
    passes: (p, t) =>
      p.hash <= t.h ||
      ((p.hash <= CANDIDATE_HASH_DISTANCE || (p.nearest && p.cos >= t.c)) && (p.layout >= t.l || (p.inliers >= t.k! && p.extent >= t.e!))),
    grid: fullGrid,
  },
  {
    name: "the same + visual-word candidates (shipped)",
    passes: shippedRule,
    grid: fullGrid.flatMap((t) => WORD_SCORES.map((w) => ({ ...t, w }))),
  },
];
const SHIPPED = METHODS.length - 1;

/** Scores every positive pair and every negative pair that could pass any rule we consider. */
function scorePairs(name: string, items: Fingerprint[]): { positives: PairScore[]; negatives: PairScore[] } {
  const n = items.length;
  const group = (i: number) => Math.floor(i / PER_GROUP);
  const keys = new Set<number>();
  for (let i = 0; i < n; i += 1) if (i % PER_GROUP !== 0) keys.add((i - (i % PER_GROUP)) * n + i);
  // Hash: exhaustive over all pairs (cheap).
  const hi = new Uint32Array(n),
    lo = new Uint32Array(n),
    mhi = new Uint32Array(n),
    mlo = new Uint32Array(n);
  items.forEach((f, i) => {
    hi[i] = parseInt(f.hash.hex.slice(0, 8), 16);
    lo[i] = parseInt(f.hash.hex.slice(8), 16);
    mhi[i] = parseInt(f.hash.mirrorHex.slice(0, 8), 16);
    mlo[i] = parseInt(f.hash.mirrorHex.slice(8), 16);
  });
  const pop = (x: number) => {
    x -= (x >>> 1) & 0x55555555;
    x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
    return (((x + (x >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
  };
  for (let i = 0; i < n; i += 1) {
    for (let j = i + 1; j < n; j += 1) {
      if (group(i) === group(j)) continue; // same-base pairs other than (original, copy) are neither positives nor negatives
      const d = Math.min(pop(hi[i]! ^ hi[j]!) + pop(lo[i]! ^ lo[j]!), pop(hi[i]! ^ mhi[j]!) + pop(lo[i]! ^ mlo[j]!));
      if (d <= 24) keys.add(i * n + j);
    }
  }
  // Embedding: each image's K nearest neighbours, exact (what /v1/duplicates verifies).
  const vecs = items.map((f) => f.vector);
  const nearest = new Set<number>();
  const m = exactSearch(vecs, vecs, vecs[0]!.length, DUPLICATE_CANDIDATES + 1, MetricKind.IP) as BatchMatches;
  for (let i = 0; i < n; i += 1) {
    const r = m.get(i);
    for (let t = 0; t < r.keys.length; t += 1) {
      const j = Number(r.keys[t]);
      if (j === i) continue;
      const key = Math.min(i, j) * n + Math.max(i, j);
      nearest.add(key);
      if (group(i) !== group(j) && 1 - r.distances[t]! >= 0.5) keys.add(key);
    }
  }
  // Visual words: each image's WORD_CANDIDATES best by shared words (either orientation), as /v1/duplicates asks the index,
  // with no smallest score: the rule applies MIN_WORD_SCORE, and the table below shows what other bounds would do.
  const tw = performance.now();
  const words = wordCandidatePairs(
    items.map((f) => f.keypoints),
    shippedVocabulary(),
    WORD_CANDIDATES,
  );
  for (const key of words.keys()) if (group(Math.floor(key / n)) !== group(key % n)) keys.add(key);
  console.error(`${name}: visual-word candidates for ${n} images in ${((performance.now() - tw) / 1000).toFixed(1)} s`);
  // Layout and keypoint scores are the slow part: cached per split and matcher version.
  const layoutFile = path.join(CACHE_DIR, `layout-${name}-${n}-v${LAYOUT_MATCH_VERSION}.json`);
  const cachedLayout: Record<string, number> = fs.existsSync(layoutFile) ? JSON.parse(fs.readFileSync(layoutFile, "utf8")) : {};
  const keypointFile = path.join(CACHE_DIR, `keypoints-${name}-${n}-v${KEYPOINTS_VERSION}.${KEYPOINT_MATCH_VERSION}.json`);
  const cachedKeypoints: Record<string, [number, number]> = fs.existsSync(keypointFile) ? JSON.parse(fs.readFileSync(keypointFile, "utf8")) : {};
  const prepared: Array<PreparedLayout | undefined> = [];
  const layoutOf = (i: number) => (prepared[i] ??= prepareLayout(items[i]!.layout));
  let computed = 0;
  const t0 = performance.now();
  const scores = [...keys]
    .sort((x, y) => x - y)
    .map((key): PairScore => {
      const a = Math.floor(key / n);
      const b = key % n;
      const hash = Math.min(hammingHex(items[a]!.hash.hex, items[b]!.hash.hex), hammingHex(items[a]!.hash.hex, items[b]!.hash.mirrorHex));
      const cos = cosine(items[a]!.vector, items[b]!.vector);
      const near = nearest.has(key);
      const shared = words.has(key);
      let layout = -1;
      let kp: [number, number] = [0, 0];
      if (hash <= CANDIDATE_HASH_DISTANCE || (near && cos >= MIN_SCORED_COSINE) || shared) {
        layout = cachedLayout[key] ??= layoutMatchScore(layoutOf(a), layoutOf(b));
        kp = cachedKeypoints[key] ??= (() => {
          // As /v1/duplicates does: the upload (either orientation) against the stored image's upright keypoints.
          const m = matchEitherOrientation(items[b]!.keypoints, items[a]!.keypoints.upright);
          return [m.inliers, +m.extent.toFixed(4)];
        })();
        computed += 1;
        if (computed % 5000 === 0)
          console.error(`${name}: ${computed} candidate pairs scored (layout and keypoints) in ${((performance.now() - t0) / 1000).toFixed(0)} s`);
      }
      return { a, b, hash, cos, nearest: near, words: shared, wordScore: words.get(key) ?? 0, layout, inliers: kp[0], extent: kp[1] };
    });
  fs.mkdirSync(CACHE_DIR, { recursive: true });
  fs.writeFileSync(layoutFile, JSON.stringify(cachedLayout));
  fs.writeFileSync(keypointFile, JSON.stringify(cachedKeypoints));
  return { positives: scores.filter((p) => group(p.a) === group(p.b)), negatives: scores.filter((p) => group(p.a) !== group(p.b)) };
}

function prf(pos: PairScore[], neg: PairScore[], m: Method, t: Thresholds) {
  const tp = pos.filter((p) => m.passes(p, t)).length;
  const fp = neg.filter((p) => m.passes(p, t)).length;
  const precision = tp + fp === 0 ? 1 : tp / (tp + fp);
  const recall = pos.length ? tp / pos.length : 0;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  return { precision, recall, f1, tp, fp };
}

function calibrate(pos: PairScore[], neg: PairScore[], m: Method): Thresholds {
  let best = { t: m.grid[0]!, recall: -1, precision: 0 };
  for (const t of m.grid) {
    const r = prf(pos, neg, m, t);
    // Highest recall at the precision target; among equal recalls, the highest precision.
    if (r.precision >= TARGET_PRECISION && (r.recall > best.recall || (r.recall === best.recall && r.precision > best.precision))) best = { t, ...r };
  }
  return best.t;
}

const t0 = performance.now();
const cal = await makeSplit("calibration", 1_000_000, CAL_BASES);
/** Score only the first EVAL_BASES bases of the (cached) evaluation split: the layout matching is the slow part. */
const EVAL_BASES = Math.min(BASES, Number(process.env.EVAL_BASES ?? BASES));
const evAll = await makeSplit("evaluation", 1, BASES);
const ev = { items: evAll.items.slice(0, EVAL_BASES * PER_GROUP), labels: evAll.labels.slice(0, EVAL_BASES * PER_GROUP) };
const calPairs = scorePairs("calibration", cal.items);
const evPairs = scorePairs("evaluation", ev.items);
console.log(
  `\nDedup benchmark: ${EVAL_BASES} evaluation bases × ${PER_GROUP} images = ${ev.items.length} images (${evPairs.positives.length} positive pairs, ${((ev.items.length * (ev.items.length - 1)) / 2 - EVAL_BASES * ((PER_GROUP * (PER_GROUP - 1)) / 2)).toLocaleString("en")} negative pairs);`,
);
console.log(
  `calibration split: ${CAL_BASES} other bases × ${PER_GROUP} = ${cal.items.length} images; thresholds = max recall at precision ≥ ${TARGET_PRECISION} on calibration.`,
);
console.log(
  `two-stage candidates: hash ≤ ${CANDIDATE_HASH_DISTANCE} bits, or among the ${DUPLICATE_CANDIDATES} nearest by embedding with cosine ≥ c (shipped: or among the ${WORD_CANDIDATES} nearest by visual words, v${VISUAL_WORDS_VERSION}); verified when layout ≥ l, or by ≥ k keypoints spanning ≥ e of the overlap.`,
);

// The hash alone decides what it can (its own calibration); the two-stage rules calibrate what they add on top.
const hashThreshold = calibrate(calPairs.positives, calPairs.negatives, METHODS[0]!).h;
const calibrated = METHODS.map((m, i) => ({
  m,
  t: calibrate(calPairs.positives, calPairs.negatives, i >= 3 ? { ...m, grid: m.grid.filter((t) => t.h === hashThreshold) } : m),
}));
const fmtT = (i: number, t: Thresholds) =>
  [
    i !== 1 ? `hash ≤ ${t.h}` : "",
    i === 1 || i === 2 ? `cos ≥ ${t.c.toFixed(3)}` : "",
    i >= 3 ? `cand. cos ≥ ${t.c.toFixed(2)}, layout ≥ ${t.l.toFixed(2)}` : "",
    i >= 4 ? `or ≥ ${t.k} keypoints spanning ≥ ${t.e} of the overlap` : "",
    i >= 5 ? `word score ≥ ${t.w}` : "",
  ]
    .filter(Boolean)
    .join(i >= 3 ? "; " : " OR ");
const hashRes = prf(evPairs.positives, evPairs.negatives, calibrated[0]!.m, calibrated[0]!.t);
console.log("\nOverall (evaluation split), thresholds from calibration; baseline = hash only");
console.log(
  table(
    ["method", "thresholds", "precision", "recall", "F1", "TP", "FP", "recall vs hash"],
    calibrated.map(({ m, t }, i) => {
      const r = prf(evPairs.positives, evPairs.negatives, m, t);
      return [m.name, fmtT(i, t), r.precision, r.recall, r.f1, r.tp, r.fp, `${(r.recall / hashRes.recall).toFixed(2)}×`];
    }),
  ),
);

// What the word-score bound trades: the shipped thresholds with other bounds, and how many candidates
// per image only the visual words bring (each costs a layout and a keypoint match, ~5 ms idle).
{
  const { m, t } = calibrated[SHIPPED]!;
  const all = [...evPairs.positives, ...evPairs.negatives];
  const rows = [0, 0.05, 0.1, 0.15, 0.2, 0.25, 0.3, 0.4].map((w) => {
    const r = prf(evPairs.positives, evPairs.negatives, m, { ...t, w });
    const extra = all.filter((p) => p.words && p.wordScore >= w && !(p.hash <= CANDIDATE_HASH_DISTANCE || (p.nearest && p.cos >= t.c))).length;
    return [w === MIN_WORD_SCORE ? `${w} (shipped)` : w, r.precision, r.recall, r.fp, +(extra / ev.items.length).toFixed(2)];
  });
  console.log("\nVisual-word candidates by smallest word score (evaluation split, the shipped thresholds otherwise)");
  console.log(table(["word score ≥", "precision", "recall", "FP", "word-only candidates per image (pairs across bases)"], rows));
}

const [hashOnly, embOnly] = calibrated;
const shipped = calibrated[SHIPPED];
const labels = [...TRANSFORMS, ...new Set(ev.labels.filter((l) => l.includes("+")))];
const rows = labels.map((label) => {
  const pos = evPairs.positives.filter((p) => ev.labels[p.b] === label);
  const neg = evPairs.negatives.filter((p) => ev.labels[p.a] === label || ev.labels[p.b] === label);
  const cells: Array<string | number> = [label, pos.length];
  for (const { m, t } of [hashOnly!, embOnly!, shipped!]) {
    const r = prf(pos, neg, m, t);
    cells.push(r.precision, r.recall, r.f1);
  }
  return cells;
});
console.log(`\nPer transformation (evaluation split): hash only | embedding only | ${shipped!.m.name}`);
console.log(table(["transformation", "pairs", "hash P", "hash R", "hash F1", "emb P", "emb R", "emb F1", "2-st P", "2-st R", "2-st F1"], rows));
console.log(
  "negative pairs are scored exhaustively for the hash (≤ 24 bits) and over each image's nearest neighbours for the embedding and the visual words; a pair outside all three never passes the shipped rule.",
);
const s = shipped!.t;
console.log(
  `\nshipped thresholds: maxHashDistance=${s.h} minCandidateCosine=${s.c.toFixed(2)} minLayoutScore=${s.l.toFixed(2)} minKeypointInliers=${s.k} minKeypointExtent=${s.e} (${shipped!.m.name}); total ${((performance.now() - t0) / 1000).toFixed(0)} s`,
);
