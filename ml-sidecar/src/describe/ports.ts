import type { Filter } from "../index/filter.ts";
import type { ImageRecord } from "../index/vector-store.ts";

/** A region of a photo as fractions of its upright width and height (0..1). */
export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Packed RGB pixels, upright (EXIF orientation applied). */
export interface RgbImage {
  data: Uint8Array;
  width: number;
  height: number;
}

export type GarmentPart = "top" | "bottom" | "full" | "shoes" | "bag";

/** One garment found in a photo. */
export interface GarmentRegion {
  box: Box;
  /** 1 where the garment is, 0 elsewhere: width×height of the image the detector was given; null: the whole box. */
  mask: Uint8Array | null;
  /** "product": a garment on a backdrop (product shot, flat lay, grid); "person": worn; "whole": nothing separated, the whole photo. */
  source: "product" | "person" | "whole";
  part?: GarmentPart;
  /** How much the garment stands out (area and centrality), 0..1. */
  prominence: number;
}

export interface Detection {
  regions: GarmentRegion[];
  /** A person is in the photo. */
  person: boolean;
}

/** Each cell's garment share (0: scene … 1: garment), rows×cols over the photo, row-major. */
export interface CellMap {
  shares: Float32Array;
  rows: number;
  cols: number;
}

/** Port: where a photo shows a garment rather than the scene around it, cell by cell. */
export interface GarmentMap {
  read(image: RgbImage): Promise<CellMap>;
}

/**
 * Port: the indexed pictures a picture is a near-copy of by its local features (its keypoints agree
 * with theirs on one scale and shift), most alike first: a shopper's photo of a catalog picture,
 * whatever the garment was placed over.
 */
export interface NearCopyFinder {
  find(picture: RgbImage, filter: Filter): Promise<ImageRecord[]>;
}

/** Port: finds the garments in a photo (given at working resolution, longest side ≤ 512). */
export interface GarmentDetector {
  detect(image: RgbImage): Promise<Detection>;
}

export interface CategoryPrediction {
  handle: string;
  confidence: number;
}

/** Label a classifier gives to something that is not a garment. */
export const NO_GARMENT = "none";

/** Port: garment embedding → catalog category (a head trained on the embeddings; see scripts/train-category-head.ts). */
export interface CategoryClassifier {
  /** Changes whenever the weights change. */
  readonly version: string;
  /** Every label the head knows (catalog category handles, and NO_GARMENT). */
  readonly labels: readonly string[];
  /** All labels, most likely first; confidences sum to 1. */
  classify(embedding: Float32Array): CategoryPrediction[];
}

export interface NamedColour {
  name: string;
  hex: string;
  /** Share of the garment's pixels. */
  share: number;
}

/** Port: the dominant colours of the pixels under a mask, named with the catalog's colour vocabulary. */
export interface ColourNamer {
  dominant(image: RgbImage, mask: Uint8Array | null, box: Box, max?: number): NamedColour[];
}
