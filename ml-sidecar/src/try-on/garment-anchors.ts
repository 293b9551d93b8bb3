import { maskBox, type Mask } from "../describe/mask-ops.ts";
import type { GarmentKind } from "./categories.ts";
import type { Point } from "./thin-plate-spline.ts";

/**
 * Landmarks on a garment's outline, found by rules on its mask (a front view, upright, as product
 * shots are). "left"/"right" are the garment image's own sides: its left side is worn on the
 * person's right. Every point is in the garment image's pixels.
 */
export interface UpperAnchors {
  kind: "upper";
  /** Where the shoulder line meets the sleeve (or the strap's outer edge on a sleeveless garment). */
  shoulderLeft: Point;
  shoulderRight: Point;
  /** True when the garment has no sleeves and the shoulders are its straps. */
  straps: boolean;
  /** Neckline's centre. */
  neck: Point;
  /** Under the sleeve, where it meets the body; null without sleeves. */
  armpitLeft: Point | null;
  armpitRight: Point | null;
  /** The middle of the sleeve's end; null without sleeves. */
  sleeveEndLeft: Point | null;
  sleeveEndRight: Point | null;
  hemLeft: Point;
  hemRight: Point;
  hemCentre: Point;
  /** The body's columns (sleeves lie outside them). */
  bodyX0: number;
  bodyX1: number;
}

export interface LowerAnchors {
  kind: "lower";
  waistLeft: Point;
  waistRight: Point;
  waistCentre: Point;
  /** Top of the gap between the legs; null for a skirt. */
  crotch: Point | null;
  kneeLeft: Point | null;
  kneeRight: Point | null;
  /** The middle of each leg's end; null for a skirt. */
  legEndLeft: Point | null;
  legEndRight: Point | null;
  hemLeft: Point;
  hemRight: Point;
}

export type GarmentAnchors = UpperAnchors | LowerAnchors;

/** Runs of set pixels in one row: [x0, x1) pairs. */
function runs(mask: Mask, y: number): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  const row = y * mask.width;
  let start = -1;
  for (let x = 0; x <= mask.width; x++) {
    const set = x < mask.width && mask.data[row + x] === 1;
    if (set && start < 0) start = x;
    else if (!set && start >= 0) {
      out.push([start, x]);
      start = -1;
    }
  }
  return out;
}

/** The run that holds column x, or the nearest one. */
function runAt(mask: Mask, y: number, x: number): [number, number] | null {
  const all = runs(mask, y);
  if (!all.length) return null;
  return all.find(([a, b]) => a <= x && x < b) ?? all.reduce((best, r) => (distanceToRun(r, x) < distanceToRun(best, x) ? r : best));
}

const distanceToRun = ([a, b]: [number, number], x: number) => (x < a ? a - x : x >= b ? x - b + 1 : 0);

