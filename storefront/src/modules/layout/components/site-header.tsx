import IntentLink from "@modules/common/components/intent-link"
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
        <IntentLink href={base} className="site-header__logo">
          Curator
        </IntentLink>
        <HeaderMenu>
          <nav aria-label="Main" className="site-nav">
            <IntentLink href={`${base}/store`}>Shop</IntentLink>
            <IntentLink href={`${base}/for-you`} data-testid="nav-for-you">
              For you
            </IntentLink>
            <IntentLink href={`${base}/lookbooks`}>Lookbooks</IntentLink>
            <IntentLink href={`${base}/feed`}>Feed</IntentLink>
            <IntentLink href={`${base}/wardrobe`}>Wardrobe</IntentLink>
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
          <IntentLink href={`${base}/account`} data-testid="nav-account">
            {signedIn ? "Account" : "Sign in"}
          </IntentLink>
          <SavedLink href={`${base}/saved`} />
          <IntentLink href={`${base}/cart`} data-testid="nav-cart" aria-label={`Cart, ${itemCount} ${itemCount === 1 ? "item" : "items"}`}>
            Cart ({itemCount})
          </IntentLink>
        </div>
      </div>
    </header>
  )
}
