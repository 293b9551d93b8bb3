import { test } from "node:test";
import assert from "node:assert/strict";
import sharp from "sharp";
import { CANDIDATE_HASH_DISTANCE, duplicateEvidence, groupDuplicates, type PairSignals } from "../src/dedup/near-duplicates.ts";
import { layoutMatchScore, layoutThumbnail } from "../src/dedup/layout-match.ts";
import { DctPhashHasher } from "../src/dedup/dct-phash-hasher.ts";
import { l2Normalise } from "../src/embedding/embedder.ts";
import { prepareImage } from "../src/image/preprocess.ts";
import { CALIBRATED_THRESHOLDS, loadConfig } from "../src/config.ts";
import { picture } from "./helpers.ts";

const t = { maxHashDistance: 6, minCandidateCosine: 0.7, minLayoutScore: 0.9 };
const signals = (hashDistance: number, cosine: number, nearest: boolean, layout: number): PairSignals & { layoutCalls: number } => {
  const s = { hashDistance, cosine, nearest, layoutCalls: 0, layoutScore: () => (s.layoutCalls += 1, layout) };
  return s;
};

test("a pair is a duplicate by hash alone, or as a candidate verified by the layout match", () => {
  assert.equal(duplicateEvidence(signals(3, 0.1, false, 0), t), "hash");
  assert.equal(duplicateEvidence(signals(6, 0.1, false, 0), t), "hash", "thresholds are inclusive");
  assert.equal(duplicateEvidence(signals(30, 0.75, true, 0.95), t), "layout", "embedding neighbour, verified");
  assert.equal(duplicateEvidence(signals(30, 0.75, true, 0.9), t), "layout", "layout threshold is inclusive");
  assert.equal(duplicateEvidence(signals(CANDIDATE_HASH_DISTANCE, 0.1, false, 0.95), t), "layout", "hash candidate, verified");
  assert.equal(duplicateEvidence(signals(30, 0.75, true, 0.89), t), null, "candidate that fails verification");
  const notCandidate = signals(30, 0.69, true, 1);
  assert.equal(duplicateEvidence(notCandidate, t), null);
  assert.equal(notCandidate.layoutCalls, 0, "no layout work for non-candidates");
  assert.equal(duplicateEvidence(signals(30, 0.99, false, 1), t), null, "a far neighbour is no embedding candidate");
});

test("layout match: crops, greyscale and mirrored copies match their original; other pictures do not", async () => {
  const original = await picture(41);
  const layout = async (buf: Buffer) => layoutThumbnail((await prepareImage(buf)).rgb);
  const o = await layout(original);
  const crop = await layout(await sharp(original).extract({ left: 90, top: 30, width: 300, height: 340 }).png().toBuffer());
  const grey = await layout(await sharp(original).grayscale().jpeg({ quality: 30 }).toBuffer());
  const mirrored = await layout(await sharp(original).extract({ left: 0, top: 60, width: 380, height: 388 }).flop().png().toBuffer());
  for (const [name, copy] of [["crop", crop], ["greyscale", grey], ["mirrored crop", mirrored]] as const) {
    const score = layoutMatchScore(o, copy);
    assert.ok(score >= 0.9, `${name}: ${score}`);
  }
  for (const seed of [42, 43, 44]) {
    const score = layoutMatchScore(o, await layout(await picture(seed)));
    assert.ok(score < 0.85, `picture ${seed}: ${score}`);
  }
});

test("groups are transitive, in upload order, without singletons", () => {
  const v = (...xs: number[]) => l2Normalise(Float32Array.from(xs));
  const far = { hex: "0000000000000000", mirrorHex: "ffffffffffffffff" };
  const flat = new Uint8Array(56 * 56).fill(128); // no structure: never verified
  const items = [
    { hash: far, vector: v(1, 0, 0), layout: flat }, // 0
    { hash: { hex: "ffffffff00000000", mirrorHex: "00000000ffffffff" }, vector: v(0, 1, 0), layout: flat }, // 1
    { hash: { hex: "0000000000000003", mirrorHex: "ffffffffffffffff" }, vector: v(0, 0, 1), layout: flat }, // 2: hash 2 bits from 0
    { hash: { hex: "ffffffff00000001", mirrorHex: "ffffffff00000001" }, vector: v(0, 0, 1), layout: flat }, // 3: hash 1 bit from 1
    { hash: { hex: "000000000000001f", mirrorHex: "ffffffffffffffff" }, vector: v(1, 1, 0), layout: flat }, // 4: 3 bits from 2, 5 from 0 → joined through 2
  ];
  assert.deepEqual(groupDuplicates(items, new DctPhashHasher(), { ...t, maxHashDistance: 3 }), [[0, 2, 4], [1, 3]]);
});

test("the shipped thresholds are the calibrated ones and env can override them", () => {
  assert.deepEqual(loadConfig({}).thresholds, CALIBRATED_THRESHOLDS);
  assert.deepEqual(
    loadConfig({ DEDUP_MAX_HASH_DISTANCE: "3", DEDUP_MIN_CANDIDATE_COSINE: "0.8", DEDUP_MIN_LAYOUT_SCORE: "0.95" }).thresholds,
    { maxHashDistance: 3, minCandidateCosine: 0.8, minLayoutScore: 0.95 },
  );
  assert.throws(() => loadConfig({ DEDUP_MIN_LAYOUT_SCORE: "high" }));
});
