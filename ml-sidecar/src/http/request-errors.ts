import type { FastifyRequest } from "fastify";
import type { RequestLimits } from "../config.ts";

export interface RequestErrorLimits extends RequestLimits {
  maxImageBytes: number;
}

const mb = (bytes: number) => (bytes >= 1024 * 1024 ? `${+(bytes / (1024 * 1024)).toFixed(1)} MB` : `${+(bytes / 1024).toFixed(1)} KB`);

/**
 * The `{ type, message }` for a 4xx the framework or the multipart reader raised. Messages are
 * ours, naming the limit that was hit: never the parser's own text (it names library internals).
 */
export function describeRequestError(
  err: { statusCode: number; code?: string; message: string },
  request: FastifyRequest,
  limits: RequestErrorLimits,
): { type: string; message: string } {
  const contentType = JSON.stringify(request.headers["content-type"] ?? "");
  switch (err.code) {
    case "FST_REQ_FILE_TOO_LARGE":
      return {
        type: "image_too_large",
        message: `An image part is larger than the ${limits.maxImageBytes}-byte (${mb(limits.maxImageBytes)}) limit.`,
      };
    case "FST_FILES_LIMIT":
      return { type: "too_many_images", message: `Send at most ${limits.maxImages} images per request.` };
    case "FST_PARTS_LIMIT":
      return {
        type: "too_many_parts",
        message: `Send at most ${limits.maxImages + limits.maxFields} parts per request (${limits.maxImages} images and ${limits.maxFields} fields).`,
      };
    case "FST_FIELDS_LIMIT":
      return { type: "too_many_fields", message: `Send at most ${limits.maxFields} text fields per request.` };
    case "FST_PROTO_VIOLATION":
      return { type: "invalid_multipart", message: "A multipart field name is not allowed (__proto__, constructor)." };
    case "FST_ERR_CTP_BODY_TOO_LARGE":
      return {
        type: "body_too_large",
        message: `The request body is larger than the ${limits.maxJsonBytes}-byte (${mb(limits.maxJsonBytes)}) limit for JSON.`,
      };
    case "FST_ERR_CTP_EMPTY_JSON_BODY":
      return { type: "invalid_json", message: "The JSON body is empty." };
    case "FST_ERR_CTP_INVALID_JSON_BODY":
      return { type: "invalid_json", message: "The body is not valid JSON." };
    case "FST_ERR_CTP_INVALID_MEDIA_TYPE":
    case "FST_INVALID_MULTIPART_CONTENT_TYPE":
      return {
        type: "unsupported_media_type",
        message: `Unsupported content type ${contentType}: send multipart/form-data (or JSON for search by embedding).`,
      };
    case "FST_ERR_CTP_INVALID_CONTENT_LENGTH":
      return { type: "invalid_request", message: "The Content-Length header does not match the body." };
    case "FST_ERR_BAD_URL":
      return { type: "invalid_request", message: "The URL is not valid: its percent-encoding does not decode to UTF-8 text." };
    case "FST_ERR_VALIDATION":
      // Schema messages name the field and the rule ("params/id must match pattern …").
      return { type: "invalid_request", message: err.message };
    default:
      return {
        type: err.statusCode === 413 ? "body_too_large" : err.statusCode === 415 ? "unsupported_media_type" : "invalid_request",
        message: "The request cannot be read.",
      };
  }
}
