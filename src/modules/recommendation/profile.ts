import {
  CLOTHING_SIZES,
  Fit,
  FITS,
  MAX_UNCERTAINTY_CM,
  MEASUREMENT_NAMES,
  MEASUREMENT_RANGES,
  MEASUREMENT_SOURCES,
  MeasurementName,
  MeasurementSource,
  ONE_SIZE,
  PROFILE_LIMITS,
  SHOE_SIZE_EU_RANGE,
  WAIST_SIZE_RANGE,
} from "./constants"
import type { StoreStyleProfile, StyleProfileBudget, StyleProfileMeasurements } from "../../types/http/style-profile"

/**
 * The style profile as every caller sees it (Store API, recommenders, size advice), and the pure
 * rules for changing it: validation that names the field, patches, and merging a guest's profile
 * into an account's. No I/O here, so the rules are the same in the module, the route validators
 * and the tests.
 */

export type Budget = StyleProfileBudget
export type Measurements = StyleProfileMeasurements
/** The profile as every caller sees it: the Store API's shape (src/types/http/style-profile.ts). */
export type StyleProfile = StoreStyleProfile

export const LIST_FIELDS = ["colours_liked", "colours_avoided", "styles", "brands", "occasions"] as const
export type ListField = (typeof LIST_FIELDS)[number]

/**
 * A change to a profile: fields left out stay as they are. `sizes`, `budget` and `measurements`
 * change key by key (null removes a key; null for the whole field clears it); lists are replaced.
 */
export type StyleProfilePatch = {
  sizes?: Record<string, string | number | null> | null
  budget?: { max_item?: number | null; max_outfit?: number | null; currency_code?: string | null } | null
  colours_liked?: string[] | null
  colours_avoided?: string[] | null
  styles?: string[] | null
  brands?: string[] | null
  occasions?: string[] | null
  fit?: Fit | null
  measurements?: (Partial<Record<MeasurementName, number | null>> & { source?: MeasurementSource; uncertainty_cm?: number | null }) | null
}

export const emptyStyleProfile = (): StyleProfile => ({
  sizes: {},
  budget: { max_item: null, max_outfit: null, currency_code: null },
  colours_liked: [],
  colours_avoided: [],
  styles: [],
  brands: [],
  occasions: [],
  fit: null,
  measurements: null,
})

/** A problem with one field, named by its path as the API shows it ("sizes.tops"). */
export type ProfileIssue = { field: string; message: string }

export class StyleProfileValidationError extends Error {
  constructor(readonly issues: ProfileIssue[]) {
    super(issues.map((i) => i.message).join("; "))
    this.name = "StyleProfileValidationError"
  }
}

// ---------------------------------------------------------------------------------------------
// Sizes

/** Which sizes a category takes. Unknown categories are clothing (the catalog's default). */
export type SizeScale = "clothing" | "bottoms" | "shoes" | "one_size"

const SHOE_CATEGORIES = new Set(["shoes", "footwear", "boots", "sneakers", "trainers", "sandals", "heels", "loafers", "flats"])
const BOTTOM_CATEGORIES = new Set(["trousers", "jeans", "pants", "shorts", "bottoms", "chinos"])
const ONE_SIZE_CATEGORIES = new Set(["bags", "accessories", "jewellery", "jewelry"])

export function sizeScaleOf(categoryHandle: string): SizeScale {
  if (SHOE_CATEGORIES.has(categoryHandle)) return "shoes"
  if (BOTTOM_CATEGORIES.has(categoryHandle)) return "bottoms"
  if (ONE_SIZE_CATEGORIES.has(categoryHandle)) return "one_size"
  return "clothing"
}

const CATEGORY_HANDLE = /^[a-z0-9]+(?:-[a-z0-9]+)*$/

const clothingSize = (raw: string): string | null => {
  const upper = raw.toUpperCase().replace(/\s+/g, "")
  const alias: Record<string, string> = { "2XL": "XXL" }
  const size = alias[upper] ?? upper
  return (CLOTHING_SIZES as readonly string[]).includes(size) ? size : null
}

const numberIn = (raw: string, min: number, max: number, step: number): string | null => {
  if (!/^\d{1,3}(?:[.,]\d)?$/.test(raw)) return null
  const n = Number(raw.replace(",", "."))
  if (n < min || n > max || Math.round(n / step) * step !== n) return null
  return String(n)
}

