import type { StoreTryOn, StoreTryOnResponse, TryOnPlacement } from "@curator/types/try-on"

/**
 * Try-on's shared pieces: which categories it dresses, the answer of POST /store/try-on, and what
 * the shopper reads when a photo is refused. Used by the dialog (browser) and the product page (server).
 */

/** Catalog category handles the sidecar can dress (upper body, full body, lower body). Shoes, bags and accessories are not. */
export const TRY_ON_CATEGORIES = ["tops", "shirts", "knitwear", "outerwear", "dresses", "trousers", "jeans", "skirts"] as const

export function canTryOn(categoryHandles: (string | null | undefined)[]): boolean {
  return categoryHandles.some((h) => !!h && (TRY_ON_CATEGORIES as readonly string[]).includes(h))
}

// Try-on's response types, declared once beside the backend's route (src/types/http/try-on.ts).
export type TryOn = StoreTryOn
export type { StoreTryOnResponse, TryOnPlacement }

export type TryOnRefusalType =
  "no_person" | "several_people" | "pose_not_supported" | "image_too_small" | "category_not_supported" | "garment_not_found"

/** A refusal in plain words: what happened, and what to do about it. */
export type TryOnProblem = { title: string; advice: string }

const REFUSALS: Record<TryOnRefusalType, TryOnProblem> = {
  no_person: {
    title: "We couldn't find a person in this photo.",
    advice: "Use a photo of yourself facing the camera, with your whole upper body in the picture and nothing covering it.",
  },
  several_people: {
    title: "There is more than one person in this photo.",
    advice: "Use a photo of just you, or crop it so that you are the only person in it.",
  },
  pose_not_supported: {
    title: "We couldn't see your body clearly enough from this angle.",
    advice: "Stand facing the camera, arms slightly away from your body, with your shoulders and hips in the photo.",
  },
  image_too_small: {
    title: "This photo is too small to place the garment on.",
    advice: "Use a larger photo, or one taken closer so that you fill more of the picture.",
  },
  category_not_supported: {
    title: "This item can't be tried on yet.",
    advice: "Try-on works for tops, shirts, knitwear, outerwear, dresses, trousers, jeans and skirts.",
  },
  garment_not_found: {
    title: "This colour can't be tried on yet.",
    advice: "Its product photo could not be used for the preview. Choose another colour, or try again later.",
  },
}

/** The shopper's words for a refusal type; null for a type this storefront does not know. */
export function tryOnRefusal(type: string | undefined): TryOnProblem | null {
  return type && type in REFUSALS ? REFUSALS[type as TryOnRefusalType] : null
}

export const TRY_ON_UNAVAILABLE: TryOnProblem = {
  title: "Try-on is unavailable right now.",
  advice: "The rest of the shop works as usual. Try again in a few minutes.",
}

/** The multipart body of POST /store/try-on (and of the storefront's upload route that streams it). */
export function tryOnBody(photo: Blob, fileName: string, fields: { variantId: string; regionId: string; size?: string }): FormData {
  const body = new FormData()
  body.append("photo", photo, fileName)
  body.append("variant_id", fields.variantId)
  body.append("region_id", fields.regionId)
  if (fields.size) body.append("size", fields.size)
  return body
}
