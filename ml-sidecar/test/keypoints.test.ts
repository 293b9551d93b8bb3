import { test } from "node:test";
import assert from "node:assert/strict";
import sharp from "sharp";
import { decodeKeypoints, encodeKeypoints, extractKeypoints, matchEitherOrientation, type KeypointPair } from "../src/dedup/keypoints.ts";
import { prepareImage } from "../src/image/preprocess.ts";
import { CALIBRATED_THRESHOLDS } from "../src/config.ts";
import { keypointsVerify } from "../src/dedup/near-duplicates.ts";
import { picture } from "./helpers.ts";

async function keypointsOf(buf: Buffer): Promise<KeypointPair> {
  const { grey } = await prepareImage(buf);
  return extractKeypoints(grey.data, grey.width, grey.height);
}

test("keypoints verify small crops, overlaid and mirrored copies, at the scale and shift of the crop", async () => {
  const original = await picture(41);
  const o = await keypointsOf(original);
  assert.ok(o.upright.count > 100, `keypoints: ${o.upright.count}`);
  const { width = 0, height = 0 } = await sharp(original).metadata();
  // A 55 % × 60 % window: the copy shows that part of the original magnified.
  const crop = await keypointsOf(
    await sharp(original)
      .extract({ left: Math.round(width * 0.4), top: Math.round(height * 0.1), width: Math.round(width * 0.55), height: Math.round(height * 0.6) })
      .png()
      .toBuffer(),
  );
  const cropMatch = matchEitherOrientation(crop, o.upright);
  assert.ok(keypointsVerify(cropMatch, CALIBRATED_THRESHOLDS), `crop: ${JSON.stringify(cropMatch)}`);
  // The crop's frame is 224 px on its long side, the original's too: original = crop · scale + shift.
  assert.ok(Math.abs(cropMatch.scale - 0.6) < 0.05, `crop scale ${cropMatch.scale}`);
  const logo = Buffer.from(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"><rect x="20" y="20" width="${width * 0.4}" height="${height * 0.25}" fill="#e11"/><text x="40" y="${height * 0.2}" font-size="48" fill="white">SALE</text></svg>`,
  );
  const overlaid = await keypointsOf(
    await sharp(original)
      .composite([{ input: logo }])
      .png()
      .toBuffer(),
  );
  assert.ok(keypointsVerify(matchEitherOrientation(overlaid, o.upright), CALIBRATED_THRESHOLDS), "overlay");
  const mirrored = await keypointsOf(await sharp(original).flop().jpeg({ quality: 40 }).toBuffer());
  assert.ok(keypointsVerify(matchEitherOrientation(mirrored, o.upright), CALIBRATED_THRESHOLDS), "mirrored copy");
  for (const seed of [42, 43, 44]) {
    const other = matchEitherOrientation(await keypointsOf(await picture(seed)), o.upright);
    assert.ok(!keypointsVerify(other, CALIBRATED_THRESHOLDS), `picture ${seed}: ${JSON.stringify(other)}`);
  }
});

test("stored keypoints round-trip, and another version's are ignored", async () => {
  const { upright } = await keypointsOf(await picture(41));
  const buf = encodeKeypoints(upright);
  const back = decodeKeypoints(buf)!;
  assert.equal(back.count, upright.count);
  assert.deepEqual(back.desc, upright.desc);
  assert.ok(Math.abs(back.x[7]! - upright.x[7]!) < 1 / 64);
  assert.equal(
    matchEitherOrientation({ upright, mirrored: upright }, back).inliers,
    upright.count > 0 ? matchEitherOrientation({ upright, mirrored: upright }, upright).inliers : 0,
  );
  const stale = Buffer.from(buf);
  stale[0] = 255;
  assert.equal(decodeKeypoints(stale), null);
  assert.equal(decodeKeypoints(buf.subarray(0, buf.length - 3)), null, "truncated");
});
