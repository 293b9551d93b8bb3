import { ClientError } from "./errors.ts";
import { cosine, spaceKey, type Embedder } from "./embedding/embedder.ts";
import type { Hasher, ImageHash } from "./dedup/hasher.ts";
import { duplicateEvidence, groupDuplicates, type DuplicateEvidence, type DuplicateThresholds } from "./dedup/near-duplicates.ts";
import { prepareImage, type ImageLimits } from "./image/preprocess.ts";
import type { Filter, Metadata } from "./index/filter.ts";
import type { ImageRecord, SearchHit, VectorStore } from "./index/vector-store.ts";
import type { SourceImageStore } from "./source-image-store.ts";
import type { Metrics } from "./metrics.ts";

export interface AnalysedImage {
  hash: ImageHash;
  vector: Float32Array;
}

export interface DuplicateHit {
  id: string;
  score: number;
  hash_distance: number;
  evidence: DuplicateEvidence;
  metadata: Metadata;
}

export type RankedHit = SearchHit & { hashDistance?: number };

/**
 * k-NN by embedding, with perceptual-hash matches (distance ≤ maxHashDistance,
 * precision 0.998 in bench/dedup.ts) ranked first: the hash finds greyscale,
 * blurred or re-encoded copies that the colour-sensitive embedding ranks low.
 * Stores without a hash scan get plain k-NN.
 */
export async function searchWithHashMatches(
  store: VectorStore,
  query: { vector: Float32Array; hash: ImageHash },
  k: number,
  filter: Filter,
  maxHashDistance: number,
): Promise<RankedHit[]> {
  const embeddingHits = await store.search(query.vector, { k, filter });
  if (!store.hashMatches) return embeddingHits;
  const hashHits = await store.hashMatches(query.hash, maxHashDistance, { limit: k, filter });
  if (!hashHits.length) return embeddingHits;
  const scored = new Map(embeddingHits.map((h) => [h.id, h.score]));
  const first: RankedHit[] = [];
  for (const h of hashHits) {
    let score = scored.get(h.id);
    if (score === undefined) {
      const record = await store.get(h.id);
      score = record ? cosine(record.vector, query.vector) : 0;
    }
    first.push({ ...h, score });
  }
  first.sort((a, b) => a.hashDistance! - b.hashDistance! || b.score - a.score);
  const seen = new Set(first.map((h) => h.id));
  return [...first, ...embeddingHits.filter((h) => !seen.has(h.id))].slice(0, k);
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
  ) {}

  /** Decode + validate every image, then embed them in one call (one batch for the pool). */
  async analyse(buffers: Uint8Array[]): Promise<AnalysedImage[]> {
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
    const t1 = performance.now();
    const vectors = await this.embedder.embed(prepared.map((p) => p.rgb));
    const t2 = performance.now();
    this.metrics?.observeStage("decode", (t1 - t0) / 1000);
    this.metrics?.observeStage("embed", (t2 - t1) / 1000);
    this.metrics?.imagesEmbedded.inc(prepared.length);
    return prepared.map((p, i) => ({ hash: this.hasher.hash(p), vector: vectors[i]! }));
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
    await this.store.upsert([record]);
    return record;
  }

  async search(query: { image?: Uint8Array; embedding?: number[] }, k: number, filter: Filter): Promise<RankedHit[]> {
    let vector: Float32Array;
    if (query.image) {
      const [a] = await this.analyse([query.image]);
      const t0 = performance.now();
      const hits = await searchWithHashMatches(this.store, a!, k, filter, this.thresholds.maxHashDistance);
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
    return groupDuplicates(analysed, this.hasher, this.thresholds);
  }

  /**
   * Indexed images that one upload duplicates. Candidates are the embedding's
   * nearest neighbours plus, where the store can scan hashes, every image
   * within the hash threshold; each is judged on hash distance and cosine.
   */
  async duplicatesOf(image: Uint8Array, candidates = 50): Promise<DuplicateHit[]> {
    const [a] = await this.analyse([image]);
    const hits = await searchWithHashMatches(this.store, a!, candidates, [], this.thresholds.maxHashDistance);
    const out: DuplicateHit[] = [];
    for (const h of hits) {
      const distance = this.hasher.distance(a!.hash, h.hash);
      const evidence = duplicateEvidence(distance, h.score, this.thresholds);
      if (evidence) out.push({ id: h.id, score: h.score, hash_distance: distance, evidence, metadata: h.metadata });
    }
    return out;
  }

  async deleteImage(id: string): Promise<boolean> {
    const deleted = await this.store.delete(id);
    if (deleted) await this.sources?.delete(id);
    return deleted;
  }

  cosine(a: Float32Array, b: Float32Array): number {
    return cosine(a, b);
  }
}
