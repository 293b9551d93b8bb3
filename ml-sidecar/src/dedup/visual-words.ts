import fs from "node:fs";
import { rng } from "../util/rng.ts";
import { DESCRIPTOR_WORDS, descriptorDistance, type KeypointPair, type Keypoints } from "./keypoints.ts";

/**
 * Duplicate candidates from keypoints: a bag of visual words. The embedding
 * (colour-sensitive, trained for another task) ranks small crops and greyscale
 * copies far from their originals, so they never reach the keypoint
 * verification. Here every keypoint descriptor is quantised to one of 4,096
 * "visual words" (a vocabulary tree of binary descriptors); an image is the
 * multiset of its words, kept in an inverted index; the images sharing the most
 * rare words with an upload become candidates for the usual verification
 * (near-duplicates.ts). A crop keeps the corners of the region it shows, a
 * greyscale copy all of them (keypoints are found on the grey image), so both
 * share many words with their original while the embedding looks elsewhere.
 */

/** Bump when the vocabulary or the scoring changes (the dedup benchmark's cache is keyed by it). */
export const VISUAL_WORDS_VERSION = 1;

const W = DESCRIPTOR_WORDS;
const MAGIC = "CVW1";

/**
 * A vocabulary tree: `branch` centres at the first level, `branch` children under
 * each, `depth` levels; a descriptor descends to its nearest centre at each level
 * and its word is the leaf it reaches. Made by `train` (hierarchical k-majority,
 * the binary descriptors' k-means: a centre is the per-bit majority).
 */
export class Vocabulary {
  private readonly levelStart: number[];

  /** `centres`: every node's descriptor, level by level, children of a node adjacent. */
  constructor(
    readonly branch: number,
    readonly depth: number,
    readonly centres: Uint32Array,
  ) {
    this.levelStart = [0];
    for (let l = 1; l <= depth; l += 1) this.levelStart.push(this.levelStart[l - 1]! + branch ** l);
    if (centres.length !== this.levelStart[depth]! * W)
      throw new Error(`a ${branch}^${depth} vocabulary needs ${this.levelStart[depth]! * W} centre words, got ${centres.length}`);
  }

  get size(): number {
    return this.branch ** this.depth;
  }

  /** The word of the descriptor at desc[at…at+8). */
  word(desc: Uint32Array, at: number): number {
    let node = 0;
    for (let level = 0; level < this.depth; level += 1) {
      const first = this.levelStart[level]! + node * this.branch;
      let best = 0;
      let bestDistance = 257;
      for (let c = 0; c < this.branch; c += 1) {
        const d = descriptorDistance(desc, at, this.centres, (first + c) * W);
        if (d < bestDistance) {
          bestDistance = d;
          best = c;
        }
      }
      node = node * this.branch + best;
    }
    return node;
  }

  /** An image's bag of words: its distinct words, ascending, with how often each occurs. */
  bag(k: Keypoints): WordBag {
    const counts = new Map<number, number>();
    for (let i = 0; i < k.count; i += 1) {
      const w = this.word(k.desc, i * W);
      counts.set(w, (counts.get(w) ?? 0) + 1);
    }
    const words = Uint32Array.from([...counts.keys()].sort((a, b) => a - b));
    return { words, counts: Uint16Array.from(words, (w) => counts.get(w)!) };
  }

  /**
   * Hierarchical k-majority over `count` descriptors (count × 8 words). Deterministic
   * for a seed: k-means++ seeding, then `iterations` rounds of assign + majority.
   */
  static train(desc: Uint32Array, count: number, opts: { branch?: number; depth?: number; iterations?: number; seed?: number } = {}): Vocabulary {
    const branch = opts.branch ?? 8;
    const depth = opts.depth ?? 4;
    const iterations = opts.iterations ?? 8;
    const random = rng(opts.seed ?? 1);
    let total = 0;
    for (let l = 1; l <= depth; l += 1) total += branch ** l;
    const centres = new Uint32Array(total * W);
    const levelStart = [0];
    for (let l = 1; l <= depth; l += 1) levelStart.push(levelStart[l - 1]! + branch ** l);
    const split = (members: Int32Array, level: number, node: number): void => {
      if (level === depth) return;
      const first = levelStart[level]! + node * branch;
      const { centres: c, assignment } = kMajority(desc, members, branch, iterations, random);
      centres.set(c, first * W);
      for (let k = 0; k < branch; k += 1) {
        const child = members.filter((_, i) => assignment[i] === k);
        split(child, level + 1, node * branch + k);
      }
    };
    split(
      Int32Array.from({ length: count }, (_, i) => i),
      0,
      0,
    );
    return new Vocabulary(branch, depth, centres);
  }

  encode(): Buffer {
    const head = Buffer.alloc(8);
    head.write(MAGIC, 0, "ascii");
    head.writeUInt16LE(this.branch, 4);
    head.writeUInt16LE(this.depth, 6);
    return Buffer.concat([head, Buffer.from(this.centres.buffer, this.centres.byteOffset, this.centres.byteLength)]);
  }

