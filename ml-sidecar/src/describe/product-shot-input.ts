import sharp from "sharp";
import { decodeUpright, type ImageLimits } from "../image/preprocess.ts";
import { cropRegion, letterboxToModelInput } from "./garment-crop.ts";
import type { GarmentDetector } from "./ports.ts";
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

/** The model inputs of a product shot: its garment framed as uploaded, and from a small copy (null where the copy shows none). */
export interface ProductShotInputs {
  garment: Uint8Array;
  small: Uint8Array | null;
}

/**
 * The model inputs a product shot is indexed by: its most prominent garment cropped and letterboxed
 * exactly as /v1/describe crops a shopper's photo, so that a photo of the product meets its catalog
 * image in the same framing (the whole image, trimmed and squashed to a square, embeds differently);
 * and the same from a SMALL_VIEW_SIDE copy of the picture, the product as a small photo shows it.
 * Null when the picture is not a product shot (a person wears the garment, or nothing stands out
 * from the backdrop): such an image is indexed whole.
 */
export function productShotInputs(detector: GarmentDetector, limits: ImageLimits): (upload: Uint8Array) => Promise<ProductShotInputs | null> {
  const garmentInput = async (upload: Uint8Array): Promise<Uint8Array | null> => {
    const { image } = await decodeUpright(upload, limits, WORKING_SIDE);
    const { regions, person } = await detector.detect(image);
    if (person) return null;
    const garment = regions.filter((r) => r.source === "product").sort((a, b) => b.prominence - a.prominence)[0];
    return garment ? letterboxToModelInput(cropRegion(image, garment)) : null;
  };
  return async (upload) => {
    const garment = await garmentInput(upload);
    if (!garment) return null;
    const copy = await sharp(upload)
      .rotate()
      .resize(SMALL_VIEW_SIDE, SMALL_VIEW_SIDE, { fit: "inside", withoutEnlargement: true })
      .jpeg({ quality: SMALL_VIEW_QUALITY })
      .toBuffer();
    return { garment, small: await garmentInput(copy) };
  };
}
