import Link from "next/link"
import { notFound } from "next/navigation"
import { getRegion } from "@lib/data/regions"

/** Checkout has a quiet header: the only ways out are back to the cart or the home page. */
export default async function CheckoutLayout({ children, params }: { children: React.ReactNode; params: Promise<{ countryCode: string }> }) {
  const { countryCode } = await params
  if (!(await getRegion(countryCode))) notFound()
  return (
    <>
      <header className="site-header">
        <div className="container site-header__bar">
          <Link href={`/${countryCode}`} className="site-header__logo">
            Curator
          </Link>
          <div className="site-header__actions" style={{ marginLeft: "auto" }}>
            <Link href={`/${countryCode}/cart`}>← Back to cart</Link>
          </div>
        </div>
      </header>
      <main id="main">{children}</main>
    </>
  )
}
