import { ClientError } from "../errors.ts";
import type { Keypoint, KeypointName } from "../describe/person-garment-detector.ts";
import { isUpperBody, type GarmentKind } from "./categories.ts";
import type { Fit } from "./fit.ts";
import type { GarmentAnchors, LowerAnchors, UpperAnchors } from "./garment-anchors.ts";
import type { Point } from "./thin-plate-spline.ts";

/**
 * The body a garment goes on, from the pose: which joints count, the refusals (422 with a reason the
 * shopper can act on), and where each garment anchor lands on the body.
 */

/** A joint counts from this confidence. */
export const MIN_JOINT_SCORE = 0.3;
/** Shoulders (or hips) closer than this share of the torso's length: the person stands side-on. */
export const MIN_SHOULDER_TO_TORSO = 0.35;
/** The same for hips against the thigh's length, when the shoulders are not in the photo. */
export const MIN_HIPS_TO_THIGH = 0.25;
/** A torso shorter than this (pixels of the upload) is too small to dress. */
export const MIN_TORSO_PIXELS = 48;

export interface BodyJoint extends Point {
  score: number;
  /** Not seen: placed from the other joints (e.g. hips below the photo's edge). */
  estimated?: boolean;
}

export interface Body {
  joints: Partial<Record<KeypointName, BodyJoint>>;
  /** Shoulder midpoint to hip midpoint, pixels. */
  torso: number;
  warnings: string[];
}

const refuse = (type: string, message: string): never => {
  throw new ClientError(422, type, message);
};

const mid = (a: Point, b: Point): Point => ({ x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 });
const dist = (a: Point, b: Point) => Math.hypot(a.x - b.x, a.y - b.y);
const add = (a: Point, b: Point, f = 1): Point => ({ x: a.x + b.x * f, y: a.y + b.y * f });
const sub = (a: Point, b: Point): Point => ({ x: a.x - b.x, y: a.y - b.y });
const unit = (v: Point): Point => {
  const n = Math.hypot(v.x, v.y) || 1;
  return { x: v.x / n, y: v.y / n };
};
/** The body's "down" for an across-the-body axis pointing to the person's left (the image's right when facing the camera). */
const down = (across: Point): Point => ({ x: -across.y, y: across.x });

/**
 * The joints a garment kind needs, or the refusal: `no_person` when no body is in view,
 * `pose_not_supported` for a side-on or back view, a torso out of view for a top, hips out of view
 * for bottoms (unless the shoulders place them), `image_too_small` when the torso is tiny.
 * `pixelScale` turns working pixels into upload pixels (for the size check). `shown` says whether the
 * photo shows a point of the person (inside the frame and the silhouette): MoveNet guesses hips and
 * knees below the frame or behind a table with confidence, and those are estimates, not seen joints.
 */
