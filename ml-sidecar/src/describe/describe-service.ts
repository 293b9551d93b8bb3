import sharp from "sharp";
import { colourThumbnail } from "../dedup/colour-thumbnail.ts";
import { cosine, type Embedder } from "../embedding/embedder.ts";
import { decodeUpright, type ImageLimits } from "../image/preprocess.ts";
import { neutraliseBackdropCast } from "../image/backdrop-white-balance.ts";
import type { Filter } from "../index/filter.ts";
import type { Metrics } from "../metrics.ts";
import { outlineWithMap } from "./backdrop-garment-detector.ts";
import { cropRegion, letterboxToModelInput, unionBox, unionMask } from "./garment-crop.ts";
import type { CollapsedHit } from "./hit-collapse.ts";
import type { ImageRecord, SearchHit } from "../index/vector-store.ts";
import { CANDIDATES_PER_HIT, type SimilarImages } from "./similar-images.ts";
import {
  NO_GARMENT,
  type Box,
  type CategoryClassifier,
  type CategoryPrediction,
  type CellMap,
  type ColourNamer,
  type GarmentDetector,
  type GarmentMap,
  type GarmentPart,
  type GarmentRegion,
  type NamedColour,
  type NearCopyFinder,
  type RgbImage,
} from "./ports.ts";

/** Long side of the working copy detection and crops read (the ports' contract). */
export const WORKING_SIDE = 512;
/** A region the head calls "no garment" with at least this confidence is dropped. */
export const NO_GARMENT_MIN_CONFIDENCE = 0.5;
/** Colours named per item. */
export const MAX_COLOURS = 3;
/** Categories listed per item. */
export const LISTED_CATEGORIES = 3;
export const NO_GARMENT_MESSAGE = "No garment found in the photo.";
/**
 * Most hits of other categories that lead an item's list when the strongest matches disagree with the
 * head: the unrestricted search's hits ranked above its best hit of the predicted category (an exact
 * picture of the product outranks the head's guess; the category's hits follow)…
 */
export const MAX_LEADING_HITS = 2;
/**
 * …that match at least this closely (cosine): near-exact pictures only. Chosen on training data alone
 * (bench/visual-search-sidecar with training products, seed 41, and the last 20 per class of Fashion-MNIST's
 * training split): every hit that led a real garment photo there scored 0.84 or less and named the wrong
 * category, so any bound from 0.85 to 0.94 keeps them out; 0.9 is in the middle of that range.
 */
export const MIN_LEADING_SCORE = 0.9;
/**
 * Most near-copies (NearCopyFinder) that lead a busy scene's item, most keypoint inliers first. The
 * embedding of a garment cut out of a scene misses the product where the outline misses a sleeve or a
 * strap; the garment's keypoints still match its catalog picture's. On busy scenes of training products
 * (160 photos each of seeds 45500, 47000 and 40000, with the duplicate checks' keypoint thresholds),
 * exact R@1 / R@10 went from 104 / 146, 107 / 149 and 86 / 134 to 120 / 148, 119 / 152 and 109 / 141.
 */
export const MAX_NEAR_COPY_HITS = 3;
/**
 * Windows tried inside a "whole" region the head calls no garment: each 0.55 of the region's side, placed
 * at its centre and at the middle of each edge ([x, y]: 0 at the region's left or top, 1 at its right or
 * bottom). Chosen on busy scenes of training products (40 photos, seeds 45000+, native and scaled to 1 MP):
 * the corners of a 3×3 grid, and a 2×2 grid of 0.75 windows, found no more products or categories and
 * cost half the embedding time again.
 */
export const WHOLE_REGION_WINDOW_SIDE = 0.55;
export const WHOLE_REGION_WINDOW_PLACES: ReadonlyArray<readonly [number, number]> = [
  [0.5, 0.5],
  [0.5, 0],
  [0, 0.5],
  [1, 0.5],
  [0.5, 1],
];

export interface DescribeSettings {
  /** Default confidence from which an item's search is restricted to its predicted category (MIN_CATEGORY_CONFIDENCE). */
  minCategoryConfidence: number;
  /** Default most items per photo (DESCRIBE_MAX_ITEMS). */
  maxItems: number;
}

