import { test } from "node:test";
import assert from "node:assert/strict";
import { duplicateEvidence, groupDuplicates } from "../src/dedup/near-duplicates.ts";
import { DctPhashHasher } from "../src/dedup/dct-phash-hasher.ts";
import { l2Normalise } from "../src/embedding/embedder.ts";
import { CALIBRATED_THRESHOLDS, loadConfig } from "../src/config.ts";

const t = { maxHashDistance: 6, minCosine: 0.9 };

test("a pair is a duplicate by hash, by embedding, or both", () => {
  assert.equal(duplicateEvidence(3, 0.5, t), "hash");
  assert.equal(duplicateEvidence(30, 0.95, t), "embedding");
  assert.equal(duplicateEvidence(0, 0.99, t), "hash+embedding");
  assert.equal(duplicateEvidence(7, 0.899, t), null);
  assert.equal(duplicateEvidence(6, 0.9, t), "hash+embedding", "thresholds are inclusive");
});

test("groups are transitive, in upload order, without singletons", () => {
  const v = (...xs: number[]) => l2Normalise(Float32Array.from(xs));
  const far = { hex: "0000000000000000", mirrorHex: "ffffffffffffffff" };
  const items = [
    { hash: far, vector: v(1, 0, 0) }, // 0
    { hash: { hex: "ffffffff00000000", mirrorHex: "00000000ffffffff" }, vector: v(0, 1, 0) }, // 1
    { hash: far, vector: v(1, 0.3, 0) }, // 2: cos with 0 ≈ 0.958
    { hash: { hex: "ffffffff00000001", mirrorHex: "ffffffff00000001" }, vector: v(0, 0, 1) }, // 3: hash 1 bit from 1
    { hash: far, vector: v(1, 0.75, 0) }, // 4: cos with 2 ≈ 0.92, with 0 = 0.8 → joined through 2
  ];
  assert.deepEqual(groupDuplicates(items, new DctPhashHasher(), t), [[0, 2, 4], [1, 3]]);
});

test("the shipped thresholds are the calibrated ones and env can override them", () => {
  assert.deepEqual(loadConfig({}).thresholds, CALIBRATED_THRESHOLDS);
  assert.deepEqual(loadConfig({ DEDUP_MAX_HASH_DISTANCE: "3", DEDUP_MIN_COSINE: "0.95" }).thresholds, { maxHashDistance: 3, minCosine: 0.95 });
  assert.throws(() => loadConfig({ DEDUP_MIN_COSINE: "high" }));
});
