import { cosine } from "../embedding/embedder.ts";
import { MAX_FOLD_COLOUR_DISTANCE, MAX_NEAR_IDENTICAL_DIFFERENCE, meanColourDifference, subjectColourDistance } from "../dedup/colour-thumbnail.ts";
import { decodeThumbnail } from "../dedup/fingerprint.ts";
import type { Hasher } from "../dedup/hasher.ts";
import type { Metadata } from "../index/filter.ts";
import type { SearchHit } from "../index/vector-store.ts";

/** A search result shown to a shopper: one per product and per picture, with how many it stands for. */
export interface CollapsedHit {
  id: string;
  score: number;
  metadata: Metadata;
  /** Candidates ranked above the last hit that folded into this one: other images of its product, and near-identical pictures. */
  collapsed: number;
  /** A match that leads the list (describe's search): a near-exact one of another category than the predicted, or a near-copy by keypoints. */
  leading?: true;
}

/**
 * Smallest embedding cosine at which two images whose perceptual hashes are within the duplicate
 * distance count as one picture. The hash alone is not enough here: it is grey and coarse, and the
 * demo catalog draws every product of a category with one silhouette, so renders that differ only
 * in colour hash within 8 bits of each other (1,186 of 12,090 pairs of front views, nearly all of
 * one category). Measured on 104 front views: re-encodes, resizes, 2 % crops and +8 % brightness
 * of one render that hash within 8 bits have cosine ≥ 0.95 in 88 of 106 cases, while 29 of 500
 * pairs of differently coloured or patterned products do (White beside Ecru, Grey Marl beside Sky Blue).
 */
export const MIN_FOLD_COSINE = 0.95;

export interface HitCollapserOptions {
  /** Most hits kept; candidates after that are still folded into the kept ones (they count). */
  k: number;
  hasher: Hasher;
  /** Largest hash distance that makes two pictures one (the service's duplicate threshold). */
  maxHashDistance: number;
  /** A stored image's vector (null: not indexed any more), read only for pairs the hash and the scores cannot tell apart. */
  vectorOf: (id: string) => Promise<Float32Array | null>;
  minFoldCosine?: number;
  /** The shopper's photo as a whole, as a 16×16 colour thumbnail (colour-thumbnail.ts): see byLikenessToPhoto. */
  photo?: Uint8Array | null;
}

interface Kept {
  hit: SearchHit;
  /** The best score of the hit and of the candidates folded into it: it stands for them all. */
  score: number;
  collapsed: number;
  /** Hits of a later tier rank after every hit of an earlier one (see beginTier). */
  tier: number;
  leading: boolean;
  /**
   * The hit and the other images of its product: a later picture matching any of them is the same
   * picture. (An image folded as a near-identical picture is not added: it matches one of these.)
   */
  pictures: SearchHit[];
}

/**
 * Folds k-NN candidates, best first, into one hit per metadata.product_id (its best image) and one
 * per picture (near-identical images under other products or none). Candidates may arrive in
 * several batches (a filtered search topped up by a wider one); the ones already seen are skipped.
 */
export class HitCollapser {
  private readonly kept: Kept[] = [];
  private readonly byProduct = new Map<string, Kept>();
  private readonly seen = new Set<string>();
  private readonly vectors = new Map<string, Promise<Float32Array | null>>();
  private readonly words = new Map<string, { hex: Uint32Array; mirror: Uint32Array } | null>();
  private readonly pictures = new Map<string, Uint8Array | null>();
  private readonly minFoldCosine: number;
  private tier = 0;

  constructor(private readonly options: HitCollapserOptions) {
    this.minFoldCosine = options.minFoldCosine ?? MIN_FOLD_COSINE;
  }

  /** Most hits kept. */
  get k(): number {
    return this.options.k;
  }

  /**
   * Hits kept from now on rank after those kept so far, whatever their scores: a search restricted
   * to a category and topped up from the others lists the category's products first.
   */
  beginTier(): void {
    this.tier += 1;
  }

  /** Hits kept so far. */
  get size(): number {
    return this.kept.length;
  }

  get full(): boolean {
    return this.kept.length >= this.options.k;
  }

  /**
   * Adds candidates sorted by score, best first, until k hits are kept: candidates ranked below the
   * k-th hit are not read (they would only add to `collapsed`).
   */
  async add(candidates: SearchHit[], options: { leading?: boolean } = {}): Promise<void> {
    for (const hit of this.byLikenessToPhoto(candidates)) {
      if (this.full) return;
      if (this.seen.has(hit.id)) continue;
      this.seen.add(hit.id);
      const product = productOf(hit.metadata);
      const byProduct = product !== null ? this.byProduct.get(product) : undefined;
      const owner = byProduct ?? (await this.samePicture(hit));
      if (owner) {
        owner.collapsed += 1;
        // A near-identical picture of another product folds alone: that product may still be listed by its other pictures.
        if (byProduct) owner.pictures.push(hit);
        owner.score = Math.max(owner.score, hit.score);
        continue;
      }
      const kept = { hit, score: hit.score, collapsed: 0, tier: this.tier, leading: options.leading === true, pictures: [hit] };
      this.kept.push(kept);
      if (product !== null) this.byProduct.set(product, kept);
    }
  }

