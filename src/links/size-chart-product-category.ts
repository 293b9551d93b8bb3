import { defineLink } from "@medusajs/framework/utils"
import ProductModule from "@medusajs/medusa/product"
import SizeChartModule from "../modules/size-chart"

/**
 * The product category a size chart is for. Read-only on category_id: the id is part of the chart's
 * own record (one chart per category and brand), so query.graph can join charts and categories
 * without a link table.
 */
export default defineLink({ linkable: SizeChartModule.linkable.sizeChart, field: "category_id" }, ProductModule.linkable.productCategory, {
  readOnly: true,
})
