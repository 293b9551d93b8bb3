import "server-only"
import { HttpTypes } from "@medusajs/types"
import { sdk } from "@lib/config"
import { errorStatus } from "@lib/util/errors"
import { getAuthHeaders } from "./cookies"

const ORDER_FIELDS =
  "*items,*items.variant,*items.product,*shipping_address,*shipping_methods,*payment_collections,+total,+subtotal,+tax_total,+shipping_total,+discount_total,+item_subtotal"

/** One order; guests can see the order they just placed by its id (as in Medusa's starter). */
export async function retrieveOrder(id: string): Promise<HttpTypes.StoreOrder | null> {
  try {
    const { order } = await sdk.client.fetch<{ order: HttpTypes.StoreOrder }>(`/store/orders/${id}`, {
      query: { fields: ORDER_FIELDS },
      headers: await getAuthHeaders(),
      next: { tags: ["orders"] },
      cache: "force-cache",
    })
    return order
  } catch (error) {
    if (errorStatus(error) === 404) return null
    throw error
  }
}

export async function listOrders(limit = 20, offset = 0): Promise<{ orders: HttpTypes.StoreOrder[]; count: number }> {
  const { orders, count } = await sdk.client.fetch<{ orders: HttpTypes.StoreOrder[]; count: number }>("/store/orders", {
    query: {
      limit,
      offset,
      order: "-created_at",
      fields: "id,display_id,created_at,status,fulfillment_status,payment_status,total,currency_code,*items",
    },
    headers: await getAuthHeaders(),
    next: { tags: ["orders"] },
    cache: "force-cache",
  })
  return { orders, count }
}
