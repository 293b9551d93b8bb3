import { test } from "node:test";
import assert from "node:assert/strict";
import sharp from "sharp";
import { DESCRIPTOR_WORDS, extractKeypoints, type KeypointPair } from "../src/dedup/keypoints.ts";
import { shippedVocabulary, Vocabulary, VisualWordIndex } from "../src/dedup/visual-words.ts";
import { prepareImage } from "../src/image/preprocess.ts";
import { picture } from "./helpers.ts";

async function keypointsOf(buf: Buffer): Promise<KeypointPair> {
  const { grey } = await prepareImage(buf);
  return extractKeypoints(grey.data, grey.width, grey.height);
}

test("a small crop, a greyscale and a mirrored copy find their original among the first candidates by shared visual words", async () => {
  const index = new VisualWordIndex();
  const original = await picture(61);
  index.add("original", (await keypointsOf(original)).upright);
  for (let seed = 62; seed < 122; seed += 1) index.add(`other-${seed}`, (await keypointsOf(await picture(seed))).upright);
  assert.equal(index.size, 61);
  const { width = 0, height = 0 } = await sharp(original).metadata();
  const crop = await keypointsOf(
    await sharp(original)
      .extract({ left: Math.round(width * 0.35), top: Math.round(height * 0.3), width: Math.round(width * 0.6), height: Math.round(height * 0.62) })
      .png()
      .toBuffer(),
  );
  const grey = await keypointsOf(await sharp(original).greyscale().jpeg({ quality: 60 }).toBuffer());
  const mirrored = await keypointsOf(await sharp(original).flop().toBuffer());
  // Candidates, not verdicts: a crop shares a fraction of its words (other pictures of the same
  // generator share textures), so it must rank near the top; whole copies stand out.
  const cropHits = index.candidates(crop, 3);
  assert.ok(
    cropHits.some((h) => h.id === "original"),
    `crop: ${JSON.stringify(cropHits)}`,
  );
  for (const [name, query] of [
    ["greyscale", grey],
    ["mirrored", mirrored],
  ] as const) {
    const hits = index.candidates(query, 5);
    assert.equal(hits[0]?.id, "original", `${name}: ${JSON.stringify(hits)}`);
    assert.ok(hits[0]!.score > 3 * hits[1]!.score, `${name}: the original stands out: ${JSON.stringify(hits)}`);
  }
  // `accept` filters, the limit holds, scores descend.
  const filtered = index.candidates(crop, 3, (id) => id !== "original");
  assert.equal(filtered.length, 3);
  assert.ok(filtered.every((h) => h.id !== "original"));
  assert.ok(filtered[0]!.score >= filtered[1]!.score && filtered[1]!.score >= filtered[2]!.score);
});

test("removing and replacing an image updates the index", async () => {
  const index = new VisualWordIndex();
  const a = await keypointsOf(await picture(71));
  const b = await keypointsOf(await picture(72));
  index.add("a", a.upright);
  index.add("b", b.upright);
  assert.equal(index.candidates(a, 1)[0]?.id, "a");
  assert.equal(index.remove("a"), true);
  assert.equal(index.remove("a"), false, "already gone");
  assert.ok(!index.candidates(a, 5).some((h) => h.id === "a"));
  // Replacing b's keypoints with a's: b is now what a was.
  index.add("b", a.upright);
  assert.equal(index.size, 1);
  assert.equal(index.candidates(a, 1)[0]?.id, "b");
  assert.ok(index.candidates(a, 1)[0]!.score > 0.9, "an identical image shares (almost) all of its weighted words");
  assert.deepEqual(new VisualWordIndex().candidates(a, 5), [], "an empty index has no candidates");
});

test("the vocabulary trains deterministically, round-trips, and the shipped one has 4,096 words", async () => {
  const desc = new Uint32Array(600 * DESCRIPTOR_WORDS);
  let x = 12345;
  for (let i = 0; i < desc.length; i += 1) desc[i] = x = (Math.imul(x, 1103515245) + 12345) >>> 0;
  const one = Vocabulary.train(desc, 600, { branch: 4, depth: 3, seed: 7 });
  const two = Vocabulary.train(desc, 600, { branch: 4, depth: 3, seed: 7 });
  assert.deepEqual(one.centres, two.centres);
  assert.equal(one.size, 64);
  const back = Vocabulary.decode(one.encode());
  assert.deepEqual(back.centres, one.centres);
  for (let i = 0; i < 600; i += 1) {
    const w = one.word(desc, i * DESCRIPTOR_WORDS);
    assert.ok(w >= 0 && w < 64);
    assert.equal(back.word(desc, i * DESCRIPTOR_WORDS), w);
  }
  assert.throws(() => Vocabulary.decode(Buffer.from("nonsense")), /vocabulary/);
  assert.equal(shippedVocabulary().size, 4096);
});
