export const RECOMMENDATION_MODULE = "recommendation"

/** How a shopper likes clothes to fit. */
export const FITS = ["slim", "regular", "relaxed"] as const
export type Fit = (typeof FITS)[number]

/**
 * What a shopper did with a product. Purchases, likes of posts, wardrobe items and feedback are
 * recorded by the server where they happen; the rest may also come from the storefront.
 */
export const INTERACTION_KINDS = [
  "view",
  "add_to_cart",
  "purchase",
  "like",
  "wardrobe",
  "lookbook_view",
  "add_look",
  "impression",
  "click",
  "feedback",
] as const
export type InteractionKind = (typeof INTERACTION_KINDS)[number]

/**
 * Kinds the storefront may report through POST /store/recommendations/interactions. A purchase,
 * a like, a wardrobe item or feedback reported by a client could be forged to steer what others
 * are recommended, so those come only from the server's own routes and events.
 */
export const CLIENT_INTERACTION_KINDS = [
  "view",
  "click",
  "impression",
  "add_to_cart",
  "lookbook_view",
  "add_look",
] as const satisfies readonly InteractionKind[]

/** Where measurements came from: typed by the shopper, or estimated (e.g. from a try-on photo and a stated height). */
export const MEASUREMENT_SOURCES = ["manual", "estimated"] as const
export type MeasurementSource = (typeof MEASUREMENT_SOURCES)[number]

/** Clothing sizes, smallest first. */
export const CLOTHING_SIZES = ["XS", "S", "M", "L", "XL", "XXL"] as const
/** EU shoe sizes, whole and half. */
export const SHOE_SIZE_EU_RANGE = { min: 35, max: 48 } as const
/** Trouser waist sizes in inches (W24–W40). */
export const WAIST_SIZE_RANGE = { min: 24, max: 40 } as const
/** The one size of bags and most accessories. */
export const ONE_SIZE = "One size"

/** Limits that keep one profile small: it is read on every recommendation. */
export const PROFILE_LIMITS = {
  categories: 30,
  list_items: 50,
  item_length: 60,
  amount_max: 1_000_000,
} as const

/** Plausible ranges of body measurements in cm (shoe size in EU sizes); outside them a value is a typo. */
export const MEASUREMENT_RANGES = {
  height_cm: [100, 230],
  chest_cm: [60, 170],
  waist_cm: [45, 170],
  hips_cm: [60, 180],
  inseam_cm: [50, 110],
  foot_length_cm: [18, 33],
  shoe_size_eu: [SHOE_SIZE_EU_RANGE.min, SHOE_SIZE_EU_RANGE.max],
} as const
export type MeasurementName = keyof typeof MEASUREMENT_RANGES
export const MEASUREMENT_NAMES = Object.keys(MEASUREMENT_RANGES) as MeasurementName[]
/** An estimate's uncertainty (±cm) may be at most this. */
export const MAX_UNCERTAINTY_CM = 30

/** Looks the style quiz offers, and the most a shopper may pick (each becomes a `like` with surface "quiz"). */
export const QUIZ_LOOKS = { min: 8, max: 12 } as const
/** The surface of likes given in the style quiz. */
export const QUIZ_SURFACE = "quiz"

/**
 * The Store API's recommendation surfaces (the `surface` of their impressions, clicks and add-to-cart
 * interactions, and of their constraint rejections). The admin's figures also count any other surface that
 * records impressions: showing recommendations is what makes a surface one.
 */
export const RECOMMENDATION_SURFACES = ["for_you", "outfits", "complete_the_look", "dress_me"] as const

/** Interactions one call may record (the storefront batches impressions). */
export const MAX_INTERACTIONS_PER_CALL = 50
