import { test } from "node:test";
import assert from "node:assert/strict";
import { ClientError } from "../src/errors.ts";
import { fitThinPlateSpline, lookup, sampleGrid, type Point } from "../src/try-on/thin-plate-spline.ts";
import { findAnchors, type LowerAnchors, type UpperAnchors } from "../src/try-on/garment-anchors.ts";
import { fitFor, parseFit } from "../src/try-on/fit.ts";
import { garmentKind } from "../src/try-on/categories.ts";
import { alongPolyline, assessPose, placeGarment } from "../src/try-on/body-placement.ts";
import { compositeGarment, traceOutline } from "../src/try-on/compositor.ts";
import { occlusionMap } from "../src/try-on/occlusion.ts";
import type { Body } from "../src/try-on/body-placement.ts";
import { BackdropGarmentCutter } from "../src/try-on/backdrop-garment-cutter.ts";
import { KEYPOINT_NAMES, type Keypoint, type KeypointName } from "../src/describe/person-garment-detector.ts";
import type { Mask } from "../src/describe/mask-ops.ts";

/** Pure parts of POST /v1/try-on: the warp, anchors on garment outlines, fit, pose rules, compositing. */

const near = (a: Point, b: Point, tolerance: number, what: string) =>
  assert.ok(Math.hypot(a.x - b.x, a.y - b.y) <= tolerance, `${what}: ${JSON.stringify(a)} vs ${JSON.stringify(b)}`);

test("the thin-plate spline takes every anchor exactly to its target, and an affine map stays affine", () => {
  const from = [
    { x: 10, y: 10 },
    { x: 200, y: 15 },
    { x: 30, y: 300 },
    { x: 210, y: 280 },
    { x: 100, y: 150 },
    { x: 60, y: 90 },
  ];
  const to = from.map((p, i) => ({ x: p.x * 1.3 + 5 + (i % 2 ? 12 : -7), y: p.y * 0.8 - 3 + (i % 3) * 9 }));
  const spline = fitThinPlateSpline(from, to);
  from.forEach((p, i) => near(spline.map(p.x, p.y), to[i]!, 1e-6, `anchor ${i}`));
  // Between anchors the map is smooth: the sampled grid agrees with the spline.
  const grid = sampleGrid(spline, { x0: 0, y0: 0, x1: 220, y1: 310 }, 4);
  const out = { x: 0, y: 0 };
  lookup(grid, 101, 151, out);
  near(out, spline.map(101, 151), 0.5, "grid lookup");

  const affine = (p: Point) => ({ x: 0.9 * p.x - 0.2 * p.y + 40, y: 0.1 * p.x + 1.1 * p.y - 8 });
  const flat = fitThinPlateSpline(from, from.map(affine));
  for (const p of [
    { x: 0, y: 0 },
    { x: 500, y: -40 },
    { x: 123, y: 456 },
  ])
    near(flat.map(p.x, p.y), affine(p), 1e-6, "affine off the anchors");
  // Repeated anchors do not make the system singular.
  const repeated = fitThinPlateSpline([...from, from[0]!], [...to, to[0]!]);
  near(repeated.map(from[3]!.x, from[3]!.y), to[3]!, 1e-6, "with a repeated anchor");
});

/** A mask drawn from filled polygons. */
function maskOf(width: number, height: number, polygons: Point[][]): Mask {
  const data = new Uint8Array(width * height);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) if (polygons.some((poly) => inside(poly, x + 0.5, y + 0.5))) data[y * width + x] = 1;
  }
  return { data, width, height };
}

function inside(poly: Point[], x: number, y: number): boolean {
  let hit = false;
  for (let i = 0, j = poly.length - 1; i < poly.length; j = i++) {
    const a = poly[i]!;
    const b = poly[j]!;
    if (a.y > y !== b.y > y && x < ((b.x - a.x) * (y - a.y)) / (b.y - a.y) + a.x) hit = !hit;
  }
  return hit;
}

const P = (x: number, y: number) => ({ x, y });

