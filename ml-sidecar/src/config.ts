import os from "node:os";
import path from "node:path";
import type { BackendName } from "./embedding/select-backend.ts";
import { BACKEND_ORDER } from "./embedding/select-backend.ts";
import type { DuplicateThresholds } from "./dedup/near-duplicates.ts";
import { DEFAULT_IMAGE_LIMITS } from "./image/preprocess.ts";

/**
 * Calibrated by `npm run bench:dedup` on its calibration split
 * (seeds 1,000,000+; see README): the thresholds with the highest recall at
 * precision ≥ 0.999 there (0.995 let a rare hash collision through: README).
 */
export const CALIBRATED_THRESHOLDS: DuplicateThresholds = {
  maxHashDistance: 8,
  minCandidateCosine: 0.65,
  minLayoutScore: 0.96,
  minKeypointInliers: 20,
  minKeypointExtent: 0.2,
};

/** What one HTTP request may carry (src/http/server.ts enforces them). */
export interface RequestLimits {
  /** Most `image` parts in one multipart request. */
  maxImages: number;
  /** Most text fields (metadata, k, filter) in one multipart request. */
  maxFields: number;
  /** Longest text field value, in bytes. */
  maxFieldBytes: number;
  /** Largest JSON body (search by embedding), in bytes. */
  maxJsonBytes: number;
}

export const DEFAULT_REQUEST_LIMITS: RequestLimits = {
  // The shop sends one image per call, or a product's gallery to /v1/dedup.
  maxImages: 16,
  maxFields: 8,
  maxFieldBytes: 64 * 1024,
  // A 1792-number embedding is about 40 KB of JSON.
  maxJsonBytes: 256 * 1024,
};

export interface Config {
  port: number;
  host: string;
  /** Shared secret every route but /health and /docs requires (Authorization: Bearer …); unset: no authentication. */
  token?: string;
  requestLimits: RequestLimits;
  dataDir: string;
  embedWorkers: number;
  embedBackend?: BackendName;
  flipAverage: boolean;
  maxImageBytes: number;
  maxImagePixels: number;
  exactSearchBelow: number;
  hnsw: { connectivity: number; expansionAdd: number; expansionSearch: number };
  milvus?: { address: string; token?: string; collectionPrefix: string };
  thresholds: DuplicateThresholds;
  /** POST /v1/describe defaults (a request may override both). */
  describe: { minCategoryConfidence: number; maxItems: number };
  /** The request log's level (LOG_LEVEL, default info): the launcher's test runs set warn, so only problems are logged. */
  logLevel: LogLevel;
}

export const LOG_LEVELS = ["fatal", "error", "warn", "info", "debug", "trace", "silent"] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];
/** Medusa's own LOG_LEVEL names (winston) that pino lacks, as their nearest pino level: one setting serves both. */
const WINSTON_LEVELS: Record<string, LogLevel> = { http: "debug", verbose: "debug", silly: "trace" };

function logLevel(env: NodeJS.ProcessEnv): LogLevel {
  const raw = (env.LOG_LEVEL ?? "").trim().toLowerCase();
  if (!raw) return "info";
  if ((LOG_LEVELS as readonly string[]).includes(raw)) return raw as LogLevel;
  if (WINSTON_LEVELS[raw]) return WINSTON_LEVELS[raw];
  throw new Error(`LOG_LEVEL must be one of ${[...LOG_LEVELS, ...Object.keys(WINSTON_LEVELS)].join(", ")}, got ${JSON.stringify(env.LOG_LEVEL)}`);
}

/** Shortest accepted ML_SIDECAR_TOKEN: a guessable secret protects nothing. */
export const MIN_TOKEN_LENGTH = 16;

/** 127.0.0.0/8, ::1 and localhost: reachable only from this machine. */
export function isLoopbackHost(host: string): boolean {
  const h = host
    .trim()
    .toLowerCase()
    .replace(/^\[|\]$/g, "");
  if (h === "localhost" || h === "::1" || h === "0:0:0:0:0:0:0:1") return true;
  const v4 = h.startsWith("::ffff:") ? h.slice(7) : h;
  return /^127(\.\d{1,3}){3}$/.test(v4);
}

function num(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === "") return fallback;
  const v = Number(raw);
  if (!Number.isFinite(v)) throw new Error(`${name} must be a number, got ${JSON.stringify(raw)}`);
  return v;
}

