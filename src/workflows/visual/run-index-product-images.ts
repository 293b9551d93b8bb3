import { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { indexProductImagesWorkflow } from "./index-product-images"
import { PutImagesResult } from "./steps/put-images-in-sidecar"

/** Product index runs at once in this process: a bulk import must not flood the sidecar (it queues the rest). */
const MAX_CONCURRENT_RUNS = 2

let active = 0
const waiting: (() => void)[] = []

async function slot<T>(run: () => Promise<T>): Promise<T> {
  if (active >= MAX_CONCURRENT_RUNS) await new Promise<void>((resolve) => waiting.push(resolve))
  active++
  try {
    return await run()
  } finally {
    active--
    waiting.shift()?.()
  }
}

/**
 * Whether this process indexes product images on product events: not a server-only instance,
 * nor a `medusa exec` script such as the seed (it runs as one, with no HTTP server to fetch its
 * own files from). Medusa runs background work on workers; the reconcile job there catches up.
 */
export function indexesInThisProcess(container: MedusaContainer): boolean {
  return container.resolve(ContainerRegistrationKeys.CONFIG_MODULE).projectConfig.workerMode !== "server"
}

/**
 * Runs the index-product-images workflow for products, at most MAX_CONCURRENT_RUNS at a time.
 * Never throws: an unexpected error is logged (the reconcile job repairs what it left).
 * Resolves with what was written, or null after an error.
 */
export function runIndexProductImages(container: MedusaContainer, productIds: string[]): Promise<PutImagesResult | null> {
  return slot(async () => {
    try {
      const { result } = await indexProductImagesWorkflow(container).run({ input: { product_ids: productIds } })
      return result
    } catch (error) {
      container
        .resolve(ContainerRegistrationKeys.LOGGER)
        .warn(`visual index: indexing products ${productIds.join(", ")} failed, the reconcile job retries: ${(error as Error).message}`)
      return null
    }
  })
}
