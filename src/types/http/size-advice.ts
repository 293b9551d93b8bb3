/**
 * GET /store/products/:id/size-advice (src/size-advice/product-size-advice.ts), shared with the
 * storefront. Measurements are in cm; a fit says how the size sits on the body per measurement.
 */

export type SizeAdviceMeasure = "chest" | "waist" | "hips" | "inseam" | "foot_length"
export type SizeAdviceFitValue = "tight" | "slightly tight" | "regular" | "slightly loose" | "loose"
export type SizeAdviceFit = Partial<Record<SizeAdviceMeasure, SizeAdviceFitValue>>

/** A size of the product: its variant in the chosen colour (null when the product lacks it) and whether the shopper can buy it. */
export type SizeAdviceOption = { size: string; variant_id: string | null; in_stock: boolean }

export type SizeAdvice = SizeAdviceOption & {
  product_id: string
  chart: { id: string; name: string; brand: string | null }
  recommended_size: string
  /** Every measurement used falls inside the recommended size. */
  exact: boolean
  fit: SizeAdviceFit
  /** 0–1. */
  confidence: number
  /** How each size of the chart sits on this body. */
  fit_by_size: Record<string, SizeAdviceFit>
  /** The neighbouring sizes, nearest first. */
  alternatives: (SizeAdviceOption & { direction: "smaller" | "larger"; fit: SizeAdviceFit })[]
  /** The body in cm the advice used (an inseam from height, a foot length from a shoe size). */
  measurements_used: Partial<Record<SizeAdviceMeasure, number>>
  /** Measurements that were estimated rather than measured. */
  estimated: SizeAdviceMeasure[]
  /** The chart's measurements that were not given: adding them makes the advice surer. */
  missing: SizeAdviceMeasure[]
  source: "query" | "profile" | "profile_and_query"
}

export type StoreSizeAdviceResponse = { size_advice: SizeAdvice }
