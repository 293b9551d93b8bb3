import sharp from "sharp";
import { ClientError } from "../errors.ts";
import { decodeUpright, type ImageLimits } from "../image/preprocess.ts";
import type { Metrics } from "../metrics.ts";
import { erode, maskBox, type Mask, type PixelBox } from "../describe/mask-ops.ts";
import type { RgbImage } from "../describe/ports.ts";
import { garmentKind, HEM_BY_CATEGORY, type GarmentKind } from "./categories.ts";
import { fitFor, type Fit, type FitRequest } from "./fit.ts";
import { findAnchors } from "./garment-anchors.ts";
import { assessPose, placeGarment, type Body } from "./body-placement.ts";
import { fitThinPlateSpline, sampleGrid, type Point } from "./thin-plate-spline.ts";
import { blurChannel, compositeGarment, softMask, traceOutline } from "./compositor.ts";
import { occlusionMap } from "./occlusion.ts";
import type { GarmentCutter, PersonParser } from "./ports.ts";

/** Long side of the person photo the try-on works on and answers with (a 1-MP photo keeps its size). */
export const TRY_ON_SIDE = 1280;
/** Long side the garment image is read at. */
const GARMENT_SIDE = 512;
/** Smallest accepted photos (shorter side, upload pixels). */
export const MIN_PERSON_SIDE = 160;
export const MIN_GARMENT_SIDE = 64;
/** The silhouette a person must cover at least. */
const MIN_PERSON_COVERAGE = 0.02;
/** The body → garment map is sampled every this many pixels and interpolated between. */
const MAP_STEP = 4;
/** Long side of the copy the person models and the silhouette work on. */
const PARSE_SIDE = 512;

export interface TryOnRequest {
  person: Uint8Array;
  garment: Uint8Array;
  category: string;
  fit?: FitRequest;
  format?: "jpeg" | "png";
}

export interface PlacedKeypoint {
  x: number;
  y: number;
  score: number;
  /** Not seen in the photo: placed from the other joints. */
  estimated?: boolean;
}

export interface TryOnResult {
  image: { contentType: "image/jpeg" | "image/png"; width: number; height: number; data: Buffer };
  placement: {
    /** The pixel space of keypoints and outline: the uploaded photo, upright (EXIF orientation applied). */
    width: number;
    height: number;
    keypoints: Record<string, PlacedKeypoint>;
    /** Where the warp took the garment's points meant for the shoulder and hip joints (hips only for bottoms). */
    anchors: Record<string, { x: number; y: number }>;
    outline: Array<[number, number]>;
    warnings: string[];
  };
  kind: GarmentKind;
  fit: Fit;
}

export interface TryOnServiceOptions {
  limits: ImageLimits;
  person: PersonParser;
  garments: GarmentCutter;
  metrics?: Metrics | null;
}

/** POST /v1/try-on: a garment from its product image, warped onto the shopper's photo. */
export class TryOnService {
  constructor(private readonly options: TryOnServiceOptions) {}

