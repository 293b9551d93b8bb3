import { MedusaResponse, MedusaStoreRequest } from "@medusajs/framework/http"
import { viewerIdOf } from "../../../../identity"
import { profileMeasurements, sizeAdviceForProduct, SizeAdvice } from "../../../../../size-advice/product-size-advice"
import { StoreGetSizeAdviceParamsType } from "./validators"

/**
 * The size to buy of one product for the shopper's measurements: those in the query, over those in
 * a signed-in shopper's profile. The variant of that size (in `colour`, else the first colour) and
 * whether it is in stock in the shopper's region (req.shopper, from `region_id`).
 */
export const GET = async (req: MedusaStoreRequest<unknown, StoreGetSizeAdviceParamsType>, res: MedusaResponse<{ size_advice: SizeAdvice }>) => {
  const q = req.validatedQuery as StoreGetSizeAdviceParamsType
  const customerId = viewerIdOf(req)
  const profile = customerId ? await profileMeasurements(req.scope, customerId) : null
  const size_advice = await sizeAdviceForProduct(req.scope, {
    product_id: req.params.id,
    shopper: req.shopper!,
    colour: q.colour,
    profile,
    stated: {
      height_cm: q.height,
      chest_cm: q.chest,
      waist_cm: q.waist,
      hips_cm: q.hips,
      inseam_cm: q.inseam,
      foot_length_cm: q.foot_length,
      shoe_size_eu: q.shoe_size,
    },
  })
  res.json({ size_advice })
}