/** The canonical size for a category ("m" → "M", "39.0" → "39"), or an issue naming `sizes.<handle>`. */
export function normalizeSize(categoryHandle: string, raw: unknown): { size: string } | { issue: ProfileIssue } {
  const field = `sizes.${categoryHandle}`
  const text = typeof raw === "number" ? String(raw) : typeof raw === "string" ? raw.trim() : null
  const scale = sizeScaleOf(categoryHandle)
  const clothing = CLOTHING_SIZES.join(", ")
  const expected: Record<SizeScale, string> = {
    clothing: `one of ${clothing}`,
    bottoms: `one of ${clothing} or a waist size from ${WAIST_SIZE_RANGE.min} to ${WAIST_SIZE_RANGE.max}`,
    shoes: `an EU shoe size from ${SHOE_SIZE_EU_RANGE.min} to ${SHOE_SIZE_EU_RANGE.max} (half sizes allowed)`,
    one_size: `"${ONE_SIZE}"`,
  }
  let size: string | null = null
  if (text) {
    if (scale === "clothing") size = clothingSize(text)
    else if (scale === "bottoms") size = clothingSize(text) ?? numberIn(text.replace(/^W/i, ""), WAIST_SIZE_RANGE.min, WAIST_SIZE_RANGE.max, 1)
    else if (scale === "shoes") size = numberIn(text.replace(/^EU\s*/i, ""), SHOE_SIZE_EU_RANGE.min, SHOE_SIZE_EU_RANGE.max, 0.5)
    else size = text.toLowerCase().replace(/[\s-]+/g, " ") === ONE_SIZE.toLowerCase() ? ONE_SIZE : null
  }
  if (size) return { size }
  const got = text === null ? typeof raw : JSON.stringify(text.slice(0, 20))
  return { issue: { field, message: `${field} must be ${expected[scale]}; got ${got}` } }
}

// ---------------------------------------------------------------------------------------------
// Patches

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v)

function normalizeList(field: ListField, raw: unknown, issues: ProfileIssue[]): string[] | undefined {
  if (raw === null) return []
  if (!Array.isArray(raw)) {
    issues.push({ field, message: `${field} must be a list of words` })
    return undefined
  }
  if (raw.length > PROFILE_LIMITS.list_items) {
    issues.push({ field, message: `${field} may hold at most ${PROFILE_LIMITS.list_items} entries` })
    return undefined
  }
  const out: string[] = []
  const seen = new Set<string>()
  for (const [i, entry] of raw.entries()) {
    const text = typeof entry === "string" ? entry.normalize("NFC").trim().replace(/\s+/g, " ") : null
    if (!text || text.length > PROFILE_LIMITS.item_length) {
      issues.push({ field: `${field}.${i}`, message: `${field}.${i} must be a non-empty text of at most ${PROFILE_LIMITS.item_length} characters` })
      continue
    }
    // Brands keep the spelling the shopper chose; colours, styles and occasions are vocabulary words.
    const value = field === "brands" ? text : text.toLowerCase()
    const key = value.toLowerCase()
    if (!seen.has(key)) {
      seen.add(key)
      out.push(value)
    }
  }
  return out
}

function normalizeAmount(field: string, raw: unknown, issues: ProfileIssue[]): number | null | undefined {
  if (raw === null) return null
  if (typeof raw !== "number" || !Number.isFinite(raw) || raw <= 0 || raw > PROFILE_LIMITS.amount_max) {
    issues.push({ field, message: `${field} must be a positive amount (at most ${PROFILE_LIMITS.amount_max}) or null` })
    return undefined
  }
  return Math.round(raw * 100) / 100
}

/**
 * Checks a patch's values and puts them in canonical form (sizes, lower-case vocabulary, no
 * duplicates). Throws StyleProfileValidationError listing every bad field.
 */
