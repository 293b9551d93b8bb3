/**
 * The hybrid ranker: hard constraints first (never relaxed), then collaborative, content and knowledge
 * scores blended with configurable weights (DEFAULT_WEIGHTS, log-linear by default), adjusted by the shopper's feedback.
 * `rankCatalog` scores every eligible item once; "for you" and the outfit builders read that ranking.
 */
import { collaborativeScorer, CollaborativeModel } from "./collaborative"
import { applyHardConstraints, emptyRejections, NoMatch, RejectionCounts } from "./constraints"
import { contentScorer } from "./content"
import { feedbackFactor, FeedbackSummary, summariseFeedback } from "./feedback"
import { knowledgeScorer, seasonAt } from "./knowledge"
import { CatalogItem, CatalogVariant, DEFAULT_WEIGHTS, HybridBlend, HybridWeights, RequestFilters, Shopper } from "./types"

export type CatalogIndex = { items: CatalogItem[]; byId: Map<string, CatalogItem> }

/** The region's catalog with a lookup by product id; build it once per catalog snapshot, not per request. */
export function indexCatalog(items: CatalogItem[]): CatalogIndex {
  return { items, byId: new Map(items.map((i) => [i.product_id, i])) }
}

export type RankingOptions = {
  weights?: HybridWeights
  /** How the weights combine the scorers (see HybridBlend). Default "log-linear". */
  blend?: HybridBlend
  /** "Now", for the current season (epoch ms). Default Date.now(). */
  now?: number
  /** Size groups for constraints (see DEFAULT_SIZE_GROUPS). */
  sizeGroups?: readonly string[][]
  /** Leave out products the shopper bought or owns. Default true. */
  excludeOwned?: boolean
  /** How many of the best items get their reasons at once; `explain` words any other. Default 48. */
  explainTop?: number
}

export type ScoreComponents = { collaborative: number; content: number; knowledge: number }

export type RankedItem = {
  product_id: string
  /** The variant in the shopper's size, in stock. */
  variant_id: string
  variant: CatalogVariant
  /** The shopper's size it was chosen for; null for one-size products. */
  size: string | null
  item: CatalogItem
  score: number
  /** Filled for the best `explainTop` items; `Ranking.explain` fills any other (empty until then). */
  reasons: string[]
  explained: boolean
  components: ScoreComponents
}

export type Ranking = {
  /** Every eligible item, best first. */
  ranked: RankedItem[]
  rejected: RejectionCounts
  no_match: NoMatch | null
  season: string
  feedback: FeedbackSummary
  /** The item's reasons, worded on first use ("in your size M", "under your €150 budget", the scorers' best). */
  explain(item: RankedItem): string[]
}

const formatters = new Map<string, Intl.NumberFormat>()

/** "€150", "$89.50": a budget as the shopper reads it (whole amounts without cents). */
export function formatMoney(amount: number, currencyCode: string): string {
  const digits = Number.isInteger(amount) ? 0 : 2
  const key = `${currencyCode.toUpperCase()}|${digits}`
  let f = formatters.get(key)
  if (!f) {
    try {
      f = new Intl.NumberFormat("en", {
        style: "currency",
        currency: currencyCode.toUpperCase(),
        minimumFractionDigits: digits,
        maximumFractionDigits: digits,
      })
    } catch {
      f = new Intl.NumberFormat("en", { minimumFractionDigits: digits, maximumFractionDigits: digits })
    }
    formatters.set(key, f)
  }
  return f.format(amount)
}

export function normaliseWeights(weights: HybridWeights): HybridWeights {
  const w = { collaborative: Math.max(0, weights.collaborative), content: Math.max(0, weights.content), knowledge: Math.max(0, weights.knowledge) }
  const sum = w.collaborative + w.content + w.knowledge
  if (!(sum > 0)) return { ...DEFAULT_WEIGHTS }
  return { collaborative: w.collaborative / sum, content: w.content / sum, knowledge: w.knowledge / sum }
}

