import { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MedusaError, ProductStatus } from "@medusajs/framework/utils"
import { isColourOptionTitle } from "../catalog/colour-image"
import { choicesOf, SIZE_OPTION } from "../catalog/product-choices"
import { SIZE_CHART_MODULE } from "../modules/size-chart"
import SizeChartModuleService from "../modules/size-chart/service"
import type { ShopperContext } from "../shopper/context"
import { StockedVariant, VARIANT_STOCK_FIELDS, variantInStock } from "../utils/stock-availability"
import type { SizeAdvice, SizeAdviceOption as SizeOption } from "../types/http/size-advice"
import { bodyFromShopper, Measure, missingMeasures, recommendSize, ShopperMeasurements } from "./recommend-size"

/**
 * Size advice for one product, for the store route and for try-on (which scales the garment to the
 * size): the product's chart (its brand's, else its category's), the shopper's measurements, the
 * variant of the recommended size and whether the shopper can buy it (variantInStock, the one rule).
 */

export type { SizeAdvice, SizeAdviceOption } from "../types/http/size-advice"

/** The query parameters that give each measurement, for messages that say what to send. */
export const MEASURE_PARAMETERS: Record<Measure, string> = {
  chest: "chest",
  waist: "waist",
  hips: "hips",
  inseam: "inseam (or height)",
  foot_length: "shoe_size (or foot_length)",
}

/** The recommendation module's profile, as far as size advice reads it (resolved by key, when installed). */
type ProfileReader = { getProfile(customerId: string): Promise<{ measurements?: ProfileMeasurements | null } | null> }
type ProfileMeasurements = ShopperMeasurements & { source?: string | null }

/** A signed-in shopper's measurements from their profile (the `recommendation` module), or null without one. */
export async function profileMeasurements(scope: MedusaContainer, customerId: string): Promise<ProfileMeasurements | null> {
  const reader = scope.resolve<ProfileReader | undefined>("recommendation", { allowUnregistered: true })
  if (!reader || typeof reader.getProfile !== "function") return null
  const profile = await reader.getProfile(customerId)
  return profile?.measurements ?? null
}

type AdviceProductRow = {
  id: string
  title: string
  status: string
  metadata?: Record<string, unknown> | null
  sales_channels?: ({ id: string } | null)[] | null
  categories?: ({ id: string } | null)[] | null
  options?: ({ id: string; title: string } | null)[] | null
  variants?:
    | (
        | (StockedVariant & { id: string; variant_rank?: number | null; options?: ({ value: string; option_id?: string | null } | null)[] | null })
        | null
      )[]
    | null
}

const same = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase()

const stated = (m: ShopperMeasurements) => Object.values(m).some((v) => typeof v === "number" && Number.isFinite(v))

