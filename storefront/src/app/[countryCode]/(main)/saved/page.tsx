import type { Metadata } from "next"
import Link from "next/link"
import { isSignedIn } from "@lib/data/cookies"
import { getRegion } from "@lib/data/regions"
import { listSavedProducts, removeSavedProduct } from "@lib/data/wishlist"
import ProductCard from "@modules/products/components/product-card"
import SubmitButton from "@modules/common/components/submit-button"

export const metadata: Metadata = { title: "Saved items" }

/** The shopper's saved products, priced for their region, each with a link and a way to remove it. */
export default async function SavedItemsPage({ params }: { params: Promise<{ countryCode: string }> }) {
  const { countryCode } = await params
  const [products, region, signedIn] = await Promise.all([listSavedProducts(countryCode), getRegion(countryCode), isSignedIn()])
  return (
    <div className="container page">
      <h1>Saved items</h1>
      {signedIn ? null : (
        <p className="muted" data-testid="saved-sign-in-hint">
          Saved on this device. <Link href={`/${countryCode}/account`}>Sign in</Link> to keep them in your account.
        </p>
      )}
      {products.length ? (
        <ul className="product-grid" data-testid="saved-items">
          {products.map((product) => (
            <li key={product.id} data-testid="saved-item" data-product-id={product.id}>
              <ProductCard product={product} countryCode={countryCode} currency={region?.currency_code ?? ""} />
              <form action={removeSavedProduct} className="saved-item__remove">
                <input type="hidden" name="product_id" value={product.id} />
                <SubmitButton className="button button--link" pendingText="Removing…" testId="remove-saved">
                  Remove<span className="visually-hidden"> {product.title} from saved items</span>
                </SubmitButton>
              </form>
            </li>
          ))}
        </ul>
      ) : (
        <div className="empty-state" data-testid="saved-empty">
          <h2>Nothing saved yet</h2>
          <p>Press the heart on a product to keep it here for later.</p>
          <Link href={`/${countryCode}/store`} className="button">
            Start shopping
          </Link>
        </div>
      )}
    </div>
  )
}
