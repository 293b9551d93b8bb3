/**
 * Collaborative scorer: item–item co-occurrence within shoppers' sessions and baskets (orders, carts,
 * wardrobes, looks, likes, views: each weighted by how much it says), plus items liked by shoppers whose
 * histories resemble this one's. The model is built once from the interaction log and read per request.
 */
import { Interaction, InteractionKind, ScoreResult } from "./types"

/** How much one interaction says about taste. Impressions say nothing (being shown is not choosing). */
export const INTERACTION_WEIGHTS: Record<InteractionKind, number> = {
  impression: 0,
  view: 1,
  click: 1,
  like: 3,
  look: 3,
  add_to_cart: 4,
  wardrobe: 4,
  purchase: 5,
}

export type CollaborativeOptions = {
  /** A gap longer than this starts a new session (ms); co-occurrence counts within a session. Default 14 days. */
  sessionGapMs?: number
  /** Most recent distinct items per session that count (bounds the pairs per session). Default 40. */
  maxItemsPerSession?: number
  /** Similar items kept per item. Default 60. */
  neighboursPerItem?: number
  /** Shoppers looked at per item when finding similar shoppers (the most active ones). Default 300. */
  shoppersPerItem?: number
  /** Popularity counts an interaction this long ago half (ms), so that what is popular now wins. Default 30 days. */
  popularityHalfLifeMs?: number
  /** How a shopper's collaborative score mixes its three signals (see DEFAULT_COLLABORATIVE_BLEND). */
  blend?: CollaborativeBlend
}

/** The collaborative score's mix: co-occurrence with the shopper's items, what similar shoppers chose, popularity now. */
export type CollaborativeBlend = { itemItem: number; similarShoppers: number; popularity: number }

/** Tuned with bench/recommendations/core (co-occurrence and similar shoppers add little there beyond taste × popularity). */
export const DEFAULT_COLLABORATIVE_BLEND: CollaborativeBlend = { itemItem: 0.1, similarShoppers: 0.1, popularity: 0.8 }

export type CollaborativeModel = {
  blend: CollaborativeBlend
  /** Item → its most co-occurring items with a cosine-normalised similarity in (0, 1]. */
  neighbours: Map<string, Array<[string, number]>>
  /** Item → popularity in [0, 1]: weighted interactions, recent ones counting more, on a log scale (the most popular item = 1). */
  popularity: Map<string, number>
  /** log(1 + the most popular item's weighted interactions): `popularity × popularityScale` is log(1 + interactions). */
  popularityScale?: number
  /** Customer → item → strongest interaction weight. */
  customerItems: Map<string, Map<string, number>>
  /** Customer → length of their item-weight vector. */
  customerNorms: Map<string, number>
  /** Item → customers who interacted with it (capped, most active first). */
  itemCustomers: Map<string, string[]>
}

/** Weighted co-occurrence at which an item–item similarity counts half (two shared purchases ≈ 10). */
const ITEM_SHRINKAGE = 10
/** Shared items at which a shopper–shopper similarity counts half. */
const SHOPPER_SHRINKAGE = 3