test("anchors on a T-shirt's outline: shoulders at the body's edges, sleeve ends at the sleeve tips, hem corners", () => {
  // Body 100..200 × 40..260, sleeves slanting out and down to x 50 and 250.
  const tee = maskOf(300, 300, [
    [P(100, 40), P(135, 30), P(165, 30), P(200, 40), P(200, 260), P(100, 260)],
    [P(100, 40), P(50, 100), P(70, 115), P(100, 80)],
    [P(200, 40), P(250, 100), P(230, 115), P(200, 80)],
  ]);
  const a = findAnchors(tee, "top") as UpperAnchors;
  assert.equal(a.kind, "upper");
  assert.equal(a.straps, false);
  near(a.shoulderLeft, P(100, 40), 4, "left shoulder");
  near(a.shoulderRight, P(199, 40), 4, "right shoulder");
  near(a.sleeveEndLeft!, P(60, 107), 10, "left sleeve end");
  near(a.sleeveEndRight!, P(240, 107), 10, "right sleeve end");
  near(a.armpitLeft!, P(100, 80), 5, "left armpit");
  near(a.hemLeft, P(100, 254), 6, "left hem corner");
  near(a.hemRight, P(199, 254), 6, "right hem corner");
  assert.ok(a.neck.y <= 32, "neckline at the top centre");

  // A sleeveless dress: no sleeves, its top's outer edges are the shoulders, the flare is not a sleeve.
  const dress = maskOf(300, 300, [[P(120, 20), P(180, 20), P(190, 120), P(250, 280), P(50, 280), P(110, 120)]]);
  const d = findAnchors(dress, "full") as UpperAnchors;
  assert.equal(d.straps, true);
  assert.equal(d.sleeveEndLeft, null);
  near(d.shoulderLeft, P(120, 21), 6, "dress shoulder");
});

test("anchors on trousers (waistband, crotch, leg ends) and on a skirt (waistband, hem)", () => {
  const trousers = maskOf(200, 300, [
    [P(50, 10), P(150, 10), P(150, 100), P(50, 100)],
    [P(50, 100), P(98, 100), P(92, 290), P(60, 290)],
    [P(102, 100), P(150, 100), P(140, 290), P(108, 290)],
  ]);
  const t = findAnchors(trousers, "legs") as LowerAnchors;
  near(t.waistLeft, P(50, 15), 6, "waist left");
  near(t.waistRight, P(149, 15), 6, "waist right");
  near(t.crotch!, P(100, 100), 6, "crotch");
  near(t.legEndLeft!, P(76, 284), 6, "left leg end");
  near(t.legEndRight!, P(124, 284), 6, "right leg end");
  const skirt = maskOf(200, 300, [[P(60, 10), P(140, 10), P(180, 280), P(20, 280)]]);
  const s = findAnchors(skirt, "skirt") as LowerAnchors;
  assert.equal(s.crotch, null);
  assert.ok(s.hemRight.x - s.hemLeft.x > 140, "the hem is the skirt's width");
});

test("fit: words and factors, per garment kind; bad values are a 400 naming them", () => {
  assert.deepEqual(fitFor(parseFit(undefined), "top"), { width: 1, length: 1 });
  assert.deepEqual(fitFor(parseFit("1.1"), "legs"), { width: 1.1, length: 1 });
  const fit = parseFit('{"chest":"loose","hips":"tight","length":"long"}');
  assert.ok(fitFor(fit, "top").width > 1 && fitFor(fit, "legs").width < 1 && fitFor(fit, "skirt").length > 1);
  for (const bad of ["3", '{"chest":"huge"}', '{"elbow":"loose"}', "[1]", "{"]) {
    assert.throws(
      () => parseFit(bad),
      (e: unknown) => e instanceof ClientError && e.statusCode === 400 && e.type === "invalid_fit",
      bad,
    );
  }
  assert.throws(
    () => garmentKind("shoes"),
    (e: unknown) => e instanceof ClientError && e.statusCode === 422 && e.type === "category_not_supported",
  );
  assert.equal(garmentKind("jeans"), "legs");
});

/** A person facing the camera: their left shoulder on the image's right. */
function frontal(overrides: Partial<Record<KeypointName, [number, number, number?]>> = {}): Keypoint[] {
  const at: Record<KeypointName, [number, number, number?]> = {
    nose: [200, 80],
    left_eye: [210, 72],
    right_eye: [190, 72],
    left_ear: [222, 78],
    right_ear: [178, 78],
    left_shoulder: [250, 150],
    right_shoulder: [150, 150],
    left_elbow: [265, 230],
    right_elbow: [135, 230],
    left_wrist: [270, 300],
    right_wrist: [130, 300],
    left_hip: [230, 290],
    right_hip: [170, 290],
    left_knee: [228, 400],
    right_knee: [172, 400],
    left_ankle: [226, 500],
    right_ankle: [174, 500],
    ...overrides,
  };
  return KEYPOINT_NAMES.map((name) => ({ name, x: at[name][0], y: at[name][1], score: at[name][2] ?? 0.8 }));
}

