import { MedusaResponse } from "@medusajs/framework/http"
import { HttpTypes } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MedusaError, QueryContext } from "@medusajs/framework/utils"
import { filterOutInternalProductCategories, RequestWithContext, wrapProductsWithTaxPrices } from "@medusajs/medusa/api/store/products/helpers"
import { prepareInventoryQuantityFields, wrapVariantsWithInventoryQuantityForSalesChannel } from "@medusajs/medusa/api/utils/middlewares/index"
import { PRODUCT_CARD_CACHE } from "../../../../catalog/catalog-cache"

/** The variants Medusa's stock helper takes (its types say undefined where the Store API's say null). */
type VariantInput = Parameters<typeof wrapVariantsWithInventoryQuantityForSalesChannel>[1][number]

/**
 * GET /store/products/:id: Medusa's own handler (2.21.2, same middlewares, same answer), with the
 * product read through the catalog cache as Medusa already does for the list (it leaves this route
 * uncached). The key holds the id, the fields and the pricing context (region, currency, customer
 * groups); stock counts and tax prices are added after the read, per request.
 */
export const GET = async (req: RequestWithContext<HttpTypes.StoreProductParams>, res: MedusaResponse<HttpTypes.StoreProductResponse>) => {
  const { fields, withInventoryQuantity } = prepareInventoryQuantityFields(req.queryConfig.fields, { relation: "variants" })
  req.queryConfig.fields = fields
  const filters = { id: req.params.id, ...req.filterableFields }
  const context: Record<string, Record<string, unknown>> = {}
  if (req.pricingContext) {
    context.variants ??= {}
    context.variants.calculated_price ??= QueryContext(req.pricingContext)
  }
  const includesCategoriesField = req.queryConfig.fields.some((field) => field.startsWith("categories"))
  if (!req.queryConfig.fields.includes("categories.is_internal")) req.queryConfig.fields.push("categories.is_internal")

  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data: products } = await query.graph(
    { entity: "product", filters, context, fields: req.queryConfig.fields },
    { locale: req.locale, ...PRODUCT_CARD_CACHE }
  )
  const product = products[0] as HttpTypes.StoreProduct | undefined
  if (!product) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Product with id: ${req.params.id} was not found`)
  if (withInventoryQuantity) await wrapVariantsWithInventoryQuantityForSalesChannel(req, (product.variants || []) as VariantInput[])
  if (includesCategoriesField) filterOutInternalProductCategories([product])
  await wrapProductsWithTaxPrices(req, [product])
  res.json({ product })
}
