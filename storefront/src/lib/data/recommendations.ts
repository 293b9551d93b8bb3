"use server"

import { updateTag } from "next/cache"
import { redirect } from "next/navigation"
import type {
  QuizLook,
  RecommendationFeedbackAction,
  StoreQuizLooksResponse,
  StoreRecommendationsResponse,
  StoreRecommendedOutfitsResponse,
} from "@curator/types/recommendations"
import type { StoreStyleProfile, StoreStyleProfileResponse } from "@curator/types/style-profile"
import { errorStatus, medusaErrorMessage } from "@lib/util/errors"
import { cartFor } from "./cart"
import { getAuthHeaders } from "./cookies"
import { getRegion, shopCountry } from "./regions"
import { guestCookie, storeFetch } from "./store-api"

/**
 * Style profile and recommendations (Curator's /store/style-profile and /store/recommendations).
 * A signed-out shopper's profile and feedback live server-side under the guest id of the
 * backend's httpOnly `_curator_guest` cookie, which storeFetch (store-api.ts) carries both ways.
 */

/** The shopper's style profile (signed in: their account's; else their guest profile; empty until saved). */
export async function getStyleProfile(): Promise<StoreStyleProfile | null> {
  try {
    return (await storeFetch<StoreStyleProfileResponse>("/store/style-profile")).style_profile
  } catch (error) {
    console.error(`[storefront] the style profile could not be read: ${(error as Error).message}`)
    return null
  }
}

/**
 * At sign-in: the guest's style profile and interactions move into the account, and Medusa clears
 * the guest cookie (passed back here). Medusa would also merge on the next read, but a page render
 * cannot clear the cookie.
 */
export async function mergeGuestStyleProfile(): Promise<void> {
  if (!(await guestCookie()) || !("authorization" in (await getAuthHeaders()))) return
  try {
    await storeFetch("/store/customers/me/style-profile/merge", { method: "POST", body: {} })
  } catch (error) {
    console.error(`[storefront] the guest style profile could not be merged into the account: ${(error as Error).message}`)
  }
}

export type StyleQuizState = { error?: string } | null

const list = (formData: FormData, name: string) => formData.getAll(name).map(String).filter(Boolean)
const amount = (formData: FormData, name: string): number | null => {
  const raw = String(formData.get(name) ?? "").trim()
  return raw ? Number(raw.replace(",", ".")) : null
}

/** The style quiz's "Looks you like": our own products to pick from, those picked last time marked; none when they cannot be read. */
export async function getQuizLooks(countryCode: string): Promise<QuizLook[]> {
  const region = await getRegion(countryCode)
  if (!region) return []
  try {
    return (await storeFetch<StoreQuizLooksResponse>("/store/recommendations/quiz-looks", { query: { region_id: region.id } })).looks
  } catch (error) {
    console.error(`[storefront] the style quiz's looks could not be read: ${(error as Error).message}`)
    return []
  }
}

/**
 * The quiz's answers as a profile patch: a size left empty removes it, lists are replaced. The looks
 * picked go along when the quiz showed them (none picked clears the earlier picks).
 */
function quizPatch(formData: FormData) {
  const size = (name: string) => String(formData.get(`size_${name}`) ?? "").trim() || null
  return {
    sizes: { tops: size("tops"), trousers: size("trousers"), shoes: size("shoes") },
    budget: {
      max_item: amount(formData, "max_item"),
      max_outfit: amount(formData, "max_outfit"),
      currency_code: String(formData.get("currency_code") || "") || null,
    },
    colours_liked: list(formData, "colours_liked"),
    colours_avoided: list(formData, "colours_avoided"),
    occasions: list(formData, "occasions"),
    styles: list(formData, "styles"),
    ...(formData.get("looks_offered") ? { liked_product_ids: list(formData, "liked_product_ids") } : {}),
  }
}

/** Saves the style quiz to the shopper's profile, then opens "For you". */
export async function saveStyleQuiz(_state: StyleQuizState, formData: FormData): Promise<StyleQuizState> {
  const countryCode = await shopCountry(formData.get("country_code"))
  const patch = quizPatch(formData)
  if (!patch.sizes.tops && !patch.sizes.trousers && !patch.sizes.shoes) return { error: "Choose at least one size, so we can show what fits you." }
  for (const key of ["max_item", "max_outfit"] as const) {
    const value = patch.budget[key]
    if (value !== null && !(Number.isFinite(value) && value > 0)) return { error: "A budget must be a positive amount, or left empty." }
  }
  if (patch.budget.max_item !== null && patch.budget.max_outfit !== null && patch.budget.max_outfit < patch.budget.max_item)
    return { error: "The budget per outfit must be at least the budget per item." }
  const both = patch.colours_liked.filter((c) => patch.colours_avoided.includes(c))
  if (both.length) return { error: `A colour cannot be both liked and avoided: ${both.join(", ")}.` }
  try {
    await storeFetch<StoreStyleProfileResponse>("/store/style-profile", { method: "POST", body: patch })
  } catch (error) {
    return { error: medusaErrorMessage(error, "Your answers could not be saved. Try again.") }
  }
  redirect(`/${countryCode}/for-you`)
}

