import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { ModelSpace } from "../embedding/embedder.ts";
import { NO_GARMENT, type CategoryClassifier, type CategoryPrediction } from "./ports.ts";

/** Where `npm run train:category-head` writes the head (ml-sidecar/models). */
export const DEFAULT_MODEL_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../models");

/** What category-head.json holds (scripts/train-category-head.ts writes it). */
export interface CategoryHeadFile {
  format: string;
  version: string;
  labels: string[];
  dim: number;
  model_space: { model: string; version: string; key: string };
  weights: { file: string; dtype: "float32" };
  held_out?: unknown;
  training?: unknown;
}

/**
 * Flip averaging (EMBED_FLIP_AVERAGE) averages an image's vector with its mirror's; the head was
 * trained on mirrored images as well, so it reads those vectors the same: the suffix is not a new space.
 */
const FLIP_AVERAGE_SUFFIX = ".flipavg";
const baseVersion = (version: string) => (version.endsWith(FLIP_AVERAGE_SUFFIX) ? version.slice(0, -FLIP_AVERAGE_SUFFIX.length) : version);

/**
 * Adapter: softmax regression over an embedding (models/category-head.json + .bin).
 * logits = W·embedding + b, one row per label.
 */
export class LinearCategoryHead implements CategoryClassifier {
  readonly version: string;
  readonly labels: readonly string[];
  readonly dim: number;
  readonly space: CategoryHeadFile["model_space"];

  private constructor(
    readonly meta: CategoryHeadFile,
    private readonly weights: Float32Array,
    private readonly bias: Float32Array,
  ) {
    this.version = meta.version;
    this.labels = Object.freeze([...meta.labels]);
    this.dim = meta.dim;
    this.space = meta.model_space;
  }

  /**
   * Reads the head from `dir` (default: the package's models folder). With `space` (the
   * embedder's), refuses a head trained on another model's vectors: its scores would be noise.
   */
  static load(opts: { dir?: string; space?: Pick<ModelSpace, "model" | "version" | "dim"> } = {}): LinearCategoryHead {
    const dir = opts.dir ?? DEFAULT_MODEL_DIR;
    const jsonPath = path.join(dir, "category-head.json");
    let meta: CategoryHeadFile;
    try {
      meta = JSON.parse(fs.readFileSync(jsonPath, "utf8")) as CategoryHeadFile;
    } catch (err) {
      throw new Error(`category head: cannot read ${jsonPath} (${(err as Error).message}); run \`npm run train:category-head\` in ml-sidecar`);
    }
    const { labels, dim } = meta;
    if (!Array.isArray(labels) || labels.length < 2 || !Number.isInteger(dim) || dim < 1)
      throw new Error(`category head: ${jsonPath} has no labels or dimension`);
    if (!labels.includes(NO_GARMENT)) throw new Error(`category head: ${jsonPath} has no "${NO_GARMENT}" label`);
    const binPath = path.join(dir, meta.weights?.file ?? "category-head.bin");
    const bytes = fs.readFileSync(binPath);
    const expected = labels.length * (dim + 1) * 4;
    if (bytes.length !== expected)
      throw new Error(`category head: ${binPath} has ${bytes.length} bytes; ${labels.length} labels × ${dim} dimensions need ${expected}`);
    const digest = crypto.createHash("sha256").update(bytes).digest("hex");
    if (!digest.startsWith(meta.version))
      throw new Error(`category head: ${binPath} does not match version ${meta.version} in ${jsonPath} (retrain or restore both files)`);
    if (opts.space) {
      const s = opts.space;
      const same = s.model === meta.model_space.model && s.dim === dim && baseVersion(s.version) === baseVersion(meta.model_space.version);
      if (!same) {
        throw new Error(
          `category head: trained on embeddings of ${meta.model_space.key} (${dim}-d), but the embedder makes ${s.model}@${s.version} (${s.dim}-d); ` +
            "run `npm run train:category-head` in ml-sidecar to retrain it for this model",
        );
      }
    }
    const all = new Float32Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
    return new LinearCategoryHead(meta, all.subarray(0, labels.length * dim), all.subarray(labels.length * dim));
  }

  classify(embedding: Float32Array): CategoryPrediction[] {
    const { dim, weights, bias } = this;
    if (embedding.length !== dim) throw new Error(`category head: expected a ${dim}-d embedding, got ${embedding.length}`);
    const k = this.labels.length;
    const logits = new Float64Array(k);
    let max = -Infinity;
    for (let c = 0; c < k; c += 1) {
      let s = bias[c]!;
      const row = c * dim;
      for (let j = 0; j < dim; j += 1) s += weights[row + j]! * embedding[j]!;
      logits[c] = s;
      if (s > max) max = s;
    }
    let sum = 0;
    for (let c = 0; c < k; c += 1) sum += logits[c] = Math.exp(logits[c]! - max);
    return this.labels.map((handle, c) => ({ handle, confidence: logits[c]! / sum })).sort((a, b) => b.confidence - a.confidence);
  }
}
