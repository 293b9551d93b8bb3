import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { resolveCatalogReferences } from "../../catalog/catalog-references"
import { productsNotOnSale } from "../../catalog/products-on-sale"
import { PostTagInput, PostTagRow } from "../types"

/**
 * Checks every tagged product and variant against the catalog: a product or variant that does
 * not exist, or a variant of another product, is bad input (400 naming the id), so nothing is
 * uploaded or created. So is a product a shopper could not buy: not published (a draft, or
 * rejected), or outside the publishable key's sales channels when the request came with one;
 * a post must never show a product before it is on sale. A variant given alone brings its
 * product. Reads only.
 */
export const validatePostTagsStep = createStep(
  "validate-social-post-tags",
  async (input: { tags: PostTagInput[] | undefined; sales_channel_ids?: string[] | null }, { container }) => {
    const { tags } = input
    if (!tags) return new StepResponse(undefined as PostTagRow[] | undefined)
    if (tags.some((tag) => !tag.product_id && !tag.variant_id)) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, "each tag needs a product_id or a variant_id")
    }
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const resolved = await resolveCatalogReferences(query, tags, (problem) => {
      const message =
        problem.kind === "unknown_product"
          ? `Tagged product ${problem.product_id} does not exist`
          : problem.kind === "unknown_variant"
            ? `Tagged variant ${problem.variant_id} does not exist`
            : `Tagged variant ${problem.variant_id} is not a variant of product ${problem.product_id}`
      return new MedusaError(MedusaError.Types.INVALID_DATA, message)
    })
    await assertProductsOnSale(query, resolved, input.sales_channel_ids ?? [])
    const rows: PostTagRow[] = tags.map((tag, i) => ({ ...resolved[i]!, x: tag.x ?? null, y: tag.y ?? null, photo_index: tag.photo_index ?? 0 }))
    return new StepResponse(rows)
  }
)

async function assertProductsOnSale(
  query: Parameters<typeof productsNotOnSale>[0],
  resolved: { product_id: string; variant_id: string | null }[],
  salesChannelIds: string[]
) {
  const notOnSale = await productsNotOnSale(
    query,
    resolved.map((r) => r.product_id),
    salesChannelIds
  )
  const ref = resolved.find((r) => notOnSale.has(r.product_id))
  if (!ref) return
  const what = ref.variant_id ? `Tagged variant ${ref.variant_id} (product ${ref.product_id})` : `Tagged product ${ref.product_id}`
  throw new MedusaError(MedusaError.Types.INVALID_DATA, `${what} is not available in this store`)
}
