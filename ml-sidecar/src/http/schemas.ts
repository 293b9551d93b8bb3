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

/** A k-NN hit of /v1/describe and /v1/similar: one per product and per picture. */
export const collapsedHitSchema = {
  type: "object",
  properties: {
    id: { type: "string" },
    score: { type: "number", description: "cosine similarity of the embeddings: the best of this image and the images folded into it" },
    metadata: metadataSchema,
    collapsed: { type: "integer", description: "images folded into this hit: the product's other images and near-identical pictures" },
    leading: {
      type: "boolean",
      description:
        "present (true) on /v1/describe's near-exact matches of another category that lead the item's list ahead of its predicted category",
    },
  },
} as const;

const boxSchema = {
  type: "object",
  description: "fractions of the upright photo",
  properties: { x: { type: "number" }, y: { type: "number" }, width: { type: "number" }, height: { type: "number" } },
} as const;

const predictionSchema = { type: "object", properties: { handle: { type: "string" }, confidence: { type: "number" } } } as const;

export const describeResponseSchema = {
  type: "object",
  properties: {
    model: { type: "string" },
    model_version: { type: "string" },
    head_version: { type: "string", description: "version of the category head's weights" },
    width: { type: "integer" },
    height: { type: "integer" },
    person: { type: "boolean", description: "a person is in the photo" },
    items: {
      type: "array",
      description: "one per garment found, most prominent first",
      items: {
        type: "object",
        properties: {
          box: boxSchema,
          source: { type: "string", enum: ["product", "person", "whole"] },
          part: { type: "string", enum: ["top", "bottom", "full", "shoes", "bag"] },
          prominence: { type: "number" },
          category: predictionSchema,
          categories: { type: "array", items: predictionSchema },
          colours: {
            type: "array",
            items: { type: "object", properties: { name: { type: "string" }, hex: { type: "string" }, share: { type: "number" } } },
          },
          embedding: { type: "array", items: { type: "number" } },
          search_category: {
            type: ["string", "null"],
            description:
              "the category handle the item's hits were searched within; null: every category (a busy scene's outline, or a head not confident enough)",
          },
          hits: { type: "array", items: collapsedHitSchema },
        },
      },
    },
    message: { type: "string", description: 'present when no garment is found: "No garment found in the photo."' },
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
    "POST /v1/describe": {
      description:
        "The garments in one photo: box, category, colours and, with `k`, each one's nearest indexed images (one per product and per picture). No garment: `items: []` and a message.",
      body: {
        type: "object",
        required: ["image"],
        properties: {
          image: imagePart,
          k: { type: "integer", minimum: 0, maximum: 200, default: 0, description: "hits per item; 0: none" },
          filter: { type: "string", description: 'JSON filter for every item\'s search, e.g. {"kind":"product"}' },
          category: { type: "string", description: "search every item within this category handle" },
          min_category_confidence: {
            type: "number",
            minimum: 0,
            maximum: 1,
            description: "from this confidence an item's search keeps to its predicted category (default MIN_CATEGORY_CONFIDENCE)",
          },
          max_items: { type: "integer", minimum: 1, maximum: 10, description: "default DESCRIBE_MAX_ITEMS" },
          include_embedding: { type: "boolean", default: false },
        },
      },
    },
    "POST /v1/try-on": {
      description:
        "The garment of a product image warped onto a person's photo: the composited image (base64) and the placement (keypoints, the garment's outline, warnings) in the upload's pixels. Refusals: 422 no_person, several_people, pose_not_supported, image_too_small, category_not_supported, garment_not_found.",
      body: {
        type: "object",
        required: ["person", "garment", "category"],
        properties: {
          person: imagePart,
          garment: { ...imagePart, description: "product image on a plain background (JPEG, PNG or WebP)" },
          category: { type: "string", description: "catalog category handle: tops, shirts, knitwear, outerwear, dresses, trousers, jeans, skirts" },
          fit: {
            type: "string",
            description: 'a width factor (e.g. 1.1) or JSON, e.g. {"chest":"loose","length":"long"} (tight, regular, loose; short, regular, long)',
          },
          format: { type: "string", enum: ["jpeg", "png"], default: "jpeg" },
        },
      },
    },
    "POST /v1/dedup": {
      description: `Groups of uploaded images (indexes in upload order) that duplicate each other; groups of one are left out. At most ${maxImages} images (MAX_IMAGES_PER_REQUEST); more: 413 \`too_many_images\`.`,
      body: { type: "object", required: ["image"], properties: { image: images } },
    },
    "POST /v1/duplicates": {
      description: "Already indexed images that one upload duplicates, with scores; `filter` (JSON, as in search) limits which indexed images count.",
      body: {
        type: "object",
        required: ["image"],
        properties: { image: imagePart, filter: { type: "string", description: "JSON metadata filter" } },
      },
    },
  };
}

const pointSchema = { type: "array", items: { type: "number" }, minItems: 2, maxItems: 2 } as const;

/** POST /v1/try-on's answer: the composited photo (base64) and where the garment went. */
export const tryOnResponseSchema = {
  type: "object",
  properties: {
    image: {
      type: "object",
      properties: {
        content_type: { type: "string", enum: ["image/jpeg", "image/png"] },
        width: { type: "integer" },
        height: { type: "integer" },
        data: { type: "string", description: "the composited photo, base64" },
      },
    },
    placement: {
      type: "object",
      properties: {
        width: { type: "integer", description: "the uploaded photo's upright width: the pixel space of keypoints and outline" },
        height: { type: "integer" },
        keypoints: {
          type: "object",
          description:
            "joints by name (left_shoulder, right_hip, …; the person's own left and right) with confidence; `estimated` when placed from other joints",
          additionalProperties: {
            type: "object",
            properties: { x: { type: "number" }, y: { type: "number" }, score: { type: "number" }, estimated: { type: "boolean" } },
          },
        },
        anchors: {
          type: "object",
          description:
            "where the warp took the garment's points meant for the joints (left_shoulder, right_shoulder, left_hip, right_hip; hips only for bottoms), pixels",
          additionalProperties: { type: "object", properties: { x: { type: "number" }, y: { type: "number" } } },
        },
        outline: { type: "array", items: pointSchema, description: "the drawn garment's outline, [x, y] pixels, clockwise" },
        warnings: { type: "array", items: { type: "string" } },
      },
    },
    category: { type: "string" },
    kind: { type: "string", enum: ["top", "full", "legs", "skirt"] },
    fit: { type: "object", properties: { width: { type: "number" }, length: { type: "number" } } },
  },
} as const;
