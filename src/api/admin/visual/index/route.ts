import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { VISUAL_MODULE } from "../../../../modules/visual"
import VisualModuleService from "../../../../modules/visual/service"
import type { AdminVisualIndexResponse, AdminVisualSidecar } from "../../../../types/http/visual-admin"
import { mlSidecar } from "../../../../visual/ml-sidecar-client"

const RECENT_FAILURES = 20

/** The sidecar's health, or why it could not be read: the page shows either, never an error of its own. */
async function sidecarState(): Promise<AdminVisualSidecar> {
  try {
    const health = await mlSidecar().health()
    return { reachable: true, status: health.status, backend: health.backend, store: health.store, model_version: health.model_version }
  } catch (error) {
    return { reachable: false, error: (error as Error).message }
  }
}

/** The catalog's image index: counts per model version, the sidecar's state, and the latest failures with their products. */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse<AdminVisualIndexResponse>) => {
  const visual = req.scope.resolve<VisualModuleService>(VISUAL_MODULE)
  const [sidecar, modelVersions, failed] = await Promise.all([sidecarState(), visual.indexStats(), visual.recentFailures(RECENT_FAILURES)])

  const productIds = [...new Set(failed.map((image) => image.product_id))]
  const titles = new Map<string, string>()
  if (productIds.length) {
    const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
    const { data: products } = await query.graph({ entity: "product", fields: ["id", "title"], filters: { id: productIds } })
    for (const product of products) titles.set(product.id, product.title)
  }

  const totals = { indexed: 0, pending: 0, failed: 0 }
  for (const row of modelVersions) {
    totals.indexed += row.indexed
    totals.pending += row.pending
    totals.failed += row.failed
  }
  res.json({
    sidecar,
    model_versions: modelVersions,
    totals,
    failures: failed.map((image) => ({
      image_id: image.image_id,
      product_id: image.product_id,
      product_title: titles.get(image.product_id) ?? null,
      attempts: image.attempts,
      last_error: image.last_error,
      updated_at: image.updated_at,
    })),
  })
}