  static decode(buf: Uint8Array): Vocabulary {
    const b = Buffer.from(buf.buffer, buf.byteOffset, buf.byteLength);
    if (b.length < 8 || b.toString("ascii", 0, 4) !== MAGIC) throw new Error("not a visual-word vocabulary (bad header)");
    const centres = new Uint32Array(b.length / 4 - 2);
    for (let i = 0; i < centres.length; i += 1) centres[i] = b.readUInt32LE(8 + i * 4);
    return new Vocabulary(b.readUInt16LE(4), b.readUInt16LE(6), centres);
  }
}

/** The shipped vocabulary, trained by bench/train-vocabulary.ts on rendered images (see the README). */
export const VOCABULARY_FILE = new URL("./visual-vocabulary.bin", import.meta.url);

let shipped: Vocabulary | undefined;
export function shippedVocabulary(): Vocabulary {
  return (shipped ??= Vocabulary.decode(fs.readFileSync(VOCABULARY_FILE)));
}

function kMajority(
  desc: Uint32Array,
  members: Int32Array,
  k: number,
  iterations: number,
  random: () => number,
): { centres: Uint32Array; assignment: Int32Array } {
  const n = members.length;
  const centres = new Uint32Array(k * W);
  const assignment = new Int32Array(n);
  if (n === 0) return { centres, assignment };
  // k-means++ seeding: each next centre drawn with probability ∝ squared distance to the nearest chosen one.
  const nearest = new Float64Array(n).fill(Infinity);
  let pick = Math.floor(random() * n);
  for (let c = 0; c < k; c += 1) {
    centres.set(desc.subarray(members[pick]! * W, members[pick]! * W + W), c * W);
    let sum = 0;
    for (let i = 0; i < n; i += 1) {
      const d = descriptorDistance(desc, members[i]! * W, centres, c * W);
      if (d * d < nearest[i]!) nearest[i] = d * d;
      sum += nearest[i]!;
    }
    if (sum === 0) break; // fewer distinct descriptors than centres: the rest stay copies
    let r = random() * sum;
    pick = 0;
    while (pick < n - 1 && (r -= nearest[pick]!) > 0) pick += 1;
  }
  const bits = new Int32Array(k * 256);
  const sizes = new Int32Array(k);
  for (let it = 0; it < iterations; it += 1) {
    for (let i = 0; i < n; i += 1) {
      let best = 0;
      let bestDistance = 257;
      for (let c = 0; c < k; c += 1) {
        const d = descriptorDistance(desc, members[i]! * W, centres, c * W);
        if (d < bestDistance) {
          bestDistance = d;
          best = c;
        }
      }
      assignment[i] = best;
    }
    if (it === iterations - 1) break;
    bits.fill(0);
    sizes.fill(0);
    for (let i = 0; i < n; i += 1) {
      const c = assignment[i]!;
      sizes[c] += 1;
      const at = members[i]! * W;
      for (let w = 0; w < W; w += 1) {
        const word = desc[at + w]!;
        for (let b = 0; b < 32; b += 1) bits[c * 256 + w * 32 + b] += (word >>> b) & 1;
      }
    }
    for (let c = 0; c < k; c += 1) {
      if (sizes[c] === 0) continue; // an empty cluster keeps its centre
      for (let w = 0; w < W; w += 1) {
        let word = 0;
        for (let b = 0; b < 32; b += 1) if (bits[c * 256 + w * 32 + b]! * 2 > sizes[c]!) word |= 1 << b;
        centres[c * W + w] = word >>> 0;
      }
    }
  }
  return { centres, assignment };
}

export interface WordBag {
  words: Uint32Array;
  counts: Uint16Array;
}

export interface WordCandidate {
  id: string;
  /** Share of the upload's idf-weighted words the image also has (0–1). */
  score: number;
}

/**
 * Inverted index from visual word to the images holding it, in memory. Scores an
 * upload against every indexed image at once: Σ over shared words of
 * idf(word) · min(count in upload, count in image), divided by the upload's own
 * total, so 1 means the image has every word of the upload. Words found in most
 * images (flat backgrounds) weigh little.
 */
export class VisualWordIndex {
  private readonly slotOf = new Map<string, number>();
  private readonly ids: Array<string | null> = [];
  private readonly bags: Array<WordBag | null> = [];
  private readonly free: number[] = [];
  /** Per word: slot << 8 | min(count, 255), growing arrays with their used lengths. */
  private readonly postings: Uint32Array[];
  private readonly used: Uint32Array;

  constructor(readonly vocabulary: Vocabulary = shippedVocabulary()) {
    this.postings = Array.from({ length: vocabulary.size }, () => new Uint32Array(0));
    this.used = new Uint32Array(vocabulary.size);
  }

  get size(): number {
    return this.slotOf.size;
  }

