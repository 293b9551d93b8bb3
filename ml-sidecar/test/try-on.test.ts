import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { createRequire } from "node:module";
import sharp from "sharp";
import { renderGarmentSvg } from "../../src/scripts/demo-catalog/render-garment.ts";
import { createApp, type App } from "../src/app.ts";
import { loadConfig } from "../src/config.ts";
import { WasmWorkerPoolEmbedder } from "../src/embedding/wasm-worker-pool-embedder.ts";
import { dilate } from "../src/describe/mask-ops.ts";
import type { CompositeGarmentDetector } from "../src/describe/garment-detector.ts";
import { multipart } from "./helpers.ts";
import { decodeRgb } from "./photos.ts";

/**
 * POST /v1/try-on through HTTP with the real person models. The person is the full-body VRM avatar
 * that ships inside `@vladmandic/human` (read from node_modules at test time, never copied into the
 * repository); the garments are the demo catalog's own renders.
 */

const require = createRequire(import.meta.url);
const humanAssets = path.resolve(path.dirname(require.resolve("@vladmandic/human")), "..", "assets");
const AVATAR_CROP = { left: 0, top: 0, width: 460, height: 653 };

let pool: WasmWorkerPoolEmbedder;
let app: App;
let dataDir: string;
let avatar: Buffer;

async function garment(shape: "tee" | "shirt" | "trousers" | "skirt" | "dress" | "shoe", colourHex = "#2a6f97"): Promise<Buffer> {
  const svg = renderGarmentSvg({ shape, colourHex, pattern: "solid", view: "front", variationSeed: 1 });
  return sharp(Buffer.from(svg)).jpeg({ quality: 88 }).toBuffer();
}

async function tryOn(parts: Array<{ name: string; value: Buffer | string }>) {
  const form = multipart(
    parts.map((p) => (typeof p.value === "string" ? p : { ...p, filename: `${p.name}.jpg`, type: "image/jpeg" })) as Parameters<typeof multipart>[0],
  );
  const req = new Request("http://x", { method: "POST", body: form });
  const payload = Buffer.from(await req.arrayBuffer());
  const res = await app.server.inject({ method: "POST", url: "/v1/try-on", payload, headers: { "content-type": req.headers.get("content-type")! } });
  return { status: res.statusCode, json: res.json() as any };
}

function assertRefused(res: { status: number; json: any }, status: number, type: string) {
  assert.equal(res.status, status, JSON.stringify(res.json).slice(0, 400));
  assert.equal(res.json.type, type, JSON.stringify(res.json));
  assert.ok(typeof res.json.message === "string" && res.json.message.length > 10);
}

before(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "mlsc-try-on-"));
  pool = await WasmWorkerPoolEmbedder.start(1, { flipAverage: false });
  app = await createApp(loadConfig({ DATA_DIR: dataDir }), { embedder: pool, log: () => {} });
  avatar = await sharp(path.join(humanAssets, "screenshot-vrm.jpg")).extract(AVATAR_CROP).jpeg({ quality: 92 }).toBuffer();
});

after(async () => {
  await app?.close();
  await pool?.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

/** Pixels inside a polygon (even-odd rule), as a mask of width × height. */
function rasterise(outline: Array<[number, number]>, width: number, height: number): Uint8Array {
  const out = new Uint8Array(width * height);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      let hit = false;
      for (let i = 0, j = outline.length - 1; i < outline.length; j = i++) {
        const [ax, ay] = outline[i]!;
        const [bx, by] = outline[j]!;
        if (ay > y + 0.5 !== by > y + 0.5 && x + 0.5 < ((bx - ax) * (y + 0.5 - ay)) / (by - ay) + ax) hit = !hit;
      }
      if (hit) out[y * width + x] = 1;
    }
  }
  return out;
}

