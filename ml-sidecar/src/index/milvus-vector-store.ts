import { createHash } from "node:crypto";
import { DataType, MilvusClient } from "@zilliz/milvus2-sdk-node";
import type { ModelSpace } from "../embedding/embedder.ts";
import { spaceKey } from "../embedding/embedder.ts";
import type { Filter, Scalar } from "./filter.ts";
import type { ImageHash } from "../dedup/hasher.ts";
import {
  assertSameSpace,
  type ImageRecord,
  type SearchHit,
  type SearchMethod,
  type SearchOptions,
  type VectorStore,
  type VectorStoreFactory,
} from "./vector-store.ts";

export interface MilvusOptions {
  address: string;
  token?: string;
  /** Collections are named `<prefix>_<hash of model space>`. */
  collectionPrefix: string;
  hnsw: { M: number; efConstruction: number; ef: number };
}

type Row = {
  id: string;
  hash: string;
  hash_mirror: string;
  layout?: string;
  model: string;
  model_version: string;
  indexed_at: string;
  metadata: Record<string, unknown>;
  vector?: number[];
};

const OUTPUT_FIELDS = ["id", "hash", "hash_mirror", "layout", "model", "model_version", "indexed_at", "metadata"];

function check(res: { error_code?: string | number; reason?: string; status?: { error_code?: string | number; reason?: string } }, what: string) {
  const status = res.status ?? res;
  if (status.error_code !== undefined && status.error_code !== "Success" && status.error_code !== 0) {
    throw new Error(`milvus ${what}: ${status.reason || status.error_code}`);
  }
}

/**
 * Milvus adapter: one collection per model space, HNSW/COSINE on the vector,
 * metadata in a JSON field queried with filter expressions, strong
 * consistency so a search sees the caller's own writes.
 */
export class MilvusVectorStore implements VectorStore {
  readonly kind = "milvus";
  /** Every collection has an HNSW index. */
  readonly searchMethod: SearchMethod = "hnsw";

  constructor(
    private readonly client: MilvusClient,
    readonly space: ModelSpace,
    readonly collection: string,
    private readonly options: MilvusOptions,
  ) {}

  async upsert(records: ImageRecord[]): Promise<void> {
    for (const r of records) assertSameSpace(this, r);
    if (!records.length) return;
    const res = await this.client.upsert({
      collection_name: this.collection,
      data: records.map((r) => ({
        id: r.id,
        vector: Array.from(r.vector),
        hash: r.hash.hex,
        hash_mirror: r.hash.mirrorHex,
        layout: r.hash.layout ?? "",
        model: r.model,
        model_version: r.modelVersion,
        indexed_at: r.indexedAt,
        metadata: r.metadata,
      })),
    });
    check(res, "upsert");
  }

  async get(id: string): Promise<ImageRecord | null> {
    const res = await this.client.query({
      collection_name: this.collection,
      filter: `id == ${JSON.stringify(id)}`,
      output_fields: [...OUTPUT_FIELDS, "vector"],
      limit: 1,
    });
    check(res, "get");
    const row = (res.data as Row[])[0];
    return row ? { ...this.toMeta(row), vector: Float32Array.from(row.vector ?? []) } : null;
  }

  async getVectors(ids: string[]): Promise<Map<string, Float32Array>> {
    const vectors = new Map<string, Float32Array>();
    if (!ids.length) return vectors;
    const res = await this.client.query({
      collection_name: this.collection,
      filter: `id in ${JSON.stringify([...new Set(ids)])}`,
      output_fields: ["id", "vector"],
      limit: ids.length,
    });
    check(res, "get vectors");
    for (const row of res.data as Row[]) vectors.set(String(row.id), Float32Array.from(row.vector ?? []));
    return vectors;
  }

  async delete(id: string): Promise<boolean> {
    const existing = await this.get(id);
    if (!existing) return false;
    const res = await this.client.delete({ collection_name: this.collection, filter: `id == ${JSON.stringify(id)}` });
    check(res, "delete");
    return true;
  }

  async search(vector: Float32Array, { k, filter }: SearchOptions): Promise<SearchHit[]> {
    const expr = filter && filter.length ? toMilvusExpression(filter) : "";
    const res = await this.client.search({
      collection_name: this.collection,
      data: [Array.from(vector)],
      anns_field: "vector",
      limit: k,
      filter: expr,
      output_fields: OUTPUT_FIELDS,
      params: { ef: Math.max(this.options.hnsw.ef, k) },
    });
    check(res, "search");
    const rows = res.results as Array<Row & { score: number }>;
    return rows.map((r) => ({ id: String(r.id), score: r.score, metadata: r.metadata ?? {}, hash: toHash(r) }));
  }

  async count(): Promise<number> {
    const res = await this.client.query({ collection_name: this.collection, filter: "", output_fields: ["count(*)"] });
    check(res, "count");
    return Number((res.data[0] as Record<string, unknown>)["count(*)"] ?? 0);
  }