export function normalizePatch(input: unknown): StyleProfilePatch {
  const issues: ProfileIssue[] = []
  if (!isRecord(input)) throw new StyleProfileValidationError([{ field: "style_profile", message: "The style profile must be an object" }])
  const known = new Set<string>(["sizes", "budget", "fit", "measurements", ...LIST_FIELDS])
  for (const key of Object.keys(input)) if (!known.has(key)) issues.push({ field: key, message: `${key} is not a style profile field` })
  const patch: StyleProfilePatch = {}

  if (input.sizes !== undefined) {
    if (input.sizes === null) patch.sizes = null
    else if (!isRecord(input.sizes)) issues.push({ field: "sizes", message: "sizes must be an object of { <category handle>: <size> }" })
    else {
      const entries = Object.entries(input.sizes)
      if (entries.length > PROFILE_LIMITS.categories)
        issues.push({ field: "sizes", message: `sizes may name at most ${PROFILE_LIMITS.categories} categories` })
      const sizes: Record<string, string | null> = {}
      for (const [handle, raw] of entries.slice(0, PROFILE_LIMITS.categories)) {
        if (!CATEGORY_HANDLE.test(handle) || handle.length > 64) {
          issues.push({
            field: `sizes.${handle.slice(0, 64)}`,
            message: `sizes: "${handle.slice(0, 64)}" is not a category handle (lower-case letters, digits and dashes)`,
          })
          continue
        }
        if (raw === null) {
          sizes[handle] = null
          continue
        }
        const result = normalizeSize(handle, raw)
        if ("issue" in result) issues.push(result.issue)
        else sizes[handle] = result.size
      }
      patch.sizes = sizes
    }
  }

  if (input.budget !== undefined) {
    if (input.budget === null) patch.budget = null
    else if (!isRecord(input.budget)) issues.push({ field: "budget", message: "budget must be an object { max_item, max_outfit, currency_code }" })
    else {
      const budget: NonNullable<StyleProfilePatch["budget"]> = {}
      for (const key of Object.keys(input.budget)) {
        if (!["max_item", "max_outfit", "currency_code"].includes(key))
          issues.push({ field: `budget.${key}`, message: `budget.${key} is not a budget field` })
      }
      for (const key of ["max_item", "max_outfit"] as const) {
        if (input.budget[key] === undefined) continue
        const amount = normalizeAmount(`budget.${key}`, input.budget[key], issues)
        if (amount !== undefined) budget[key] = amount
      }
      const currency = input.budget.currency_code
      if (currency === null) budget.currency_code = null
      else if (currency !== undefined) {
        if (typeof currency !== "string" || !/^[a-zA-Z]{3}$/.test(currency.trim()))
          issues.push({ field: "budget.currency_code", message: "budget.currency_code must be a 3-letter ISO 4217 code such as eur" })
        else budget.currency_code = currency.trim().toLowerCase()
      }
      patch.budget = budget
    }
  }

  for (const field of LIST_FIELDS) {
    if (input[field] === undefined) continue
    const list = normalizeList(field, input[field], issues)
    if (list) patch[field] = list
  }

  if (input.fit !== undefined) {
    if (input.fit === null || (FITS as readonly unknown[]).includes(input.fit)) patch.fit = input.fit as Fit | null
    else issues.push({ field: "fit", message: `fit must be one of ${FITS.join(", ")} or null` })
  }

  if (input.measurements !== undefined) {
    if (input.measurements === null) patch.measurements = null
    else if (!isRecord(input.measurements)) issues.push({ field: "measurements", message: "measurements must be an object" })
    else {
      const m = input.measurements
      const out: NonNullable<StyleProfilePatch["measurements"]> = {}
      for (const key of Object.keys(m)) {
        if (!(MEASUREMENT_NAMES as string[]).includes(key) && key !== "source" && key !== "uncertainty_cm")
          issues.push({ field: `measurements.${key}`, message: `measurements.${key} is not a measurement` })
      }
      for (const name of MEASUREMENT_NAMES) {
        const raw = m[name]
        if (raw === undefined) continue
        if (raw === null) {
          out[name] = null
          continue
        }
        const [min, max] = MEASUREMENT_RANGES[name]
        if (typeof raw !== "number" || !Number.isFinite(raw) || raw < min || raw > max) {
          issues.push({ field: `measurements.${name}`, message: `measurements.${name} must be a number from ${min} to ${max}` })
          continue
        }
        out[name] = name === "shoe_size_eu" ? Math.round(raw * 2) / 2 : Math.round(raw * 10) / 10
      }
      if (m.source !== undefined) {
        if ((MEASUREMENT_SOURCES as readonly unknown[]).includes(m.source)) out.source = m.source as MeasurementSource
        else issues.push({ field: "measurements.source", message: `measurements.source must be one of ${MEASUREMENT_SOURCES.join(", ")}` })
      }
      if (m.uncertainty_cm !== undefined) {
        const u = m.uncertainty_cm
        if (u === null) out.uncertainty_cm = null
        else if (typeof u !== "number" || !Number.isFinite(u) || u < 0 || u > MAX_UNCERTAINTY_CM)
          issues.push({
            field: "measurements.uncertainty_cm",
            message: `measurements.uncertainty_cm must be a number from 0 to ${MAX_UNCERTAINTY_CM}`,
          })
        else out.uncertainty_cm = Math.round(u * 10) / 10
      }
      patch.measurements = out
    }
  }

  if (issues.length) throw new StyleProfileValidationError(issues)
  return patch
}

