import fs from "node:fs";
import fsp from "node:fs/promises";
import path from "node:path";
import { createHash } from "node:crypto";
import { Index as UsearchIndex, Matches, MetricKind, ScalarKind, exactSearch } from "usearch";
import type { ModelSpace } from "../embedding/embedder.ts";
import { spaceKey } from "../embedding/embedder.ts";
import { matchesFilter, type Filter } from "./filter.ts";
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

export interface HnswSettings {
  connectivity: number;
  expansionAdd: number;
  expansionSearch: number;
}

export interface EmbeddedStoreOptions {
  /** Below this many records search is exact (recall 1); at and above it an HNSW graph is built. */
  exactSearchBelow: number;
  hnsw: HnswSettings;
  /** Writes are saved this long after the last one (batching many upserts into one save). */
  saveDelayMs: number;
}

/** Rows a graph build inserts on one thread before going parallel (see buildHnsw). */
const HNSW_SERIAL_SEED_ROWS = 1024;

export const DEFAULT_EMBEDDED_OPTIONS: EmbeddedStoreOptions = {
  exactSearchBelow: 20_000,
  hnsw: { connectivity: 16, expansionAdd: 128, expansionSearch: 256 },
  saveDelayMs: 1000,
};

type Meta = Omit<ImageRecord, "vector">;

/**
 * The default store, zero services: vectors in a growable Float32Array slab,
 * metadata in memory, an optional usearch HNSW graph, all persisted to a data
 * folder as generations (write a new folder, fsync, rename, then switch the
 * CURRENT pointer by rename), so a crash leaves the previous save intact.
 */
export class EmbeddedVectorStore implements VectorStore {
  readonly kind = "embedded";
  private slab: Float32Array;
  private records: Array<Meta | null> = [];
  private slotOf = new Map<string, number>();
  /** Per slot: hash hi, hash lo, mirror hi, mirror lo — for fast Hamming scans. */
  private hashWords = new Uint32Array(1024 * 4);
  private freeSlots: number[] = [];
  private hnsw: UsearchIndex | null = null;
  private saveTimer: NodeJS.Timeout | null = null;
  private saving: Promise<void> = Promise.resolve();
  private dirty = false;
  private generation = 0;

  private constructor(
    readonly space: ModelSpace,
    private readonly dir: string,
    private readonly options: EmbeddedStoreOptions,
  ) {
    this.slab = new Float32Array(1024 * space.dim);
  }

  static async open(dir: string, space: ModelSpace, options: Partial<EmbeddedStoreOptions> = {}): Promise<EmbeddedVectorStore> {
    const opts = { ...DEFAULT_EMBEDDED_OPTIONS, ...options, hnsw: { ...DEFAULT_EMBEDDED_OPTIONS.hnsw, ...options.hnsw } };
    await fsp.mkdir(dir, { recursive: true });
    const store = new EmbeddedVectorStore(space, dir, opts);
    await store.load();
    return store;
  }

  get size(): number {
    return this.slotOf.size;
  }

  /** Exact below `exactSearchBelow` records, the HNSW graph from there on. */
  get searchMethod(): SearchMethod {
    return this.hnsw !== null ? "hnsw" : "exact";
  }

  async upsert(records: ImageRecord[]): Promise<void> {
    for (const r of records) assertSameSpace(this, r);
    for (const r of records) {
      let slot = this.slotOf.get(r.id);
      if (slot === undefined) {
        slot = this.freeSlots.pop() ?? this.records.length;
        if (slot === this.records.length) this.records.push(null);
        this.ensureCapacity(slot + 1);
        this.slotOf.set(r.id, slot);
      } else if (this.hnsw) {
        this.hnsw.remove(BigInt(slot));
      }
      this.slab.set(r.vector, slot * this.space.dim);
      const { vector: _v, ...meta } = r;
      this.records[slot] = meta;
      this.setHashWords(slot, meta);
      if (this.hnsw) this.hnsw.add(BigInt(slot), this.vectorAt(slot));
    }
    if (!this.hnsw && this.size >= this.options.exactSearchBelow) this.buildHnsw();
    this.scheduleSave();
  }

  async get(id: string): Promise<ImageRecord | null> {
    const slot = this.slotOf.get(id);
    if (slot === undefined) return null;
    return { ...this.records[slot]!, vector: this.vectorAt(slot).slice() };
  }

  async getVectors(ids: string[]): Promise<Map<string, Float32Array>> {
    const vectors = new Map<string, Float32Array>();
    for (const id of ids) {
      const slot = this.slotOf.get(id);
      if (slot !== undefined) vectors.set(id, this.vectorAt(slot).slice());
    }
    return vectors;
  }

