import { test } from "node:test";
import assert from "node:assert/strict";
import { colourCleanedOutlines } from "../src/describe/outline-cleaning.ts";
import type { RgbImage } from "../src/describe/ports.ts";

const SIDE = 120;
type Rect = { x0: number; y0: number; x1: number; y1: number };
const GARMENT: Rect = { x0: 40, y0: 30, x1: 80, y1: 100 };

/** A grey scene with coloured rectangles painted in order; the outline is the union of the rectangles named. */
function scene(shapes: Array<{ rect: Rect; rgb: [number, number, number] | ((x: number, y: number) => [number, number, number]) }>): RgbImage {
  const data = new Uint8Array(SIDE * SIDE * 3).fill(128);
  for (const { rect, rgb } of shapes) {
    for (let y = rect.y0; y < rect.y1; y++) {
      for (let x = rect.x0; x < rect.x1; x++) data.set(typeof rgb === "function" ? rgb(x, y) : rgb, (y * SIDE + x) * 3);
    }
  }
  return { data, width: SIDE, height: SIDE };
}

function outlineOf(...rects: Rect[]): Uint8Array {
  const mask = new Uint8Array(SIDE * SIDE);
  for (const r of rects) for (let y = r.y0; y < r.y1; y++) for (let x = r.x0; x < r.x1; x++) mask[y * SIDE + x] = 1;
  return mask;
}

/** Share of the rectangle's pixels set in the mask. */
function covered(mask: Uint8Array, r: Rect): number {
  let set = 0;
  for (let y = r.y0; y < r.y1; y++) for (let x = r.x0; x < r.x1; x++) set += mask[y * SIDE + x]!;
  return set / ((r.x1 - r.x0) * (r.y1 - r.y0));
}

test("a scene shape the outline kept beside the garment is taken out by its colour, and the garment stays whole", () => {
  const square: Rect = { x0: 55, y0: 12, x1: 75, y1: 30 };
  const image = scene([
    { rect: GARMENT, rgb: [40, 70, 160] },
    { rect: square, rgb: [240, 120, 200] },
  ]);
  const cleaned = colourCleanedOutlines(image, outlineOf(GARMENT, square));
  assert.ok(cleaned.length >= 1);
  const best = cleaned.find((m) => covered(m, square) < 0.05);
  assert.ok(best, `one version leaves the pink square out: ${cleaned.map((m) => covered(m, square).toFixed(2)).join(", ")}`);
  assert.ok(covered(best, GARMENT) > 0.97, `and keeps the garment: ${covered(best, GARMENT)}`);
});

test("two scene shapes of different colours on either side are taken out together", () => {
  const above: Rect = { x0: 45, y0: 14, x1: 62, y1: 30 };
  const beside: Rect = { x0: 80, y0: 60, x1: 96, y1: 78 };
  const image = scene([
    { rect: GARMENT, rgb: [40, 70, 160] },
    { rect: above, rgb: [240, 120, 200] },
    { rect: beside, rgb: [60, 200, 60] },
  ]);
  const cleaned = colourCleanedOutlines(image, outlineOf(GARMENT, above, beside));
  const both = cleaned.find((m) => covered(m, above) < 0.05 && covered(m, beside) < 0.05);
  assert.ok(both, `one version leaves both shapes out (${cleaned.length} versions)`);
  assert.ok(covered(both, GARMENT) > 0.97);
});

test("a dotted garment outlined exactly gives no other version: its dots lie inside it and their holes fill again", () => {
  const dotted = scene([
    {
      rect: GARMENT,
      rgb: (x, y) => (x >= 44 && y >= 34 && x < 76 && y < 96 && (x - 44) % 10 < 4 && (y - 34) % 10 < 4 ? [230, 230, 220] : [120, 60, 30]),
    },
  ]);
  assert.deepEqual(colourCleanedOutlines(dotted, outlineOf(GARMENT)), []);
});

test("a version that would keep too little of the outline is not offered, nor is a speck's outline cleaned", () => {
  // The pink half is as large as the garment: taking it out would cut the outline in half.
  const half: Rect = { x0: 80, y0: 30, x1: 120, y1: 100 };
  const image = scene([
    { rect: GARMENT, rgb: [40, 70, 160] },
    { rect: half, rgb: [240, 120, 200] },
  ]);
  assert.deepEqual(colourCleanedOutlines(image, outlineOf(GARMENT, half)), []);
  assert.deepEqual(colourCleanedOutlines(image, outlineOf({ x0: 40, y0: 30, x1: 47, y1: 37 })), []);
});
