import { useQueryGraphStep } from "@medusajs/medusa/core-flows"
import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import type { RecordInteractionInput } from "../../modules/recommendation/service"
import { recordInteractionsStep } from "./steps/record-interactions"

export type RecordOrderInteractionsInput = { order_id: string }

type OrderForInteractions = {
  id: string
  customer_id?: string | null
  currency_code?: string | null
  items?: ({ product_id?: string | null; variant_id?: string | null } | null)[] | null
}

/** One purchase per product of the order (with the variants bought), keyed so the order counts once. */
export function purchaseInteractions(order: OrderForInteractions): RecordInteractionInput[] {
  if (!order.customer_id) return []
  const variantsByProduct = new Map<string, string[]>()
  for (const item of order.items ?? []) {
    if (!item?.product_id) continue
    const variant_ids = variantsByProduct.get(item.product_id) ?? []
    if (item.variant_id && !variant_ids.includes(item.variant_id)) variant_ids.push(item.variant_id)
    variantsByProduct.set(item.product_id, variant_ids)
  }
  return [...variantsByProduct].map(([product_id, variant_ids]) => ({
    customer_id: order.customer_id,
    product_id,
    kind: "purchase" as const,
    surface: "order",
    value: { order_id: order.id, variant_ids },
    dedup_key: `purchase:${order.id}:${product_id}`,
  }))
}

/** Records a placed order's products as purchases in the interaction log (idempotent: an order counts once). */
export const recordOrderInteractionsWorkflow = createWorkflow("record-order-recommendation-interactions", (input: RecordOrderInteractionsInput) => {
  const { data: orders } = useQueryGraphStep({
    entity: "order",
    fields: ["id", "customer_id", "items.product_id", "items.variant_id"],
    filters: { id: input.order_id },
    options: { throwIfKeyNotFound: true },
  })
  const interactions = transform({ orders }, ({ orders }) => purchaseInteractions(orders[0] as unknown as OrderForInteractions))
  return new WorkflowResponse(recordInteractionsStep(interactions))
})
