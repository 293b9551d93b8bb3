import { createRequire } from "node:module";
import path from "node:path";
import fs from "node:fs";

/**
 * Reads the tfjs model artefacts that ship inside the `nsfwjs` npm package.
 * The package's `exports` field blocks deep requires, so the models folder is
 * resolved from the package's main entry (dist/cjs/index.js → dist/models).
 */
const require = createRequire(import.meta.url);

export type NsfwjsModelName = "mobilenet_v2" | "mobilenet_v2_mid" | "inception_v3";

export interface ModelArtifactsFromPackage {
  format: string;
  modelTopology: unknown;
  weightSpecs: Array<{ name: string; shape: number[]; dtype: string }>;
  weightData: ArrayBuffer;
  packageVersion: string;
}

export function nsfwjsModelsDir(): string {
  const main = require.resolve("nsfwjs");
  return path.resolve(path.dirname(main), "..", "models");
}

export function nsfwjsVersion(): string {
  const pkgJson = path.resolve(nsfwjsModelsDir(), "..", "..", "package.json");
  return JSON.parse(fs.readFileSync(pkgJson, "utf8")).version as string;
}

export function loadNsfwjsModelArtifacts(name: NsfwjsModelName): ModelArtifactsFromPackage {
  const dir = path.join(nsfwjsModelsDir(), name);
  const model = require(path.join(dir, "model.min.js")) as {
    format?: string;
    modelTopology: unknown;
    weightsManifest: Array<{ paths: string[]; weights: ModelArtifactsFromPackage["weightSpecs"] }>;
  };
  const weightSpecs: ModelArtifactsFromPackage["weightSpecs"] = [];
  const shards: Buffer[] = [];
  // Shards are concatenated in manifest order: weightSpecs index into that byte stream.
  for (const group of model.weightsManifest) {
    weightSpecs.push(...group.weights);
    for (const shardPath of group.paths) {
      const base64 = require(path.join(dir, `${shardPath}.min.js`)) as string;
      shards.push(Buffer.from(base64, "base64"));
    }
  }
  const all = Buffer.concat(shards);
  const weightData = all.buffer.slice(all.byteOffset, all.byteOffset + all.byteLength) as ArrayBuffer;
  return {
    format: model.format ?? "layers-model",
    modelTopology: model.modelTopology,
    weightSpecs,
    weightData,
    packageVersion: nsfwjsVersion(),
  };
}
