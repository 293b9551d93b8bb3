import type { PreparedImage } from "../image/preprocess.ts";

/** A perceptual hash: equal or near-equal for re-encoded, resized or lightly edited copies. */
export interface ImageHash {
  /** Hash of the image as is, hex. */
  hex: string;
  /** Hash of the mirror image, hex; lets a flipped copy match without a second decode. */
  mirrorHex: string;
  /**
   * 56×56 grey thumbnail, base64 (src/dedup/layout-match.ts), kept with the
   * hash so that stores carry it to the duplicate verification stage. Absent
   * on records indexed before it existed: those are judged by hash only.
   */
  layout?: string;
  /**
   * 16×16 colour thumbnail of the whole picture, base64 (src/dedup/colour-thumbnail.ts): search
   * results fold pictures whose thumbnails are near-identical. Absent on records indexed before it
   * existed (an earlier `colour` thumbnail of the trimmed model input is ignored) and in Milvus.
   */
  picture?: string;
}

export interface Hasher {
  readonly id: string;
  readonly bits: number;
  hash(image: PreparedImage): ImageHash;
  /** Smallest Hamming distance between a and b or b's mirror image. */
  distance(a: ImageHash, b: ImageHash): number;
}

export function hammingHex(a: string, b: string): number {
  let d = 0;
  for (let i = 0; i < a.length; i += 8) {
    let x = (parseInt(a.slice(i, i + 8), 16) ^ parseInt(b.slice(i, i + 8), 16)) >>> 0;
    while (x) {
      x &= x - 1;
      d += 1;
    }
  }
  return d;
}
