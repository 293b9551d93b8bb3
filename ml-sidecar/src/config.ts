import os from "node:os";
import path from "node:path";
import type { BackendName } from "./embedding/select-backend.ts";
import { BACKEND_ORDER } from "./embedding/select-backend.ts";
import type { DuplicateThresholds } from "./dedup/near-duplicates.ts";

/**
 * Calibrated by `npm run bench:dedup` on its calibration split
 * (seeds 1,000,000+; see README): the thresholds with the highest recall at
 * precision ≥ 0.999 there (0.995 let a rare hash collision through: README).
 */
export const CALIBRATED_THRESHOLDS: DuplicateThresholds = { maxHashDistance: 8, minCandidateCosine: 0.65, minLayoutScore: 0.96, minKeypointInliers: 20, minKeypointExtent: 0.2 };

export interface Config {
  port: number;
  host: string;
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
}

function num(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === "") return fallback;
  const v = Number(raw);
  if (!Number.isFinite(v)) throw new Error(`${name} must be a number, got ${JSON.stringify(raw)}`);
  return v;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const backend = env.EMBED_BACKEND as BackendName | undefined;
  if (backend && !BACKEND_ORDER.includes(backend)) throw new Error(`EMBED_BACKEND must be one of ${BACKEND_ORDER.join(", ")}`);
  return {
    port: num(env, "PORT", 9100),
    host: env.HOST ?? "0.0.0.0",
    dataDir: path.resolve(env.DATA_DIR ?? "data"),
    embedWorkers: num(env, "EMBED_WORKERS", os.availableParallelism()),
    embedBackend: backend || undefined,
    flipAverage: (env.EMBED_FLIP_AVERAGE ?? "0") === "1",
    maxImageBytes: num(env, "MAX_IMAGE_BYTES", 20 * 1024 * 1024),
    maxImagePixels: num(env, "MAX_IMAGE_PIXELS", 40_000_000),
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
  };
}
