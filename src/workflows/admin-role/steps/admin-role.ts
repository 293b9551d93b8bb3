import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ADMIN_ROLE_MODULE } from "../../../modules/admin-role"
import { AdminRoleName } from "../../../modules/admin-role/constants"
import AdminRoleModuleService from "../../../modules/admin-role/service"

const roleService = (container: { resolve: <T>(key: string) => T }) => container.resolve<AdminRoleModuleService>(ADMIN_ROLE_MODULE)

/** Every existing admin user's id (through query, from Medusa's user module); NOT_FOUND when user_id is not one of them. Reads only. */
export const listAdminUserIdsStep = createStep("list-admin-user-ids", async (input: { user_id: string }, { container }) => {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data: users } = await query.graph({ entity: "user", fields: ["id"] })
  const ids = users.map((u: any) => u.id as string)
  if (!ids.includes(input.user_id)) throw new MedusaError(MedusaError.Types.NOT_FOUND, `User with id: ${input.user_id} was not found`)
  return new StepResponse(ids)
})

/** Gives the user a role (the module refuses to demote the last administrator). Compensation puts the previous role back. */
export const assignAdminRoleStep = createStep(
  "assign-admin-role",
  async (input: { user_id: string; role: AdminRoleName; user_ids: string[] }, { container }) => {
    const { previous } = await roleService(container).assignRole(input)
    return new StepResponse({ user_id: input.user_id, role: input.role }, { user_id: input.user_id, previous, user_ids: input.user_ids })
  },
  async (undo, { container }) => {
    if (!undo) return
    await roleService(container).assignRole({ user_id: undo.user_id, role: undo.previous, user_ids: undo.user_ids })
  }
)