/** Builds the model from the interaction log (any order). Deterministic for a given log. */
export function buildCollaborativeModel(interactions: Iterable<Interaction>, options: CollaborativeOptions = {}): CollaborativeModel {
  const gap = options.sessionGapMs ?? 14 * 24 * 3600 * 1000
  const maxPerSession = options.maxItemsPerSession ?? 40
  const keep = options.neighboursPerItem ?? 60
  const shoppersPerItem = options.shoppersPerItem ?? 300
  const halfLife = options.popularityHalfLifeMs ?? 30 * 24 * 3600 * 1000

  const byCustomer = new Map<string, Interaction[]>()
  let latest = -Infinity
  for (const i of interactions) {
    const w = INTERACTION_WEIGHTS[i.kind] ?? 0
    if (w <= 0) continue
    let list = byCustomer.get(i.customer_id)
    if (!list) byCustomer.set(i.customer_id, (list = []))
    list.push(i)
    if (i.at > latest) latest = i.at
  }
  // Popularity as of the latest interaction in the log.
  const popularityRaw = new Map<string, number>()
  for (const list of byCustomer.values()) {
    for (const i of list)
      popularityRaw.set(
        i.product_id,
        (popularityRaw.get(i.product_id) ?? 0) + INTERACTION_WEIGHTS[i.kind] * Math.pow(0.5, (latest - i.at) / halfLife)
      )
  }

  // Items are interned to numbers so the pair counts stay small and fast.
  const ids: string[] = []
  const index = new Map<string, number>()
  const intern = (id: string) => {
    let n = index.get(id)
    if (n === undefined) {
      n = ids.length
      ids.push(id)
      index.set(id, n)
    }
    return n
  }
  const pairs = new Map<number, Map<number, number>>()
  const mass = new Map<number, number>()
  const customerItems = new Map<string, Map<string, number>>()
  const customerNorms = new Map<string, number>()
  const itemCustomerLists = new Map<string, Array<[string, number]>>()

  const customers = [...byCustomer.keys()].sort()
  for (const customer of customers) {
    const events = byCustomer.get(customer)!.sort((a, b) => a.at - b.at)
    const items = new Map<string, number>()
    let session = new Map<number, number>()
    let last = -Infinity
    const closeSession = () => {
      const entries = [...session.entries()].slice(-maxPerSession)
      for (const [a, wa] of entries) {
        mass.set(a, (mass.get(a) ?? 0) + wa)
        let row = pairs.get(a)
        if (!row) pairs.set(a, (row = new Map()))
        for (const [b, wb] of entries) if (a !== b) row.set(b, (row.get(b) ?? 0) + Math.min(wa, wb))
      }
      session = new Map()
    }
    for (const e of events) {
      if (e.at - last > gap && session.size) closeSession()
      last = e.at
      const w = INTERACTION_WEIGHTS[e.kind]
      const n = intern(e.product_id)
      // Re-inserting moves the item to the end, so "most recent" is the tail.
      const prior = session.get(n) ?? 0
      session.delete(n)
      session.set(n, Math.max(prior, w))
      items.set(e.product_id, Math.max(items.get(e.product_id) ?? 0, w))
    }
    if (session.size) closeSession()
    customerItems.set(customer, items)
    let norm = 0
    for (const w of items.values()) norm += w * w
    customerNorms.set(customer, Math.sqrt(norm))
    for (const [item, w] of items) {
      let list = itemCustomerLists.get(item)
      if (!list) itemCustomerLists.set(item, (list = []))
      list.push([customer, items.size * 10 + w])
    }
  }

  const neighbours = new Map<string, Array<[string, number]>>()
  for (const [a, row] of pairs) {
    const ma = mass.get(a)!
    const list: Array<[string, number]> = []
    // Cosine, shrunk towards 0 when little supports it (one shared basket is not a pattern).
    for (const [b, c] of row) list.push([ids[b], (c / Math.sqrt(ma * mass.get(b)!)) * (c / (c + ITEM_SHRINKAGE))])
    list.sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1))
    neighbours.set(ids[a], list.slice(0, keep))
  }

  let maxPopularity = 0
  for (const v of popularityRaw.values()) maxPopularity = Math.max(maxPopularity, v)
  const popularity = new Map<string, number>()
  // A log scale: the long tail still differs, and a few hits do not flatten everything else to 0.
  for (const [id, v] of popularityRaw) popularity.set(id, Math.log1p(v) / Math.log1p(maxPopularity))

  const itemCustomers = new Map<string, string[]>()
  for (const [item, list] of itemCustomerLists) {
    list.sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1))
    itemCustomers.set(
      item,
      list.slice(0, shoppersPerItem).map(([c]) => c)
    )
  }
  return {
    blend: options.blend ?? DEFAULT_COLLABORATIVE_BLEND,
    neighbours,
    popularity,
    popularityScale: Math.log1p(maxPopularity),
    customerItems,
    customerNorms,
    itemCustomers,
  }
}

/** The shopper's items with their strongest weight, recent ones weighing more (half-life of 30 interactions). */
function shopperItems(history: Interaction[]): Map<string, number> {
  const sorted = [...history].sort((a, b) => a.at - b.at)
  const items = new Map<string, number>()
  sorted.forEach((e, i) => {
    const w = INTERACTION_WEIGHTS[e.kind] ?? 0
    if (w <= 0) return
    const recency = Math.pow(0.5, (sorted.length - 1 - i) / 30)
    items.set(e.product_id, Math.max(items.get(e.product_id) ?? 0, w * recency))
  })
  return items
}

