"use server"

import type { SizeAdvice, StoreSizeAdviceResponse } from "@curator/types/size-advice"
import { sdk } from "@lib/config"
import { errorStatus, medusaErrorMessage } from "@lib/util/errors"
import { getAuthHeaders } from "./cookies"

/** What the "Find my size" form sends: cm, and a shoe size in EU sizes. Blank fields are left out. */
export type SizeAdviceMeasurements = Partial<Record<"height" | "chest" | "waist" | "hips" | "inseam" | "shoe_size", number>>

export type SizeAdviceResult = { advice: SizeAdvice } | { error: string; needsMeasurements: boolean } | { unavailable: true }

const MEASUREMENT_KEYS = ["height", "chest", "waist", "hips", "inseam", "shoe_size"] as const

/**
 * Size advice for a product (GET /store/products/:id/size-advice): from the measurements given,
 * over those in a signed-in shopper's profile. `needsMeasurements` when Medusa asks for some (400);
 * `unavailable` when the product has no size chart, so the page shows nothing.
 */
export async function getSizeAdvice(input: {
  productId: string
  regionId: string
  colour?: string
  measurements?: SizeAdviceMeasurements
}): Promise<SizeAdviceResult> {
  const query: Record<string, string | number> = { region_id: input.regionId }
  if (input.colour) query.colour = input.colour
  for (const key of MEASUREMENT_KEYS) {
    const value = input.measurements?.[key]
    if (typeof value === "number" && Number.isFinite(value) && value > 0) query[key] = value
  }
  try {
    const { size_advice } = await sdk.client.fetch<StoreSizeAdviceResponse>(`/store/products/${encodeURIComponent(input.productId)}/size-advice`, {
      query,
      headers: await getAuthHeaders(),
      cache: "no-store",
      signal: AbortSignal.timeout(10_000),
    })
    return { advice: size_advice }
  } catch (error) {
    const status = errorStatus(error)
    if (status === 404) return { unavailable: true }
    return { error: medusaErrorMessage(error, "Size advice is not available right now."), needsMeasurements: status === 400 }
  }
}
