import { cosine } from "../embedding/embedder.ts";
import { matchesFilter, type Filter } from "../index/filter.ts";
import type { ImageRecord, SearchHit, VectorStore } from "../index/vector-store.ts";
import { decodeThumbnail, type Fingerprint } from "./fingerprint.ts";
import type { Hasher } from "./hasher.ts";
import type { KeypointStore } from "./keypoint-store.ts";
import { matchEitherOrientation, type KeypointMatch, type KeypointPair } from "./keypoints.ts";
import { layoutMatchScore, prepareLayout } from "./layout-match.ts";
import {
  CANDIDATE_HASH_DISTANCE,
  DUPLICATE_CANDIDATES,
  MIN_WORD_SCORE,
  WORD_CANDIDATES,
  duplicateEvidence,
  type DuplicateEvidence,
  type DuplicateThresholds,
} from "./near-duplicates.ts";
import type { VisualWordIndex } from "./visual-words.ts";

export type RankedHit = SearchHit & { hashDistance?: number; evidence?: DuplicateEvidence; layoutScore?: number };

/** Where verification reads indexed images' keypoints. */
export type KeypointSource = Pick<KeypointStore, "get">;

/**
 * Search verifies this many embedding neighbours (plus hash and visual-word candidates) as
 * duplicates, bounding its latency (hash candidates are capped at the same number). bench/retrieval.ts:
 * 5 miss one of 500 copies that 10 find, at two thirds of the search time (the visual words bring
 * the crops and greyscale copies the embedding ranks low); 20 find 2 more at three times the time.
 */
export const SEARCH_VERIFIED_CANDIDATES = 5;
/**
 * …and this many visual-word candidates (duplicate checks take WORD_CANDIDATES): each costs a keypoint
 * match, and bench/retrieval.ts finds the product among an upload's first 5 for all but 6 of 500 queries.
 */
export const SEARCH_WORD_CANDIDATES = 5;

/**
 * An upload's visual-word candidates (within the filter) and their keypoint matches. They need only
 * the upload's keypoints, not its embedding, so the service gathers them on its own thread while
 * the worker pool embeds: they cost the search no time on a machine with a core to spare.
 */
export interface WordEvidence {
  candidates: ImageRecord[];
  /** Each candidate's keypoint match with the upload (null: its keypoints are not known). */
  matches: Map<string, KeypointMatch | null>;
}

export interface CandidateVerifierOptions {
  store: VectorStore;
  hasher: Hasher;
  thresholds: DuplicateThresholds;
  /** Indexed images' keypoints; without them only the hash and the layout verify. */
  keypoints?: KeypointSource | null;
  /** Indexed images' visual words: candidates the embedding and the hash miss (crops, greyscale copies). */
  words?: VisualWordIndex | null;
}

export interface SearchVerification {
  /** Embedding neighbours verified (default SEARCH_VERIFIED_CANDIDATES). */
  verifiedCandidates?: number;
  /** Visual-word candidates verified (default SEARCH_WORD_CANDIDATES). */
  wordCandidates?: number;
  /** The upload's visual-word candidates, already gathered (gatherWordEvidence); else gathered here. */
  wordEvidence?: WordEvidence;
}

/**
 * Judges an upload's candidates by the two-stage rule (near-duplicates.ts) against one store:
 * the candidate-verification pipeline shared by /v1/search, /v1/duplicates and the benchmarks.
 */
export class CandidateVerifier {
  constructor(readonly options: CandidateVerifierOptions) {}

  /** The upload's keypoint match with an indexed image's stored keypoints (null: none are stored). */
  private async matchStoredKeypoints(query: KeypointPair, id: string): Promise<KeypointMatch | null> {
    const stored = this.options.keypoints ? await this.options.keypoints.get(id) : null;
    return stored ? matchEitherOrientation(query, stored) : null;
  }

  async gatherWordEvidence(query: KeypointPair, limit: number, filter: Filter): Promise<WordEvidence> {
    const evidence: WordEvidence = { candidates: [], matches: new Map() };
    for (const w of this.options.words?.candidates(query, limit, undefined, MIN_WORD_SCORE) ?? []) {
      const record = await this.options.store.get(w.id);
      if (!record || !matchesFilter(record.metadata, filter)) continue;
      evidence.candidates.push(record);
      evidence.matches.set(w.id, await this.matchStoredKeypoints(query, w.id));
    }
    return evidence;
  }

