import { NOT_WORN_DAYS } from "./constants"
import { formatWearDay, toWearDay } from "./wear-days"

/** What the stats need to know about an item. */
export type StatsItem = {
  id: string
  name: string
  category: string | null
  colours: string[]
  price_paid: number | string | { numeric?: number } | null
  currency_code: string | null
  acquired_on: Date | string | null
  created_at: Date | string
}

/** What the stats need to know about a wear: item wears only (outfit-level rows carry no item). */
export type StatsWear = { item_id: string | null; worn_on: Date | string }

export type ItemWearStats = {
  id: string
  name: string
  category: string | null
  times_worn: number
  last_worn_on: string | null
  price_paid: number | null
  currency_code: string | null
  /** price_paid ÷ times_worn, rounded to cents; null when unpriced or never worn. */
  cost_per_wear: number | null
}

/**
 * `share`: the fraction of items with this value (an item may have several colours, so colour
 * shares can add up to more than 1). `percent`: this value's whole-number part of the mix, the
 * mix's percents adding up to exactly 100.
 */
export type MixEntry = { value: string; count: number; share: number; percent: number }

export type WardrobeStats = {
  item_count: number
  outfit_count: number
  /** Item-days worn in total. */
  wear_count: number
  total_spent: { currency_code: string; amount: number }[]
  items: ItemWearStats[]
  most_worn: ItemWearStats[]
  least_worn: ItemWearStats[]
  colour_mix: MixEntry[]
  category_mix: MixEntry[]
  not_worn_days: number
  not_worn_recently: ItemWearStats[]
}

const DAY_MS = 24 * 60 * 60 * 1000
export const RANKING_SIZE = 5

/** BigNumber fields arrive as numbers, numeric strings or { numeric } objects depending on the path. */
export function amountOf(value: StatsItem["price_paid"]): number | null {
  if (value === null || value === undefined) return null
  if (typeof value === "number") return value
  if (typeof value === "string") return Number(value)
  if (typeof value === "object" && typeof value.numeric === "number") return value.numeric
  const numeric = Number(value as unknown)
  return Number.isFinite(numeric) ? numeric : null
}

const round2 = (n: number) => Math.round(n * 100) / 100
const round4 = (n: number) => Math.round(n * 10000) / 10000

/**
 * Whole-number percents of `counts` that add up to exactly 100 (largest remainder: each gets its
 * rounded-down share, and the points left go to the largest remainders, earlier entries first on
 * a tie). All zero (or none) gives zeros.
 */
export function percentsOf(counts: number[]): number[] {
  const total = counts.reduce((n, c) => n + c, 0)
  if (!total) return counts.map(() => 0)
  const exact = counts.map((c) => (c * 100) / total)
  const percents = exact.map(Math.floor)
  const left = 100 - percents.reduce((n, p) => n + p, 0)
  const byRemainder = exact.map((e, i) => ({ i, rest: e - Math.floor(e) })).sort((a, b) => b.rest - a.rest || a.i - b.i)
  for (const { i } of byRemainder.slice(0, left)) percents[i] += 1
  return percents
}

function mix(values: string[][], itemCount: number): MixEntry[] {
  const counts = new Map<string, number>()
  for (const list of values) for (const v of new Set(list)) counts.set(v, (counts.get(v) ?? 0) + 1)
  const entries = [...counts.entries()].sort(([a, x], [b, y]) => y - x || a.localeCompare(b))
  const percents = percentsOf(entries.map(([, count]) => count))
  return entries.map(([value, count], i) => ({ value, count, share: itemCount ? round4(count / itemCount) : 0, percent: percents[i] }))
}

/**
 * A customer's wardrobe in numbers. Times worn counts distinct days (an item worn alone and in
 * an outfit on the same day was worn once). An item counts as "not worn recently" when the
 * customer has had it for at least `NOT_WORN_DAYS` days and has not worn it in that window.
 */
export function computeWardrobeStats(input: { items: StatsItem[]; wears: StatsWear[]; outfitCount: number; now?: Date }): WardrobeStats {
  const today = toWearDay(input.now ?? new Date())
  const windowStart = today.getTime() - (NOT_WORN_DAYS - 1) * DAY_MS

  const daysByItem = new Map<string, Set<number>>()
  for (const wear of input.wears) {
    if (!wear.item_id) continue
    const days = daysByItem.get(wear.item_id) ?? new Set<number>()
    days.add(toWearDay(wear.worn_on).getTime())
    daysByItem.set(wear.item_id, days)
  }

  const items: ItemWearStats[] = input.items.map((item) => {
    const days = daysByItem.get(item.id)
    const timesWorn = days?.size ?? 0
    const last = days?.size ? Math.max(...days) : null
    const price = amountOf(item.price_paid)
    return {
      id: item.id,
      name: item.name,
      category: item.category,
      times_worn: timesWorn,
      last_worn_on: last === null ? null : formatWearDay(new Date(last)),
      price_paid: price,
      currency_code: item.currency_code,
      cost_per_wear: price !== null && timesWorn > 0 ? round2(price / timesWorn) : null,
    }
  })

  const byName = (a: ItemWearStats, b: ItemWearStats) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id)
  // The two rankings never share an item, and every most-worn item was worn more often than every
  // least-worn one: with everything worn equally often (or one item) both stay empty.
  const fewest = Math.min(...items.map((i) => i.times_worn))
  const mostWorn = items
    .filter((i) => i.times_worn > fewest)
    .sort((a, b) => b.times_worn - a.times_worn || byName(a, b))
    .slice(0, Math.min(RANKING_SIZE, Math.floor(items.length / 2)))
  const cutoff = mostWorn.length ? mostWorn[mostWorn.length - 1].times_worn : fewest
  const leastWorn = items
    .filter((i) => i.times_worn < cutoff)
    .sort((a, b) => a.times_worn - b.times_worn || byName(a, b))
    .slice(0, RANKING_SIZE)

  const itemById = new Map(input.items.map((i) => [i.id, i]))
  const notWornRecently = items
    .filter((stats) => {
      const item = itemById.get(stats.id)!
      const owned = toWearDay(item.acquired_on ?? item.created_at).getTime()
      if (owned > windowStart) return false
      const last = stats.last_worn_on ? toWearDay(stats.last_worn_on).getTime() : null
      return last === null || last < windowStart
    })
    .sort((a, b) => (a.last_worn_on ?? "").localeCompare(b.last_worn_on ?? "") || byName(a, b))

  const spent = new Map<string, number>()
  for (const i of items) {
    if (i.price_paid === null || !i.currency_code) continue
    spent.set(i.currency_code, (spent.get(i.currency_code) ?? 0) + i.price_paid)
  }

  return {
    item_count: items.length,
    outfit_count: input.outfitCount,
    wear_count: items.reduce((n, i) => n + i.times_worn, 0),
    total_spent: [...spent.entries()]
      .map(([currency_code, amount]) => ({ currency_code, amount: round2(amount) }))
      .sort((a, b) => a.currency_code.localeCompare(b.currency_code)),
    items: [...items].sort(byName),
    most_worn: mostWorn,
    least_worn: leastWorn,
    colour_mix: mix(
      input.items.map((i) => i.colours ?? []),
      items.length
    ),
    category_mix: mix(
      input.items.map((i) => (i.category ? [i.category] : ["uncategorised"])),
      items.length
    ),
    not_worn_days: NOT_WORN_DAYS,
    not_worn_recently: notWornRecently,
  }
}