const refusal = (type: string) => (e: unknown) => e instanceof ClientError && e.statusCode === 422 && e.type === type;

test("pose rules: facing the camera passes; side-on, back view, no torso, tiny or no person are refused with the reason", () => {
  const body = assessPose(frontal(), "top");
  assert.equal(body.warnings.length, 0);
  assert.ok(Math.abs(body.torso - 140) < 1);
  // Side-on: the shoulders almost on top of each other.
  assert.throws(() => assessPose(frontal({ left_shoulder: [205, 150], right_shoulder: [195, 150] }), "top"), refusal("pose_not_supported"));
  // Back view: the person's left shoulder on the image's left.
  assert.throws(() => assessPose(frontal({ left_shoulder: [150, 150], right_shoulder: [250, 150] }), "top"), refusal("pose_not_supported"));
  // A top needs both shoulders.
  assert.throws(() => assessPose(frontal({ left_shoulder: [250, 150, 0.1] }), "top"), refusal("pose_not_supported"));
  // Hips below the photo: estimated for a top, with a warning; for trousers without shoulders: refused.
  const cropped = assessPose(frontal({ left_hip: [0, 0, 0.05], right_hip: [0, 0, 0.05] }), "top");
  assert.equal(cropped.joints.left_hip?.estimated, true);
  assert.match(cropped.warnings.join(" "), /Hips outside the photo/);
  assert.throws(
    () => assessPose(frontal({ left_hip: [0, 0, 0.05], right_hip: [0, 0, 0.05], left_shoulder: [0, 0, 0.1], right_shoulder: [0, 0, 0.1] }), "legs"),
    refusal("pose_not_supported"),
  );
  assert.throws(() => assessPose(frontal(), "top", 0.2), refusal("image_too_small"));
  assert.throws(
    () =>
      assessPose(
        KEYPOINT_NAMES.map((name) => ({ name, x: 0, y: 0, score: 0.05 })),
        "top",
      ),
    refusal("no_person"),
  );
});

test("placement: the garment's shoulders on the body's, sleeves along the arms, a loose fit wider than a regular one, a tight one narrower", () => {
  const tee = findAnchors(
    maskOf(300, 300, [
      [P(100, 40), P(135, 30), P(165, 30), P(200, 40), P(200, 260), P(100, 260)],
      [P(100, 40), P(50, 100), P(70, 115), P(100, 80)],
      [P(200, 40), P(250, 100), P(230, 115), P(200, 80)],
    ]),
    "top",
  )!;
  const body = assessPose(frontal(), "top");
  const widthAtHem = (fit: number) => {
    const p = placeGarment(tee, body, { width: fit, length: 1 });
    const i = p.from.indexOf((tee as UpperAnchors).hemLeft);
    const j = p.from.indexOf((tee as UpperAnchors).hemRight);
    return { placement: p, width: p.to[j]!.x - p.to[i]!.x };
  };
  const regular = widthAtHem(1);
  assert.ok(widthAtHem(1.12).width > regular.width * 1.1, "loose is wider");
  assert.ok(widthAtHem(0.92).width < regular.width * 0.95, "tight is narrower");
  const { placement } = regular;
  const target = (p: Point) => placement.to[placement.from.indexOf(p)]!;
  // The garment's left shoulder lands on the person's right shoulder (image left), a little outside and above the joint.
  const u = tee as UpperAnchors;
  assert.ok(target(u.shoulderLeft).x < 150 && target(u.shoulderLeft).y < 150);
  assert.ok(target(u.shoulderRight).x > 250);
  // The sleeve's end lies on the person's right arm (shoulder → elbow → wrist).
  const end = target(u.sleeveEndLeft!);
  const onArm = [0, 0.25, 0.5, 0.75, 1].map((f) => alongPolyline([P(150, 150), P(135, 230), P(130, 300)], f * 160));
  assert.ok(Math.min(...onArm.map((q) => Math.hypot(q.x - end.x, q.y - end.y))) < 25, `sleeve end ${JSON.stringify(end)} on the arm`);
  // The garment's points meant for the joints (placement.anchors once warped): the shoulders' land on the shoulders.
  const warp = fitThinPlateSpline(placement.from, placement.to);
  for (const name of ["left_shoulder", "right_shoulder"] as const) {
    const q = warp.map(placement.joints[name]!.x, placement.joints[name]!.y);
    const joint = body.joints[name]!;
    assert.ok(Math.hypot(q.x - joint.x, q.y - joint.y) < 0.05 * body.torso, `${name}: ${JSON.stringify(q)} vs ${JSON.stringify(joint)}`);
  }
  for (const name of ["left_hip", "right_hip"] as const) assert.ok(placement.joints[name], `${name} has a garment point`);
});

