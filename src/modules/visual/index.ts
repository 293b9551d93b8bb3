import { Module } from "@medusajs/framework/utils"
import VisualModuleService from "./service"

export const VISUAL_MODULE = "visual"

export default Module(VISUAL_MODULE, {
  service: VisualModuleService,
})

export { VisualModuleService }
