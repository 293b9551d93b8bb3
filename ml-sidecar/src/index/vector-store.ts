import type { ImageHash } from "../dedup/hasher.ts";
import type { ModelSpace } from "../embedding/embedder.ts";
import type { Filter, Metadata } from "./filter.ts";

/** One indexed image: its vector, its perceptual hash and the caller's metadata. */
export interface ImageRecord {
  id: string;
  vector: Float32Array;
  hash: ImageHash;
  metadata: Metadata;
  /**
   * The same image seen another way (a product shot from its small copy, image-service.ts), searched
   * beside `vector`: the image scores by the nearer of the two. Kept by ViewedVectorStore; other
   * stores take records without it.
   */
  viewVector?: Float32Array;
  /**
   * The image as windows that cut it show it (a product shot's garment through corner windows,
   * image-service.ts), searched beside `vector` only when a search asks for them (`partial`). Kept by
   * ViewedVectorStore, like `viewVector`.
   */
  partialVectors?: Float32Array[];
  /** The model space the vector came from; a store holds one space only. */
  model: string;
  modelVersion: string;
  indexedAt: string;
}

export interface SearchHit {
  id: string;
  /** Cosine similarity, 1 = identical direction. */
  score: number;
  metadata: Metadata;
  hash: ImageHash;
}

export type SearchMethod = "hnsw" | "exact";

export interface SearchOptions {
  k: number;
  filter?: Filter;
  /** Also meet images' partial views (`ImageRecord.partialVectors`): the query shows part of something, cut by its photo's edge. */
  partial?: boolean;
}

/**
 * Port: a k-NN index over L2-normalised vectors of ONE model space, with
 * metadata filtering. Opening a store for a space never returns vectors of
 * another space: a model change gets a fresh store and a re-index.
 */
export interface VectorStore {
  readonly kind: string;
  readonly space: ModelSpace;
  /** How search finds neighbours now: an HNSW graph, or exact scoring of every row (small stores). */
  readonly searchMethod: SearchMethod;
  upsert(records: ImageRecord[]): Promise<void>;
  get(id: string): Promise<ImageRecord | null>;
  /** The vectors of those of `ids` that are stored, in one read (ids not stored are absent). */
  getVectors(ids: string[]): Promise<Map<string, Float32Array>>;
  delete(id: string): Promise<boolean>;
  search(vector: Float32Array, options: SearchOptions): Promise<SearchHit[]>;
  count(): Promise<number>;
  /**
   * Optional: records whose perceptual hash is within `maxDistance` bits of
   * `hash` (mirror-aware), nearest first. Lets search put re-encoded or
   * recoloured copies first even where the embedding ranks them low.
   */
  hashMatches?(
    hash: ImageHash,
    maxDistance: number,
    options: { limit: number; filter?: Filter },
  ): Promise<Array<SearchHit & { hashDistance: number }>>;
  /** Every record without vectors, in pages; used to re-index into a new space. */
  listRecords(offset: number, limit: number): Promise<Array<Omit<ImageRecord, "vector">>>;
  /** Makes every acknowledged write durable. */
  flush(): Promise<void>;
  close(): Promise<void>;
}

/** Opens stores per model space and finds spaces left behind by earlier models. */
export interface VectorStoreFactory {
  readonly kind: string;
  open(space: ModelSpace): Promise<VectorStore>;
  /** Space keys that hold data but are not `current`. */
  otherSpaces(current: ModelSpace): Promise<ModelSpace[]>;
  drop(space: ModelSpace): Promise<void>;
}

/** Marks the space of the images' second views (ViewedVectorStore) beside the space of their vectors. */
const VIEW_SPACE_SUFFIX = "+views";

/** The space a store of `space`'s images keeps their second views in. */
export function viewSpace(space: ModelSpace): ModelSpace {
  return { model: space.model, version: `${space.version}${VIEW_SPACE_SUFFIX}`, dim: space.dim };
}

export function isViewSpace(space: Pick<ModelSpace, "version">): boolean {
  return space.version.endsWith(VIEW_SPACE_SUFFIX);
}

export function assertSameSpace(store: VectorStore, record: Pick<ImageRecord, "model" | "modelVersion" | "vector">): void {
  if (record.model !== store.space.model || record.modelVersion !== store.space.version) {
    throw new Error(`vector from ${record.model}@${record.modelVersion} cannot go into a store of ${store.space.model}@${store.space.version}`);
  }
  if (record.vector.length !== store.space.dim) throw new Error(`vector has ${record.vector.length} dimensions, the store ${store.space.dim}`);
}
