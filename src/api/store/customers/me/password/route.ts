import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError, Modules } from "@medusajs/framework/utils"
import { StoreChangePasswordType } from "./validators"

/**
 * POST /store/customers/me/password { current_password, new_password }: a signed-in customer
 * changes their password. Medusa's /auth/customer/emailpass/update takes only a reset token
 * (from the emailed link), so this checks the current password as a sign-in would and then
 * updates the customer's own email/password identity.
 */
export const POST = async (req: AuthenticatedMedusaRequest<StoreChangePasswordType>, res: MedusaResponse<{ success: true }>) => {
  const { current_password, new_password } = req.validatedBody
  const auth = req.scope.resolve(Modules.AUTH)
  const [identity] = await auth.listProviderIdentities(
    { auth_identity_id: req.auth_context.auth_identity_id, provider: "emailpass" },
    { select: ["entity_id"] }
  )
  if (!identity) {
    throw new MedusaError(MedusaError.Types.NOT_ALLOWED, "This account signs in with Google and has no password to change.")
  }
  const check = await auth.authenticate("emailpass", { body: { email: identity.entity_id, password: current_password } })
  if (!check.success) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, "The current password is not correct.")
  }
  const updated = await auth.updateProvider("emailpass", { entity_id: identity.entity_id, password: new_password })
  if (!updated.success) {
    throw new MedusaError(MedusaError.Types.UNEXPECTED_STATE, updated.error || "The password could not be changed.")
  }
  res.json({ success: true })
}
