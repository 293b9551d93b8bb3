import Fastify, { type FastifyInstance, type FastifyReply } from "fastify";
import multipart from "@fastify/multipart";
import swagger from "@fastify/swagger";
import swaggerUi from "@fastify/swagger-ui";
import { ClientError } from "../errors.ts";
import type { ImageService } from "../image-service.ts";
import type { Metrics } from "../metrics.ts";
import type { Reindexer } from "../reindex.ts";
import { parseFilter, type Metadata } from "../index/filter.ts";
import type { ImageRecord } from "../index/vector-store.ts";
import {
  collapsedHitSchema,
  describeResponseSchema,
  errorSchema,
  hitSchema,
  idParams,
  imageSchema,
  multipartDocs,
  tryOnResponseSchema,
} from "./schemas.ts";
import type { TryOnService } from "../try-on/try-on-service.ts";
import { parseFit } from "../try-on/fit.ts";
import type { DescribeOptions, DescribeService } from "../describe/describe-service.ts";
import type { SimilarImages } from "../describe/similar-images.ts";
import { DEFAULT_REQUEST_LIMITS, type LogLevel, type RequestLimits } from "../config.ts";
import { requireBearerToken } from "./auth.ts";
import { readMultipart } from "./multipart.ts";
import { describeRequestError } from "./request-errors.ts";

export interface ServerDeps {
  service: ImageService;
  /** Garments in a photo (POST /v1/describe); null: its models did not load, and the route answers 503 with `describeError`. */
  describe?: DescribeService | null;
  describeError?: string | null;
  /** A garment on a shopper's photo (POST /v1/try-on); none: the route is not served. */
  tryOn?: TryOnService;
  /** Images like indexed ones (POST /v1/similar); none: the route is not served. */
  similar?: SimilarImages;
  metrics: Metrics;
  reindexer?: Reindexer;
  skippedBackends?: Array<{ backend: string; reason: string }>;
  /** What one request may carry (default DEFAULT_REQUEST_LIMITS); the image size limit is the service's. */
  limits?: RequestLimits;
  /** Shared secret required on every route but /health and /docs; unset: none. */
  token?: string;
  /** Fastify's request log: off (default), on at info, or at this level. */
  logger?: boolean | { level: LogLevel };
}

/** Ids per POST /v1/images/embeddings. */
const MAX_EMBEDDING_IDS = 1000;

const errors = {
  400: errorSchema,
  401: errorSchema,
  404: errorSchema,
  413: errorSchema,
  415: errorSchema,
  422: errorSchema,
  500: errorSchema,
  503: errorSchema,
};

