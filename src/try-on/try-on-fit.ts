import type { MedusaContainer } from "@medusajs/framework/types"
import { MedusaError } from "@medusajs/framework/utils"
import { profileMeasurements, sizeAdviceForProduct } from "../size-advice/product-size-advice"
import type { ShopperContext } from "../shopper/context"
import type { SizeAdviceFit, SizeAdviceFitValue } from "../types/http/size-advice"

/** Width factors in the sidecar's `fit` (ml-sidecar/src/try-on/fit.ts uses 0.92 / 1 / 1.12 for its words), with "slightly" between. */
const WIDTH_FACTOR: Record<SizeAdviceFitValue, number> = {
  tight: 0.92,
  "slightly tight": 0.96,
  regular: 1,
  "slightly loose": 1.06,
  loose: 1.12,
}
const WIDTH_MEASURES = ["chest", "waist", "hips"] as const

/** The sidecar's `fit` JSON for one size's fit on the body; null when the advice says nothing about widths. */
export function sidecarFit(fit: SizeAdviceFit | undefined): string | null {
  const factors: Record<string, number> = {}
  for (const m of WIDTH_MEASURES) {
    const value = fit?.[m]
    if (value) factors[m] = WIDTH_FACTOR[value]
  }
  return Object.keys(factors).length ? JSON.stringify(factors) : null
}

export const REGULAR_FIT_WARNING = "Drawn at this size's regular fit: save your measurements in your profile to see how it sits on you."

/**
 * How the chosen size sits on the shopper, for the sidecar to draw it tight or loose: size advice's
 * rule over the signed-in shopper's profile measurements and the product's chart. Guests, shoppers
 * without measurements and products without a chart get the regular fit and a warning saying so.
 */
export async function tryOnFit(
  scope: MedusaContainer,
  input: { product_id: string; size: string | null; customer_id: string | null; shopper: ShopperContext }
): Promise<{ fit: string | null; warning?: string }> {
  const profile = input.customer_id ? await profileMeasurements(scope, input.customer_id) : null
  if (!profile || !input.size) return { fit: null, warning: REGULAR_FIT_WARNING }
  try {
    const advice = await sizeAdviceForProduct(scope, { product_id: input.product_id, shopper: input.shopper, stated: {}, profile })
    const fit = sidecarFit(advice.fit_by_size[input.size])
    return fit ? { fit } : { fit: null, warning: REGULAR_FIT_WARNING }
  } catch (error) {
    // No chart for the product, or not the measurements its chart needs: a regular fit, not a failed try-on.
    if (MedusaError.isMedusaError(error) && [MedusaError.Types.NOT_FOUND, MedusaError.Types.INVALID_DATA].includes((error as MedusaError).type))
      return { fit: null, warning: REGULAR_FIT_WARNING }
    throw error
  }
}
