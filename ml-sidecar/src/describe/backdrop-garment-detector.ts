import type { CellMap, Detection, GarmentDetector, GarmentRegion, RgbImage } from "./ports.ts";
import {
  boxArea,
  boxBlurRgb,
  boxGap,
  close,
  connectedComponents,
  erode,
  fillHoles,
  grow8,
  intersectionArea,
  maskBox,
  maskOfLabels,
  open,
  prominence,
  spreadCellMap,
  toFractionBox,
  unionBox,
  type Mask,
  type PixelBox,
} from "./mask-ops.ts";
import { gridMinCut } from "./grid-cut.ts";

/**
 * Garments on a backdrop: product shots, flat lays, grids of product photos (lookbook pages), a print
 * or a screen photographed on a desk. The backdrop is modelled from the photo's border (a smooth
 * quadratic surface per channel, fitted robustly, so gradients, vignettes and a garment running off an
 * edge do not bend it); what differs from it by more than the border's own noise (shadows on it aside)
 * is foreground, grown by hysteresis and cleaned by morphology. Each connected part is a candidate; a
 * part that is itself a flat card (a product photo's own backdrop inside a lookbook page, a print) is
 * separated again with its own rim as the backdrop. Specks go; small pieces beside a larger garment
 * join it (a bag's handle). Where the border is no backdrop (a busy scene), one "whole" region covers
 * the salient centre: where the colours the border never shows gather; inside it, the object whose
 * colours the rest of the scene hardly shows is outlined, so its crop leaves the scene out.
 */

export interface BackdropObject {
  mask: Mask;
  box: PixelBox;
  area: number;
}

export interface BackdropSeparation {
  /** The backdrop was told apart from what lies on it ("whole" is set when it was not). */
  clean: boolean;
  /** Garment candidates, largest first. */
  objects: BackdropObject[];
  /** Where the photo's salient content is, when no clean separation was possible. */
  whole: PixelBox | null;
  /** The salient object inside `whole`, told from the scene by its colours; null when none stands out. */
  wholeMask: Mask | null;
  /** How the foreground was found, for tests and logs. */
  method: "border-model" | "none";
}

/** Every second pixel (each way) of the border is enough to fit the backdrop. */
const FIT_SAMPLE_STEP = 2;
/** Below this, differences from the backdrop model are noise, whatever the border says. */
const MIN_THRESHOLD = 8;
/** A border whose residual spread (robust σ, after blurring) exceeds this is not a backdrop. */
const MAX_BORDER_SIGMA = 7;
/** A border more than this share covered by foreground is not a backdrop either. */
const MAX_BORDER_OUTLIERS = 0.55;
/**
 * A card (a product photo's own backdrop inside the photo, a print) is flat: its rim varies less than
 * this (robust σ) and 90% of a band inside the rim is closer than MAX_CARD_MARGIN_P90 to the rim's model.
 * On the demo renders, cards measured σ ≤ 0.7 and p90 ≤ 1.3; solid garments (their own shading) 0.7–2.4 and 3.9–8.
 */
const MAX_CARD_SIGMA = 1.5;
const MAX_CARD_MARGIN_P90 = 3;
/** Foreground above this share of the photo means nothing was separated. */
const MAX_FOREGROUND_SHARE = 0.85;
/** Smallest garment, as a share of the photo and of the largest garment found. */
const MIN_OBJECT_SHARE = 0.0025;
const MIN_OBJECT_OF_LARGEST = 0.03;

/** Separation runs at this longest side or a little above (every pixel of a 512 photo is not needed to find garments). */
const SEPARATION_SIDE = 256;

export function separateBackdrop(image: RgbImage): BackdropSeparation {
  const factor = Math.max(1, Math.floor(Math.max(image.width, image.height) / SEPARATION_SIDE));
  if (factor === 1) return separateAtWorkingSize(image);
  return upscaleSeparation(separateAtWorkingSize(downsample(image, factor)), factor, image.width, image.height);
}

/** Averages factor×factor blocks (the last partial row and column are dropped). */
function downsample(image: RgbImage, factor: number): RgbImage {
  const width = Math.max(1, Math.floor(image.width / factor));
  const height = Math.max(1, Math.floor(image.height / factor));
  const data = new Uint8Array(width * height * 3);
  const norm = 1 / (factor * factor);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      for (let c = 0; c < 3; c++) {
        let sum = 0;
        for (let dy = 0; dy < factor; dy++) {
          const row = ((y * factor + dy) * image.width + x * factor) * 3 + c;
          for (let dx = 0; dx < factor; dx++) sum += image.data[row + dx * 3]!;
        }
        data[(y * width + x) * 3 + c] = Math.round(sum * norm);
      }
    }
  }
  return { data, width, height };
}

function upscaleSeparation(separation: BackdropSeparation, factor: number, width: number, height: number): BackdropSeparation {
  const scaleBox = (b: PixelBox, small: { width: number; height: number }): PixelBox => ({
    x0: b.x0 * factor,
    y0: b.y0 * factor,
    x1: b.x1 >= small.width ? width : b.x1 * factor,
    y1: b.y1 >= small.height ? height : b.y1 * factor,
  });
  const objects = separation.objects.map((o) => {
    const box = scaleBox(o.box, o.mask);
    return { mask: upscaleMask(o.mask, factor, width, height, box), box, area: o.area * factor * factor };
  });
  const small = { width: Math.floor(width / factor), height: Math.floor(height / factor) };
  return {
    ...separation,
    objects,
    whole: separation.whole && scaleBox(separation.whole, small),
    wholeMask: separation.wholeMask && upscaleMask(separation.wholeMask, factor, width, height),
  };
}