/** Rules over the whole profile once a patch is applied; issues name the field the patch should fix. */
export function profileIssues(profile: StyleProfile): ProfileIssue[] {
  const issues: ProfileIssue[] = []
  const { max_item, max_outfit } = profile.budget
  if (max_item !== null && max_outfit !== null && max_outfit < max_item)
    issues.push({ field: "budget.max_outfit", message: `budget.max_outfit (${max_outfit}) must be at least budget.max_item (${max_item})` })
  const avoided = new Set(profile.colours_avoided)
  const both = profile.colours_liked.filter((c) => avoided.has(c))
  if (both.length) issues.push({ field: "colours_avoided", message: `colours_avoided repeats colours also liked: ${both.join(", ")}` })
  return issues
}

/** The profile after a (normalized) patch. */
export function applyPatch(current: StyleProfile, patch: StyleProfilePatch): StyleProfile {
  const next: StyleProfile = structuredClone(current)
  if (patch.sizes === null) next.sizes = {}
  else if (patch.sizes) {
    for (const [handle, size] of Object.entries(patch.sizes)) {
      if (size === null) delete next.sizes[handle]
      else next.sizes[handle] = String(size)
    }
  }
  if (patch.budget === null) next.budget = emptyStyleProfile().budget
  else if (patch.budget) next.budget = { ...next.budget, ...patch.budget }
  for (const field of LIST_FIELDS) if (patch[field] !== undefined) next[field] = patch[field] ?? []
  if (patch.fit !== undefined) next.fit = patch.fit
  if (patch.measurements === null) next.measurements = null
  else if (patch.measurements) next.measurements = applyMeasurements(next.measurements, patch.measurements)
  return next
}

function applyMeasurements(current: Measurements | null, patch: NonNullable<StyleProfilePatch["measurements"]>): Measurements | null {
  const values: Partial<Record<MeasurementName, number>> = {}
  for (const name of MEASUREMENT_NAMES) {
    const value = patch[name] === undefined ? current?.[name] : patch[name]
    if (typeof value === "number") values[name] = value
  }
  if (!Object.keys(values).length) return null
  // New values without a source are the shopper's own typing.
  const changedValues = MEASUREMENT_NAMES.some((n) => patch[n] !== undefined)
  const source: MeasurementSource = patch.source ?? (changedValues ? "manual" : (current?.source ?? "manual"))
  const uncertainty =
    patch.uncertainty_cm === undefined ? (patch.source || changedValues ? undefined : current?.uncertainty_cm) : patch.uncertainty_cm
  return { ...values, source, ...(source === "estimated" && typeof uncertainty === "number" ? { uncertainty_cm: uncertainty } : {}) }
}

/**
 * A guest's profile merged into an account's. The more recently changed profile wins field by
 * field where it has a value (sizes per category, budget and measurements per key); the other
 * fills the gaps. Lists are joined, newer first, and a colour the newer profile likes (or avoids)
 * leaves the other list, so the result never both likes and avoids a colour.
 */
export function mergeProfiles(older: StyleProfile, newer: StyleProfile): StyleProfile {
  const pick = <T>(a: T | null | undefined, b: T | null | undefined): T | null => (b !== null && b !== undefined ? b : (a ?? null))
  const joined = (field: ListField) => {
    const seen = new Set<string>()
    return [...newer[field], ...older[field]]
      .filter((v) => (seen.has(v.toLowerCase()) ? false : (seen.add(v.toLowerCase()), true)))
      .slice(0, PROFILE_LIMITS.list_items)
  }
  const liked = joined("colours_liked").filter((c) => !newer.colours_avoided.includes(c))
  const avoided = joined("colours_avoided").filter((c) => !liked.includes(c))
  let budget: Budget = {
    max_item: pick(older.budget.max_item, newer.budget.max_item),
    max_outfit: pick(older.budget.max_outfit, newer.budget.max_outfit),
    currency_code: pick(older.budget.currency_code, newer.budget.currency_code),
  }
  // Amounts in two currencies cannot be mixed: the newer budget is taken whole.
  if (older.budget.currency_code && newer.budget.currency_code && older.budget.currency_code !== newer.budget.currency_code)
    budget = { ...newer.budget }
  if (budget.max_item !== null && budget.max_outfit !== null && budget.max_outfit < budget.max_item) budget.max_outfit = budget.max_item
  const sizes = { ...older.sizes, ...newer.sizes }
  const categories = Object.keys(sizes).slice(0, PROFILE_LIMITS.categories)
  return {
    sizes: Object.fromEntries(categories.map((c) => [c, sizes[c]])),
    budget,
    colours_liked: liked,
    colours_avoided: avoided,
    styles: joined("styles"),
    brands: joined("brands"),
    occasions: joined("occasions"),
    fit: pick(older.fit, newer.fit),
    measurements: newer.measurements ?? older.measurements,
  }
}

/** True when a profile holds nothing the shopper chose. */
export const isEmptyProfile = (p: StyleProfile): boolean => JSON.stringify(p) === JSON.stringify(emptyStyleProfile())
