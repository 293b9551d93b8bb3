import { MedusaContainer } from "@medusajs/framework/types"
import { reconcileVisualIndex } from "./reconcile-visual-index"

/**
 * Once, a few seconds after the application starts: the visual index catches up with the
 * catalog without waiting for reconcile-visual-index's first minute. On the demo's first start
 * this indexes the whole catalog (progress in the log) in the background: the shop answers
 * meanwhile. Medusa's interval schedule counts from the start; numberOfExecutions: 1 runs it once.
 */
export default async function indexVisualCatalogOnStartJob(container: MedusaContainer) {
  await reconcileVisualIndex(container)
}

export const config = {
  name: "index-visual-catalog-on-start",
  schedule: { interval: 3_000, numberOfExecutions: 1 },
}
