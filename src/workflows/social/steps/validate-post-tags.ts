import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { resolveCatalogReferences } from "../../catalog/catalog-references"
import { PostTagInput, PostTagRow } from "../types"

/**
 * Checks every tagged product and variant against the catalog: a product or variant that does
 * not exist, or a variant of another product, is bad input (400 naming the id), so nothing is
 * uploaded or created. A variant given alone brings its product. Reads only.
 */
export const validatePostTagsStep = createStep(
  "validate-social-post-tags",
  async (tags: PostTagInput[] | undefined, { container }) => {
    if (!tags) return new StepResponse(undefined as PostTagRow[] | undefined)
    if (tags.some((tag) => !tag.product_id && !tag.variant_id)) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, "each tag needs a product_id or a variant_id")
    }
    const resolved = await resolveCatalogReferences(container.resolve(ContainerRegistrationKeys.QUERY), tags, (problem) => {
      const message =
        problem.kind === "unknown_product"
          ? `Tagged product ${problem.product_id} does not exist`
          : problem.kind === "unknown_variant"
            ? `Tagged variant ${problem.variant_id} does not exist`
            : `Tagged variant ${problem.variant_id} is not a variant of product ${problem.product_id}`
      return new MedusaError(MedusaError.Types.INVALID_DATA, message)
    })
    const rows: PostTagRow[] = tags.map((tag, i) => ({ ...resolved[i]!, x: tag.x ?? null, y: tag.y ?? null, photo_index: tag.photo_index ?? 0 }))
    return new StepResponse(rows)
  }
)
