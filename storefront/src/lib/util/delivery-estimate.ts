/**
 * Delivery estimates from a shipping option's business days (the seed stores them in the option's
 * `data` as `{ delivery_days: { min, max } }`). Pure: the caller passes "today", so tests can too.
 */

export type DeliveryDays = { min: number; max: number }

const DAY_MS = 24 * 60 * 60 * 1000

/** The option's business days, or undefined when it has none (or they make no sense). */
export function deliveryDays(data: unknown): DeliveryDays | undefined {
  const days = (data as { delivery_days?: { min?: unknown; max?: unknown } } | null | undefined)?.delivery_days
  const min = Number(days?.min)
  const max = Number(days?.max)
  if (!Number.isInteger(min) || !Number.isInteger(max) || min < 1 || max < min || max > 60) return undefined
  return { min, max }
}

/** Midnight UTC of the calendar day `date` falls on in `timeZone`: date arithmetic then ignores clock changes. */
function calendarDay(date: Date, timeZone: string): Date {
  const parts = new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).formatToParts(date)
  const part = (type: string) => Number(parts.find((p) => p.type === type)?.value)
  return new Date(Date.UTC(part("year"), part("month") - 1, part("day")))
}

const isWeekend = (day: Date) => day.getUTCDay() === 0 || day.getUTCDay() === 6

/** The day `days` business days (Monday to Friday) after `day`: Friday + 1 is Monday, Saturday + 1 too. */
export function addBusinessDays(day: Date, days: number): Date {
  let result = new Date(day.getTime())
  let left = days
  while (left > 0) {
    result = new Date(result.getTime() + DAY_MS)
    if (!isWeekend(result)) left--
  }
  return result
}

/** Earliest and latest arrival days (midnight UTC of each calendar day) for an order placed at `now`. */
export function deliveryWindow(now: Date, days: DeliveryDays, timeZone = "UTC"): { earliest: Date; latest: Date } {
  const today = calendarDay(now, timeZone)
  return { earliest: addBusinessDays(today, days.min), latest: addBusinessDays(today, days.max) }
}

const dayLabel = (day: Date) => new Intl.DateTimeFormat("en-GB", { weekday: "short", day: "numeric", month: "short", timeZone: "UTC" }).format(day)

/** "Arrives Tue 8 Dec – Thu 10 Dec", or "Arrives Tue 8 Dec" when both ends are the same day. */
export function formatDeliveryEstimate(now: Date, days: DeliveryDays, timeZone = "UTC"): string {
  const { earliest, latest } = deliveryWindow(now, days, timeZone)
  const from = dayLabel(earliest)
  const to = dayLabel(latest)
  return from === to ? `Arrives ${from}` : `Arrives ${from} – ${to}`
}