/** A working-size mask at full size (each small pixel a factor×factor block), set only within `within` (default: everywhere). */
function upscaleMask(small: Mask, factor: number, width: number, height: number, within: PixelBox = { x0: 0, y0: 0, x1: width, y1: height }): Mask {
  const data = new Uint8Array(width * height);
  for (let y = within.y0; y < within.y1; y++) {
    const row = Math.min(small.height - 1, Math.floor(y / factor)) * small.width;
    for (let x = within.x0; x < within.x1; x++) data[y * width + x] = small.data[row + Math.min(small.width - 1, Math.floor(x / factor))]!;
  }
  return { data, width, height };
}

function separateAtWorkingSize(image: RgbImage): BackdropSeparation {
  const { width, height } = image;
  const side = Math.max(width, height);
  const scale = side / 512;
  const blurred = boxBlurRgb(image.data, width, height, blurRadius(scale));
  const band = Math.max(3, Math.round(Math.min(width, height) * 0.02));
  const borderSamples: number[] = [];
  for (let y = 0; y < height; y += FIT_SAMPLE_STEP) {
    for (let x = 0; x < width; x += FIT_SAMPLE_STEP) {
      if (x < band || y < band || x >= width - band || y >= height - band) borderSamples.push(y * width + x);
    }
  }
  const model = fitBackdrop(blurred, width, height, borderSamples);
  const residual = residualMap(blurred, width, height, model, null);
  const stats = sampleStats(residual, borderSamples);
  const threshold = Math.max(MIN_THRESHOLD, stats.median + 6 * stats.sigma);
  const outliers = borderSamples.filter((i) => residual[i]! > threshold).length / borderSamples.length;

  if (stats.sigma <= MAX_BORDER_SIGMA && outliers <= MAX_BORDER_OUTLIERS) {
    const foreground = cleanMask(hysteresis(residual, width, height, threshold, null), scale);
    const share = count(foreground.data) / (width * height);
    if (share <= MAX_FOREGROUND_SHARE) {
      let objects = objectsOf(foreground, scale);
      objects = objects.flatMap((o) => separateCard(o, blurred, scale) ?? [o]);
      objects = mergeParts(finalObjects(objects, width * height), side);
      // Much of the border covered and a part that runs across the photo: the "backdrop" was one colour of a busy scene.
      const spansPhoto = outliers > 0.3 && objects.some((o) => framedSides(o.box, width, height) >= 3);
      if (!spansPhoto) return { clean: true, objects, whole: null, wholeMask: null, method: "border-model" };
    }
  }
  // A busy scene: no backdrop to model. One region covers the salient centre, outlining its object where one stands out.
  const bins = colourBins(blurred, width * height);
  const whole = salientCentre(bins, width, height, borderSamples);
  return { clean: false, objects: [], whole, wholeMask: salientObject(blurred, bins, width, height, whole, scale), method: "none" };
}

/** The GarmentDetector for photos without a person. */
export class BackdropGarmentDetector implements GarmentDetector {
  async detect(image: RgbImage): Promise<Detection> {
    return { regions: backdropRegions(image, separateBackdrop(image)), person: false };
  }
}

/** Regions from a separation, most prominent first. */
export function backdropRegions(image: RgbImage, separation: BackdropSeparation): GarmentRegion[] {
  const { width, height } = image;
  if (!separation.clean) {
    if (!separation.whole) return [];
    const outlined = separation.wholeMask && wholeRegion(separation.wholeMask, width, height);
    if (outlined) return [outlined];
    const box = toFractionBox(separation.whole, width, height);
    return [{ box, mask: null, source: "whole", prominence: prominence(box, box.width * box.height) }];
  }
  const regions = separation.objects.map((o): GarmentRegion => {
    const box = toFractionBox(o.box, width, height);
    return { box, mask: o.mask.data, source: "product", prominence: prominence(box, o.area / (width * height)) };
  });
  return regions.sort((a, b) => b.prominence - a.prominence);
}

/** A busy scene's region outlined by `outline` (null when the outline is empty). */
function wholeRegion(outline: Mask, width: number, height: number): GarmentRegion | null {
  const outlineBox = maskBox(outline);
  if (!outlineBox) return null;
  const box = toFractionBox(outlineBox, width, height);
  return { box, mask: outline.data, source: "whole", prominence: prominence(box, count(outline.data) / (width * height)) };
}

// ---------------------------------------------------------------------------------------------
// The backdrop model: per channel c(u, v) = a0 + a1·u + a2·v + a3·u² + a4·u·v + a5·v², u, v in -1..1.

type BackdropModel = Float64Array; // 3 × 6 coefficients

function terms(x: number, y: number, width: number, height: number, out: Float64Array): void {
  const u = (2 * x) / Math.max(1, width - 1) - 1;
  const v = (2 * y) / Math.max(1, height - 1) - 1;
  out[0] = 1;
  out[1] = u;
  out[2] = v;
  out[3] = u * u;
  out[4] = u * v;
  out[5] = v * v;
}

/**
 * Robust fit: starts from the samples' per-channel median colour (the backdrop where it holds most of the
 * samples), then refits the surface three times on the samples near the current fit, so a garment running
 * off an edge or a dark object at the border does not bend it.
 */
function fitBackdrop(blurred: Float32Array, width: number, height: number, samples: number[]): BackdropModel {
  let model: BackdropModel = new Float64Array(18);
  for (let ch = 0; ch < 3; ch++) {
    const values = samples.map((i) => blurred[i * 3 + ch]!).sort((a, b) => a - b);
    model[ch * 6] = values[Math.floor(values.length / 2)] ?? 0;
  }
  for (let round = 0; round < 3; round++) {
    const distances = samples.map((i) => modelDistance(blurred, width, height, model, i));
    const median = [...distances].sort((a, b) => a - b)[Math.floor(distances.length / 2)] ?? 0;
    const limit = Math.max(10, 3 * median);
    const kept = samples.filter((_, k) => distances[k]! <= limit);
    if (kept.length < 24) break;
    model = solveModel(blurred, width, height, kept);
  }
  return model;
}

