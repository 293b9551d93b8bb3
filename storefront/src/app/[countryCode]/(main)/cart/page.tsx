import type { Metadata } from "next"
import Link from "next/link"
import { retrieveCartInCountry } from "@lib/data/cart"
import CartSummary from "@modules/cart/components/cart-summary"
import LineItems from "@modules/cart/components/line-items"

export const metadata: Metadata = { title: "Cart" }

export default async function CartPage({ params }: { params: Promise<{ countryCode: string }> }) {
  const { countryCode } = await params
  const cart = await retrieveCartInCountry(countryCode)
  if (!cart?.items?.length) {
    return (
      <div className="container page">
        <h1>Your cart</h1>
        <div className="empty-state" data-testid="empty-cart">
          <h2>Your cart is empty</h2>
          <p>Find something you love in the shop, then pick your size and add it here.</p>
          <Link href={`/${countryCode}/store`} className="button">
            Start shopping
          </Link>
        </div>
      </div>
    )
  }
  return (
    <div className="container page">
      <h1>Your cart</h1>
      <div className="cart-layout">
        <LineItems items={cart.items} currency={cart.currency_code} countryCode={countryCode} editable />
        <CartSummary cart={cart}>
          <Link href={`/${countryCode}/checkout`} className="button button--full" data-testid="checkout-button">
            Go to checkout
          </Link>
        </CartSummary>
      </div>
    </div>
  )
}
