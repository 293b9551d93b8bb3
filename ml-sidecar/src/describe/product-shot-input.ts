import sharp from "sharp";
import { decodeUpright, type ImageLimits } from "../image/preprocess.ts";
import { cropRegion, letterboxToModelInput, pixelWindow } from "./garment-crop.ts";
import type { GarmentDetector, GarmentRegion, RgbImage } from "./ports.ts";
import { WORKING_SIDE } from "./describe-service.ts";

/**
 * Long side, in pixels, of the small copy a product shot is also indexed from. A shopper's thumbnail
 * or distant photo comes to the model scaled up, and such a garment embeds nearer to other blurred
 * garments of its colour than to its own sharp catalog picture. Set on training products: a 128 px
 * view, searched beside the sharp vector (the nearer one counts), took exact R@1 of their 120 px
 * photos over the catalog's first pictures from 41 to 52 of 52 (90 px: 32 to 51), and left off-centre
 * crops, colour casts, heavy JPEG and 400 px photos where they were.
 */
export const SMALL_VIEW_SIDE = 128;
/** JPEG quality of the small copy: a thumbnail as phones and sites save them. */
const SMALL_VIEW_QUALITY = 80;

/**
 * Side, as a share of each side of the picture, of the windows a product shot is also indexed through:
 * one at each corner, the garment as an off-centre photo that cuts it shows it (POST /v1/describe
 * searches these partial views only for a garment the photo's edge cuts). Set on training products
 * (off-centre crops of 60–85% of each side, seeds 45500+): searched beside the whole garment, 0.72
 * windows took exact R@1 of 20 such photos from 15 to 19 and R@10 from 17 to 19, and left busy scenes,
 * colour casts, heavy JPEG, thumbnails and perspective photos where they were.
 */
export const PARTIAL_VIEW_SIDE = 0.72;
/** A window that holds less than this share of the garment's box gives no view: too little to know it by. */
const MIN_PARTIAL_SHARE = 0.35;
/** Corner windows' places ([x, y]: 0 at the picture's left or top, 1 at its right or bottom). */
const PARTIAL_VIEW_PLACES: ReadonlyArray<readonly [number, number]> = [
  [0, 0],
  [1, 0],
  [0, 1],
  [1, 1],
];
/** The model inputs of a product shot: its garment framed as uploaded, from a small copy (null where the copy shows none), and as windows that cut it show it. */
export interface ProductShotInputs {
  garment: Uint8Array;
  small: Uint8Array | null;
  partials: Uint8Array[];
}

/**
 * The model inputs a product shot is indexed by: its most prominent garment cropped and letterboxed
 * exactly as /v1/describe crops a shopper's photo, so that a photo of the product meets its catalog
 * image in the same framing (the whole image, trimmed and squashed to a square, embeds differently);
 * the same from a SMALL_VIEW_SIDE copy of the picture, the product as a small photo shows it; and the
 * garment through each corner window that cuts it (partialViews).
 * Null when the picture is not a product shot (a person wears the garment, or nothing stands out
 * from the backdrop): such an image is indexed whole.
 */
export function productShotInputs(detector: GarmentDetector, limits: ImageLimits): (upload: Uint8Array) => Promise<ProductShotInputs | null> {
  const framedGarment = async (upload: Uint8Array): Promise<{ image: RgbImage; garment: GarmentRegion } | null> => {
    const { image } = await decodeUpright(upload, limits, WORKING_SIDE);
    const { regions, person } = await detector.detect(image);
    if (person) return null;
    const garment = regions.filter((r) => r.source === "product").sort((a, b) => b.prominence - a.prominence)[0];
    return garment ? { image, garment } : null;
  };
  const modelInput = (view: { image: RgbImage; garment: GarmentRegion }) => letterboxToModelInput(cropRegion(view.image, view.garment));
  const garmentInput = async (upload: Uint8Array): Promise<Uint8Array | null> => {
    const found = await framedGarment(upload);
    return found ? modelInput(found) : null;
  };
  return async (upload) => {
    const found = await framedGarment(upload);
    if (!found) return null;
    const garment = await modelInput(found);
    const partials = await Promise.all(partialViews(found.image, found.garment).map(modelInput));
    const copy = await sharp(upload)
      .rotate()
      .resize(SMALL_VIEW_SIDE, SMALL_VIEW_SIDE, { fit: "inside", withoutEnlargement: true })
      .jpeg({ quality: SMALL_VIEW_QUALITY })
      .toBuffer();
    return { garment, small: await garmentInput(copy), partials };
  };
}

/**
 * The picture cut to each corner window (PARTIAL_VIEW_SIDE of each side) that cuts the garment, with the
 * garment's box and mask clipped to it: what the detector finds in an off-centre photo of the product.
 */
export function partialViews(image: RgbImage, garment: GarmentRegion): Array<{ image: RgbImage; garment: GarmentRegion }> {
  const w = Math.round(image.width * PARTIAL_VIEW_SIDE);
  const h = Math.round(image.height * PARTIAL_VIEW_SIDE);
  const g = {
    x0: garment.box.x * image.width,
    y0: garment.box.y * image.height,
    x1: (garment.box.x + garment.box.width) * image.width,
    y1: (garment.box.y + garment.box.height) * image.height,
  };
  const garmentArea = (g.x1 - g.x0) * (g.y1 - g.y0);
  const views: Array<{ image: RgbImage; garment: GarmentRegion }> = [];
  for (const [across, down] of PARTIAL_VIEW_PLACES) {
    const left = Math.round((image.width - w) * across);
    const top = Math.round((image.height - h) * down);
    const clip = { x0: Math.max(g.x0, left), y0: Math.max(g.y0, top), x1: Math.min(g.x1, left + w), y1: Math.min(g.y1, top + h) };
    const area = Math.max(0, clip.x1 - clip.x0) * Math.max(0, clip.y1 - clip.y0);
    // A window that holds the whole garment cuts nothing: its view would be the garment's own.
    if (area < MIN_PARTIAL_SHARE * garmentArea || area >= 0.999 * garmentArea) continue;
    const window = { left, top, width: w, height: h };
    views.push({
      image: { data: pixelWindow(image.data, image.width, 3, window), width: w, height: h },
      garment: {
        ...garment,
        box: { x: (clip.x0 - left) / w, y: (clip.y0 - top) / h, width: (clip.x1 - clip.x0) / w, height: (clip.y1 - clip.y0) / h },
        mask: garment.mask ? pixelWindow(garment.mask, image.width, 1, window) : null,
      },
    });
  }
  return views;
}
