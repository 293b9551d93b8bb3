/**
 * The shopper photos both halves of bench/visual-search search: the kinds of damage a photo of a catalog
 * product gets, in turn, and Fashion-MNIST test photos with the catalog categories that count as right for each class;
 * and what both count as a near-identical pair of result pictures.
 */
import sharp from "sharp"
import {
  busyBackground,
  colourCastPhoto,
  jpegPhoto,
  lowResPhoto,
  offCentreCrop,
  perspectivePhoto,
  type CatalogEntry,
  type TestPhoto,
} from "../../ml-sidecar/test/photos.ts"
import type { readFashionMnist } from "../../ml-sidecar/scripts/train-category-head.ts"

/** Photos of one product, the kinds of damage in turn. */
export const SHOPPER_PHOTO_MAKERS: Array<(e: CatalogEntry, seed: number) => Promise<TestPhoto>> = [
  offCentreCrop,
  perspectivePhoto,
  busyBackground,
  (e) => lowResPhoto(e, 120),
  colourCastPhoto,
  (e) => jpegPhoto(e, 15),
]

/** Fashion-MNIST class → catalog categories whose products count as right for it. */
export const FMNIST_ACCEPTED: Array<[string, string[]]> = [
  ["T-shirt/top", ["tops"]],
  ["Trouser", ["trousers", "jeans"]],
  ["Pullover", ["knitwear"]],
  ["Dress", ["dresses"]],
  ["Coat", ["outerwear"]],
  ["Sandal", ["shoes"]],
  ["Shirt", ["shirts", "tops"]],
  ["Sneaker", ["shoes"]],
  ["Bag", ["bags"]],
  ["Ankle boot", ["shoes"]],
]

/** A Fashion-MNIST test photo as a shopper would send it: dark garment on a white backdrop, 336 px, JPEG. */
export async function fashionMnistPhoto(data: ReturnType<typeof readFashionMnist>, index: number): Promise<TestPhoto> {
  const { rows, cols } = data
  const grey = Buffer.from(data.pixels.subarray(index * rows * cols, (index + 1) * rows * cols))
  const bytes = await sharp(grey, { raw: { width: cols, height: rows, channels: 1 } })
    .negate()
    .resize(336, 336, { kernel: "lanczos3" })
    .jpeg({ quality: 90 })
    .toBuffer()
  return { name: `fashion-mnist test #${index}`, kind: "product-shot", bytes, format: "jpeg", width: 336, height: 336, garments: [] }
}

// Near-identical result pictures: 16×16 colour thumbnails of the stored pictures whose mean absolute
// difference is at most NEAR_IDENTICAL_LEVELS of 255 (the same photo re-encoded as JPEG q40 differs by
// about 1.2; a grey difference hash would also pair differently coloured renders of one silhouette,
// which are not duplicates).
export const NEAR_IDENTICAL_LEVELS = 3

/** A stored picture's 16×16 colour thumbnail, as a shopper sees the whole picture. */
export function pictureThumbnail(bytes: Buffer): Promise<Buffer> {
  return sharp(bytes).resize(16, 16, { fit: "fill" }).removeAlpha().raw().toBuffer()
}

export function meanDifference(a: Buffer, b: Buffer): number {
  let sum = 0
  for (let i = 0; i < a.length; i++) sum += Math.abs(a[i]! - b[i]!)
  return sum / a.length
}

/** Pairs of different products in one result list (best first, at most 10) whose pictures are near-identical. */
export function nearIdenticalPairs(productIds: string[], pictures: Array<Buffer | null>): number {
  let pairs = 0
  const n = Math.min(10, productIds.length)
  for (let i = 0; i < n; i++)
    for (let j = i + 1; j < n; j++) {
      const [a, b] = [pictures[i], pictures[j]]
      if (productIds[i] !== productIds[j] && a && b && meanDifference(a, b) <= NEAR_IDENTICAL_LEVELS) pairs++
    }
  return pairs
}
