import { test } from "node:test";
import assert from "node:assert/strict";
import {
  colourThumbnail,
  MAX_FOLD_COLOUR_DISTANCE,
  MAX_NEAR_IDENTICAL_DIFFERENCE,
  meanColourDifference,
  subjectColourDistance,
} from "../src/dedup/colour-thumbnail.ts";
import { CALIBRATED_THRESHOLDS } from "../src/config.ts";
import { DctPhashHasher } from "../src/dedup/dct-phash-hasher.ts";
import { encodeThumbnail, storedHash } from "../src/dedup/fingerprint.ts";
import { HitCollapser, type HitCollapserOptions } from "../src/describe/hit-collapse.ts";
import type { SearchHit } from "../src/index/vector-store.ts";
import sharp, { type Sharp } from "sharp";
import { prepareImage } from "../src/image/preprocess.ts";

/** A picture of one colour (a backdrop as large as a product photo), as sharp opens an upload. */
function flat(r: number, g: number, b: number, width = 600, height = 750): Sharp {
  return sharp({ create: { width, height, channels: 3, background: { r, g, b } } });
}

/** A hit of its own product (or of `productId`) whose hash is far from every other one's (so only the colour thumbnail can fold it). */
function hit(id: string, score: number, hashHex: string, colour: Uint8Array | null, productId = `prod_${id}`): SearchHit {
  return {
    id,
    score,
    metadata: { kind: "product", product_id: productId },
    hash: { hex: hashHex, mirrorHex: hashHex, ...(colour ? { picture: encodeThumbnail(colour) } : {}) },
  };
}

/** A collapser of 10 hits as the service makes one, at the calibrated hash distance (no vectors stored, unless `options` gives them). */
const collapser = (options: Partial<HitCollapserOptions> = {}) =>
  new HitCollapser({
    k: 10,
    hasher: new DctPhashHasher(),
    maxHashDistance: CALIBRATED_THRESHOLDS.maxHashDistance,
    vectorOf: async () => null,
    ...options,
  });

test("the colour thumbnail is the whole picture squeezed to 16×16, and the difference is per channel, 0..255", async () => {
  // A band over the left eighth of a picture, brighter in red only: the thumbnail's left columns turn red, the far ones stay.
  const band = await sharp({ create: { width: 80, height: 750, channels: 3, background: { r: 255, g: 20, b: 30 } } })
    .png()
    .toBuffer();
  const thumb = await colourThumbnail(
    sharp(
      await flat(10, 20, 30, 640, 750)
        .composite([{ input: band, left: 0, top: 0 }])
        .png()
        .toBuffer(),
    ),
  );
  assert.equal(thumb.length, 16 * 16 * 3);
  const [r, g, b] = thumb.subarray(0, 3);
  assert.ok(r! > 230 && g === 20 && b === 30, `first pixel ${[r, g, b]}`);
  assert.deepEqual([...thumb.subarray(10 * 3, 10 * 3 + 3)], [10, 20, 30]);
  assert.equal(meanColourDifference(await colourThumbnail(flat(0, 0, 0)), await colourThumbnail(flat(3, 3, 3))), 3);
  assert.equal(meanColourDifference(thumb, new Uint8Array(3)), Infinity, "thumbnails of different sizes never match");
});

test("an upload's thumbnail is of the whole picture, backdrop included: the same garment framed differently is not the same picture", async () => {
  const garment = await sharp({ create: { width: 200, height: 300, channels: 3, background: { r: 40, g: 60, b: 140 } } })
    .png()
    .toBuffer();
  const framed = (left: number, top: number) =>
    flat(245, 245, 245)
      .composite([{ input: garment, left, top }])
      .jpeg({ quality: 90 })
      .toBuffer();
  const [centred, again, offCentre] = await Promise.all([
    framed(200, 225).then((b) => prepareImage(b)),
    framed(200, 225).then((b) => prepareImage(b)),
    framed(20, 40).then((b) => prepareImage(b)),
  ]);
  assert.equal(meanColourDifference(centred.picture, again.picture), 0);
  assert.ok(meanColourDifference(centred.picture, offCentre.picture) > MAX_NEAR_IDENTICAL_DIFFERENCE);
});

