import { ClientError } from "../errors.ts";

/**
 * Metadata filter language, JSON so it travels in query strings, multipart
 * fields and JSON bodies alike. Clauses are ANDed:
 *   { "category": "dress" }                         equality
 *   { "brand": { "in": ["acme", "zeta"] } }          membership
 *   { "price": { "gte": 10, "lt": 50 } }              range (gt, gte, lt, lte)
 *   { "category": { "eq": "dress" } }                 equality, explicit
 * A metadata value that is an array (e.g. variant_ids) matches equality or
 * membership when any of its elements does.
 */
export type Scalar = string | number | boolean;
export type Condition =
  | { op: "eq"; field: string; value: Scalar }
  | { op: "in"; field: string; values: Scalar[] }
  | { op: "range"; field: string; gt?: number; gte?: number; lt?: number; lte?: number };
export type Filter = Condition[];
export type Metadata = Record<string, unknown>;

const FIELD_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/;
const RANGE_OPS = ["gt", "gte", "lt", "lte"] as const;

function isScalar(v: unknown): v is Scalar {
  return typeof v === "string" || typeof v === "boolean" || (typeof v === "number" && Number.isFinite(v));
}

export function parseFilter(input: unknown): Filter {
  if (input === undefined || input === null || input === "") return [];
  let raw = input;
  if (typeof raw === "string") {
    try {
      raw = JSON.parse(raw);
    } catch {
      throw new ClientError(400, "invalid_filter", "filter is not valid JSON.");
    }
  }
  if (typeof raw !== "object" || raw === null || Array.isArray(raw)) {
    throw new ClientError(400, "invalid_filter", "filter must be a JSON object of field → condition.");
  }
  const out: Filter = [];
  for (const [field, cond] of Object.entries(raw as Record<string, unknown>)) {
    if (!FIELD_NAME.test(field)) throw new ClientError(400, "invalid_filter", `filter field "${field}" is not a valid field name.`);
    if (isScalar(cond)) {
      out.push({ op: "eq", field, value: cond });
      continue;
    }
    if (typeof cond !== "object" || cond === null || Array.isArray(cond)) {
      throw new ClientError(400, "invalid_filter", `filter on "${field}" must be a value or an object with eq, in, gt, gte, lt or lte.`);
    }
    const ops = cond as Record<string, unknown>;
    const unknownOps = Object.keys(ops).filter((k) => k !== "eq" && k !== "in" && !RANGE_OPS.includes(k as (typeof RANGE_OPS)[number]));
    if (unknownOps.length) throw new ClientError(400, "invalid_filter", `filter on "${field}" has unknown operator(s): ${unknownOps.join(", ")}.`);
    if ("eq" in ops) {
      if (!isScalar(ops.eq)) throw new ClientError(400, "invalid_filter", `filter "${field}.eq" must be a string, number or boolean.`);
      out.push({ op: "eq", field, value: ops.eq });
    }
    if ("in" in ops) {
      if (!Array.isArray(ops.in) || ops.in.length === 0 || ops.in.length > 1000 || !ops.in.every(isScalar)) {
        throw new ClientError(400, "invalid_filter", `filter "${field}.in" must be a non-empty array (≤1000) of strings, numbers or booleans.`);
      }
      out.push({ op: "in", field, values: ops.in as Scalar[] });
    }
    const range: Extract<Condition, { op: "range" }> = { op: "range", field };
    let hasRange = false;
    for (const r of RANGE_OPS) {
      if (r in ops) {
        if (typeof ops[r] !== "number" || !Number.isFinite(ops[r]))
          throw new ClientError(400, "invalid_filter", `filter "${field}.${r}" must be a number.`);
        range[r] = ops[r] as number;
        hasRange = true;
      }
    }
    if (hasRange) out.push(range);
  }
  return out;
}

function anyValue(v: unknown, pred: (x: unknown) => boolean): boolean {
  return Array.isArray(v) ? v.some(pred) : pred(v);
}

export function matchesFilter(metadata: Metadata, filter: Filter): boolean {
  for (const c of filter) {
    const v = metadata[c.field];
    if (c.op === "eq" && !anyValue(v, (x) => x === c.value)) return false;
    if (c.op === "in" && !anyValue(v, (x) => c.values.includes(x as Scalar))) return false;
    if (c.op === "range") {
      if (typeof v !== "number") return false;
      if (c.gt !== undefined && !(v > c.gt)) return false;
      if (c.gte !== undefined && !(v >= c.gte)) return false;
      if (c.lt !== undefined && !(v < c.lt)) return false;
      if (c.lte !== undefined && !(v <= c.lte)) return false;
    }
  }
  return true;
}
