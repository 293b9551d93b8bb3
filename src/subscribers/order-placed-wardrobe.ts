import { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { addPurchasedItemsToWardrobeWorkflow } from "../workflows/wardrobe/add-purchased-items-to-wardrobe"

/** Every placed order adds its purchased variants to the customer's wardrobe (idempotently). */
export default async function orderPlacedWardrobeHandler({ event: { data }, container }: SubscriberArgs<{ id: string }>) {
  await addPurchasedItemsToWardrobeWorkflow(container).run({ input: { order_id: data.id } })
}

export const config: SubscriberConfig = {
  event: "order.placed",
  context: { subscriberId: "curator-order-placed-wardrobe" },
}
