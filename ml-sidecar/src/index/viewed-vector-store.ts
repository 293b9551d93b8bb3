import type { ModelSpace } from "../embedding/embedder.ts";
import type { Filter } from "./filter.ts";
import type { ImageRecord, SearchHit, SearchMethod, SearchOptions, VectorStore } from "./vector-store.ts";

/** Metadata field that tells an image's second view ("small") from its partial views ("partial") in the views' store. */
const VIEW_FIELD = "_view";
/** Most partial views one image keeps (ids `<image id>~p<n>`; `~` is not allowed in image ids). */
export const MAX_PARTIAL_VIEWS = 4;
const PARTIAL_ID = /~p\d+$/;
const partialId = (id: string, n: number) => `${id}~p${n}`;

/**
 * Adapter over two stores of one backend: the images' vectors, and beside them (same metadata) the
 * other views some images have: a second view (`ImageRecord.viewVector`, under the image's id) and
 * partial views (`partialVectors`, under `<id>~p<n>`). A search asks both and scores each image by its
 * nearest view, so a thumbnail meets a product shot's small view while a sharp photo keeps meeting its
 * sharp vector; partial views count only where the search asks for them. Everything else (get, count,
 * listing for re-indexing, hash matches) is the images' store alone: the views are derived and re-made
 * with their images.
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
    const views: ImageRecord[] = [];
    const stale: string[] = [];
    for (const { viewVector, partialVectors = [], ...record } of records) {
      const view = (id: string, vector: Float32Array, kind: string): ImageRecord => ({
        ...record,
        id,
        vector,
        metadata: { ...record.metadata, [VIEW_FIELD]: kind },
        modelVersion: this.views.space.version,
      });
      // An image indexed again without a view drops the one it had.
      if (viewVector) views.push(view(record.id, viewVector, "small"));
      else stale.push(record.id);
      for (let n = 0; n < MAX_PARTIAL_VIEWS; n += 1) {
        const vector = partialVectors[n];
        if (vector) views.push(view(partialId(record.id, n), vector, "partial"));
        else stale.push(partialId(record.id, n));
      }
    }
    await this.images.upsert(records.map(({ viewVector: _view, partialVectors: _partials, ...record }) => record));
    await Promise.all([views.length ? this.views.upsert(views) : null, ...stale.map((id) => this.views.delete(id))]);
  }

  get(id: string): Promise<ImageRecord | null> {
    return this.images.get(id);
  }

  getVectors(ids: string[]): Promise<Map<string, Float32Array>> {
    return this.images.getVectors(ids);
  }

  async delete(id: string): Promise<boolean> {
    const viewIds = [id, ...Array.from({ length: MAX_PARTIAL_VIEWS }, (_, n) => partialId(id, n))];
    const [deleted] = await Promise.all([this.images.delete(id), ...viewIds.map((v) => this.views.delete(v))]);
    return deleted;
  }

  async search(vector: Float32Array, options: SearchOptions): Promise<SearchHit[]> {
    const { k, filter = [], partial = false } = options;
    // An image's partial views may fill the views' list several times over: ask for enough of them.
    const viewSearch = partial
      ? { k: k * (1 + MAX_PARTIAL_VIEWS), filter }
      : { k, filter: [...filter, { op: "eq", field: VIEW_FIELD, value: "small" }] as Filter };
    const [byImage, byView] = await Promise.all([this.images.search(vector, { k, filter }), this.views.search(vector, viewSearch)]);
    const best = new Map<string, SearchHit>();
    for (const found of byImage) best.set(found.id, found);
    for (const found of byView) {
      const { [VIEW_FIELD]: _view, ...metadata } = found.metadata;
      const hit = { ...found, id: found.id.replace(PARTIAL_ID, ""), metadata };
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
