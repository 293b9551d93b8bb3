import { describe, test, after } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { EmbeddedVectorStore, EmbeddedVectorStoreFactory } from "../src/index/embedded-vector-store.ts";
import { MilvusVectorStoreFactory } from "../src/index/milvus-vector-store.ts";
import { parseFilter } from "../src/index/filter.ts";
import { l2Normalise, type ModelSpace } from "../src/embedding/embedder.ts";
import type { ImageRecord, VectorStore, VectorStoreFactory } from "../src/index/vector-store.ts";
import { rng } from "../bench/lib/synthetic.ts";

const DIM = 64;
const space: ModelSpace = { model: "test/model", version: "1", dim: DIM };

/** Clustered vectors (not uniform noise) so that ANN search behaves like on real embeddings. */
function vectors(n: number, seed: number): Float32Array[] {
  const r = rng(seed);
  const centres = Array.from({ length: 20 }, () => Float32Array.from({ length: DIM }, () => r() * 2 - 1));
  return Array.from({ length: n }, (_, i) => l2Normalise(Float32Array.from(centres[i % 20]!, (c) => c + (r() * 2 - 1) * 0.4)));
}

function record(id: string, vector: Float32Array, metadata: Record<string, unknown> = {}): ImageRecord {
  return {
    id,
    vector,
    metadata,
    hash: { hex: "0123456789abcdef", mirrorHex: "fedcba9876543210" },
    model: space.model,
    modelVersion: space.version,
    indexedAt: new Date(0).toISOString(),
  };
}

function exactTopK(query: Float32Array, all: Map<string, Float32Array>, k: number): string[] {
  return [...all.entries()]
    .map(([id, v]) => ({ id, s: v.reduce((acc, x, i) => acc + x * query[i]!, 0) }))
    .sort((a, b) => b.s - a.s)
    .slice(0, k)
    .map((x) => x.id);
}

