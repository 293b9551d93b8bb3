import { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { recordOrderInteractionsWorkflow } from "../workflows/recommendation/record-order-interactions"

/** Every placed order's products become purchase interactions, which the recommenders learn from (idempotently). */
export default async function orderPlacedRecommendationInteractionsHandler({ event: { data }, container }: SubscriberArgs<{ id: string }>) {
  await recordOrderInteractionsWorkflow(container).run({ input: { order_id: data.id } })
}

export const config: SubscriberConfig = {
  event: "order.placed",
  context: { subscriberId: "curator-order-placed-recommendation-interactions" },
}