  async tryOn(request: TryOnRequest): Promise<TryOnResult> {
    const kind = garmentKind(request.category);
    const fit = fitFor(request.fit ?? {}, kind);
    const { limits } = this.options;
    const personPhoto = await this.measure("try_on_decode", () => decodeUpright(request.person, limits, TRY_ON_SIDE));
    if (Math.min(personPhoto.width, personPhoto.height) < MIN_PERSON_SIDE) {
      throw new ClientError(
        422,
        "image_too_small",
        `The person photo is ${personPhoto.width}×${personPhoto.height} pixels; send one at least ${MIN_PERSON_SIDE} pixels on its shorter side.`,
      );
    }
    const garmentPhoto = await this.measure("try_on_decode", () => decodeUpright(request.garment, limits, GARMENT_SIDE));
    if (Math.min(garmentPhoto.width, garmentPhoto.height) < MIN_GARMENT_SIDE) {
      throw new ClientError(
        422,
        "image_too_small",
        `The garment image is ${garmentPhoto.width}×${garmentPhoto.height} pixels; send one at least ${MIN_GARMENT_SIDE} pixels on its shorter side.`,
      );
    }
    const image = personPhoto.image;
    const toUpload = personPhoto.width / image.width;
    // The person is found on a smaller copy: the models see 192–256 pixels anyway, and the mask is upsampled softly below.
    const small = await downscale(image, PARSE_SIDE);
    const toImage = image.width / small.width;

    const person = await this.measure("try_on_person", () => this.options.person.parse(small));
    if (person.people > 1) {
      throw new ClientError(422, "several_people", "More than one person is in the photo: send a photo of just the person trying the garment on.");
    }
    if (person.people === 0 || person.coverage < MIN_PERSON_COVERAGE) {
      throw new ClientError(422, "no_person", "No person found in the photo: send a photo of one person facing the camera.");
    }
    const joints = person.keypoints.map((k) => ({ ...k, x: k.x * toImage, y: k.y * toImage }));
    const body = assessPose(joints, kind, toUpload, (p) => shownInPhoto(person.mask, p.x / toImage, p.y / toImage));
    // Segmentation leaves holes on bright or busy clothes; the torso between the joints is the person whatever it says.
    const silhouette = withTorso(person.mask, body, 1 / toImage);

    const t0 = performance.now();
    const garmentMask = this.options.garments.cut(garmentPhoto.image);
    const anchors = garmentMask && findAnchors(garmentMask, kind);
    if (!garmentMask || !anchors) {
      throw new ClientError(422, "garment_not_found", "No garment stands out in the garment image: send a product photo on a plain background.");
    }
    const placement = placeGarment(anchors, body, fit, { hem: HEM_BY_CATEGORY[request.category] });
    this.options.metrics?.observeStage("try_on_garment", (performance.now() - t0) / 1000);

    const warpedJoints: Record<string, Point> = {};
    const composite = await this.measure("try_on_warp", async () => {
      const toGarment = fitThinPlateSpline(placement.to, placement.from);
      const toBody = fitThinPlateSpline(placement.from, placement.to);
      for (const [name, p] of Object.entries(placement.joints)) warpedJoints[name] = toBody.map(p.x, p.y);
      const torso = body.torso;
      // The silhouette grown by 3% of the torso (the segmentation's edge wanders about that much), softened, at full size.
      const smallTorso = torso / toImage;
      const clip = resizeChannel(
        softMask(silhouette, Math.max(1, Math.round(0.03 * smallTorso)), Math.max(1, Math.round(0.01 * smallTorso))),
        small.width,
        small.height,
        image.width,
        image.height,
      );
      belowNeckline(clip, body, image);
      const box = warpedBox(garmentMask, toBody, silhouette, toImage, image, Math.round(0.05 * torso));
      if (!box) return null;
      return compositeGarment({
        person: image,
        clip,
        occlusion: occlusionMap(body, silhouette, toImage, image),
        garment: garmentPhoto.image,
        // In by two pixels, then feathered: the separation's edge carries a rim of backdrop that would show as a light fringe.
        garmentAlpha: blurChannel(
          Float32Array.from(withoutSleeves(erode(garmentMask, 2), anchors, placement.droppedSleeves ?? []).data),
          garmentMask.width,
          garmentMask.height,
          1,
        ),
        sleeveColumns:
          anchors.kind === "upper" && (anchors.sleeveEndLeft || anchors.sleeveEndRight) ? { x0: anchors.bodyX0, x1: anchors.bodyX1 } : null,
        map: sampleGrid(toGarment, box, MAP_STEP),
        box,
        shadeRadius: Math.max(2, Math.round(0.025 * torso)),
      });
    });
    const outline = composite ? traceOutline(composite.alpha, composite.box) : [];
    if (outline.length < 3) {
      throw new ClientError(
        422,
        "pose_not_supported",
        "The garment does not land on the person in this photo: face the camera with your torso in view.",
      );
    }
    const warnings = [...body.warnings, ...placement.warnings];
    if (image.width !== personPhoto.width)
      warnings.push(`The image is answered at ${image.width}×${image.height} pixels; keypoints and outline are in the upload's pixels.`);
    const format = request.format ?? "jpeg";
    const encoded = await this.measure("try_on_encode", () => {
      const pipeline = sharp(Buffer.from(composite!.image.data.buffer, composite!.image.data.byteOffset, composite!.image.data.byteLength), {
        raw: { width: image.width, height: image.height, channels: 3 },
      });
      return format === "png" ? pipeline.png({ compressionLevel: 6 }).toBuffer() : pipeline.jpeg({ quality: 90, mozjpeg: false }).toBuffer();
    });
    const round = (v: number) => Math.round(v * toUpload * 10) / 10;
    const keypoints: Record<string, PlacedKeypoint> = {};
    for (const [name, joint] of Object.entries(body.joints)) {
      keypoints[name] = {
        x: round(joint.x),
        y: round(joint.y),
        score: Math.round(joint.score * 1000) / 1000,
        ...(joint.estimated ? { estimated: true } : {}),
      };
    }
    return {
      image: { contentType: format === "png" ? "image/png" : "image/jpeg", width: image.width, height: image.height, data: encoded },
      placement: {
        width: personPhoto.width,
        height: personPhoto.height,
        keypoints,
        anchors: Object.fromEntries(Object.entries(warpedJoints).map(([name, p]) => [name, { x: round(p.x), y: round(p.y) }])),
        outline: outline.map((p) => [round(p.x), round(p.y)]),
        warnings,
      },
      kind,
      fit,
    };
  }

