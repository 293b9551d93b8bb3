import { test } from "node:test";
import assert from "node:assert/strict";
import { colourThumbnail, MAX_NEAR_IDENTICAL_DIFFERENCE, meanColourDifference } from "../src/dedup/colour-thumbnail.ts";
import { DctPhashHasher } from "../src/dedup/dct-phash-hasher.ts";
import { encodeThumbnail, storedHash } from "../src/dedup/fingerprint.ts";
import { HitCollapser } from "../src/describe/hit-collapse.ts";
import type { SearchHit } from "../src/index/vector-store.ts";
import { MODEL_INPUT_SIZE } from "../src/image/preprocess.ts";

/** A 224×224 model input of one colour. */
function flat(r: number, g: number, b: number): Uint8Array {
  const rgb = new Uint8Array(MODEL_INPUT_SIZE * MODEL_INPUT_SIZE * 3);
  for (let i = 0; i < rgb.length; i += 3) rgb.set([r, g, b], i);
  return rgb;
}

/** A hit of its own product whose hash is far from every other one's (so only the colour thumbnail can fold it). */
function hit(id: string, score: number, hashHex: string, colour: Uint8Array | null): SearchHit {
  return {
    id,
    score,
    metadata: { kind: "product", product_id: `prod_${id}` },
    hash: { hex: hashHex, mirrorHex: hashHex, ...(colour ? { colour: encodeThumbnail(colour) } : {}) },
  };
}

const collapser = () => new HitCollapser({ k: 10, hasher: new DctPhashHasher(), maxHashDistance: 8, vectorOf: async () => null });

test("the colour thumbnail is the mean of each 14×14 block, and the difference is per channel, 0..255", () => {
  const rgb = flat(10, 20, 30);
  // The top-left block turns white in red only: its thumbnail pixel's red is 255, the rest unchanged.
  for (let y = 0; y < 14; y += 1) for (let x = 0; x < 14; x += 1) rgb[(y * MODEL_INPUT_SIZE + x) * 3] = 255;
  const thumb = colourThumbnail(rgb);
  assert.equal(thumb.length, 16 * 16 * 3);
  assert.deepEqual([...thumb.subarray(0, 6)], [255, 20, 30, 10, 20, 30]);
  assert.equal(meanColourDifference(thumb, colourThumbnail(flat(10, 20, 30))), 245 / 768);
  assert.equal(meanColourDifference(colourThumbnail(flat(0, 0, 0)), colourThumbnail(flat(3, 3, 3))), 3);
  assert.equal(meanColourDifference(thumb, new Uint8Array(3)), Infinity, "thumbnails of different sizes never match");
});

test("stores keep the colour thumbnail with the hash (base64)", () => {
  const colour = colourThumbnail(flat(1, 2, 3));
  const stored = storedHash({ hash: { hex: "0".repeat(16), mirrorHex: "0".repeat(16) }, layout: new Uint8Array(4), colour });
  assert.equal(stored.colour, encodeThumbnail(colour));
});

test("products whose pictures are near-identical in colour fold into one hit, however far their hashes; a visible difference keeps them apart", async () => {
  const c = collapser();
  const base = colourThumbnail(flat(200, 180, 160));
  const sameToTheEye = colourThumbnail(flat(200 + MAX_NEAR_IDENTICAL_DIFFERENCE, 180, 160 - MAX_NEAR_IDENTICAL_DIFFERENCE));
  const otherColour = colourThumbnail(flat(200, 180, 150));
  await c.add([
    hit("a", 0.9, "0000000000000000", base),
    hit("b", 0.8, "ffffffffffffffff", sameToTheEye),
    hit("c", 0.7, "ffffffff00000000", otherColour),
    // Without a thumbnail (indexed before it existed) the hash and the cosine decide, as before.
    hit("d", 0.6, "00000000ffffffff", null),
  ]);
  const hits = c.hits();
  assert.deepEqual(
    hits.map((h) => h.id),
    ["a", "c", "d"],
  );
  assert.equal(hits[0]!.collapsed, 1, "b counts in a's hit");
  // b's product now belongs to a's hit: another image of it folds there too.
  await c.add([{ ...hit("b2", 0.5, "0f0f0f0f0f0f0f0f", null), metadata: { kind: "product", product_id: "prod_b" } }]);
  assert.equal(c.hits()[0]!.collapsed, 2);
});
