import { Context } from "@medusajs/framework/types"
import { InjectManager, InjectTransactionManager, MedusaContext, MedusaError, MedusaService } from "@medusajs/framework/utils"
import { sqlManagerOf } from "../../utils/module-sql"
import { AdminRoleName, DEFAULT_ADMIN_ROLE } from "./constants"
import { AdminRole } from "./models"

// One transaction-scoped advisory lock serialises role changes, so two administrators demoting
// each other at once cannot leave the shop without one.
const ROLE_CHANGE_LOCK = 7_240_031

/** Admin users' Curator roles: administrator (the default) or moderator. */
class AdminRoleModuleService extends MedusaService({ AdminRole }) {
  /** A user's role; a user without a role record is an administrator. */
  @InjectManager()
  async roleOf(userId: string, @MedusaContext() sharedContext: Context = {}): Promise<AdminRoleName> {
    const [record] = await this.listAdminRoles({ user_id: userId }, { select: ["id", "role"], take: 1 }, sharedContext)
    return (record?.role as AdminRoleName | undefined) ?? DEFAULT_ADMIN_ROLE
  }

  /**
   * Gives a user a role. userIds are all existing admin users (the caller reads them from the
   * user module): making one a moderator must leave at least one administrator among them,
   * otherwise NOT_ALLOWED, naming the rule. Returns the role the user had before.
   */
  @InjectTransactionManager()
  async assignRole(
    input: { user_id: string; role: AdminRoleName; user_ids: string[] },
    @MedusaContext() sharedContext: Context = {}
  ): Promise<{ previous: AdminRoleName }> {
    await sqlManagerOf(sharedContext).execute("SELECT pg_advisory_xact_lock(?)", [ROLE_CHANGE_LOCK])
    const [record] = await this.listAdminRoles({ user_id: input.user_id }, { select: ["id", "role"], take: 1 }, sharedContext)
    const previous = (record?.role as AdminRoleName | undefined) ?? DEFAULT_ADMIN_ROLE
    if (input.role === "moderator" && previous === "admin") {
      const moderators = await this.listAdminRoles({ user_id: input.user_ids, role: "moderator" }, { select: ["user_id"], take: null }, sharedContext)
      const moderatorIds = new Set(moderators.map((m) => m.user_id))
      const administrators = new Set(input.user_ids.filter((id) => !moderatorIds.has(id)))
      administrators.add(input.user_id)
      if (administrators.size <= 1) {
        throw new MedusaError(
          MedusaError.Types.NOT_ALLOWED,
          `User ${input.user_id} is the last administrator and cannot become a moderator: make another user an administrator first`
        )
      }
    }
    if (record) {
      if (record.role !== input.role) await this.updateAdminRoles({ id: record.id, role: input.role }, sharedContext)
    } else {
      await this.createAdminRoles({ user_id: input.user_id, role: input.role }, sharedContext)
    }
    return { previous }
  }
}

export default AdminRoleModuleService