export async function sizeAdviceForProduct(
  scope: MedusaContainer,
  input: { product_id: string; shopper: ShopperContext; colour?: string; stated: ShopperMeasurements; profile: ProfileMeasurements | null }
): Promise<SizeAdvice> {
  const query = scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "product",
    fields: [
      "id",
      "title",
      "status",
      "metadata",
      "sales_channels.id",
      "categories.id",
      "options.id",
      "options.title",
      "variants.id",
      "variants.variant_rank",
      "variants.options.value",
      "variants.options.option_id",
      ...VARIANT_STOCK_FIELDS,
    ],
    filters: { id: input.product_id },
  })
  const product = data[0] as unknown as AdviceProductRow | undefined
  // Same answer for missing, unpublished and other channels' products: no hint that they exist.
  const sellable =
    product?.status === ProductStatus.PUBLISHED &&
    (product.sales_channels ?? []).some((sc) => !!sc && input.shopper.sales_channel_ids.includes(sc.id))
  if (!product || !sellable) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Product with id: ${input.product_id} was not found`)

  const brand = typeof product.metadata?.brand === "string" ? product.metadata.brand : null
  const categoryIds = (product.categories ?? []).flatMap((c) => (c ? [c.id] : []))
  const chart = await scope.resolve<SizeChartModuleService>(SIZE_CHART_MODULE).chartFor(categoryIds, brand)
  if (!chart) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Product with id: ${product.id} has no size chart (none for its category or brand)`)

  // Query parameters override the profile's, measurement by measurement.
  const profile = input.profile ?? {}
  const merged: ShopperMeasurements = { ...profile }
  for (const [key, value] of Object.entries(input.stated) as [keyof ShopperMeasurements, number | undefined][]) {
    if (value !== undefined) merged[key] = value
  }
  const { body, estimated } = bodyFromShopper(merged)
  // A profile estimated from a photo counts as estimated wherever the query did not override it.
  if (input.profile?.source === "estimated") {
    for (const m of Object.keys(body) as Measure[]) {
      if (!estimated.includes(m) && !overriddenByQuery(m, input.stated)) estimated.push(m)
    }
  }

  const advice = recommendSize(chart.sizes, body, { estimated })
  if (!advice) {
    const needed = missingMeasures(chart.sizes, body).map((m) => MEASURE_PARAMETERS[m])
    throw new MedusaError(
      MedusaError.Types.INVALID_DATA,
      `Size advice for this product needs measurements: give ${needed.join(", ")} (in cm; shoe_size in EU sizes), or save them in your profile.`
    )
  }

  const choices = choicesOf(product)
  const sizeOption = choices.size_option ?? choices.options.find((o) => SIZE_OPTION.test(o.title))?.title ?? null
  const colourOption = choices.options.find((o) => isColourOptionTitle(o.title))
  let colour: string | null = colourOption?.values[0] ?? null
  if (input.colour) {
    const named = colourOption?.values.find((v) => same(v, input.colour!))
    if (!named) {
      const offered = colourOption?.values.join(", ") || "no colour choice"
      throw new MedusaError(MedusaError.Types.INVALID_DATA, `colour ${input.colour} is not a colour of this product (it comes in: ${offered})`)
    }
    colour = named
  }
  const variants = new Map((product.variants ?? []).flatMap((v) => (v ? [[v.id, v] as const] : [])))
  const locations = input.shopper.stock_location_ids

  const optionFor = (size: string): SizeOption => {
    const variantId =
      choices.variant_ids.find((id) => {
        const own = choices.variant_options.get(id) ?? {}
        const sizeMatches = sizeOption ? !!own[sizeOption] && same(own[sizeOption], size) : true
        const colourMatches = colourOption && colour ? own[colourOption.title] === colour : true
        return sizeMatches && colourMatches
      }) ?? null
    const variant = variantId ? variants.get(variantId) : undefined
    return { size, variant_id: variantId, in_stock: variant ? variantInStock(variant, locations) : false }
  }

  const source = input.profile && stated(input.profile) ? (stated(input.stated) ? "profile_and_query" : "profile") : "query"
  return {
    product_id: product.id,
    chart: { id: chart.id, name: chart.name, brand: chart.brand ?? null },
    ...optionFor(advice.recommended_size),
    recommended_size: advice.recommended_size,
    exact: advice.exact,
    fit: advice.fit,
    confidence: advice.confidence,
    fit_by_size: advice.fit_by_size,
    alternatives: advice.alternatives.map((a) => ({ ...optionFor(a.size), direction: a.direction, fit: a.fit })),
    measurements_used: Object.fromEntries(advice.measures_used.map((m) => [m, body[m]!])),
    estimated: estimated.filter((m) => advice.measures_used.includes(m)),
    missing: missingMeasures(chart.sizes, body),
    source,
  }
}

function overriddenByQuery(m: Measure, q: ShopperMeasurements): boolean {
  const keys: Record<Measure, (keyof ShopperMeasurements)[]> = {
    chest: ["chest_cm"],
    waist: ["waist_cm"],
    hips: ["hips_cm"],
    inseam: ["inseam_cm", "height_cm"],
    foot_length: ["foot_length_cm", "shoe_size_eu"],
  }
  return keys[m].some((k) => q[k] !== undefined)
}