export async function buildServer(deps: ServerDeps): Promise<FastifyInstance> {
  const { service, metrics } = deps;
  const limits = deps.limits ?? DEFAULT_REQUEST_LIMITS;
  const app = Fastify({
    logger: deps.logger ?? false,
    bodyLimit: limits.maxJsonBytes,
    ajv: { customOptions: { coerceTypes: true } },
    // Raised while routing (a URL that does not decode), before the error handler: same { type, message }.
    frameworkErrors: (err, request, raw) => {
      const reply: FastifyReply = raw;
      const status = err.statusCode && err.statusCode < 500 ? err.statusCode : 400;
      void reply.status(status).send(
        describeRequestError({ statusCode: status, code: err.code, message: err.message }, request, {
          ...limits,
          maxImageBytes: service.limits.maxBytes,
        }),
      );
    },
  });

  if (deps.token) requireBearerToken(app, deps.token);
  await app.register(multipart, {
    limits: {
      fileSize: service.limits.maxBytes,
      files: limits.maxImages,
      fields: limits.maxFields,
      fieldSize: limits.maxFieldBytes,
      parts: limits.maxImages + limits.maxFields,
      headerPairs: 32,
    },
  });
  const docsByRoute = multipartDocs(limits.maxImages);
  await app.register(swagger, {
    openapi: {
      info: { title: "Curator ML sidecar", version: "0.1.0", description: "Image embeddings, vector search and near-duplicate detection." },
    },
    transform: ({ schema, url, route }) => {
      const method = Array.isArray(route.method) ? route.method[0] : route.method;
      const docs = docsByRoute[`${method} ${url.replace(/:(\w+)/g, "{$1}")}`];
      if (!docs) return { schema, url };
      return { schema: { ...schema, consumes: ["multipart/form-data"], body: docs.body, description: docs.description }, url };
    },
  });
  await app.register(swaggerUi, { routePrefix: "/docs" });

  app.setErrorHandler((err: Error & { statusCode?: number; code?: string; validation?: unknown }, request, reply) => {
    if (err instanceof ClientError) return reply.status(err.statusCode).send({ type: err.type, message: err.message });
    const status = err.statusCode ?? 500;
    if (status >= 400 && status < 500) {
      return reply.status(status).send(
        describeRequestError({ statusCode: status, code: err.code, message: err.message }, request, {
          ...limits,
          maxImageBytes: service.limits.maxBytes,
        }),
      );
    }
    request.log.error(err);
    return reply.status(500).send({ type: "internal_error", message: "The sidecar failed to process the request." });
  });
  app.setNotFoundHandler((request, reply) => reply.status(404).send({ type: "not_found", message: `No route ${request.method} ${request.url}.` }));

  app.addHook("onResponse", async (request, reply) => {
    metrics.httpDuration.observe(
      { method: request.method, route: request.routeOptions.url ?? "unmatched", status: String(reply.statusCode) },
      reply.elapsedTime / 1000,
    );
  });

  function parseMetadata(raw: string | undefined): Metadata {
    if (raw === undefined || raw === "") return {};
    let value: unknown;
    try {
      value = JSON.parse(raw);
    } catch {
      throw new ClientError(400, "invalid_metadata", "metadata is not valid JSON.");
    }
    if (typeof value !== "object" || value === null || Array.isArray(value))
      throw new ClientError(400, "invalid_metadata", "metadata must be a JSON object.");
    const m = value as Metadata;
    const scalar = (v: unknown) => typeof v === "string" || typeof v === "boolean" || (typeof v === "number" && Number.isFinite(v));
    for (const [key, v] of Object.entries(m)) {
      if (!/^[A-Za-z_][A-Za-z0-9_]{0,63}$/.test(key))
        throw new ClientError(400, "invalid_metadata", `metadata field "${key}" is not a valid field name.`);
      if (!(v === null || scalar(v) || (Array.isArray(v) && v.every(scalar)))) {
        throw new ClientError(400, "invalid_metadata", `metadata.${key} must be a string, number, boolean, null or an array of those.`);
      }
    }
    if (m.product_id !== undefined && typeof m.product_id !== "string")
      throw new ClientError(400, "invalid_metadata", "metadata.product_id must be a string.");
    if (m.variant_ids !== undefined && !(Array.isArray(m.variant_ids) && m.variant_ids.every((v) => typeof v === "string"))) {
      throw new ClientError(400, "invalid_metadata", "metadata.variant_ids must be an array of strings.");
    }
    if (m.category !== undefined && typeof m.category !== "string")
      throw new ClientError(400, "invalid_metadata", "metadata.category must be a string.");
    return m;
  }

  function parseK(raw: unknown, fallback = 10): number {
    if (raw === undefined || raw === "") return fallback;
    const k = Number(raw);
    if (!Number.isInteger(k) || k < 1 || k > 1000) throw new ClientError(400, "invalid_k", "k must be an integer from 1 to 1000.");
    return k;
  }

  /** The optional text fields of POST /v1/describe; a bad or unknown one is a 400 naming it. */
  function parseDescribeFields(fields: Record<string, string>): DescribeOptions {
    const known = ["k", "filter", "category", "min_category_confidence", "max_items", "include_embedding"];
    const unknown = Object.keys(fields).filter((f) => !known.includes(f));
    if (unknown.length) throw new ClientError(400, "unexpected_field", `Unknown field(s) ${unknown.join(", ")}; expected ${known.join(", ")}.`);
    const number = (name: string, min: number, max: number, integer: boolean): number | undefined => {
      const raw = fields[name];
      if (raw === undefined || raw === "") return undefined;
      const v = Number(raw);
      if (!Number.isFinite(v) || v < min || v > max || (integer && !Number.isInteger(v))) {
        throw new ClientError(400, `invalid_${name}`, `${name} must be ${integer ? "an integer" : "a number"} from ${min} to ${max}.`);
      }
      return v;
    };
    const options: DescribeOptions = {
      k: number("k", 0, 200, true),
      filter: parseFilter(fields.filter),
      minCategoryConfidence: number("min_category_confidence", 0, 1, false),
      maxItems: number("max_items", 1, 10, true),
    };
    if (fields.category !== undefined && fields.category !== "") {
      if (!/^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/.test(fields.category))
        throw new ClientError(400, "invalid_category", "category must be a category handle (letters, digits, '.', '_', '-').");
      options.category = fields.category;
    }
    const embedding = fields.include_embedding;
    if (embedding !== undefined && embedding !== "") {
      if (!["true", "false", "1", "0"].includes(embedding))
        throw new ClientError(400, "invalid_include_embedding", "include_embedding must be true or false.");
      options.includeEmbedding = embedding === "true" || embedding === "1";
    }
    return options;
  }

  const imageView = (r: ImageRecord, withEmbedding: boolean) => ({
    id: r.id,
    model: r.model,
    model_version: r.modelVersion,
    dim: r.vector.length,
    hash: { hex: r.hash.hex, mirror_hex: r.hash.mirrorHex },
    metadata: r.metadata,
    indexed_at: r.indexedAt,
    ...(withEmbedding ? { embedding: Array.from(r.vector) } : {}),
  });

  /** Which model's space embeddings are in, sent with every answer that carries embeddings. */
  const embeddingSpaceProperties = { model: { type: "string" }, model_version: { type: "string" }, dim: { type: "integer" } };

  app.post(
    "/v1/embed",
    {
      schema: {
        tags: ["embeddings"],
        response: {
          200: {
            type: "object",
            properties: {
              ...embeddingSpaceProperties,
              embeddings: { type: "array", items: { type: "array", items: { type: "number" } } },
            },
          },
          ...errors,
        },
      },
    },
    async (request) => {
      const { images } = await readMultipart(request, limits);
      const vectors = await service.embed(images);
      const space = service.space;
      return { model: space.model, model_version: space.version, dim: space.dim, embeddings: vectors.map((v) => Array.from(v)) };
    },
  );

  app.put(
    "/v1/images/:id",
    { schema: { tags: ["images"], params: idParams, response: { 200: { type: "object", properties: { image: imageSchema } }, ...errors } } },
    async (request) => {
      const { id } = request.params as { id: string };
      const { images, fields } = await readMultipart(request, limits);
      if (images.length !== 1) throw new ClientError(400, "missing_image", `Send exactly one \`image\` part (got ${images.length}).`);
      const metadata = parseMetadata(fields.metadata);
      const record = await service.putImage(id, images[0]!, metadata);
      metrics.indexSize.set(await service.imageCount());
      return { image: imageView(record, false) };
    },
  );

  app.get(
    "/v1/images/:id",
    {
      schema: {
        tags: ["images"],
        params: idParams,
        querystring: { type: "object", properties: { include_embedding: { type: "boolean", default: false } } },
        response: { 200: { type: "object", properties: { image: imageSchema } }, ...errors },
      },
    },
    async (request) => {
      const { id } = request.params as { id: string };
      const record = await service.getImage(id);
      if (!record) throw new ClientError(404, "not_found", `Image ${id} is not indexed.`);
      return { image: imageView(record, (request.query as { include_embedding?: boolean }).include_embedding === true) };
    },
  );

  app.post(
    "/v1/images/embeddings",
    {
      schema: {
        tags: ["images"],
        description: "The embeddings of many indexed images at once; ids that are not indexed are absent from `embeddings`.",
        body: {
          type: "object",
          required: ["ids"],
          properties: { ids: { type: "array", minItems: 1, maxItems: MAX_EMBEDDING_IDS, items: idParams.properties.id } },
        },
        response: {
          200: {
            type: "object",
            properties: {
              ...embeddingSpaceProperties,
              embeddings: { type: "object", additionalProperties: { type: "array", items: { type: "number" } } },
            },
          },
          ...errors,
        },
      },
    },
    async (request) => {
      const { ids } = request.body as { ids: string[] };
      const vectors = await service.getEmbeddings(ids);
      const space = service.space;
      return {
        model: space.model,
        model_version: space.version,
        dim: space.dim,
        embeddings: Object.fromEntries([...vectors].map(([id, v]) => [id, Array.from(v)])),
      };
    },
  );

  app.delete(
    "/v1/images/:id",
    {
      schema: {
        tags: ["images"],
        params: idParams,
        response: {
          200: { type: "object", properties: { id: { type: "string" }, object: { type: "string" }, deleted: { type: "boolean" } } },
          ...errors,
        },
      },
    },
    async (request) => {
      const { id } = request.params as { id: string };
      if (!(await service.deleteImage(id))) throw new ClientError(404, "not_found", `Image ${id} is not indexed.`);
      metrics.indexSize.set(await service.imageCount());
      return { id, object: "image", deleted: true };
    },
  );

  app.post(
    "/v1/search",
    { schema: { tags: ["search"], response: { 200: { type: "object", properties: { hits: { type: "array", items: hitSchema } } }, ...errors } } },
    async (request) => {
      if (request.isMultipart()) {
        const { images, fields } = await readMultipart(request, limits);
        if (images.length !== 1) throw new ClientError(400, "missing_image", `Send exactly one \`image\` part (got ${images.length}).`);
        const hits = await service.search({ image: images[0] }, parseK(fields.k), parseFilter(fields.filter));
        return {
          hits: hits.map(({ id, score, metadata, hashDistance, evidence }) => ({
            id,
            score,
            metadata,
            hash_distance: hashDistance,
            duplicate: evidence,
          })),
        };
      }
      const body = request.body as { embedding?: unknown; k?: unknown; filter?: unknown } | undefined;
      if (!body || typeof body !== "object")
        throw new ClientError(400, "missing_query", "Send an `image` part (multipart) or a JSON body with `embedding`.");
      if (!Array.isArray(body.embedding) || !body.embedding.every((x) => typeof x === "number")) {
        throw new ClientError(400, "invalid_embedding", "embedding must be an array of numbers.");
      }
      const hits = await service.search({ embedding: body.embedding as number[] }, parseK(body.k), parseFilter(body.filter));
      return { hits: hits.map(({ id, score, metadata }) => ({ id, score, metadata })) };
    },
  );

  app.post(
    "/v1/dedup",
    {
      schema: {
        tags: ["duplicates"],
        response: {
          200: { type: "object", properties: { groups: { type: "array", items: { type: "array", items: { type: "integer" } } } } },
          ...errors,
        },
      },
    },
    async (request) => {
      const { images } = await readMultipart(request, limits);
      return { groups: await service.dedup(images) };
    },
  );

  app.post(
    "/v1/duplicates",
    {
      schema: {
        tags: ["duplicates"],
        response: {
          200: {
            type: "object",
            properties: {
              duplicates: {
                type: "array",
                items: {
                  type: "object",
                  properties: {
                    id: { type: "string" },
                    score: { type: "number" },
                    hash_distance: { type: "integer" },
                    evidence: { type: "string", enum: ["hash", "layout", "keypoints"] },
                    metadata: { type: "object", additionalProperties: true },
                  },
                },
              },
            },
          },
          ...errors,
        },
      },
    },
    async (request) => {
      const { images, fields } = await readMultipart(request, limits);
      if (images.length !== 1) throw new ClientError(400, "missing_image", `Send exactly one \`image\` part (got ${images.length}).`);
      return { duplicates: await service.duplicatesOf(images[0]!, parseFilter(fields.filter)) };
    },
  );

  const { describe, similar } = deps;
  if (describe !== undefined) {
    app.post("/v1/describe", { schema: { tags: ["describe"], response: { 200: describeResponseSchema, ...errors } } }, async (request) => {
      if (!describe)
        throw new ClientError(
          503,
          "describe_unavailable",
          `Garment description is not available: ${deps.describeError ?? "its models did not load"}.`,
        );
      const { images, fields } = await readMultipart(request, limits);
      if (images.length !== 1) throw new ClientError(400, "missing_image", `Send exactly one \`image\` part (got ${images.length}).`);
      return describe.describe(images[0]!, parseDescribeFields(fields));
    });
  }

  const { tryOn } = deps;
  if (tryOn) {
    app.post(
      "/v1/try-on",
      {
        schema: {
          tags: ["try-on"],
          description:
            "Multipart `person` (photo) and `garment` (product image on a plain background), `category` (handle), optional `fit` and `format` (jpeg, png): the garment warped onto the person. See the README's Try-on section.",
          response: { 200: tryOnResponseSchema, ...errors },
        },
      },
      async (request) => {
        const { files, fields } = await readMultipart(request, limits, ["person", "garment"]);
        const one = (name: string): Buffer => {
          const parts = files[name] ?? [];
          if (parts.length !== 1) throw new ClientError(400, "missing_image", `Send exactly one \`${name}\` image part (got ${parts.length}).`);
          return parts[0]!;
        };
        const known = ["category", "fit", "format"];
        const unknown = Object.keys(fields).filter((f) => !known.includes(f));
        if (unknown.length) throw new ClientError(400, "unexpected_field", `Unknown field(s) ${unknown.join(", ")}; expected ${known.join(", ")}.`);
        const person = one("person");
        const garment = one("garment");
        const category = fields.category ?? "";
        if (category === "") throw new ClientError(400, "missing_category", "Send the garment's `category` (a catalog category handle, e.g. tops).");
        if (!/^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/.test(category))
          throw new ClientError(400, "invalid_category", "category must be a category handle (letters, digits, '.', '_', '-').");
        const format = fields.format === undefined || fields.format === "" ? "jpeg" : fields.format;
        if (format !== "jpeg" && format !== "png") throw new ClientError(400, "invalid_format", "format must be jpeg or png.");
        const result = await tryOn.tryOn({ person, garment, category, fit: parseFit(fields.fit), format });
        return {
          image: {
            content_type: result.image.contentType,
            width: result.image.width,
            height: result.image.height,
            data: result.image.data.toString("base64"),
          },
          placement: result.placement,
          category,
          kind: result.kind,
          fit: result.fit,
        };
      },
    );
  }

  if (similar) {
    app.post(
      "/v1/similar",
      {
        schema: {
          tags: ["describe"],
          description:
            "Indexed images like the given indexed ones (best score over them), without them and without other images of the first one's product; one hit per product and per picture.",
          body: {
            type: "object",
            required: ["image_ids"],
            properties: {
              image_ids: { type: "array", minItems: 1, maxItems: 32, items: idParams.properties.id },
              k: { type: "integer", minimum: 1, maximum: 200, default: 20 },
              filter: { type: "object", description: 'filter language of /v1/search, e.g. {"kind":"product"}' },
            },
          },
          response: { 200: { type: "object", properties: { hits: { type: "array", items: collapsedHitSchema } } }, ...errors },
        },
      },
      async (request) => {
        const body = request.body as { image_ids: string[]; k: number; filter?: unknown };
        return { hits: await similar.similarTo(body.image_ids, body.k, parseFilter(body.filter)) };
      },
    );
  }

  app.get("/health", { schema: { tags: ["operations"] } }, async () => {
    const info = service.embedder.info;
    const vectors = await service.imageCount().catch(() => -1);
    return {
      status: vectors >= 0 ? "ok" : "degraded",
      backend: info.backend,
      workers: info.workers,
      model: info.model,
      // The index's space: every stored vector was made under it (Medusa re-indexes images of another).
      model_version: service.space.version,
      dim: info.dim,
      skipped_backends: deps.skippedBackends ?? [],
      store: {
        kind: service.indexInfo.kind,
        vectors,
        search: service.indexInfo.searchMethod,
      },
      thresholds: {
        max_hash_distance: service.thresholds.maxHashDistance,
        min_candidate_cosine: service.thresholds.minCandidateCosine,
        min_layout_score: service.thresholds.minLayoutScore,
        min_keypoint_inliers: service.thresholds.minKeypointInliers,
        min_keypoint_extent: service.thresholds.minKeypointExtent,
      },
      // Images whose visual words are loaded (at start this catches up with `vectors`).
      visual_words: service.visualWordsStatus,
      reindex: deps.reindexer?.state ?? null,
      describe: describe
        ? { head_version: describe.classifier.version, labels: describe.classifier.labels, detector: describe.detectorName }
        : { error: deps.describeError ?? "not configured" },
    };
  });

  app.get("/metrics", { schema: { tags: ["operations"], hide: false } }, async (_request, reply) => {
    metrics.indexSize.set(await service.imageCount().catch(() => 0));
    reply.header("content-type", metrics.registry.contentType);
    return metrics.registry.metrics();
  });

  return app;
}
