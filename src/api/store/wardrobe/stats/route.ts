import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { WARDROBE_MODULE } from "../../../../modules/wardrobe"
import type WardrobeModuleService from "../../../../modules/wardrobe/service"
import type { StoreWardrobeStatsResponse } from "../../../../types/http/wardrobe"
import { customerIdOf } from "../../../identity"

/** Times worn, cost per wear, most and least worn, colour and category mix, items not worn in 90 days. */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse<StoreWardrobeStatsResponse>) => {
  const wardrobe = req.scope.resolve<WardrobeModuleService>(WARDROBE_MODULE)
  res.json({ stats: await wardrobe.computeStats(customerIdOf(req)) })
}
