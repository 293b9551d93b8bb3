import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { RECOMMENDATION_MODULE } from "../../../../../modules/recommendation"
import type { StyleProfile } from "../../../../../modules/recommendation/profile"
import type RecommendationModuleService from "../../../../../modules/recommendation/service"
import type { ProfileOwner } from "../../../../../modules/recommendation/service"
import { likedLooks } from "../../../../../recommendation-catalog/quiz-looks"
import { viewerIdOf } from "../../../../identity"
import { clearGuestCookie, guestIdOf } from "../../../../utils/guest-id"
import type { StyleProfileSave } from "./validators"

export const recommendationOf = (req: MedusaRequest) => req.scope.resolve<RecommendationModuleService>(RECOMMENDATION_MODULE)

/**
 * Saves a validated POST body to the profile of `ownerOf()`. With `liked_product_ids` (the style quiz's
 * looks) each must be a published product (else 400 naming it, and nothing is saved); they become the
 * owner's quiz likes and fill the lists left empty, in one transaction (saveQuizAnswers).
 */
export async function saveStyleProfile(req: MedusaRequest, ownerOf: () => ProfileOwner, body: StyleProfileSave): Promise<StyleProfile> {
  const recommendation = recommendationOf(req)
  // The looks are checked before the owner is known: a refused save issues no guest cookie.
  const looks = body.liked_product_ids ? await likedLooks(req.scope, body.liked_product_ids) : null
  const owner = ownerOf()
  if (looks) return recommendation.saveQuizAnswers(owner, body.patch, looks)
  return owner.customer_id !== undefined
    ? recommendation.upsertProfile(owner.customer_id, body.patch)
    : recommendation.upsertGuestProfile(owner.guest_id, body.patch)
}

/**
 * Moves a signed-out shopper's profile and interactions (those of the request's guest cookie)
 * into the signed-in customer's account and ends the guest identity, so a later sign-out starts a
 * new one. Answers whether anything was moved; without a customer or a guest cookie, nothing happens.
 */
export async function mergeGuestIntoAccount(req: MedusaRequest, res: MedusaResponse): Promise<boolean> {
  const customerId = viewerIdOf(req)
  const guestId = guestIdOf(req)
  if (!customerId || !guestId) return false
  const { merged } = await recommendationOf(req).mergeGuestProfile(customerId, { guest_id: guestId })
  clearGuestCookie(req, res)
  return merged
}

/**
 * Middleware: a signed-in request that still carries a guest cookie merges the guest's profile
 * into the account. Mounted on GET /store/customers/me (which storefronts call right after sign-in)
 * and the account's style-profile routes, so the merge happens at sign-in without a call of its
 * own. A failed merge is logged and the request goes on: the guest data stays for the next try.
 */
export async function mergeGuestProfileAtSignIn(req: MedusaRequest, res: MedusaResponse, next: (error?: unknown) => void) {
  try {
    await mergeGuestIntoAccount(req, res)
  } catch (error) {
    req.scope.resolve(ContainerRegistrationKeys.LOGGER).warn(`Could not merge a guest style profile at sign-in: ${(error as Error).message}`)
  }
  next()
}