  /**
   * k-NN by embedding, with verified near-duplicates ranked first: copies the colour-sensitive
   * embedding ranks low (greyscale, crops, heavy re-encoding) still come out on top.
   */
  async search(query: Fingerprint, k: number, filter: Filter, opts: SearchVerification = {}): Promise<RankedHit[]> {
    const { hits, verified } = await this.judgeCandidates(query, opts.verifiedCandidates ?? SEARCH_VERIFIED_CANDIDATES, filter, {
      neighbours: k,
      wordCandidates: opts.wordCandidates ?? SEARCH_WORD_CANDIDATES,
      wordEvidence: opts.wordEvidence,
    });
    const seen = new Set(verified.map((h) => h.id));
    return [...verified, ...hits.filter((h) => !seen.has(h.id))]
      .slice(0, k)
      .map(({ nearest: _n, words: _w, layoutScore: _l, ...h }: RankedHit & { nearest?: boolean; words?: boolean }) => h);
  }

  /**
   * Indexed images that one upload duplicates: its `candidates` nearest neighbours, its hash
   * candidates and its WORD_CANDIDATES visual-word candidates, verified ones only.
   */
  async duplicatesOf(
    query: Fingerprint,
    candidates = DUPLICATE_CANDIDATES,
    opts: { wordEvidence?: WordEvidence; filter?: Filter } = {},
  ): Promise<RankedHit[]> {
    return (await this.judgeCandidates(query, candidates, opts.filter ?? [], { wordCandidates: WORD_CANDIDATES, wordEvidence: opts.wordEvidence }))
      .verified;
  }

  /**
   * Candidates for "is this a copy of an indexed image": the embedding's
   * `candidates` nearest neighbours, where the store can scan hashes every image
   * within CANDIDATE_HASH_DISTANCE bits, and the `wordCandidates` images sharing
   * the most visual words, at least MIN_WORD_SCORE of them (those outside the filter are
   * dropped, not replaced).
   * Each is judged by the two-stage rule (near-duplicates.ts); the verdict and
   * its evidence are attached.
   */
  private async judgeCandidates(
    query: Fingerprint,
    candidates: number,
    filter: Filter,
    opts: { neighbours?: number; wordCandidates: number; wordEvidence?: WordEvidence },
  ): Promise<{ hits: RankedHit[]; verified: RankedHit[] }> {
    const { store, hasher, thresholds: t } = this.options;
    // `neighbours` (search's k) may ask for more neighbours than are verified: those only rank.
    const embeddingHits = await store.search(query.vector, { k: Math.max(candidates, opts.neighbours ?? 0), filter });
    const hashHits = store.hashMatches ? await store.hashMatches(query.hash, CANDIDATE_HASH_DISTANCE, { limit: candidates, filter }) : [];
    type Candidate = RankedHit & { nearest: boolean; words: boolean };
    const byId = new Map<string, Candidate>(embeddingHits.slice(0, candidates).map((h) => [h.id, { ...h, nearest: true, words: false }]));
    for (const h of hashHits) {
      if (byId.has(h.id)) continue;
      const record = await store.get(h.id);
      byId.set(h.id, { ...h, score: record ? cosine(record.vector, query.vector) : 0, nearest: false, words: false });
    }
    const words = opts.wordEvidence ?? (await this.gatherWordEvidence(query.keypoints, opts.wordCandidates, filter));
    for (const { vector, ...rest } of words.candidates) {
      const known = byId.get(rest.id);
      if (known) known.words = true;
      else byId.set(rest.id, { ...rest, score: cosine(vector, query.vector), nearest: false, words: true });
    }
    const keypointMatch = async (id: string) => (words.matches.has(id) ? words.matches.get(id)! : this.matchStoredKeypoints(query.keypoints, id));
    const queryLayout = prepareLayout(query.layout);
    const verified: RankedHit[] = [];
    for (const h of byId.values()) {
      const hashDistance = hasher.distance(query.hash, h.hash);
      const layout = h.hash.layout;
      const layoutScore = () => (h.layoutScore ??= layout ? layoutMatchScore(queryLayout, prepareLayout(decodeThumbnail(layout))) : 0);
      const signals = { hashDistance, cosine: h.score, nearest: h.nearest, words: h.words, layoutScore };
      // Keypoints are read (or made) only for candidates the hash and the layout leave undecided.
      let undecided = false;
      let evidence = duplicateEvidence({ ...signals, keypointMatch: () => ((undecided = true), null) }, t);
      const match = undecided ? await keypointMatch(h.id) : null;
      if (match) evidence = duplicateEvidence({ ...signals, keypointMatch: () => match }, t);
      h.hashDistance = hashDistance;
      if (evidence) verified.push(Object.assign(h, { evidence }));
    }
    // Hash evidence first (nearest hash first), then layout-verified copies by layout score, then keypoint-verified ones.
    const rank = (x: RankedHit) => (x.evidence === "hash" ? 2 + (64 - x.hashDistance!) : x.evidence === "layout" ? x.layoutScore! : 0);
    verified.sort((a, b) => rank(b) - rank(a) || b.score - a.score);
    return { hits: embeddingHits, verified };
  }
}