/** The contract every VectorStore adapter must satisfy. */
function contract(name: string, makeFactory: () => Promise<VectorStoreFactory>, opts: { reopen: boolean }) {
  describe(`VectorStore contract: ${name}`, () => {
    let factory: VectorStoreFactory;
    let store: VectorStore;
    const vs = vectors(300, 7);
    const live = new Map<string, Float32Array>();

    test("upsert, get, count", async () => {
      factory = await makeFactory();
      store = await factory.open(space);
      const records = vs.map((v, i) =>
        record(`img_${i}`, v, {
          product_id: `prod_${i % 50}`,
          category: ["dress", "shirt", "shoe"][i % 3],
          price: i,
          variant_ids: [`var_${i}`, `var_${i + 1000}`],
        }),
      );
      await store.upsert(records);
      records.forEach((r) => live.set(r.id, r.vector));
      assert.equal(await store.count(), 300);
      const got = await store.get("img_5");
      assert.ok(got, "got");
      assert.equal(got.metadata.category, "shoe");
      assert.equal(got.model, space.model);
      assert.equal(got.modelVersion, space.version);
      assert.deepEqual(got.hash, { hex: "0123456789abcdef", mirrorHex: "fedcba9876543210" });
      assert.ok(Math.abs(got.vector[3]! - vs[5]![3]!) < 1e-6, "Math.abs(got.vector[3]! - vs[5]![3]!) < 1e-6");
      assert.equal(await store.get("missing"), null);
      const many = await store.getVectors(["img_7", "missing", "img_299"]);
      assert.deepEqual([...many.keys()].sort(), ["img_299", "img_7"]);
      assert.ok(Math.abs(many.get("img_299")![0]! - vs[299]![0]!) < 1e-6, "many.get(img_299) is img_299's vector");
    });

    test("k-NN returns the exact nearest neighbours with cosine scores", async () => {
      for (const qi of [0, 17, 123]) {
        const hits = await store.search(vs[qi]!, { k: 10 });
        assert.equal(hits.length, 10);
        assert.equal(hits[0]!.id, `img_${qi}`);
        assert.ok(Math.abs(hits[0]!.score - 1) < 1e-4, `self score ${hits[0]!.score}`);
        for (let i = 1; i < hits.length; i += 1) assert.ok(hits[i - 1]!.score >= hits[i]!.score - 1e-6, "sorted by score");
        assert.deepEqual(
          hits.map((h) => h.id),
          exactTopK(vs[qi]!, live, 10),
        );
      }
      // A query that is a view into a larger buffer (non-zero byteOffset) must work the same.
      const shared = new Float32Array(DIM * 3);
      shared.set(vs[99]!, DIM);
      const viewHits = await store.search(shared.subarray(DIM, 2 * DIM), { k: 3 });
      assert.deepEqual(
        viewHits.map((h) => h.id),
        exactTopK(vs[99]!, live, 3),
      );
    });

    test("metadata filters: equality, in, range, array fields", async () => {
      const q = vs[42]!;
      const dresses = await store.search(q, { k: 20, filter: parseFilter({ category: "dress" }) });
      assert.equal(dresses.length, 20);
      assert.ok(
        dresses.every((h) => h.metadata.category === "dress"),
        'dresses.every((h) => h.metadata.category === "dress")',
      );
      const inList = await store.search(q, { k: 50, filter: parseFilter({ product_id: { in: ["prod_1", "prod_2"] } }) });
      assert.equal(inList.length, 12);
      assert.ok(
        inList.every((h) => ["prod_1", "prod_2"].includes(h.metadata.product_id as string)),
        'inList.every((h) => ["prod_1", "prod_2"].includes(h.metadata.product_id as string))',
      );
      const range = await store.search(q, { k: 100, filter: parseFilter({ price: { gte: 10, lt: 20 } }) });
      assert.deepEqual(
        range.map((h) => h.metadata.price as number).sort((a, b) => a - b),
        [10, 11, 12, 13, 14, 15, 16, 17, 18, 19],
      );
      const variant = await store.search(q, { k: 5, filter: parseFilter({ variant_ids: "var_1077" }) });
      assert.deepEqual(
        variant.map((h) => h.id),
        ["img_77"],
      );
      const none = await store.search(q, { k: 5, filter: parseFilter({ category: "hat" }) });
      assert.deepEqual(none, []);
      const filteredExact = exactTopK(q, new Map([...live].filter(([id]) => Number(id.slice(4)) % 3 === 0)), 20);
      assert.deepEqual(
        dresses.map((h) => h.id),
        filteredExact,
      );
    });

    test("upsert replaces; delete removes", async () => {
      await store.upsert([record("img_1", vs[200]!, { category: "replaced" })]);
      live.set("img_1", vs[200]!);
      assert.equal(await store.count(), 300);
      assert.equal((await store.get("img_1"))!.metadata.category, "replaced");
      const hits = await store.search(vs[200]!, { k: 2 });
      assert.deepEqual(new Set(hits.map((h) => h.id)), new Set(["img_1", "img_200"]));
      assert.equal(await store.delete("img_200"), true);
      live.delete("img_200");
      assert.equal(await store.delete("img_200"), false);
      assert.equal(await store.count(), 299);
      assert.ok(
        !(await store.search(vs[200]!, { k: 5 })).some((h) => h.id === "img_200"),
        '!(await store.search(vs[200]!, { k: 5 })).some((h) => h.id === "img_200")',
      );
    });

    test("refuses vectors of another model space", async () => {
      const foreign = { ...record("x", vs[0]!), modelVersion: "2" };
      await assert.rejects(store.upsert([foreign]), /cannot go into a store/);
      await assert.rejects(store.upsert([record("y", new Float32Array(DIM + 1))]), /dimensions/);
    });

    test("a model change opens a new empty space and lists the old one for re-indexing", async () => {
      await store.flush();
      const next: ModelSpace = { ...space, version: "2" };
      const other = await factory.open(next);
      assert.equal(await other.count(), 0);
      const spaces = await factory.otherSpaces(next);
      assert.ok(
        spaces.some((s) => s.version === "1" && s.model === space.model),
        'spaces.some((s) => s.version === "1" && s.model === space.model)',
      );
      const page = await store.listRecords(0, 1000);
      assert.equal(page.length, 299);
      assert.ok(
        page.every((r) => !("vector" in r)),
        'page.every((r) => !("vector" in r))',
      );
      await other.close();
      await factory.drop(next);
    });

    if (opts.reopen) {
      test("persists across close and reopen", async () => {
        await store.close();
        store = await factory.open(space);
        assert.equal(await store.count(), 299);
        assert.equal((await store.get("img_1"))!.metadata.category, "replaced");
        assert.equal(await store.get("img_200"), null);
        const hits = await store.search(vs[17]!, { k: 10 });
        assert.deepEqual(
          hits.map((h) => h.id),
          exactTopK(vs[17]!, live, 10),
        );
      });
    }

    after(async () => {
      await store?.close();
      await factory?.drop(space).catch(() => {});
    });
  });
}

