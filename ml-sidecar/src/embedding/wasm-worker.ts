import { parentPort, workerData } from "node:worker_threads";
import { loadTfjsWasm } from "./wasm-runtime.ts";
import { MobilenetFeatureModel, type FeatureModelOptions } from "./mobilenet-feature-model.ts";

/** One WASM model instance on one core; the pool sends it batches. */
const options = workerData as FeatureModelOptions;
const tf = await loadTfjsWasm();
tf.env().set("PROD", true);
const model = await MobilenetFeatureModel.load(tf, options);
parentPort!.postMessage({ type: "ready" });
parentPort!.on("message", async (msg: { id: number; images: Uint8Array[] }) => {
  try {
    const vectors = await model.embed(msg.images);
    parentPort!.postMessage(
      { type: "result", id: msg.id, vectors },
      vectors.map((v) => v.buffer as ArrayBuffer),
    );
  } catch (err) {
    parentPort!.postMessage({ type: "error", id: msg.id, message: (err as Error).message });
  }
});