export type CollaborativeScorer = {
  /** The score alone (the fast path for ranking a whole catalog). */
  value(productId: string): number
  /** `value` of every product of a catalog's product list at once, by its number in the list (the ranking's hot loop). */
  values(products: ProductNumbers): Float64Array
  score(productId: string): ScoreResult
}

/** A catalog's distinct product ids, numbered (CatalogIndex keeps one per catalog snapshot). */
export type ProductNumbers = { ids: readonly string[]; numberOf: ReadonlyMap<string, number> }

const SIMILAR_SHOPPERS = 40

/**
 * The model as numbered arrays, derived once per model object (the model itself stays plain maps, easy to build
 * and test): items and customers numbered; each item's neighbours, each item's customers with their weight for
 * it, each customer's items with their weights, all in the maps' order. A request then adds up numbers in typed
 * arrays instead of strings in maps.
 */
type ModelArrays = {
  itemIds: string[]
  itemNumber: Map<string, number>
  /** Item m's neighbours: neighbourItems[neighbourStart[m]] up to [neighbourStart[m + 1]], with their similarity. */
  neighbourStart: Int32Array
  neighbourItems: Int32Array
  neighbourSims: Float64Array
  /** Item m's customers (itemCustomers) with their weight for m. */
  customerStart: Int32Array
  customers: Int32Array
  customerWeights: Float64Array
  customerIds: string[]
  customerNorms: Float64Array
  /** Customer c's items (customerItems) with their weights. */
  itemStart: Int32Array
  items: Int32Array
  itemWeights: Float64Array
  /** Per catalog (product list): each model item's product number there (-1: not in it), and the popularity by product number. */
  catalogs: WeakMap<ProductNumbers, { productOf: Int32Array; popularity: Float64Array }>
}

const modelArrays = new WeakMap<CollaborativeModel, ModelArrays>()

function arraysOf(model: CollaborativeModel): ModelArrays {
  const known = modelArrays.get(model)
  if (known) return known
  const itemIds: string[] = []
  const itemNumber = new Map<string, number>()
  const number = (id: string) => {
    let m = itemNumber.get(id)
    if (m === undefined) {
      itemNumber.set(id, (m = itemIds.length))
      itemIds.push(id)
    }
    return m
  }
  for (const [id, list] of model.neighbours) {
    number(id)
    for (const [other] of list) number(other)
  }
  for (const items of model.customerItems.values()) for (const id of items.keys()) number(id)
  for (const id of model.itemCustomers.keys()) number(id)

  const customerIds = [...model.customerItems.keys()]
  const customerNumber = new Map(customerIds.map((c, n) => [c, n]))
  /** Flattens per-key lists into start offsets and values. */
  const flatten = <K, V>(
    count: number,
    keyOf: (n: number) => K,
    listOf: (key: K) => Iterable<V> | undefined,
    a: (v: V) => number,
    b: (v: V) => number
  ) => {
    const start = new Int32Array(count + 1)
    const first: number[] = []
    const second: number[] = []
    for (let n = 0; n < count; n++) {
      start[n] = first.length
      for (const v of listOf(keyOf(n)) ?? []) {
        first.push(a(v))
        second.push(b(v))
      }
    }
    start[count] = first.length
    return { start, first: Int32Array.from(first), second: Float64Array.from(second) }
  }
  const neighbours = flatten(
    itemIds.length,
    (m) => itemIds[m],
    (id) => model.neighbours.get(id),
    ([other]) => itemNumber.get(other)!,
    ([, sim]) => sim
  )
  const itemCustomers = flatten(
    itemIds.length,
    (m) => itemIds[m],
    (id) => (model.itemCustomers.get(id) ?? []).map((c) => [c, id] as const),
    ([c]) => customerNumber.get(c)!,
    ([c, id]) => model.customerItems.get(c)!.get(id)!
  )
  const customerItems = flatten(
    customerIds.length,
    (c) => customerIds[c],
    (c) => model.customerItems.get(c),
    ([id]) => itemNumber.get(id)!,
    ([, w]) => w
  )
  const arrays: ModelArrays = {
    itemIds,
    itemNumber,
    neighbourStart: neighbours.start,
    neighbourItems: neighbours.first,
    neighbourSims: neighbours.second,
    customerStart: itemCustomers.start,
    customers: itemCustomers.first,
    customerWeights: itemCustomers.second,
    customerIds,
    customerNorms: Float64Array.from(customerIds, (c) => model.customerNorms.get(c) || 1),
    itemStart: customerItems.start,
    items: customerItems.first,
    itemWeights: customerItems.second,
    catalogs: new WeakMap(),
  }
  modelArrays.set(model, arrays)
  return arrays
}