export interface DescribeServiceOptions {
  embedder: Embedder;
  /** The index's k-NN, one hit per product and per picture. */
  similar: SimilarImages;
  limits: ImageLimits;
  detector: GarmentDetector;
  /** What the detector is and how its models are, for /health. */
  detectorInfo: () => string;
  classifier: CategoryClassifier;
  /** Where a busy scene's garment lies (null: the detector's outline stands). */
  garmentMap?: GarmentMap | null;
  /** Catalog pictures a busy scene's garment is a near-copy of, to lead its hits (null: the embedding alone ranks). */
  nearCopies?: NearCopyFinder | null;
  colours: ColourNamer;
  settings: DescribeSettings;
  metrics?: Metrics | null;
}

export interface DescribeOptions {
  /** Hits per item; 0: none. */
  k?: number;
  /** Applied to every item's search. */
  filter?: Filter;
  /** Search every item within this category handle (a hard restriction: no top-up outside it). */
  category?: string;
  minCategoryConfidence?: number;
  maxItems?: number;
  includeEmbedding?: boolean;
}

export interface DescribedItem {
  box: Box;
  source: GarmentRegion["source"];
  part?: GarmentPart;
  prominence: number;
  category: CategoryPrediction;
  categories: CategoryPrediction[];
  colours: NamedColour[];
  embedding?: number[];
  /** The category the item's hits are searched within (null: every category), as the ranking should keep to it. */
  search_category: string | null;
  hits?: CollapsedHit[];
}

export interface Description {
  model: string;
  model_version: string;
  head_version: string;
  width: number;
  height: number;
  person: boolean;
  items: DescribedItem[];
  message?: string;
}

/** A region with its crop's embedding and the head's answer. */
interface Garment {
  region: GarmentRegion;
  vector: Float32Array;
  /** Every label but NO_GARMENT, most likely first. */
  predictions: CategoryPrediction[];
}

/** The garments in a photo: boxes, categories, colours, crop embeddings and each one's hits (POST /v1/describe). */
export class DescribeService {
  readonly detector: GarmentDetector;
  readonly classifier: CategoryClassifier;
  readonly settings: DescribeSettings;
  private readonly options: DescribeServiceOptions;
  private readonly metrics: Metrics | null;

  constructor(options: DescribeServiceOptions) {
    this.options = options;
    this.detector = options.detector;
    this.classifier = options.classifier;
    this.settings = options.settings;
    this.metrics = options.metrics ?? null;
  }

  /** What the detector is and how its models are (for /health). */
  get detectorName(): string {
    return this.options.detectorInfo();
  }

  async describe(upload: Uint8Array, options: DescribeOptions = {}): Promise<Description> {
    const k = options.k ?? 0;
    const minConfidence = options.minCategoryConfidence ?? this.settings.minCategoryConfidence;
    const maxItems = options.maxItems ?? this.settings.maxItems;
    const decoded = await this.measure("decode", () => decodeUpright(upload, this.options.limits, WORKING_SIDE));
    const { width, height } = decoded;
    const image = neutraliseBackdropCast(decoded.image);
    // Read on an embedding worker while this thread detects: only a busy scene needs the map, but
    // waiting for detection to say so would add the map's time to every busy photo.
    const { garmentMap } = this.options;
    const map = garmentMap ? this.measure("garment-map", () => garmentMap.read(image)) : null;
    map?.catch(() => undefined);
    const detection = await this.measure("detect", () => this.detector.detect(image));
    const regions = map ? await outlineBusyScenes(image, detection.regions, map) : detection.regions;
    // Found on this thread while the workers embed the crops; a forced category holds for them too.
    const copyFilter = inCategory(options.filter ?? [], options.category ?? null);
    const nearCopies = new Map(
      regions.filter((r) => k > 0 && r.source === "whole").map((r) => [r, this.nearCopiesOf(image, r, copyFilter)] as const),
    );
    for (const copies of nearCopies.values()) copies.catch(() => undefined);
    const space = this.options.similar.store.space;
    const head = { model: space.model, model_version: space.version, head_version: this.classifier.version, width, height, person: detection.person };

    let garments = await this.understand(image, regions);
    garments = (
      await Promise.all(
        garments.map((g) => (g.predictions.length || g.region.source !== "whole" ? g : this.searchWhole(image, g, options.filter ?? []))),
      )
    ).filter((g) => g.predictions.length > 0);
    garments = await this.mergeOnePieces(image, garments);
    garments.sort((a, b) => b.region.prominence - a.region.prominence);
    garments = garments.slice(0, maxItems);
    if (!garments.length) return { ...head, items: [], message: NO_GARMENT_MESSAGE };

    const t0 = performance.now();
    const colours = garments.map((g) => this.options.colours.dominant(image, g.region.mask, g.region.box, MAX_COLOURS));
    this.metrics?.observeStage("colours", (performance.now() - t0) / 1000);
    const forced = options.category ?? null;
    const within = garments.map((g) => searchCategory(g, forced, minConfidence));
    const hits =
      k > 0
        ? await this.measure("search", async () => {
            const photo = await colourThumbnail(
              sharp(decoded.image.data, { raw: { width: decoded.image.width, height: decoded.image.height, channels: 3 } }),
            );
            return Promise.all(
              garments.map((g, i) => this.searchItem(g, k, options.filter ?? [], within[i]!, forced !== null, photo, nearCopies.get(g.region))),
            );
          })
        : null;
    const items = garments.map((g, i): DescribedItem => {
      const { region, predictions } = g;
      return {
        box: region.box,
        source: region.source,
        ...(region.part ? { part: region.part } : {}),
        prominence: region.prominence,
        category: predictions[0]!,
        categories: predictions.slice(0, LISTED_CATEGORIES),
        colours: colours[i]!,
        ...(options.includeEmbedding ? { embedding: Array.from(g.vector) } : {}),
        search_category: within[i]!,
        ...(hits ? { hits: hits[i]! } : {}),
      };
    });
    return { ...head, items };
  }

