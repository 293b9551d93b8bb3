import { MedusaContainer } from "@medusajs/framework/types"
import { WARDROBE_MODULE } from "../../../modules/wardrobe"
import WardrobeModuleService from "../../../modules/wardrobe/service"

export const wardrobeService = (container: MedusaContainer) => container.resolve<WardrobeModuleService>(WARDROBE_MODULE)
