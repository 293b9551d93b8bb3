import { test } from "node:test";
import assert from "node:assert/strict";
import { cropRegion, NEUTRAL_BACKDROP } from "../src/describe/garment-crop.ts";
import type { RgbImage } from "../src/describe/ports.ts";

/** A 60×60 red photo with a 30×30 square mask in the middle. */
function redSquare(): { image: RgbImage; mask: Uint8Array } {
  const image: RgbImage = { data: new Uint8Array(60 * 60 * 3), width: 60, height: 60 };
  for (let i = 0; i < 60 * 60; i++) image.data.set([200, 20, 30], i * 3);
  const mask = new Uint8Array(60 * 60);
  for (let y = 15; y < 45; y++) for (let x = 15; x < 45; x++) mask[y * 60 + x] = 1;
  return { image, mask };
}

const box = { x: 0.25, y: 0.25, width: 0.5, height: 0.5 };
const at = (crop: RgbImage, x: number, y: number) => Array.from(crop.data.subarray((y * crop.width + x) * 3, (y * crop.width + x) * 3 + 3));

test("a busy scene's outline is blended into the neutral backdrop over a few pixels; other masks keep a hard edge", () => {
  const { image, mask } = redSquare();
  // The crop starts 2 px (the margin) before the mask: x = 2 is the mask's first column.
  const soft = cropRegion(image, { box, mask, source: "whole" }).crop;
  const hard = cropRegion(image, { box, mask, source: "product" }).crop;
  const middle = Math.floor(soft.height / 2);

  assert.deepEqual(at(hard, 2, middle), [200, 20, 30]);
  assert.deepEqual(at(hard, 1, middle), [...NEUTRAL_BACKDROP]);

  const edge = at(soft, 2, middle);
  assert.ok(edge[1]! > 20 && edge[1]! < NEUTRAL_BACKDROP[1], `the outline's edge is part garment, part backdrop: ${edge}`);
  const outside = at(soft, 1, middle);
  assert.ok(outside[1]! < NEUTRAL_BACKDROP[1] && outside[1]! > 20, `just outside, a little of the garment shows: ${outside}`);
  assert.deepEqual(at(soft, 15, middle), [200, 20, 30], "well inside, the garment as it is");
});