export function assessPose(keypoints: Keypoint[], kind: GarmentKind, pixelScale = 1, shown: (p: Point) => boolean = () => true): Body {
  const joints: Partial<Record<KeypointName, BodyJoint>> = {};
  for (const k of keypoints) if (k.score >= MIN_JOINT_SCORE) joints[k.name] = { x: k.x, y: k.y, score: k.score };
  const warnings: string[] = [];
  const { left_shoulder: ls, right_shoulder: rs } = joints;
  let { left_hip: lh, right_hip: rh } = joints;
  const hidden = (name: KeypointName) => !!joints[name] && !shown(joints[name]!);
  if (!isUpperBody(kind)) {
    // Trousers and skirts are drawn on the hips and legs the photo shows, never on a guess.
    const kneeSeen = (["left_knee", "right_knee"] as const).some((n) => joints[n] && !hidden(n));
    if (!lh || !rh || hidden("left_hip") || hidden("right_hip") || !kneeSeen) {
      refuse(
        "pose_not_supported",
        "The hips and legs must be visible for trousers, jeans or a skirt: step back so your body from the waist to the knees is in the photo.",
      );
    }
  } else if (lh && rh && (hidden("left_hip") || hidden("right_hip"))) {
    // Where MoveNet put them, marked as estimates: the hem stops at the visible body.
    lh = joints.left_hip = { ...lh, estimated: true };
    rh = joints.right_hip = { ...rh, estimated: true };
    warnings.push("Hips hidden or outside the photo: the garment's length is estimated and it stops at the visible body.");
  }
  for (const name of ["left_knee", "right_knee", "left_ankle", "right_ankle"] as const) if (hidden(name)) delete joints[name];
  const faces = (["nose", "left_eye", "right_eye", "left_ear", "right_ear"] as const).filter((n) => joints[n]).length;
  const limbs = (["left_elbow", "right_elbow", "left_wrist", "right_wrist", "left_knee", "right_knee"] as const).filter((n) => joints[n]).length;
  const torsoJoints = [ls, rs, lh, rh].filter(Boolean).length;
  if (torsoJoints + faces + limbs < 3) refuse("no_person", "No person found in the photo: send a photo of one person facing the camera.");

  const upper = isUpperBody(kind);
  if (upper && !(ls && rs)) {
    refuse("pose_not_supported", "Both shoulders must be in view for a top or a dress: face the camera with your whole torso in the photo.");
  }
  if (ls && rs && (!lh || !rh)) {
    // Hips below the photo's edge (or hidden): placed from the shoulders, a typical torso below them.
    const width = dist(ls, rs);
    const across = unit(sub(ls, rs));
    const hipMid = add(mid(ls, rs), down(across), 1.35 * width);
    lh = { ...add(hipMid, across, 0.35 * width), score: 0, estimated: true };
    rh = { ...add(hipMid, across, -0.35 * width), score: 0, estimated: true };
    joints.left_hip = lh;
    joints.right_hip = rh;
    warnings.push(upper ? "Hips outside the photo: the garment's length is estimated." : "Hips not visible: placed from the shoulders.");
  }
  if (!lh || !rh)
    return refuse(
      "pose_not_supported",
      "The hips must be in view for trousers, jeans or a skirt: step back so your body from the waist down is in the photo.",
    );

  const hipMid = mid(lh, rh);
  let torso: number;
  if (ls && rs) {
    torso = dist(mid(ls, rs), hipMid);
    const across = ls.x - rs.x;
    if (Math.abs(across) < MIN_SHOULDER_TO_TORSO * torso) {
      refuse("pose_not_supported", "The person stands side-on: face the camera with both shoulders in view.");
    }
    const faceSeen = (["nose", "left_eye", "right_eye"] as const).some((n) => joints[n]);
    const backOfHead = !faceSeen && !!(joints.left_ear || joints.right_ear);
    // Facing the camera, the person's left shoulder is on the image's right.
    if (across < 0 || backOfHead) refuse("pose_not_supported", "The photo shows the person's back: face the camera.");
  } else {
    const knee = joints.left_knee && joints.right_knee ? mid(joints.left_knee, joints.right_knee) : (joints.left_knee ?? joints.right_knee);
    const thigh = knee ? dist(knee, hipMid) : 0;
    if (knee && Math.abs(lh.x - rh.x) < MIN_HIPS_TO_THIGH * thigh) {
      refuse("pose_not_supported", "The person stands side-on: face the camera with both hips in view.");
    }
    if (lh.x < rh.x) refuse("pose_not_supported", "The photo shows the person's back: face the camera.");
    torso = Math.max(thigh, 1.8 * dist(lh, rh));
  }
  if (torso * pixelScale < MIN_TORSO_PIXELS) {
    refuse(
      "image_too_small",
      `The person is too small in the photo (torso about ${Math.round(torso * pixelScale)} px): send a closer or larger photo.`,
    );
  }
  return { joints, torso, warnings };
}

/** Pairs of garment anchor → body point for the warp, and what was estimated on the way. */
export interface Placement {
  from: Point[];
  to: Point[];
  warnings: string[];
  /** The garment image's points this placement lays on the body's shoulder and hip joints (before the warp's bends). */
  joints: Partial<Record<"left_shoulder" | "right_shoulder" | "left_hip" | "right_hip", Point>>;
  /** The garment's sleeves (its own sides) left out because the arm they would follow is raised. */
  droppedSleeves?: Array<"left" | "right">;
}

/**
 * Where the garment's anchors land. A similarity (scale from the shoulders, or the waist for
 * bottoms, times the fit's width; the length times the fit's length) along the body's own axes
 * places every anchor; sleeves are then laid along the arms, and legs down to the knees and ankles.
 */
export function placeGarment(anchors: GarmentAnchors, body: Body, fit: Fit, options: PlacementOptions = {}): Placement {
  return anchors.kind === "upper" ? placeUpper(anchors, body, fit, options) : placeLower(anchors, body, fit);
}

