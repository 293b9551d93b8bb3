import { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { refreshCatalogVocabulary } from "../search/catalog-vocabulary"
import { searchProducts } from "../search/product-search"
import { suggestProducts } from "../search/product-suggestions"

const WARM_ATTEMPTS = 12
const WARM_RETRY_MS = 5_000

/**
 * Once, a few seconds after the application starts: the first shopper's search should not pay for
 * what the process builds once (the catalog vocabulary behind typo corrections, the search index's
 * plan, the pricing and stock code paths behind product cards), so a search, a misspelt search and
 * a suggestion run here first. Failures are logged, never fatal: searches then warm themselves.
 */
export default async function warmProductSearchOnStartJob(container: MedusaContainer) {
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const started = Date.now()
  const where = { shopper: null, sales_channel_ids: [] }
  // On a fresh database the index is still being seeded: try again for a while.
  for (let attempt = 1; ; attempt++) {
    try {
      await refreshCatalogVocabulary(container)
      await searchProducts(container, { q: "dress", sort: "relevance", limit: 1, offset: 0 }, where)
      await searchProducts(container, { q: "drss", sort: "relevance", limit: 1, offset: 0 }, where)
      await suggestProducts(container, "dre", 1, { sales_channel_ids: [] })
      logger.info(`Product search warmed in ${Date.now() - started} ms`)
      return
    } catch (error) {
      if (attempt >= WARM_ATTEMPTS) {
        logger.warn(`Warming product search failed (the first search will be slower): ${(error as Error).message}`)
        return
      }
      await new Promise((resolve) => setTimeout(resolve, WARM_RETRY_MS))
    }
  }
}

export const config = {
  name: "warm-product-search-on-start",
  schedule: { interval: 2_000, numberOfExecutions: 1 },
}
