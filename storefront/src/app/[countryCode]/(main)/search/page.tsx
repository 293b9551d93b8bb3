import type { Metadata } from "next"
import type { RawSearchParams } from "@lib/util/listing-params"
import ListingTemplate from "@modules/store/templates/listing-template"

export const metadata: Metadata = { title: "Search" }

export default async function SearchPage({
  params,
  searchParams,
}: {
  params: Promise<{ countryCode: string }>
  searchParams: Promise<RawSearchParams>
}) {
  const { countryCode } = await params
  const raw = await searchParams
  const q = (Array.isArray(raw.q) ? raw.q[0] : raw.q)?.trim() ?? ""
  return (
    <ListingTemplate
      countryCode={countryCode}
      basePath={`/${countryCode}/search`}
      searchParams={raw}
      title={q ? `Search: ${q}` : "Search"}
      intro={
        <form
          role="search"
          action={`/${countryCode}/search`}
          className="field"
          style={{ maxWidth: "32rem", display: "flex", gap: ".5rem", alignItems: "end" }}
        >
          <div style={{ flex: 1 }}>
            <label htmlFor="search-q">Search products</label>
            <input id="search-q" type="search" name="q" defaultValue={q} placeholder="e.g. linen shirt, navy knit" data-testid="search-input" />
          </div>
          <button type="submit" className="button">
            Search
          </button>
        </form>
      }
      emptyHint={
        <p>
          Check the spelling, use fewer words, or browse the <a href={`/${countryCode}/store`}>whole shop</a>.
        </p>
      }
    />
  )
}