  has(id: string): boolean {
    return this.slotOf.has(id);
  }

  /** Adds (or replaces) an image's upright keypoints. */
  add(id: string, keypoints: Keypoints): void {
    this.addBag(id, this.vocabulary.bag(keypoints));
  }

  addBag(id: string, bag: WordBag): void {
    this.remove(id);
    const slot = this.free.pop() ?? this.ids.length;
    this.ids[slot] = id;
    this.bags[slot] = bag;
    this.slotOf.set(id, slot);
    for (let i = 0; i < bag.words.length; i += 1) {
      const w = bag.words[i]!;
      let list = this.postings[w]!;
      if (this.used[w] === list.length) {
        const grown = new Uint32Array(Math.max(4, list.length * 2));
        grown.set(list);
        this.postings[w] = list = grown;
      }
      list[this.used[w]!] = ((slot << 8) | Math.min(255, bag.counts[i]!)) >>> 0;
      this.used[w] += 1;
    }
  }

  remove(id: string): boolean {
    const slot = this.slotOf.get(id);
    if (slot === undefined) return false;
    const bag = this.bags[slot]!;
    for (const w of bag.words) {
      const list = this.postings[w]!;
      const n = this.used[w]!;
      for (let i = 0; i < n; i += 1) {
        if (list[i]! >>> 8 === slot) {
          list[i] = list[n - 1]!;
          this.used[w] = n - 1;
          break;
        }
      }
    }
    this.slotOf.delete(id);
    this.ids[slot] = null;
    this.bags[slot] = null;
    this.free.push(slot);
    return true;
  }

  /**
   * The `limit` images sharing the most weighted words with the upload, in either
   * orientation (a mirrored copy shares the mirrored keypoints' words), with a score of at
   * least `minScore`; `accept` filters ids (metadata filters, the upload itself).
   */
  candidates(query: KeypointPair, limit: number, accept: (id: string) => boolean = () => true, minScore = 0): WordCandidate[] {
    return this.candidatesOfBags([this.vocabulary.bag(query.upright), this.vocabulary.bag(query.mirrored)], limit, accept, minScore);
  }

  private candidatesOfBags(bags: WordBag[], limit: number, accept: (id: string) => boolean, minScore: number): WordCandidate[] {
    const n = this.slotOf.size;
    if (n === 0 || limit <= 0) return [];
    const best = new Float32Array(this.ids.length);
    const scores = new Float32Array(this.ids.length);
    const touched: number[] = [];
    for (const bag of bags) {
      let total = 0;
      scores.fill(0);
      const seen: number[] = [];
      for (let i = 0; i < bag.words.length; i += 1) {
        const w = bag.words[i]!;
        const df = this.used[w]!;
        const q = bag.counts[i]!;
        // Smoothed: never 0, so a tiny index (one or two images) still ranks.
        const idf = Math.log(1 + n / Math.max(1, df));
        total += idf * q;
        if (df === 0) continue;
        const list = this.postings[w]!;
        for (let j = 0; j < df; j += 1) {
          const slot = list[j]! >>> 8;
          if (scores[slot] === 0) seen.push(slot);
          scores[slot] += idf * Math.min(q, list[j]! & 255);
        }
      }
      if (total === 0) continue;
      for (const slot of seen) {
        const s = scores[slot]! / total;
        if (s <= 0) continue;
        if (best[slot] === 0) touched.push(slot);
        if (s > best[slot]!) best[slot] = s;
      }
    }
    // The top `limit` by score: a small sorted array, most slots rejected by one comparison.
    const top: WordCandidate[] = [];
    for (const slot of touched) {
      const score = best[slot]!;
      if (score < minScore || (top.length === limit && score <= top[top.length - 1]!.score)) continue;
      const id = this.ids[slot]!;
      if (!accept(id)) continue;
      let at = top.length;
      while (at > 0 && top[at - 1]!.score < score) at -= 1;
      top.splice(at, 0, { id, score });
      if (top.length > limit) top.pop();
    }
    return top;
  }
}

/**
 * Within one set of images (an upload batch, a benchmark split): each image's `limit` best
 * visual-word candidates among the others, as pairs keyed `min(i, j) · n + max(i, j)` with the
 * larger of the two directions' scores.
 */
export function wordCandidatePairs(images: KeypointPair[], vocabulary: Vocabulary, limit: number, minScore = 0): Map<number, number> {
  const n = images.length;
  const pairs = new Map<number, number>();
  if (n < 2) return pairs;
  const index = new VisualWordIndex(vocabulary);
  images.forEach((k, i) => index.add(String(i), k.upright));
  images.forEach((k, i) => {
    for (const c of index.candidates(k, limit, (id) => id !== String(i), minScore)) {
      const j = Number(c.id);
      const key = Math.min(i, j) * n + Math.max(i, j);
      pairs.set(key, Math.max(pairs.get(key) ?? 0, c.score));
    }
  });
  return pairs;
}
