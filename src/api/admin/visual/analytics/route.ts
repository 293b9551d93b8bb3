import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { VISUAL_MODULE } from "../../../../modules/visual"
import VisualModuleService from "../../../../modules/visual/service"
import type { AdminVisualAnalyticsResponse } from "../../../../types/http/visual-admin"
import { AdminVisualAnalyticsParamsType } from "../validators"

/** Photo searches over the last `days` days (default 30): per day and in total. */
export const GET = async (
  req: AuthenticatedMedusaRequest<unknown, AdminVisualAnalyticsParamsType>,
  res: MedusaResponse<AdminVisualAnalyticsResponse>
) => {
  const { days } = req.validatedQuery as AdminVisualAnalyticsParamsType
  res.json(await req.scope.resolve<VisualModuleService>(VISUAL_MODULE).searchAnalytics(days))
}
