import type { Metadata } from "next"
import { notFound } from "next/navigation"
import { listCollections } from "@lib/data/products"
import type { RawSearchParams } from "@lib/util/listing-params"
import ListingTemplate from "@modules/store/templates/listing-template"

type Props = { params: Promise<{ countryCode: string; handle: string }>; searchParams: Promise<RawSearchParams> }

async function findCollection(handle: string) {
  return (await listCollections()).find((c) => c.handle === handle)
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const collection = await findCollection((await params).handle)
  return { title: collection?.title ?? "Collection" }
}

export default async function CollectionPage({ params, searchParams }: Props) {
  const { countryCode, handle } = await params
  const collection = await findCollection(handle)
  if (!collection) notFound()
  return (
    <ListingTemplate
      countryCode={countryCode}
      basePath={`/${countryCode}/collections/${handle}`}
      searchParams={await searchParams}
      title={collection.title}
      // The search index keys collections by title.
      fixed={{ collection: [collection.title] }}
      hideFacets={["collection"]}
    />
  )
}
