import sharp, { type Metadata as SharpMetadata, type Sharp } from "sharp";
import { ClientError } from "../errors.ts";
import { ACCEPTED_FORMATS, openImage, readImageHeader, type AcceptedFormat } from "./decoder.ts";
import { detectRotatedContent } from "./straighten.ts";
import { colourThumbnail } from "../dedup/colour-thumbnail.ts";

/** Side of the square the embedding models take. */
export const MODEL_INPUT_SIZE = 224;
/** Long side of the aspect-preserving grey image keypoints are found on (src/dedup/keypoints.ts). */
export const KEYPOINT_SIDE = 224;
/**
 * Long side of the working copy that straightening and trimming look at, and that the model input
 * and keypoint image are made from: twice their size keeps their detail, and lets a JPEG of at
 * least twice this size be decoded straight at 1/2, 1/4 or 1/8 scale (libjpeg's shrink-on-load),
 * which bench/throughput.ts measured as the largest part of an upload's decode at 1024.
 */
export const WORK_SIDE = 2 * MODEL_INPUT_SIZE;

export interface ImageLimits {
  /** Largest accepted encoded file, in bytes. */
  maxBytes: number;
  /** Largest accepted decoded image, in pixels (width × height). */
  maxPixels: number;
}

export const DEFAULT_IMAGE_LIMITS: ImageLimits = {
  // Medusa accepts uploads up to 10 MB: the sidecar is sent those images, nothing larger.
  maxBytes: 10 * 1024 * 1024,
  maxPixels: 40_000_000,
};

/** An image decoded once and normalised for every consumer (embedder and hasher). */
export interface PreparedImage {
  /** 224×224 sRGB, 3 channels, row-major, 0..255. */
  rgb: Uint8Array;
  /** The same content in grey at its true proportions, long side KEYPOINT_SIDE (for keypoints). */
  grey: { data: Uint8Array; width: number; height: number };
  /** 16×16 colour thumbnail of the whole upright picture, before straightening and trimming (src/dedup/colour-thumbnail.ts). */
  picture: Uint8Array;
  /** Size of the source after EXIF orientation, before trimming. */
  width: number;
  height: number;
  format: AcceptedFormat;
}

type Format = "jpeg" | "png" | "webp" | "gif" | "avif" | "heif" | "tiff";

