import type { Metadata } from "next"
import ListingTemplate from "@modules/store/templates/listing-template"
import type { RawSearchParams } from "@lib/util/listing-params"

export const metadata: Metadata = { title: "Shop all" }

export default async function StorePage({
  params,
  searchParams,
}: {
  params: Promise<{ countryCode: string }>
  searchParams: Promise<RawSearchParams>
}) {
  const { countryCode } = await params
  return <ListingTemplate countryCode={countryCode} basePath={`/${countryCode}/store`} searchParams={await searchParams} title="Shop all" />
}
