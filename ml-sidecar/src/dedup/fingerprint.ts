import type { Embedder } from "../embedding/embedder.ts";
import type { PreparedImage } from "../image/preprocess.ts";
import type { Hasher, ImageHash } from "./hasher.ts";
import { extractKeypoints, type KeypointPair } from "./keypoints.ts";
import { layoutThumbnail } from "./layout-match.ts";

/**
 * Everything the duplicate checks and search compare about one image. Made by `fingerprint()` only,
 * for uploads, indexed images and the benchmarks alike, so calibration measures what ships.
 */
export interface Fingerprint {
  /** Perceptual hash and its mirror (no layout: that is `layout`, raw). */
  hash: ImageHash;
  /** L2-normalised embedding. */
  vector: Float32Array;
  /** 56×56 grey thumbnail (layout-match.ts). */
  layout: Uint8Array;
  /** 16×16 colour thumbnail of the whole picture (colour-thumbnail.ts): search folds near-identical pictures by it. */
  picture?: Uint8Array;
  /** Local keypoints, upright and mirrored (keypoints.ts). */
  keypoints: KeypointPair;
}

/** The parts of a fingerprint made on this thread, without the embedding. */
export type LocalFingerprint = Omit<Fingerprint, "vector">;

export interface Fingerprinter {
  embedder: Pick<Embedder, "embed">;
  hasher: Hasher;
}

export function localFingerprint(image: PreparedImage, hasher: Hasher): LocalFingerprint {
  return {
    hash: hasher.hash(image),
    layout: layoutThumbnail(image.rgb),
    picture: image.picture,
    keypoints: extractKeypoints(image.grey.data, image.grey.width, image.grey.height),
  };
}

/**
 * Fingerprints of prepared images: one call to the embedder for all of them (one batch for the
 * worker pool) while hash, layout and keypoints are made on this thread. `meanwhile` runs on this
 * thread too, with those local parts, before the embeddings arrive (work that needs no embedding).
 */
export async function fingerprint(
  images: PreparedImage[],
  { embedder, hasher }: Fingerprinter,
  meanwhile?: (local: LocalFingerprint[]) => Promise<void>,
): Promise<Fingerprint[]> {
  const embedding = embedder.embed(images.map((p) => p.rgb));
  const local = images.map((p) => localFingerprint(p, hasher));
  const [vectors] = await Promise.all([embedding, meanwhile?.(local)]);
  return local.map((f, i) => ({ ...f, vector: vectors[i]! }));
}

/** A thumbnail (the layout's or the colour one) as stores keep it: base64. */
export function encodeThumbnail(thumbnail: Uint8Array): string {
  return Buffer.from(thumbnail.buffer, thumbnail.byteOffset, thumbnail.byteLength).toString("base64");
}

export function decodeThumbnail(b64: string): Uint8Array {
  return new Uint8Array(Buffer.from(b64, "base64"));
}

/** The hash as stores keep it: with the layout thumbnail that verification reads back and the picture's thumbnail search folds by (base64). */
export function storedHash(f: Pick<Fingerprint, "hash" | "layout" | "picture">): ImageHash {
  return { ...f.hash, layout: encodeThumbnail(f.layout), ...(f.picture ? { picture: encodeThumbnail(f.picture) } : {}) };
}
