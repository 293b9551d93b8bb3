import "server-only"
import { HttpTypes } from "@medusajs/types"
import { sdk } from "@lib/config"
import { errorStatus } from "@lib/util/errors"
import { getAuthHeaders } from "./cookies"

// Every total the summary reads (SummaryTotals): the list route (the account's order page) answers only the totals named.
const ORDER_FIELDS =
  "*items,*items.variant,*items.product,*shipping_address,*shipping_methods,*payment_collections,+total,+subtotal,+tax_total,+shipping_total,+discount_total,+item_subtotal,+original_item_total,+shipping_subtotal,+original_shipping_total,+discount_subtotal"

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

/**
 * One of the signed-in customer's own orders, or null when it is someone else's or does not exist.
 * GET /store/orders/:id answers anyone who has an order's id (so a guest sees the order just
 * placed) and does not return customer_id by default; the authenticated list answers only the
 * customer's own orders, so the account asks the list for this one id and Medusa decides.
 */
export async function retrieveCustomerOrder(id: string): Promise<HttpTypes.StoreOrder | null> {
  const headers = await getAuthHeaders()
  if (!headers.authorization) return null
  const { orders } = await sdk.client.fetch<{ orders: HttpTypes.StoreOrder[] }>("/store/orders", {
    query: { id, limit: 1, fields: `${ORDER_FIELDS},+fulfillment_status` },
    headers,
    next: { tags: ["orders"] },
    cache: "force-cache",
  })
  return orders[0] ?? null
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
