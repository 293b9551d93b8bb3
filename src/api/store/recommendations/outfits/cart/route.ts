import { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { refetchCart } from "@medusajs/medusa/api/store/carts/helpers"
import { defaultStoreCartFields } from "@medusajs/medusa/api/store/carts/query-config"
import { addOutfitToCartWorkflow } from "../../../../../workflows/recommendation/add-outfit-to-cart"
import { viewerIdOf } from "../../../../identity"
import { guestIdOf } from "../../../../utils/guest-id"
import { recommendationOf } from "../../../customers/me/style-profile/style-profile"
import { StoreAddOutfitToCartType } from "../../validators"

/**
 * POST /store/recommendations/outfits/cart { cart_id, variant_ids }: adds a recommended outfit's catalog
 * pieces (the variants the answer chose, in the shopper's size) to the cart in one call, and answers with
 * the cart (as Medusa's cart routes do) and what was and was not added, why. What went in is recorded as
 * add_to_cart interactions from recommendations.
 */
export const POST = async (req: MedusaRequest<StoreAddOutfitToCartType>, res: MedusaResponse) => {
  const { cart_id, variant_ids, surface } = req.validatedBody as StoreAddOutfitToCartType
  const { result } = await addOutfitToCartWorkflow(req.scope).run({ input: { cart_id, variant_ids } })
  const cart = await refetchCart(cart_id, req.scope, defaultStoreCartFields)
  res.json({ cart, added: result.added, not_added: result.not_added })

  const customerId = viewerIdOf(req)
  const guestId = customerId ? null : guestIdOf(req)
  const owner = customerId ? { customer_id: customerId } : guestId ? { guest_id: guestId } : null
  const productOf = new Map(
    ((cart?.items ?? []) as { variant_id?: string | null; product_id?: string | null }[]).map((i) => [i.variant_id, i.product_id])
  )
  const products = result.added.map((a) => productOf.get(a.variant_id)).filter((id): id is string => !!id)
  if (owner && products.length) {
    recommendationOf(req)
      .recordInteractions(products.map((product_id) => ({ ...owner, product_id, kind: "add_to_cart", surface: surface ?? "outfits" })))
      .catch(() => undefined)
  }
}
