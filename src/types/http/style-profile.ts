/**
 * A shopper's style profile as the Store API answers it (GET|POST /store/customers/me/style-profile,
 * GET|POST /store/style-profile). Type-only, so the storefront can import it; the rules that check
 * it live in src/modules/recommendation/profile.ts.
 */
import type { CLIENT_INTERACTION_KINDS } from "../../modules/recommendation/constants"

export type StyleProfileBudget = {
  /** Most the shopper wants to pay for one item, in major units of currency_code. */
  max_item: number | null
  /** Most for a whole outfit; at least max_item. */
  max_outfit: number | null
  /** The currency of both amounts (lower-case ISO 4217); null: the region's. */
  currency_code: string | null
}

export type StyleProfileMeasurementName = "height_cm" | "chest_cm" | "waist_cm" | "hips_cm" | "inseam_cm" | "foot_length_cm" | "shoe_size_eu"

/** Body measurements in cm (shoe size in EU sizes), each optional. */
export type StyleProfileMeasurements = Partial<Record<StyleProfileMeasurementName, number>> & {
  /** Typed by the shopper, or estimated (from a try-on photo and a stated height). */
  source: "manual" | "estimated"
  /** ± cm of an estimate; only for source "estimated". */
  uncertainty_cm?: number
}

export type StoreStyleProfile = {
  /** { <category handle>: <size> }: clothing XS–XXL, EU shoe sizes 35–48, trouser waist 24–40, bags "One size". */
  sizes: Record<string, string>
  budget: StyleProfileBudget
  colours_liked: string[]
  colours_avoided: string[]
  styles: string[]
  brands: string[]
  occasions: string[]
  fit: "slim" | "regular" | "relaxed" | null
  /** null until the shopper gives one. */
  measurements: StyleProfileMeasurements | null
}

/** GET|POST /store/customers/me/style-profile, GET|POST /store/style-profile (an empty profile until one is saved). */
export type StoreStyleProfileResponse = { style_profile: StoreStyleProfile }

/** POST /store/customers/me/style-profile/merge: whether a guest profile or guest interactions were found and moved. */
export type StoreStyleProfileMergeResponse = { style_profile: StoreStyleProfile; merged: boolean }

/** POST /store/recommendations/interactions: one thing the shopper did, as the storefront reports it (server-only kinds are refused). */
export type StoreInteraction = {
  product_id: string
  kind: (typeof CLIENT_INTERACTION_KINDS)[number]
  /** Where it happened: "pdp", or a recommendation surface (for_you, outfits, complete_the_look, dress_me). */
  surface?: string
  /** Short details, e.g. `position` of a clicked card. */
  value?: Record<string, string | number | boolean | null>
}

/** POST /store/recommendations/interactions: how many were recorded; products that do not exist are skipped and named. */
export type StoreRecordInteractionsResponse = { recorded: number; not_found: string[] }
