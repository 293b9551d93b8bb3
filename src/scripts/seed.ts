import fs from "node:fs"
import path from "node:path"
import { ExecArgs } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { DEMO_API_KEY_TITLE, seedStore } from "./demo-catalog/seed-store"
import { seedCatalog } from "./demo-catalog/seed-catalog"
import { DEMO_CUSTOMERS, DEMO_CUSTOMER_PASSWORD, seedPeople } from "./demo-catalog/seed-people"
import { seedWardrobe } from "./demo-catalog/seed-wardrobe"
import { seedSocial } from "./demo-catalog/seed-social"
import { seedLookbooks } from "./demo-catalog/seed-lookbooks"
import { seedSizeCharts } from "./demo-catalog/seed-size-charts"
import { seedCommunity } from "./demo-catalog/seed-community"

/**
 * Seeds Curator's demo shop: regions, warehouses, shipping, ~300 fashion products
 * with rendered photos, demo customers and the demo admin, and a simulated community of
 * shoppers whose history makes recommendations collaborative. Safe to run again.
 *
 *   npx medusa exec ./src/scripts/seed.ts
 */
export default async function seedDemoShop({ container }: ExecArgs) {
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const started = Date.now()

  await activateSearchIndexes(container)
  const store = await seedStore(container)
  writePublishableKeyFile(store.publishableKey)
  const perCategory = Number(process.env.CURATOR_DEMO_PRODUCTS_PER_CATEGORY) || undefined
  const catalog = await seedCatalog(container, store, { productsPerCategory: perCategory })
  await seedSizeCharts(container)
  await seedLookbooks(container, catalog)
  const admin = await seedPeople(container)
  await seedWardrobe(container, catalog)
  await seedSocial(container, catalog)
  // Last: the community's history is the seeded catalog's (its products, prices and stock as seeded).
  await seedCommunity(container, store, catalog)

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

/**
 * The launcher, the benchmarks and the browser tests hand the storefront its publishable key
 * from this file (scripts/lib/publishable-key.js), so none of them reads Medusa's tables.
 * CURATOR_PUBLISHABLE_KEY_FILE (set by scripts/curator.js) names it; the default is the launcher's.
 */
function writePublishableKeyFile(token: string) {
  const file = path.resolve(process.env.CURATOR_PUBLISHABLE_KEY_FILE || path.join(".curator", "publishable-key.json"))
  fs.mkdirSync(path.dirname(file), { recursive: true })
  fs.writeFileSync(file, `${JSON.stringify({ token, title: DEMO_API_KEY_TITLE }, null, 2)}\n`, { mode: 0o600 })
}

/**
 * The Search Module builds an index's first version when the application starts and
 * drops product events that arrive before then, with an error each. `medusa exec`
 * does not start the application, so a search index that is not serving yet is built
 * here (through the module's public reindex) before the products are created: every
 * product event of the seed then lands in a live index.
 */
async function activateSearchIndexes(container: ExecArgs["container"]) {
  const searchModule = container.resolve(Modules.SEARCH, { allowUnregistered: true })
  if (!searchModule) return
  const notServing = (await searchModule.listIndexes()).filter((index) => index.status !== "ready").map((index) => index.name)
  if (notServing.length) await searchModule.reindex({ index: notServing })
}