function solveModel(blurred: Float32Array, width: number, height: number, samples: number[]): BackdropModel {
  const ata = new Float64Array(36);
  const atb = new Float64Array(18);
  const t = new Float64Array(6);
  for (const i of samples) {
    terms(i % width, Math.floor(i / width), width, height, t);
    for (let r = 0; r < 6; r++) {
      for (let c = 0; c < 6; c++) ata[r * 6 + c]! += t[r]! * t[c]!;
      for (let ch = 0; ch < 3; ch++) atb[ch * 6 + r]! += t[r]! * blurred[i * 3 + ch]!;
    }
  }
  // A little ridge on the curvature terms keeps a fit from thin samples (a crop's border) from bulging inside.
  const ridge = samples.length * 0.02;
  for (const r of [3, 4, 5]) ata[r * 6 + r]! += ridge;
  const model = new Float64Array(18);
  for (let ch = 0; ch < 3; ch++) model.set(solve6(ata, atb.subarray(ch * 6, ch * 6 + 6)), ch * 6);
  return model;
}

/** Gaussian elimination on a 6×6 system (symmetric positive semi-definite; a singular one gives a flat fit). */
function solve6(ata: Float64Array, b: Float64Array): Float64Array {
  const a = Array.from({ length: 6 }, (_, r) => [...ata.subarray(r * 6, r * 6 + 6), b[r]!]);
  for (let col = 0; col < 6; col++) {
    let pivot = col;
    for (let r = col + 1; r < 6; r++) if (Math.abs(a[r]![col]!) > Math.abs(a[pivot]![col]!)) pivot = r;
    [a[col], a[pivot]] = [a[pivot]!, a[col]!];
    if (Math.abs(a[col]![col]!) < 1e-9) continue;
    for (let r = 0; r < 6; r++) {
      if (r === col) continue;
      const f = a[r]![col]! / a[col]![col]!;
      for (let c = col; c < 7; c++) a[r]![c]! -= f * a[col]![c]!;
    }
  }
  return Float64Array.from({ length: 6 }, (_, r) => (Math.abs(a[r]![r]!) < 1e-9 ? 0 : a[r]![6]! / a[r]![r]!));
}

const termScratch = new Float64Array(6);
const predicted = new Float64Array(3);
/**
 * Darker by up to this share, with the backdrop's own hue, is a shadow on it (a floor shadow, light
 * falloff), not a garment; lighter, only by much less: a white garment on an off-white backdrop is
 * mostly a little lighter than it.
 */
const SHADOW_TOLERANCE = 0.08;
const HIGHLIGHT_TOLERANCE = 0.02;
/** Below this brightness (RGB vector length) the backdrop's hue is too unsure to tell shade from colour. */
const MIN_SHADE_NORM = 60;
/** A channel at or above this is taken as clipped. */
const CLIPPED = 250;

/**
 * How far a pixel is from the backdrop model: its colour off the backdrop's hue (perpendicular to the
 * backdrop colour vector) plus any brightness change beyond the tolerances. Floor shadows and soft
 * light falloff on a backdrop are no garment; a grey garment on white still is.
 */
function modelDistance(blurred: Float32Array, width: number, height: number, model: BackdropModel, i: number): number {
  terms(i % width, Math.floor(i / width), width, height, termScratch);
  for (let ch = 0; ch < 3; ch++) {
    let value = 0;
    for (let k = 0; k < 6; k++) value += model[ch * 6 + k]! * termScratch[k]!;
    predicted[ch] = value;
  }
  return shadeTolerantDistance(blurred[i * 3]!, blurred[i * 3 + 1]!, blurred[i * 3 + 2]!, predicted[0]!, predicted[1]!, predicted[2]!);
}

function shadeTolerantDistance(r: number, g: number, b: number, br: number, bg: number, bb: number): number {
  // A channel blown out in both the backdrop and the pixel says nothing about either (an overexposed
  // backdrop under a colour cast): it is left out, so a shadow on it is still a shadow.
  const wr = br >= CLIPPED && r >= CLIPPED ? 0 : 1;
  const wg = bg >= CLIPPED && g >= CLIPPED ? 0 : 1;
  const wb = bb >= CLIPPED && b >= CLIPPED ? 0 : 1;
  const norm2 = wr * br * br + wg * bg * bg + wb * bb * bb;
  const norm = Math.sqrt(norm2);
  const k = norm >= MIN_SHADE_NORM ? (wr * r * br + wg * g * bg + wb * b * bb) / norm2 : 1;
  const dr = wr * (r - k * br);
  const dg = wg * (g - k * bg);
  const db = wb * (b - k * bb);
  const off = k < 1 ? 1 - k - SHADOW_TOLERANCE : k - 1 - HIGHLIGHT_TOLERANCE;
  const shade = off > 0 ? norm * off : 0;
  return Math.sqrt(dr * dr + dg * dg + db * db + shade * shade);
}

/** Distance of every pixel (or every pixel of `within`) from the backdrop model; elsewhere 0. */
function residualMap(blurred: Float32Array, width: number, height: number, model: BackdropModel, within: Mask | null): Float32Array {
  const out = new Float32Array(width * height);
  const rowConst = new Float64Array(3);
  const rowLinear = new Float64Array(3);
  for (let y = 0; y < height; y++) {
    const v = (2 * y) / Math.max(1, height - 1) - 1;
    // Per row the model is A + B·u + C·u² per channel.
    for (let ch = 0; ch < 3; ch++) {
      const m = ch * 6;
      rowConst[ch] = model[m]! + model[m + 2]! * v + model[m + 5]! * v * v;
      rowLinear[ch] = model[m + 1]! + model[m + 4]! * v;
    }
    for (let x = 0; x < width; x++) {
      const i = y * width + x;
      if (within && !within.data[i]) continue;
      const u = (2 * x) / Math.max(1, width - 1) - 1;
      const uu = u * u;
      const b0 = rowConst[0]! + rowLinear[0]! * u + model[3]! * uu;
      const b1 = rowConst[1]! + rowLinear[1]! * u + model[9]! * uu;
      const b2 = rowConst[2]! + rowLinear[2]! * u + model[15]! * uu;
      out[i] = shadeTolerantDistance(blurred[i * 3]!, blurred[i * 3 + 1]!, blurred[i * 3 + 2]!, b0, b1, b2);
    }
  }
  return out;
}

