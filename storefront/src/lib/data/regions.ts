import "server-only"
import { HttpTypes } from "@medusajs/types"
import { sdk } from "@lib/config"

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
