import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { OutfitProductInput } from "../types"
import { OutfitProductRow } from "./outfits"

/**
 * Checks that every catalog product (and variant) an outfit names exists, that a variant belongs
 * to the product given with it, and fills in the product of a variant given alone. Reads only.
 */
export const validateOutfitProductsStep = createStep(
  "validate-wardrobe-outfit-products",
  async (products: OutfitProductInput[] | undefined, { container }) => {
    if (!products) return new StepResponse(undefined as OutfitProductRow[] | undefined)
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const variantIds = [...new Set(products.map((p) => p.variant_id).filter((id): id is string => !!id))]
    const productIds = [...new Set(products.map((p) => p.product_id).filter((id): id is string => !!id))]
    const [{ data: variants }, { data: found }] = await Promise.all([
      variantIds.length
        ? query.graph({ entity: "product_variant", fields: ["id", "product_id"], filters: { id: variantIds } })
        : Promise.resolve({ data: [] as { id: string; product_id: string | null }[] }),
      productIds.length
        ? query.graph({ entity: "product", fields: ["id"], filters: { id: productIds } })
        : Promise.resolve({ data: [] as { id: string }[] }),
    ])
    const productOfVariant = new Map<string, string>(variants.map((v: any): [string, string] => [v.id, v.product_id]))
    const knownProducts = new Set<string>(found.map((p: any) => p.id as string))

    const rows = products.map((p) => {
      if (p.variant_id && !productOfVariant.has(p.variant_id)) {
        throw new MedusaError(MedusaError.Types.NOT_FOUND, `Product variant with id: ${p.variant_id} was not found`)
      }
      if (p.product_id && !knownProducts.has(p.product_id)) {
        throw new MedusaError(MedusaError.Types.NOT_FOUND, `Product with id: ${p.product_id} was not found`)
      }
      const productId = p.variant_id ? productOfVariant.get(p.variant_id)! : p.product_id!
      if (p.product_id && p.product_id !== productId) {
        throw new MedusaError(MedusaError.Types.INVALID_DATA, `Variant ${p.variant_id} does not belong to product ${p.product_id}`)
      }
      return { product_id: productId, variant_id: p.variant_id ?? null }
    })
    const seen = new Set<string>()
    return new StepResponse(rows.filter((r) => !seen.has(`${r.product_id}:${r.variant_id}`) && seen.add(`${r.product_id}:${r.variant_id}`)))
  }
)
