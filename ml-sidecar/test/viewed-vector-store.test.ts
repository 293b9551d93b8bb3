import { test, after } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { EmbeddedVectorStoreFactory } from "../src/index/embedded-vector-store.ts";
import { ViewedVectorStore } from "../src/index/viewed-vector-store.ts";
import { l2Normalise, type ModelSpace } from "../src/embedding/embedder.ts";
import { isViewSpace, viewSpace, type ImageRecord } from "../src/index/vector-store.ts";

/** A product shot's second view (its small copy) searched beside its vector, on two embedded stores. */

const DIM = 8;
const space: ModelSpace = { model: "test/model", version: "1.gallery-2", dim: DIM };
const dirs: string[] = [];
after(() => dirs.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

async function openStore(): Promise<{ store: ViewedVectorStore; factory: EmbeddedVectorStoreFactory }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "mlsc-viewed-"));
  dirs.push(dir);
  const factory = new EmbeddedVectorStoreFactory(dir, { saveDelayMs: 5 });
  return { store: new ViewedVectorStore(await factory.open(space), await factory.open(viewSpace(space))), factory };
}

/** A unit vector along axis `i`, tilted a little towards axis `j`. */
const unit = (i: number, j = (i + 1) % DIM, tilt = 0): Float32Array => {
  const v = new Float32Array(DIM);
  v[i] = 1;
  v[j] = tilt;
  return l2Normalise(v);
};

function record(id: string, vector: Float32Array, viewVector: Float32Array | undefined, category: string): ImageRecord {
  return {
    id,
    vector,
    ...(viewVector ? { viewVector } : {}),
    hash: { hex: "0123456789abcdef", mirrorHex: "fedcba9876543210" },
    metadata: { kind: "product", product_id: `prod_${id}`, category },
    model: space.model,
    modelVersion: space.version,
    indexedAt: new Date(0).toISOString(),
  };
}

test("an image scores by its nearer view; get, count and listing see images, not views", async () => {
  const { store } = await openStore();
  // The shot's sharp vector lies along axis 0, its small view along axis 4; a look-alike lies near axis 4 too.
  await store.upsert([record("shot", unit(0), unit(4), "dresses"), record("lookalike", unit(4, 5, 0.3), undefined, "dresses")]);
  const thumbnail = unit(4, 3, 0.1);
  const hits = await store.search(thumbnail, { k: 2 });
  assert.deepEqual(
    hits.map((h) => h.id),
    ["shot", "lookalike"],
  );
  assert.ok(hits[0]!.score > 0.99, `the small view's score: ${hits[0]!.score}`);
  assert.equal(hits[0]!.metadata.product_id, "prod_shot");
  // A sharp photo still meets the sharp vector; each image is listed once.
  const sharp = await store.search(unit(0), { k: 5 });
  assert.equal(sharp[0]!.id, "shot");
  assert.equal(new Set(sharp.map((h) => h.id)).size, sharp.length);
  assert.equal(await store.count(), 2);
  const kept = await store.get("shot");
  assert.ok(kept && kept.vector[0]! > 0.99, "get returns the image's own vector");
  assert.equal(kept.viewVector, undefined);
  assert.equal(kept.modelVersion, space.version);
  assert.deepEqual((await store.listRecords(0, 10)).map((r) => r.id).sort(), ["lookalike", "shot"]);
  await store.close();
});

test("a view obeys the search's filter like its image", async () => {
  const { store } = await openStore();
  await store.upsert([record("shot", unit(0), unit(4), "dresses"), record("bag", unit(2), undefined, "bags")]);
  const hits = await store.search(unit(4), { k: 5, filter: [{ op: "eq", field: "category", value: "bags" }] });
  assert.deepEqual(
    hits.map((h) => h.id),
    ["bag"],
  );
  await store.close();
});

test("indexed again without a second view, an image loses the old one; deleted, it leaves both stores", async () => {
  const { store, factory } = await openStore();
  await store.upsert([record("shot", unit(0), unit(4), "dresses")]);
  await store.upsert([record("shot", unit(0), undefined, "dresses")]);
  const [hit] = await store.search(unit(4), { k: 1 });
  assert.ok(hit!.score < 0.5, `no small view left: ${hit!.score}`);
  await store.upsert([record("shot", unit(0), unit(4), "dresses")]);
  assert.equal(await store.delete("shot"), true);
  assert.deepEqual(await store.search(unit(4), { k: 1 }), []);
  await store.flush();
  const views = await factory.open(viewSpace(space));
  assert.equal(await views.count(), 0);
  assert.equal(await store.delete("shot"), false);
  await store.close();
});

test("partial views count only where a search asks for them, under their image's id and metadata; re-indexed or deleted, they go", async () => {
  const { store, factory } = await openStore();
  // The shot's garment lies along axis 0, a window that cuts it along axis 6; a look-alike lies near axis 6.
  await store.upsert([
    { ...record("shot", unit(0), unit(4), "dresses"), partialVectors: [unit(6), unit(7)] },
    record("lookalike", unit(6, 5, 0.4), undefined, "dresses"),
  ]);
  const cutPhoto = unit(6, 1, 0.05);
  const whole = await store.search(cutPhoto, { k: 2 });
  assert.equal(whole[0]!.id, "lookalike", "without `partial`, the shot scores by its garment and small view only");
  const partial = await store.search(cutPhoto, { k: 2, partial: true });
  assert.deepEqual(
    partial.map((h) => h.id),
    ["shot", "lookalike"],
  );
  assert.ok(partial[0]!.score > 0.99, `the partial view's score: ${partial[0]!.score}`);
  assert.deepEqual(partial[0]!.metadata, { kind: "product", product_id: "prod_shot", category: "dresses" }, "no trace of the view in the metadata");
  // Each image once, however many of its views are near.
  const both = await store.search(l2Normalise(Float32Array.from([0, 0, 0, 0, 0, 0, 1, 1])), { k: 5, partial: true });
  assert.equal(new Set(both.map((h) => h.id)).size, both.length);
  assert.equal(await store.count(), 2);
  // Indexed again with fewer partial views, the dropped ones go; deleted, none is left.
  await store.upsert([{ ...record("shot", unit(0), unit(4), "dresses"), partialVectors: [unit(6)] }]);
  const [seventh] = await store.search(unit(7), { k: 1, partial: true, filter: [{ op: "eq", field: "product_id", value: "prod_shot" }] });
  assert.ok(seventh!.score < 0.5, `the second partial view is gone: ${seventh!.score}`);
  assert.equal(await store.delete("shot"), true);
  await store.flush();
  assert.equal(await (await factory.open(viewSpace(space))).count(), 0);
  await store.close();
});

test("the views' space is told apart from the images' (re-indexing skips it)", () => {
  assert.equal(isViewSpace(viewSpace(space)), true);
  assert.equal(isViewSpace(space), false);
  assert.notEqual(viewSpace(space).version, space.version);
});
