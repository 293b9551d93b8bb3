import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import { promisify } from "node:util";
import sharp from "sharp";
import {
  catalogImageInput,
  DETECTED_SHARE,
  FASHION_MNIST_PER_RENDER,
  heldOutRenderSpecs,
  isTrainingProduct,
  PACKAGE_DIR,
} from "../scripts/train-category-head.ts";
import { LinearCategoryHead } from "../src/describe/linear-category-head.ts";
import { NO_GARMENT } from "../src/describe/ports.ts";
import { WasmWorkerPoolEmbedder } from "../src/embedding/wasm-worker-pool-embedder.ts";
import { MODEL_INPUT_SIZE } from "../src/image/preprocess.ts";

const run = promisify(execFile);
const SCRIPT = path.join(PACKAGE_DIR, "scripts/train-category-head.ts");
const FILES = ["category-head.json", "category-head.bin", "catalog-vocabulary.json"];

describe("category head training (scripts/train-category-head.ts)", () => {
  it("remakes the same files byte for byte", { timeout: 300_000 }, async () => {
    const dirs = [fs.mkdtempSync(path.join(os.tmpdir(), "head-a-")), fs.mkdtempSync(path.join(os.tmpdir(), "head-b-"))];
    try {
      for (const dir of dirs) {
        await run(
          process.execPath,
          ["--import", "tsx", SCRIPT, "--per-class", "3", "--eval", "10", "--render-eval", "1", "--workers", "2", "--out", dir],
          {
            cwd: PACKAGE_DIR,
          },
        );
      }
      for (const file of FILES) {
        const [a, b] = dirs.map((d) => fs.readFileSync(path.join(d, file)));
        assert.ok(a!.length > 0, `${file} is empty`);
        assert.ok(a!.equals(b!), `${file} differs between two runs`);
      }
      const meta = JSON.parse(fs.readFileSync(path.join(dirs[0]!, "category-head.json"), "utf8"));
      assert.equal(meta.training.renders_per_category, 3);
      assert.equal(meta.training.fashion_mnist_per_class, 3 * FASHION_MNIST_PER_RENDER);
      assert.equal(meta.training.source_balanced, true);
      assert.equal(meta.training.fashion_mnist_detected_share, DETECTED_SHARE);
      assert.equal(meta.labels.at(-1), NO_GARMENT);
    } finally {
      for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it("holds out the odd products of each category", () => {
    assert.deepEqual([0, 1, 2, 3].map(isTrainingProduct), [true, false, true, false]);
    const specs = heldOutRenderSpecs({ views: ["front"], perCategory: 2 });
    assert.equal(specs.length, 22);
  });
});

describe("the committed category head", () => {
  let embedder: WasmWorkerPoolEmbedder;
  before(async () => {
    embedder = await WasmWorkerPoolEmbedder.start(2, { flipAverage: false });
  });
  after(() => embedder.close());

  it("is small and trained for the embedder's model space", () => {
    const head = LinearCategoryHead.load({ space: embedder.info });
    assert.equal(head.dim, embedder.info.dim);
    assert.ok(fs.statSync(path.join(PACKAGE_DIR, "models/category-head.bin")).size < 200 * 1024);
    assert.match(head.version, /^[0-9a-f]{12}$/);
  });

  it("refuses vectors of another model space", () => {
    assert.throws(
      () => LinearCategoryHead.load({ space: { model: "other/model", version: "1", dim: 1792 } }),
      /trained on embeddings of .*train:category-head/,
    );
    // Flip-averaged vectors come from the same model: the head reads them.
    assert.doesNotThrow(() => LinearCategoryHead.load({ space: { ...embedder.info, version: `${embedder.info.version}.flipavg` } }));
  });

  it("names the category of held-out catalog renders (odd products) at least 80% of the time", { timeout: 120_000 }, async () => {
    const head = LinearCategoryHead.load({ space: embedder.info });
    const specs = heldOutRenderSpecs({ views: ["front", "back"], perCategory: 3 });
    const inputs = [];
    for (const spec of specs) inputs.push(await catalogImageInput(spec));
    const vectors = await embedder.embed(inputs);
    const wrong: string[] = [];
    vectors.forEach((v, i) => {
      const top = head.classify(v)[0]!;
      if (top.handle !== specs[i]!.product.category.handle) wrong.push(`${specs[i]!.product.handle} (${specs[i]!.view}) → ${top.handle}`);
    });
    const accuracy = 1 - wrong.length / specs.length;
    assert.ok(accuracy >= 0.8, `accuracy ${accuracy.toFixed(3)} on ${specs.length} renders; wrong: ${wrong.join(", ")}`);
  });

  it('calls a plain backdrop "none"', async () => {
    const head = LinearCategoryHead.load({ space: embedder.info });
    const backdrops = await Promise.all(
      ["#f3efe9", "#ffffff", "#9a9a9c"].map(
        async (hex) =>
          new Uint8Array(
            await sharp({ create: { width: MODEL_INPUT_SIZE, height: MODEL_INPUT_SIZE, channels: 3, background: hex } })
              .raw()
              .toBuffer(),
          ),
      ),
    );
    for (const v of await embedder.embed(backdrops)) {
      const predictions = head.classify(v);
      assert.equal(predictions[0]!.handle, NO_GARMENT, JSON.stringify(predictions.slice(0, 3)));
      assert.ok(Math.abs(predictions.reduce((s, p) => s + p.confidence, 0) - 1) < 1e-9);
    }
  });
});
