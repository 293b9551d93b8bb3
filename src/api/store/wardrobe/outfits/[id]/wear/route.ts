import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { StoreWardrobeOutfitWearResponse } from "../../../../../../types/http/wardrobe"
import { logWardrobeWearWorkflow } from "../../../../../../workflows/wardrobe/log-wear"
import { customerIdOf } from "../../../../../identity"
import { serializeWearLog } from "../../../serializers"
import { StoreLogWearType } from "../../../validators"

/** Marks the outfit, and every item in it, worn on `worn_on` (default: today, UTC). */
export const POST = async (req: AuthenticatedMedusaRequest<StoreLogWearType>, res: MedusaResponse<StoreWardrobeOutfitWearResponse>) => {
  const { result } = await logWardrobeWearWorkflow(req.scope).run({
    input: { customer_id: customerIdOf(req), outfit_id: req.params.id, worn_on: req.validatedBody?.worn_on ?? new Date() },
  })
  res.status(result.logged ? 201 : 200).json({ wear_log: serializeWearLog(result.wear_log), item_wears: result.item_wears - 1 })
}