test("stores keep the picture's thumbnail with the hash (base64)", async () => {
  const picture = await colourThumbnail(flat(1, 2, 3));
  const stored = storedHash({ hash: { hex: "0".repeat(16), mirrorHex: "0".repeat(16) }, layout: new Uint8Array(4), picture });
  assert.equal(stored.picture, encodeThumbnail(picture));
});

test("products whose pictures are near-identical in colour fold into one hit, however far their hashes; a visible difference keeps them apart", async () => {
  const c = collapser();
  const base = await colourThumbnail(flat(200, 180, 160));
  const sameToTheEye = await colourThumbnail(flat(200 + MAX_NEAR_IDENTICAL_DIFFERENCE, 180, 160 - MAX_NEAR_IDENTICAL_DIFFERENCE));
  const otherColour = await colourThumbnail(flat(200, 180, 150));
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
});

test("a product whose one picture another product's picture stands for is still listed by its other pictures, once", async () => {
  const c = collapser();
  const [base, otherColour] = await Promise.all([colourThumbnail(flat(200, 180, 160)), colourThumbnail(flat(40, 60, 140))]);
  await c.add([
    hit("a", 0.9, "0000000000000000", base),
    // b's alternate view is a's picture again (the same colourway shot alike): it folds into a's hit…
    hit("b_alternate", 0.8, "ffffffffffffffff", base, "prod_b"),
    // …but b's front, in another colour, is b's own hit, and b's back folds into it.
    hit("b_front", 0.7, "ffffffff00000000", otherColour, "prod_b"),
    hit("b_back", 0.6, "00000000ffffffff", otherColour, "prod_b"),
  ]);
  const hits = c.hits();
  assert.deepEqual(
    hits.map((h) => [h.id, h.collapsed]),
    [
      ["a", 1],
      ["b_front", 1],
    ],
  );
});

/** The demo catalog's Lilac. */
const LILAC = { r: 183, g: 164, b: 214 };

/** A product shot: a garment of one colour (`garmentHeight` tall) on a light backdrop, as a JPEG. */
async function garmentShotBytes(colour: { r: number; g: number; b: number }, garmentHeight = 420): Promise<Buffer> {
  const garment = await sharp({ create: { width: 260, height: garmentHeight, channels: 3, background: colour } })
    .png()
    .toBuffer();
  return flat(236, 232, 226)
    .composite([{ input: garment, left: 170, top: 160 }])
    .jpeg({ quality: 85 })
    .toBuffer();
}

/** A product shot's colour thumbnail (optionally brighter or cropped). */
async function garmentShot(colour: { r: number; g: number; b: number }, edit: (s: Sharp) => Sharp = (s) => s): Promise<Uint8Array> {
  return colourThumbnail(edit(sharp(await garmentShotBytes(colour))));
}

