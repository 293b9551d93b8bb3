import { ClientError } from "./errors.ts";
import type { ProductShotInputs } from "./describe/product-shot-input.ts";
import { spaceKey, type Embedder, type ModelSpace } from "./embedding/embedder.ts";
import type { Hasher } from "./dedup/hasher.ts";
import { DUPLICATE_CANDIDATES, WORD_CANDIDATES, groupDuplicates, type DuplicateEvidence, type DuplicateThresholds } from "./dedup/near-duplicates.ts";
import { CandidateVerifier, SEARCH_WORD_CANDIDATES, type RankedHit, type WordEvidence } from "./dedup/candidate-verification.ts";
import { fingerprint, storedHash, type Fingerprint, type LocalFingerprint } from "./dedup/fingerprint.ts";
import { extractKeypoints, type Keypoints } from "./dedup/keypoints.ts";
import type { KeypointStore } from "./dedup/keypoint-store.ts";
import type { VisualWordIndex } from "./dedup/visual-words.ts";
import { prepareImage, type ImageLimits, type PreparedImage } from "./image/preprocess.ts";
import type { Filter, Metadata } from "./index/filter.ts";
import type { ImageRecord, SearchMethod, VectorStore } from "./index/vector-store.ts";
import type { SourceImageStore } from "./source-image-store.ts";
import type { Metrics } from "./metrics.ts";

export interface DuplicateHit {
  id: string;
  score: number;
  hash_distance: number;
  evidence: DuplicateEvidence;
  metadata: Metadata;
}

export interface ImageServiceOptions {
  embedder: Embedder;
  hasher: Hasher;
  store: VectorStore;
  thresholds: DuplicateThresholds;
  limits: ImageLimits;
  /** Downscaled copies of indexed images, for re-indexing and for keypoints made late; none: neither. */
  sources?: SourceImageStore | null;
  metrics?: Metrics | null;
  /** Indexed images' keypoints; none: only the hash and the layout verify. */
  keypoints?: KeypointStore | null;
  /** In memory: filled from the keypoint store by loadVisualWords, then kept up to date by put and delete. */
  visualWords?: VisualWordIndex | null;
  /**
   * The model inputs of a catalog product shot (metadata kind "product"): its garment framed as
   * /v1/describe frames a shopper's photo, and the same from a small copy
   * (describe/product-shot-input.ts); null: index it whole.
   */
  productShotInputs?: ((upload: Uint8Array) => Promise<ProductShotInputs | null>) | null;
}

/**
 * Bump when what a product shot is indexed by changes (its views, how they are framed): the index
 * moves to a new space and is re-made from the kept source copies, and Medusa re-indexes what the
 * sidecar lacks. 2: a second view from a small copy; 3: partial views through corner windows.
 */
export const GALLERY_RECIPE_VERSION = 3;

/** The space the index stores vectors in: the embedder's, under this service's gallery recipe. */
export function indexSpace(embedder: ModelSpace): ModelSpace {
  return { model: embedder.model, version: `${embedder.version}.gallery-${GALLERY_RECIPE_VERSION}`, dim: embedder.dim };
}

/** Metadata kind of catalog product images (the Medusa index workflow sends it). */
export const PRODUCT_KIND = "product";

/** An image of an older model space to index again from its kept source copy (Reindexer). */
export interface ReindexItem {
  meta: Omit<ImageRecord, "vector">;
  image: Uint8Array;
}

/** The sidecar's use cases, independent of HTTP. */
export class ImageService {
  readonly embedder: Embedder;
  readonly hasher: Hasher;
  readonly thresholds: DuplicateThresholds;
  readonly limits: ImageLimits;
  /** Candidate verification against this service's store, keypoints and visual words. */
  readonly verifier: CandidateVerifier;
  private readonly store: VectorStore;
  private readonly sources: SourceImageStore | null;
  private readonly metrics: Metrics | null;
  private readonly keypoints: KeypointStore | null;
  private readonly visualWords: VisualWordIndex | null;
  private readonly productShotInputs: ((upload: Uint8Array) => Promise<ProductShotInputs | null>) | null;