  async delete(id: string): Promise<boolean> {
    const slot = this.slotOf.get(id);
    if (slot === undefined) return false;
    this.slotOf.delete(id);
    this.records[slot] = null;
    this.slab.fill(0, slot * this.space.dim, (slot + 1) * this.space.dim);
    this.freeSlots.push(slot);
    this.hnsw?.remove(BigInt(slot));
    this.scheduleSave();
    return true;
  }

  async count(): Promise<number> {
    return this.size;
  }

  private setHashWords(slot: number, meta: Meta): void {
    if (this.hashWords.length < (slot + 1) * 4) {
      const next = new Uint32Array(Math.max((slot + 1) * 4, this.hashWords.length * 2));
      next.set(this.hashWords);
      this.hashWords = next;
    }
    const w = (hex: string, from: number) => parseInt(hex.slice(from, from + 8), 16) >>> 0;
    this.hashWords.set([w(meta.hash.hex, 0), w(meta.hash.hex, 8), w(meta.hash.mirrorHex, 0), w(meta.hash.mirrorHex, 8)], slot * 4);
  }

  async hashMatches(
    hash: ImageHash,
    maxDistance: number,
    { limit, filter }: { limit: number; filter?: Filter },
  ): Promise<Array<SearchHit & { hashDistance: number }>> {
    const qhi = parseInt(hash.hex.slice(0, 8), 16) >>> 0;
    const qlo = parseInt(hash.hex.slice(8, 16), 16) >>> 0;
    const found: Array<{ slot: number; d: number }> = [];
    const words = this.hashWords;
    for (let slot = 0; slot < this.records.length; slot += 1) {
      if (!this.records[slot]) continue;
      const o = slot * 4;
      const d = Math.min(popcount(qhi ^ words[o]!) + popcount(qlo ^ words[o + 1]!), popcount(qhi ^ words[o + 2]!) + popcount(qlo ^ words[o + 3]!));
      if (d <= maxDistance && (!filter || !filter.length || matchesFilter(this.records[slot]!.metadata, filter))) found.push({ slot, d });
    }
    found.sort((a, b) => a.d - b.d);
    return found.slice(0, limit).map(({ slot, d }) => ({ ...this.hit(slot, 0), hashDistance: d }));
  }

  /** Cosine between a query and a stored record (for hash matches the graph did not return). */
  scoreOf(id: string, vector: Float32Array): number | null {
    const slot = this.slotOf.get(id);
    if (slot === undefined) return null;
    const v = this.vectorAt(slot);
    let s = 0;
    for (let i = 0; i < v.length; i += 1) s += v[i]! * vector[i]!;
    return s;
  }

  async listRecords(offset: number, limit: number): Promise<Meta[]> {
    return this.records.filter((r): r is Meta => r !== null).slice(offset, offset + limit);
  }

  async search(vector: Float32Array, { k, filter }: SearchOptions): Promise<SearchHit[]> {
    if (vector.length !== this.space.dim) throw new Error(`query has ${vector.length} dimensions, the store ${this.space.dim}`);
    if (this.size === 0 || k <= 0) return [];
    if (filter && filter.length) {
      const candidates: number[] = [];
      this.records.forEach((r, slot) => {
        if (r && matchesFilter(r.metadata, filter)) candidates.push(slot);
      });
      if (candidates.length === 0) return [];
      // Selective filters: scoring the matching rows beats over-fetching from the graph.
      if (!this.hnsw || candidates.length <= 5000 || candidates.length < this.size * 0.1) return this.exactOver(vector, candidates, k);
      const want = Math.min(this.size, Math.ceil((k * this.size) / candidates.length) * 2 + 16);
      const hits = this.fromMatches(this.hnsw.search(vector, want, 1)).filter(
        (h) => candidates.length === this.size || matchesFilter(h.metadata, filter),
      );
      return hits.length >= k ? hits.slice(0, k) : this.exactOver(vector, candidates, k);
    }
    if (this.hnsw) return this.fromMatches(this.hnsw.search(vector, Math.min(k, this.size), 1)).slice(0, k);
    return this.exactAll(vector, k);
  }