test("the subject's colour against its backdrop: one picture brighter or cropped keeps it, the same silhouette in another colour does not", async () => {
  const shot = await garmentShot(LILAC);
  const brighter = await garmentShot(LILAC, (s) => s.modulate({ brightness: 1.08 }));
  const cropped = await garmentShot(LILAC, (s) => s.extract({ left: 12, top: 15, width: 576, height: 720 }));
  const greyMarl = await garmentShot({ r: 154, g: 154, b: 156 });
  const navy = await garmentShot({ r: 31, g: 42, b: 68 });
  const black = await garmentShot({ r: 20, g: 20, b: 22 });
  for (const [name, copy] of Object.entries({ brighter, cropped })) {
    assert.ok(
      meanColourDifference(shot, copy) > MAX_NEAR_IDENTICAL_DIFFERENCE || name === "cropped",
      `${name} is not near-identical by colour alone`,
    );
    assert.ok(subjectColourDistance(shot, copy) <= MAX_FOLD_COLOUR_DISTANCE, `${name}: ${subjectColourDistance(shot, copy)}`);
  }
  assert.ok(subjectColourDistance(shot, greyMarl) > MAX_FOLD_COLOUR_DISTANCE, `grey marl: ${subjectColourDistance(shot, greyMarl)}`);
  assert.ok(subjectColourDistance(navy, black) > MAX_FOLD_COLOUR_DISTANCE, `navy beside black: ${subjectColourDistance(navy, black)}`);
  assert.equal(subjectColourDistance(await colourThumbnail(flat(236, 232, 226)), shot), 0, "a plain backdrop has no subject to compare");
});

test("pictures the hash and the embedding call one fold when their subject is one colour, and stay apart in another colour", async () => {
  const [shot, brighter, greyMarl] = await Promise.all([
    garmentShot(LILAC),
    garmentShot(LILAC, (s) => s.modulate({ brightness: 1.08 })),
    garmentShot({ r: 154, g: 154, b: 156 }),
  ]);
  const vector = Float32Array.of(1, 0, 0);
  // Equal hashes and vectors: only the subject's colour can tell these pictures apart.
  const c = collapser({ vectorOf: async () => vector });
  const same = "0123456789abcdef";
  await c.add([hit("lilac", 0.9, same, shot), hit("lilac_brighter", 0.89, same, brighter), hit("grey_marl", 0.88, same, greyMarl)]);
  assert.deepEqual(
    c.hits().map((h) => [h.id, h.collapsed]),
    [
      ["lilac", 1],
      ["grey_marl", 0],
    ],
  );
});

test("a photo that reproduces one of two products' near-identical pictures lists that product, with the score of the twin it stands for", async () => {
  // Two products drawn alike in Lilac, one a little shorter; the shopper's photo is the taller one's picture as a thumbnail.
  const [tallShot, shortShot] = await Promise.all([garmentShotBytes(LILAC, 420), garmentShotBytes(LILAC, 390)]);
  const [tall, short, photo, grey] = await Promise.all([
    colourThumbnail(sharp(tallShot)),
    colourThumbnail(sharp(shortShot)),
    sharp(tallShot)
      .resize(96, 120)
      .jpeg({ quality: 80 })
      .toBuffer()
      .then((small) => colourThumbnail(sharp(small))),
    garmentShot({ r: 154, g: 154, b: 156 }),
  ]);
  assert.ok(meanColourDifference(tall, short) <= MAX_NEAR_IDENTICAL_DIFFERENCE, "the two products' pictures are near-identical");
  assert.ok(meanColourDifference(photo, tall) < meanColourDifference(photo, short));
  // The embedding scores the shorter twin first, as a small photo can make it.
  const candidates = [
    hit("short_front", 0.97, "0000000000000000", short, "prod_short"),
    hit("grey_front", 0.965, "ffffffffffffffff", grey, "prod_grey"),
    hit("tall_front", 0.96, "ffffffff00000000", tall, "prod_tall"),
    hit("tall_back", 0.94, "00000000ffffffff", tall, "prod_tall"),
  ];
  const withPhoto = collapser({ photo });
  await withPhoto.add(candidates);
  assert.deepEqual(
    withPhoto.hits().map((h) => [h.id, h.score, h.collapsed]),
    [
      ["tall_front", 0.97, 2],
      ["grey_front", 0.965, 0],
    ],
  );
  // A query that is no photo (POST /v1/similar) keeps the embedding's order.
  const withoutPhoto = collapser();
  await withoutPhoto.add(candidates);
  assert.deepEqual(
    withoutPhoto.hits().map((h) => h.id),
    ["short_front", "grey_front"],
  );
});
