import { test } from "node:test";
import assert from "node:assert/strict";
import sharp from "sharp";
import { prepareImage, sniffImageFormat, MODEL_INPUT_SIZE } from "../src/image/preprocess.ts";
import { ClientError } from "../src/errors.ts";
import { detectRotatedContent } from "../src/image/straighten.ts";
import { DctPhashHasher } from "../src/dedup/dct-phash-hasher.ts";
import { hugePng, picture } from "./helpers.ts";

const limits = { maxBytes: 5 * 1024 * 1024, maxPixels: 20_000_000 };

async function rejects(buf: Buffer, status: number, type: string) {
  await assert.rejects(prepareImage(buf, limits), (err: unknown) => {
    assert.ok(err instanceof ClientError, `expected ClientError, got ${err}`);
    assert.equal(err.statusCode, status);
    assert.equal(err.type, type);
    assert.ok(err.message.length > 10, "err.message.length > 10");
    return true;
  });
}

test("sniffs formats from magic bytes, not names", async () => {
  assert.equal(sniffImageFormat(await picture(1, "png")), "png");
  assert.equal(sniffImageFormat(await picture(1, "jpeg")), "jpeg");
  assert.equal(
    sniffImageFormat(
      await sharp(await picture(1))
        .webp()
        .toBuffer(),
    ),
    "webp",
  );
  assert.equal(sniffImageFormat(Buffer.from("<html><body>not an image</body></html>")), null);
});

test("produces 224×224 RGB pixels from any accepted format", async () => {
  for (const buf of [
    await picture(2, "png"),
    await picture(2, "jpeg"),
    await sharp(await picture(2))
      .webp()
      .toBuffer(),
  ]) {
    const p = await prepareImage(buf, limits);
    assert.equal(p.rgb.length, MODEL_INPUT_SIZE * MODEL_INPUT_SIZE * 3);
    assert.equal(p.width, 448);
  }
});

test("applies EXIF orientation before anything else", async () => {
  // Left half red, right half blue; orientation 6 means "rotate 90° clockwise to view".
  const raw = await sharp({ create: { width: 200, height: 100, channels: 3, background: "#ff0000" } })
    .composite([{ input: { create: { width: 100, height: 100, channels: 3, background: "#0000ff" } }, left: 100, top: 0 }])
    .jpeg()
    .withMetadata({ orientation: 6 })
    .toBuffer();
  const p = await prepareImage(raw, limits);
  assert.deepEqual([p.width, p.height], [100, 200]);
  const at = (x: number, y: number) => [...p.rgb.subarray((y * MODEL_INPUT_SIZE + x) * 3, (y * MODEL_INPUT_SIZE + x) * 3 + 3)];
  // After rotating clockwise, red (the old left) is on top and blue at the bottom.
  assert.ok(at(112, 20)[0]! > 200 && at(112, 20)[2]! < 60, `top should be red, got ${at(112, 20)}`);
  assert.ok(at(112, 200)[2]! > 200 && at(112, 200)[0]! < 60, `bottom should be blue, got ${at(112, 200)}`);
});

test("trims letterbox bars so a padded copy lines up with the original", async () => {
  const original = await picture(3);
  const padded = await sharp(original).extend({ left: 120, right: 120, background: "#000000" }).png().toBuffer();
  const a = await prepareImage(original, limits);
  const b = await prepareImage(padded, limits);
  let diff = 0;
  for (let i = 0; i < a.rgb.length; i += 1) diff += Math.abs(a.rgb[i]! - b.rgb[i]!);
  assert.ok(diff / a.rgb.length < 4, `mean abs difference ${diff / a.rgb.length}`);
});

test("rejects bad input with a typed client error", async () => {
  await rejects(Buffer.alloc(0), 400, "empty_image");
  await rejects(Buffer.from("this is a text file, not a picture at all"), 415, "unsupported_image_format");
  const jpeg = await picture(4, "jpeg");
  await rejects(jpeg.subarray(0, Math.floor(jpeg.length / 2)), 422, "invalid_image");
  await rejects(Buffer.alloc(6 * 1024 * 1024, 1), 413, "image_too_large");
  // Only the formats Medusa accepts (JPEG, PNG, WebP), recognised by their bytes; the message says which was sent.
  for (const [other, name] of [
    [
      await sharp(await picture(2))
        .gif()
        .toBuffer(),
      "GIF",
    ],
    [
      await sharp(await picture(2))
        .tiff()
        .toBuffer(),
      "TIFF",
    ],
    [
      await sharp(await picture(2))
        .resize(64)
        .avif({ effort: 0 })
        .toBuffer(),
      "AVIF",
    ],
  ] as const) {
    await rejects(other, 415, "unsupported_image_format");
    await assert.rejects(prepareImage(other, limits), new RegExp(`is a ${name} image .*send a JPEG, PNG or WebP image`));
  }
  // 20,000 × 20,000 PNG: tiny file, 400 MP decoded; refused from the header alone.
  const huge = hugePng(20000, 20000);
  assert.deepEqual([(await sharp(huge, { limitInputPixels: false }).metadata()).width, huge.length < 1_000_000], [20000, true]);
  await rejects(huge, 413, "image_too_many_pixels");
  // Messages describe the file, never the decoder underneath.
  await assert.rejects(
    prepareImage(jpeg.subarray(0, Math.floor(jpeg.length / 2)), limits),
    (err: Error) => !/vips|sharp|premature|huffman/i.test(err.message),
  );
});

test("straightens a copy rotated on an expanded canvas, and leaves upright pictures alone", async () => {
  const original = await picture(51);
  const hasher = new DctPhashHasher();
  const o = hasher.hash(await prepareImage(original));
  for (const degrees of [-12, 4, 9]) {
    const rotated = await sharp(original).rotate(degrees, { background: "#ffffff" }).jpeg({ quality: 80 }).toBuffer();
    const raw = await sharp(rotated).raw().toBuffer({ resolveWithObject: true });
    const found = detectRotatedContent(raw.data, raw.info.width, raw.info.height, raw.info.channels);
    assert.ok(found && Math.abs(found.degrees - degrees) < 0.5, `${degrees}°: detected ${found?.degrees}`);
    const d = hasher.distance(o, hasher.hash(await prepareImage(rotated)));
    assert.ok(d <= 8, `${degrees}°: hash distance to the original ${d}`);
  }
  for (const seed of [51, 52, 53]) {
    const raw = await sharp(await picture(seed))
      .raw()
      .toBuffer({ resolveWithObject: true });
    assert.equal(detectRotatedContent(raw.data, raw.info.width, raw.info.height, raw.info.channels), null, `picture ${seed}`);
  }
});