function catalogOf(model: CollaborativeModel, arrays: ModelArrays, products: ProductNumbers) {
  let catalog = arrays.catalogs.get(products)
  if (!catalog) {
    catalog = {
      productOf: Int32Array.from(arrays.itemIds, (id) => products.numberOf.get(id) ?? -1),
      popularity: Float64Array.from(products.ids, (id) => model.popularity.get(id) ?? 0),
    }
    arrays.catalogs.set(products, catalog)
  }
  return catalog
}

/** The first k of `list` in `order`, without sorting all of it (a shopper can overlap thousands of others). */
function topK<T>(list: T[], k: number, order: (a: T, b: T) => number): T[] {
  if (list.length <= k * 4) return list.sort(order).slice(0, k)
  const kept = list.slice(0, k).sort(order)
  for (let i = k; i < list.length; i++) {
    const x = list[i]
    if (order(x, kept[k - 1]) >= 0) continue
    let j = k - 1
    while (j > 0 && order(x, kept[j - 1]) < 0) j--
    kept.splice(j, 0, x)
    kept.pop()
  }
  return kept
}

/**
 * Prepares the shopper's collaborative scores: `score(id)` is in [0, 1], the strongest candidate scoring 1.
 * `titleOf` names the shopper's items in reasons ("often chosen with the Oxford Shirt you bought").
 */
