import type { Metadata } from "next"
import Link from "next/link"
import { redirect } from "next/navigation"
import { googleSignInConfigured, retrieveCustomer } from "@lib/data/customer"
import { getStyleProfile } from "@lib/data/recommendations"
import { GOOGLE_UNAVAILABLE } from "@lib/util/errors"
import { safeReturnTo } from "@lib/util/return-to"
import AccountNav from "@modules/account/components/account-nav"
import GoogleSignIn from "@modules/account/components/google-sign-in"
import LoginForm from "@modules/account/components/login-form"
import PasswordForm from "@modules/account/components/password-form"
import ProfileForm from "@modules/account/components/profile-form"
import RegisterForm from "@modules/account/components/register-form"
import StyleProfileSummary from "@modules/account/components/style-profile-summary"

export const metadata: Metadata = { title: "Account" }

export default async function AccountPage({
  params,
  searchParams,
}: {
  params: Promise<{ countryCode: string }>
  searchParams: Promise<{ error?: string; return_to?: string }>
}) {
  const { countryCode } = await params
  const { error, return_to } = await searchParams
  // The page that sent the shopper here to sign in; only paths on this site are kept.
  const returnTo = safeReturnTo(return_to)
  const customer = await retrieveCustomer()

  if (!customer) {
    const google = await googleSignInConfigured()
    return (
      <div className="container page">
        <h1>Your account</h1>
        {returnTo ? <p className="muted">Sign in or create an account to continue.</p> : null}
        {error ? (
          <p role="alert" className="form-error">
            {error === GOOGLE_UNAVAILABLE ? "Google sign-in is not available right now. Sign in with your email instead." : error}
          </p>
        ) : null}
        <div className="auth-grid">
          <div className="card">
            <LoginForm countryCode={countryCode} returnTo={returnTo} />
            {google ? (
              <div style={{ marginTop: "1.5rem" }}>
                <p className="muted">Or</p>
                <GoogleSignIn countryCode={countryCode} />
              </div>
            ) : null}
          </div>
          <div className="card">
            <RegisterForm countryCode={countryCode} returnTo={returnTo} />
          </div>
        </div>
      </div>
    )
  }
  // Already signed in (another tab, or the back button): straight on to where they were going.
  if (returnTo) redirect(returnTo)

  const styleProfile = await getStyleProfile()
  const defaultAddress = customer.addresses?.find((a) => a.is_default_shipping) ?? customer.addresses?.[0]
  return (
    <div className="container page">
      <h1 data-testid="account-greeting">Hello, {customer.first_name || customer.email}</h1>
      <AccountNav countryCode={countryCode} current="" />
      <div className="address-list">
        <section className="card" aria-labelledby="profile-heading">
          <h2 id="profile-heading">Profile</h2>
          <p>
            <span data-testid="account-name">
              {customer.first_name} {customer.last_name}
            </span>
            <br />
            <span data-testid="account-email">{customer.email}</span>
            {customer.phone ? (
              <>
                <br />
                <span data-testid="account-phone">{customer.phone}</span>
              </>
            ) : null}
          </p>
        </section>
        <section className="card" aria-labelledby="address-heading">
          <h2 id="address-heading">Addresses</h2>
          {defaultAddress ? (
            <p>
              {defaultAddress.address_1}, {defaultAddress.postal_code} {defaultAddress.city}
            </p>
          ) : (
            <p className="muted">No saved addresses yet.</p>
          )}
          <Link href={`/${countryCode}/account/addresses`}>Manage addresses</Link>
        </section>
        <section className="card" aria-labelledby="orders-heading">
          <h2 id="orders-heading">Orders</h2>
          <Link href={`/${countryCode}/account/orders`}>See your orders</Link>
        </section>
        <section className="card" aria-labelledby="style-profile-heading" data-testid="account-style-profile">
          <h2 id="style-profile-heading">Style profile</h2>
          <StyleProfileSummary countryCode={countryCode} profile={styleProfile} />
        </section>
      </div>
      <div className="auth-grid" style={{ marginTop: "2rem" }}>
        <section className="card">
          <ProfileForm customer={customer} />
        </section>
        <section className="card">
          <PasswordForm />
        </section>
      </div>
    </div>
  )
}
