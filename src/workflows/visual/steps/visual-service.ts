import { MedusaContainer } from "@medusajs/framework/types"
import { VISUAL_MODULE } from "../../../modules/visual"
import VisualModuleService from "../../../modules/visual/service"

export const visualService = (container: Pick<MedusaContainer, "resolve">) => container.resolve<VisualModuleService>(VISUAL_MODULE)
