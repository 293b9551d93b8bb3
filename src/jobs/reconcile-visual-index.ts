import { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { VISUAL_MODULE } from "../modules/visual"
import VisualModuleService from "../modules/visual/service"
import { mlSidecar, SidecarHealth } from "../visual/ml-sidecar-client"
import { runIndexProductImages } from "../workflows/visual/run-index-product-images"

/** Products indexed per workflow run (and between progress lines). */
const PRODUCTS_PER_RUN = 8
/** Products read per catalog page. */
const CATALOG_PAGE = 500
/** A progress line at most this often while a long run goes on. */
const PROGRESS_EVERY_MS = 5_000
/** While the sidecar stays unreachable, the images that wait are logged at most this often (retry-visual-index calls every 10 s). */
const UNREACHABLE_LOG_EVERY_MS = 60_000
let lastUnreachableLog = 0

export type VisualIndexReconcileReport = {
  /** Whether the sidecar answered; nothing else is done while it does not. */
  reachable: boolean
  error?: string
  model_version?: string
  /** Images of published products in the catalog. */
  catalog_images: number
  /** Indexed rows queued again because another model version embedded them. */
  outdated: number
  /** Indexed rows the sidecar did not hold, queued again. */
  missing_in_sidecar: number
  /** Removed images deleted from the sidecar now. */
  removed: number
  /** Products whose images were indexed, retried or removed by this run. */
  products: number
  indexed: number
  failed: number
  /** After the run. */
  totals: { indexed: number; pending: number; failed: number }
  seconds: number
}

let running: Promise<VisualIndexReconcileReport> | null = null

/**
 * Brings the ML sidecar's index in line with the catalog, whatever was missed: images of
 * published products without rows (a first start: the whole catalog) or with changed URLs, rows
 * of unpublished or deleted products, removals the sidecar missed, pending images whose retry is
 * due (backoff), indexed images of an older model version than the sidecar's (/health), and
 * indexed images the sidecar lost. Logs "visual index: n/m images indexed" as it goes. Does
 * nothing while the sidecar is unreachable (no attempts spent). One run at a time per process:
 * a call during a run gets that run's report.
 */
export function reconcileVisualIndex(container: MedusaContainer): Promise<VisualIndexReconcileReport> {
  running ??= reconcile(container).finally(() => {
    running = null
  })
  return running
}

async function reconcile(container: MedusaContainer): Promise<VisualIndexReconcileReport> {
  const started = Date.now()
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const visual = container.resolve<VisualModuleService>(VISUAL_MODULE)
  const sidecar = mlSidecar()
  const totals = async () => sumStats(await visual.indexStats())
  const report: VisualIndexReconcileReport = {
    reachable: false,
    catalog_images: 0,
    outdated: 0,
    missing_in_sidecar: 0,
    removed: 0,
    products: 0,
    indexed: 0,
    failed: 0,
    totals: { indexed: 0, pending: 0, failed: 0 },
    seconds: 0,
  }
  const finish = async () => {
    report.totals = await totals()
    report.seconds = (Date.now() - started) / 1000
    return report
  }

  let health: SidecarHealth
  try {
    health = await sidecar.health()
  } catch (error) {
    report.error = (error as Error).message
    const waiting = await totals()
    if (waiting.pending && Date.now() - lastUnreachableLog >= UNREACHABLE_LOG_EVERY_MS) {
      lastUnreachableLog = Date.now()
      logger.info(`visual index: the ML sidecar is unreachable (${report.error}); ${waiting.pending} image(s) wait`)
    }
    return finish()
  }
  lastUnreachableLog = 0
  report.reachable = true
  report.model_version = health.model_version

  report.outdated = await visual.requestReindexOutdated(health.model_version)
  if (report.outdated) logger.info(`visual index: ${report.outdated} image(s) of an older model than ${health.model_version} queued for reindexing`)

  const catalog = await publishedCatalogImages(container)
  report.catalog_images = [...catalog.values()].reduce((n, images) => n + images.size, 0)
  const rows = await visual.listVisualImages({}, { select: ["id", "product_id", "image_id", "image_url", "status"], take: null })
  report.missing_in_sidecar = await requeueLostImages(visual, health, rows)

  report.removed = await retryRemovals(visual)

  // Products whose rows differ from the catalog: new, changed, unpublished or deleted.
  const rowsByProduct = new Map<string, Map<string, string>>()
  for (const row of rows) {
    const images = rowsByProduct.get(row.product_id) ?? new Map<string, string>()
    images.set(row.image_id, row.image_url)
    rowsByProduct.set(row.product_id, images)
  }
  const drifted = new Set<string>()
  for (const [productId, images] of catalog) {
    const known = rowsByProduct.get(productId)
    if (!known || known.size !== images.size || [...images].some(([imageId, url]) => known.get(imageId) !== url)) drifted.add(productId)
  }
  for (const productId of rowsByProduct.keys()) if (!catalog.has(productId)) drifted.add(productId)

  let lastProgress = 0
  let lastLine = ""
  const progress = async (force = false) => {
    if (!force && Date.now() - lastProgress < PROGRESS_EVERY_MS) return
    lastProgress = Date.now()
    const now = await totals()
    const line =
      `visual index: ${now.indexed}/${report.catalog_images} images indexed` +
      (now.pending ? `, ${now.pending} pending` : "") +
      (now.failed ? `, ${now.failed} failed` : "")
    if (line !== lastLine) logger.info(line)
    lastLine = line
  }

  const done = new Set<string>()
  let queue = [...drifted]
  if (queue.length) await progress(true)
  while (true) {
    if (!queue.length) {
      // Retries whose wait is over (and anything queued meanwhile), until none is due.
      const due = await visual.dueForIndexing(PRODUCTS_PER_RUN * 20)
      queue = [...new Set(due.map((r) => r.product_id))].filter((id) => !done.has(id))
      if (!queue.length) break
    }
    const batch = queue.splice(0, PRODUCTS_PER_RUN)
    batch.forEach((id) => done.add(id))
    const result = await runIndexProductImages(container, batch)
    report.products += batch.length
    report.indexed += result?.indexed ?? 0
    report.failed += result?.failed ?? 0
    await progress()
  }
  if (report.products) await progress(true)
  return finish()
}

/** Published products' images: product id → (image id → URL). */
async function publishedCatalogImages(container: MedusaContainer): Promise<Map<string, Map<string, string>>> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const catalog = new Map<string, Map<string, string>>()
  for (let skip = 0; ; skip += CATALOG_PAGE) {
    const { data } = await query.graph({
      entity: "product",
      fields: ["id", "images.id", "images.url"],
      filters: { status: "published" },
      pagination: { skip, take: CATALOG_PAGE, order: { id: "ASC" } },
    })
    for (const product of data) {
      const images = (product.images ?? []).filter((i): i is NonNullable<typeof i> => Boolean(i?.id && i.url))
      if (images.length) catalog.set(product.id, new Map(images.map((i) => [i.id, i.url])))
    }
    if (data.length < CATALOG_PAGE) return catalog
  }
}

