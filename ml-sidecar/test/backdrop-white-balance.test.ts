import { test } from "node:test";
import assert from "node:assert/strict";
import sharp from "sharp";
import { backdropCastGains, neutraliseBackdropCast } from "../src/image/backdrop-white-balance.ts";
import type { RgbImage } from "../src/describe/ports.ts";
import { busyBackground, catalogEntries, colourCastPhoto, lowResPhoto, offCentreCrop, pickProducts } from "./photos.ts";

async function decoded(bytes: Uint8Array): Promise<RgbImage> {
  const { data, info } = await sharp(bytes).removeAlpha().raw().toBuffer({ resolveWithObject: true });
  return { data: new Uint8Array(data), width: info.width, height: info.height };
}

/** Mean colour of the photo's outermost 4 pixels all round. */
function frameMean({ data, width, height }: RgbImage): number[] {
  const sum = [0, 0, 0];
  let n = 0;
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) {
      if (x >= 4 && x < width - 4 && y >= 4 && y < height - 4) continue;
      for (let c = 0; c < 3; c++) sum[c]! += data[(y * width + x) * 3 + c]!;
      n++;
    }
  return sum.map((s) => s / n);
}

/** A plain photo of one colour with a darker square in the middle. */
function plain(rgb: [number, number, number], size = 80): RgbImage {
  const data = new Uint8Array(size * size * 3);
  for (let y = 0; y < size; y++)
    for (let x = 0; x < size; x++) data.set(x > 25 && x < 55 && y > 25 && y < 55 ? [60, 60, 90] : rgb, (y * size + x) * 3);
  return { data, width: size, height: size };
}

const entries = pickProducts(7, 8, catalogEntries());

test("a product shot under a coloured light gets a grey backdrop, and its garment's colours move with it", async () => {
  for (const [i, entry] of entries.entries()) {
    const photo = await decoded((await colourCastPhoto(entry, 900 + i)).bytes);
    const before = frameMean(photo);
    const after = frameMean(neutraliseBackdropCast(photo));
    const tint = (m: number[]) => Math.max(...m) - Math.min(...m);
    assert.ok(tint(before) > 12, `${entry.product.handle}: the cast shows on the backdrop (${before.map(Math.round)})`);
    assert.ok(tint(after) <= 3, `${entry.product.handle}: the backdrop is grey after (${after.map(Math.round)})`);
  }
});

test("catalog-like shots, busy scenes, crops that cut the garment and thumbnails are left as they are", async () => {
  for (const [i, entry] of entries.entries()) {
    for (const photo of [await offCentreCrop(entry, 300 + i), await lowResPhoto(entry, 120), await busyBackground(entry, 400 + i)]) {
      const image = await decoded(photo.bytes);
      assert.equal(backdropCastGains(image), null, photo.name);
      assert.equal(neutraliseBackdropCast(image), image, photo.name);
    }
  }
});

test("a plain frame counts as a cast only when light and tinted like a lamp, not like a coloured backdrop", () => {
  assert.ok(backdropCastGains(plain([235, 215, 175])), "a warm lamp on a white backdrop");
  assert.equal(backdropCastGains(plain([242, 240, 236])), null, "a studio backdrop's own tint");
  assert.equal(backdropCastGains(plain([200, 40, 50])), null, "a red backdrop (or a red garment filling the photo)");
  assert.equal(backdropCastGains(plain([70, 60, 40])), null, "a dark frame");
  const [r, g, b] = backdropCastGains(plain([235, 215, 175]))!;
  assert.ok(Math.abs(235 * r - 175 * b) < 1 && Math.abs(215 * g - 235 * r) < 1, "the gains make the frame grey");
});