test("a top on a person: 200 with the composited JPEG, keypoints in the upload's pixels and the garment inside the silhouette", async (t) => {
  const t0 = performance.now();
  const res = await tryOn([
    { name: "person", value: avatar },
    { name: "garment", value: await garment("tee") },
    { name: "category", value: "tops" },
  ]);
  const ms = performance.now() - t0;
  assert.equal(res.status, 200, JSON.stringify(res.json).slice(0, 400));
  const { image, placement } = res.json;
  assert.equal(image.content_type, "image/jpeg");
  const bytes = Buffer.from(image.data, "base64");
  const meta = await sharp(bytes).metadata();
  assert.deepEqual([meta.format, meta.width, meta.height], ["jpeg", AVATAR_CROP.width, AVATAR_CROP.height]);
  assert.deepEqual([placement.width, placement.height], [AVATAR_CROP.width, AVATAR_CROP.height]);
  const k = placement.keypoints;
  for (const name of ["left_shoulder", "right_shoulder", "left_hip", "right_hip"]) assert.ok(k[name], `${name} present`);
  // The person's own left is on the image's right; the avatar's shoulders are about 150–200 px down, 90–230 across.
  assert.ok(k.left_shoulder.x > k.right_shoulder.x);
  for (const name of ["left_shoulder", "right_shoulder"]) assert.ok(k[name].y > 130 && k[name].y < 220 && k[name].x > 70 && k[name].x < 250, name);
  assert.ok(k.left_hip.y > k.left_shoulder.y + 80, "hips below the shoulders");
  assert.ok(placement.outline.length >= 20);
  assert.deepEqual(placement.warnings, []);
  // The garment's points meant for the shoulders land on them after the warp; those for the hips are reported too
  // (how far the warp's bends move them is what bench/try-on measures).
  const torsoLength = Math.hypot(
    (k.left_hip.x + k.right_hip.x - k.left_shoulder.x - k.right_shoulder.x) / 2,
    (k.left_hip.y + k.right_hip.y - k.left_shoulder.y - k.right_shoulder.y) / 2,
  );
  for (const name of ["left_shoulder", "right_shoulder"]) {
    const a = placement.anchors[name];
    assert.ok(
      a && Math.hypot(a.x - k[name].x, a.y - k[name].y) < 0.1 * torsoLength,
      `${name} anchor ${JSON.stringify(a)} vs joint ${JSON.stringify(k[name])}`,
    );
  }
  for (const name of ["left_hip", "right_hip"])
    assert.ok(placement.anchors[name].y > k.left_shoulder.y + 0.5 * torsoLength, `${name} anchor below the shoulders`);

  // The garment is drawn on the person: its outline lies within the person's silhouette (grown 3%), and covers the torso.
  const person = await (app.describe!.detector as CompositeGarmentDetector).personModel();
  assert.ok(person, "person models loaded");
  const rgb = await decodeRgb(avatar, 1000);
  const silhouette = dilate((await person!.segment(rgb)).mask, Math.round(0.03 * rgb.height));
  const drawn = rasterise(placement.outline, rgb.width, rgb.height);
  let area = 0;
  let outside = 0;
  for (let i = 0; i < drawn.length; i++) {
    if (!drawn[i]) continue;
    area++;
    if (!silhouette.data[i]) outside++;
  }
  assert.ok(area > 0.05 * rgb.width * rgb.height, `garment area ${area}`);
  assert.ok(outside / area <= 0.02, `${((100 * outside) / area).toFixed(1)}% of the garment outside the silhouette`);
  const torsoX = (k.left_shoulder.x + k.right_shoulder.x) / 2;
  const torsoY = Math.round((k.left_shoulder.y + k.left_hip.y) / 2);
  assert.equal(drawn[torsoY * rgb.width + Math.round(torsoX)], 1, "the torso's centre is covered");
  // The photo changed where the garment is, and not in the background.
  const before = await decodeRgb(avatar, 1000);
  const after_ = await decodeRgb(bytes, 1000);
  const at = (img: typeof before, x: number, y: number) => img.data[(y * img.width + x) * 3 + 2]!;
  assert.ok(Math.abs(at(after_, Math.round(torsoX), torsoY) - at(before, Math.round(torsoX), torsoY)) > 20, "the torso shows the garment");
  assert.ok(Math.abs(at(after_, 420, 60) - at(before, 420, 60)) <= 6, "the background is untouched");
  t.diagnostic(`try-on of a 460×653 photo: ${ms.toFixed(0)} ms (first request, loads the person models)`);
});

