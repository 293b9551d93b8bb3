import type { ModelSpace } from "../embedding/embedder.ts";
import type { ImageRecord, SearchHit, SearchMethod, SearchOptions, VectorStore } from "./vector-store.ts";

/**
 * Adapter over two stores of one backend: the images' vectors, and beside them (same ids, same
 * metadata) the second views some images have (`ImageRecord.viewVector`). A search asks both and
 * scores each image by its nearer view, so a thumbnail meets a product shot's small view while a
 * sharp photo keeps meeting its sharp vector. Everything else (get, count, listing for re-indexing,
 * hash matches) is the images' store alone: the views are derived and re-made with their images.
 */
export class ViewedVectorStore implements VectorStore {
  readonly hashMatches?: VectorStore["hashMatches"];

  constructor(
    private readonly images: VectorStore,
    private readonly views: VectorStore,
  ) {
    if (images.hashMatches) this.hashMatches = images.hashMatches.bind(images);
  }

  get kind(): string {
    return this.images.kind;
  }

  get space(): ModelSpace {
    return this.images.space;
  }

  get searchMethod(): SearchMethod {
    return this.images.searchMethod;
  }

  async upsert(records: ImageRecord[]): Promise<void> {
    const viewed = records.filter((r) => r.viewVector);
    await this.images.upsert(records.map(({ viewVector: _view, ...record }) => record));
    await Promise.all([
      viewed.length
        ? this.views.upsert(viewed.map(({ viewVector, ...record }) => ({ ...record, vector: viewVector!, modelVersion: this.views.space.version })))
        : null,
      // An image indexed again without a second view drops the one it had.
      ...records.filter((r) => !r.viewVector).map((r) => this.views.delete(r.id)),
    ]);
  }

  get(id: string): Promise<ImageRecord | null> {
    return this.images.get(id);
  }

  getVectors(ids: string[]): Promise<Map<string, Float32Array>> {
    return this.images.getVectors(ids);
  }

  async delete(id: string): Promise<boolean> {
    const [deleted] = await Promise.all([this.images.delete(id), this.views.delete(id)]);
    return deleted;
  }

  async search(vector: Float32Array, options: SearchOptions): Promise<SearchHit[]> {
    const [byImage, byView] = await Promise.all([this.images.search(vector, options), this.views.search(vector, options)]);
    const best = new Map<string, SearchHit>();
    for (const hit of [...byImage, ...byView]) {
      const seen = best.get(hit.id);
      if (!seen || hit.score > seen.score) best.set(hit.id, hit);
    }
    return [...best.values()].sort((a, b) => b.score - a.score).slice(0, options.k);
  }

  count(): Promise<number> {
    return this.images.count();
  }

  listRecords(offset: number, limit: number): Promise<Array<Omit<ImageRecord, "vector">>> {
    return this.images.listRecords(offset, limit);
  }

  async flush(): Promise<void> {
    await Promise.all([this.images.flush(), this.views.flush()]);
  }

  async close(): Promise<void> {
    await Promise.all([this.images.close(), this.views.close()]);
  }
}