function sampleStats(values: Float32Array, samples: number[]): { median: number; sigma: number } {
  const v = samples.map((i) => values[i]!).sort((a, b) => a - b);
  const median = v[Math.floor(v.length / 2)] ?? 0;
  const deviations = v.map((x) => Math.abs(x - median)).sort((a, b) => a - b);
  return { median, sigma: 1.4826 * (deviations[Math.floor(deviations.length / 2)] ?? 0) };
}

// ---------------------------------------------------------------------------------------------
// Masks → objects.

/** Pixels above `high`, grown through 8-connected pixels above half of it: faint garment edges join, lone noise does not. */
function hysteresis(residual: Float32Array, width: number, height: number, high: number, within: Mask | null): Mask {
  const low = high * 0.5;
  const data = new Uint8Array(residual.length);
  const stack = new Int32Array(residual.length);
  let top = 0;
  for (let i = 0; i < residual.length; i++) {
    if (residual[i]! > high && (!within || within.data[i])) {
      data[i] = 1;
      stack[top++] = i;
    }
  }
  grow8(stack, top, width, height, (j) => {
    if (data[j] || !(residual[j]! > low) || (within && !within.data[j])) return false;
    data[j] = 1;
    return true;
  });
  return { data, width, height };
}

/** Opening drops specks and hairlines (JPEG ringing, texture), closing bridges outline gaps, then holes are filled. */
function cleanMask(mask: Mask, scale: number): Mask {
  const r = Math.max(1, Math.round(scale));
  return fillHoles(close(open(mask, r), Math.max(1, Math.round(2 * scale))));
}

function objectsOf(mask: Mask, scale: number): BackdropObject[] {
  const { labels, components } = connectedComponents(mask);
  const minSide = Math.max(3, 4 * scale);
  return components
    .filter((c) => c.area >= MIN_OBJECT_SHARE * mask.width * mask.height && Math.min(c.box.x1 - c.box.x0, c.box.y1 - c.box.y0) >= minSide)
    .map((c) => {
      const data = new Uint8Array(labels.length);
      for (let y = c.box.y0; y < c.box.y1; y++) {
        for (let x = c.box.x0; x < c.box.x1; x++) if (labels[y * mask.width + x] === c.label) data[y * mask.width + x] = 1;
      }
      return { mask: { data, width: mask.width, height: mask.height }, box: c.box, area: c.area };
    });
}

/** Drops specks relative to the photo and to the largest object; largest first. */
function finalObjects(objects: BackdropObject[], pixels: number): BackdropObject[] {
  const largest = Math.max(0, ...objects.map((o) => o.area));
  return objects.filter((o) => o.area >= MIN_OBJECT_SHARE * pixels && o.area >= MIN_OBJECT_OF_LARGEST * largest).sort((a, b) => b.area - a.area);
}

/**
 * Joins each small object to a larger one it belongs to: mostly inside the larger one's box, or much
 * smaller and touching it (a handle, a strap, a shoe's sole split by a highlight).
 */
function mergeParts(objects: BackdropObject[], side: number): BackdropObject[] {
  const out: BackdropObject[] = [];
  for (const o of objects) {
    const owner = out.find(
      (big) =>
        intersectionArea(o.box, big.box) >= 0.6 * boxArea(o.box) || (o.area < 0.15 * big.area && boxGap(o.box, big.box) <= Math.max(2, 0.01 * side)),
    );
    if (!owner) {
      out.push(o);
      continue;
    }
    for (let i = 0; i < o.mask.data.length; i++) if (o.mask.data[i]) owner.mask.data[i] = 1;
    owner.box = unionBox(owner.box, o.box);
    owner.area += o.area;
  }
  return out;
}

/**
 * A product photo's own backdrop inside the photo (a lookbook tile, a print on a desk) shows up as one
 * large convex object whose rim, and a wide margin inside it, are one smooth colour. Separates it again
 * with its rim as the backdrop; null when the object is not such a card, or nothing stands out inside it.
 * A garment is rarely convex, and a patterned or shaded one has no uniform margin.
 */