export interface PlacementOptions {
  /**
   * Where the hem of a top or dress falls, in leg lengths below the hips (0 = hips, 1 = knees,
   * 2 = ankles), from the category (see HEM_BY_CATEGORY); unset: the product image's own proportions.
   */
  hem?: number;
}

/** Thigh (hip → knee) and shin (knee → ankle) against the torso (shoulders → hips), for legs out of the photo. */
const THIGH_TO_TORSO = 0.8;
const SHIN_TO_TORSO = 0.8;
/** An arm counts as raised when the elbow is less than this share of the upper arm below the shoulder (about 70° out). */
const RAISED_ELBOW_DROP = 0.35;

/** How far beyond the shoulder joints a regular fit's shoulder seams sit (shoulder joint width × this). */
export const SHOULDER_EASE = 1.15;
/** A sleeveless garment's straps sit inside the shoulders. */
const STRAP_EASE = 0.72;
/** How far the armpits sit from the torso's centre line, as a share of the shoulder joints' width (the joints are at 0.5). */
const ARMPIT_REACH = 0.38;
/** Outer hips against the hip joints' width, at the waistband. */
export const WAIST_EASE = 1.6;

/**
 * A similarity from the garment's axes onto the body's; below `lower.pivot` (garment pixels down from
 * gOrigin) lengths scale by `lower.stretch` instead, so a coat's or a dress's skirt reaches its hem.
 */
function similarity(
  origin: Point,
  across: Point,
  gOrigin: Point,
  gAcross: Point,
  scale: number,
  lengthScale: number,
  lower?: { pivot: number; stretch: number },
) {
  const gDown = down(gAcross);
  const bDown = down(across);
  const pivot = lower?.pivot ?? Infinity;
  const stretch = lower?.stretch ?? lengthScale;
  const place = (p: Point): Point => {
    const d = sub(p, gOrigin);
    const a = d.x * gAcross.x + d.y * gAcross.y;
    const b = d.x * gDown.x + d.y * gDown.y;
    const along = b <= pivot ? lengthScale * b : lengthScale * pivot + stretch * (b - pivot);
    return add(add(origin, across, scale * a), bDown, along);
  };
  /** The garment point that `place` sends to a body point. */
  const garmentPoint = (q: Point): Point => {
    const d = sub(q, origin);
    const a = (d.x * across.x + d.y * across.y) / scale;
    const along = d.x * bDown.x + d.y * bDown.y;
    const b = along <= lengthScale * pivot ? along / lengthScale : pivot + (along - lengthScale * pivot) / stretch;
    return add(add(gOrigin, gAcross, a), gDown, b);
  };
  return Object.assign(place, { garmentPoint });
}

/** The point at arc length `length` along a polyline (beyond its end: along its last segment). */
export function alongPolyline(points: Point[], length: number): Point {
  let left = length;
  for (let i = 1; i < points.length; i++) {
    const seg = dist(points[i - 1]!, points[i]!);
    if (left <= seg || i === points.length - 1) return add(points[i - 1]!, unit(sub(points[i]!, points[i - 1]!)), left);
    left -= seg;
  }
  return points[0]!;
}

