import { cosine } from "../embedding/embedder.ts";
import type { Hasher, ImageHash } from "./hasher.ts";

/**
 * Two images are near-duplicates when their perceptual hashes are close
 * (fast path: re-encodes, resizes, light edits) OR their embeddings are
 * (crops, flips, overlays, colour changes). Both thresholds are calibrated by
 * bench/dedup.ts on a calibration split; see README "Calibrated thresholds".
 */
export interface DuplicateThresholds {
  /** Largest Hamming distance (of 64 bits, mirror-aware) that means duplicate. */
  maxHashDistance: number;
  /** Smallest cosine similarity that means duplicate. */
  minCosine: number;
}

export type DuplicateEvidence = "hash" | "embedding" | "hash+embedding";

export function duplicateEvidence(hashDistance: number, cosineSimilarity: number, t: DuplicateThresholds): DuplicateEvidence | null {
  const byHash = hashDistance <= t.maxHashDistance;
  const byEmbedding = cosineSimilarity >= t.minCosine;
  if (byHash && byEmbedding) return "hash+embedding";
  if (byHash) return "hash";
  if (byEmbedding) return "embedding";
  return null;
}

export interface Fingerprint {
  hash: ImageHash;
  vector: Float32Array;
}

/**
 * Groups images that are duplicates of each other (transitively, via
 * union-find over all pairs). Returns groups of indexes in upload order;
 * singletons are left out.
 */
export function groupDuplicates(items: Fingerprint[], hasher: Hasher, t: DuplicateThresholds): number[][] {
  const parent = items.map((_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) {
      parent[i] = parent[parent[i]!]!;
      i = parent[i]!;
    }
    return i;
  };
  for (let i = 0; i < items.length; i += 1) {
    for (let j = i + 1; j < items.length; j += 1) {
      const a = items[i]!;
      const b = items[j]!;
      if (duplicateEvidence(hasher.distance(a.hash, b.hash), cosine(a.vector, b.vector), t)) {
        const ri = find(i);
        const rj = find(j);
        if (ri !== rj) parent[Math.max(ri, rj)] = Math.min(ri, rj);
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
