/**
 * Try-on's response types (POST /store/try-on, POST /store/try-on/:id/keep). Type-only, so the
 * storefront can import them.
 */

/** A body joint in the photo's pixels (after EXIF orientation); the person's own left and right. */
export type TryOnKeypoint = { x: number; y: number; score: number; estimated?: boolean }

/** Where the garment went on the shopper's photo, in the pixels of the photo as stored (and of the result). */
export type TryOnPlacement = {
  width: number
  height: number
  /** left_shoulder, right_shoulder, left_hip, right_hip, … */
  keypoints: Record<string, TryOnKeypoint>
  /** The drawn garment's outline, [x, y] pixels, clockwise. */
  outline: [number, number][]
  warnings: string[]
}

export type StoreTryOn = {
  id: string
  /** The composited photo: a signed URL that expires (FILE_URL_TTL_SECONDS); it needs no other credential. */
  image_url: string
  placement: TryOnPlacement
  /** What the preview could not do exactly (e.g. "hips outside the photo: length estimated"). */
  warnings: string[]
  /** The size shown (the variant's Size option), null for a product without sizes. */
  size: string | null
}

/** POST /store/try-on */
export type StoreTryOnResponse = { try_on: StoreTryOn }

/** POST /store/try-on/:id/keep: the try-on, kept past the 24-hour deletion. */
export type StoreTryOnKeepResponse = { try_on: StoreTryOn & { kept: true } }

/** 422 when the photo or garment cannot be tried on: no_person, several_people, pose_not_supported, image_too_small, category_not_supported, … */
export type TryOnRefusal = { type: string; message: string }
