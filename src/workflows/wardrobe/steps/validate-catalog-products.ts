import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { resolveCatalogReferences } from "../../catalog/catalog-references"
import { productsNotOnSale } from "../../catalog/products-on-sale"
import { OutfitProductInput } from "../types"
import { OutfitProductRow } from "./outfits"

/**
 * Checks that every catalog product (and variant) an outfit or a wardrobe item names exists, that
 * a variant belongs to the product given with it, and fills in the product of a variant given
 * alone; the same product and variant twice count once. A product not on sale (a draft) answers
 * as a missing one: its name and details must not reach a shopper through an outfit. Reads only.
 */
export const validateCatalogProductsStep = createStep(
  "validate-wardrobe-catalog-products",
  async (products: OutfitProductInput[] | undefined, { container }) => {
    if (!products) return new StepResponse(undefined as OutfitProductRow[] | undefined)
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const rows = await resolveCatalogReferences(query, products, (problem) => {
      switch (problem.kind) {
        case "unknown_variant":
          return new MedusaError(MedusaError.Types.NOT_FOUND, `Product variant with id: ${problem.variant_id} was not found`)
        case "unknown_product":
          return new MedusaError(MedusaError.Types.NOT_FOUND, `Product with id: ${problem.product_id} was not found`)
        case "variant_of_other_product":
          return new MedusaError(MedusaError.Types.INVALID_DATA, `Variant ${problem.variant_id} does not belong to product ${problem.product_id}`)
      }
    })
    const notOnSale = await productsNotOnSale(
      query,
      rows.map((r) => r.product_id)
    )
    const hidden = rows.find((r) => notOnSale.has(r.product_id))
    if (hidden) {
      throw hidden.variant_id && !products.some((p) => p.product_id === hidden.product_id)
        ? new MedusaError(MedusaError.Types.NOT_FOUND, `Product variant with id: ${hidden.variant_id} was not found`)
        : new MedusaError(MedusaError.Types.NOT_FOUND, `Product with id: ${hidden.product_id} was not found`)
    }
    const seen = new Set<string>()
    return new StepResponse(rows.filter((r) => !seen.has(`${r.product_id}:${r.variant_id}`) && seen.add(`${r.product_id}:${r.variant_id}`)))
  }
)