function placeUpper(g: UpperAnchors, body: Body, fit: Fit, options: PlacementOptions): Placement {
  const warnings: string[] = [];
  const { left_shoulder: ls, right_shoulder: rs, left_hip: lh, right_hip: rh } = body.joints;
  const shoulderMid = mid(ls!, rs!);
  // The body's axes come from the torso (shoulders → hips), so that tilted shoulders do not swing the hem off the body.
  const bodyDown = unit(sub(mid(lh!, rh!), shoulderMid));
  const across = { x: bodyDown.y, y: -bodyDown.x };
  const shoulderWidth = dist(ls!, rs!);
  const gAcross = unit(sub(g.shoulderRight, g.shoulderLeft));
  const garmentWidth = Math.max(1, dist(g.shoulderLeft, g.shoulderRight));
  const ease = (g.straps ? STRAP_EASE : SHOULDER_EASE) * fit.width;
  const scale = (shoulderWidth * ease) / garmentWidth;
  // The shoulder seams sit on top of the shoulders, a little above the joints.
  const lift = (p: Point) => add(p, bodyDown, -0.1 * shoulderWidth);
  const origin = lift(shoulderMid);
  const gOrigin = mid(g.shoulderLeft, g.shoulderRight);
  const lengthScale = scale * fit.length;
  let lower: { pivot: number; stretch: number } | undefined;
  if (options.hem !== undefined) {
    // The hem where the category's garments end on a body (a coat at mid-thigh, a midi dress at mid-calf), not where a flat drawing puts it.
    const hipMid = mid(lh!, rh!);
    const along = (p: Point) => (p.x - origin.x) * bodyDown.x + (p.y - origin.y) * bodyDown.y;
    const { left_knee: lk, right_knee: rk, left_ankle: la, right_ankle: ra } = body.joints;
    const knee = lk && rk ? mid(lk, rk) : (lk ?? rk);
    const ankle = la && ra ? mid(la, ra) : (la ?? ra);
    const thigh = knee ? Math.max(0.3 * body.torso, along(knee) - along(hipMid)) : THIGH_TO_TORSO * body.torso;
    const shin = knee && ankle ? Math.max(0.3 * body.torso, along(ankle) - along(knee)) : SHIN_TO_TORSO * body.torso;
    const hem = options.hem;
    if ((hem > 0 && !knee) || (hem > 1 && !ankle) || lh!.estimated || rh!.estimated) {
      warnings.push("Legs outside the photo: the garment's length is estimated from the body's proportions.");
    }
    const target = along(hipMid) + fit.length * (hem <= 1 ? hem * thigh : thigh + (hem - 1) * shin);
    const gDown = down(gAcross);
    const gHem = (g.hemCentre.x - gOrigin.x) * gDown.x + (g.hemCentre.y - gOrigin.y) * gDown.y;
    // The bodice keeps the drawing's proportions down to the waist; the skirt below stretches (or shrinks) to the hem.
    const pivot = Math.min(0.75 * gHem, (0.8 * along(hipMid)) / lengthScale);
    if (gHem > 0 && pivot > 0) lower = { pivot, stretch: Math.max(0.3 * lengthScale, (target - lengthScale * pivot) / (gHem - pivot)) };
  }
  const place = similarity(origin, across, gOrigin, gAcross, scale, lengthScale, lower);
  const droppedSleeves: Array<"left" | "right"> = [];
  const from: Point[] = [];
  const to: Point[] = [];
  const pin = (p: Point, target = place(p)) => {
    from.push(p);
    to.push(target);
  };
  // The garment's left shoulder on the person's right (the image's left), along the real shoulder line.
  const halfSpan = { x: ((ls!.x - rs!.x) / 2) * ease, y: ((ls!.y - rs!.y) / 2) * ease };
  pin(g.shoulderLeft, sub(origin, halfSpan));
  pin(g.shoulderRight, add(origin, halfSpan));
  for (const p of [g.neck, g.hemLeft, g.hemRight, g.hemCentre]) pin(p);
  // Sleeves along the arms: the garment's left sleeve on the person's right arm.
  const sleeve = (armpit: Point | null, shoulder: Point, end: Point | null, side: "left" | "right") => {
    if (!armpit || !end) return;
    // The armpit is on the torso's side, inside the arm's centre line: a hanging arm otherwise lays the sleeve's end on it and the warp folds.
    const target = place(armpit);
    const offset = (target.x - origin.x) * across.x + (target.y - origin.y) * across.y;
    const limit = ARMPIT_REACH * shoulderWidth;
    pin(armpit, Math.abs(offset) > limit ? add(target, across, Math.sign(offset) * limit - offset) : target);
    const joint = body.joints[`${side}_shoulder`]!;
    const elbow = body.joints[`${side}_elbow`];
    const wrist = body.joints[`${side}_wrist`];
    if (!elbow) {
      pin(end);
      return;
    }
    const upperArm = Math.max(1, dist(joint, elbow));
    const drop = (p: Point) => (p.x - joint.x) * bodyDown.x + (p.y - joint.y) * bodyDown.y;
    if (drop(elbow) < RAISED_ELBOW_DROP * upperArm || (wrist && drop(wrist) < 0)) {
      // A raised arm: a sleeve laid along it would fold into a flap over the face; it is left out (the arm shows).
      droppedSleeves.push(side === "right" ? "left" : "right");
      return;
    }
    const root = mid(shoulder, armpit);
    const arm = wrist ? [joint, elbow, wrist] : [joint, elbow];
    // Never past the wrist: the hand stays bare.
    const armLength = wrist ? upperArm + dist(elbow, wrist) : Infinity;
    const length = Math.min(scale * dist(root, end) * fit.length, armLength);
    pin(root, joint);
    pin(mid(root, end), alongPolyline(arm, length / 2));
    pin(end, alongPolyline(arm, length));
  };
  sleeve(g.armpitLeft, g.shoulderLeft, g.sleeveEndLeft, "right");
  sleeve(g.armpitRight, g.shoulderRight, g.sleeveEndRight, "left");
  const joints = {
    left_shoulder: place.garmentPoint(ls!),
    right_shoulder: place.garmentPoint(rs!),
    left_hip: place.garmentPoint(lh!),
    right_hip: place.garmentPoint(rh!),
  };
  // The garment's own points for the hips go onto them: the spline would otherwise let the sleeves' and the hem's pins
  // pull the waist off the body (most where a coat's or a dress's skirt is stretched to its length). The shoulders are
  // pinned already (seams, sleeve roots on the joints); a third pin there would fold the cloth.
  for (const name of ["left_hip", "right_hip"] as const) pin(joints[name], body.joints[name]!);
  if (droppedSleeves.length) warnings.push("An arm is raised: its sleeve is left out.");
  return { from, to, warnings, joints, droppedSleeves };
}

