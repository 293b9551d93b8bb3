import type { Metadata } from "next"
import { getRegion } from "@lib/data/regions"
import ItemForm from "@modules/wardrobe/components/item-form"
import WardrobeNav from "@modules/wardrobe/components/wardrobe-nav"

export const metadata: Metadata = { title: "Add an item" }

export default async function NewItemPage({ params }: { params: Promise<{ countryCode: string }> }) {
  const { countryCode } = await params
  const region = await getRegion(countryCode)
  return (
    <>
      <h1>Add an item</h1>
      <WardrobeNav countryCode={countryCode} current="add" />
      <div style={{ maxWidth: "44rem" }}>
        <ItemForm countryCode={countryCode} currency={region?.currency_code ?? "eur"} />
      </div>
    </>
  )
}
