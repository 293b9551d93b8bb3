import { MedusaContainer } from "@medusajs/framework/types"
import { LOOKBOOK_MODULE } from "../../../modules/lookbook"
import LookbookModuleService from "../../../modules/lookbook/service"

export const lookbookService = (container: MedusaContainer) => container.resolve<LookbookModuleService>(LOOKBOOK_MODULE)
