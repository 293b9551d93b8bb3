import { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { REGION_CACHE } from "../catalog/catalog-cache"
import { shopperStockLocations } from "../utils/stock-availability"

/**
 * Where the shopper is, resolved once per request: the region (from `region_id`, or the region that
 * sells to `country_code`), its currency, the publishable key's sales channels and the stock
 * locations that serve the region for those channels. Prices are calculated for this region and
 * "in stock" means stock at these locations, on every route that takes a region.
 */
export type ShopperContext = {
  region_id: string
  currency_code: string
  /** The country the shopper named, when they named one (lower case ISO 3166-1 alpha-2). */
  country_code: string | null
  sales_channel_ids: string[]
  /** The locations whose stock the shopper can buy (see shopperStockLocations). */
  stock_location_ids: string[]
  /** The region's own warehouse when it names one that the key's channels use, else null. */
  stock_location_id: string | null
}

declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace Express {
    interface Request {
      /** Set by the shopperContext middleware: null when the request names no region or country. */
      shopper?: ShopperContext | null
    }
  }
}

export type ShopperLocation = { region_id?: string | null; country_code?: string | null }

/** The one answer for a region that does not exist or a country no region sells to (as Medusa's own pricing context: 400). */
export function unknownRegionError(where: ShopperLocation): MedusaError {
  return where.region_id
    ? new MedusaError(MedusaError.Types.INVALID_DATA, `Region with id: ${where.region_id} was not found`)
    : new MedusaError(MedusaError.Types.INVALID_DATA, `No region sells to country_code: ${where.country_code}`)
}

/**
 * The shopper context for a region id or a country code (region_id wins when both are given), for
 * routes and workflow steps alike. null when neither is given; an unknown region is unknownRegionError.
 */
export async function resolveShopperContext(
  scope: MedusaContainer,
  input: ShopperLocation & { sales_channel_ids: string[] }
): Promise<ShopperContext | null> {
  const regionId = input.region_id || undefined
  const countryCode = input.country_code ? input.country_code.toLowerCase() : undefined
  if (!regionId && !countryCode) return null
  const query = scope.resolve(ContainerRegistrationKeys.QUERY)
  // Regions are the same for every shopper: read through the catalog cache, cleared by region events.
  const { data: regions } = regionId
    ? await query.graph({ entity: "region", fields: ["id", "currency_code", "metadata"], filters: { id: regionId } }, REGION_CACHE)
    : await query.graph({ entity: "region", fields: ["id", "currency_code", "metadata", "countries.iso_2"] }, REGION_CACHE)
  const region = regionId ? regions[0] : regions.find((r) => (r.countries ?? []).some((c) => c?.iso_2?.toLowerCase() === countryCode))
  if (!region) throw unknownRegionError({ region_id: regionId, country_code: countryCode })
  const locations = await shopperStockLocations(query, region, input.sales_channel_ids)
  return {
    region_id: region.id,
    currency_code: region.currency_code,
    country_code: countryCode ?? null,
    sales_channel_ids: input.sales_channel_ids,
    stock_location_ids: locations.location_ids,
    stock_location_id: locations.stock_location_id,
  }
}

const stringParam = (value: unknown): string | undefined => (typeof value === "string" && value.trim() ? value.trim() : undefined)

/** region_id / country_code as the route received them: validated query first, then the JSON body. */
function shopperLocationOf(req: MedusaRequest): ShopperLocation {
  const sources = [req.validatedQuery, req.query, req.validatedBody, req.body].filter(
    (s): s is Record<string, unknown> => !!s && typeof s === "object"
  )
  const pick = (key: keyof ShopperLocation) => sources.map((s) => stringParam(s[key])).find(Boolean)
  return { region_id: pick("region_id"), country_code: pick("country_code") }
}

/**
 * Store middleware, in the spirit of Medusa's setPricingContext: resolves the shopper context from
 * the request's `region_id` or `country_code` and the publishable key's sales channels, and sets
 * `req.shopper` (null when the request names neither). Place it after the route's validator, so
 * that the parameters it reads have already been checked.
 */
export async function shopperContext(req: MedusaRequest, _res: MedusaResponse, next: MedusaNextFunction) {
  try {
    const salesChannelIds =
      (req as MedusaRequest & { publishable_key_context?: { sales_channel_ids?: string[] } }).publishable_key_context?.sales_channel_ids ?? []
    req.shopper = await resolveShopperContext(req.scope, { ...shopperLocationOf(req), sales_channel_ids: salesChannelIds })
    next()
  } catch (error) {
    next(error)
  }
}