function separateCard(object: BackdropObject, blurred: Float32Array, scale: number): BackdropObject[] | null {
  const { width, height } = object.mask;
  if (object.area < 0.03 * width * height || object.area < 0.9 * convexHullArea(object)) return null;
  // The rim starts inside the blur's reach, where the card's colour is its own.
  const rimWidth = Math.max(2, Math.round(3 * scale));
  const outer = erode(object.mask, 2 * blurRadius(scale) + 2);
  const inner = erode(outer, rimWidth);
  const rim: number[] = [];
  for (let y = object.box.y0; y < object.box.y1; y++) {
    for (let x = object.box.x0; x < object.box.x1; x++) {
      const i = y * width + x;
      if (outer.data[i] && !inner.data[i] && (x + y) % FIT_SAMPLE_STEP === 0) rim.push(i);
    }
  }
  if (rim.length < 24) return null;
  const model = fitBackdrop(blurred, width, height, rim);
  const residual = residualMap(blurred, width, height, model, object.mask);
  const stats = sampleStats(residual, rim);
  const threshold = Math.max(MIN_THRESHOLD, stats.median + 6 * stats.sigma);
  if (stats.sigma > MAX_CARD_SIGMA || rim.filter((i) => residual[i]! > threshold).length > 0.1 * rim.length) return null;
  // The margin: a band 6% of the card's smaller side deep inside the rim, flat (a garment's shading is not).
  const depth = Math.max(rimWidth + 2, Math.round(0.06 * Math.min(object.box.x1 - object.box.x0, object.box.y1 - object.box.y0)));
  const deep = erode(inner, depth);
  const band: number[] = [];
  for (let y = object.box.y0; y < object.box.y1; y++) {
    for (let x = object.box.x0; x < object.box.x1; x++) {
      const i = y * width + x;
      if (inner.data[i] && !deep.data[i] && (x + y) % FIT_SAMPLE_STEP === 0) band.push(residual[i]!);
    }
  }
  band.sort((p, q) => p - q);
  if (!band.length || band[Math.floor(band.length * 0.9)]! > MAX_CARD_MARGIN_P90) return null;
  const foreground = cleanMask(hysteresis(residual, width, height, threshold, inner), scale);
  const share = count(foreground.data) / object.area;
  if (share < 0.04 || share > MAX_FOREGROUND_SHARE) return null;
  const parts = objectsOf(foreground, scale).filter((o) => o.area >= 0.02 * object.area);
  return parts.some((o) => o.area >= 0.1 * object.area) ? parts : null;
}

/** Area of the convex hull of an object's mask (from each row's leftmost and rightmost pixel). */
function convexHullArea(object: BackdropObject): number {
  const { width } = object.mask;
  const points: Array<[number, number]> = [];
  for (let y = object.box.y0; y < object.box.y1; y++) {
    let left = -1;
    let right = -1;
    for (let x = object.box.x0; x < object.box.x1; x++) {
      if (!object.mask.data[y * width + x]) continue;
      if (left < 0) left = x;
      right = x;
    }
    // Pixel corners, so a one-pixel-wide row still has an area.
    if (left >= 0) points.push([left, y], [right + 1, y], [left, y + 1], [right + 1, y + 1]);
  }
  points.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const cross = (o: [number, number], a: [number, number], b: [number, number]) => (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0]);
  const lower: Array<[number, number]> = [];
  for (const p of points) {
    while (lower.length >= 2 && cross(lower[lower.length - 2]!, lower[lower.length - 1]!, p) <= 0) lower.pop();
    lower.push(p);
  }
  const upper: Array<[number, number]> = [];
  for (let i = points.length - 1; i >= 0; i--) {
    const p = points[i]!;
    while (upper.length >= 2 && cross(upper[upper.length - 2]!, upper[upper.length - 1]!, p) <= 0) upper.pop();
    upper.push(p);
  }
  const hull = [...lower.slice(0, -1), ...upper.slice(0, -1)];
  let area = 0;
  for (let i = 0; i < hull.length; i++) {
    const [x0, y0] = hull[i]!;
    const [x1, y1] = hull[(i + 1) % hull.length]!;
    area += x0 * y1 - x1 * y0;
  }
  return Math.abs(area) / 2;
}

const COLOUR_BINS = 16;
/** A colour is rare in the border below this share of its samples (after spreading over neighbouring bins). */
const RARE_COLOUR_SHARE = 0.0005;

/** Each pixel's coarse colour bin (16 levels a channel). */
function colourBins(blurred: Float32Array, pixels: number): Uint16Array {
  const bins = new Uint16Array(pixels);
  const q = 256 / COLOUR_BINS;
  for (let i = 0; i < pixels; i++) {
    const r = Math.min(COLOUR_BINS - 1, Math.floor(blurred[i * 3]! / q));
    const g = Math.min(COLOUR_BINS - 1, Math.floor(blurred[i * 3 + 1]! / q));
    const b = Math.min(COLOUR_BINS - 1, Math.floor(blurred[i * 3 + 2]! / q));
    bins[i] = (r * COLOUR_BINS + g) * COLOUR_BINS + b;
  }
  return bins;
}

/** A colour histogram of some pixels, spread over neighbouring bins (noise moves colours across bin edges), summing to 1. */
function colourHistogram(bins: Uint16Array, pixels: Iterable<number>): Float32Array {
  const n = COLOUR_BINS;
  const raw = new Float32Array(n ** 3);
  let total = 0;
  for (const i of pixels) {
    raw[bins[i]!]! += 1;
    total++;
  }
  const out = new Float32Array(raw.length);
  for (let r = 0; r < n; r++) {
    for (let g = 0; g < n; g++) {
      for (let b = 0; b < n; b++) {
        const v = raw[(r * n + g) * n + b]!;
        if (!v) continue;
        for (let dr = -1; dr <= 1; dr++) {
          for (let dg = -1; dg <= 1; dg++) {
            for (let db = -1; db <= 1; db++) {
              const [rr, gg, bb] = [r + dr, g + dg, b + db];
              if (rr < 0 || gg < 0 || bb < 0 || rr >= n || gg >= n || bb >= n) continue;
              out[(rr * n + gg) * n + bb]! += v / (27 * Math.max(1, total));
            }
          }
        }
      }
    }
  }
  return out;
}

/**
 * The salient centre of a busy photo: the box holding the middle 80% (each way) of the pixels whose
 * colour the border (nearly) never shows, weighted towards the centre; the central 80% of the photo when
 * too little stands out or it is spread thin.
 */
