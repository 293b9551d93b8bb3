import { test, after } from "node:test";
import assert from "node:assert/strict";
import sharp from "sharp";
import { selectEmbedder } from "../src/embedding/select-backend.ts";
import { cosine, type Embedder } from "../src/embedding/embedder.ts";
import { prepareImage } from "../src/image/preprocess.ts";
import { picture } from "./helpers.ts";

let embedder: Embedder | undefined;
after(() => embedder?.close());

const missing = async (name: string) => {
  throw new Error(`Cannot find package '${name}'`);
};

test("backend selection falls through tfjs-node-gpu → tfjs-node → wasm and says why", async () => {
  const logs: string[] = [];
  const selected = await selectEmbedder({ flipAverage: true, workers: 2, importModule: missing, gpuVisible: () => true, log: (m) => logs.push(m) });
  embedder = selected.embedder;
  assert.equal(embedder.info.backend, "wasm");
  assert.equal(embedder.info.workers, 2);
  assert.deepEqual(
    selected.skipped.map((s) => s.backend),
    ["tensorflow-gpu", "tensorflow"],
  );
  assert.match(selected.skipped[0]!.reason, /tfjs-node-gpu/);
  assert.ok(
    logs.some((l) => l.includes("embedding backend: wasm")),
    'logs.some((l) => l.includes("embedding backend: wasm"))',
  );
  const noGpu = await selectEmbedder({ flipAverage: true, only: "tensorflow-gpu", importModule: missing, gpuVisible: () => false }).catch(
    (e: Error) => e,
  );
  assert.ok(
    noGpu instanceof Error && /no NVIDIA GPU visible/.test(noGpu.message),
    "noGpu instanceof Error && /no NVIDIA GPU visible/.test(noGpu.message)",
  );
});

test("embeddings: 1792-d, unit length, deterministic, tagged with model and version", async () => {
  assert.ok(embedder, "embedder");
  assert.equal(embedder.info.dim, 1792);
  assert.match(embedder.info.model, /mobilenet_v2_mid/);
  assert.match(embedder.info.version, /^nsfwjs-4\.4\.0\.recipe-\d+\.in\d+\.flipavg$/);
  const img = await prepareImage(await picture(21));
  const [a, b] = await embedder.embed([img.rgb, img.rgb]);
  assert.equal(a!.length, 1792);
  assert.ok(Math.abs(cosine(a!, a!) - 1) < 1e-4, "Math.abs(cosine(a!, a!) - 1) < 1e-4");
  assert.ok(cosine(a!, b!) > 0.9999, "cosine(a!, b!) > 0.9999");
});

test("near-duplicates embed close together; different pictures do not", async () => {
  assert.ok(embedder, "embedder");
  const original = await picture(22);
  const variants = [await sharp(original).resize(320).jpeg({ quality: 75 }).toBuffer(), await sharp(original).flop().png().toBuffer()];
  const prepared = await Promise.all([original, ...variants, await picture(23), await picture(24)].map((b) => prepareImage(b)));
  const [o, small, flipped, other1, other2] = await embedder.embed(prepared.map((p) => p.rgb));
  const sim = (x: Float32Array) => cosine(o!, x);
  assert.ok(sim(small!) > 0.9, `resized+jpeg ${sim(small!)}`);
  assert.ok(sim(flipped!) > 0.99, `flip-averaged embeddings are mirror-invariant: ${sim(flipped!)}`);
  assert.ok(sim(other1!) < sim(small!) - 0.05 && sim(other2!) < sim(small!) - 0.05, `others ${sim(other1!)}, ${sim(other2!)}`);
});

test("concurrent requests share the pool and all resolve", async () => {
  assert.ok(embedder, "embedder");
  const img = await prepareImage(await picture(25));
  const results = await Promise.all(Array.from({ length: 6 }, (_, i) => embedder!.embed(Array.from({ length: i + 1 }, () => img.rgb))));
  assert.deepEqual(
    results.map((r) => r.length),
    [1, 2, 3, 4, 5, 6],
  );
  for (const r of results) for (const v of r) assert.ok(cosine(v, results[0]![0]!) > 0.9999, "cosine(v, results[0]![0]!) > 0.9999");
});

test("a cell-feature map queued among embeddings goes to a worker alone; every request gets its own answer", async () => {
  assert.ok(embedder, "embedder");
  const img = await prepareImage(await picture(26));
  const grey = { data: new Uint8Array(64 * 48 * 3).fill(128), width: 64, height: 48 };
  const [before, grid, again, after] = await Promise.all([
    embedder.embed([img.rgb, img.rgb, img.rgb]),
    embedder.cellFeatures(grey),
    embedder.cellFeatures(grey),
    embedder.embed([img.rgb]),
  ]);
  assert.deepEqual([grid.rows, grid.cols, grid.data.length], [3, 4, 3 * 4 * grid.channels]);
  assert.ok(grid.channels > 100, `${grid.channels} channels`);
  assert.deepEqual(Array.from(again.data), Array.from(grid.data));
  for (const v of [...before, ...after]) assert.ok(cosine(v, before[0]!) > 0.9999, "embeddings unchanged by the maps between them");
});
