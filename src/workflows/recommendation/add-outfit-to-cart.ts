import { addToCartWorkflow } from "@medusajs/medusa/core-flows"
import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { LookCartItem, NotAddedItem } from "../lookbook/types"
import { prepareOutfitCartItemsStep } from "./steps/prepare-outfit-cart-items"

export type AddOutfitToCartWorkflowInput = { cart_id: string; variant_ids: string[] }
export type AddOutfitToCartWorkflowOutput = { cart_id: string; added: LookCartItem[]; not_added: NotAddedItem[] }

/**
 * "Add the outfit to the cart": as the lookbook's add-the-look, every piece that can be sold to this cart
 * goes in with one call of Medusa's addToCartWorkflow (which compensates its own writes); the rest are
 * reported with the reason.
 */
export const addOutfitToCartWorkflow = createWorkflow("add-recommended-outfit-to-cart", (input: AddOutfitToCartWorkflowInput) => {
  const prepared = prepareOutfitCartItemsStep(transform({ input }, ({ input }) => ({ cart_id: input.cart_id, variant_ids: input.variant_ids })))
  when("add-outfit-items-to-cart", { prepared }, ({ prepared }) => prepared.items.length > 0).then(() => {
    addToCartWorkflow.runAsStep({
      input: transform({ input, prepared }, ({ input, prepared }) => ({ cart_id: input.cart_id, items: prepared.items })),
    })
  })
  const output = transform({ input, prepared }, ({ input, prepared }): AddOutfitToCartWorkflowOutput => ({
    cart_id: input.cart_id,
    added: prepared.items,
    not_added: prepared.not_added,
  }))
  return new WorkflowResponse(output)
})