function salientCentre(bins: Uint16Array, width: number, height: number, borderSamples: number[]): PixelBox {
  const centre: PixelBox = { x0: Math.round(width * 0.1), y0: Math.round(height * 0.1), x1: Math.round(width * 0.9), y1: Math.round(height * 0.9) };
  const border = colourHistogram(bins, borderSamples);
  const cols = new Float64Array(width);
  const rows = new Float64Array(height);
  let total = 0;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      if (border[bins[y * width + x]!]! > RARE_COLOUR_SHARE) continue;
      const w = 1 - Math.min(0.9, Math.hypot(x / width - 0.5, y / height - 0.5));
      cols[x]! += w;
      rows[y]! += w;
      total += w;
    }
  }
  if (total < 0.05 * width * height) return centre;
  const span = (weights: Float64Array): [number, number] => {
    let acc = 0;
    let lo = 0;
    let hi = weights.length;
    for (let i = 0; i < weights.length; i++) {
      acc += weights[i]!;
      if (acc < 0.1 * total) lo = i + 1;
      if (acc <= 0.9 * total) hi = i + 1;
    }
    return [lo, Math.min(weights.length, hi + 1)];
  };
  const [x0, x1] = span(cols);
  const [y0, y1] = span(rows);
  const box = { x0, y0, x1, y1 };
  return boxArea(box) < 0.1 * width * height ? centre : box;
}

/**
 * A colour belongs to the salient object when it is this many times denser among its pixels than
 * elsewhere. Chosen on busy scenes of training products only (seeds 45000+): exact R@1 of 80 photos'
 * searches 0.44, 0.43, 0.51, 0.49 and 0.38 at ratios 6, 8, 10, 12 and 16; of the first 40, 0.10
 * without the outline and 0.28 at ratio 2.
 */
const OBJECT_COLOUR_RATIO = 10;
/** Rounds of re-estimating the object's and the scene's colours from the last round's object. */
const OBJECT_ROUNDS = 3;
/** The object may reach this share of the salient box's size beyond each of its sides. */
const OBJECT_BOX_GROWTH = 0.15;
/** An object mask covering less (or more) than this share of the salient box says nothing stands out. */
const MIN_OBJECT_OF_BOX = 0.12;
const MAX_OBJECT_OF_BOX = 0.92;

/** GrabCut rounds run on an outline the colour rounds could not settle (too small or too large for its box). */
const GRABCUT_ROUNDS = 2;
/**
 * Weight of keeping neighbours together, against each pixel's colour evidence (-ln of its colour's share
 * in the object's and the scene's histograms), where the two neighbours' colours are alike. Chosen on
 * busy scenes of training products (80 photos, seeds 45000+): exact R@1 0.51–0.53 at 5, 10 and 50.
 */
const GRABCUT_SMOOTHNESS = 10;
/** A colour the histogram has never seen still gets this share, so that no pixel's cost is infinite. */
const GRABCUT_SHARE_FLOOR = 1e-4;

/**
 * The salient object of a busy scene, as GrabCut starts: the colours denser inside the salient box than
 * outside it are the object's; of the pixels with those colours, the connected part that is largest
 * near the box's centre, holes filled, is the object. Each round re-estimates both colour models from
 * that object, so scene pieces that lie inside the box but apart from the object turn to scene. When
 * that leaves an object too small or too large for its box (its colours are also the scene's), GrabCut's
 * own rounds follow: a minimum cut that also weighs the edges between colours (grabCutRound).
 */
function salientObject(blurred: Float32Array, bins: Uint16Array, width: number, height: number, box: PixelBox, scale: number): Mask | null {
  const reach = grownBox(box, OBJECT_BOX_GROWTH, width, height);
  let isObject = (i: number) => {
    const x = i % width;
    const y = (i - x) / width;
    return x >= box.x0 && x < box.x1 && y >= box.y0 && y < box.y1;
  };
  const r = Math.max(1, Math.round(2 * scale));
  const centre = { x: (box.x0 + box.x1) / 2, y: (box.y0 + box.y1) / 2, half: Math.hypot(box.x1 - box.x0, box.y1 - box.y0) / 2 };
  let object: Mask | null = null;
  for (let round = 0; round < OBJECT_ROUNDS; round++) {
    const coloured = objectColours(bins, { width, height }, isObject, reach, r);
    const part = coloured && centralPart(coloured, centre);
    if (!part) return null;
    object = fillHoles(close(part, r));
    const mask = object.data;
    isObject = (i) => mask[i] === 1;
  }
  const settled = (o: Mask) => {
    const share = count(o.data) / boxArea(box);
    return share >= MIN_OBJECT_OF_BOX && share <= MAX_OBJECT_OF_BOX;
  };
  for (let round = 0; round < GRABCUT_ROUNDS && !settled(object!); round++) {
    const cut = grabCutRound(blurred, bins, width, height, object!, reach);
    const part = cut && centralPart(cut, centre);
    if (!part) return null;
    object = fillHoles(part);
  }
  return settled(object!) ? object : null;
}

/**
 * The pixels within `reach` whose colour is OBJECT_COLOUR_RATIO times denser among the object's than
 * elsewhere (or `ratios` times, per pixel, where given), opened; null when either side is empty.
 */
function objectColours(
  bins: Uint16Array,
  size: { width: number; height: number },
  isObject: (i: number) => boolean,
  reach: PixelBox,
  r: number,
  ratios: Float32Array | null = null,
): Mask | null {
  const models = colourModels(bins, isObject);
  if (!models) return null;
  const { fg, bg } = models;
  const { width, height } = size;
  const data = new Uint8Array(width * height);
  for (let y = reach.y0; y < reach.y1; y++) {
    for (let x = reach.x0; x < reach.x1; x++) {
      const i = y * width + x;
      if (fg[bins[i]!]! > (ratios ? ratios[i]! : OBJECT_COLOUR_RATIO) * bg[bins[i]!]!) data[i] = 1;
    }
  }
  return open({ data, width, height }, r);
}

