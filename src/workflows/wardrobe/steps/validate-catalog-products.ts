import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { resolveCatalogReferences } from "../../catalog/catalog-references"
import { OutfitProductInput } from "../types"
import { OutfitProductRow } from "./outfits"

/**
 * Checks that every catalog product (and variant) an outfit or a wardrobe item names exists, that
 * a variant belongs to the product given with it, and fills in the product of a variant given
 * alone; the same product and variant twice count once. Reads only.
 */
export const validateCatalogProductsStep = createStep(
  "validate-wardrobe-catalog-products",
  async (products: OutfitProductInput[] | undefined, { container }) => {
    if (!products) return new StepResponse(undefined as OutfitProductRow[] | undefined)
    const rows = await resolveCatalogReferences(container.resolve(ContainerRegistrationKeys.QUERY), products, (problem) => {
      switch (problem.kind) {
        case "unknown_variant":
          return new MedusaError(MedusaError.Types.NOT_FOUND, `Product variant with id: ${problem.variant_id} was not found`)
        case "unknown_product":
          return new MedusaError(MedusaError.Types.NOT_FOUND, `Product with id: ${problem.product_id} was not found`)
        case "variant_of_other_product":
          return new MedusaError(MedusaError.Types.INVALID_DATA, `Variant ${problem.variant_id} does not belong to product ${problem.product_id}`)
      }
    })
    const seen = new Set<string>()
    return new StepResponse(rows.filter((r) => !seen.has(`${r.product_id}:${r.variant_id}`) && seen.add(`${r.product_id}:${r.variant_id}`)))
  }
)
