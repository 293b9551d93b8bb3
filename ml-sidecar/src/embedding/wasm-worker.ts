import { parentPort, workerData } from "node:worker_threads";
import { loadTfjsWasm } from "./wasm-runtime.ts";
import { MobilenetFeatureModel, type FeatureModelOptions } from "./mobilenet-feature-model.ts";
import type { PackedRgb } from "./embedder.ts";

/** One WASM model instance on one core; the pool sends it batches. */
const options = workerData as FeatureModelOptions;
const tf = await loadTfjsWasm();
tf.env().set("PROD", true);
const model = await MobilenetFeatureModel.load(tf, options);
parentPort!.postMessage({ type: "ready" });
parentPort!.on("message", async (msg: { id: number; images: Uint8Array[] } | { id: number; picture: PackedRgb }) => {
  try {
    if ("picture" in msg) {
      const grid = await model.cellFeatures(msg.picture);
      parentPort!.postMessage({ type: "cells", id: msg.id, grid }, [grid.data.buffer as ArrayBuffer]);
      return;
    }
    const vectors = await model.embed(msg.images);
    parentPort!.postMessage(
      { type: "result", id: msg.id, vectors },
      vectors.map((v) => v.buffer as ArrayBuffer),
    );
  } catch (err) {
    parentPort!.postMessage({ type: "error", id: msg.id, message: (err as Error).message });
  }
});
