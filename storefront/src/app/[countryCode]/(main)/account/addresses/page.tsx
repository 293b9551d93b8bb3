import type { Metadata } from "next"
import { deleteCustomerAddress, retrieveCustomer, setDefaultShippingAddress } from "@lib/data/customer"
import { listRegions } from "@lib/data/regions"
import { provincesOf } from "@lib/util/provinces"
import AccountNav from "@modules/account/components/account-nav"
import AddressForm from "@modules/account/components/address-form"
import SignInPrompt from "@modules/account/components/require-customer"

export const metadata: Metadata = { title: "Addresses" }

/** "Brooklyn, New York 11249": the town with the state's name where the country has states. */
function townLine(a: { city?: string | null; postal_code?: string | null; province?: string | null; country_code?: string | null }) {
  const state = a.province ? (provincesOf(a.country_code ?? "")?.choices.find((p) => p.code === a.province?.toUpperCase())?.name ?? a.province) : ""
  return state ? `${a.city}, ${state} ${a.postal_code}` : `${a.postal_code} ${a.city}`
}

export default async function AddressesPage({ params }: { params: Promise<{ countryCode: string }> }) {
  const { countryCode } = await params
  const customer = await retrieveCustomer()
  if (!customer) return <SignInPrompt countryCode={countryCode} what="addresses" returnTo={`/${countryCode}/account/addresses`} />
  const countries = (await listRegions())
    .flatMap((r) => r.countries ?? [])
    .map((c) => ({ iso_2: c.iso_2!, name: c.display_name ?? c.name ?? c.iso_2! }))
    .sort((a, b) => a.name.localeCompare(b.name))
  // The default shipping address first, then the others as they were added.
  const addresses = [...(customer.addresses ?? [])].sort((a, b) => Number(b.is_default_shipping) - Number(a.is_default_shipping))
  return (
    <div className="container page">
      <h1>Addresses</h1>
      <AccountNav countryCode={countryCode} current="/addresses" />
      {addresses.length ? (
        <ul className="address-list" data-testid="address-list">
          {addresses.map((a) => (
            <li key={a.id} className="card" data-testid="address-card" data-default-shipping={a.is_default_shipping ? "true" : undefined}>
              {a.is_default_shipping ? (
                <p className="muted" data-testid="default-shipping-badge" style={{ marginTop: 0, fontWeight: 600 }}>
                  Default shipping address
                </p>
              ) : null}
              <p style={{ marginTop: 0 }}>
                {a.first_name} {a.last_name}
                <br />
                {a.address_1}
                {a.address_2 ? `, ${a.address_2}` : ""}
                <br />
                {townLine(a)}, {a.country_code?.toUpperCase()}
              </p>
              <details>
                <summary>
                  Edit<span className="visually-hidden"> the address {a.address_1}</span>
                </summary>
                <AddressForm countries={countries} defaultCountry={countryCode} address={a} />
              </details>
              {a.is_default_shipping ? null : (
                <form action={setDefaultShippingAddress.bind(null, a.id)}>
                  <button type="submit" className="button button--link">
                    Make default<span className="visually-hidden"> the address {a.address_1}</span>
                  </button>
                </form>
              )}
              <form action={deleteCustomerAddress.bind(null, a.id)}>
                <button type="submit" className="button button--link">
                  Delete<span className="visually-hidden"> the address {a.address_1}</span>
                </button>
              </form>
            </li>
          ))}
        </ul>
      ) : (
        <p className="empty-state">No saved addresses yet. Add one below and checkout fills it in for you.</p>
      )}
      <div className="card" style={{ marginTop: "2rem", maxWidth: "40rem" }}>
        <AddressForm countries={countries} defaultCountry={countryCode} />
      </div>
    </div>
  )
}