test("keypoints are in the upload's pixels after EXIF orientation, whatever size the image is answered at", async () => {
  // The avatar at 2× (larger than the working size), stored rotated with an EXIF orientation that turns it upright.
  const big = await sharp(avatar)
    .resize(AVATAR_CROP.width * 2, AVATAR_CROP.height * 2)
    .toBuffer();
  const stored = await sharp(big).rotate(-90).jpeg({ quality: 90 }).withMetadata({ orientation: 6 }).toBuffer();
  const [plain, rotated] = [
    await tryOn([
      { name: "person", value: avatar },
      { name: "garment", value: await garment("trousers") },
      { name: "category", value: "trousers" },
    ]),
    await tryOn([
      { name: "person", value: stored },
      { name: "garment", value: await garment("trousers") },
      { name: "category", value: "trousers" },
    ]),
  ];
  assert.equal(plain.status, 200, JSON.stringify(plain.json).slice(0, 300));
  assert.equal(rotated.status, 200, JSON.stringify(rotated.json).slice(0, 300));
  assert.deepEqual([rotated.json.placement.width, rotated.json.placement.height], [AVATAR_CROP.width * 2, AVATAR_CROP.height * 2]);
  assert.ok(rotated.json.image.height <= 1280, "answered at the working size");
  for (const name of ["left_hip", "right_hip", "left_knee", "right_ankle"]) {
    const a = plain.json.placement.keypoints[name];
    const b = rotated.json.placement.keypoints[name];
    assert.ok(a && b, name);
    assert.ok(Math.hypot(b.x / 2 - a.x, b.y / 2 - a.y) < 0.04 * AVATAR_CROP.height, `${name}: ${JSON.stringify(b)} vs 2×${JSON.stringify(a)}`);
  }
  assert.ok(rotated.json.placement.warnings.some((w: string) => w.includes("upload's pixels")));
});

test("refusals: no person, two people, shoes, tiny photos", async () => {
  const tee = await garment("tee");
  const backdrop = await sharp({ create: { width: 600, height: 800, channels: 3, background: "#e9e4dc" } })
    .jpeg()
    .toBuffer();
  assertRefused(
    await tryOn([
      { name: "person", value: backdrop },
      { name: "garment", value: tee },
      { name: "category", value: "tops" },
    ]),
    422,
    "no_person",
  );
  // Two avatars side by side, the same size: neither is clearly the subject.
  const two = await sharp({ create: { width: 920, height: 653, channels: 3, background: "#000" } })
    .composite([
      { input: avatar, left: 0, top: 0 },
      { input: avatar, left: 460, top: 0 },
    ])
    .jpeg()
    .toBuffer();
  assertRefused(
    await tryOn([
      { name: "person", value: two },
      { name: "garment", value: tee },
      { name: "category", value: "tops" },
    ]),
    422,
    "several_people",
  );
  // A second, much smaller person (a quarter of the subject's size) does not stop the subject being dressed.
  const small = await sharp(avatar).resize(230, 326).toBuffer();
  const dominant = await sharp({ create: { width: 920, height: 653, channels: 3, background: "#000" } })
    .composite([
      { input: avatar, left: 0, top: 0 },
      { input: small, left: 660, top: 300 },
    ])
    .jpeg()
    .toBuffer();
  const subject = await tryOn([
    { name: "person", value: dominant },
    { name: "garment", value: tee },
    { name: "category", value: "tops" },
  ]);
  assert.equal(subject.status, 200, JSON.stringify(subject.json).slice(0, 300));
  assert.ok(subject.json.placement.keypoints.left_shoulder.x < 460, "the large person is the one dressed");
  for (const category of ["shoes", "bags", "accessories", "hats"]) {
    assertRefused(
      await tryOn([
        { name: "person", value: avatar },
        { name: "garment", value: await garment("shoe") },
        { name: "category", value: category },
      ]),
      422,
      "category_not_supported",
    );
  }
  const tiny = await sharp(avatar).resize(80, 113).png().toBuffer();
  assertRefused(
    await tryOn([
      { name: "person", value: tiny },
      { name: "garment", value: tee },
      { name: "category", value: "tops" },
    ]),
    422,
    "image_too_small",
  );
  const tinyGarment = await sharp(tee).resize(40, 50).png().toBuffer();
  assertRefused(
    await tryOn([
      { name: "person", value: avatar },
      { name: "garment", value: tinyGarment },
      { name: "category", value: "tops" },
    ]),
    422,
    "image_too_small",
  );
});