function placeLower(g: LowerAnchors, body: Body, fit: Fit): Placement {
  const { left_hip: lh, right_hip: rh, left_knee: lk, right_knee: rk, left_ankle: la, right_ankle: ra } = body.joints;
  const warnings: string[] = [];
  const across = unit(sub(lh!, rh!));
  const bodyDown = down(across);
  const hipMid = mid(lh!, rh!);
  const hipWidth = dist(lh!, rh!);
  const knees = lk && rk ? mid(lk, rk) : null;
  const thigh = knees ? dist(knees, hipMid) : 0.9 * body.torso;
  const waistWidth = hipWidth * WAIST_EASE * fit.width;
  const waistCentre = add(hipMid, bodyDown, -0.2 * thigh);
  const gAcross = unit(sub(g.waistRight, g.waistLeft));
  const scale = waistWidth / Math.max(1, dist(g.waistLeft, g.waistRight));
  const place = similarity(waistCentre, across, g.waistCentre, gAcross, scale, scale * fit.length);
  const from: Point[] = [];
  const to: Point[] = [];
  const pin = (p: Point, target = place(p)) => {
    from.push(p);
    to.push(target);
  };
  const joints = { left_hip: place.garmentPoint(lh!), right_hip: place.garmentPoint(rh!) };
  pin(g.waistLeft, add(waistCentre, across, -waistWidth / 2));
  pin(g.waistRight, add(waistCentre, across, waistWidth / 2));
  pin(g.waistCentre, waistCentre);
  if (!g.crotch || !g.legEndLeft || !g.legEndRight || !g.kneeLeft || !g.kneeRight) {
    for (const p of [g.hemLeft, g.hemRight]) pin(p);
    return { from, to, warnings, joints };
  }
  pin(g.crotch, add(hipMid, bodyDown, 0.2 * thigh));
  // Legs: the garment's left leg on the person's right; hems just below the ankles, the length times the fit's.
  let estimated = false;
  const leg = (hip: Point, knee: BodyJoint | undefined, ankle: BodyJoint | undefined) => {
    const kneePoint = knee ?? add(hip, bodyDown, thigh);
    let anklePoint: Point | undefined = ankle;
    if (!anklePoint) {
      estimated = true;
      anklePoint = add(kneePoint, unit(sub(kneePoint, hip)), 1.05 * dist(kneePoint, hip));
    }
    const end = add(anklePoint, unit(sub(anklePoint, kneePoint)), 0.04 * thigh);
    return { knee: kneePoint, end: add(waistCentre, sub(end, waistCentre), fit.length) };
  };
  const right = leg(rh!, rk, ra);
  const left = leg(lh!, lk, la);
  pin(g.kneeLeft, right.knee);
  pin(g.legEndLeft, right.end);
  pin(g.kneeRight, left.knee);
  pin(g.legEndRight, left.end);
  if (estimated) warnings.push("Ankles outside the photo: the legs' length is estimated.");
  return { from, to, warnings, joints };
}
