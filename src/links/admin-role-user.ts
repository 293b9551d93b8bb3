import { defineLink } from "@medusajs/framework/utils"
import UserModule from "@medusajs/medusa/user"
import AdminRoleModule from "../modules/admin-role"

/**
 * A user's Curator role. Read-only on user_id (kept in the role record, which the moderator
 * check reads on every admin request); query.graph reaches the user's name and e-mail.
 */
export default defineLink({ linkable: AdminRoleModule.linkable.adminRole, field: "user_id" }, UserModule.linkable.user, { readOnly: true })
