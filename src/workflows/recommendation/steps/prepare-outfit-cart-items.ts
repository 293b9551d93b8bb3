import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { cartVariants, openCart, SortedCartAdditions } from "../../../cart/cart-additions"

export type PreparedOutfitCartItems = SortedCartAdditions

/**
 * Sorts an outfit's variants into those that can go into the cart (one of each) and those that cannot,
 * with the reason, by the same rule as the lookbook's add-the-look (src/cart/cart-additions.ts:
 * deleted, unpublished, not in the cart's sales channel, no price in its region, out of stock at the
 * locations serving it, counting what the cart already holds). An id that is no variant at all is a 400. Reads only.
 */
export const prepareOutfitCartItemsStep = createStep(
  "prepare-recommended-outfit-cart-items",
  async (input: { cart_id: string; variant_ids: string[] }, { container }) => {
    const cart = await openCart(container.resolve(ContainerRegistrationKeys.QUERY), input.cart_id)
    const variantIds = [...new Set(input.variant_ids)]
    const variants = await cartVariants(container, cart, variantIds)
    const unknown = variantIds.filter((id) => !variants.byId.has(id))
    if (unknown.length) throw new MedusaError(MedusaError.Types.INVALID_DATA, `variant_ids: no such variants: ${unknown.join(", ")}`)
    return new StepResponse(variants.sort(variantIds.map((id) => ({ variant_id: id, product_id: variants.byId.get(id)!.product_id ?? "" }))))
  }
)