/** Scores every item the shopper may be shown (constraints, filters and feedback applied), best first. */
export function rankCatalog(
  index: CatalogIndex,
  model: CollaborativeModel,
  shopper: Shopper,
  filters: RequestFilters = {},
  options: RankingOptions = {}
): Ranking {
  const weights = normaliseWeights(options.weights ?? DEFAULT_WEIGHTS)
  const season = filters.season ?? seasonAt(options.now ?? Date.now())
  const itemOf = (id: string) => index.byId.get(id)
  const feedback = summariseFeedback(shopper.feedback, itemOf, shopper.customer_id)

  const owned = new Set<string>()
  if (options.excludeOwned !== false) {
    for (const e of shopper.history) if (e.kind === "purchase" || e.kind === "wardrobe") owned.add(e.product_id)
    for (const w of shopper.wardrobe) if (w.product_id) owned.add(w.product_id)
  }

  let inCategory = 0
  const candidates: CatalogItem[] = []
  for (const item of index.items) {
    if (filters.category && item.category_handle !== filters.category) continue
    inCategory++
    if (feedback.excluded.has(item.product_id) || owned.has(item.product_id)) continue
    candidates.push(item)
  }
  if (!candidates.length) {
    return {
      ranked: [],
      rejected: emptyRejections(),
      no_match: { reason: "no_match", emptied_by: inCategory ? "feedback" : "category" },
      season,
      feedback,
      explain: (r) => r.reasons,
    }
  }

  const constrained = applyHardConstraints(candidates, shopper.profile, options.sizeGroups)
  const history = feedback.likes.length ? [...shopper.history, ...feedback.likes] : shopper.history
  const collaborative = collaborativeScorer(model, history, (id) => itemOf(id)?.title, shopper.customer_id)
  const content = contentScorer(shopper.profile, history, itemOf, { catalog: index.items })
  const knowledge = knowledgeScorer({ profile: shopper.profile, wardrobe: shopper.wardrobe, filters, season })
  const budget = shopper.profile.budget
  const budgetReason = budget.max_item !== null ? `under your ${formatMoney(budget.max_item, budget.currency_code)} budget` : null

  // Scores for every eligible item (numbers only: this is the hot loop), reasons afterwards for the best.
  const logLinear = (options.blend ?? "log-linear") === "log-linear"
  const popularityScale = model.popularityScale ?? 1
  const ranked: RankedItem[] = constrained.kept.map(({ item, variant, size }) => {
    const c = collaborative.value(item.product_id)
    const k = knowledge.value(item)
    let t: number
    let blended: number
    if (logLinear) {
      // Evidence on a log scale: c × popularityScale is log(1 + weighted interactions) for popularity alone.
      const e = content.evidence(item)
      t = Math.min(1, Math.exp(e - content.best))
      const logit = weights.collaborative * popularityScale * c + weights.content * e + weights.knowledge * k
      blended = 1 / (1 + Math.exp(-logit))
    } else {
      t = content.value(item)
      blended = weights.collaborative * c + weights.content * t + weights.knowledge * k
    }
    const score = blended * feedbackFactor(item, feedback)
    return {
      product_id: item.product_id,
      variant_id: variant.id,
      variant,
      size,
      item,
      score: Math.max(0, Math.min(1, score)),
      reasons: [],
      explained: false,
      components: { collaborative: c, content: t, knowledge: k },
    }
  })
  ranked.sort((a, b) => b.score - a.score || (a.product_id < b.product_id ? -1 : 1))

  const explain = (r: RankedItem): string[] => {
    if (r.explained) return r.reasons
    const parts: Array<[number, string[]]> = [
      [weights.collaborative * r.components.collaborative, collaborative.score(r.product_id).reasons],
      [weights.content * r.components.content, content.score(r.item).reasons],
      [weights.knowledge * r.components.knowledge, knowledge.score(r.item).reasons],
    ]
    const reasons: string[] = []
    if (r.size) reasons.push(`in your size ${r.size}`)
    if (budgetReason) reasons.push(budgetReason)
    for (const [, rs] of parts.sort((a, b) => b[0] - a[0])) reasons.push(...rs)
    r.reasons = reasons.slice(0, 4)
    r.explained = true
    return r.reasons
  }
  const explainTop = options.explainTop ?? 48
  for (let i = 0; i < ranked.length && i < explainTop; i++) explain(ranked[i])
  return { ranked, rejected: constrained.rejected, no_match: constrained.no_match, season, feedback, explain }
}

export type ForYouAnswer = { items: RankedItem[]; rejected: RejectionCounts; no_match: NoMatch | null }

/** "For you": the best eligible items, at most `limit`, not two of one product. */
export function recommendForYou(
  index: CatalogIndex,
  model: CollaborativeModel,
  shopper: Shopper,
  filters: RequestFilters = {},
  options: RankingOptions & { limit?: number } = {}
): ForYouAnswer {
  const ranking = rankCatalog(index, model, shopper, filters, options)
  return { items: ranking.ranked.slice(0, options.limit ?? 12), rejected: ranking.rejected, no_match: ranking.no_match }
}
