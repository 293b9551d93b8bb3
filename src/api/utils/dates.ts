/** A timestamp as JSON carries it (ISO 8601), whether query.graph read it as a Date or a string. */
export const isoDate = (value: Date | string): string => new Date(value).toISOString()

export const isoDateOrNull = (value: Date | string | null | undefined): string | null =>
  value === null || value === undefined ? null : isoDate(value)