  /** Exact k-NN over the whole slab with usearch's SIMD brute force. */
  exactAll(vector: Float32Array, k: number): SearchHit[] {
    const rows = this.records.length;
    const want = Math.min(rows, k + this.freeSlots.length); // free slots are zero rows: skip them
    // usearch's native exactSearch reads typed arrays from their buffer's start (ignores byteOffset): pass an unshifted copy.
    const query = vector.byteOffset === 0 ? vector : vector.slice();
    const m = exactSearch(this.slab.subarray(0, rows * this.space.dim), query, this.space.dim, want, MetricKind.IP) as Matches;
    return this.fromMatches(m).slice(0, k);
  }

  private exactOver(vector: Float32Array, slots: number[], k: number): SearchHit[] {
    const dim = this.space.dim;
    const scored = slots.map((slot) => {
      let s = 0;
      const base = slot * dim;
      for (let i = 0; i < dim; i += 1) s += this.slab[base + i]! * vector[i]!;
      return { slot, s };
    });
    scored.sort((a, b) => b.s - a.s);
    return scored.slice(0, k).map(({ slot, s }) => this.hit(slot, s));
  }

  private fromMatches(m: Matches): SearchHit[] {
    const out: SearchHit[] = [];
    for (let i = 0; i < m.keys.length; i += 1) {
      const slot = Number(m.keys[i]);
      if (!this.records[slot]) continue;
      // usearch reports distances: cos → 1 - cos, ip → 1 - ip.
      out.push(this.hit(slot, 1 - m.distances[i]!));
    }
    return out;
  }

  private hit(slot: number, score: number): SearchHit {
    const r = this.records[slot]!;
    return { id: r.id, score, metadata: r.metadata, hash: r.hash };
  }

  private vectorAt(slot: number): Float32Array {
    return this.slab.subarray(slot * this.space.dim, (slot + 1) * this.space.dim);
  }

  private ensureCapacity(rows: number): void {
    if (rows * this.space.dim <= this.slab.length) return;
    let cap = this.slab.length / this.space.dim;
    while (cap < rows) cap *= 2;
    const next = new Float32Array(cap * this.space.dim);
    next.set(this.slab);
    this.slab = next;
  }

  private newHnsw(): UsearchIndex {
    const { connectivity, expansionAdd, expansionSearch } = this.options.hnsw;
    return new UsearchIndex({
      dimensions: this.space.dim,
      metric: MetricKind.Cos,
      quantization: ScalarKind.F32,
      connectivity,
      expansion_add: expansionAdd,
      expansion_search: expansionSearch,
      multi: false,
    });
  }

  /**
   * Builds the graph from every live row. The first rows go in on one thread: usearch's parallel
   * insert into a near-empty graph leaves some nodes poorly linked (about 3% of queries on a
   * 300-row collection lost a true top-10 neighbour). The rest go in on every core.
   */
  buildHnsw(): void {
    const index = this.newHnsw();
    const dim = this.space.dim;
    const slots = [...this.slotOf.values()].sort((a, b) => a - b);
    const keys = new BigUint64Array(slots.map((s) => BigInt(s)));
    const rows = new Float32Array(slots.length * dim);
    slots.forEach((s, i) => rows.set(this.vectorAt(s), i * dim));
    const serial = Math.min(slots.length, HNSW_SERIAL_SEED_ROWS);
    if (serial) index.add(keys.subarray(0, serial), rows.subarray(0, serial * dim), 1);
    if (slots.length > serial) index.add(keys.subarray(serial), rows.subarray(serial * dim), 0);
    this.hnsw = index;
  }

  private scheduleSave(): void {
    this.dirty = true;
    if (this.saveTimer) return;
    this.saveTimer = setTimeout(() => {
      this.saveTimer = null;
      void this.flush().catch((err) => console.error("embedded store: save failed", err));
    }, this.options.saveDelayMs);
    this.saveTimer.unref();
  }

  async flush(): Promise<void> {
    if (this.saveTimer) {
      clearTimeout(this.saveTimer);
      this.saveTimer = null;
    }
    const run = this.saving.then(() => (this.dirty ? this.save() : undefined));
    this.saving = run.catch(() => undefined);
    return run;
  }