/** A crop of a package photo enlarged to about one megapixel (the sample strip's thumbnails, as a phone's zoom would give them). */
async function samplePhoto(crop: { left: number; top: number; width: number; height: number }, file = "samples.jpg"): Promise<Buffer> {
  const scale = Math.sqrt(1_000_000 / (crop.width * crop.height));
  return sharp(path.join(humanAssets, file))
    .extract(crop)
    .resize(Math.round(crop.width * scale), Math.round(crop.height * scale), { kernel: "lanczos3" })
    .jpeg({ quality: 90 })
    .toBuffer();
}

test("several people in real photos: touching people, a group, two photos side by side are refused as several_people", async () => {
  const tee = await garment("tee");
  const send = (person: Buffer) =>
    tryOn([
      { name: "person", value: person },
      { name: "garment", value: tee },
      { name: "category", value: "tops" },
    ]);
  // Three people side by side, touching (one silhouette); a group of about twenty (small people, almost no silhouette).
  assertRefused(await send(await samplePhoto({ left: 1130, top: 1, width: 142, height: 157 })), 422, "several_people");
  assertRefused(await send(await samplePhoto({ left: 911, top: 1, width: 211, height: 157 })), 422, "several_people");
  // Two single-person photos (each dressed on its own) put side by side at the same height.
  const left = await sharp(await samplePhoto({ left: 641, top: 1, width: 148, height: 157 }))
    .resize({ height: 800 })
    .toBuffer();
  const right = await sharp(await samplePhoto({ left: 545, top: 1, width: 89, height: 157 }))
    .resize({ height: 800 })
    .toBuffer();
  const [lw, rw] = [(await sharp(left).metadata()).width!, (await sharp(right).metadata()).width!];
  const sideBySide = await sharp({ create: { width: lw + rw, height: 800, channels: 3, background: "#fff" } })
    .composite([
      { input: left, left: 0, top: 0 },
      { input: right, left: lw, top: 0 },
    ])
    .jpeg({ quality: 90 })
    .toBuffer();
  for (const single of [left, right]) assert.equal((await send(single)).status, 200, "each photo alone is dressed");
  assertRefused(await send(sideBySide), 422, "several_people");
});

test("seated: bottoms are refused without hips and knees in view; a top's hips below the frame are estimates with a warning; the garment stays on the person", async () => {
  const atTable = await samplePhoto({ left: 326, top: 1, width: 199, height: 157 });
  for (const [shape, category] of [
    ["trousers", "trousers"],
    ["skirt", "skirts"],
  ] as const) {
    const res = await tryOn([
      { name: "person", value: atTable },
      { name: "garment", value: await garment(shape) },
      { name: "category", value: category },
    ]);
    assertRefused(res, 422, "pose_not_supported");
    assert.match(res.json.message, /hips and legs must be visible/);
  }
  // Seated, head and chest only: MoveNet puts the hips below the photo's edge, confidently; they are estimates.
  const chestOnly = await tryOn([
    { name: "person", value: await samplePhoto({ left: 166, top: 1, width: 151, height: 157 }) },
    { name: "garment", value: await garment("tee") },
    { name: "category", value: "tops" },
  ]);
  assert.equal(chestOnly.status, 200, JSON.stringify(chestOnly.json).slice(0, 300));
  assert.ok(
    chestOnly.json.placement.warnings.some((w: string) => /Hips hidden or outside the photo/.test(w)),
    JSON.stringify(chestOnly.json.placement.warnings),
  );
  assert.equal(chestOnly.json.placement.keypoints.left_hip.estimated, true);
  const top = await tryOn([
    { name: "person", value: atTable },
    { name: "garment", value: await garment("tee") },
    { name: "category", value: "tops" },
  ]);
  assert.equal(top.status, 200, JSON.stringify(top.json).slice(0, 300));
  const { placement } = top.json;
  // The garment stays on the person: nothing of it outside the silhouette (grown 3%), i.e. not on the table.
  const person = await (app.describe!.detector as CompositeGarmentDetector).personModel();
  const rgb = await decodeRgb(atTable, 1000);
  const silhouette = dilate((await person!.segment(rgb)).mask, Math.round(0.03 * rgb.height));
  const sx = rgb.width / placement.width;
  const drawn = rasterise(
    placement.outline.map(([x, y]: [number, number]) => [x * sx, y * sx]),
    rgb.width,
    rgb.height,
  );
  let area = 0;
  let outside = 0;
  for (let i = 0; i < drawn.length; i++) {
    if (!drawn[i]) continue;
    area++;
    if (!silhouette.data[i]) outside++;
  }
  assert.ok(area > 0 && outside / area <= 0.02, `${((100 * outside) / Math.max(1, area)).toFixed(1)}% outside the silhouette`);
});

