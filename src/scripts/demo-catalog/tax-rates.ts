/**
 * The demo shop's tax rates, in percent: standard VAT for the European countries it ships to,
 * and base state sales tax (without city or county add-ons) in the United States, by the
 * lower-case state code that Medusa's Tax Module matches against an address's `province`.
 * Rates as of 1 January 2025 (the EU's VAT rates table; the Tax Foundation's state rates).
 */
export const VAT_RATES: Record<string, { rate: number; name: string }> = {
  at: { rate: 20, name: "USt" },
  be: { rate: 21, name: "BTW" },
  de: { rate: 19, name: "MwSt" },
  dk: { rate: 25, name: "Moms" },
  es: { rate: 21, name: "IVA" },
  fr: { rate: 20, name: "TVA" },
  gb: { rate: 20, name: "VAT" },
  ie: { rate: 23, name: "VAT" },
  it: { rate: 22, name: "IVA" },
  nl: { rate: 21, name: "BTW" },
  se: { rate: 25, name: "Moms" },
}

/** State sales tax by state code; 0 where a state has none (Alaska, Delaware, Montana, New Hampshire, Oregon). */
// prettier-ignore
export const US_STATE_SALES_TAX: Record<string, number> = {
  al: 4, ak: 0, az: 5.6, ar: 6.5, ca: 7.25, co: 2.9, ct: 6.35, de: 0, dc: 6, fl: 6,
  ga: 4, hi: 4, id: 6, il: 6.25, in: 7, ia: 6, ks: 6.5, ky: 6, la: 5, me: 5.5,
  md: 6, ma: 6.25, mi: 6, mn: 6.875, ms: 7, mo: 4.225, mt: 0, ne: 5.5, nv: 6.85, nh: 0,
  nj: 6.625, nm: 4.875, ny: 4, nc: 4.75, nd: 5, oh: 5.75, ok: 4.5, or: 0, pa: 6, ri: 7,
  sc: 6, sd: 4.2, tn: 7, tx: 6.25, ut: 6.1, vt: 6, va: 5.3, wa: 6.5, wv: 6, wi: 5,
  wy: 4,
}
