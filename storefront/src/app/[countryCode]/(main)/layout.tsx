import { notFound } from "next/navigation"
import { getRegion } from "@lib/data/regions"
import SiteHeader from "@modules/layout/components/site-header"
import SiteFooter from "@modules/layout/components/site-footer"

export default async function MainLayout({ children, params }: { children: React.ReactNode; params: Promise<{ countryCode: string }> }) {
  const { countryCode } = await params
  const region = await getRegion(countryCode)
  if (!region) notFound()
  return (
    <>
      <SiteHeader countryCode={countryCode} />
      <main id="main">{children}</main>
      <SiteFooter countryCode={countryCode} regionName={region.name} />
    </>
  )
}