  async listRecords(offset: number, limit: number): Promise<Array<Omit<ImageRecord, "vector">>> {
    const res = await this.client.query({ collection_name: this.collection, filter: 'id != ""', output_fields: OUTPUT_FIELDS, offset, limit });
    check(res, "list");
    return (res.data as Row[]).map((r) => this.toMeta(r));
  }

  private toMeta(r: Row): Omit<ImageRecord, "vector"> {
    return {
      id: String(r.id),
      hash: toHash(r),
      metadata: r.metadata ?? {},
      model: r.model,
      modelVersion: r.model_version,
      indexedAt: r.indexed_at,
    };
  }

  async flush(): Promise<void> {
    await this.client.flushSync({ collection_names: [this.collection] });
  }

  async close(): Promise<void> {
    // The client is shared by the factory.
  }
}

export class MilvusVectorStoreFactory implements VectorStoreFactory {
  readonly kind = "milvus";
  readonly client: MilvusClient;

  constructor(private readonly options: MilvusOptions) {
    this.client = new MilvusClient({ address: options.address, token: options.token });
  }

  collectionFor(space: Pick<ModelSpace, "model" | "version">): string {
    return `${this.options.collectionPrefix}_${createHash("sha1").update(spaceKey(space)).digest("hex").slice(0, 12)}`;
  }

  async open(space: ModelSpace): Promise<MilvusVectorStore> {
    const collection = this.collectionFor(space);
    const has = await this.client.hasCollection({ collection_name: collection });
    if (!has.value) {
      const res = await this.client.createCollection({
        collection_name: collection,
        // The description carries the model space, so otherSpaces() can find old collections.
        description: JSON.stringify(space),
        consistency_level: "Strong",
        fields: [
          { name: "id", data_type: DataType.VarChar, is_primary_key: true, max_length: 256 },
          { name: "vector", data_type: DataType.FloatVector, dim: space.dim },
          { name: "hash", data_type: DataType.VarChar, max_length: 16 },
          { name: "hash_mirror", data_type: DataType.VarChar, max_length: 16 },
          // base64 of the 56×56 layout thumbnail (4,184 characters).
          { name: "layout", data_type: DataType.VarChar, max_length: 4200 },
          { name: "model", data_type: DataType.VarChar, max_length: 256 },
          { name: "model_version", data_type: DataType.VarChar, max_length: 128 },
          { name: "indexed_at", data_type: DataType.VarChar, max_length: 40 },
          { name: "metadata", data_type: DataType.JSON },
        ],
      });
      check(res, "createCollection");
      const idx = await this.client.createIndex({
        collection_name: collection,
        field_name: "vector",
        index_type: "HNSW",
        metric_type: "COSINE",
        params: { M: this.options.hnsw.M, efConstruction: this.options.hnsw.efConstruction },
      });
      check(idx, "createIndex");
    }
    const loaded = await this.client.loadCollectionSync({ collection_name: collection });
    check(loaded, "loadCollection");
    return new MilvusVectorStore(this.client, space, collection, this.options);
  }

  async otherSpaces(current: ModelSpace): Promise<ModelSpace[]> {
    const res = await this.client.showCollections();
    const out: ModelSpace[] = [];
    for (const c of res.data ?? []) {
      if (!c.name.startsWith(`${this.options.collectionPrefix}_`) || c.name === this.collectionFor(current)) continue;
      try {
        const d = await this.client.describeCollection({ collection_name: c.name });
        out.push(JSON.parse(d.schema.description) as ModelSpace);
      } catch {
        // not ours
      }
    }
    return out;
  }

  async drop(space: ModelSpace): Promise<void> {
    await this.client.dropCollection({ collection_name: this.collectionFor(space) });
  }
}

function toHash(r: Row): ImageHash {
  return r.layout ? { hex: r.hash, mirrorHex: r.hash_mirror, layout: r.layout } : { hex: r.hash, mirrorHex: r.hash_mirror };
}

function milvusLiteral(v: Scalar): string {
  return typeof v === "string" ? JSON.stringify(v) : String(v);
}

/**
 * Milvus boolean expression over the JSON `metadata` field. Array-valued
 * fields are matched with json_contains / json_contains_any so that
 * variant_ids behaves like in the embedded store.
 */
export function toMilvusExpression(filter: Filter, jsonField = "metadata"): string {
  const parts = filter.map((c) => {
    const f = `${jsonField}["${c.field}"]`;
    if (c.op === "eq") return `(${f} == ${milvusLiteral(c.value)} || json_contains(${f}, ${milvusLiteral(c.value)}))`;
    if (c.op === "in") {
      const list = `[${c.values.map(milvusLiteral).join(", ")}]`;
      return `(${f} in ${list} || json_contains_any(${f}, ${list}))`;
    }
    const r: string[] = [];
    if (c.gt !== undefined) r.push(`${f} > ${c.gt}`);
    if (c.gte !== undefined) r.push(`${f} >= ${c.gte}`);
    if (c.lt !== undefined) r.push(`${f} < ${c.lt}`);
    if (c.lte !== undefined) r.push(`${f} <= ${c.lte}`);
    return `(${r.join(" && ")})`;
  });
  return parts.join(" && ");
}
