import { NextRequest, NextResponse } from "next/server"
import { completeGoogleSignIn } from "@lib/data/customer"
import { shopCountry } from "@lib/data/regions"

/** Google redirects here (the backend's Google callbackUrl) with ?code=&state=. */
export async function GET(request: NextRequest, { params }: { params: Promise<{ countryCode: string }> }) {
  const countryCode = await shopCountry((await params).countryCode)
  const query = Object.fromEntries(request.nextUrl.searchParams.entries())
  const error = await completeGoogleSignIn(query)
  const target = new URL(`/${countryCode}/account`, request.url)
  if (error) target.searchParams.set("error", error)
  return NextResponse.redirect(target)
}
