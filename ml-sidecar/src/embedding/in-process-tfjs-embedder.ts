import type * as tfType from "@tensorflow/tfjs";
import type { Embedder, EmbedderInfo, FeatureGrid, PackedRgb } from "./embedder.ts";
import { MobilenetFeatureModel, mobilenetMidSpace, type FeatureModelOptions } from "./mobilenet-feature-model.ts";

/**
 * The model on the main thread's tfjs backend. Used for the native backends
 * (tfjs-node, tfjs-node-gpu), whose kernels run on their own thread pool and
 * do not block the event loop, and for the last-resort JS CPU backend.
 */
export class InProcessTfjsEmbedder implements Embedder {
  readonly info: EmbedderInfo;
  private chain: Promise<unknown> = Promise.resolve();

  private constructor(
    private readonly model: MobilenetFeatureModel,
    backend: string,
    options: FeatureModelOptions,
    private readonly maxBatch: number,
  ) {
    this.info = { ...mobilenetMidSpace(options), backend, workers: 1 };
  }

  static async start(tf: typeof tfType, backend: string, options: FeatureModelOptions, maxBatch = 32): Promise<InProcessTfjsEmbedder> {
    const model = await MobilenetFeatureModel.load(tf, options);
    return new InProcessTfjsEmbedder(model, backend, options, maxBatch);
  }

  embed(images: Uint8Array[]): Promise<Float32Array[]> {
    return this.serialised(async () => {
      const out: Float32Array[] = [];
      for (let i = 0; i < images.length; i += this.maxBatch) out.push(...(await this.model.embed(images.slice(i, i + this.maxBatch))));
      return out;
    });
  }

  cellFeatures(picture: PackedRgb): Promise<FeatureGrid> {
    return this.serialised(() => this.model.cellFeatures(picture));
  }

  /** One model, one stream of work. */
  private serialised<T>(work: () => Promise<T>): Promise<T> {
    const run = this.chain.then(work);
    this.chain = run.catch(() => undefined);
    return run;
  }

  async close(): Promise<void> {
    await this.chain;
    this.model.dispose();
  }
}
