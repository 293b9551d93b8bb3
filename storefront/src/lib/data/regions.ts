import "server-only"
import { HttpTypes } from "@medusajs/types"
import { DEFAULT_REGION, sdk } from "@lib/config"

export async function listRegions(): Promise<HttpTypes.StoreRegion[]> {
  const { regions } = await sdk.client.fetch<{ regions: HttpTypes.StoreRegion[] }>("/store/regions", {
    query: { fields: "id,name,currency_code,*countries" },
    next: { tags: ["regions"], revalidate: 3600 },
    cache: "force-cache",
  })
  return regions
}

/** The region that sells to a country (from the URL's country code), or null. */
export async function getRegion(countryCode: string): Promise<HttpTypes.StoreRegion | null> {
  const regions = await listRegions()
  const code = countryCode.toLowerCase()
  return regions.find((r) => r.countries?.some((c) => c.iso_2 === code)) ?? null
}

/**
 * A country code that came from the shopper's request (a form field, an action's argument),
 * checked before it goes into a redirect: a country the shop sells to, else the default country.
 * Nothing else ("//evil.example", "../..", an unknown "zz") can reach a redirect's path.
 */
export async function shopCountry(raw: unknown): Promise<string> {
  const code = typeof raw === "string" ? raw.trim().toLowerCase() : ""
  if (!/^[a-z]{2}$/.test(code)) return DEFAULT_REGION
  try {
    return (await getRegion(code)) ? code : DEFAULT_REGION
  } catch {
    return DEFAULT_REGION
  }
}
