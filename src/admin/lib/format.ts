/** A rate (0.123) as the admin shows it: "12.3%". */
export const percent = (rate: number) => `${(rate * 100).toFixed(1)}%`

/** A date and time in the browser's locale, or a dash. */
export const when = (iso: string | null) => (iso ? new Date(iso).toLocaleString() : "—")