/** A box grown by `share` of its size beyond each side, within the image. */
function grownBox(box: PixelBox, share: number, width: number, height: number): PixelBox {
  const gx = share * (box.x1 - box.x0);
  const gy = share * (box.y1 - box.y0);
  return {
    x0: Math.max(0, Math.floor(box.x0 - gx)),
    y0: Math.max(0, Math.floor(box.y0 - gy)),
    x1: Math.min(width, Math.ceil(box.x1 + gx)),
    y1: Math.min(height, Math.ceil(box.y1 + gy)),
  };
}

/** The colour histograms of an object's pixels and of the rest of the photo; null when either is empty. */
function colourModels(bins: Uint16Array, isObject: (i: number) => boolean): { fg: Float32Array; bg: Float32Array } | null {
  const inside: number[] = [];
  const outside: number[] = [];
  for (let i = 0; i < bins.length; i += 1) (isObject(i) ? inside : outside).push(i);
  if (!inside.length || !outside.length) return null;
  return { fg: colourHistogram(bins, inside), bg: colourHistogram(bins, outside) };
}

/** The connected part of a mask that is largest near a centre (area weighed down with distance, to a tenth at `half`). */
function centralPart(mask: Mask, centre: { x: number; y: number; half: number }): Mask | null {
  const { labels, components } = connectedComponents(mask);
  let best: (typeof components)[number] | null = null;
  let bestScore = 0;
  for (const c of components) {
    const score = c.area * Math.max(0.1, 1 - Math.hypot(c.cx - centre.x, c.cy - centre.y) / centre.half);
    if (score > bestScore) [best, bestScore] = [c, score];
  }
  return best && maskOfLabels(labels, new Set([best.label]), mask.width, mask.height);
}

/**
 * One GrabCut round (Rother et al. 2004, with colour histograms for its mixtures): colour models from the
 * current object and the rest of the photo, then the minimum cut within `reach` (beyond it is scene),
 * where a pixel pays for the side its colour fits worse and neighbours pay for being parted, the more
 * the alike their colours.
 */
function grabCutRound(blurred: Float32Array, bins: Uint16Array, width: number, height: number, object: Mask, reach: PixelBox): Mask | null {
  const models = colourModels(bins, (i) => object.data[i] === 1);
  if (!models) return null;
  const { fg, bg } = models;
  const w = reach.x1 - reach.x0;
  const h = reach.y1 - reach.y0;
  const n = w * h;
  const difference = (a: number, b: number) => {
    const dr = blurred[a * 3]! - blurred[b * 3]!;
    const dg = blurred[a * 3 + 1]! - blurred[b * 3 + 1]!;
    const db = blurred[a * 3 + 2]! - blurred[b * 3 + 2]!;
    return dr * dr + dg * dg + db * db;
  };
  const pixel = (k: number) => (reach.y0 + Math.floor(k / w)) * width + reach.x0 + (k % w);
  const right = new Float32Array(n);
  const down = new Float32Array(n);
  let sum = 0;
  let pairs = 0;
  for (let k = 0; k < n; k++) {
    const i = pixel(k);
    if (k % w < w - 1) {
      sum += right[k] = difference(i, i + 1);
      pairs++;
    }
    if (k + w < n) {
      sum += down[k] = difference(i, i + width);
      pairs++;
    }
  }
  // GrabCut's contrast scale: the mean squared colour step between neighbours.
  const beta = sum > 0 ? pairs / (2 * sum) : 0;
  const link = (d2: number) => GRABCUT_SMOOTHNESS * Math.exp(-beta * d2);
  const toSource = new Float32Array(n);
  const toSink = new Float32Array(n);
  for (let k = 0; k < n; k++) {
    const i = pixel(k);
    const [x, y] = [k % w, Math.floor(k / w)];
    toSource[k] = -Math.log(Math.max(GRABCUT_SHARE_FLOOR, bg[bins[i]!]!));
    toSink[k] = -Math.log(Math.max(GRABCUT_SHARE_FLOOR, fg[bins[i]!]!));
    right[k] = link(right[k]!);
    down[k] = link(down[k]!);
    // A pixel on the reach's edge pays for the object ending there against the scene beyond.
    if (x === 0 && reach.x0 > 0) toSink[k]! += link(difference(i, i - 1));
    if (x === w - 1 && reach.x1 < width) toSink[k]! += link(difference(i, i + 1));
    if (y === 0 && reach.y0 > 0) toSink[k]! += link(difference(i, i - width));
    if (y === h - 1 && reach.y1 < height) toSink[k]! += link(difference(i, i + width));
  }
  const cut = gridMinCut({ width: w, height: h, toSource, toSink, right, down });
  const data = new Uint8Array(width * height);
  for (let k = 0; k < n; k++) data[pixel(k)] = cut[k]!;
  return { data, width, height };
}

/** How many sides of the photo a box touches. */
function framedSides(box: PixelBox, width: number, height: number): number {
  return [box.x0 <= 1, box.y0 <= 1, box.x1 >= width - 1, box.y1 >= height - 1].filter(Boolean).length;
}

/** Smoothing before comparing with the backdrop: evens out texture, noise and JPEG blocks. */
function blurRadius(scale: number): number {
  return Math.max(1, Math.round(2 * scale));
}

function count(data: Uint8Array): number {
  let n = 0;
  for (let i = 0; i < data.length; i++) n += data[i]!;
  return n;
}

/**
 * Cells of a garment map at or above this share seed the map's own outline. Chosen on busy scenes of
 * training products only (40 photos, seeds 45500+), with an earlier fit of the head: exact R@1 / R@10
 * of the map's outline alone were 17–19 / 32–34 at 0.2 and 0.25, 20–21 / 33–34 at 0.3 and 19–21 /
 * 29–34 at 0.35 (as the refinements below varied), against 15 / 29 for the colour outline.
 */
