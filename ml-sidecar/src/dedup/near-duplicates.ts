import { cosine } from "../embedding/embedder.ts";
import type { Fingerprint } from "./fingerprint.ts";
import type { Hasher } from "./hasher.ts";
import { layoutMatchScore, prepareLayout, type PreparedLayout } from "./layout-match.ts";
import { matchEitherOrientation, type KeypointMatch } from "./keypoints.ts";
import { wordCandidatePairs, type Vocabulary } from "./visual-words.ts";

/**
 * Two stages. A pair is a near-duplicate when the perceptual hashes are close
 * (re-encodes, resizes, light edits, greyscale, flips via the mirror hash), or
 * when it is a candidate — hashes within a looser distance, one image among
 * the other's nearest neighbours by embedding with a minimum cosine, or among
 * the images sharing the most keypoint words (visual-words.ts) — AND the
 * layout match (src/dedup/layout-match.ts: one image is a window of the other,
 * any brightness/colour, either orientation) or the keypoint match
 * (src/dedup/keypoints.ts: many local features agree on one scale + shift,
 * spread over the picture; survives overlays and small crops) verifies it. Crops and recoloured
 * copies that neither the hash nor the colour-sensitive embedding would accept
 * alone pass the verification; different pictures that merely embed close fail it.
 * Thresholds are calibrated by bench/dedup.ts on a calibration split; see README.
 */
export interface DuplicateThresholds {
  /** Largest Hamming distance (of 64 bits, mirror-aware) that alone means duplicate. */
  maxHashDistance: number;
  /** Smallest cosine for an embedding neighbour to be verified. */
  minCandidateCosine: number;
  /** Smallest layout match score (normalised correlation, 0–1) that verifies a candidate. */
  minLayoutScore: number;
  /** Fewest keypoint matches agreeing on one scale + shift that verify a candidate… */
  minKeypointInliers: number;
  /** …whose bounding box covers at least this share of the overlap (a shared logo or word is not enough). */
  minKeypointExtent: number;
}

/** Hash candidates: pairs within this many bits are verified (a fixed candidate bound, not a decision threshold). */
export const CANDIDATE_HASH_DISTANCE = 18;
/** Embedding candidates: this many nearest indexed neighbours are verified (/v1/duplicates and bench/dedup.ts). */
export const DUPLICATE_CANDIDATES = 20;
/** Visual-word candidates: this many images sharing the most keypoint words are verified (visual-words.ts)… */
export const WORD_CANDIDATES = 10;
/**
 * …when they hold at least this share of the upload's weighted words. A candidate bound, not a
 * decision threshold: on bench/dedup.ts's evaluation split no verified copy scores below 0.2, while
 * unrelated pictures mostly score under 0.15; each candidate it keeps out saves a layout and a
 * keypoint match (~5 ms).
 */
export const MIN_WORD_SCORE = 0.15;

export type DuplicateEvidence = "hash" | "layout" | "keypoints";

export interface PairSignals {
  hashDistance: number;
  cosine: number;
  /** Whether one image is among the other's DUPLICATE_CANDIDATES nearest neighbours (always true within one upload batch). */
  nearest: boolean;
  /** Whether one image is among the other's WORD_CANDIDATES nearest by shared visual words. */
  words: boolean;
  /** Computed only when needed. */
  layoutScore: () => number;
  /** Computed only when needed; null when either image has no keypoints stored. */
  keypointMatch: () => KeypointMatch | null;
}

export function keypointsVerify(m: KeypointMatch | null, t: DuplicateThresholds): boolean {
  return m !== null && m.inliers >= t.minKeypointInliers && m.extent >= t.minKeypointExtent;
}

export function duplicateEvidence(s: PairSignals, t: DuplicateThresholds): DuplicateEvidence | null {
  if (s.hashDistance <= t.maxHashDistance) return "hash";
  const neighbour = s.hashDistance <= CANDIDATE_HASH_DISTANCE || (s.nearest && s.cosine >= t.minCandidateCosine);
  if (!neighbour && !s.words) return null;
  // A candidate only the visual words bring is checked by keypoints alone: it shares keypoints
  // by construction, and most such candidates are unrelated pictures, each worth one match only.
  if (neighbour && s.layoutScore() >= t.minLayoutScore) return "layout";
  if (keypointsVerify(s.keypointMatch(), t)) return "keypoints";
  return null;
}

/**
 * Groups images that are duplicates of each other (transitively, via
 * union-find over all pairs; `words` is the vocabulary for visual-word
 * candidates). Returns groups of indexes in upload order; singletons are left out.
 */
export function groupDuplicates(items: Fingerprint[], hasher: Hasher, t: DuplicateThresholds, words: Vocabulary | null = null): number[][] {
  const parent = items.map((_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) {
      parent[i] = parent[parent[i]!]!;
      i = parent[i]!;
    }
    return i;
  };
  const prepared: Array<PreparedLayout | undefined> = [];
  const layoutOf = (i: number) => (prepared[i] ??= prepareLayout(items[i]!.layout));
  // Within a batch every pair is an embedding candidate; the visual words add the pairs the cosine bound drops.
  const wordPairs = words
    ? wordCandidatePairs(
        items.map((f) => f.keypoints),
        words,
        WORD_CANDIDATES,
        MIN_WORD_SCORE,
      )
    : new Map<number, number>();
  for (let i = 0; i < items.length; i += 1) {
    for (let j = i + 1; j < items.length; j += 1) {
      const a = items[i]!;
      const b = items[j]!;
      if (find(i) === find(j)) continue;
      const signals: PairSignals = {
        hashDistance: hasher.distance(a.hash, b.hash),
        cosine: cosine(a.vector, b.vector),
        nearest: true,
        words: wordPairs.has(i * items.length + j),
        layoutScore: () => layoutMatchScore(layoutOf(i), layoutOf(j)),
        keypointMatch: () => matchEitherOrientation(b.keypoints, a.keypoints.upright),
      };
      if (duplicateEvidence(signals, t)) {
        const ri = find(i);
        const rj = find(j);
        parent[Math.max(ri, rj)] = Math.min(ri, rj);
      }
    }
  }
  const groups = new Map<number, number[]>();
  items.forEach((_, i) => {
    const r = find(i);
    groups.set(r, [...(groups.get(r) ?? []), i]);
  });
  return [...groups.values()].filter((g) => g.length > 1).sort((a, b) => a[0]! - b[0]!);
}