  private async measure<T>(stage: string, run: () => Promise<T>): Promise<T> {
    const t0 = performance.now();
    const out = await run();
    this.options.metrics?.observeStage(stage, (performance.now() - t0) / 1000);
    return out;
  }
}

/** Where the warped garment can land: its mask's pixels (sampled) sent to the body, grown by a margin, within the person's reach. */
function warpedBox(
  garment: Mask,
  toBody: { map(x: number, y: number): Point },
  person: Mask,
  scale: number,
  image: { width: number; height: number },
  margin: number,
): PixelBox | null {
  const step = Math.max(2, Math.round(Math.max(garment.width, garment.height) / 96));
  let x0 = Infinity,
    y0 = Infinity,
    x1 = -Infinity,
    y1 = -Infinity;
  for (let y = 0; y < garment.height; y += step) {
    for (let x = 0; x < garment.width; x += step) {
      if (!garment.data[y * garment.width + x]) continue;
      const p = toBody.map(x, y);
      x0 = Math.min(x0, p.x);
      y0 = Math.min(y0, p.y);
      x1 = Math.max(x1, p.x);
      y1 = Math.max(y1, p.y);
    }
  }
  const found = maskBox(person);
  if (!found || !Number.isFinite(x0)) return null;
  const reach = { x0: found.x0 * scale, y0: found.y0 * scale, x1: found.x1 * scale, y1: found.y1 * scale };
  const box = {
    x0: Math.round(Math.max(0, Math.floor(x0) - margin, reach.x0 - margin)),
    y0: Math.round(Math.max(0, Math.floor(y0) - margin, reach.y0 - margin)),
    x1: Math.round(Math.min(image.width, Math.ceil(x1) + margin, reach.x1 + margin)),
    y1: Math.round(Math.min(image.height, Math.ceil(y1) + margin, reach.y1 + margin)),
  };
  return box.x1 - box.x0 >= 2 && box.y1 - box.y0 >= 2 ? box : null;
}

/**
 * The clip cleared above the neckline (in place): the garment never covers the neck or the face. The
 * line runs along the shoulders, raised by a quarter of the way up to the nose (or the ears, the eyes;
 * a fifth of the shoulders' width without a face), softened over two pixels.
 */
export function belowNeckline(clip: Float32Array, body: Body, image: { width: number; height: number }): void {
  const { left_shoulder: ls, right_shoulder: rs, left_hip: lh, right_hip: rh } = body.joints;
  if (!ls || !rs) return;
  const shoulderMid = { x: (ls.x + rs.x) / 2, y: (ls.y + rs.y) / 2 };
  const hipMid = lh && rh ? { x: (lh.x + rh.x) / 2, y: (lh.y + rh.y) / 2 } : { x: shoulderMid.x, y: shoulderMid.y + 1 };
  const n = Math.hypot(hipMid.x - shoulderMid.x, hipMid.y - shoulderMid.y) || 1;
  const down = { x: (hipMid.x - shoulderMid.x) / n, y: (hipMid.y - shoulderMid.y) / n };
  const along = (p: Point) => (p.x - shoulderMid.x) * down.x + (p.y - shoulderMid.y) * down.y;
  const face = (["nose", "left_ear", "right_ear", "left_eye", "right_eye"] as const)
    .map((k) => body.joints[k])
    .filter((p): p is NonNullable<typeof p> => !!p);
  const shoulderWidth = Math.hypot(ls.x - rs.x, ls.y - rs.y);
  const headUp = face.length ? -Math.max(...face.map(along)) : 0;
  const rise = headUp > 0 ? Math.min(0.25 * headUp, 0.2 * shoulderWidth) : 0.2 * shoulderWidth;
  const { width, height } = image;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const d = (x - shoulderMid.x) * down.x + (y - shoulderMid.y) * down.y + rise;
      if (d >= 1) continue;
      const i = y * width + x;
      clip[i] = clip[i]! * Math.max(0, (d + 1) / 2);
    }
  }
}

/** The garment mask without the named sleeves (the columns beside its body, down to the sleeve's end). */
function withoutSleeves(mask: Mask, anchors: ReturnType<typeof findAnchors>, sides: Array<"left" | "right">): Mask {
  if (!sides.length || !anchors || anchors.kind !== "upper") return mask;
  const data = new Uint8Array(mask.data);
  for (const side of sides) {
    const end = side === "left" ? anchors.sleeveEndLeft : anchors.sleeveEndRight;
    const armpit = side === "left" ? anchors.armpitLeft : anchors.armpitRight;
    const bottom = Math.min(mask.height - 1, Math.round(Math.max(end?.y ?? 0, armpit?.y ?? 0) + 0.05 * mask.height));
    for (let y = 0; y <= bottom; y++) {
      for (let x = 0; x < mask.width; x++) {
        if (side === "left" ? x < anchors.bodyX0 - 1 : x > anchors.bodyX1) data[y * mask.width + x] = 0;
      }
    }
  }
  return { data, width: mask.width, height: mask.height };
}

