import sharp, { type Sharp } from "sharp";

/** The formats the sidecar accepts: the same as Medusa's uploads. */
export const ACCEPTED_FORMATS = ["jpeg", "png", "webp"] as const;
export type AcceptedFormat = (typeof ACCEPTED_FORMATS)[number];

/**
 * Opens an upload for decoding. Every route and every consumer (the model input, the kept source
 * copy, a re-index) decodes through here, so a file one route accepts is accepted by all:
 * recoverable damage (a JPEG warning) is tolerated, errors are not; only the first frame of an
 * animation is read; more than `maxPixels` pixels is refused before decoding.
 */
export function openImage(buf: Uint8Array, maxPixels: number): Sharp {
  return sharp(buf, { failOn: "error", limitInputPixels: maxPixels, animated: false });
}

/** Reads the header only (dimensions, orientation): no pixel limit, nothing is decoded. */
export function readImageHeader(buf: Uint8Array): ReturnType<Sharp["metadata"]> {
  return sharp(buf, { failOn: "error", limitInputPixels: false, animated: false }).metadata();
}
