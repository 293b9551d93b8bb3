import { decodeUpright, type ImageLimits } from "../image/preprocess.ts";
import { cropRegion, letterboxToModelInput } from "./garment-crop.ts";
import type { GarmentDetector } from "./ports.ts";
import { WORKING_SIDE } from "./describe-service.ts";

/**
 * The model input a product shot is indexed by: its most prominent garment cropped and letterboxed
 * exactly as /v1/describe crops a shopper's photo, so that a photo of the product meets its catalog
 * image in the same framing (the whole image, trimmed and squashed to a square, embeds differently).
 * Null when the picture is not a product shot (a person wears the garment, or nothing stands out
 * from the backdrop): such an image is indexed whole.
 */
export function productShotInput(detector: GarmentDetector, limits: ImageLimits): (upload: Uint8Array) => Promise<Uint8Array | null> {
  return async (upload) => {
    const { image } = await decodeUpright(upload, limits, WORKING_SIDE);
    const { regions, person } = await detector.detect(image);
    if (person) return null;
    const garment = regions.filter((r) => r.source === "product").sort((a, b) => b.prominence - a.prominence)[0];
    return garment ? letterboxToModelInput(cropRegion(image, garment)) : null;
  };
}
