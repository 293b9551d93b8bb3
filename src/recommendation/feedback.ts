/**
 * The shopper's feedback on recommendations, turned into what changes the next answer: a dismissed product
 * never comes back (nor one that was not their size); "too expensive" lowers items at or above that price;
 * "not my style" lowers items like it; "like" counts as a like in the shopper's history.
 */
import { CatalogItem, Feedback, Interaction } from "./types"

export type FeedbackSummary = {
  /** Never recommended again, on any surface. */
  excluded: Set<string>
  /** Liked products, as like interactions for the scorers. */
  likes: Interaction[]
  /** The lowest price the shopper called too expensive (region currency), or null. */
  tooExpensiveFrom: number | null
  /** Products the shopper said are not their style. */
  notMyStyle: CatalogItem[]
  /** "brand|category" pairs whose sizing did not fit the shopper. */
  sizingMisses: Set<string>
}

export function summariseFeedback(
  feedback: Feedback[],
  itemOf: (productId: string) => CatalogItem | undefined,
  customerId: string | null
): FeedbackSummary {
  const summary: FeedbackSummary = { excluded: new Set(), likes: [], tooExpensiveFrom: null, notMyStyle: [], sizingMisses: new Set() }
  for (const f of feedback) {
    const item = itemOf(f.product_id)
    switch (f.action) {
      case "dismiss":
        summary.excluded.add(f.product_id)
        break
      case "not_my_size":
        summary.excluded.add(f.product_id)
        if (item) summary.sizingMisses.add(sizingKey(item))
        break
      case "too_expensive":
        if (item) summary.tooExpensiveFrom = summary.tooExpensiveFrom === null ? item.price : Math.min(summary.tooExpensiveFrom, item.price)
        break
      case "not_my_style":
        if (item) summary.notMyStyle.push(item)
        break
      case "like":
        summary.likes.push({ customer_id: customerId ?? "", product_id: f.product_id, kind: "like", at: f.at })
        break
    }
  }
  return summary
}

const sizingKey = (item: CatalogItem) => `${(item.brand ?? "").toLowerCase()}|${item.category_handle}`

/** How alike two items look to a shopper who rejected one of them: shared brand, category, pattern and main colour. */
function styleLikeness(a: CatalogItem, b: CatalogItem): number {
  let same = 0
  if (a.brand && a.brand === b.brand) same++
  if (a.category_handle === b.category_handle) same++
  if (a.pattern && a.pattern === b.pattern) same++
  if (a.colours[0] && b.colours[0] && a.colours[0].name.toLowerCase() === b.colours[0].name.toLowerCase()) same++
  return same / 4
}

/** A factor in (0, 1] to multiply an item's score by. Excluded items are removed before scoring, not here. */
export function feedbackFactor(item: CatalogItem, summary: FeedbackSummary): number {
  let factor = 1
  if (summary.tooExpensiveFrom !== null && item.price >= summary.tooExpensiveFrom * 0.9) factor *= 0.5
  let likeness = 0
  // The rejected item itself is as alike as can be, so it sinks furthest.
  for (const rejected of summary.notMyStyle) likeness = Math.max(likeness, styleLikeness(rejected, item))
  factor *= 1 - 0.6 * likeness
  if (summary.sizingMisses.size && summary.sizingMisses.has(sizingKey(item))) factor *= 0.8
  return factor
}

/** True when the feedback changes no item's score (feedbackFactor is 1 for every item). */
export const feedbackIsNeutral = (summary: FeedbackSummary) =>
  summary.tooExpensiveFrom === null && !summary.notMyStyle.length && !summary.sizingMisses.size
