import { ClientError } from "./errors.ts";
import { cosine, spaceKey, type Embedder } from "./embedding/embedder.ts";
import type { Hasher, ImageHash } from "./dedup/hasher.ts";
import {
  CANDIDATE_HASH_DISTANCE,
  DUPLICATE_CANDIDATES,
  MIN_WORD_SCORE,
  WORD_CANDIDATES,
  duplicateEvidence,
  groupDuplicates,
  type DuplicateEvidence,
  type DuplicateThresholds,
} from "./dedup/near-duplicates.ts";
import { layoutMatchScore, layoutThumbnail, prepareLayout } from "./dedup/layout-match.ts";
import { extractKeypoints, matchEitherOrientation, type KeypointMatch, type KeypointPair, type Keypoints } from "./dedup/keypoints.ts";
import type { KeypointStore } from "./dedup/keypoint-store.ts";
import type { VisualWordIndex } from "./dedup/visual-words.ts";
import { prepareImage, type ImageLimits, type PreparedImage } from "./image/preprocess.ts";
import { matchesFilter, type Filter, type Metadata } from "./index/filter.ts";
import type { ImageRecord, SearchHit, VectorStore } from "./index/vector-store.ts";
import type { SourceImageStore } from "./source-image-store.ts";
import type { Metrics } from "./metrics.ts";

export interface AnalysedImage {
  hash: ImageHash;
  vector: Float32Array;
  keypoints: KeypointPair;
}

export interface DuplicateHit {
  id: string;
  score: number;
  hash_distance: number;
  evidence: DuplicateEvidence;
  metadata: Metadata;
}

export type RankedHit = SearchHit & { hashDistance?: number; evidence?: DuplicateEvidence; layoutScore?: number };

/** Where verification reads indexed images' keypoints. */
export type KeypointSource = Pick<KeypointStore, "get">;

export interface VerificationOptions {
  /** Embedding neighbours verified by search (default SEARCH_VERIFIED_CANDIDATES). */
  verifiedCandidates?: number;
  /** Indexed images' keypoints; without it only the hash and the layout verify. */
  keypoints?: KeypointSource | null;
  /** Indexed images' visual words: candidates the embedding and the hash miss (crops, greyscale copies). */
  words?: VisualWordIndex | null;
  /** How many visual-word candidates are verified (default WORD_CANDIDATES; search: SEARCH_WORD_CANDIDATES). */
  wordCandidates?: number;
  /** The upload's visual-word candidates, already gathered (gatherWordEvidence); else gathered here. */
  wordEvidence?: WordEvidence;
}

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

/** The upload's keypoint match with an indexed image's stored keypoints (null: none are stored). */
async function matchStoredKeypoints(source: KeypointSource | null | undefined, query: KeypointPair, id: string): Promise<KeypointMatch | null> {
  const stored = source ? await source.get(id) : null;
  return stored ? matchEitherOrientation(query, stored) : null;
}

export async function gatherWordEvidence(
  store: VectorStore,
  query: KeypointPair,
  limit: number,
  filter: Filter,
  opts: Pick<VerificationOptions, "keypoints" | "words">,
): Promise<WordEvidence> {
  const evidence: WordEvidence = { candidates: [], matches: new Map() };
  for (const w of opts.words?.candidates(query, limit, undefined, MIN_WORD_SCORE) ?? []) {
    const record = await store.get(w.id);
    if (!record || !matchesFilter(record.metadata, filter)) continue;
    evidence.candidates.push(record);
    evidence.matches.set(w.id, await matchStoredKeypoints(opts.keypoints, query, w.id));
  }
  return evidence;
}

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
 * Candidates for "is this a copy of an indexed image": the embedding's
 * `candidates` nearest neighbours, where the store can scan hashes every image
 * within CANDIDATE_HASH_DISTANCE bits, and the WORD_CANDIDATES images sharing
 * the most visual words, at least MIN_WORD_SCORE of them (those outside the filter are
 * dropped, not replaced).
 * Each is judged by the two-stage rule (near-duplicates.ts); the verdict and
 * its evidence are attached.
 */