export function collaborativeScorer(
  model: CollaborativeModel,
  history: Interaction[],
  titleOf: (productId: string) => string | undefined,
  customerId: string | null = null
): CollaborativeScorer {
  const mine = shopperItems(history)
  const strongestKind = new Map<string, InteractionKind>()
  for (const e of history) {
    const prior = strongestKind.get(e.product_id)
    if (!prior || INTERACTION_WEIGHTS[e.kind] > INTERACTION_WEIGHTS[prior]) strongestKind.set(e.product_id, e.kind)
  }
  const arrays = arraysOf(model)
  const itemCount = arrays.itemIds.length
  const isMine = new Uint8Array(itemCount)
  for (const id of mine.keys()) {
    const m = arrays.itemNumber.get(id)
    if (m !== undefined) isMine[m] = 1
  }

  // Item–item: each of my items lends its neighbours its weight × similarity; remember the biggest lender.
  const itemItem = new Float64Array(itemCount)
  const lender = new Int32Array(itemCount).fill(-1)
  const lent = new Float64Array(itemCount)
  const itemTouched: number[] = []
  for (const [id, w] of mine) {
    const m = arrays.itemNumber.get(id)
    if (m === undefined) continue
    for (let k = arrays.neighbourStart[m]; k < arrays.neighbourStart[m + 1]; k++) {
      const other = arrays.neighbourItems[k]
      const v = w * arrays.neighbourSims[k]
      if (lender[other] < 0) itemTouched.push(other)
      itemItem[other] += v
      if (lender[other] < 0 || v > lent[other]) {
        lender[other] = m
        lent[other] = v
      }
    }
  }

  // Similar shoppers: cosine between my item weights and theirs, through the items we share.
  const overlap = new Float64Array(arrays.customerIds.length)
  const shared = new Int32Array(arrays.customerIds.length)
  const touched: number[] = []
  let myNorm = 0
  for (const [id, w] of mine) {
    myNorm += w * w
    const m = arrays.itemNumber.get(id)
    if (m === undefined) continue
    for (let k = arrays.customerStart[m]; k < arrays.customerStart[m + 1]; k++) {
      const c = arrays.customers[k]
      if (!shared[c]++) touched.push(c)
      overlap[c] += w * arrays.customerWeights[k]
    }
  }
  myNorm = Math.sqrt(myNorm)
  const candidates: number[] = []
  const similarity = new Float64Array(arrays.customerIds.length)
  for (const c of touched) {
    if (arrays.customerIds[c] === customerId) continue // the shopper's own history in the log is not a neighbour
    const n = shared[c]
    similarity[c] = (overlap[c] / (myNorm * arrays.customerNorms[c])) * (n / (n + SHOPPER_SHRINKAGE))
    candidates.push(c)
  }
  const similar = topK(
    candidates,
    SIMILAR_SHOPPERS,
    (a, b) => similarity[b] - similarity[a] || (arrays.customerIds[a] < arrays.customerIds[b] ? -1 : 1)
  )
  const userUser = new Float64Array(itemCount)
  const userSeen = new Uint8Array(itemCount)
  const userTouched: number[] = []
  for (const c of similar) {
    const sim = similarity[c]
    for (let k = arrays.itemStart[c]; k < arrays.itemStart[c + 1]; k++) {
      const m = arrays.items[k]
      if (!userSeen[m]) {
        userSeen[m] = 1
        userTouched.push(m)
      }
      userUser[m] += sim * arrays.itemWeights[k]
    }
  }

  // Normalised by the strongest item the shopper does not have yet (their own items are not candidates).
  const max = (values: Float64Array, touchedItems: number[]) => {
    let v = 0
    for (const m of touchedItems) if (values[m] > v && !isMine[m]) v = values[m]
    return v || 1
  }
  const maxItem = max(itemItem, itemTouched)
  const maxUser = max(userUser, userTouched)
  const personal = mine.size > 0
  const { itemItem: a, similarShoppers: b, popularity: c } = model.blend
  const blendSum = a + b + c || 1

  const verb: Partial<Record<InteractionKind, string>> = {
    purchase: "bought",
    add_to_cart: "added to your bag",
    like: "liked",
    wardrobe: "have in your wardrobe",
    look: "saved in a look",
  }

  /** The blend for a model item (m: its number, -1 when the model does not know it). */
  const blend = (m: number, pop: number) => {
    const ii = (m >= 0 ? itemItem[m] : 0) / maxItem
    const uu = (m >= 0 ? userUser[m] : 0) / maxUser
    return Math.min(1, (a * ii + b * uu + c * pop) / blendSum)
  }

  function value(productId: string): number {
    const pop = model.popularity.get(productId) ?? 0
    if (!personal) return 0.5 * pop
    return blend(arrays.itemNumber.get(productId) ?? -1, pop)
  }

  function values(products: ProductNumbers): Float64Array {
    const catalog = catalogOf(model, arrays, products)
    const pop = catalog.popularity
    const out = new Float64Array(pop.length)
    if (!personal) {
      for (let n = 0; n < pop.length; n++) out[n] = 0.5 * pop[n]
      return out
    }
    // Products no item or similar shopper lent anything: the popularity part alone (a × 0 + b × 0 + c × pop).
    for (let n = 0; n < pop.length; n++) out[n] = blend(-1, pop[n])
    for (const touchedItems of [itemTouched, userTouched])
      for (const m of touchedItems) {
        const n = catalog.productOf[m]
        if (n >= 0) out[n] = blend(m, pop[n])
      }
    return out
  }

  return {
    value,
    values,
    score(productId) {
      const reasons: string[] = []
      if (!personal) {
        if ((model.popularity.get(productId) ?? 0) >= 0.6) reasons.push("popular right now")
        return { score: value(productId), reasons }
      }
      const m = arrays.itemNumber.get(productId) ?? -1
      if (m >= 0 && lender[m] >= 0 && itemItem[m] / maxItem >= 0.25) {
        const by = arrays.itemIds[lender[m]]
        const title = titleOf(by)
        const kind = strongestKind.get(by)
        if (title) reasons.push(`often chosen with the ${title} you ${(kind && verb[kind]) ?? "looked at"}`)
      }
      if (m >= 0 && userUser[m] / maxUser >= 0.4) reasons.push("popular with shoppers who share your taste")
      return { score: value(productId), reasons }
    },
  }
}
