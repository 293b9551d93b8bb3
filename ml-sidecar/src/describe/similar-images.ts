import { ClientError } from "../errors.ts";
import type { Hasher } from "../dedup/hasher.ts";
import type { Filter } from "../index/filter.ts";
import type { SearchHit, VectorStore } from "../index/vector-store.ts";
import type { Metrics } from "../metrics.ts";
import { HitCollapser, type CollapsedHit } from "./hit-collapse.ts";

/** k-NN candidates asked for per hit wanted: images of one product and near-identical pictures fold into one hit. */
export const CANDIDATES_PER_HIT = 8;
/** Most candidates one search reads (k ≤ 200 would otherwise ask for 1,600 and more). */
export const MAX_CANDIDATES = 1000;

export interface SimilarImagesOptions {
  store: VectorStore;
  hasher: Hasher;
  /** The duplicate checks' hash threshold: pictures within it fold into one hit (with MIN_FOLD_COSINE). */
  maxHashDistance: number;
  metrics?: Metrics | null;
}

/** k-NN over the index that answers one hit per product and per picture (describe's hits and POST /v1/similar). */
export class SimilarImages {
  constructor(private readonly options: SimilarImagesOptions) {}

  get store(): VectorStore {
    return this.options.store;
  }

  /** `photo`: the shopper's photo's colour thumbnail, when the query is a photo (HitCollapserOptions.photo). */
  collapser(k: number, photo: Uint8Array | null = null): HitCollapser {
    return new HitCollapser({
      k,
      photo,
      hasher: this.options.hasher,
      maxHashDistance: this.options.maxHashDistance,
      vectorOf: async (id) => (await this.options.store.get(id))?.vector ?? null,
    });
  }

  /** Adds the vector's neighbours within the filter (with images' partial views when `partial`) until k hits are kept or the filter holds no more. */
  async fill(collapser: HitCollapser, vector: Float32Array, filter: Filter, partial = false): Promise<void> {
    for (let want = candidatesFor(collapser.k); ; want = Math.min(MAX_CANDIDATES, want * 2)) {
      const candidates = await this.options.store.search(vector, { k: want, filter, partial });
      await collapser.add(candidates);
      if (collapser.full || candidates.length < want || want >= MAX_CANDIDATES) return;
    }
  }

  /**
   * Indexed images like the given indexed ones (the best score over them), without the query images
   * and without other images of the first one's product. 404 when none of them is indexed.
   */
  async similarTo(imageIds: string[], k: number, filter: Filter): Promise<CollapsedHit[]> {
    const queryIds = new Set(imageIds);
    const records = (await Promise.all([...queryIds].map((id) => this.options.store.get(id)))).filter((r) => r !== null);
    if (!records.length) throw new ClientError(404, "not_found", `None of the images ${imageIds.join(", ")} is indexed.`);
    // In the order given: the first one indexed names the product whose other images are left out.
    const first = records[0]!;
    const excludedProduct = typeof first.metadata.product_id === "string" ? first.metadata.product_id : null;
    const collapser = this.collapser(k);
    const t0 = performance.now();
    for (let want = candidatesFor(k); ; want = Math.min(MAX_CANDIDATES, want * 2)) {
      // Enough candidates for k products after the query's own images are dropped.
      const asked = want + records.length;
      const lists = await Promise.all(records.map((r) => this.options.store.search(r.vector, { k: asked, filter })));
      const best = new Map<string, SearchHit>();
      for (const hit of lists.flat()) {
        if (queryIds.has(hit.id) || (excludedProduct !== null && hit.metadata.product_id === excludedProduct)) continue;
        const known = best.get(hit.id);
        if (!known || hit.score > known.score) best.set(hit.id, hit);
      }
      await collapser.add([...best.values()].sort((a, b) => b.score - a.score));
      if (collapser.full || lists.every((l) => l.length < asked) || want >= MAX_CANDIDATES) break;
    }
    this.options.metrics?.observeStage("search", (performance.now() - t0) / 1000);
    return collapser.hits();
  }
}

function candidatesFor(k: number): number {
  return Math.min(MAX_CANDIDATES, k * CANDIDATES_PER_HIT);
}
