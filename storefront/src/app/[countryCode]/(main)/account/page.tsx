import type { Metadata } from "next"
import Link from "next/link"
import { googleSignInConfigured, retrieveCustomer } from "@lib/data/customer"
import AccountNav from "@modules/account/components/account-nav"
import GoogleSignIn from "@modules/account/components/google-sign-in"
import LoginForm from "@modules/account/components/login-form"
import RegisterForm from "@modules/account/components/register-form"

export const metadata: Metadata = { title: "Account" }

export default async function AccountPage({
  params,
  searchParams,
}: {
  params: Promise<{ countryCode: string }>
  searchParams: Promise<{ error?: string }>
}) {
  const { countryCode } = await params
  const { error } = await searchParams
  const customer = await retrieveCustomer()

  if (!customer) {
    const google = await googleSignInConfigured()
    return (
      <div className="container page">
        <h1>Your account</h1>
        {error ? (
          <p role="alert" className="form-error">
            {error === "google-unavailable" ? "Google sign-in is not available right now. Sign in with your email instead." : error}
          </p>
        ) : null}
        <div className="auth-grid">
          <div className="card">
            <LoginForm countryCode={countryCode} />
            {google ? (
              <div style={{ marginTop: "1.5rem" }}>
                <p className="muted">Or</p>
                <GoogleSignIn countryCode={countryCode} />
              </div>
            ) : null}
          </div>
          <div className="card">
            <RegisterForm countryCode={countryCode} />
          </div>
        </div>
      </div>
    )
  }

  const defaultAddress = customer.addresses?.[0]
  return (
    <div className="container page">
      <h1 data-testid="account-greeting">Hello, {customer.first_name || customer.email}</h1>
      <AccountNav countryCode={countryCode} current="" />
      <div className="address-list">
        <section className="card" aria-labelledby="profile-heading">
          <h2 id="profile-heading">Profile</h2>
          <p>
            {customer.first_name} {customer.last_name}
            <br />
            <span data-testid="account-email">{customer.email}</span>
            {customer.phone ? (
              <>
                <br />
                {customer.phone}
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
      </div>
    </div>
  )
}
