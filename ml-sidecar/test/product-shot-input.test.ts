import { test } from "node:test";
import assert from "node:assert/strict";
import { PARTIAL_VIEW_SIDE, partialViews } from "../src/describe/product-shot-input.ts";
import type { GarmentRegion, RgbImage } from "../src/describe/ports.ts";

/** A 100×200 picture whose garment (a mask) fills the box x 20–80, y 20–180; each pixel's red channel is its column. */
function picture(box = { x0: 20, y0: 20, x1: 80, y1: 180 }): { image: RgbImage; garment: GarmentRegion } {
  const [width, height] = [100, 200];
  const data = new Uint8Array(width * height * 3);
  const mask = new Uint8Array(width * height);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      data[(y * width + x) * 3] = x;
      if (x >= box.x0 && x < box.x1 && y >= box.y0 && y < box.y1) mask[y * width + x] = 1;
    }
  }
  const garment: GarmentRegion = {
    box: { x: box.x0 / width, y: box.y0 / height, width: (box.x1 - box.x0) / width, height: (box.y1 - box.y0) / height },
    mask,
    source: "product",
    prominence: 0.5,
  };
  return { image: { data, width, height }, garment };
}

test("a product shot is also seen through each corner window that cuts its garment, as an off-centre photo of it would be", () => {
  const { image, garment } = picture();
  const views = partialViews(image, garment);
  assert.equal(views.length, 4);
  const [w, h] = [Math.round(100 * PARTIAL_VIEW_SIDE), Math.round(200 * PARTIAL_VIEW_SIDE)];
  for (const view of views) {
    assert.deepEqual([view.image.width, view.image.height], [w, h]);
    const { box } = view.garment;
    // The garment runs off the window's edge, as it runs off the photo's.
    assert.ok(box.x <= 0 || box.y <= 0 || box.x + box.width >= 0.999 || box.y + box.height >= 0.999, JSON.stringify(box));
    // The window's pixels and the garment's mask are the picture's, moved with the window.
    const ones = view.garment.mask!.reduce((n, v) => n + v, 0);
    assert.ok(Math.abs(ones - box.width * w * box.height * h) < 1, `${ones} mask pixels for box ${JSON.stringify(box)}`);
  }
  // The top-left window starts at the picture's corner; the bottom-right one ends at the other.
  assert.equal(views[0]!.image.data[0], 0);
  assert.equal(views[3]!.image.data[(w * h - 1) * 3], 99);
});

test("a window that holds the whole garment, or too little of it, gives no view", () => {
  // A small garment in the top-left corner: the top-left window holds it whole, the bottom-right one none of it.
  const { image, garment } = picture({ x0: 5, y0: 5, x1: 40, y1: 60 });
  assert.deepEqual(partialViews(image, garment), []);
});
