import type { Mask } from "../describe/mask-ops.ts";
import type { RgbImage } from "../describe/ports.ts";
import type { Body } from "./body-placement.ts";
import type { Point } from "./thin-plate-spline.ts";
import { colourClusters, colourDistance, type Rgb } from "./colour-clusters.ts";

/**
 * Colours closer than this (RGB distance, 0..441) are one appearance: a forearm this close to the
 * torso cannot be told from it, and is kept in front wherever the pose puts it.
 */
export const SAME_APPEARANCE = 40;

/**
 * Where the person stays in front of the garment's body, 0..1: forearms and hands (a capsule from
 * the elbow past the wrist, within the silhouette) and the face (a disc around the nose down to the
 * chin). A forearm's capsule is kept only where its pixels look like an arm rather than the torso
 * behind it: the pose's forearm is often off by a forearm's width, and a wrong capsule cut a hole
 * through the middle of the garment. An arm looks like the face's skin (bare) or like the upper arm
 * beside the torso (a sleeve), the torso like one of the main colours of the middle of the
 * shoulder–hip quadrilateral; where an arm cannot be told from the torso, the capsule is kept as the
 * pose draws it.
 */
export function occlusionMap(body: Body, mask: Mask, scale: number, image: RgbImage): Float32Array {
  const { width, height } = image;
  const out = new Float32Array(width * height);
  const inPerson = (x: number, y: number) =>
    mask.data[Math.min(mask.height - 1, Math.floor(y / scale)) * mask.width + Math.min(mask.width - 1, Math.floor(x / scale))] === 1;
  const forearms = new Float32Array(width * height);
  for (const side of ["left", "right"] as const) {
    const elbow = body.joints[`${side}_elbow`];
    const wrist = body.joints[`${side}_wrist`];
    if (!elbow || !wrist) continue;
    const forearm = Math.hypot(wrist.x - elbow.x, wrist.y - elbow.y);
    const hand = { x: wrist.x + 0.45 * (wrist.x - elbow.x), y: wrist.y + 0.45 * (wrist.y - elbow.y) };
    paintCapsule(forearms, width, height, elbow, hand, Math.max(3, 0.2 * forearm), inPerson);
  }
  const arm = armLikeness(body, image, forearms, inPerson);
  for (let i = 0; i < out.length; i++) if (forearms[i]! > 0) out[i] = forearms[i]! * (arm ? arm[i]! : 1);
  const { nose, left_shoulder: ls, right_shoulder: rs } = body.joints;
  if (nose && ls && rs) {
    const neck = (ls.y + rs.y) / 2 - nose.y;
    if (neck > 0) paintCapsule(out, width, height, nose, nose, 0.6 * neck, null);
  }
  return out;
}

/** A capsule from a to b, `radius` wide with a soft edge of three pixels, painted as a maximum (within the person when `inside` is given). */
function paintCapsule(
  out: Float32Array,
  width: number,
  height: number,
  a: Point,
  b: Point,
  radius: number,
  inside: ((x: number, y: number) => boolean) | null,
): void {
  const bx0 = Math.max(0, Math.floor(Math.min(a.x, b.x) - radius - 2));
  const by0 = Math.max(0, Math.floor(Math.min(a.y, b.y) - radius - 2));
  const bx1 = Math.min(width, Math.ceil(Math.max(a.x, b.x) + radius + 2));
  const by1 = Math.min(height, Math.ceil(Math.max(a.y, b.y) + radius + 2));
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  const len2 = dx * dx + dy * dy || 1;
  for (let y = by0; y < by1; y++) {
    for (let x = bx0; x < bx1; x++) {
      if (inside && !inside(x, y)) continue;
      const t = Math.max(0, Math.min(1, ((x - a.x) * dx + (y - a.y) * dy) / len2));
      const d = Math.hypot(x - a.x - t * dx, y - a.y - t * dy);
      const v = Math.max(0, Math.min(1, (radius + 1.5 - d) / 3));
      const i = y * width + x;
      if (v > out[i]!) out[i] = v;
    }
  }
}

/**
 * Per pixel of the forearm capsules, 0..1: how much more it looks like an arm than like the torso
 * (null: nothing to compare, keep the capsules whole).
 */
