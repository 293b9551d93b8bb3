/** After this many failed sidecar writes an image is `failed` and waits for an admin's reindex. */
export const VISUAL_INDEX_MAX_ATTEMPTS = 8
/** The first retry waits this long; each further one twice as long as the one before. */
export const VISUAL_INDEX_BACKOFF_BASE_SECONDS = 5
/** No retry waits longer than this. */
export const VISUAL_INDEX_BACKOFF_MAX_SECONDS = 10 * 60

export const VISUAL_IMAGE_STATUSES = ["pending", "indexed", "failed"] as const
export type VisualImageStatus = (typeof VISUAL_IMAGE_STATUSES)[number]

/** Seconds to wait before the next try after a failure, given the attempts made before it. */
export function backoffSeconds(previousAttempts: number): number {
  return Math.min(VISUAL_INDEX_BACKOFF_BASE_SECONDS * 2 ** previousAttempts, VISUAL_INDEX_BACKOFF_MAX_SECONDS)
}
