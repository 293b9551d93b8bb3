import type { Metadata } from "next"
import Link from "next/link"
import { listOutfits } from "@lib/data/wardrobe"
import OutfitCard from "@modules/wardrobe/components/outfit-card"
import WardrobeNav from "@modules/wardrobe/components/wardrobe-nav"

export const metadata: Metadata = { title: "Your outfits" }

export default async function OutfitsPage({ params }: { params: Promise<{ countryCode: string }> }) {
  const { countryCode } = await params
  const { outfits } = await listOutfits(countryCode)
  return (
    <>
      <div className="section__head" style={{ flexWrap: "wrap" }}>
        <h1>Your outfits</h1>
        <Link href={`/${countryCode}/wardrobe/outfits/new`} className="button">
          Build an outfit
        </Link>
      </div>
      <WardrobeNav countryCode={countryCode} current="outfits" />
      {outfits.length ? (
        <ul className="item-grid" data-testid="outfits">
          {outfits.map((o) => (
            <li key={o.id}>
              <OutfitCard outfit={o} countryCode={countryCode} />
            </li>
          ))}
        </ul>
      ) : (
        <div className="empty-state">
          <h2>No outfits yet</h2>
          <p>Put together pieces you own, and shop products to complete them, then log when you wear the outfit.</p>
          <Link href={`/${countryCode}/wardrobe/outfits/new`} className="button">
            Build your first outfit
          </Link>
        </div>
      )}
    </>
  )
}