test("bottoms need the hips and a knee seen; hidden hips (off the frame or off the silhouette) are estimates for a top", () => {
  const hemAt = (y: number) => (p: Point) => p.y < y;
  // Knees below the photo's edge (not shown): trousers and skirts are refused, naming the hips and legs.
  for (const kind of ["legs", "skirt"] as const) {
    assert.throws(
      () => assessPose(frontal(), kind, 1, hemAt(380)),
      (e: unknown) => refusal("pose_not_supported")(e) && /hips and legs must be visible/.test((e as Error).message),
    );
    // Hips hidden (e.g. behind a table, off the silhouette) though MoveNet is confident about them.
    assert.throws(() => assessPose(frontal(), kind, 1, (p) => p.y < 280 || p.y > 350), refusal("pose_not_supported"));
    assert.ok(assessPose(frontal(), kind, 1, hemAt(420)).joints.left_knee, "hips and knees in view: accepted");
  }
  // A top: hips off the photo are kept where MoveNet put them, marked estimated, with a warning; the legs are dropped.
  const top = assessPose(frontal(), "top", 1, hemAt(280));
  assert.equal(top.joints.left_hip?.estimated, true);
  assert.equal(top.joints.left_knee, undefined);
  assert.match(top.warnings.join(" "), /Hips hidden or outside the photo/);
});

test("placement: a raised arm's sleeve is left out; sleeves end at the wrists; a coat and a dress reach their category's length", () => {
  const tee = findAnchors(
    maskOf(300, 300, [
      [P(100, 40), P(135, 30), P(165, 30), P(200, 40), P(200, 260), P(100, 260)],
      [P(100, 40), P(20, 200), P(40, 215), P(100, 80)],
      [P(200, 40), P(280, 200), P(260, 215), P(200, 80)],
    ]),
    "top",
  ) as UpperAnchors;
  // The person's left arm raised above the shoulder (a mirror selfie's phone hand).
  const raised = assessPose(frontal({ left_elbow: [300, 120], left_wrist: [280, 60] }), "top");
  const placed = placeGarment(tee, raised, { width: 1, length: 1 });
  assert.deepEqual(placed.droppedSleeves, ["right"]);
  assert.equal(placed.from.indexOf(tee.sleeveEndRight!), -1, "no pin drags the sleeve along the raised arm");
  assert.ok(placed.from.includes(tee.sleeveEndLeft!), "the hanging arm keeps its sleeve");
  assert.match(placed.warnings.join(" "), /arm is raised/);
  // A long sleeve (longer than the arm once scaled) ends at the wrist, not past the hand.
  const body = assessPose(frontal(), "top");
  const regular = placeGarment(tee, body, { width: 1, length: 1 });
  const end = regular.to[regular.from.indexOf(tee.sleeveEndLeft!)]!;
  assert.ok(end.y <= 300 + 1, `sleeve end ${JSON.stringify(end)} at or above the wrist`);
  // Lengths by category: hem at mid-thigh for a coat (hips 290, knees 400), mid-calf for a dress (ankles 500).
  const hemY = (hem: number | undefined) => {
    const p = placeGarment(tee, body, { width: 1, length: 1 }, { hem });
    return p.to[p.from.indexOf(tee.hemCentre)]!.y;
  };
  assert.ok(Math.abs(hemY(0.6) - (290 + 0.6 * 110)) < 3, `coat hem ${hemY(0.6)}`);
  assert.ok(Math.abs(hemY(1.5) - (400 + 0.5 * 100)) < 3, `dress hem ${hemY(1.5)}`);
  // Without a category length, the drawing's own proportions: this tee's 230-px body at 1.15× from about y 140.
  assert.ok(Math.abs(hemY(undefined) - (150 - 11.5 + 1.15 * 230)) < 15, `tee hem ${hemY(undefined)}`);
  // Legs out of the photo: estimated from the torso, with a warning.
  const noLegs = assessPose(frontal({ left_knee: [0, 0, 0.1], right_knee: [0, 0, 0.1], left_ankle: [0, 0, 0.1], right_ankle: [0, 0, 0.1] }), "top");
  assert.match(placeGarment(tee, noLegs, { width: 1, length: 1 }, { hem: 1.5 }).warnings.join(" "), /Legs outside the photo/);
});

