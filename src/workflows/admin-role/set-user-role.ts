import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { AdminRoleName } from "../../modules/admin-role/constants"
import { assignAdminRoleStep, listAdminUserIdsStep } from "./steps/admin-role"

/** An administrator makes an admin user a moderator or an administrator (never the last administrator a moderator). */
export const setUserRoleWorkflow = createWorkflow("set-admin-user-role", (input: { user_id: string; role: AdminRoleName }) => {
  const userIds = listAdminUserIdsStep(transform({ input }, ({ input }) => ({ user_id: input.user_id })))
  return new WorkflowResponse(
    assignAdminRoleStep(transform({ input, userIds }, ({ input, userIds }) => ({ user_id: input.user_id, role: input.role, user_ids: userIds })))
  )
})
