import { Worker } from "node:worker_threads";
import type { Embedder, EmbedderInfo, FeatureGrid, PackedRgb } from "./embedder.ts";
import { mobilenetMidSpace, type FeatureModelOptions } from "./mobilenet-feature-model.ts";
import { l2Normalise } from "./embedder.ts";
import { mirrorRgb } from "../image/preprocess.ts";

/** Queued work: an image to embed (batched with others) or a picture to map cell by cell (alone). */
type PendingWork =
  | { image: Uint8Array; resolve: (v: Float32Array) => void; reject: (e: Error) => void }
  | { picture: PackedRgb; resolve: (grid: FeatureGrid) => void; reject: (e: Error) => void };

interface PoolWorker {
  worker: Worker;
  busy: boolean;
  inFlight?: { id: number; items: PendingWork[] };
}

/**
 * tfjs WASM in a worker_threads pool, one model instance per core. Images from
 * concurrent requests share one queue, so an idle worker takes up to
 * `maxBatch` of them at once (batches run ~25% faster per image than singles).
 * Flip averaging is done here, not in the workers: an image and its mirror are
 * two queue items, so one upload uses both cores and its latency halves.
 */
export class WasmWorkerPoolEmbedder implements Embedder {
  readonly info: EmbedderInfo;
  private readonly queue: PendingWork[] = [];
  private nextId = 1;
  private closed = false;

  private constructor(
    private readonly workers: PoolWorker[],
    private readonly maxBatch: number,
    private readonly options: FeatureModelOptions,
  ) {
    this.info = { ...mobilenetMidSpace(options), backend: "wasm", workers: workers.length };
    for (const w of workers) {
      w.worker.on("message", (msg) => this.onMessage(w, msg));
      w.worker.on("error", (err) => this.onWorkerError(w, err));
    }
  }

  static async start(size: number, options: FeatureModelOptions, maxBatch = 16): Promise<WasmWorkerPoolEmbedder> {
    const url = new URL("./wasm-worker-entry.mjs", import.meta.url);
    const workers = await Promise.all(
      Array.from({ length: Math.max(1, size) }, () => {
        const worker = new Worker(url, { workerData: { ...options, flipAverage: false } });
        return new Promise<PoolWorker>((resolve, reject) => {
          const onReady = (msg: { type: string }) => {
            if (msg.type === "ready") {
              worker.off("message", onReady);
              worker.off("error", reject);
              resolve({ worker, busy: false });
            }
          };
          worker.on("message", onReady);
          worker.once("error", reject);
        });
      }),
    );
    return new WasmWorkerPoolEmbedder(workers, maxBatch, options);
  }

  async embed(images: Uint8Array[]): Promise<Float32Array[]> {
    if (this.closed) throw new Error("embedder is closed");
    const inputs = this.options.flipAverage ? images.flatMap((img) => [img, mirrorRgb(img)]) : images;
    const results = inputs.map((image) => new Promise<Float32Array>((resolve, reject) => this.queue.push({ image, resolve, reject })));
    this.dispatch();
    const vectors = await Promise.all(results);
    if (!this.options.flipAverage) return vectors;
    return images.map((_, i) => {
      const a = vectors[2 * i]!;
      const b = vectors[2 * i + 1]!;
      const v = new Float32Array(a.length);
      for (let j = 0; j < v.length; j += 1) v[j] = a[j]! + b[j]!;
      return l2Normalise(v);
    });
  }

  cellFeatures(picture: PackedRgb): Promise<FeatureGrid> {
    if (this.closed) return Promise.reject(new Error("embedder is closed"));
    const result = new Promise<FeatureGrid>((resolve, reject) => this.queue.push({ picture, resolve, reject }));
    this.dispatch();
    return result;
  }

  private dispatch(): void {
    for (const w of this.workers) {
      if (this.queue.length === 0) return;
      if (w.busy) continue;
      // Split the queue evenly over idle workers rather than giving the first one everything.
      const idle = this.workers.filter((x) => !x.busy).length;
      const id = this.nextId++;
      const first = this.queue[0]!;
      if ("picture" in first) {
        const items = this.queue.splice(0, 1);
        w.busy = true;
        w.inFlight = { id, items };
        w.worker.postMessage({ id, picture: first.picture });
        continue;
      }
      const images = this.queue.findIndex((item) => "picture" in item);
      const take = Math.min(this.maxBatch, Math.ceil(this.queue.length / idle), images < 0 ? Infinity : images);
      const items = this.queue.splice(0, take);
      w.busy = true;
      w.inFlight = { id, items };
      w.worker.postMessage({ id, images: items.flatMap((i) => ("image" in i ? [i.image] : [])) });
    }
  }

  private onMessage(w: PoolWorker, msg: { type: string; id: number; vectors?: Float32Array[]; grid?: FeatureGrid; message?: string }): void {
    const job = w.inFlight;
    if (!job || job.id !== msg.id) return;
    w.busy = false;
    w.inFlight = undefined;
    if (msg.type === "result") job.items.forEach((item, i) => "image" in item && item.resolve(msg.vectors![i]!));
    else if (msg.type === "cells") job.items.forEach((item) => "picture" in item && item.resolve(msg.grid!));
    else job.items.forEach((item) => item.reject(new Error(`embedding failed: ${msg.message}`)));
    this.dispatch();
  }

  private onWorkerError(w: PoolWorker, err: Error): void {
    w.inFlight?.items.forEach((item) => item.reject(err));
    w.inFlight = undefined;
    // A dead worker stays busy forever, so the rest of the pool keeps serving.
    w.busy = true;
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const item of this.queue.splice(0)) item.reject(new Error("embedder closed"));
    await Promise.all(this.workers.map((w) => w.worker.terminate()));
  }
}