function topOf(mask: Mask, x: number, from = 0): number {
  for (let y = from; y < mask.height; y++) if (mask.data[y * mask.width + x]) return y;
  return -1;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

/** Anchors for the kind of garment, or null when the mask is too small to read. */
export function findAnchors(mask: Mask, kind: GarmentKind): GarmentAnchors | null {
  const box = maskBox(mask);
  if (!box || box.x1 - box.x0 < 8 || box.y1 - box.y0 < 8) return null;
  if (kind === "top" || kind === "full") return upperAnchors(mask, box, kind === "top");
  return lowerAnchors(mask, box, kind === "legs");
}

/**
 * `withSleeves` false (a dress): what lies outside the body's columns is the skirt's flare, not sleeves,
 * and the shoulders are the outer edges of its top (straps or a bodice).
 */
function upperAnchors(mask: Mask, box: { x0: number; y0: number; x1: number; y1: number }, withSleeves: boolean): UpperAnchors | null {
  const height = box.y1 - box.y0;
  const centre = Math.round((box.x0 + box.x1) / 2);
  const at = (f: number) => Math.min(box.y1 - 1, Math.round(box.y0 + f * height));
  // The body's columns: the run through the centre, over the chest-to-waist band, where sleeves have
  // left the body (a tee's) or hang beside it with a gap (a shirt's, a coat's); the median of the narrower half.
  const widths: Array<[number, number]> = [];
  for (let f = 0.3; f <= 0.6; f += 0.02) {
    const run = runAt(mask, at(f), centre);
    if (run) widths.push(run);
  }
  if (!widths.length) return null;
  widths.sort((a, b) => a[1] - a[0] - (b[1] - b[0]));
  const narrow = widths.slice(0, Math.max(1, Math.ceil(widths.length / 2)));
  let bodyX0 = Math.round(median(narrow.map((r) => r[0])));
  let bodyX1 = Math.round(median(narrow.map((r) => r[1])));
  // Long sleeves that touch the body join it in every row of the band; below their cuffs the hem shows the body alone.
  const hemRow = at(0.97);
  const hemRun = runAt(mask, hemRow, centre) ?? [bodyX0, bodyX1];
  if (hemRun[1] - hemRun[0] < bodyX1 - bodyX0) [bodyX0, bodyX1] = hemRun;
  const bodyWidth = Math.max(1, bodyX1 - bodyX0);

  let shoulderLeft = { x: bodyX0, y: topOf(mask, bodyX0, box.y0) };
  let shoulderRight = { x: bodyX1 - 1, y: topOf(mask, bodyX1 - 1, box.y0) };
  // Sleeveless: at the body's edges the outline is already down at the armhole; the straps' outer edges are the shoulders.
  const straps = !withSleeves || shoulderLeft.y < 0 || shoulderRight.y < 0 || Math.min(shoulderLeft.y, shoulderRight.y) - box.y0 > 0.15 * height;
  if (straps) {
    const band = runs(mask, at(0.04));
    const x0 = band.length ? band[0]![0] : bodyX0;
    const x1 = band.length ? band[band.length - 1]![1] - 1 : bodyX1 - 1;
    shoulderLeft = { x: x0, y: topOf(mask, x0, box.y0) };
    shoulderRight = { x: x1, y: topOf(mask, x1, box.y0) };
  }
  const neck = { x: centre, y: Math.max(box.y0, topOf(mask, centre, box.y0)) };
  let hemBottom = box.y1 - 1;
  while (hemBottom > box.y0 && !mask.data[hemBottom * mask.width + centre]) hemBottom--;

  const sleeve = (side: -1 | 1) => {
    const shoulder = side < 0 ? shoulderLeft : shoulderRight;
    // Clear of the body by a margin: a hem that flares a little is not a sleeve.
    const margin = Math.max(3, Math.round(0.05 * bodyWidth));
    const outside = (x: number) => (side < 0 ? x < bodyX0 - margin : x >= bodyX1 + margin);
    let area = 0;
    let far = -1;
    const pixels: number[] = [];
    for (let y = box.y0; y < box.y1; y++) {
      for (let x = box.x0; x < box.x1; x++) {
        if (!mask.data[y * mask.width + x] || !outside(x)) continue;
        area++;
        const d = Math.hypot(x - shoulder.x, y - shoulder.y);
        pixels.push(x, y, d);
        if (d > far) far = d;
      }
    }
    if (straps || area < 0.01 * bodyWidth * height || far < 0.1 * bodyWidth) return null;
    // The end: the pixels within 4% of the garment's height of the farthest one.
    let sx = 0,
      sy = 0,
      n = 0;
    for (let i = 0; i < pixels.length; i += 3) {
      if (pixels[i + 2]! < far - 0.04 * height) continue;
      sx += pixels[i]!;
      sy += pixels[i + 1]!;
      n++;
    }
    // The armpit: just outside the body, the lower edge of the first run of set pixels from the top.
    const column = side < 0 ? Math.max(box.x0, bodyX0 - 3) : Math.min(box.x1 - 1, bodyX1 + 2);
    let y = topOf(mask, column, box.y0);
    if (y < 0) y = shoulder.y;
    // A sleeve joined to the body all the way down shows no armpit: it sits about half the body's width below the shoulder.
    const limit = shoulder.y + 0.55 * bodyWidth;
    while (y + 1 < limit && y + 1 < box.y1 && mask.data[(y + 1) * mask.width + column]) y++;
    return { end: { x: sx / n, y: sy / n }, armpit: { x: side < 0 ? bodyX0 : bodyX1 - 1, y } };
  };
  const left = sleeve(-1);
  const right = sleeve(1);
  return {
    kind: "upper",
    shoulderLeft,
    shoulderRight,
    straps,
    neck,
    armpitLeft: left?.armpit ?? null,
    armpitRight: right?.armpit ?? null,
    sleeveEndLeft: left?.end ?? null,
    sleeveEndRight: right?.end ?? null,
    hemLeft: { x: hemRun[0], y: hemRow },
    hemRight: { x: hemRun[1] - 1, y: hemRow },
    hemCentre: { x: centre, y: hemBottom },
    bodyX0,
    bodyX1,
  };
}

function lowerAnchors(mask: Mask, box: { x0: number; y0: number; x1: number; y1: number }, legs: boolean): LowerAnchors | null {
  const height = box.y1 - box.y0;
  const centre = Math.round((box.x0 + box.x1) / 2);
  const at = (f: number) => Math.min(box.y1 - 1, Math.round(box.y0 + f * height));
  const waistRow = at(0.02);
  const waist = runAt(mask, waistRow, centre);
  if (!waist) return null;
  const hemRow = at(0.97);
  const hemRuns = runs(mask, hemRow);
  const hem: [number, number] = hemRuns.length ? [hemRuns[0]![0], hemRuns[hemRuns.length - 1]![1]] : [box.x0, box.x1];
  const base = {
    kind: "lower" as const,
    waistLeft: { x: waist[0], y: waistRow },
    waistRight: { x: waist[1] - 1, y: waistRow },
    waistCentre: { x: (waist[0] + waist[1] - 1) / 2, y: waistRow },
    hemLeft: { x: hem[0], y: hemRow },
    hemRight: { x: hem[1] - 1, y: hemRow },
  };
  const none = { ...base, crotch: null, kneeLeft: null, kneeRight: null, legEndLeft: null, legEndRight: null };
  if (!legs || hemRuns.length < 2) return none;
  // The crotch: in the centre column, where the garment ends above the gap between the legs.
  let crotchY = topOf(mask, centre, box.y0);
  if (crotchY < 0) return none;
  while (crotchY + 1 < box.y1 && mask.data[(crotchY + 1) * mask.width + centre]) crotchY++;
  if (crotchY > at(0.8)) return none;
  const legEndLeft = { x: (hemRuns[0]![0] + hemRuns[0]![1] - 1) / 2, y: hemRow };
  const last = hemRuns[hemRuns.length - 1]!;
  const legEndRight = { x: (last[0] + last[1] - 1) / 2, y: hemRow };
  const kneeRow = Math.round((crotchY + hemRow) / 2);
  const kneeRuns = runs(mask, kneeRow);
  const kneeAt = (run: [number, number] | undefined, fallback: Point) => (run ? { x: (run[0] + run[1] - 1) / 2, y: kneeRow } : fallback);
  return {
    ...base,
    crotch: { x: centre, y: crotchY },
    kneeLeft: kneeAt(kneeRuns.length >= 2 ? kneeRuns[0] : undefined, { x: legEndLeft.x, y: kneeRow }),
    kneeRight: kneeAt(kneeRuns.length >= 2 ? kneeRuns[kneeRuns.length - 1] : undefined, { x: legEndRight.x, y: kneeRow }),
    legEndLeft,
    legEndRight,
  };
}
