import { MedusaContainer } from "@medusajs/framework/types"
import { VISUAL_MODULE } from "../modules/visual"
import VisualModuleService from "../modules/visual/service"
import { reconcileVisualIndex, VisualIndexReconcileReport } from "./reconcile-visual-index"

/**
 * Every 10 seconds, and only while an image's retry is due: the visual index catches up (the
 * reconcile run). The sidecar back after an outage is then used within seconds, not at the next
 * minute of reconcile-visual-index; with nothing due this costs one indexed query. Returns the
 * run's report, or null when nothing was due.
 */
export default async function retryVisualIndexJob(container: MedusaContainer): Promise<VisualIndexReconcileReport | null> {
  const visual = container.resolve<VisualModuleService>(VISUAL_MODULE)
  if (!(await visual.dueForIndexing(1)).length) return null
  return reconcileVisualIndex(container)
}

export const config = {
  name: "retry-visual-index",
  schedule: { interval: 10_000 },
}
