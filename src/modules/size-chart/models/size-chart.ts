import { model } from "@medusajs/framework/utils"

/**
 * A size chart: per size, the body measurements (cm, min–max) that the size is cut for. It belongs
 * to a product category (category_id, an id of Medusa's product category) and, where one brand cuts
 * differently, to that brand (as products carry it in metadata.brand); a brand's chart wins over the
 * category's. `sizes` holds the rows in the merchant's order (SizeChartRow in src/size-advice).
 */
export const SizeChart = model
  .define("size_chart", {
    id: model.id({ prefix: "szch" }).primaryKey(),
    name: model.text(),
    category_id: model.text(),
    brand: model.text().nullable(),
    sizes: model.json(),
  })
  .indexes([
    { name: "IDX_size_chart_category_brand_unique", on: ["category_id", "brand"], unique: true, where: "deleted_at IS NULL AND brand IS NOT NULL" },
    { name: "IDX_size_chart_category_unique", on: ["category_id"], unique: true, where: "deleted_at IS NULL AND brand IS NULL" },
  ])
