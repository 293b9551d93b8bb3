/** Formats an amount in major units (Medusa v2 stores 49.9, not 4990) for the shopper's currency. */
export function formatMoney(amount: number | null | undefined, currencyCode: string, locale = "en-GB"): string {
  if (amount === null || amount === undefined || Number.isNaN(amount)) return ""
  return new Intl.NumberFormat(locale, { style: "currency", currency: currencyCode.toUpperCase() }).format(amount)
}