function positiveInt(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const v = num(env, name, fallback);
  if (!Number.isInteger(v) || v < 1) throw new Error(`${name} must be a positive integer, got ${JSON.stringify(env[name])}`);
  return v;
}

function inRange(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number, max: number, integer = false): number {
  const v = num(env, name, fallback);
  if (v < min || v > max || (integer && !Number.isInteger(v))) {
    throw new Error(`${name} must be ${integer ? "an integer" : "a number"} from ${min} to ${max}, got ${JSON.stringify(env[name])}`);
  }
  return v;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const backend = env.EMBED_BACKEND as BackendName | undefined;
  if (backend && !BACKEND_ORDER.includes(backend)) throw new Error(`EMBED_BACKEND must be one of ${BACKEND_ORDER.join(", ")}`);
  const host = env.HOST || "127.0.0.1";
  const token = env.ML_SIDECAR_TOKEN || undefined;
  if (token !== undefined && token.length < MIN_TOKEN_LENGTH) {
    throw new Error(`ML_SIDECAR_TOKEN must be at least ${MIN_TOKEN_LENGTH} characters long (got ${token.length}).`);
  }
  // Anyone who reaches the sidecar could replace or delete indexed images: off this machine, only with the secret.
  if (!token && !isLoopbackHost(host)) {
    throw new Error(`Refusing to listen on ${host} without ML_SIDECAR_TOKEN: set ML_SIDECAR_TOKEN (the same value for Medusa) or HOST=127.0.0.1.`);
  }
  return {
    port: num(env, "PORT", 9100),
    host,
    token,
    requestLimits: {
      maxImages: positiveInt(env, "MAX_IMAGES_PER_REQUEST", DEFAULT_REQUEST_LIMITS.maxImages),
      maxFields: positiveInt(env, "MAX_FIELDS_PER_REQUEST", DEFAULT_REQUEST_LIMITS.maxFields),
      maxFieldBytes: positiveInt(env, "MAX_FIELD_BYTES", DEFAULT_REQUEST_LIMITS.maxFieldBytes),
      maxJsonBytes: positiveInt(env, "MAX_JSON_BYTES", DEFAULT_REQUEST_LIMITS.maxJsonBytes),
    },
    dataDir: path.resolve(env.DATA_DIR ?? "data"),
    embedWorkers: num(env, "EMBED_WORKERS", os.availableParallelism()),
    embedBackend: backend || undefined,
    flipAverage: (env.EMBED_FLIP_AVERAGE ?? "0") === "1",
    maxImageBytes: positiveInt(env, "MAX_IMAGE_BYTES", DEFAULT_IMAGE_LIMITS.maxBytes),
    maxImagePixels: num(env, "MAX_IMAGE_PIXELS", DEFAULT_IMAGE_LIMITS.maxPixels),
    exactSearchBelow: num(env, "EXACT_SEARCH_BELOW", 20_000),
    hnsw: {
      connectivity: num(env, "HNSW_CONNECTIVITY", 16),
      expansionAdd: num(env, "HNSW_EXPANSION_ADD", 128),
      expansionSearch: num(env, "HNSW_EXPANSION_SEARCH", 256),
    },
    milvus: env.MILVUS_ADDRESS
      ? { address: env.MILVUS_ADDRESS, token: env.MILVUS_TOKEN, collectionPrefix: env.MILVUS_COLLECTION_PREFIX ?? "curator_images" }
      : undefined,
    thresholds: {
      maxHashDistance: num(env, "DEDUP_MAX_HASH_DISTANCE", CALIBRATED_THRESHOLDS.maxHashDistance),
      minCandidateCosine: num(env, "DEDUP_MIN_CANDIDATE_COSINE", CALIBRATED_THRESHOLDS.minCandidateCosine),
      minLayoutScore: num(env, "DEDUP_MIN_LAYOUT_SCORE", CALIBRATED_THRESHOLDS.minLayoutScore),
      minKeypointInliers: num(env, "DEDUP_MIN_KEYPOINT_INLIERS", CALIBRATED_THRESHOLDS.minKeypointInliers),
      minKeypointExtent: num(env, "DEDUP_MIN_KEYPOINT_EXTENT", CALIBRATED_THRESHOLDS.minKeypointExtent),
    },
    describe: {
      minCategoryConfidence: inRange(env, "MIN_CATEGORY_CONFIDENCE", 0.5, 0, 1),
      maxItems: inRange(env, "DESCRIBE_MAX_ITEMS", 6, 1, 10, true),
    },
    logLevel: logLevel(env),
  };
}
