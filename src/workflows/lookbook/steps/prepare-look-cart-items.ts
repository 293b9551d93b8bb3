import { ContainerRegistrationKeys, MedusaError, ProductStatus } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { cartVariants, openCart } from "../../../cart/cart-additions"
import { ProductChoices, productChoices } from "../../../catalog/product-choices"
import { ChosenPiece, LookCartItem, NotAddedItem } from "../types"
import { lookbookService } from "./lookbook-service"

export type PreparedLookCartItems = { items: LookCartItem[]; not_added: NotAddedItem[] }

/** A hotspot of the look, as the step reads it. */
type PieceHotspot = { id: string; variant_id: string; product_id: string }

/**
 * The variant to add for each piece: the shopper's choice, else the photo's variant where the piece
 * needs no choice (one size) or cannot be sold here anyway (its reason is reported as before).
 * A choice outside the piece's product, a choice for a hotspot not in the look, or no choice for a
 * sized piece the shopper can see is a 400 naming the pieces.
 */
export function resolveLookPieces(
  hotspots: PieceHotspot[],
  chosen: ChosenPiece[],
  choices: Map<string, Pick<ProductChoices, "title" | "size_option" | "variant_ids">>,
  shown: (variantId: string) => boolean
): { variant_id: string; product_id: string }[] {
  const byHotspot = new Map(chosen.map((c) => [c.hotspot_id, c.variant_id]))
  const problems: string[] = []
  const unknown = chosen.filter((c) => !hotspots.some((h) => h.id === c.hotspot_id)).map((c) => c.hotspot_id)
  if (unknown.length) problems.push(`not pieces of this look: ${unknown.join(", ")}`)
  const missing: string[] = []
  const pieces = hotspots.flatMap((h) => {
    const product = choices.get(h.product_id)
    const name = product?.title ?? h.product_id
    const choice = byHotspot.get(h.id)
    if (choice) {
      if (!product?.variant_ids.includes(choice)) {
        problems.push(`${choice} is not a variant of ${name} (${h.id})`)
        return []
      }
      return [{ variant_id: choice, product_id: h.product_id }]
    }
    if (product?.size_option && shown(h.variant_id)) {
      missing.push(`${name} (${h.id})`)
      return []
    }
    return [{ variant_id: h.variant_id, product_id: h.product_id }]
  })
  if (missing.length) problems.push(`choose a size for ${missing.join(", ")}`)
  if (problems.length) throw new MedusaError(MedusaError.Types.INVALID_DATA, `pieces: ${problems.join("; ")}`)
  return pieces
}

/**
 * Sorts the variants chosen for a look's pieces into those that can go into the cart (one of each) and those
 * that cannot, with the reason: deleted variant, unpublished product, product not in the cart's
 * sales channel, no price for the cart's region and currency, or not in stock at the locations
 * serving the cart's region for its sales channel (counting what the cart already holds). Reads only.
 */
export const prepareLookCartItemsStep = createStep(
  "prepare-lookbook-look-cart-items",
  async (input: { look_id: string; cart_id: string; pieces?: ChosenPiece[] }, { container }) => {
    const cart = await openCart(container.resolve(ContainerRegistrationKeys.QUERY), input.cart_id)
    const hotspots = await lookbookService(container).listLookbookHotspots(
      { look_id: input.look_id },
      { select: ["id", "variant_id", "product_id", "position"], order: { position: "ASC" }, take: null }
    )
    const chosen = input.pieces ?? []
    const candidateIds = [...new Set([...hotspots.map((h) => h.variant_id), ...chosen.map((c) => c.variant_id)])]
    if (!hotspots.length && !chosen.length) return new StepResponse<PreparedLookCartItems>({ items: [], not_added: [] })

    const [variants, choices] = await Promise.all([
      cartVariants(container, cart, candidateIds),
      productChoices(
        container,
        hotspots.map((h) => h.product_id)
      ),
    ])
    // Shoppers see a piece (and so can choose its size) when its product is published in their channel.
    const shown = (variantId: string) => {
      const v = variants.byId.get(variantId)
      return !!v && v.product?.status === ProductStatus.PUBLISHED && variants.inChannel(v)
    }
    // One of each variant, in hotspot order.
    const result: PreparedLookCartItems = variants.sort(resolveLookPieces(hotspots, chosen, choices, shown))
    return new StepResponse(result)
  }
)
