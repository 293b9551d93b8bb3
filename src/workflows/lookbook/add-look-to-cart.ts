import { addToCartWorkflow } from "@medusajs/medusa/core-flows"
import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { incrementLookCountersStep } from "./steps/looks"
import { prepareLookCartItemsStep } from "./steps/prepare-look-cart-items"
import { retrieveLookStep } from "./steps/retrieve"
import { ChosenPiece, LookCartItem, NotAddedItem } from "./types"

export type AddLookToCartWorkflowInput = { lookbook_id: string; look_id: string; cart_id: string; pieces?: ChosenPiece[] }
export type AddLookToCartWorkflowOutput = { cart_id: string; added: LookCartItem[]; not_added: NotAddedItem[] }

/**
 * "Shop the look": the variant the shopper chose for each piece of a published look (the photo's
 * variant for one-size pieces; a sized piece without a choice is a 400), where it can be sold to this cart, goes
 * in with one call of Medusa's addToCartWorkflow (which reserves nothing yet and compensates its
 * own writes); the rest are reported with the reason. The look's add-to-cart counter goes up only
 * when something was added, after the cart changed: if the counter fails, the cart is rolled back.
 */
export const addLookToCartWorkflow = createWorkflow("add-lookbook-look-to-cart", (input: AddLookToCartWorkflowInput) => {
  retrieveLookStep(transform({ input }, ({ input }) => ({ lookbook_id: input.lookbook_id, look_id: input.look_id, published_only: true })))
  const prepared = prepareLookCartItemsStep(
    transform({ input }, ({ input }) => ({ look_id: input.look_id, cart_id: input.cart_id, pieces: input.pieces ?? [] }))
  )
  when("add-look-items-to-cart", { prepared }, ({ prepared }) => prepared.items.length > 0).then(() => {
    addToCartWorkflow.runAsStep({
      input: transform({ input, prepared }, ({ input, prepared }) => ({ cart_id: input.cart_id, items: prepared.items })),
    })
    incrementLookCountersStep(transform({ input }, ({ input }) => ({ look_id: input.look_id, add_to_cart: 1 })))
  })
  const output = transform({ input, prepared }, ({ input, prepared }): AddLookToCartWorkflowOutput => ({
    cart_id: input.cart_id,
    added: prepared.items,
    not_added: prepared.not_added,
  }))
  return new WorkflowResponse(output)
})
