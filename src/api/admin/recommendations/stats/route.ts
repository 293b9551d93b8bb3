import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { RECOMMENDATION_MODULE } from "../../../../modules/recommendation"
import RecommendationModuleService, { ATTRIBUTION_WINDOW_DAYS, RecommendationActivity } from "../../../../modules/recommendation/service"
import { DEFAULT_WEIGHTS, normaliseWeights } from "../../../../recommendation"
import { RECOMMENDATION_BLEND, recommendationWeights, weightOverrides } from "../../../../recommendation-catalog/answers"
import type {
  AdminRecommendationMoney,
  AdminRecommendationRejection,
  AdminRecommendationStatsResponse,
  AdminRecommendationSurfaceStats,
} from "../../../../types/http/recommendations-admin"
import { AdminRecommendationStatsParamsType } from "../validators"

const ATTRIBUTION_RULE =
  `A purchase (a placed order's product) counts for a surface when the same customer clicked the product or added it ` +
  `to the cart from that surface within ${ATTRIBUTION_WINDOW_DAYS} days before; the latest such surface gets it. ` +
  `Revenue is what that product's lines of the order came to.`

/** Orders read per query.graph call: an id list stays a reasonable size. */
const ORDER_BATCH = 500

type OrderLines = { id: string; currency_code: string; items?: ({ product_id?: string | null; total?: unknown } | null)[] | null }

/**
 * What each order's attributed products came to: the order's line totals (after discounts, with tax, as
 * the order charged them) per product, in the order's currency.
 */
async function lineTotals(req: AuthenticatedMedusaRequest, orderIds: string[]) {
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const byOrder = new Map<string, { currency_code: string; byProduct: Map<string, number> }>()
  for (let i = 0; i < orderIds.length; i += ORDER_BATCH) {
    const { data } = await query.graph({
      entity: "order",
      // The order module computes line totals only when an order-level total is asked for too (item_total).
      fields: ["id", "currency_code", "item_total", "items.product_id", "items.total"],
      filters: { id: orderIds.slice(i, i + ORDER_BATCH) },
    })
    for (const order of data as unknown as OrderLines[]) {
      const byProduct = new Map<string, number>()
      for (const item of order.items ?? []) {
        if (!item?.product_id) continue
        byProduct.set(item.product_id, (byProduct.get(item.product_id) ?? 0) + Number(item.total ?? 0))
      }
      byOrder.set(order.id, { currency_code: order.currency_code, byProduct })
    }
  }
  return byOrder
}

const addMoney = (sums: Map<string, number>, currency: string, amount: number) => sums.set(currency, (sums.get(currency) ?? 0) + amount)

const moneyList = (sums: Map<string, number>): AdminRecommendationMoney[] =>
  [...sums]
    .map(([currency_code, amount]) => ({ currency_code, amount: Math.round(amount * 100) / 100 }))
    .sort((a, b) => a.currency_code.localeCompare(b.currency_code))

const rate = (clicks: number, impressions: number) => (impressions ? clicks / impressions : 0)

/** Per-surface figures with orders and revenue from the attributed purchases priced by their order lines. */
async function surfaceStats(req: AuthenticatedMedusaRequest, activity: RecommendationActivity) {
  const lines = await lineTotals(req, [...new Set(activity.attributed_purchases.map((p) => p.order_id))])
  const orders = new Map<string, Set<string>>()
  const revenue = new Map<string, Map<string, number>>()
  const allOrders = new Set<string>()
  const allRevenue = new Map<string, number>()
  for (const purchase of activity.attributed_purchases) {
    const order = lines.get(purchase.order_id)
    // An order deleted since it was placed has nothing left to price.
    if (!order) continue
    const amount = order.byProduct.get(purchase.product_id) ?? 0
    if (!orders.has(purchase.surface)) orders.set(purchase.surface, new Set())
    orders.get(purchase.surface)!.add(purchase.order_id)
    allOrders.add(purchase.order_id)
    if (!revenue.has(purchase.surface)) revenue.set(purchase.surface, new Map())
    addMoney(revenue.get(purchase.surface)!, order.currency_code, amount)
    addMoney(allRevenue, order.currency_code, amount)
  }
  const surfaces: AdminRecommendationSurfaceStats[] = activity.surfaces.map((s) => ({
    ...s,
    click_through_rate: rate(s.clicks, s.impressions),
    orders: orders.get(s.surface)?.size ?? 0,
    revenue: moneyList(revenue.get(s.surface) ?? new Map()),
  }))
  const sum = (key: "impressions" | "clicks" | "add_to_cart") => surfaces.reduce((n, s) => n + s[key], 0)
  const totals = {
    impressions: sum("impressions"),
    clicks: sum("clicks"),
    click_through_rate: rate(sum("clicks"), sum("impressions")),
    add_to_cart: sum("add_to_cart"),
    orders: allOrders.size,
    revenue: moneyList(allRevenue),
  }
  return { surfaces, totals }
}

function rejectionsByReason(rows: RecommendationActivity["rejections"]): AdminRecommendationRejection[] {
  const byReason = new Map<string, AdminRecommendationRejection>()
  for (const r of rows) {
    const t = byReason.get(r.reason) ?? { reason: r.reason, rejected: 0, emptied: 0 }
    t.rejected += r.rejected
    t.emptied += r.emptied
    byReason.set(r.reason, t)
  }
  return [...byReason.values()].sort((a, b) => b.rejected - a.rejected || b.emptied - a.emptied || a.reason.localeCompare(b.reason))
}

/**
 * GET /admin/recommendations/stats?days=30: over the last `days` UTC days, per recommendation surface:
 * impressions, clicks, click-through, add-to-cart, and orders and revenue attributed to it (ATTRIBUTION_RULE);
 * the hybrid's weights as the Store API uses them now; constraint rejections per reason.
 */
export const GET = async (
  req: AuthenticatedMedusaRequest<unknown, AdminRecommendationStatsParamsType>,
  res: MedusaResponse<AdminRecommendationStatsResponse>
) => {
  const { days } = req.validatedQuery as AdminRecommendationStatsParamsType
  const activity = await req.scope.resolve<RecommendationModuleService>(RECOMMENDATION_MODULE).recommendationActivity(days)
  const { surfaces, totals } = await surfaceStats(req, activity)
  const configured = recommendationWeights()
  res.json({
    days: activity.days,
    attribution: { window_days: ATTRIBUTION_WINDOW_DAYS, rule: ATTRIBUTION_RULE },
    surfaces,
    totals,
    weights: {
      blend: RECOMMENDATION_BLEND,
      normalised: normaliseWeights(configured),
      configured,
      defaults: { ...DEFAULT_WEIGHTS },
      overridden_by: weightOverrides(),
    },
    rejections: { by_reason: rejectionsByReason(activity.rejections), by_surface: activity.rejections },
  })
}