test("compositing: nothing outside the silhouette, the forearm stays in front, the outline follows what was drawn", () => {
  const W = 120;
  const H = 100;
  const person = { data: new Uint8Array(W * H * 3).fill(40), width: W, height: H };
  const clip = new Float32Array(W * H);
  for (let y = 10; y < 90; y++) for (let x = 30; x < 90; x++) clip[y * W + x] = 1;
  const occlusion = new Float32Array(W * H);
  for (let y = 40; y < 50; y++) for (let x = 40; x < 60; x++) occlusion[y * W + x] = 1;
  const garment = { data: new Uint8Array(50 * 50 * 3).fill(200), width: 50, height: 50 };
  const alpha = new Float32Array(50 * 50).fill(1);
  // The garment scaled 2× over the whole image: larger than the silhouette.
  const spline = fitThinPlateSpline([P(0, 0), P(100, 0), P(0, 100), P(100, 100)], [P(0, 0), P(50, 0), P(0, 50), P(50, 50)]);
  const box = { x0: 0, y0: 0, x1: W, y1: H };
  const out = compositeGarment({
    person,
    clip,
    occlusion,
    garment,
    garmentAlpha: alpha,
    sleeveColumns: null,
    map: sampleGrid(spline, box, 4),
    box,
    shadeRadius: 2,
  });
  const px = (x: number, y: number) => out.image.data[(y * W + x) * 3]!;
  assert.equal(px(10, 50), 40, "outside the silhouette: the person's photo untouched");
  assert.equal(px(50, 45), 40, "behind the forearm: untouched");
  assert.ok(px(70, 70) > 150, "on the body: the garment");
  const outline = traceOutline(out.alpha, out.box);
  const xs = outline.map((p) => p.x);
  const ys = outline.map((p) => p.y);
  assert.ok(Math.min(...xs) >= 30 && Math.max(...xs) <= 89 && Math.min(...ys) >= 10 && Math.max(...ys) <= 89, "outline inside the silhouette");
  assert.ok(Math.max(...xs) - Math.min(...xs) >= 55, "outline spans the drawn garment");
});

test("the garment cut-out leaves its drop shadow behind (the backdrop's colour, darkened) but keeps a grey print inside", () => {
  const W = 200;
  const H = 240;
  const backdrop = [238, 240, 242];
  const data = new Uint8Array(W * H * 3);
  const paint = (x0: number, y0: number, x1: number, y1: number, colour: number[]) => {
    for (let y = y0; y < y1; y++) for (let x = x0; x < x1; x++) data.set(colour, (y * W + x) * 3);
  };
  paint(0, 0, W, H, backdrop);
  paint(
    60,
    50,
    150,
    210,
    backdrop.map((c) => Math.round(c * 0.88)),
  ); // the shadow, offset down and right
  paint(50, 40, 140, 200, [42, 111, 151]); // the garment
  paint(
    80,
    90,
    110,
    120,
    backdrop.map((c) => Math.round(c * 0.8)),
  ); // a grey print on it
  const mask = new BackdropGarmentCutter().cut({ data, width: W, height: H })!;
  const at = (x: number, y: number) => mask.data[y * W + x];
  assert.equal(at(95, 120), 1, "the garment");
  assert.equal(at(95, 105), 1, "the print inside it");
  assert.equal(at(145, 205), 0, "the shadow below and beside it");
  assert.equal(at(145, 120), 0, "the shadow's side strip");
});

/**
 * A person facing the camera, 200×300: skin-toned face and arms, a navy top over the torso. The
 * forearm of the person's right arm (image left) crosses the torso from (60, 150) to (130, 170);
 * `forearmOnTorso` paints it there in skin, or leaves the top navy (the pose's forearm is wrong).
 */
