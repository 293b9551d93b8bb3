import { Module } from "@medusajs/framework/utils"
import { RECOMMENDATION_MODULE } from "./constants"
import RecommendationModuleService from "./service"

export { RECOMMENDATION_MODULE }

export default Module(RECOMMENDATION_MODULE, {
  service: RecommendationModuleService,
})

export { RecommendationModuleService }
