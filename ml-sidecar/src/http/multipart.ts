import type { FastifyRequest } from "fastify";
import { ClientError } from "../errors.ts";

export interface MultipartInput {
  images: Buffer[];
  /** The file parts by their field name (a route that names its files reads them here). */
  files: Record<string, Buffer[]>;
  fields: Record<string, string>;
}

/** Errors the multipart reader raises for limits; the error handler words them (request-errors.ts). */
const LIMIT_ERROR_CODES = new Set(["FST_REQ_FILE_TOO_LARGE", "FST_FILES_LIMIT", "FST_PARTS_LIMIT", "FST_FIELDS_LIMIT", "FST_PROTO_VIOLATION"]);

/**
 * Reads a multipart/form-data body: `image` file parts and text fields. Anything the parser cannot
 * make sense of (no or wrong boundary, a body that stops early, broken part headers) is the
 * client's doing: 400 `invalid_multipart`, never a 500.
 */
export async function readMultipart(
  request: FastifyRequest,
  limits: { maxFieldBytes: number },
  fileFields: readonly string[] = ["image"],
): Promise<MultipartInput> {
  if (!request.isMultipart()) {
    throw new ClientError(
      415,
      "unsupported_media_type",
      `Expected multipart/form-data with \`image\` parts, got ${JSON.stringify(request.headers["content-type"] ?? "none")}.`,
    );
  }
  const out: MultipartInput = { images: [], files: {}, fields: {} };
  try {
    for await (const part of request.parts()) {
      if (part.type === "file") {
        const data = await part.toBuffer();
        if (!fileFields.includes(part.fieldname)) {
          const names = fileFields.map((f) => `\`${f}\``).join(" and ");
          throw new ClientError(400, "unexpected_file", `File part "${part.fieldname}" is not expected; name image parts ${names}.`);
        }
        out.images.push(data);
        (out.files[part.fieldname] ??= []).push(data);
      } else {
        if (part.valueTruncated)
          throw new ClientError(413, "field_too_large", `The field "${part.fieldname}" is longer than the ${limits.maxFieldBytes}-byte limit.`);
        out.fields[part.fieldname] = String(part.value);
      }
    }
  } catch (err) {
    if (err instanceof ClientError) throw err;
    const code = (err as { code?: string }).code;
    if (code && LIMIT_ERROR_CODES.has(code)) throw err;
    throw new ClientError(
      400,
      "invalid_multipart",
      "The multipart body cannot be read: send multipart/form-data with the boundary named in Content-Type, complete parts and the closing delimiter.",
    );
  }
  return out;
}
