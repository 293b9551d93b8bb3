import type { Metadata } from "next"
import { notFound } from "next/navigation"
import { listCategories } from "@lib/data/products"
import type { RawSearchParams } from "@lib/util/listing-params"
import ListingTemplate from "@modules/store/templates/listing-template"

type Props = { params: Promise<{ countryCode: string; handle: string }>; searchParams: Promise<RawSearchParams> }

async function findCategory(handle: string) {
  return (await listCategories()).find((c) => c.handle === handle)
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const category = await findCategory((await params).handle)
  return { title: category?.name ?? "Category" }
}

export default async function CategoryPage({ params, searchParams }: Props) {
  const { countryCode, handle } = await params
  const category = await findCategory(handle)
  if (!category) notFound()
  return (
    <ListingTemplate
      countryCode={countryCode}
      basePath={`/${countryCode}/categories/${handle}`}
      searchParams={await searchParams}
      title={category.name}
      intro={category.description ? <p className="muted">{category.description}</p> : undefined}
      fixed={{ category: [category.handle] }}
      hideFacets={["category"]}
    />
  )
}
