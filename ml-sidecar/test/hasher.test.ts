import { test } from "node:test";
import assert from "node:assert/strict";
import sharp from "sharp";
import { DctPhashHasher } from "../src/dedup/dct-phash-hasher.ts";
import { hammingHex } from "../src/dedup/hasher.ts";
import { prepareImage } from "../src/image/preprocess.ts";
import { picture } from "./helpers.ts";

const hasher = new DctPhashHasher();
const hashOf = async (buf: Buffer) => hasher.hash(await prepareImage(buf));

test("hamming distance counts differing bits", () => {
  assert.equal(hammingHex("0000000000000000", "0000000000000000"), 0);
  assert.equal(hammingHex("ffffffffffffffff", "0000000000000000"), 64);
  assert.equal(hammingHex("8000000000000001", "0000000000000000"), 2);
});

test("re-encoded and resized copies hash within a few bits; other images do not", async () => {
  const original = await picture(11);
  const h = await hashOf(original);
  assert.equal(h.hex.length, 16);
  const jpeg = await hashOf(await sharp(original).jpeg({ quality: 30 }).toBuffer());
  const small = await hashOf(await sharp(original).resize(150).png().toBuffer());
  assert.ok(hasher.distance(h, jpeg) <= 4, `jpeg distance ${hasher.distance(h, jpeg)}`);
  assert.ok(hasher.distance(h, small) <= 4, `resize distance ${hasher.distance(h, small)}`);
  for (const seed of [12, 13, 14, 15]) {
    const other = await hashOf(await picture(seed));
    assert.ok(hasher.distance(h, other) > 12, `seed ${seed} distance ${hasher.distance(h, other)}`);
  }
});

test("the mirror hash makes a flipped copy match", async () => {
  const original = await picture(16);
  const h = await hashOf(original);
  const flipped = await hashOf(await sharp(original).flop().png().toBuffer());
  assert.ok(hammingHex(h.hex, flipped.hex) > 10, "plain hashes of a flip differ");
  assert.ok(hasher.distance(h, flipped) <= 2, `mirror-aware distance ${hasher.distance(h, flipped)}`);
});