  constructor(options: ImageServiceOptions) {
    this.embedder = options.embedder;
    this.hasher = options.hasher;
    this.store = options.store;
    this.thresholds = options.thresholds;
    this.limits = options.limits;
    this.sources = options.sources ?? null;
    this.metrics = options.metrics ?? null;
    this.keypoints = options.keypoints ?? null;
    this.visualWords = options.visualWords ?? null;
    this.productShotInputs = options.productShotInputs ?? null;
    this.verifier = new CandidateVerifier({
      store: this.store,
      hasher: this.hasher,
      thresholds: this.thresholds,
      keypoints: { get: (id) => this.storedKeypoints(id) },
      words: this.visualWords,
    });
  }

  /** The model space of every vector this service stores and answers with. */
  get space(): ModelSpace {
    return this.store.space;
  }

  /** The index: its adapter, and whether search is exact or by HNSW right now. */
  get indexInfo(): { kind: string; searchMethod: SearchMethod } {
    return { kind: this.store.kind, searchMethod: this.store.searchMethod };
  }

  /** Images whose visual words are loaded (at start this catches up with the index), and the vocabulary size. */
  get visualWordsStatus(): { images: number; words: number } | null {
    return this.visualWords ? { images: this.visualWords.size, words: this.visualWords.vocabulary.size } : null;
  }

  imageCount(): Promise<number> {
    return this.store.count();
  }

  getImage(id: string): Promise<ImageRecord | null> {
    return this.store.get(id);
  }

  /** The stored vectors of those of `ids` that are indexed (others absent), all of the current model space. */
  getEmbeddings(ids: string[]): Promise<Map<string, Float32Array>> {
    return this.store.getVectors(ids);
  }

  /** Makes every acknowledged write durable. */
  flush(): Promise<void> {
    return this.store.flush();
  }

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

  /** One call to the embedder for all images (one batch for the pool), measured. */
  private async embedRgb(rgb: Uint8Array[]): Promise<Float32Array[]> {
    const t0 = performance.now();
    const vectors = await this.embedder.embed(rgb);
    this.metrics?.observeStage("embed", (performance.now() - t0) / 1000);
    this.metrics?.imagesEmbedded.inc(rgb.length);
    return vectors;
  }

  /** Embeddings alone (/v1/embed): no hash, layout or keypoints. */
  async embed(buffers: Uint8Array[]): Promise<Float32Array[]> {
    return this.embedRgb((await this.prepareAll(buffers)).map((p) => p.rgb));
  }

  /** Fingerprints of every image; `meanwhile` as in fingerprint() (dedup/fingerprint.ts). */
  private async fingerprintAll(buffers: Uint8Array[], meanwhile?: (local: LocalFingerprint[]) => Promise<void>): Promise<Fingerprint[]> {
    const prepared = await this.prepareAll(buffers);
    return fingerprint(prepared, { embedder: { embed: (rgb) => this.embedRgb(rgb) }, hasher: this.hasher }, meanwhile);
  }

  /** One upload fingerprinted, with its visual-word evidence gathered while it is embedded. */
  private async fingerprintForVerification(
    image: Uint8Array,
    wordCandidates: number,
    filter: Filter,
  ): Promise<{ query: Fingerprint; wordEvidence: WordEvidence }> {
    let wordEvidence: WordEvidence = { candidates: [], matches: new Map() };
    const [query] = await this.fingerprintAll([image], async ([local]) => {
      wordEvidence = await this.verifier.gatherWordEvidence(local!.keypoints, wordCandidates, filter);
    });
    return { query: query!, wordEvidence };
  }

  /** Indexes fingerprinted images under the current space (keypoints and visual words first). */
  private async indexFingerprints(
    items: Array<{ meta: Omit<ImageRecord, "vector" | "hash" | "model" | "modelVersion" | "indexedAt">; print: Fingerprint; image: Uint8Array }>,
  ): Promise<ImageRecord[]> {
    const vectors = await this.searchVectors(items);
    const records = items.map(({ meta, print }, i): ImageRecord => ({
      ...meta,
      ...vectors[i]!,
      hash: storedHash(print),
      model: this.store.space.model,
      modelVersion: this.store.space.version,
      indexedAt: new Date().toISOString(),
    }));
    await Promise.all(items.map(({ meta, print }) => this.indexKeypoints(meta.id, print.keypoints.upright)));
    await this.store.upsert(records);
    return records;
  }

