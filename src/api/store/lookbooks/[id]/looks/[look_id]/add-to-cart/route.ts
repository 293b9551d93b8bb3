import { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { refetchCart } from "@medusajs/medusa/api/store/carts/helpers"
import { defaultStoreCartFields } from "@medusajs/medusa/api/store/carts/query-config"
import { addLookToCartWorkflow } from "../../../../../../../workflows/lookbook/add-look-to-cart"
import { publishedLookbookId } from "../../../../../../lookbooks/queries"
import { StoreAddLookToCartType } from "../../../../validators"

/**
 * "Shop the look": adds the variant the shopper chose for each piece (one-size pieces need no
 * choice) of the look to the cart in one workflow
 * and answers with the cart (as Medusa's cart routes do) and what was and was not added, why.
 * The cart is addressed by id like Medusa's own cart routes; an unknown cart is a 404.
 */
export const POST = async (req: MedusaRequest<StoreAddLookToCartType>, res: MedusaResponse) => {
  const lookbookId = await publishedLookbookId(req.scope, req.params.id)
  const { cart_id, pieces } = req.validatedBody
  const { result } = await addLookToCartWorkflow(req.scope).run({
    input: { lookbook_id: lookbookId, look_id: req.params.look_id, cart_id, pieces: pieces ?? [] },
  })
  const cart = await refetchCart(cart_id, req.scope, defaultStoreCartFields)
  res.json({ cart, added: result.added, not_added: result.not_added })
}
