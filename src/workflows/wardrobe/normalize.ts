import { normalizeCategory, normalizeColours } from "../../modules/wardrobe/normalize"
import { toWearDay } from "../../modules/wardrobe/wear-days"
import { StoredWardrobeItemFields, WardrobeItemFields } from "./types"

/**
 * One spelling for what customers type: colours in title case, categories as handles, currency
 * codes in lower case (like Medusa's), blank strings as "not set".
 */
export function normalizeWardrobeItemFields<T extends WardrobeItemFields>(fields: T): Omit<T, "acquired_on"> & StoredWardrobeItemFields {
  const out: Record<string, unknown> = { ...fields }
  for (const [key, value] of Object.entries(out)) {
    if (typeof value === "string") out[key] = value.trim() === "" && key !== "name" ? null : value.trim()
  }
  if (fields.colours !== undefined) out.colours = normalizeColours(fields.colours)
  if (typeof out.category === "string") out.category = normalizeCategory(out.category)
  if (typeof out.currency_code === "string") out.currency_code = out.currency_code.toLowerCase()
  if (out.acquired_on) out.acquired_on = toWearDay(out.acquired_on as string | Date)
  return out as Omit<T, "acquired_on"> & StoredWardrobeItemFields
}