  /** Crops every region, embeds the crops in one call, classifies each; drops what the head calls no garment. */
  private async understand(image: RgbImage, regions: GarmentRegion[]): Promise<Garment[]> {
    if (!regions.length) return [];
    const inputs = await this.measure("crop", () => Promise.all(regions.map((r) => letterboxToModelInput(cropRegion(image, r)))));
    const vectors = await this.measure("embed", () => this.options.embedder.embed(inputs));
    this.metrics?.imagesEmbedded.inc(inputs.length);
    const t0 = performance.now();
    const garments = regions.map((region, i): Garment => {
      const all = this.classifier.classify(vectors[i]!);
      const top = all[0];
      const noGarment = top !== undefined && top.handle === NO_GARMENT && top.confidence >= NO_GARMENT_MIN_CONFIDENCE;
      return { region, vector: vectors[i]!, predictions: noGarment ? [] : all.filter((p) => p.handle !== NO_GARMENT) };
    });
    this.metrics?.observeStage("classify", (performance.now() - t0) / 1000);
    return garments;
  }

  /**
   * A busy scene (no backdrop to separate) gives one "whole" region around its salient centre, where
   * a garment often fills only part: when the head calls the region no garment, the windows of
   * WHOLE_REGION_WINDOW_PLACES inside it are embedded in one batch and, of those the head calls a garment,
   * the one nearest to an indexed picture (within the search's filter) stands for it: the window
   * that holds the garment alone looks most like a catalog crop.
   */
  private async searchWhole(image: RgbImage, whole: Garment, filter: Filter): Promise<Garment> {
    const { box } = whole.region;
    const [w, h] = [box.width * WHOLE_REGION_WINDOW_SIDE, box.height * WHOLE_REGION_WINDOW_SIDE];
    const windows = WHOLE_REGION_WINDOW_PLACES.map(([across, down]): GarmentRegion => ({
      ...whole.region,
      box: { x: box.x + (box.width - w) * across, y: box.y + (box.height - h) * down, width: w, height: h },
      mask: null,
      prominence: whole.region.prominence * WHOLE_REGION_WINDOW_SIDE ** 2,
    }));
    const inputs = await this.measure("crop", () => Promise.all(windows.map((r) => letterboxToModelInput(cropRegion(image, r)))));
    const vectors = await this.measure("embed", () => this.options.embedder.embed(inputs));
    this.metrics?.imagesEmbedded.inc(inputs.length);
    let best: Garment = whole;
    let bestScore = -Infinity;
    for (const [i, region] of windows.entries()) {
      const all = this.classifier.classify(vectors[i]!);
      const noGarment = all.find((p) => p.handle === NO_GARMENT)?.confidence ?? 0;
      if (noGarment >= NO_GARMENT_MIN_CONFIDENCE) continue;
      const [nearest] = await this.options.similar.store.search(vectors[i]!, { k: 1, filter });
      const score = nearest?.score ?? -1;
      if (score <= bestScore) continue;
      bestScore = score;
      best = { region, vector: vectors[i]!, predictions: all.filter((p) => p.handle !== NO_GARMENT) };
    }
    return best;
  }