const tmpDirs: string[] = [];
const tmp = () => {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), "mlsc-store-"));
  tmpDirs.push(d);
  return d;
};
after(() => tmpDirs.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

contract("embedded (exact search)", async () => new EmbeddedVectorStoreFactory(tmp(), { exactSearchBelow: 100_000, saveDelayMs: 10 }), {
  reopen: true,
});
contract("embedded (HNSW)", async () => new EmbeddedVectorStoreFactory(tmp(), { exactSearchBelow: 50, saveDelayMs: 10 }), { reopen: true });

if (process.env.MILVUS_ADDRESS) {
  contract(
    `milvus at ${process.env.MILVUS_ADDRESS}`,
    async () =>
      new MilvusVectorStoreFactory({
        address: process.env.MILVUS_ADDRESS!,
        collectionPrefix: `curator_test_${Date.now()}`,
        hnsw: { M: 16, efConstruction: 128, ef: 256 },
      }),
    { reopen: true },
  );
} else {
  console.log("# SKIP VectorStore contract: milvus — set MILVUS_ADDRESS (e.g. localhost:19530) to run it against a Milvus server");
  test("VectorStore contract: milvus", { skip: "MILVUS_ADDRESS is not set" }, () => {});
}

test("embedded store: hash matches are mirror-aware, filtered and nearest first", async () => {
  const s = await EmbeddedVectorStore.open(tmp(), space, { saveDelayMs: 5 });
  const vs = vectors(4, 5);
  const rec = (id: string, hex: string, mirrorHex: string, category: string, v: Float32Array) => ({
    ...record(id, v, { category }),
    hash: { hex, mirrorHex },
  });
  await s.upsert([
    rec("same", "00000000000000ff", "ff00000000000000", "dress", vs[0]!),
    rec("near", "00000000000000f0", "0f00000000000000", "shirt", vs[1]!),
    rec("mirrored", "ffff000000000000", "0000000000000fff", "dress", vs[2]!),
    rec("far", "ffffffffffffffff", "ffffffffffffffff", "dress", vs[3]!),
  ]);
  const q = { hex: "00000000000000ff", mirrorHex: "ff00000000000000" };
  const hits = await s.hashMatches(q, 6, { limit: 10 });
  assert.deepEqual(
    hits.map((h) => [h.id, h.hashDistance]),
    [
      ["same", 0],
      ["near", 4],
      ["mirrored", 4],
    ],
  );
  const dresses = await s.hashMatches(q, 6, { limit: 10, filter: parseFilter({ category: "dress" }) });
  assert.deepEqual(
    dresses.map((h) => h.id),
    ["same", "mirrored"],
  );
  await s.delete("same");
  assert.deepEqual(
    (await s.hashMatches(q, 6, { limit: 1 })).map((h) => h.id),
    ["near"],
  );
});

test("embedded store: searches exactly below exactSearchBelow records, by HNSW from there on", async () => {
  const s = await EmbeddedVectorStore.open(tmp(), space, { exactSearchBelow: 20, saveDelayMs: 5 });
  const vs = vectors(20, 11);
  await s.upsert(vs.slice(0, 19).map((v, i) => record(`img_${i}`, v)));
  assert.equal(s.searchMethod, "exact");
  await s.upsert([record("img_19", vs[19]!)]);
  assert.equal(s.searchMethod, "hnsw");
  await s.close();
});

test("embedded store: crash-safe generations (an interrupted save leaves the last one readable)", async () => {
  const dir = tmp();
  const s = await EmbeddedVectorStore.open(dir, space, { saveDelayMs: 5 });
  const vs = vectors(10, 3);
  await s.upsert(vs.map((v, i) => record(`a${i}`, v)));
  await s.flush();
  // Simulate a crash midway through the next save: a half-written generation folder.
  const current = fs.readFileSync(path.join(dir, "CURRENT"), "utf8");
  fs.mkdirSync(path.join(dir, `gen-${Number(current) + 1}.tmp`));
  fs.writeFileSync(path.join(dir, `gen-${Number(current) + 1}.tmp`, "vectors.f32"), "garbage");
  const reopened = await EmbeddedVectorStore.open(dir, space);
  assert.equal(await reopened.count(), 10);
  assert.equal((await reopened.search(vs[4]!, { k: 1 }))[0]!.id, "a4");
  await assert.rejects(EmbeddedVectorStore.open(dir, { ...space, version: "other" }), /holds test\/model@1/);
});
