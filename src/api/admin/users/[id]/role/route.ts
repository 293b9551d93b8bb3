import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { ADMIN_ROLE_MODULE } from "../../../../../modules/admin-role"
import AdminRoleModuleService from "../../../../../modules/admin-role/service"
import { setUserRoleWorkflow } from "../../../../../workflows/admin-role/set-user-role"
import type { AdminUserRoleResponse } from "../../../../../types/http/user-role"
import { userIdOf } from "../../../../identity"
import { AdminSetUserRoleType } from "../../validators"

/** The user the path names; `me` is the signed-in user (so a moderator can read their own role). */
const roleUserIdOf = (req: AuthenticatedMedusaRequest) => (req.params.id === "me" ? userIdOf(req) : req.params.id)

/** A user's Curator role: administrator (the default) or moderator. 404 for an unknown user. */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse<AdminUserRoleResponse>) => {
  const userId = roleUserIdOf(req)
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({ entity: "user", fields: ["id"], filters: { id: userId } })
  if (!data[0]) throw new MedusaError(MedusaError.Types.NOT_FOUND, `User with id: ${userId} was not found`)
  const role = await req.scope.resolve<AdminRoleModuleService>(ADMIN_ROLE_MODULE).roleOf(userId)
  res.json({ user_role: { user_id: userId, role } })
}

/**
 * Makes a user a moderator or an administrator (administrators only: the role check answers
 * 403 to moderators). Demoting the last administrator is refused with 422.
 */
export const POST = async (
  req: AuthenticatedMedusaRequest<AdminSetUserRoleType>,
  res: MedusaResponse<AdminUserRoleResponse | { type: string; message: string }>
) => {
  const userId = roleUserIdOf(req)
  try {
    const { result } = await setUserRoleWorkflow(req.scope).run({ input: { user_id: userId, role: req.validatedBody.role } })
    res.json({ user_role: result })
  } catch (error) {
    // The module's refusal to leave the shop without an administrator: a valid request the current state forbids.
    if (MedusaError.isMedusaError(error) && (error as MedusaError).type === MedusaError.Types.NOT_ALLOWED) {
      res.status(422).json({ type: MedusaError.Types.NOT_ALLOWED, message: (error as MedusaError).message })
      return
    }
    throw error
  }
}