  /**
   * A person's outfit reaches the detector as a top and a bottom, and (when the detector proposes
   * one) a full region from shoulders to hem. The head decides which it is: when it gives both halves
   * the same category (a dress seen as a top and a bottom), they are one garment, the full region
   * (or, without one, the halves' union embedded again); otherwise the halves stay and the full
   * region goes. A full region without halves stays.
   */
  private async mergeOnePieces(image: RgbImage, garments: Garment[]): Promise<Garment[]> {
    const person = (part: GarmentPart) => garments.filter((g) => g.region.source === "person" && g.region.part === part);
    const fulls = person("full");
    const bottoms = person("bottom");
    const dropped = new Set<Garment>();
    const unions: Array<{ halves: [Garment, Garment]; region: GarmentRegion }> = [];
    for (const top of person("top")) {
      const bottom = bottoms.find((b) => !dropped.has(b) && samePerson(top.region.box, b.region.box));
      if (!bottom) continue;
      const full = fulls.find((f) => covers(f.region.box, top.region.box) && covers(f.region.box, bottom.region.box));
      if (top.predictions[0]!.handle !== bottom.predictions[0]!.handle) {
        if (full) dropped.add(full);
        continue;
      }
      dropped.add(top).add(bottom);
      if (full) continue;
      const region: GarmentRegion = {
        box: unionBox(top.region.box, bottom.region.box),
        mask: unionMask(top.region.mask, bottom.region.mask),
        source: "person",
        part: "full",
        prominence: Math.max(top.region.prominence, bottom.region.prominence),
      };
      unions.push({ halves: [top, bottom], region });
    }
    // A full region beside only one half of its person: the half is the garment.
    for (const full of fulls) {
      const halves = garments.filter((g) => (g.region.part === "top" || g.region.part === "bottom") && covers(full.region.box, g.region.box));
      if (halves.some((h) => !dropped.has(h))) dropped.add(full);
    }
    const out = garments.filter((g) => !dropped.has(g));
    if (!unions.length) return out;
    const wholes = await this.understand(
      image,
      unions.map((u) => u.region),
    );
    // A union the head calls no garment is not one garment after all: its halves stay.
    unions.forEach((union, i) => out.push(...(wholes[i]!.predictions.length ? [wholes[i]!] : union.halves)));
    return out;
  }

  /** The catalog pictures a region's crop is a near-copy of (none without a NearCopyFinder). */
  private async nearCopiesOf(image: RgbImage, region: GarmentRegion, filter: Filter): Promise<ImageRecord[]> {
    const finder = this.options.nearCopies;
    if (!finder) return [];
    return this.measure("near-copies", () => finder.find(cropRegion(image, region).crop, filter));
  }

  /**
   * One item's hits: its near-copies first (MAX_NEAR_COPY_HITS at most, marked `leading`), then within `category` (searchCategory's choice),
   * topped up from the whole filter when the category holds fewer than k products; the top-up's
   * hits come after the category's, so that the best of the category lead whatever else scores.
   * Where the strongest matches of the whole filter disagree with the head, those ranked above its
   * category's best (MAX_LEADING_HITS at most, near-exact ones only) come first, marked `leading`: an
   * exact picture outranks the head's guess. A garment the photo's edge cuts also meets the catalog's
   * partial views (product-shot-input.ts). `photo` is the whole photo's colour thumbnail (HitCollapserOptions.photo).
   */
  private async searchItem(
    garment: Garment,
    k: number,
    filter: Filter,
    category: string | null,
    forced: boolean,
    photo: Uint8Array,
    nearCopies?: Promise<ImageRecord[]>,
  ): Promise<CollapsedHit[]> {
    const { similar } = this.options;
    const collapser = similar.collapser(k, photo);
    const partial = cutByPhotoEdge(garment.region);
    // One tier each: the keypoints' order stands (the embedding ranks a garment cut out of a scene poorly).
    for (const { id, vector, metadata, hash } of ((await nearCopies) ?? []).slice(0, MAX_NEAR_COPY_HITS)) {
      await collapser.add([{ id, score: cosine(vector, garment.vector), metadata, hash }], { leading: true });
      collapser.beginTier();
    }
    if (category !== null && !forced) {
      await collapser.add(await this.leadingHits(garment.vector, filter, category, Math.min(k, MAX_LEADING_HITS), partial), { leading: true });
      collapser.beginTier();
    }
    const within = inCategory(filter, category);
    await similar.fill(collapser, garment.vector, within, partial);
    if (!collapser.full && category !== null && !forced) {
      collapser.beginTier();
      await similar.fill(collapser, garment.vector, filter, partial);
    }
    return collapser.hits();
  }

