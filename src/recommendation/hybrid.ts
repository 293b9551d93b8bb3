/**
 * The hybrid ranker: hard constraints first (never relaxed), then collaborative, content and knowledge
 * scores blended with configurable weights (DEFAULT_WEIGHTS, log-linear by default), adjusted by the shopper's feedback.
 * `rankCatalog` scores every eligible item once; "for you" and the outfit builders read that ranking.
 */
import { collaborativeScorer, CollaborativeModel, ProductNumbers } from "./collaborative"
import {
  ConstraintIndex,
  emptyRejections,
  indexConstraints,
  indexedChecker,
  noMatchOf,
  NoMatch,
  REJECTED_ITEM_BUDGET,
  REJECTED_SIZE,
  REJECTED_SOLD_IN_REGION,
  RejectionCounts,
} from "./constraints"
import { ContentIndex, contentScorer, indexContent } from "./content"
import { feedbackFactor, feedbackIsNeutral, FeedbackSummary, summariseFeedback } from "./feedback"
import { indexKnowledge, KnowledgeIndex, knowledgeScorer, seasonAt } from "./knowledge"
import { CatalogItem, CatalogVariant, DEFAULT_BLEND, DEFAULT_WEIGHTS, HybridBlend, HybridWeights, RequestFilters, Shopper } from "./types"

/**
 * The region's catalog as the ranker reads it, built once per catalog snapshot (indexCatalog), never per request:
 * a lookup by product id, the products numbered (so a shopper's scores are arrays, not maps), and each scorer's
 * and the constraints' precomputed per-item data. A snapshot is not changed once indexed (only variants' stock
 * may change: it is read at request time); a new snapshot is a new items array.
 */
export type CatalogIndex = {
  items: CatalogItem[]
  byId: Map<string, CatalogItem>
  products: ProductNumbers
  /** Per item: its product's number in `products`. */
  productOf: Int32Array
  constraints: ConstraintIndex
  content: ContentIndex
  knowledge: KnowledgeIndex
}

const indexes = new WeakMap<CatalogItem[], CatalogIndex>()

/**
 * The region's catalog indexed for ranking; build it once per catalog snapshot, not per request (it is
 * remembered per items array, so calling it again with the same array costs nothing).
 */
