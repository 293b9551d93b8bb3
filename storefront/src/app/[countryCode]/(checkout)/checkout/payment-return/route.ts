import { NextRequest, NextResponse } from "next/server"
import { placeOrder } from "@lib/data/cart"
import { shopCountry } from "@lib/data/regions"

/**
 * Stripe's return_url: payment methods that leave the page (bank redirects, some wallets) send
 * the shopper back here with ?redirect_status=. A confirmed payment places the order as the
 * review step does (placeOrder redirects to the confirmation); otherwise back to the payment step.
 */
export async function GET(request: NextRequest, { params }: { params: Promise<{ countryCode: string }> }) {
  const countryCode = await shopCountry((await params).countryCode)
  const status = request.nextUrl.searchParams.get("redirect_status")
  const problem =
    status === "succeeded" || status === "processing"
      ? (await placeOrder(countryCode))?.error
      : "The payment was not completed. Choose a payment method and try again."
  const back = new URL(`/${countryCode}/checkout`, request.url)
  back.searchParams.set("step", "payment")
  back.searchParams.set("payment_error", problem ?? "The order could not be placed. Try again.")
  return NextResponse.redirect(back)
}