/** Identifies the container from its magic bytes; the client's content type is not trusted. */
export function sniffImageFormat(buf: Uint8Array): Format | null {
  const b = buf;
  if (b.length < 12) return null;
  if (b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return "jpeg";
  // The whole signature, as Medusa checks it: a PNG mangled by a text-mode transfer is not one.
  if (b[0] === 0x89 && b[1] === 0x50 && b[2] === 0x4e && b[3] === 0x47 && b[4] === 0x0d && b[5] === 0x0a && b[6] === 0x1a && b[7] === 0x0a)
    return "png";
  if (b[0] === 0x52 && b[1] === 0x49 && b[2] === 0x46 && b[3] === 0x46 && b[8] === 0x57 && b[9] === 0x45 && b[10] === 0x42 && b[11] === 0x50)
    return "webp";
  if (b[0] === 0x47 && b[1] === 0x49 && b[2] === 0x46 && b[3] === 0x38) return "gif";
  if ((b[0] === 0x49 && b[1] === 0x49 && b[2] === 0x2a && b[3] === 0x00) || (b[0] === 0x4d && b[1] === 0x4d && b[2] === 0x00 && b[3] === 0x2a))
    return "tiff";
  if (b[4] === 0x66 && b[5] === 0x74 && b[6] === 0x79 && b[7] === 0x70) {
    const brand = String.fromCharCode(b[8]!, b[9]!, b[10]!, b[11]!);
    if (brand.startsWith("avi")) return "avif";
    if (["heic", "heix", "mif1", "msf1", "heim", "heis"].includes(brand)) return "heif";
  }
  return null;
}

/**
 * Validates and decodes an upload, applies EXIF orientation, converts to sRGB,
 * flattens transparency on white, trims uniform borders (so letterboxed or
 * padded copies line up with the original) and squashes to 224×224.
 */
export async function prepareImage(buf: Uint8Array, limits: ImageLimits = DEFAULT_IMAGE_LIMITS): Promise<PreparedImage> {
  const { format, width, height } = await checkUpload(buf, limits);
  try {
    return { ...(await normalisedPixels(buf, limits.maxPixels)), width, height, format };
  } catch {
    throw new ClientError(422, "invalid_image", `The ${FORMAT_NAMES[format]} file is damaged or truncated.`);
  }
}

/**
 * The checks every upload passes before it is decoded (size, format by magic bytes, a readable
 * header, the pixel limit), with the errors every route answers. Returns the upright size.
 */
export async function checkUpload(buf: Uint8Array, limits: ImageLimits): Promise<{ format: AcceptedFormat; width: number; height: number }> {
  if (buf.length === 0) throw new ClientError(400, "empty_image", "The image part is empty.");
  if (buf.length > limits.maxBytes) {
    throw new ClientError(413, "image_too_large", `The image is ${buf.length} bytes; the limit is ${limits.maxBytes} bytes.`);
  }
  const sniffed = sniffImageFormat(buf);
  const format = ACCEPTED_FORMATS.find((f) => f === sniffed);
  if (!format) {
    const what = sniffed ? `a ${FORMAT_NAMES[sniffed]} image` : "not a JPEG, PNG or WebP image";
    throw new ClientError(415, "unsupported_image_format", `The file is ${what} (checked by its leading bytes); send a JPEG, PNG or WebP image.`);
  }
  const name = FORMAT_NAMES[format];
  let meta: SharpMetadata;
  try {
    meta = await readImageHeader(buf);
  } catch {
    throw new ClientError(422, "invalid_image", `The ${name} file cannot be read: its header is damaged or incomplete.`);
  }
  // The decoder reports the container it found; a PNG whose bytes start like a JPEG is not one.
  if (meta.format !== format) throw new ClientError(422, "invalid_image", `The file starts like a ${name} image but is not a readable one.`);
  const width = meta.autoOrient?.width ?? meta.width ?? 0;
  const height = meta.autoOrient?.height ?? meta.height ?? 0;
  if (!width || !height) throw new ClientError(422, "invalid_image", `The ${name} file has no readable dimensions.`);
  if (width * height > limits.maxPixels) {
    throw new ClientError(
      413,
      "image_too_many_pixels",
      `The image is ${width}×${height} = ${width * height} pixels; the limit is ${limits.maxPixels} pixels.`,
    );
  }
  return { format, width, height };
}

/**
 * An upload checked and decoded once, upright (EXIF orientation), sRGB, transparency flattened on
 * white, long side at most `longSide`: the working copy that garment detection and crops read.
 * Not trimmed or straightened: boxes on it are fractions of the photo the shopper sees.
 */
export async function decodeUpright(
  buf: Uint8Array,
  limits: ImageLimits,
  longSide: number,
): Promise<{ image: { data: Uint8Array; width: number; height: number }; width: number; height: number; format: AcceptedFormat }> {
  const { format, width, height } = await checkUpload(buf, limits);
  try {
    const { data, info } = await openImage(buf, limits.maxPixels)
      .autoOrient()
      .resize({ width: longSide, height: longSide, fit: "inside", withoutEnlargement: true })
      .toColourspace("srgb")
      .flatten({ background: "#ffffff" })
      .removeAlpha()
      .raw()
      .toBuffer({ resolveWithObject: true });
    return {
      image: { data: new Uint8Array(data.buffer, data.byteOffset, data.byteLength), width: info.width, height: info.height },
      width,
      height,
      format,
    };
  } catch {
    throw new ClientError(422, "invalid_image", `The ${FORMAT_NAMES[format]} file is damaged or truncated.`);
  }
}

const FORMAT_NAMES: Record<Format, string> = { jpeg: "JPEG", png: "PNG", webp: "WebP", gif: "GIF", avif: "AVIF", heif: "HEIF/HEIC", tiff: "TIFF" };

async function normalisedPixels(buf: Uint8Array, maxPixels: number): Promise<Pick<PreparedImage, "rgb" | "grey" | "picture">> {
  // Trim needs its own pipeline: sharp applies resize before trim within one pipeline.
  const oriented = await openImage(buf, maxPixels)
    .autoOrient()
    .resize({ width: WORK_SIDE, height: WORK_SIDE, fit: "inside", withoutEnlargement: true })
    .toColourspace("srgb")
    .flatten({ background: "#ffffff" })
    .raw()
    .toBuffer({ resolveWithObject: true });
  const upright = await straighten(oriented.data, oriented.info);
  let pipeline = sharp(upright.data, { raw: upright.info });
  const trimmed = await trimBorders(upright.data, upright.info.width, upright.info.height, upright.info.channels);
  if (trimmed) pipeline = pipeline.extract(trimmed);
  const [rgb, grey, picture] = await Promise.all([
    pipeline.clone().resize(MODEL_INPUT_SIZE, MODEL_INPUT_SIZE, { fit: "fill", kernel: "lanczos3" }).removeAlpha().raw().toBuffer(),
    keypointGrey(pipeline.clone()),
    colourThumbnail(sharp(oriented.data, { raw: oriented.info })),
  ]);
  return { picture, rgb: new Uint8Array(rgb.buffer, rgb.byteOffset, rgb.byteLength), grey };
}

/**
 * The grey image keypoints are found on: long side KEYPOINT_SIDE at true proportions (a crop squashed
 * to a square would no longer be a scaled window of its original).
 */
export async function keypointGrey(pipeline: Sharp): Promise<PreparedImage["grey"]> {
  const grey = await pipeline
    .resize(KEYPOINT_SIDE, KEYPOINT_SIDE, { fit: "inside", kernel: "lanczos3" })
    .removeAlpha()
    .greyscale()
    .raw()
    .toBuffer({ resolveWithObject: true });
  return { data: new Uint8Array(grey.data.buffer, grey.data.byteOffset, grey.data.byteLength), width: grey.info.width, height: grey.info.height };
}

type Box = { left: number; top: number; width: number; height: number };
type Raw = { data: Buffer; info: { width: number; height: number; channels: 1 | 2 | 3 | 4 } };

/**
 * Undoes a rotation with an expanded canvas (fill-coloured corner triangles):
 * turns the content back upright and cuts it out, so a tilted copy lines up
 * with its original for both the hash and the embedding. Anything else passes unchanged.
 */
async function straighten(data: Buffer, info: Raw["info"]): Promise<Raw> {
  const found = detectRotatedContent(data, info.width, info.height, info.channels);
  if (!found) return { data, info };
  const [r, g, b] = found.fill;
  const turned = await sharp(data, { raw: info }).rotate(-found.degrees, { background: { r, g, b } }).raw().toBuffer({ resolveWithObject: true });
  // A small margin drops the anti-aliased seam between content and fill.
  const margin = 0.015;
  const w = Math.min(turned.info.width, Math.round(found.width * (1 - 2 * margin)));
  const h = Math.min(turned.info.height, Math.round(found.height * (1 - 2 * margin)));
  const cut = await sharp(turned.data, { raw: turned.info })
    .extract({ left: Math.floor((turned.info.width - w) / 2), top: Math.floor((turned.info.height - h) / 2), width: w, height: h })
    .raw()
    .toBuffer({ resolveWithObject: true });
  return { data: cut.data, info: { width: cut.info.width, height: cut.info.height, channels: cut.info.channels } };
}

/**
 * Finds the box inside uniform-colour borders (letterbox bars, padding),
 * repeatedly, so bars added around an image whose own edge is a flat
 * background are trimmed down to the same content as the original.
 * Returns null when there is nothing to trim or trimming would leave a sliver.
 */
async function trimBorders(data: Buffer, width: number, height: number, channels: number): Promise<Box | null> {
  let box: Box = { left: 0, top: 0, width, height };
  for (let i = 0; i < 4; i += 1) {
    const next = innerBox(data, width, channels, box);
    if (!next || next.width < width * 0.2 || next.height < height * 0.2) break;
    box = next;
  }
  return box.width === width && box.height === height ? null : box;
}

function innerBox(data: Buffer, stride: number, channels: number, box: Box): Box | null {
  const tolerance = 12;
  const px = (x: number, y: number, c: number) => data[(y * stride + x) * channels + c]!;
  const corner = (x: number, y: number) => [px(x, y, 0), px(x, y, 1), px(x, y, 2)];
  const uniformRow = (y: number, ref: number[], x0: number, x1: number) => {
    for (let x = x0; x <= x1; x += 1) for (let c = 0; c < 3; c += 1) if (Math.abs(px(x, y, c) - ref[c]!) > tolerance) return false;
    return true;
  };
  const uniformCol = (x: number, ref: number[], y0: number, y1: number) => {
    for (let y = y0; y <= y1; y += 1) for (let c = 0; c < 3; c += 1) if (Math.abs(px(x, y, c) - ref[c]!) > tolerance) return false;
    return true;
  };
  const x0 = box.left;
  const x1 = box.left + box.width - 1;
  let top = box.top;
  let bottom = box.top + box.height - 1;
  const refTop = corner(x0, top);
  while (top < bottom && uniformRow(top, refTop, x0, x1)) top += 1;
  const refBottom = corner(x0, bottom);
  while (bottom > top && uniformRow(bottom, refBottom, x0, x1)) bottom -= 1;
  let left = x0;
  let right = x1;
  const refLeft = corner(left, top);
  while (left < right && uniformCol(left, refLeft, top, bottom)) left += 1;
  const refRight = corner(right, top);
  while (right > left && uniformCol(right, refRight, top, bottom)) right -= 1;
  const next = { left, top, width: right - left + 1, height: bottom - top + 1 };
  if (next.width === box.width && next.height === box.height) return null;
  return next;
}

/** Mirror image (left ↔ right) of prepared 224×224 RGB pixels. */
export function mirrorRgb(rgb: Uint8Array): Uint8Array {
  const s = MODEL_INPUT_SIZE;
  const out = new Uint8Array(rgb.length);
  for (let y = 0; y < s; y += 1) {
    const row = y * s;
    for (let x = 0; x < s; x += 1) {
      const src = (row + x) * 3;
      const dst = (row + s - 1 - x) * 3;
      out[dst] = rgb[src]!;
      out[dst + 1] = rgb[src + 1]!;
      out[dst + 2] = rgb[src + 2]!;
    }
  }
  return out;
}
