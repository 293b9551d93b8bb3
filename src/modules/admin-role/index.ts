import { Module } from "@medusajs/framework/utils"
import AdminRoleModuleService from "./service"

export const ADMIN_ROLE_MODULE = "adminRole"

export default Module(ADMIN_ROLE_MODULE, {
  service: AdminRoleModuleService,
})

export { AdminRoleModuleService }