async function judgeCandidates(
  store: VectorStore,
  query: AnalysedImage,
  candidates: number,
  filter: Filter,
  t: DuplicateThresholds,
  hasher: Hasher,
  opts: Omit<VerificationOptions, "verifiedCandidates"> & { neighbours?: number },
): Promise<{ hits: RankedHit[]; verified: RankedHit[] }> {
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
  const words = opts.wordEvidence ?? (await gatherWordEvidence(store, query.keypoints, opts.wordCandidates ?? WORD_CANDIDATES, filter, opts));
  for (const { vector, ...rest } of words.candidates) {
    const known = byId.get(rest.id);
    if (known) known.words = true;
    else byId.set(rest.id, { ...rest, score: cosine(vector, query.vector), nearest: false, words: true });
  }
  const keypointMatch = async (id: string) => (words.matches.has(id) ? words.matches.get(id)! : matchStoredKeypoints(opts.keypoints, query.keypoints, id));
  const queryLayout = query.hash.layout ? prepareLayout(decodeLayout(query.hash.layout)) : null;
  const verified: RankedHit[] = [];
  for (const h of byId.values()) {
    const hashDistance = hasher.distance(query.hash, h.hash);
    const layout = h.hash.layout;
    const layoutScore = () => (h.layoutScore ??= queryLayout && layout ? layoutMatchScore(queryLayout, prepareLayout(decodeLayout(layout))) : 0);
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

/**
 * k-NN by embedding, with verified near-duplicates (two-stage rule,
 * near-duplicates.ts) ranked first: copies the colour-sensitive embedding
 * ranks low (greyscale, crops, heavy re-encoding) still come out on top.
 */
export async function searchWithDuplicatesFirst(
  store: VectorStore,
  query: AnalysedImage,
  k: number,
  filter: Filter,
  t: DuplicateThresholds,
  hasher: Hasher,
  opts: VerificationOptions = {},
): Promise<RankedHit[]> {
  const verifiedCandidates = opts.verifiedCandidates ?? SEARCH_VERIFIED_CANDIDATES;
  const { hits, verified } = await judgeCandidates(store, query, verifiedCandidates, filter, t, hasher, {
    ...opts,
    neighbours: k,
    wordCandidates: opts.wordCandidates ?? SEARCH_WORD_CANDIDATES,
  });
  const seen = new Set(verified.map((h) => h.id));
  return [...verified, ...hits.filter((h) => !seen.has(h.id))]
    .slice(0, k)
    .map(({ nearest: _n, words: _w, layoutScore: _l, ...h }: RankedHit & { nearest?: boolean; words?: boolean }) => h);
}

export function encodeLayout(layout: Uint8Array): string {
  return Buffer.from(layout.buffer, layout.byteOffset, layout.byteLength).toString("base64");
}

export function decodeLayout(b64: string): Uint8Array {
  return new Uint8Array(Buffer.from(b64, "base64"));
}

/** The sidecar's use cases, independent of HTTP. */
export class ImageService {
  constructor(
    readonly embedder: Embedder,
    readonly hasher: Hasher,
    readonly store: VectorStore,
    readonly thresholds: DuplicateThresholds,
    readonly limits: ImageLimits,
    private readonly sources: SourceImageStore | null,
    private readonly metrics: Metrics | null,
    readonly keypoints: KeypointStore | null = null,
    /** In memory: filled from the keypoint store by loadVisualWords, then kept up to date by put and delete. */
    readonly visualWords: VisualWordIndex | null = null,
  ) {}

  /** Stores an indexed image's keypoints and its visual words. */
  async indexKeypoints(id: string, upright: Keypoints): Promise<void> {
    await this.keypoints?.put(id, upright);
    this.visualWords?.add(id, upright);
  }

  /**
   * Fills the visual-word index from every indexed image's keypoints (made again from the kept
   * source where missing). Runs at start, in the background: until it is done, duplicate checks
   * see the images indexed so far. Returns how many images it added.
   */
  async loadVisualWords(): Promise<number> {
    if (!this.visualWords) return 0;
    let added = 0;
    const pageSize = 256;
    for (let offset = 0; ; offset += pageSize) {
      const page = await this.store.listRecords(offset, pageSize);
      if (!page.length) break;
      for (const { id } of page) {
        if (this.visualWords.has(id)) continue;
        const kp = await this.storedKeypoints(id).catch(() => null);
        if (kp) {
          this.visualWords.add(id, kp);
          added += 1;
        }
      }
    }
    return added;
  }

  /**
   * An indexed image's keypoints for verification: the stored ones, else (indexed before keypoints
   * existed, or under another KEYPOINTS_VERSION) made again from the kept source copy and stored.
   */
  private async storedKeypoints(id: string): Promise<Keypoints | null> {
    const kept = await this.keypoints?.get(id);
    if (kept || !this.keypoints) return kept ?? null;
    const source = await this.sources?.get(id);
    if (!source) return null;
    const { grey } = await prepareImage(source, this.limits);
    const { upright } = extractKeypoints(grey.data, grey.width, grey.height);
    await this.keypoints.put(id, upright);
    return upright;
  }

  private readonly verificationKeypoints: KeypointSource = { get: (id) => this.storedKeypoints(id) };

  /** Decode + validate every image (a bad one fails the whole call, naming its index). */
  private async prepareAll(buffers: Uint8Array[]): Promise<PreparedImage[]> {
    if (buffers.length === 0) throw new ClientError(400, "missing_image", "Send at least one multipart part named `image`.");
    const t0 = performance.now();
    const prepared = await Promise.all(
      buffers.map((b, i) =>
        prepareImage(b, this.limits).catch((err) => {
          if (err instanceof ClientError && buffers.length > 1) throw new ClientError(err.statusCode, err.type, `image ${i}: ${err.message}`);
          throw err;
        }),
      ),
    );
    this.metrics?.observeStage("decode", (performance.now() - t0) / 1000);
    return prepared;
  }

  /** One call to the embedder for all images (one batch for the pool). */
  private async embedPrepared(prepared: PreparedImage[]): Promise<Float32Array[]> {
    const t0 = performance.now();
    const vectors = await this.embedder.embed(prepared.map((p) => p.rgb));
    this.metrics?.observeStage("embed", (performance.now() - t0) / 1000);
    this.metrics?.imagesEmbedded.inc(prepared.length);
    return vectors;
  }

  /** Embeddings alone (/v1/embed): no hash, layout or keypoints. */
  async embed(buffers: Uint8Array[]): Promise<Float32Array[]> {
    return this.embedPrepared(await this.prepareAll(buffers));
  }

  /** Embedding, hash, layout thumbnail and keypoints of every image. */
  async analyse(buffers: Uint8Array[]): Promise<AnalysedImage[]> {
    return (await this.analyseWith(buffers, async () => null)).analysed;
  }

  /**
   * analyse, and `meanwhile` on this thread with the images' hashes and keypoints while the worker
   * pool embeds them (work that needs no embedding: visual-word candidates and their matches).
   */
  private async analyseWith<T>(buffers: Uint8Array[], meanwhile: (fingerprints: Omit<AnalysedImage, "vector">[]) => Promise<T>): Promise<{ analysed: AnalysedImage[]; meanwhile: T }> {
    const prepared = await this.prepareAll(buffers);
    const embedding = this.embedPrepared(prepared);
    // Hash, layout and keypoints are made on this thread while the worker pool embeds.
    const fingerprints = prepared.map((p) => ({
      hash: { ...this.hasher.hash(p), layout: encodeLayout(layoutThumbnail(p.rgb)) },
      keypoints: extractKeypoints(p.grey.data, p.grey.width, p.grey.height),
    }));
    const [vectors, done] = await Promise.all([embedding, meanwhile(fingerprints)]);
    return { analysed: fingerprints.map((f, i) => ({ ...f, vector: vectors[i]! })), meanwhile: done };
  }

  /** One upload analysed, with its visual-word evidence gathered while it is embedded. */
  private async analyseForVerification(image: Uint8Array, wordCandidates: number, filter: Filter): Promise<{ analysed: AnalysedImage; wordEvidence: WordEvidence }> {
    const { analysed, meanwhile } = await this.analyseWith([image], ([f]) =>
      gatherWordEvidence(this.store, f!.keypoints, wordCandidates, filter, { keypoints: this.verificationKeypoints, words: this.visualWords }),
    );
    return { analysed: analysed[0]!, wordEvidence: meanwhile };
  }

  async putImage(id: string, image: Uint8Array, metadata: Metadata): Promise<ImageRecord> {
    const [a] = await this.analyse([image]);
    const record: ImageRecord = {
      id,
      vector: a!.vector,
      hash: a!.hash,
      metadata,
      model: this.store.space.model,
      modelVersion: this.store.space.version,
      indexedAt: new Date().toISOString(),
    };
    await this.sources?.put(id, image);
    await this.indexKeypoints(id, a!.keypoints.upright);
    await this.store.upsert([record]);
    return record;
  }

  async search(query: { image?: Uint8Array; embedding?: number[] }, k: number, filter: Filter): Promise<RankedHit[]> {
    let vector: Float32Array;
    if (query.image) {
      const { analysed, wordEvidence } = await this.analyseForVerification(query.image, SEARCH_WORD_CANDIDATES, filter);
      const t0 = performance.now();
      const hits = await searchWithDuplicatesFirst(this.store, analysed, k, filter, this.thresholds, this.hasher, { keypoints: this.verificationKeypoints, wordEvidence });
      this.metrics?.observeStage("search", (performance.now() - t0) / 1000);
      return hits;
    } else if (query.embedding) {
      if (query.embedding.length !== this.store.space.dim) {
        throw new ClientError(400, "invalid_embedding", `embedding has ${query.embedding.length} numbers; the model ${spaceKey(this.store.space)} has ${this.store.space.dim}.`);
      }
      vector = Float32Array.from(query.embedding);
      let n = 0;
      for (const x of vector) n += x * x;
      if (!Number.isFinite(n) || n === 0) throw new ClientError(400, "invalid_embedding", "embedding must be finite and non-zero.");
      vector = vector.map((x) => x / Math.sqrt(n));
    } else throw new ClientError(400, "missing_query", "Send an `image` part or a JSON body with `embedding`.");
    const t0 = performance.now();
    const hits = await this.store.search(vector, { k, filter });
    this.metrics?.observeStage("search", (performance.now() - t0) / 1000);
    return hits;
  }

  async dedup(images: Uint8Array[]): Promise<number[][]> {
    const analysed = await this.analyse(images);
    return groupDuplicates(
      analysed.map((a) => ({ ...a, layout: decodeLayout(a.hash.layout!) })),
      this.hasher,
      this.thresholds,
      this.visualWords?.vocabulary ?? null,
    );
  }

  /**
   * Indexed images that one upload duplicates: its DUPLICATE_CANDIDATES
   * nearest neighbours, its hash candidates and its visual-word candidates,
   * judged by the two-stage rule.
   */
  async duplicatesOf(image: Uint8Array, candidates = DUPLICATE_CANDIDATES): Promise<DuplicateHit[]> {
    const { analysed, wordEvidence } = await this.analyseForVerification(image, WORD_CANDIDATES, []);
    const { verified } = await judgeCandidates(this.store, analysed, candidates, [], this.thresholds, this.hasher, { keypoints: this.verificationKeypoints, wordEvidence });
    return verified.map((h) => ({ id: h.id, score: h.score, hash_distance: h.hashDistance!, evidence: h.evidence!, metadata: h.metadata }));
  }

  async deleteImage(id: string): Promise<boolean> {
    const deleted = await this.store.delete(id);
    if (deleted) {
      this.visualWords?.remove(id);
      await Promise.all([this.sources?.delete(id), this.keypoints?.delete(id)]);
    }
    return deleted;
  }

  cosine(a: Float32Array, b: Float32Array): number {
    return cosine(a, b);
  }
}
