import { ClientError } from "../errors.ts";
import { isUpperBody, type GarmentKind } from "./categories.ts";

/**
 * How the chosen size sits on the shopper, from the `fit` field: a width factor (`"1.1"`), or JSON
 * naming each measurement `tight`, `regular` or `loose` (or a factor) and the length `short`,
 * `regular` or `long` (or a factor), e.g. `{"chest":"loose","length":"long"}`. A loose fit draws the
 * garment wider than the body, a tight one narrower. Upper-body garments read `chest` (else
 * `shoulders`), lower-body ones `hips` (else `waist`); a missing one is regular.
 */
export interface FitRequest {
  chest?: number;
  shoulders?: number;
  waist?: number;
  hips?: number;
  length?: number;
  /** A bare factor: every width. */
  all?: number;
}

/** Factors applied to the regular placement: widths across the body, length along it. */
export interface Fit {
  width: number;
  length: number;
}

export const WIDTH_WORDS: Readonly<Record<string, number>> = { tight: 0.92, regular: 1, loose: 1.12 };
export const LENGTH_WORDS: Readonly<Record<string, number>> = { short: 0.9, regular: 1, long: 1.1 };
const MIN_FACTOR = 0.7;
const MAX_FACTOR = 1.5;
const WIDTH_KEYS = ["chest", "shoulders", "waist", "hips"] as const;

function invalid(message: string): never {
  throw new ClientError(400, "invalid_fit", message);
}

function factor(name: string, value: unknown, words: Readonly<Record<string, number>>): number {
  if (typeof value === "string" && Object.prototype.hasOwnProperty.call(words, value)) return words[value]!;
  if (typeof value === "number" && Number.isFinite(value) && value >= MIN_FACTOR && value <= MAX_FACTOR) return value;
  return invalid(`fit.${name} must be ${Object.keys(words).join(", ")} or a factor from ${MIN_FACTOR} to ${MAX_FACTOR}.`);
}

export function parseFit(raw: string | undefined): FitRequest {
  if (raw === undefined || raw.trim() === "") return {};
  const trimmed = raw.trim();
  if (/^[0-9.]+$/.test(trimmed)) return { all: factor("width", Number(trimmed), {}) };
  let value: unknown;
  try {
    value = JSON.parse(trimmed);
  } catch {
    return invalid('fit must be a factor (e.g. 1.1) or JSON such as {"chest":"loose","length":"regular"}.');
  }
  if (typeof value === "number") return { all: factor("width", value, {}) };
  if (typeof value !== "object" || value === null || Array.isArray(value)) return invalid("fit must be a factor or a JSON object.");
  const out: FitRequest = {};
  for (const [key, v] of Object.entries(value)) {
    if (key === "length") out.length = factor(key, v, LENGTH_WORDS);
    else if ((WIDTH_KEYS as readonly string[]).includes(key)) out[key as (typeof WIDTH_KEYS)[number]] = factor(key, v, WIDTH_WORDS);
    else invalid(`fit has an unknown measurement "${key}"; expected ${[...WIDTH_KEYS, "length"].join(", ")}.`);
  }
  return out;
}

/** The factors for one garment kind. */
export function fitFor(request: FitRequest, kind: GarmentKind): Fit {
  const width = isUpperBody(kind) ? (request.chest ?? request.shoulders) : (request.hips ?? request.waist);
  return { width: width ?? request.all ?? 1, length: request.length ?? 1 };
}
