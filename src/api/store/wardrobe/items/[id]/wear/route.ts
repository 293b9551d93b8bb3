import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { logWardrobeWearWorkflow } from "../../../../../../workflows/wardrobe/log-wear"
import { customerIdOf } from "../../../helpers"
import { StoreLogWearType } from "../../../validators"

/** Marks the item worn on `worn_on` (default: today, UTC). */
export const POST = async (req: AuthenticatedMedusaRequest<StoreLogWearType>, res: MedusaResponse) => {
  const { result } = await logWardrobeWearWorkflow(req.scope).run({
    input: { customer_id: customerIdOf(req), item_id: req.params.id, worn_on: req.validatedBody?.worn_on ?? new Date() },
  })
  res.status(result.logged ? 201 : 200).json({ wear_log: result.wear_log })
}
