import type { RgbImage } from "../describe/ports.ts";
import type { Keypoint } from "../describe/person-garment-detector.ts";
import type { Mask } from "../describe/mask-ops.ts";

/** A person in a photo: one subject's joints and silhouette, at the photo's working size. */
export interface ParsedPerson {
  /** MoveNet's 17 joints (the person's own left and right), in the image's pixels. */
  keypoints: Keypoint[];
  /** The subject's silhouette (other people and specks removed). */
  mask: Mask;
  /** Share of the photo the subject covers. */
  coverage: number;
  /** People-sized silhouettes found; more than one only when none clearly dominates. */
  people: number;
}

/** Port: finds the person in a try-on photo (pose + segmentation). */
export interface PersonParser {
  parse(image: RgbImage): Promise<ParsedPerson>;
}

/** Port: separates a product image's garment from its plain backdrop; null when nothing stands out. */
export interface GarmentCutter {
  cut(image: RgbImage): Mask | null;
}