  /** The kept hits, by tier, best first within each. */
  hits(): CollapsedHit[] {
    return [...this.kept]
      .sort((a, b) => a.tier - b.tier || b.score - a.score)
      .map(({ hit, score, collapsed, leading }) => ({
        id: hit.id,
        score,
        metadata: hit.metadata,
        collapsed,
        ...(leading ? { leading: true as const } : {}),
      }));
  }

  /**
   * The candidates, with those the shopper's photo reproduces (its whole thumbnail within
   * MAX_NEAR_IDENTICAL_DIFFERENCE of their picture's: a saved product picture, a screenshot) put in
   * order of that difference, in the places they held among themselves. The embedding scores
   * near-identical renders of two products alike, the thumbnail tells which one the photo is: the
   * closest is kept and its twins fold into it.
   */
  private byLikenessToPhoto(candidates: SearchHit[]): SearchHit[] {
    const { photo } = this.options;
    if (!photo) return candidates;
    const places: number[] = [];
    const reproduced: Array<{ hit: SearchHit; difference: number }> = [];
    candidates.forEach((hit, place) => {
      const picture = this.pictureOf(hit);
      const difference = picture ? meanColourDifference(photo, picture) : Infinity;
      if (difference > MAX_NEAR_IDENTICAL_DIFFERENCE) return;
      places.push(place);
      reproduced.push({ hit, difference });
    });
    if (reproduced.length < 2) return candidates;
    reproduced.sort((a, b) => a.difference - b.difference);
    const ordered = [...candidates];
    places.forEach((place, i) => (ordered[place] = reproduced[i]!.hit));
    return ordered;
  }

  /** The first kept hit one of whose images shows the same picture as `hit`, if any. */
  private async samePicture(hit: SearchHit): Promise<Kept | undefined> {
    for (const kept of this.kept) {
      for (const picture of kept.pictures) if (await this.samePictures(picture, hit)) return kept;
    }
    return undefined;
  }

  private async samePictures(a: SearchHit, b: SearchHit): Promise<boolean> {
    // Pictures a shopper cannot tell apart side by side are one, whatever the hash says: the demo
    // catalog renders products of one category in nearly the same colours (Ecru beside White).
    const [ca, cb] = [this.pictureOf(a), this.pictureOf(b)];
    if (ca && cb && meanColourDifference(ca, cb) <= MAX_NEAR_IDENTICAL_DIFFERENCE) return true;
    if (this.hashDistance(a, b) > this.options.maxHashDistance) return false;
    // The grey hash and the embedding both miss colour: one silhouette in Lilac and in Grey Marl is two products to show.
    if (ca && cb && subjectColourDistance(ca, cb) > MAX_FOLD_COLOUR_DISTANCE) return false;
    // Both scores are cosines to one query: their angles to it bound the angle between them, so
    // most pairs are told apart without reading a vector.
    const gap = Math.abs(Math.acos(clampCosine(a.score)) - Math.acos(clampCosine(b.score)));
    if (Math.cos(gap) < this.minFoldCosine) return false;
    const [va, vb] = await Promise.all([this.vector(a.id), this.vector(b.id)]);
    return va !== null && vb !== null && cosine(va, vb) >= this.minFoldCosine;
  }

  /**
   * The hasher's distance (mirror-aware: the smaller of a to b and a to b's mirror), on hashes read
   * into 32-bit words once per image: a search folds hundreds of candidates against each other.
   */
  private hashDistance(a: SearchHit, b: SearchHit): number {
    const wa = this.hashWords(a);
    const wb = this.hashWords(b);
    if (!wa || !wb) return this.options.hasher.distance(a.hash, b.hash);
    let straight = 0;
    let mirrored = 0;
    for (let i = 0; i < wa.hex.length; i += 1) {
      straight += popcount(wa.hex[i]! ^ wb.hex[i]!);
      mirrored += popcount(wa.hex[i]! ^ wb.mirror[i]!);
    }
    return Math.min(straight, mirrored);
  }

  private pictureOf(hit: SearchHit): Uint8Array | null {
    let picture = this.pictures.get(hit.id);
    if (picture === undefined) {
      picture = hit.hash.picture ? decodeThumbnail(hit.hash.picture) : null;
      this.pictures.set(hit.id, picture);
    }
    return picture;
  }

  private hashWords(hit: SearchHit): { hex: Uint32Array; mirror: Uint32Array } | null {
    let words = this.words.get(hit.id);
    if (words === undefined) {
      const { hex, mirrorHex } = hit.hash;
      words = hex.length % 8 === 0 && hex.length === mirrorHex.length ? { hex: hexWords(hex), mirror: hexWords(mirrorHex) } : null;
      this.words.set(hit.id, words);
    }
    return words;
  }

  private vector(id: string): Promise<Float32Array | null> {
    let v = this.vectors.get(id);
    if (!v) {
      v = this.options.vectorOf(id);
      this.vectors.set(id, v);
    }
    return v;
  }
}

function productOf(metadata: Metadata): string | null {
  return typeof metadata.product_id === "string" && metadata.product_id !== "" ? metadata.product_id : null;
}

function hexWords(hex: string): Uint32Array {
  const out = new Uint32Array(hex.length / 8);
  for (let i = 0; i < out.length; i += 1) out[i] = parseInt(hex.slice(i * 8, i * 8 + 8), 16) >>> 0;
  return out;
}

function popcount(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return (((x + (x >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

function clampCosine(x: number): number {
  return Math.max(-1, Math.min(1, x));
}
