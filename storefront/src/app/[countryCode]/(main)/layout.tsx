import { notFound } from "next/navigation"
import { getRegion } from "@lib/data/regions"
import { getSavedProductIds } from "@lib/data/wishlist"
import SiteHeader from "@modules/layout/components/site-header"
import SiteFooter from "@modules/layout/components/site-footer"
import { SavedItemsProvider } from "@modules/wishlist/components/saved-items-provider"

export default async function MainLayout({ children, params }: { children: React.ReactNode; params: Promise<{ countryCode: string }> }) {
  const { countryCode } = await params
  const [region, savedProductIds] = await Promise.all([getRegion(countryCode), getSavedProductIds()])
  if (!region) notFound()
  return (
    // Saved items (hearts on cards and product pages, the header's count) share one list.
    <SavedItemsProvider productIds={savedProductIds}>
      <SiteHeader countryCode={countryCode} />
      <main id="main">{children}</main>
      <SiteFooter countryCode={countryCode} regionName={region.name} />
    </SavedItemsProvider>
  )
}
