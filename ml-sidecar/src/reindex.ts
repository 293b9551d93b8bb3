import { spaceKey } from "./embedding/embedder.ts";
import type { ImageService, ReindexItem } from "./image-service.ts";
import type { SourceImageStore } from "./source-image-store.ts";
import { isViewSpace, viewSpace, type VectorStoreFactory } from "./index/vector-store.ts";

export interface ReindexState {
  status: "idle" | "running" | "done" | "failed";
  from: string[];
  done: number;
  missing_source: number;
  total: number;
  error?: string;
}

/**
 * When the model (or its version) changes, the new space starts empty and the
 * old spaces' images are re-embedded from their kept source copies. Searches
 * only ever see the current space, so vectors of two models never mix.
 */
export class Reindexer {
  readonly state: ReindexState = { status: "idle", from: [], done: 0, missing_source: 0, total: 0 };

  constructor(
    private readonly factory: VectorStoreFactory,
    private readonly service: ImageService,
    private readonly sources: SourceImageStore,
    private readonly log: (msg: string) => void = () => {},
  ) {}

  async run(): Promise<ReindexState> {
    const current = this.service.space;
    const others = await this.factory.otherSpaces(current);
    // Second views (ViewedVectorStore) are made again with their images: the current space's stay,
    // older ones go. Only images' spaces are re-indexed.
    const currentViews = spaceKey(viewSpace(current));
    const staleViews = others.filter((s) => isViewSpace(s) && spaceKey(s) !== currentViews);
    await Promise.all(staleViews.map((s) => this.factory.drop(s))).catch((err) => this.log(`old views not dropped: ${(err as Error).message}`));
    const old = others.filter((s) => !isViewSpace(s));
    if (!old.length) return this.state;
    Object.assign(this.state, { status: "running", from: old.map(spaceKey), done: 0, missing_source: 0, total: 0 });
    try {
      for (const space of old) {
        const store = await this.factory.open(space);
        this.state.total += await store.count();
        this.log(`re-indexing ${this.state.total} images from ${spaceKey(space)} into ${spaceKey(current)}`);
        const pageSize = 64;
        for (let offset = 0; ; offset += pageSize) {
          const page = await store.listRecords(offset, pageSize);
          if (!page.length) break;
          const todo: ReindexItem[] = [];
          for (const meta of page) {
            if (await this.service.getImage(meta.id)) {
              this.state.done += 1;
              continue;
            }
            const image = await this.sources.get(meta.id);
            if (image) todo.push({ meta, image });
            else this.state.missing_source += 1;
          }
          if (todo.length) {
            await this.service.reindexFromSources(todo);
            this.state.done += todo.length;
          }
        }
        await store.close();
        await this.service.flush();
        // An old space is dropped only when every image made it across.
        if (this.state.missing_source === 0) await this.factory.drop(space);
      }
      this.state.status = "done";
    } catch (err) {
      this.state.status = "failed";
      this.state.error = (err as Error).message;
      this.log(`re-index failed: ${this.state.error}`);
    }
    return this.state;
  }
}
