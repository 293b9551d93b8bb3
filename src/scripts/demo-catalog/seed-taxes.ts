import { MedusaContainer } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import { createPricePreferencesWorkflow, createTaxRatesWorkflow, createTaxRegionsWorkflow, updateRegionsWorkflow } from "@medusajs/medusa/core-flows"
import { US_STATE_SALES_TAX, VAT_RATES } from "./tax-rates"
import { RegionSpec } from "./vocabulary"

const TAX_PROVIDER = "tp_system"

/**
 * Tax regions of Medusa's Tax Module for every country the regions ship to: VAT as each country's
 * default rate, and for the US one child region per state with its sales tax (the US itself has
 * none, so an address without a state is not taxed). Only what is missing is created, so running it
 * again adds nothing and keeps rates a merchant has changed; a tax region seeded without a rate
 * (shops seeded before taxes) gets its default rate.
 */
export async function seedTaxRegions(container: MedusaContainer, regions: RegionSpec[]) {
  const taxService = container.resolve(Modules.TAX)
  const countries = regions.flatMap((r) => r.countries)
  const existing = await taxService.listTaxRegions({ country_code: countries })
  const countryRegion = (country: string) => existing.find((t) => t.country_code === country && !t.province_code)

  const missingCountries = countries.filter((country) => !countryRegion(country))
  if (missingCountries.length) {
    const { result } = await createTaxRegionsWorkflow(container).run({
      input: missingCountries.map((country_code) => ({
        country_code,
        provider_id: TAX_PROVIDER,
        ...(VAT_RATES[country_code] ? { default_tax_rate: vatRate(country_code) } : {}),
      })),
    })
    existing.push(...result)
  }

  // Country regions created before the seed set rates: add the VAT rate they lack.
  const vatRegions = countries.filter((c) => VAT_RATES[c] && !missingCountries.includes(c)).map((c) => countryRegion(c)!)
  if (vatRegions.length) {
    const defaults = (await taxService.listTaxRates({ tax_region_id: vatRegions.map((t) => t.id) })).filter((rate) => rate.is_default)
    const unrated = vatRegions.filter((t) => !defaults.some((rate) => rate.tax_region_id === t.id))
    if (unrated.length) {
      await createTaxRatesWorkflow(container).run({
        input: unrated.map((t) => ({ tax_region_id: t.id, is_default: true, ...vatRate(t.country_code!) })),
      })
    }
  }

  const us = countries.includes("us") ? countryRegion("us") : undefined
  if (us) {
    const states = new Set(existing.filter((t) => t.country_code === "us" && t.province_code).map((t) => t.province_code))
    const missingStates = Object.entries(US_STATE_SALES_TAX).filter(([state]) => !states.has(state))
    if (missingStates.length) {
      await createTaxRegionsWorkflow(container).run({
        input: missingStates.map(([state, rate]) => ({
          country_code: "us",
          province_code: state,
          // The provider is the country's (only top-level regions name one).
          parent_id: us.id,
          default_tax_rate: { rate, name: "Sales tax", code: `US-${state.toUpperCase()}` },
        })),
      })
    }
  }
}

function vatRate(country: string) {
  const { rate, name } = VAT_RATES[country]
  return { rate, name, code: `${country.toUpperCase()}-VAT` }
}

/**
 * Whether a region's prices include tax is a price preference (by region, for prices and
 * shipping options priced per region). A region created before taxes keeps its preference until
 * set here.
 */
export async function seedRegionTaxInclusion(container: MedusaContainer, regionIdsBySpec: { spec: RegionSpec; id: string }[]) {
  const pricing = container.resolve(Modules.PRICING)
  const preferences = await pricing.listPricePreferences({ attribute: "region_id", value: regionIdsBySpec.map((r) => r.id) })
  for (const { spec, id } of regionIdsBySpec) {
    const preference = preferences.find((p) => p.value === id)
    if (preference?.is_tax_inclusive === spec.pricesIncludeTax) continue
    if (!preference) {
      await createPricePreferencesWorkflow(container).run({
        input: [{ attribute: "region_id", value: id, is_tax_inclusive: spec.pricesIncludeTax }],
      })
      continue
    }
    await updateRegionsWorkflow(container).run({
      input: { selector: { id }, update: { is_tax_inclusive: spec.pricesIncludeTax } },
    })
  }
}