export function indexCatalog(items: CatalogItem[]): CatalogIndex {
  const known = indexes.get(items)
  if (known && known.productOf.length === items.length) return known
  const numberOf = new Map<string, number>()
  const ids: string[] = []
  const productOf = new Int32Array(items.length)
  items.forEach((item, i) => {
    let n = numberOf.get(item.product_id)
    if (n === undefined) {
      numberOf.set(item.product_id, (n = ids.length))
      ids.push(item.product_id)
    }
    productOf[i] = n
  })
  const content = indexContent(items)
  const index: CatalogIndex = {
    items,
    byId: new Map(items.map((i) => [i.product_id, i])),
    products: { ids, numberOf },
    productOf,
    constraints: indexConstraints(items),
    content,
    knowledge: indexKnowledge(items, content.occasions),
  }
  indexes.set(items, index)
  return index
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

/**
 * The eligible items of a ranking, unsorted, as arrays: candidate j is the index's item `positions[j]`. What the
 * outfit builders read to pick the best pieces of each slot without sorting everything.
 */
export type RankingCandidates = {
  count: number
  positions: Int32Array
  scores: Float64Array
  /** Whether candidate a ranks before candidate b (higher score, then product id). */
  before(a: number, b: number): boolean
  /** Candidate j as a RankedItem (made once, then the same object). */
  at(j: number): RankedItem
}

export type Ranking = {
  /** Every eligible item, best first (sorted on first read: `top` is much cheaper when only the first few are needed). */
  readonly ranked: RankedItem[]
  /** The best `k` eligible items, best first, as `ranked.slice(0, k)` but without sorting the rest. */
  top(k: number): RankedItem[]
  candidates: RankingCandidates
  rejected: RejectionCounts
  no_match: NoMatch | null
  season: string
  feedback: FeedbackSummary
  /** The item's reasons, worded on first use ("in your size M", "under your €150 budget", the scorers' best). */
  explain(item: RankedItem): string[]
}

/**
 * The first `k` of candidates 0…count−1 in `before` order (those `keep` allows), best first, without sorting
 * them all: a bounded insertion sort, each candidate compared with the worst kept first.
 */
export function selectTop(count: number, k: number, before: (a: number, b: number) => boolean, keep?: (j: number) => boolean): number[] {
  const kept: number[] = []
  if (k <= 0) return kept
  for (let j = 0; j < count; j++) {
    if (keep && !keep(j)) continue
    insertBounded(kept, j, k, before)
  }
  return kept
}

/** Inserts j into `list` (sorted by `before`, at most k long) when it belongs in the first k. */
export function insertBounded(list: number[], j: number, k: number, before: (a: number, b: number) => boolean): void {
  if (list.length === k) {
    if (!before(j, list[k - 1])) return
    list.pop()
  }
  let at = list.length
  while (at > 0 && before(j, list[at - 1])) at--
  list.splice(at, 0, j)
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

/** Scores every item the shopper may be shown (constraints, filters and feedback applied); `top` and `ranked` read them best first. */
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
  const { items, productOf, products } = index

  // Products never shown: dismissed (and not the shopper's size), and by default what they bought or own.
  const blocked = new Uint8Array(products.ids.length)
  const block = (id: string) => {
    const n = products.numberOf.get(id)
    if (n !== undefined) blocked[n] = 1
  }
  for (const id of feedback.excluded) block(id)
  if (options.excludeOwned !== false) {
    for (const e of shopper.history) if (e.kind === "purchase" || e.kind === "wardrobe") block(e.product_id)
    for (const w of shopper.wardrobe) if (w.product_id) block(w.product_id)
  }

  // The hard constraints (constraints.ts, checkItem's rules) over the candidates, in catalog order.
  const checker = indexedChecker(items, index.constraints, shopper.profile, options.sizeGroups)
  const rejected = emptyRejections()
  const positions = new Int32Array(items.length)
  const variantAt = new Int32Array(items.length)
  let count = 0
  let inCategory = 0
  let candidates = 0
  const category = filters.category
  for (let i = 0; i < items.length; i++) {
    if (category && items[i].category_handle !== category) continue
    inCategory++
    if (blocked[productOf[i]]) continue
    candidates++
    const v = checker.check(i)
    if (v >= 0) {
      positions[count] = i
      variantAt[count++] = v
    } else if (v === REJECTED_SOLD_IN_REGION) rejected.sold_in_region++
    else if (v === REJECTED_SIZE) rejected.size++
    else if (v === REJECTED_ITEM_BUDGET) rejected.item_budget++
  }
  if (!candidates) {
    const none: RankingCandidates = { count: 0, positions, scores: new Float64Array(0), before: () => false, at: () => undefined as never }
    return rankingOf(none, rejected, { reason: "no_match", emptied_by: inCategory ? "feedback" : "category" }, season, feedback, (r) => r.reasons)
  }

  const history = feedback.likes.length ? [...shopper.history, ...feedback.likes] : shopper.history
  const collaborative = collaborativeScorer(model, history, (id) => itemOf(id)?.title, shopper.customer_id)
  const content = contentScorer(shopper.profile, history, itemOf, { catalog: items, index: index.content })
  const knowledge = knowledgeScorer({ profile: shopper.profile, wardrobe: shopper.wardrobe, filters, season, index: index.knowledge })
  const budget = shopper.profile.budget
  const budgetReason = budget.max_item !== null ? `under your ${formatMoney(budget.max_item, budget.currency_code)} budget` : null

  // Scores for every eligible item (numbers only, in arrays: this is the hot loop); items and reasons are made
  // only for the candidates an answer reads.
  const logLinear = (options.blend ?? DEFAULT_BLEND) === "log-linear"
  const popularityScale = model.popularityScale ?? 1
  const collaborativeValues = collaborative.values(products)
  const evidenceAt = content.evidenceAt!
  const knowledgeAt = knowledge.valueAt!
  const neutralFeedback = feedbackIsNeutral(feedback)
  const scores = new Float64Array(count)
  const components = new Float64Array(3 * count)
  for (let j = 0; j < count; j++) {
    const i = positions[j]
    const c = collaborativeValues[productOf[i]]
    const k = knowledgeAt(i)
    const e = evidenceAt(i)
    let t: number
    let blended: number
    if (logLinear) {
      // Evidence on a log scale: c × popularityScale is log(1 + weighted interactions) for popularity alone.
      t = Math.min(1, Math.exp(e - content.best))
      const logit = weights.collaborative * popularityScale * c + weights.content * e + weights.knowledge * k
      blended = 1 / (1 + Math.exp(-logit))
    } else {
      // content.value: exp(evidence − best) within [0, 1].
      t = Math.max(0, Math.min(1, Math.exp(e - content.best)))
      blended = weights.collaborative * c + weights.content * t + weights.knowledge * k
    }
    const score = neutralFeedback ? blended : blended * feedbackFactor(items[i], feedback)
    scores[j] = Math.max(0, Math.min(1, score))
    components[3 * j] = c
    components[3 * j + 1] = t
    components[3 * j + 2] = k
  }

  const made: Array<RankedItem | undefined> = new Array(count)
  const before = (a: number, b: number) => {
    const d = scores[a] - scores[b]
    if (d !== 0) return d > 0
    const x = items[positions[a]].product_id
    const y = items[positions[b]].product_id
    return x !== y ? x < y : a < b
  }
  const at = (j: number): RankedItem => {
    let r = made[j]
    if (!r) {
      const item = items[positions[j]]
      const variant = index.constraints.variants[variantAt[j]]
      r = made[j] = {
        product_id: item.product_id,
        variant_id: variant.id,
        variant,
        size: checker.sizeFor(positions[j]),
        item,
        score: scores[j],
        reasons: [],
        explained: false,
        components: { collaborative: components[3 * j], content: components[3 * j + 1], knowledge: components[3 * j + 2] },
      }
    }
    return r
  }

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
  const candidateSet: RankingCandidates = { count, positions, scores, before, at }
  return rankingOf(candidateSet, rejected, noMatchOf(count, candidates, rejected), season, feedback, explain, explainTop)
}

/** The Ranking over scored candidates: the best `explainTop` items get their reasons when `top` or `ranked` first makes them. */
function rankingOf(
  set: RankingCandidates,
  rejected: RejectionCounts,
  no_match: NoMatch | null,
  season: string,
  feedback: FeedbackSummary,
  explain: (r: RankedItem) => string[],
  explainTop = 0
): Ranking {
  let sorted: RankedItem[] | null = null
  const explained = (list: RankedItem[]) => {
    for (let r = 0; r < list.length && r < explainTop; r++) explain(list[r])
    return list
  }
  return {
    get ranked() {
      if (!sorted) {
        // `before` is a strict total order (ties end on the candidate number).
        const order = Array.from({ length: set.count }, (_, j) => j).sort((a, b) => (set.before(a, b) ? -1 : 1))
        sorted = explained(order.map(set.at))
      }
      return sorted
    },
    top(k) {
      if (sorted) return sorted.slice(0, k)
      return explained(selectTop(set.count, k, set.before).map(set.at))
    },
    candidates: set,
    rejected,
    no_match,
    season,
    feedback,
    explain,
  }
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
  return { items: ranking.top(options.limit ?? 12), rejected: ranking.rejected, no_match: ranking.no_match }
}
