import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
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
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const variantIds = [...new Set(tags.map((t) => t.variant_id).filter((id): id is string => !!id))]
    const productIds = [...new Set(tags.map((t) => t.product_id).filter((id): id is string => !!id))]
    const [{ data: variants }, { data: products }] = await Promise.all([
      variantIds.length
        ? query.graph({ entity: "product_variant", fields: ["id", "product_id"], filters: { id: variantIds } })
        : Promise.resolve({ data: [] as { id: string; product_id: string | null }[] }),
      productIds.length ? query.graph({ entity: "product", fields: ["id"], filters: { id: productIds } }) : Promise.resolve({ data: [] as { id: string }[] }),
    ])
    const productOfVariant = new Map<string, string>(variants.map((v: any): [string, string] => [v.id, v.product_id]))
    const knownProducts = new Set<string>(products.map((p: any) => p.id as string))

    const rows: PostTagRow[] = tags.map((tag) => {
      if (!tag.product_id && !tag.variant_id) throw new MedusaError(MedusaError.Types.INVALID_DATA, "each tag needs a product_id or a variant_id")
      if (tag.product_id && !knownProducts.has(tag.product_id)) {
        throw new MedusaError(MedusaError.Types.INVALID_DATA, `Tagged product ${tag.product_id} does not exist`)
      }
      if (tag.variant_id && !productOfVariant.has(tag.variant_id)) {
        throw new MedusaError(MedusaError.Types.INVALID_DATA, `Tagged variant ${tag.variant_id} does not exist`)
      }
      const productId = tag.variant_id ? productOfVariant.get(tag.variant_id)! : tag.product_id!
      if (tag.product_id && tag.product_id !== productId) {
        throw new MedusaError(MedusaError.Types.INVALID_DATA, `Tagged variant ${tag.variant_id} is not a variant of product ${tag.product_id}`)
      }
      return { product_id: productId, variant_id: tag.variant_id ?? null, x: tag.x ?? null, y: tag.y ?? null, photo_index: tag.photo_index ?? 0 }
    })
    return new StepResponse(rows)
  }
)
