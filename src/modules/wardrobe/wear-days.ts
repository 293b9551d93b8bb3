/** A wear date as the UTC midnight of its calendar day: wears are counted per day. */
export function toWearDay(value: Date | string): Date {
  const date = typeof value === "string" ? new Date(value.length === 10 ? `${value}T00:00:00.000Z` : value) : value
  if (Number.isNaN(date.getTime())) throw new Error(`Invalid date: ${value}`)
  return new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()))
}

/** YYYY-MM-DD of a wear day. */
export function formatWearDay(date: Date | string): string {
  return toWearDay(typeof date === "string" ? new Date(date) : date)
    .toISOString()
    .slice(0, 10)
}
