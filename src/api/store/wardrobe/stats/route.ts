import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { WARDROBE_MODULE } from "../../../../modules/wardrobe"
import WardrobeModuleService from "../../../../modules/wardrobe/service"
import { customerIdOf } from "../helpers"

/** Times worn, cost per wear, most and least worn, colour and category mix, items not worn in 90 days. */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const wardrobe = req.scope.resolve<WardrobeModuleService>(WARDROBE_MODULE)
  const stats = await wardrobe.computeStats(customerIdOf(req))
  res.json({ stats })
}