const MAP_SEED_SHARE = 0.3;
/** Colour rounds, then GrabCut rounds, that take the map's seed to the garment's edges (same photos: 2 and 1; 1+1, 2+2 and 3+0 were no better). */
const MAP_COLOUR_ROUNDS = 2;
const MAP_GRABCUT_ROUNDS = 1;
/**
 * In the map's colour rounds, a colour's OBJECT_COLOUR_RATIO is scaled by the map's odds against the
 * garment at the pixel, ((1 − share) / share) to this power: where the map is sure, a colour a little
 * denser in the object than in the scene is enough (a garment's shaded edges, a strap), where it is
 * unsure the full ratio holds. Chosen on busy scenes of training products (160 photos, seed 45500):
 * exact R@1 / R@10 of describe's search 94 / 142 without it, 99 / 143, 104 / 146, 102 / 146 and 102 / 145
 * at 0.25, 0.5, 0.75 and 1; at 0.5 on 160 more (seed 47000), 107 / 149 against 106 / 146.
 */
const MAP_ODDS_EXPONENT = 0.5;
/** The map's share is kept this far from 0 and 1, so that its odds stay finite. */
const MAP_SHARE_FLOOR = 0.02;
/**
 * The outline may reach the box of the map's cells from this share (their largest part) where that lies
 * beyond the seed's box grown by OBJECT_BOX_GROWTH: a sleeve or a strap the map is unsure of stays within
 * reach. Chosen on busy scenes of training products (160 photos each of seeds 45500, 47000, 40000, 41000
 * and 43000, near-copies leading): exact R@1 / R@10 of describe's search 580 / 727 without it, 595 / 735
 * with it (better on four seeds, 3 / 2 worse on one; the outline's mean IoU higher on all five).
 */
const MAP_REACH_SHARE = 0.15;

/**
 * A busy scene's outline with a garment map's help. The map's own outline (mapOutline) and the
 * detector's colour outline compete: the one that agrees best with the map (soft intersection over
 * union) stands. On the photos above, 21 / 32 with the committed head, against 15 / 29 for the colour
 * outline alone.
 */
export function outlineWithMap(image: RgbImage, region: GarmentRegion, map: CellMap): GarmentRegion {
  const { width, height } = image;
  const spread = spreadCellMap(map, width, height);
  const fromMap = mapOutline(image, spread);
  const candidates = [fromMap && wholeRegion(fromMap, width, height), region.mask ? region : null].filter((r) => r !== null);
  let best = region;
  let bestAgreement = -1;
  for (const candidate of candidates) {
    let inside = 0;
    let outside = 0;
    let area = 0;
    for (let i = 0; i < spread.length; i++) {
      if (candidate.mask![i]) {
        inside += spread[i]!;
        area++;
      } else outside += spread[i]!;
    }
    const agreement = inside / Math.max(1, area + outside);
    if (agreement > bestAgreement) [best, bestAgreement] = [candidate, agreement];
  }
  return best;
}

/**
 * The garment as the map sees it: its cells from MAP_SEED_SHARE, their largest part, holes filled, taken to
 * the garment's edges at separation size within reach (the seed's grown box and MAP_REACH_SHARE's).
 */
function mapOutline(image: RgbImage, spread: Float32Array): Mask | null {
  const factor = Math.max(1, Math.floor(Math.max(image.width, image.height) / SEPARATION_SIDE));
  const small = factor === 1 ? image : downsample(image, factor);
  const { width, height } = small;
  // Each pixel's colour ratio for the colour rounds (MAP_ODDS_EXPONENT), and the seed.
  const ratios = new Float32Array(width * height);
  const seeded = new Uint8Array(width * height);
  const reachable = new Uint8Array(width * height);
  for (let y = 0; y < height; y++) {
    const row = Math.min(image.height - 1, y * factor) * image.width;
    for (let x = 0; x < width; x++) {
      const share = spread[row + Math.min(image.width - 1, x * factor)]!;
      const sure = Math.min(1 - MAP_SHARE_FLOOR, Math.max(MAP_SHARE_FLOOR, share));
      ratios[y * width + x] = OBJECT_COLOUR_RATIO * ((1 - sure) / sure) ** MAP_ODDS_EXPONENT;
      seeded[y * width + x] = share >= MAP_SEED_SHARE ? 1 : 0;
      reachable[y * width + x] = share >= MAP_REACH_SHARE ? 1 : 0;
    }
  }
  const largest = centralPart({ data: seeded, width, height }, { x: width / 2, y: height / 2, half: Infinity });
  if (!largest) return null;
  let object = fillHoles(largest);
  const box = maskBox(object)!;
  const scale = Math.max(width, height) / 512;
  const blurred = boxBlurRgb(small.data, width, height, blurRadius(scale));
  const bins = colourBins(blurred, width * height);
  const mapReach = centralPart({ data: reachable, width, height }, { x: width / 2, y: height / 2, half: Infinity });
  const grown = grownBox(box, OBJECT_BOX_GROWTH, width, height);
  const reach = mapReach ? unionBox(grown, maskBox(mapReach)!) : grown;
  const r = Math.max(1, Math.round(2 * scale));
  const centre = { x: (box.x0 + box.x1) / 2, y: (box.y0 + box.y1) / 2, half: Math.hypot(box.x1 - box.x0, box.y1 - box.y0) / 2 };
  for (let round = 0; round < MAP_COLOUR_ROUNDS; round++) {
    const mask = object.data;
    const coloured = objectColours(bins, { width, height }, (i) => mask[i] === 1, reach, r, ratios);
    const part = coloured && centralPart(coloured, centre);
    if (!part) return null;
    object = fillHoles(close(part, r));
  }
  for (let round = 0; round < MAP_GRABCUT_ROUNDS; round++) {
    const cut = grabCutRound(blurred, bins, width, height, object, reach);
    const part = cut && centralPart(cut, centre);
    if (!part) return null;
    object = fillHoles(part);
  }
  return factor === 1 ? object : upscaleMask(object, factor, image.width, image.height);
}
