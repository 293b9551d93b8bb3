/**
 * The shopper photos both halves of bench/visual-search search: the kinds of damage a photo of a catalog
 * product gets, in turn, and Fashion-MNIST test photos with the catalog categories that count as right for each class.
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