/**
 * Indexed images the sidecar no longer holds (its data folder replaced, say) go back to
 * pending. Checked one by one only when the sidecar holds fewer vectors than there are indexed
 * images, which a loss shows.
 */
async function requeueLostImages(visual: VisualModuleService, health: SidecarHealth, rows: { image_id: string; status: string }[]): Promise<number> {
  const indexed = rows.filter((r) => r.status === "indexed")
  if (typeof health.store?.vectors !== "number" || health.store.vectors >= indexed.length) return 0
  const sidecar = mlSidecar()
  const lost: string[] = []
  for (const row of indexed) {
    if (!(await sidecar.getImage(row.image_id))) lost.push(row.image_id)
  }
  return lost.length ? visual.requestReindex({ image_ids: lost }) : 0
}

/** Deletes from the sidecar the removed images it may still hold. */
async function retryRemovals(visual: VisualModuleService): Promise<number> {
  const sidecar = mlSidecar()
  let removed = 0
  while (true) {
    const due = await visual.removalsDue(200)
    if (!due.length) return removed
    const deleted: string[] = []
    for (const row of due) {
      try {
        await sidecar.deleteImage(row.image_id)
        deleted.push(row.id)
      } catch {
        break
      }
    }
    removed += await visual.forgetRemovedImages(deleted)
    if (deleted.length < due.length) return removed
  }
}

function sumStats(stats: { indexed: number; pending: number; failed: number }[]) {
  return stats.reduce((t, s) => ({ indexed: t.indexed + s.indexed, pending: t.pending + s.pending, failed: t.failed + s.failed }), {
    indexed: 0,
    pending: 0,
    failed: 0,
  })
}

/** Every minute: whatever the product subscribers could not finish (the sidecar down, a missed event) is caught up; retries that fall due between runs are retry-visual-index's. */
export default async function reconcileVisualIndexJob(container: MedusaContainer) {
  await reconcileVisualIndex(container)
}

export const config = {
  name: "reconcile-visual-index",
  schedule: "* * * * *",
}
