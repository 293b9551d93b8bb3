import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { retrieveOwnedOutfitsStep, retrieveOwnedWardrobeItemsStep } from "./steps/retrieve-owned"
import { createOutfitStep, softDeleteOutfitsStep, updateOutfitStep } from "./steps/outfits"
import { validateCatalogProductsStep } from "./steps/validate-catalog-products"
import { OutfitFields } from "./types"

export type CreateOutfitWorkflowInput = { customer_id: string; outfit: OutfitFields & { name: string } }

const uniqueInOrder = (ids: string[] | undefined) => (ids ? [...new Set(ids)] : undefined)

/** A customer puts together an outfit from their own items, optionally with catalog products to buy. */
export const createOutfitWorkflow = createWorkflow("create-wardrobe-outfit", (input: CreateOutfitWorkflowInput) => {
  const itemIds = transform({ input }, ({ input }) => uniqueInOrder(input.outfit.item_ids) ?? [])
  retrieveOwnedWardrobeItemsStep(transform({ input, itemIds }, ({ input, itemIds }) => ({ customer_id: input.customer_id, item_ids: itemIds })))
  const products = validateCatalogProductsStep(transform({ input }, ({ input }) => input.outfit.products ?? []))
  const data = transform({ input, itemIds, products }, ({ input, itemIds, products }) => {
    const { item_ids: _ids, products: _products, ...fields } = input.outfit
    return { ...fields, customer_id: input.customer_id, item_ids: itemIds, products: products ?? [] }
  })
  return new WorkflowResponse(createOutfitStep(data))
})

export type UpdateOutfitWorkflowInput = { customer_id: string; id: string; update: OutfitFields }

/** A customer renames an outfit, changes occasion or season, or replaces its items or products. */
export const updateOutfitWorkflow = createWorkflow("update-wardrobe-outfit", (input: UpdateOutfitWorkflowInput) => {
  retrieveOwnedOutfitsStep(transform({ input }, ({ input }) => ({ customer_id: input.customer_id, outfit_ids: [input.id] })))
  const itemIds = transform({ input }, ({ input }) => uniqueInOrder(input.update.item_ids))
  retrieveOwnedWardrobeItemsStep(transform({ input, itemIds }, ({ input, itemIds }) => ({ customer_id: input.customer_id, item_ids: itemIds ?? [] })))
  const products = validateCatalogProductsStep(transform({ input }, ({ input }) => input.update.products))
  const data = transform({ input, itemIds, products }, ({ input, itemIds, products }) => {
    const { item_ids: _ids, products: _products, ...fields } = input.update
    return { id: input.id, data: fields, item_ids: itemIds, products }
  })
  return new WorkflowResponse(updateOutfitStep(data))
})

export type DeleteOutfitWorkflowInput = { customer_id: string; id: string }

/** A customer deletes an outfit; its items stay in the wardrobe. */
export const deleteOutfitWorkflow = createWorkflow("delete-wardrobe-outfit", (input: DeleteOutfitWorkflowInput) => {
  retrieveOwnedOutfitsStep(transform({ input }, ({ input }) => ({ customer_id: input.customer_id, outfit_ids: [input.id] })))
  const ids = transform({ input }, ({ input }) => [input.id])
  softDeleteOutfitsStep(ids)
  return new WorkflowResponse(ids)
})
