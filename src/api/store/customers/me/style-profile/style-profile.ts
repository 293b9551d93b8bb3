import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { RECOMMENDATION_MODULE } from "../../../../../modules/recommendation"
import type RecommendationModuleService from "../../../../../modules/recommendation/service"
import { viewerIdOf } from "../../../../identity"
import { clearGuestCookie, guestIdOf } from "../../../../utils/guest-id"

export const recommendationOf = (req: MedusaRequest) => req.scope.resolve<RecommendationModuleService>(RECOMMENDATION_MODULE)

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