  private async save(): Promise<void> {
    this.dirty = false;
    const gen = this.generation + 1;
    const tmp = path.join(this.dir, `gen-${gen}.tmp`);
    const final = path.join(this.dir, `gen-${gen}`);
    await fsp.rm(tmp, { recursive: true, force: true });
    await fsp.mkdir(tmp);
    const rows = this.records.length;
    await writeDurably(path.join(tmp, "vectors.f32"), new Uint8Array(this.slab.buffer, 0, rows * this.space.dim * 4));
    const manifest = { space: this.space, rows, records: this.records };
    await writeDurably(path.join(tmp, "records.json"), Buffer.from(JSON.stringify(manifest)));
    if (this.hnsw) this.hnsw.save(path.join(tmp, "hnsw.usearch"));
    await fsyncDir(tmp);
    await fsp.rename(tmp, final);
    await writeDurably(path.join(this.dir, "CURRENT.tmp"), Buffer.from(String(gen)));
    await fsp.rename(path.join(this.dir, "CURRENT.tmp"), path.join(this.dir, "CURRENT"));
    await fsyncDir(this.dir);
    this.generation = gen;
    for (const entry of await fsp.readdir(this.dir)) {
      if (entry.startsWith("gen-") && entry !== `gen-${gen}`) await fsp.rm(path.join(this.dir, entry), { recursive: true, force: true });
    }
  }

  private async load(): Promise<void> {
    let gen: number;
    try {
      gen = Number((await fsp.readFile(path.join(this.dir, "CURRENT"), "utf8")).trim());
    } catch {
      return; // a new store
    }
    const genDir = path.join(this.dir, `gen-${gen}`);
    const manifest = JSON.parse(await fsp.readFile(path.join(genDir, "records.json"), "utf8")) as {
      space: ModelSpace;
      rows: number;
      records: Array<Meta | null>;
    };
    if (spaceKey(manifest.space) !== spaceKey(this.space) || manifest.space.dim !== this.space.dim) {
      throw new Error(`store at ${this.dir} holds ${spaceKey(manifest.space)}, not ${spaceKey(this.space)}`);
    }
    const bytes = await fsp.readFile(path.join(genDir, "vectors.f32"));
    this.ensureCapacity(Math.max(manifest.rows, 1));
    this.slab.set(new Float32Array(bytes.buffer, bytes.byteOffset, bytes.byteLength / 4));
    this.records = manifest.records;
    this.records.forEach((r, slot) => {
      if (!r) return void this.freeSlots.push(slot);
      this.slotOf.set(r.id, slot);
      this.setHashWords(slot, r);
    });
    this.generation = gen;
    const hnswFile = path.join(genDir, "hnsw.usearch");
    if (fs.existsSync(hnswFile)) {
      this.hnsw = this.newHnsw();
      this.hnsw.load(hnswFile);
    } else if (this.size >= this.options.exactSearchBelow) {
      this.buildHnsw();
    }
  }

  async close(): Promise<void> {
    await this.flush();
  }
}

async function writeDurably(file: string, data: Uint8Array): Promise<void> {
  const fh = await fsp.open(file, "w");
  try {
    await fh.writeFile(data);
    await fh.sync();
  } finally {
    await fh.close();
  }
}

async function fsyncDir(dir: string): Promise<void> {
  const fh = await fsp.open(dir, "r");
  try {
    await fh.sync();
  } finally {
    await fh.close();
  }
}

/** One folder per model space under `<dataDir>/index/`. */
export class EmbeddedVectorStoreFactory implements VectorStoreFactory {
  readonly kind = "embedded";
  constructor(
    private readonly dataDir: string,
    private readonly options: Partial<EmbeddedStoreOptions> = {},
  ) {}

  private dirFor(space: Pick<ModelSpace, "model" | "version">): string {
    const key = spaceKey(space);
    const slug = key.replace(/[^A-Za-z0-9._-]+/g, "_").slice(0, 80);
    return path.join(this.dataDir, "index", `${slug}-${createHash("sha1").update(key).digest("hex").slice(0, 8)}`);
  }

  open(space: ModelSpace): Promise<EmbeddedVectorStore> {
    return EmbeddedVectorStore.open(this.dirFor(space), space, this.options);
  }

  async otherSpaces(current: ModelSpace): Promise<ModelSpace[]> {
    const root = path.join(this.dataDir, "index");
    const out: ModelSpace[] = [];
    for (const entry of await fsp.readdir(root).catch(() => [] as string[])) {
      const dir = path.join(root, entry);
      try {
        const gen = (await fsp.readFile(path.join(dir, "CURRENT"), "utf8")).trim();
        const head = JSON.parse(await fsp.readFile(path.join(dir, `gen-${gen}`, "records.json"), "utf8")) as { space: ModelSpace };
        if (spaceKey(head.space) !== spaceKey(current)) out.push(head.space);
      } catch {
        // not a store folder
      }
    }
    return out;
  }

  async drop(space: ModelSpace): Promise<void> {
    await fsp.rm(this.dirFor(space), { recursive: true, force: true });
  }
}

function popcount(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return (((x + (x >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}
