import { VisualImageStatus } from "../../lib/types"

export const IMAGE_STATUS_COLOUR: Record<VisualImageStatus, "green" | "orange" | "red"> = {
  indexed: "green",
  pending: "orange",
  failed: "red",
}

/** "1 image", "3 images". */
export const images = (n: number) => `${n} ${n === 1 ? "image" : "images"}`

/** A share of a whole as the admin shows it ("12.5%"), a dash when there is no whole. */
export const shareOf = (part: number, whole: number) => (whole ? `${((part / whole) * 100).toFixed(1)}%` : "—")
