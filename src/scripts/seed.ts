import { ExecArgs } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { seedStore } from "./demo-catalog/seed-store"
import { seedCatalog } from "./demo-catalog/seed-catalog"
import { DEMO_CUSTOMERS, DEMO_CUSTOMER_PASSWORD, seedPeople } from "./demo-catalog/seed-people"

/**
 * Seeds Curator's demo shop: regions, warehouses, shipping, ~300 fashion products
 * with rendered photos, demo customers and the demo admin. Safe to run again.
 *
 *   npx medusa exec ./src/scripts/seed.ts
 */
export default async function seedDemoShop({ container }: ExecArgs) {
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const started = Date.now()

  const store = await seedStore(container)
  const perCategory = Number(process.env.CURATOR_DEMO_PRODUCTS_PER_CATEGORY) || undefined
  const catalog = await seedCatalog(container, store, { productsPerCategory: perCategory })
  const admin = await seedPeople(container)

  const variants = catalog.reduce((n, p) => n + p.variants.length, 0)
  logger.info(
    [
      "",
      `Curator demo shop seeded in ${((Date.now() - started) / 1000).toFixed(1)} s: ${catalog.length} products, ${variants} variants.`,
      `  Admin (demo only):     ${admin.email} / ${admin.password}  ->  http://localhost:${process.env.PORT || 9000}/app`,
      `  Publishable API key:   ${store.publishableKey}`,
      `  Demo customers:        ${DEMO_CUSTOMERS.map((c) => c.email).join(", ")} (password ${DEMO_CUSTOMER_PASSWORD})`,
      "",
    ].join("\n")
  )
}
