import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { StoreWardrobeItemWearResponse } from "../../../../../../types/http/wardrobe"
import { logWardrobeWearWorkflow } from "../../../../../../workflows/wardrobe/log-wear"
import { customerIdOf } from "../../../../../identity"
import { serializeWearLog } from "../../../serializers"
import { StoreLogWearType } from "../../../validators"

/** Marks the item worn on `worn_on` (default: today, UTC). */
export const POST = async (req: AuthenticatedMedusaRequest<StoreLogWearType>, res: MedusaResponse<StoreWardrobeItemWearResponse>) => {
  const { result } = await logWardrobeWearWorkflow(req.scope).run({
    input: { customer_id: customerIdOf(req), item_id: req.params.id, worn_on: req.validatedBody?.worn_on ?? new Date() },
  })
  res.status(result.logged ? 201 : 200).json({ wear_log: serializeWearLog(result.wear_log) })
}
