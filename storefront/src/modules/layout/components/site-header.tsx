import Link from "next/link"
import { retrieveCart } from "@lib/data/cart"
import { isSignedIn } from "@lib/data/cookies"
import PhotoSearchButton from "@modules/visual-search/components/photo-search-button"
import HeaderMenu from "./header-menu"
import SearchBox from "./search-box"
import SavedLink from "@modules/wishlist/components/saved-link"

/** Header with the shop's main areas; every link keeps the shopper's country. */
export default async function SiteHeader({ countryCode }: { countryCode: string }) {
  const [cart, signedIn] = await Promise.all([retrieveCart().catch(() => null), isSignedIn()])
  const itemCount = cart?.items?.reduce((n, item) => n + item.quantity, 0) ?? 0
  const base = `/${countryCode}`
  return (
    <header className="site-header">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <div className="container site-header__bar">
        <Link href={base} className="site-header__logo">
          Curator
        </Link>
        <HeaderMenu>
          <nav aria-label="Main" className="site-nav">
            <Link href={`${base}/store`}>Shop</Link>
            <Link href={`${base}/for-you`} data-testid="nav-for-you">
              For you
            </Link>
            <Link href={`${base}/lookbooks`}>Lookbooks</Link>
            <Link href={`${base}/feed`}>Feed</Link>
            <Link href={`${base}/wardrobe`}>Wardrobe</Link>
          </nav>
          <form role="search" action={`${base}/search`} className="site-header__search">
            <label htmlFor="site-search" className="visually-hidden">
              Search products
            </label>
            <SearchBox countryCode={countryCode} />
            <PhotoSearchButton countryCode={countryCode} />
          </form>
        </HeaderMenu>
        <div className="site-header__actions">
          <Link href={`${base}/account`} data-testid="nav-account">
            {signedIn ? "Account" : "Sign in"}
          </Link>
          <SavedLink href={`${base}/saved`} />
          <Link href={`${base}/cart`} data-testid="nav-cart" aria-label={`Cart, ${itemCount} ${itemCount === 1 ? "item" : "items"}`}>
            Cart ({itemCount})
          </Link>
        </div>
      </div>
    </header>
  )
}