  /**
   * The vectors k-NN searches: a product shot's garment crop, with its small copy's as the second view
   * and its partial views, where the garment is found (see productShotInputs), else the whole image's
   * fingerprint vector.
   * Duplicate checks keep using the hash and keypoints of the whole image.
   */
  private async searchVectors(
    items: Array<{ meta: { metadata: Metadata }; print: Fingerprint; image: Uint8Array }>,
  ): Promise<Array<Pick<ImageRecord, "vector" | "viewVector" | "partialVectors">>> {
    const vectors: Array<Pick<ImageRecord, "vector" | "viewVector" | "partialVectors">> = items.map((item) => ({ vector: item.print.vector }));
    const shotInputs = this.productShotInputs;
    if (!shotInputs) return vectors;
    const t0 = performance.now();
    const inputs = await Promise.all(
      items.map((item) =>
        item.meta.metadata.kind === PRODUCT_KIND
          ? shotInputs(item.image).catch(() => null) // a detector failure indexes it whole, never fails the put
          : Promise.resolve(null),
      ),
    );
    this.metrics?.observeStage("product_shot", (performance.now() - t0) / 1000);
    const batch: Uint8Array[] = [];
    const at = inputs.map((input) => {
      if (!input) return null;
      const garment = batch.push(input.garment) - 1;
      const small = input.small ? batch.push(input.small) - 1 : null;
      const partials = input.partials.map((p) => batch.push(p) - 1);
      return { garment, small, partials };
    });
    if (!batch.length) return vectors;
    const embedded = await this.embedRgb(batch);
    at.forEach((place, i) => {
      if (!place) return;
      vectors[i] = {
        vector: embedded[place.garment]!,
        ...(place.small !== null ? { viewVector: embedded[place.small]! } : {}),
        ...(place.partials.length ? { partialVectors: place.partials.map((p) => embedded[p]!) } : {}),
      };
    });
    return vectors;
  }

  async putImage(id: string, image: Uint8Array, metadata: Metadata): Promise<ImageRecord> {
    const [print] = await this.fingerprintAll([image]);
    await this.sources?.put(id, image);
    const [record] = await this.indexFingerprints([{ meta: { id, metadata }, print: print!, image }]);
    return record!;
  }

  /** Re-indexes images of an older model space from their kept source copies (their ids and metadata kept). */
  async reindexFromSources(items: ReindexItem[]): Promise<void> {
    const prints = await this.fingerprintAll(items.map((t) => t.image));
    await this.indexFingerprints(items.map(({ meta, image }, i) => ({ meta: { id: meta.id, metadata: meta.metadata }, print: prints[i]!, image })));
  }

  async search(query: { image?: Uint8Array; embedding?: number[] }, k: number, filter: Filter): Promise<RankedHit[]> {
    let vector: Float32Array;
    if (query.image) {
      const { query: upload, wordEvidence } = await this.fingerprintForVerification(query.image, SEARCH_WORD_CANDIDATES, filter);
      const t0 = performance.now();
      const hits = await this.verifier.search(upload, k, filter, { wordEvidence });
      this.metrics?.observeStage("search", (performance.now() - t0) / 1000);
      return hits;
    } else if (query.embedding) {
      if (query.embedding.length !== this.store.space.dim) {
        throw new ClientError(
          400,
          "invalid_embedding",
          `embedding has ${query.embedding.length} numbers; the model ${spaceKey(this.store.space)} has ${this.store.space.dim}.`,
        );
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
    return groupDuplicates(await this.fingerprintAll(images), this.hasher, this.thresholds, this.visualWords?.vocabulary ?? null);
  }

  /**
   * Indexed images that one upload duplicates: its DUPLICATE_CANDIDATES
   * nearest neighbours, its hash candidates and its visual-word candidates,
   * judged by the two-stage rule.
   */
  /** Indexed images that are near-duplicates of the image, among those the filter admits. */
  async duplicatesOf(image: Uint8Array, filter: Filter = [], candidates = DUPLICATE_CANDIDATES): Promise<DuplicateHit[]> {
    const { query, wordEvidence } = await this.fingerprintForVerification(image, WORD_CANDIDATES, filter);
    const verified = await this.verifier.duplicatesOf(query, candidates, { wordEvidence, filter });
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
}
