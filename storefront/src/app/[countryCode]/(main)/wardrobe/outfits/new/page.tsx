import type { Metadata } from "next"
import { listAllItems } from "@lib/data/wardrobe"
import OutfitBuilder from "@modules/wardrobe/components/outfit-builder"
import WardrobeNav from "@modules/wardrobe/components/wardrobe-nav"

export const metadata: Metadata = { title: "Build an outfit" }

export default async function NewOutfitPage({ params }: { params: Promise<{ countryCode: string }> }) {
  const { countryCode } = await params
  const items = await listAllItems(countryCode)
  return (
    <>
      <h1>Build an outfit</h1>
      <WardrobeNav countryCode={countryCode} current="outfits" />
      <OutfitBuilder items={items} countryCode={countryCode} />
    </>
  )
}