test("bad uploads: 400 naming the problem, never a 5xx", async () => {
  const tee = await garment("tee");
  assertRefused(
    await tryOn([
      { name: "person", value: avatar },
      { name: "category", value: "tops" },
    ]),
    400,
    "missing_image",
  );
  assertRefused(
    await tryOn([
      { name: "person", value: avatar },
      { name: "garment", value: tee },
    ]),
    400,
    "missing_category",
  );
  assertRefused(
    await tryOn([
      { name: "person", value: avatar },
      { name: "garment", value: tee },
      { name: "category", value: "tops" },
      { name: "fit", value: "{" },
    ]),
    400,
    "invalid_fit",
  );
  assertRefused(
    await tryOn([
      { name: "person", value: avatar },
      { name: "garment", value: tee },
      { name: "category", value: "tops" },
      { name: "colour", value: "red" },
    ]),
    400,
    "unexpected_field",
  );
  assertRefused(
    await tryOn([
      { name: "image", value: avatar },
      { name: "garment", value: tee },
      { name: "category", value: "tops" },
    ]),
    400,
    "unexpected_file",
  );
  const res = await app.server.inject({
    method: "POST",
    url: "/v1/try-on",
    payload: '--x\r\nContent-Disposition: form-data; name="person"; filename="a.jpg"\r\n\r\nabc',
    headers: { "content-type": "multipart/form-data; boundary=x" },
  });
  assertRefused({ status: res.statusCode, json: res.json() }, 400, "invalid_multipart");
  assertRefused(
    await tryOn([
      { name: "person", value: Buffer.from("not an image at all") },
      { name: "garment", value: tee },
      { name: "category", value: "tops" },
    ]),
    415,
    "unsupported_image_format",
  );
});

test("a loose fit draws the garment wider than a tight one; PNG on request", async () => {
  const shirt = await garment("shirt");
  const send = (fit: string, format = "jpeg") =>
    tryOn([
      { name: "person", value: avatar },
      { name: "garment", value: shirt },
      { name: "category", value: "shirts" },
      { name: "fit", value: fit },
      { name: "format", value: format },
    ]);
  const [loose, tight] = [await send('{"chest":"loose"}', "png"), await send('{"chest":"tight"}')];
  assert.equal(loose.status, 200, JSON.stringify(loose.json).slice(0, 300));
  assert.equal(tight.status, 200, JSON.stringify(tight.json).slice(0, 300));
  assert.equal(loose.json.image.content_type, "image/png");
  assert.equal((await sharp(Buffer.from(loose.json.image.data, "base64")).metadata()).format, "png");
  assert.ok(loose.json.fit.width > 1 && tight.json.fit.width < 1);
  const area = (outline: Array<[number, number]>) =>
    Math.abs(outline.reduce((s, [x, y], i) => s + x * outline[(i + 1) % outline.length]![1] - outline[(i + 1) % outline.length]![0] * y, 0)) / 2;
  assert.ok(area(loose.json.placement.outline) > area(tight.json.placement.outline), "loose covers more than tight");
});

test("latency of a 1-megapixel photo, end to end through HTTP (models loaded)", async (t) => {
  const photo = await sharp(avatar).resize(840, 1192).jpeg({ quality: 90 }).toBuffer();
  const tee = await garment("tee");
  const times: number[] = [];
  for (let i = 0; i < 3; i++) {
    const t0 = performance.now();
    const res = await tryOn([
      { name: "person", value: photo },
      { name: "garment", value: tee },
      { name: "category", value: "tops" },
    ]);
    times.push(performance.now() - t0);
    assert.equal(res.status, 200, JSON.stringify(res.json).slice(0, 300));
  }
  times.sort((a, b) => a - b);
  t.diagnostic(
    `1-MP try-on (840×1192 JPEG, tee): median ${times[1]!.toFixed(0)} ms, max ${times[2]!.toFixed(0)} ms over 3; load average ${os.loadavg()[0]!.toFixed(1)}`,
  );
});