  /** The unrestricted search's best hits (one per product, at most `most`, MIN_LEADING_SCORE or closer) ranked above its best hit of `category`. */
  private async leadingHits(vector: Float32Array, filter: Filter, category: string, most: number, partial: boolean): Promise<SearchHit[]> {
    const candidates = await this.options.similar.store.search(vector, { k: most * CANDIDATES_PER_HIT, filter, partial });
    const leading: SearchHit[] = [];
    const products = new Set<unknown>();
    for (const hit of candidates) {
      if (hit.metadata.category === category || leading.length >= most || hit.score < MIN_LEADING_SCORE) break;
      const product = hit.metadata.product_id ?? hit.id;
      if (products.has(product)) continue;
      products.add(product);
      leading.push(hit);
    }
    return leading;
  }

  private async measure<T>(stage: string, run: () => Promise<T>): Promise<T> {
    const t0 = performance.now();
    const out = await run();
    this.metrics?.observeStage(stage, (performance.now() - t0) / 1000);
    return out;
  }
}

/** A busy scene's outline: the map's own or the detector's, whichever agrees best with the map (outlineWithMap). */
async function outlineBusyScenes(image: RgbImage, regions: GarmentRegion[], map: Promise<CellMap>): Promise<GarmentRegion[]> {
  if (!regions.some((r) => r.source === "whole")) return regions;
  const cells = await map;
  return regions.map((r) => (r.source === "whole" ? outlineWithMap(image, r, cells) : r));
}

/**
 * The category an item's hits are searched within: the caller's, else the head's when confident. A busy
 * scene's outline ("whole" region) is searched across every category: the head often misreads a garment
 * cut out of a scene, and searching within its guess lost the product. On busy scenes of training
 * products (40 photos, seeds 45500+), exact R@1 / R@10 / the right category among
 * the first 10 were 24 / 30 / 32 restricted from confidence 0.5, 26 / 33 / 36 from 0.8, 26 / 33 / 37
 * from 0.9, and 26 / 33 / 38 never restricted.
 */
function searchCategory(garment: Garment, forced: string | null, minConfidence: number): string | null {
  if (forced !== null) return forced;
  if (garment.region.source === "whole") return null;
  const predicted = garment.predictions[0]!;
  return predicted.confidence >= minConfidence ? predicted.handle : null;
}

/** A filter kept to one category (none: the filter as it is). */
function inCategory(filter: Filter, category: string | null): Filter {
  return category !== null ? [...filter, { op: "eq", field: "category", value: category }] : filter;
}

/** Within this share of the photo's side, a product shot's garment box counts as cut by the edge. */
const PHOTO_EDGE = 0.01;

/** A garment on a backdrop whose box reaches the photo's edge: the photo shows part of it (an off-centre crop). */
function cutByPhotoEdge({ source, box }: GarmentRegion): boolean {
  if (source !== "product") return false;
  return box.x <= PHOTO_EDGE || box.y <= PHOTO_EDGE || box.x + box.width >= 1 - PHOTO_EDGE || box.y + box.height >= 1 - PHOTO_EDGE;
}

/** Most of `inner` lies within `outer`. */
function covers(outer: Box, inner: Box): boolean {
  const w = Math.min(outer.x + outer.width, inner.x + inner.width) - Math.max(outer.x, inner.x);
  const h = Math.min(outer.y + outer.height, inner.y + inner.height) - Math.max(outer.y, inner.y);
  return w > 0 && h > 0 && w * h >= 0.7 * inner.width * inner.height;
}

/** A top above a bottom of one person: they overlap across, and the bottom starts near where the top ends. */
function samePerson(top: Box, bottom: Box): boolean {
  const across = Math.min(top.x + top.width, bottom.x + bottom.width) - Math.max(top.x, bottom.x);
  const gap = bottom.y - (top.y + top.height);
  return across >= 0.5 * Math.min(top.width, bottom.width) && gap <= 0.1 * (top.height + bottom.height);
}
