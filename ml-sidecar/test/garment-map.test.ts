import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import { promisify } from "node:util";
import sharp from "sharp";
import { isTrainingProduct, PACKAGE_DIR } from "../scripts/train-category-head.ts";
import { RidgeFit } from "../scripts/train-garment-map.ts";
import { cellInputSize, GARMENT_MAP_FILE, LinearGarmentMap } from "../src/describe/garment-map.ts";
import { spreadCellMap } from "../src/describe/mask-ops.ts";
import { outlineWithMap } from "../src/describe/backdrop-garment-detector.ts";
import type { CellMap, GarmentRegion } from "../src/describe/ports.ts";
import { WORKING_SIDE } from "../src/describe/describe-service.ts";
import { WasmWorkerPoolEmbedder } from "../src/embedding/wasm-worker-pool-embedder.ts";
import { decodeUpright, DEFAULT_IMAGE_LIMITS } from "../src/image/preprocess.ts";
import { busyBackground, catalogEntries } from "./photos.ts";

const run = promisify(execFile);
const SCRIPT = path.join(PACKAGE_DIR, "scripts/train-garment-map.ts");

describe("garment map training (scripts/train-garment-map.ts)", () => {
  it("remakes the same head byte for byte", { timeout: 300_000 }, async () => {
    const dirs = [fs.mkdtempSync(path.join(os.tmpdir(), "map-a-")), fs.mkdtempSync(path.join(os.tmpdir(), "map-b-"))];
    try {
      for (const dir of dirs)
        await run(process.execPath, ["--import", "tsx", SCRIPT, "--scenes", "4", "--held-out", "2", "--out", dir], { cwd: PACKAGE_DIR });
      const [a, b] = dirs.map((d) => fs.readFileSync(path.join(d, GARMENT_MAP_FILE)));
      assert.ok(a!.length > 0);
      assert.ok(a!.equals(b!), "the head differs between two runs");
      const head = JSON.parse(a!.toString());
      assert.equal(head.weights.length, head.channels);
      assert.equal(head.held_out.scenes, 2);
    } finally {
      for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it("fits least squares: a ridge fit recovers a linear rule", () => {
    const fit = new RidgeFit(2);
    for (let i = 0; i < 50; i++) {
      const x = new Float32Array([i % 7, (i * 3) % 5]);
      fit.add(x, 0, 0.5 * x[0]! - 0.25 * x[1]! + 0.1);
    }
    const { weights, bias } = fit.solve(1e-9);
    assert.ok(
      Math.abs(weights[0]! - 0.5) < 1e-6 && Math.abs(weights[1]! + 0.25) < 1e-6 && Math.abs(bias - 0.1) < 1e-6,
      JSON.stringify({ weights, bias }),
    );
  });
});

describe("cell maps", () => {
  it("sizes a photo in whole 16-pixel cells, its long side 256", () => {
    assert.deepEqual(cellInputSize(410, 512), { width: 208, height: 256 });
    assert.deepEqual(cellInputSize(512, 512), { width: 256, height: 256 });
    assert.deepEqual(cellInputSize(512, 20), { width: 256, height: 32 });
  });

  it("spreads cells over the image between their centres, clamped to 0..1", () => {
    const spread = spreadCellMap({ shares: new Float32Array([0, 1.4]), rows: 1, cols: 2 }, 4, 1);
    assert.deepEqual(
      Array.from(spread),
      [0, 0.35, 1, 1].map((v) => Math.fround(v)),
    );
  });
});

describe("a busy scene's outline with a garment map (outlineWithMap)", () => {
  // A 208×256 scene: a red square (what the colour outline took) and a blue oval (where the map says the garment is).
  const [width, height] = [208, 256];
  const data = new Uint8Array(width * height * 3);
  const inSquare = (x: number, y: number) => x >= 20 && x < 80 && y >= 40 && y < 100;
  const inOval = (x: number, y: number) => ((x - 140) / 45) ** 2 + ((y - 150) / 70) ** 2 <= 1;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const rgb = inSquare(x, y) ? [200, 40, 40] : inOval(x, y) ? [40, 60, 190] : [((x >> 4) & 1) * 60 + 90, 150, ((y >> 4) & 1) * 60 + 90];
      data.set(rgb, (y * width + x) * 3);
    }
  }
  const image = { data, width, height };
  const maskOf = (inside: (x: number, y: number) => boolean) =>
    Uint8Array.from({ length: width * height }, (_, i) => (inside(i % width, Math.floor(i / width)) ? 1 : 0));
  const square = maskOf(inSquare);
  const oval = maskOf(inOval);
  const region: GarmentRegion = {
    box: { x: 20 / width, y: 40 / height, width: 60 / width, height: 60 / height },
    mask: square,
    source: "whole",
    prominence: 0.3,
  };
  const iou = (a: Uint8Array, b: Uint8Array) => {
    let [both, either] = [0, 0];
    for (let i = 0; i < a.length; i++) [both, either] = [both + (a[i]! & b[i]!), either + (a[i]! | b[i]!)];
    return both / either;
  };
  const cells = (inside: (x: number, y: number) => boolean): CellMap => {
    const [rows, cols] = [16, 13];
    const shares = Float32Array.from({ length: rows * cols }, (_, c) =>
      inside(((c % cols) + 0.5) * 16, (Math.floor(c / cols) + 0.5) * 16) ? 0.9 : 0.02,
    );
    return { shares, rows, cols };
  };

  it("outlines the garment where the map puts it, to its edges, when the colour outline took something else", () => {
    const chosen = outlineWithMap(image, region, cells(inOval));
    assert.ok(iou(chosen.mask!, oval) >= 0.85, `IoU with the oval ${iou(chosen.mask!, oval).toFixed(3)}`);
    assert.equal(chosen.source, "whole");
    assert.ok(Math.abs(chosen.box.x - 95 / width) < 0.03 && Math.abs(chosen.box.height - 140 / height) < 0.03, JSON.stringify(chosen.box));
  });

  it("keeps to the colour outline's garment when the map agrees with it", () => {
    const chosen = outlineWithMap(image, region, cells(inSquare));
    assert.ok(iou(chosen.mask!, square) >= 0.9, `IoU with the square ${iou(chosen.mask!, square).toFixed(3)}`);
  });
});

describe("the committed garment map", () => {
  let embedder: WasmWorkerPoolEmbedder;
  before(async () => {
    embedder = await WasmWorkerPoolEmbedder.start(1, { flipAverage: false });
  });
  after(() => embedder.close());

  it("refuses a head made for another network's features", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "map-other-"));
    try {
      const head = JSON.parse(fs.readFileSync(path.join(PACKAGE_DIR, "models", GARMENT_MAP_FILE), "utf8"));
      fs.writeFileSync(path.join(dir, GARMENT_MAP_FILE), JSON.stringify({ ...head, model: "other/model" }));
      assert.throws(() => LinearGarmentMap.load(embedder, dir), /reads other\/model's features.*train:garment-map/);
      assert.throws(() => LinearGarmentMap.load(embedder, path.join(dir, "missing")), /cannot read .*train:garment-map/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it("marks the garment, not the clutter, in busy scenes of another generator and of products it never saw", { timeout: 120_000 }, async () => {
    const map = LinearGarmentMap.load(embedder);
    const seen = new Map<string, number>();
    const heldOut = catalogEntries().filter((e) => {
      const n = seen.get(e.product.category.handle) ?? 0;
      seen.set(e.product.category.handle, n + 1);
      return !isTrainingProduct(n);
    });
    let inside = 0;
    let outside = 0;
    const photos = 8;
    for (let i = 0; i < photos; i++) {
      const photo = await busyBackground(heldOut[i * 17]!, 500 + i);
      const { image } = await decodeUpright(photo.bytes, DEFAULT_IMAGE_LIMITS, WORKING_SIDE);
      const truth = await sharp(Buffer.from(photo.mask!.data.map((v) => (v ? 255 : 0))), {
        raw: { width: photo.width, height: photo.height, channels: 1 },
      })
        .resize(image.width, image.height)
        .extractChannel(0)
        .raw()
        .toBuffer();
      const spread = spreadCellMap(await map.read(image), image.width, image.height);
      let [sumIn, nIn, sumOut, nOut] = [0, 0, 0, 0];
      for (let p = 0; p < spread.length; p++) {
        if (truth[p]! >= 128) [sumIn, nIn] = [sumIn + spread[p]!, nIn + 1];
        else [sumOut, nOut] = [sumOut + spread[p]!, nOut + 1];
      }
      inside += sumIn / nIn / photos;
      outside += sumOut / nOut / photos;
    }
    assert.ok(inside >= 0.4 && outside <= 0.1, `mean share on the garment ${inside.toFixed(3)}, on the clutter ${outside.toFixed(3)}`);
  });
});
