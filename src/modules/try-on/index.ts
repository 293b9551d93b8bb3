import { Module } from "@medusajs/framework/utils"
import TryOnModuleService from "./service"

export const TRY_ON_MODULE = "tryOn"

export default Module(TRY_ON_MODULE, {
  service: TryOnModuleService,
})

export { TryOnModuleService }