/** A smaller copy (long side `side`), or the image itself when it is small already. */
async function downscale(image: RgbImage, side: number): Promise<RgbImage> {
  if (Math.max(image.width, image.height) <= side) return image;
  const { data, info } = await sharp(Buffer.from(image.data.buffer, image.data.byteOffset, image.data.byteLength), {
    raw: { width: image.width, height: image.height, channels: 3 },
  })
    .resize({ width: side, height: side, fit: "inside" })
    .raw()
    .toBuffer({ resolveWithObject: true });
  return { data: new Uint8Array(data.buffer, data.byteOffset, data.byteLength), width: info.width, height: info.height };
}

/** Bilinear resize of one float channel. */
export function resizeChannel(src: Float32Array, sw: number, sh: number, dw: number, dh: number): Float32Array {
  if (sw === dw && sh === dh) return src;
  const out = new Float32Array(dw * dh);
  const fx = sw / dw;
  const fy = sh / dh;
  for (let y = 0; y < dh; y++) {
    const sy = Math.min(sh - 1, Math.max(0, (y + 0.5) * fy - 0.5));
    const y0 = Math.floor(sy);
    const y1 = Math.min(sh - 1, y0 + 1);
    const wy = sy - y0;
    for (let x = 0; x < dw; x++) {
      const sx = Math.min(sw - 1, Math.max(0, (x + 0.5) * fx - 0.5));
      const x0 = Math.floor(sx);
      const x1 = Math.min(sw - 1, x0 + 1);
      const wx = sx - x0;
      const top = src[y0 * sw + x0]! * (1 - wx) + src[y0 * sw + x1]! * wx;
      const bottom = src[y1 * sw + x0]! * (1 - wx) + src[y1 * sw + x1]! * wx;
      out[y * dw + x] = top * (1 - wy) + bottom * wy;
    }
  }
  return out;
}

/**
 * Whether the photo shows this point of the person (mask pixels): inside the frame, with the silhouette
 * within 2% of the mask's long side (the joints sit inside the body, the mask's edge wanders).
 */
export function shownInPhoto(mask: Mask, x: number, y: number): boolean {
  if (x < 0 || y < 0 || x > mask.width - 1 || y > mask.height - 1) return false;
  const r = Math.max(2, Math.round(0.02 * Math.max(mask.width, mask.height)));
  const cx = Math.round(x);
  const cy = Math.round(y);
  for (let yy = Math.max(0, cy - r); yy <= Math.min(mask.height - 1, cy + r); yy++) {
    for (let xx = Math.max(0, cx - r); xx <= Math.min(mask.width - 1, cx + r); xx++) {
      if (mask.data[yy * mask.width + xx] && (xx - cx) ** 2 + (yy - cy) ** 2 <= r * r) return true;
    }
  }
  return false;
}

/** The silhouette with the quadrilateral between the shoulders and hips set (joints scaled by `scale` to the mask). */
export function withTorso(mask: Mask, body: Body, scale: number): Mask {
  const { left_shoulder: ls, right_shoulder: rs, left_hip: lh, right_hip: rh } = body.joints;
  // Estimated hips may lie on a table or below the frame: only seen joints vouch for the person.
  if (!ls || !rs || !lh || !rh || lh.estimated || rh.estimated) return mask;
  const quad = [rs, ls, lh, rh].map((p) => ({ x: p.x * scale, y: p.y * scale }));
  const data = new Uint8Array(mask.data);
  const y0 = Math.max(0, Math.floor(Math.min(...quad.map((p) => p.y))));
  const y1 = Math.min(mask.height - 1, Math.ceil(Math.max(...quad.map((p) => p.y))));
  for (let y = y0; y <= y1; y++) {
    // Where the row crosses the quadrilateral's edges: fill between the outermost crossings.
    const xs: number[] = [];
    for (let i = 0; i < 4; i++) {
      const a = quad[i]!;
      const b = quad[(i + 1) % 4]!;
      if (a.y > y + 0.5 === b.y > y + 0.5) continue;
      xs.push(a.x + ((y + 0.5 - a.y) * (b.x - a.x)) / (b.y - a.y));
    }
    if (xs.length < 2) continue;
    const from = Math.max(0, Math.ceil(Math.min(...xs)));
    const to = Math.min(mask.width - 1, Math.floor(Math.max(...xs)));
    for (let x = from; x <= to; x++) data[y * mask.width + x] = 1;
  }
  return { data, width: mask.width, height: mask.height };
}
