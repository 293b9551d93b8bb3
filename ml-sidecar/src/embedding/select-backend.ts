import fs from "node:fs";
import os from "node:os";
import type * as tfType from "@tensorflow/tfjs";
import type { Embedder } from "./embedder.ts";
import type { FeatureModelOptions } from "./mobilenet-feature-model.ts";
import { InProcessTfjsEmbedder } from "./in-process-tfjs-embedder.ts";
import { WasmWorkerPoolEmbedder } from "./wasm-worker-pool-embedder.ts";
import { loadTfjsCpu } from "./wasm-runtime.ts";

export type BackendName = "tensorflow-gpu" | "tensorflow" | "wasm" | "cpu";
export const BACKEND_ORDER: BackendName[] = ["tensorflow-gpu", "tensorflow", "wasm", "cpu"];

export interface BackendSelectionOptions extends FeatureModelOptions {
  /** Force one backend (EMBED_BACKEND); otherwise the first that starts wins. */
  only?: BackendName;
  workers?: number;
  /** Injected in tests; defaults to dynamic import. */
  importModule?: (name: string) => Promise<unknown>;
  gpuVisible?: () => boolean;
  log?: (msg: string) => void;
}

export interface SelectedEmbedder {
  embedder: Embedder;
  /** Why each earlier backend was skipped, for /health and the start log. */
  skipped: Array<{ backend: BackendName; reason: string }>;
}

/** A CUDA device node or driver entry means TensorFlow can see a GPU. */
export function nvidiaGpuVisible(): boolean {
  try {
    return fs.existsSync("/dev/nvidia0") || fs.readdirSync("/proc/driver/nvidia/gpus").length > 0;
  } catch {
    return false;
  }
}

/**
 * tfjs-node-gpu (if installed and a GPU is visible) → tfjs-node (if installed)
 * → WASM in a worker pool, one instance per core → the JS CPU backend.
 */
export async function selectEmbedder(opts: BackendSelectionOptions): Promise<SelectedEmbedder> {
  const importModule = opts.importModule ?? ((name: string) => import(name));
  const gpuVisible = opts.gpuVisible ?? nvidiaGpuVisible;
  const log = opts.log ?? (() => {});
  const skipped: SelectedEmbedder["skipped"] = [];
  const order = opts.only ? [opts.only] : BACKEND_ORDER;
  const model: FeatureModelOptions = { flipAverage: opts.flipAverage };
  for (const backend of order) {
    try {
      const embedder = await startBackend(backend, model, opts.workers ?? os.availableParallelism(), importModule, gpuVisible);
      log(`embedding backend: ${backend}`);
      return { embedder, skipped };
    } catch (err) {
      const reason = (err as Error).message.split("\n")[0]!;
      skipped.push({ backend, reason });
      log(`embedding backend ${backend} unavailable: ${reason}`);
    }
  }
  throw new Error(`no embedding backend could start: ${skipped.map((s) => `${s.backend}: ${s.reason}`).join("; ")}`);
}

async function startBackend(
  backend: BackendName,
  model: FeatureModelOptions,
  workers: number,
  importModule: (name: string) => Promise<unknown>,
  gpuVisible: () => boolean,
): Promise<Embedder> {
  switch (backend) {
    case "tensorflow-gpu": {
      if (!gpuVisible()) throw new Error("no NVIDIA GPU visible");
      const tf = (await importModule("@tensorflow/tfjs-node-gpu")) as typeof tfType;
      return InProcessTfjsEmbedder.start(tf, backend, model);
    }
    case "tensorflow": {
      const tf = (await importModule("@tensorflow/tfjs-node")) as typeof tfType;
      return InProcessTfjsEmbedder.start(tf, backend, model);
    }
    case "wasm":
      return WasmWorkerPoolEmbedder.start(workers, model);
    case "cpu":
      return InProcessTfjsEmbedder.start(await loadTfjsCpu(), backend, model, 4);
  }
}