function personWithForearm(forearmOnTorso: boolean, top: [number, number, number] = [30, 40, 90]) {
  const W = 200;
  const H = 300;
  const skin: [number, number, number] = [205, 160, 130];
  const data = new Uint8Array(W * H * 3).fill(235);
  const mask: Mask = { data: new Uint8Array(W * H), width: W, height: H };
  const paint = (x0: number, y0: number, x1: number, y1: number, c: [number, number, number]) => {
    for (let y = y0; y < y1; y++)
      for (let x = x0; x < x1; x++) {
        data.set(c, (y * W + x) * 3);
        mask.data[y * W + x] = 1;
      }
  };
  paint(80, 20, 120, 70, skin); // head
  paint(60, 70, 140, 200, top); // torso
  paint(40, 70, 60, 190, skin); // arms beside the torso
  paint(140, 70, 160, 190, skin);
  if (forearmOnTorso) {
    for (let t = 0; t <= 1; t += 0.005) {
      const x = Math.round(60 + 70 * t);
      const y = Math.round(150 + 20 * t);
      paint(x - 6, y - 6, x + 6, y + 6, skin);
    }
  }
  const j = (x: number, y: number) => ({ x, y, score: 0.9 });
  const body: Body = {
    joints: {
      nose: j(100, 45),
      left_shoulder: j(130, 80),
      right_shoulder: j(70, 80),
      left_hip: j(125, 195),
      right_hip: j(75, 195),
      left_elbow: j(150, 130),
      left_wrist: j(150, 180),
      right_elbow: j(60, 150),
      right_wrist: j(110, 165),
    },
    torso: 115,
    warnings: [],
  };
  return { image: { data, width: W, height: H }, mask, body };
}

test("occlusion: a forearm across the torso stays in front; where the pose's forearm shows only the torso, the garment is not cut", () => {
  const onTorso = personWithForearm(true);
  const kept = occlusionMap(onTorso.body, onTorso.mask, 1, onTorso.image);
  assert.ok(kept[160 * 200 + 95]! > 0.9, "the skin-coloured forearm over the top stays in front");
  const wrong = personWithForearm(false);
  const dropped = occlusionMap(wrong.body, wrong.mask, 1, wrong.image);
  assert.ok(dropped[160 * 200 + 95]! < 0.1, "the top where the pose put a forearm is covered by the garment");
  assert.ok(dropped[40 * 200 + 100]! > 0.9, "the face stays in front");
});

test("occlusion: an arm that looks like the torso (sleeves of the top's colour) keeps the pose's forearm whole", () => {
  const sameColour = personWithForearm(false, [205, 160, 130]);
  const map = occlusionMap(sameColour.body, sameColour.mask, 1, sameColour.image);
  assert.ok(map[160 * 200 + 95]! > 0.9);
});

test("shading: the person's own clothes are colour, not light (a black top beside bare skin leaves no dark patch); a shadow within one material still darkens the garment", () => {
  const W = 120;
  const H = 100;
  const composite = (colourAt: (x: number, y: number) => [number, number, number]) => {
    const data = new Uint8Array(W * H * 3);
    for (let y = 0; y < H; y++) for (let x = 0; x < W; x++) data.set(colourAt(x, y), (y * W + x) * 3);
    const garment = { data: new Uint8Array(60 * 50 * 3).fill(180), width: 60, height: 50 };
    const spline = fitThinPlateSpline([P(0, 0), P(120, 0), P(0, 100), P(120, 100)], [P(0, 0), P(60, 0), P(0, 50), P(60, 50)]);
    const box = { x0: 0, y0: 0, x1: W, y1: H };
    const out = compositeGarment({
      person: { data, width: W, height: H },
      clip: new Float32Array(W * H).fill(1),
      occlusion: null,
      garment,
      garmentAlpha: new Float32Array(60 * 50).fill(1),
      sleeveColumns: null,
      map: sampleGrid(spline, box, 4),
      box,
      shadeRadius: 2,
    });
    return (x: number, y: number) => out.image.data[(y * W + x) * 3 + 1]!;
  };
  const skin: [number, number, number] = [205, 160, 130];
  const topAndSkin = composite((_, y) => (y < 50 ? [25, 25, 30] : skin));
  assert.ok(Math.abs(topAndSkin(60, 25) - topAndSkin(60, 75)) <= 6, `over the top ${topAndSkin(60, 25)}, over the skin ${topAndSkin(60, 75)}`);
  const shadowed = composite((x) => (x >= 40 && x < 60 ? [164, 128, 104] : skin));
  assert.ok(shadowed(50, 50) < shadowed(90, 50) - 15, `in the shadow ${shadowed(50, 50)}, in the light ${shadowed(90, 50)}`);
});
