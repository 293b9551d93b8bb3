/** JSON schemas shared by routes and the OpenAPI document. */
export const errorSchema = {
  type: "object",
  required: ["type", "message"],
  properties: { type: { type: "string" }, message: { type: "string" } },
} as const;

export const metadataSchema = {
  type: "object",
  additionalProperties: true,
  description: "product_id, variant_ids, category and any other filterable field (scalars or arrays of scalars)",
} as const;

export const hashSchema = {
  type: "object",
  properties: { hex: { type: "string" }, mirror_hex: { type: "string" } },
} as const;

export const imageSchema = {
  type: "object",
  properties: {
    id: { type: "string" },
    model: { type: "string" },
    model_version: { type: "string" },
    dim: { type: "integer" },
    hash: hashSchema,
    metadata: metadataSchema,
    indexed_at: { type: "string" },
    embedding: { type: "array", items: { type: "number" } },
  },
} as const;

export const hitSchema = {
  type: "object",
  properties: {
    id: { type: "string" },
    score: { type: "number", description: "cosine similarity of the embeddings" },
    hash_distance: { type: "integer", description: "present on verified near-duplicates of the query (ranked first)" },
    duplicate: { type: "string", description: "present on verified near-duplicates: the evidence, `hash`, `layout` or `keypoints`" },
    metadata: metadataSchema,
  },
} as const;

export const idParams = {
  type: "object",
  required: ["id"],
  properties: { id: { type: "string", pattern: "^[A-Za-z0-9._:-]{1,200}$" } },
} as const;

const imagePart = { type: "string", format: "binary", description: "JPEG, PNG or WebP" };

/**
 * Multipart bodies exist only in the OpenAPI document: they are parsed by hand, not validated by Fastify.
 * `maxImages` is the per-request image limit (MAX_IMAGES_PER_REQUEST).
 */
export function multipartDocs(maxImages: number): Record<string, { body: object; description: string }> {
  const images = { type: "array", items: imagePart, maxItems: maxImages };
  return {
    "POST /v1/embed": {
      description: `Embed one or more images (repeat the \`image\` part; at most ${maxImages}).`,
      body: { type: "object", required: ["image"], properties: { image: images } },
    },
    "PUT /v1/images/{id}": {
      description: "Index an image: its perceptual hash and embedding are stored with the metadata.",
      body: {
        type: "object",
        required: ["image"],
        properties: {
          image: imagePart,
          metadata: { type: "string", description: 'JSON object, e.g. {"product_id":"prod_1","variant_ids":["v1"],"category":"dress","price":49}' },
        },
      },
    },
    "POST /v1/search": {
      description: "k nearest indexed images to an uploaded `image` (multipart) or to `{ embedding }` (JSON).",
      body: {
        type: "object",
        properties: {
          image: imagePart,
          k: { type: "integer", minimum: 1, maximum: 1000, default: 10 },
          filter: { type: "string", description: 'JSON: {"category":"dress","brand":{"in":["a","b"]},"price":{"gte":10,"lt":50}}' },
        },
      },
    },
    "POST /v1/dedup": {
      description: `Groups of uploaded images (indexes in upload order) that duplicate each other; groups of one are left out. At most ${maxImages} images (MAX_IMAGES_PER_REQUEST); more: 413 \`too_many_images\`.`,
      body: { type: "object", required: ["image"], properties: { image: images } },
    },
    "POST /v1/duplicates": {
      description: "Already indexed images that one upload duplicates, with scores.",
      body: { type: "object", required: ["image"], properties: { image: imagePart } },
    },
  };
}
