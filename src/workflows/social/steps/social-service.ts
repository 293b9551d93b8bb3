import { MedusaContainer } from "@medusajs/framework/types"
import { SOCIAL_MODULE } from "../../../modules/social"
import SocialModuleService from "../../../modules/social/service"

export const socialService = (container: MedusaContainer) => container.resolve<SocialModuleService>(SOCIAL_MODULE)