function armLikeness(body: Body, image: RgbImage, forearms: Float32Array, inPerson: (x: number, y: number) => boolean): Float32Array | null {
  const { left_shoulder: ls, right_shoulder: rs, left_hip: lh, right_hip: rh, nose } = body.joints;
  if (!ls || !rs || !lh || !rh) return null;
  const step = Math.max(1, Math.round(body.torso / 60));
  const colourAt = (x: number, y: number): Rgb => {
    const i = (Math.round(y) * image.width + Math.round(x)) * 3;
    return [image.data[i]!, image.data[i + 1]!, image.data[i + 2]!];
  };
  const inImage = (p: Point) => p.x >= 0 && p.y >= 0 && p.x < image.width - 0.5 && p.y < image.height - 0.5;
  // The torso: the middle of the shoulder–hip quadrilateral (its edges carry the arms hanging beside it), outside the forearms.
  const torsoSamples: Rgb[] = [];
  for (let v = 0.15; v <= 0.85; v += step / body.torso) {
    for (let u = 0.2; u <= 0.8; u += step / body.torso) {
      const top = lerp(rs, ls, u);
      const bottom = lerp(rh, lh, u);
      const p = lerp(top, bottom, v);
      if (!inImage(p) || !inPerson(p.x, p.y) || forearms[Math.round(p.y) * image.width + Math.round(p.x)]! > 0) continue;
      torsoSamples.push(colourAt(p.x, p.y));
    }
  }
  if (torsoSamples.length < 20) return null;
  // A torso can show several things at once (a crop top over a bare midriff over a skirt).
  const torso = colourClusters(torsoSamples, 3)
    .filter((c) => c.share >= 0.1)
    .map((c) => c.centre);
  const arms: Rgb[] = [];
  // Bare arms: the face's skin (a disc around the nose, a third of the way to the shoulders' line).
  if (nose) {
    const neck = (ls.y + rs.y) / 2 - nose.y;
    const skin: Rgb[] = [];
    const r = Math.max(2, 0.3 * neck);
    for (let y = nose.y - r; y <= nose.y + r; y += Math.max(1, r / 8))
      for (let x = nose.x - r; x <= nose.x + r; x += Math.max(1, r / 8))
        if (Math.hypot(x - nose.x, y - nose.y) <= r && inImage({ x, y }) && inPerson(x, y)) skin.push(colourAt(x, y));
    if (neck > 0 && skin.length >= 12) arms.push(median(skin));
  }
  // Sleeves: the upper arm's middle third, where it hangs beside the torso.
  for (const side of ["left", "right"] as const) {
    const shoulder = body.joints[`${side}_shoulder`]!;
    const elbow = body.joints[`${side}_elbow`];
    if (!elbow) continue;
    const sleeve: Rgb[] = [];
    for (let t = 0.33; t <= 0.67; t += 0.02) {
      const p = lerp(shoulder, elbow, t);
      if (inImage(p) && inPerson(p.x, p.y)) sleeve.push(colourAt(p.x, p.y));
    }
    if (sleeve.length >= 8) arms.push(median(sleeve));
  }
  const distinct = arms.filter((c) => torso.every((t) => colourDistance(c, t) >= SAME_APPEARANCE));
  if (!distinct.length) return null;
  const out = new Float32Array(forearms.length);
  for (let i = 0; i < forearms.length; i++) {
    if (forearms[i]! <= 0) continue;
    const c: Rgb = [image.data[i * 3]!, image.data[i * 3 + 1]!, image.data[i * 3 + 2]!];
    const toTorso = Math.min(...torso.map((t) => colourDistance(c, t)));
    const toArm = Math.min(...distinct.map((a) => colourDistance(c, a)));
    // 1 where clearly nearer an arm, 0 where clearly nearer the torso, a ramp between.
    out[i] = Math.max(0, Math.min(1, 0.5 + (toTorso - toArm) / SAME_APPEARANCE));
  }
  return out;
}

function lerp(a: Point, b: Point, t: number): Point {
  return { x: a.x + (b.x - a.x) * t, y: a.y + (b.y - a.y) * t };
}

/** Per-channel median: a few pixels of hair, eyes or print do not move it. */
function median(samples: Rgb[]): Rgb {
  const channel = (k: 0 | 1 | 2) => {
    const values = samples.map((s) => s[k]).sort((a, b) => a - b);
    return values[Math.floor(values.length / 2)]!;
  };
  return [channel(0), channel(1), channel(2)];
}
