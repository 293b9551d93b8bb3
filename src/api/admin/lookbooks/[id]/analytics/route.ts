import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { addToCartRate } from "../../../../../modules/lookbook/analytics"
import { retrieveAdminLookbook } from "../../retrieve"

/** Views, add-to-carts and their rate per look, and for the whole lookbook. */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const lookbook = await retrieveAdminLookbook(req.scope, req.params.id)
  const looks = lookbook.looks.map((look) => ({
    look_id: look.id,
    position: look.position,
    image_url: look.image_url,
    views: look.views,
    add_to_cart_count: look.add_to_cart_count,
    rate: look.rate,
  }))
  const views = looks.reduce((n, l) => n + l.views, 0)
  const addToCart = looks.reduce((n, l) => n + l.add_to_cart_count, 0)
  res.json({
    analytics: { lookbook_id: lookbook.id, views, add_to_cart_count: addToCart, rate: addToCartRate(views, addToCart), looks },
  })
}