export type Recommendations = StoreRecommendationsResponse
export type RecommendedOutfits = StoreRecommendedOutfitsResponse

/** "For you": items in the shopper's size and budget, priced for the country's region. */
export async function getRecommendations(countryCode: string, limit = 12): Promise<Recommendations> {
  const region = await getRegion(countryCode)
  if (!region) return { recommendations: [] }
  try {
    return await storeFetch<Recommendations>("/store/recommendations", { query: { region_id: region.id, limit } })
  } catch (error) {
    console.error(`[storefront] recommendations could not be read: ${(error as Error).message}`)
    return { recommendations: [] }
  }
}

/** Whole outfits for the shopper, with their totals in the region's currency. */
export async function getRecommendedOutfits(countryCode: string, limit = 3): Promise<RecommendedOutfits> {
  const region = await getRegion(countryCode)
  if (!region) return { outfits: [] }
  try {
    return await storeFetch<RecommendedOutfits>("/store/recommendations/outfits", { query: { region_id: region.id, limit } })
  } catch (error) {
    console.error(`[storefront] recommended outfits could not be read: ${(error as Error).message}`)
    return { outfits: [] }
  }
}

/** Outfits built around a product (never another product of its category); none when there are none. */
export async function getCompleteTheLook(productId: string, countryCode: string): Promise<RecommendedOutfits> {
  const region = await getRegion(countryCode)
  if (!region) return { outfits: [] }
  try {
    return await storeFetch<RecommendedOutfits>(`/store/products/${encodeURIComponent(productId)}/complete-the-look`, {
      query: { region_id: region.id },
    })
  } catch (error) {
    if (errorStatus(error) !== 404) console.error(`[storefront] complete the look could not be read: ${(error as Error).message}`)
    return { outfits: [] }
  }
}

/** "Dress me": outfits from the signed-in shopper's own wardrobe; null for guests. */
export async function getOutfitSuggestions(countryCode: string, occasion?: string): Promise<RecommendedOutfits | null> {
  const region = await getRegion(countryCode)
  if (!region || !("authorization" in (await getAuthHeaders()))) return null
  try {
    return await storeFetch<RecommendedOutfits>("/store/wardrobe/outfit-suggestions", { query: { region_id: region.id, occasion } })
  } catch (error) {
    if (errorStatus(error) === 401) return null
    console.error(`[storefront] outfit suggestions could not be read: ${(error as Error).message}`)
    return { outfits: [] }
  }
}

const FEEDBACK_ACTIONS: RecommendationFeedbackAction[] = ["like", "dismiss", "not_my_size", "too_expensive", "not_my_style"]

/** Tells the recommender what the shopper thinks of a product; the next answer reads it. */
export async function sendRecommendationFeedback(productId: string, action: RecommendationFeedbackAction): Promise<{ error?: string }> {
  if (typeof productId !== "string" || !productId || !FEEDBACK_ACTIONS.includes(action)) return { error: "That feedback could not be sent." }
  try {
    await storeFetch("/store/recommendations/feedback", { method: "POST", body: { product_id: productId, action } })
    return {}
  } catch (error) {
    return { error: medusaErrorMessage(error, "Your feedback could not be sent. Try again.") }
  }
}

export type OutfitCartState = {
  error?: string
  added?: { variant_id: string; quantity: number }[]
  not_added?: { variant_id: string; product_id?: string; reason: string }[]
} | null

/** "Add the outfit to the cart": the outfit's catalog pieces go into the shopper's cart in one call. */
export async function addOutfitToCart(_state: OutfitCartState, formData: FormData): Promise<OutfitCartState> {
  const countryCode = await shopCountry(formData.get("country_code"))
  const variantIds = formData.getAll("variant_id").map(String).filter(Boolean)
  if (!variantIds.length || variantIds.length > 10) return { error: "This outfit could not be found. Reload the page and try again." }
  try {
    const cart = await cartFor(countryCode)
    const result = await storeFetch<{ added: NonNullable<OutfitCartState>["added"]; not_added: NonNullable<OutfitCartState>["not_added"] }>(
      "/store/recommendations/outfits/cart",
      { method: "POST", body: { cart_id: cart.id, variant_ids: variantIds } }
    )
    updateTag(`cart-${cart.id}`)
    return { added: result.added ?? [], not_added: result.not_added ?? [] }
  } catch (error) {
    return { error: medusaErrorMessage(error, "The outfit could not be added to your cart. Try again, or add the pieces one by one.") }
  }
}
