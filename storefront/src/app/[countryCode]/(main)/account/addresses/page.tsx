import type { Metadata } from "next"
import { deleteCustomerAddress, retrieveCustomer } from "@lib/data/customer"
import { listRegions } from "@lib/data/regions"
import AccountNav from "@modules/account/components/account-nav"
import AddressForm from "@modules/account/components/address-form"
import SignInPrompt from "@modules/account/components/require-customer"

export const metadata: Metadata = { title: "Addresses" }

export default async function AddressesPage({ params }: { params: Promise<{ countryCode: string }> }) {
  const { countryCode } = await params
  const customer = await retrieveCustomer()
  if (!customer) return <SignInPrompt countryCode={countryCode} what="addresses" />
  const countries = (await listRegions())
    .flatMap((r) => r.countries ?? [])
    .map((c) => ({ iso_2: c.iso_2!, name: c.display_name ?? c.name ?? c.iso_2! }))
    .sort((a, b) => a.name.localeCompare(b.name))
  const addresses = customer.addresses ?? []
  return (
    <div className="container page">
      <h1>Addresses</h1>
      <AccountNav countryCode={countryCode} current="/addresses" />
      {addresses.length ? (
        <ul className="address-list" data-testid="address-list">
          {addresses.map((a) => (
            <li key={a.id} className="card">
              <p style={{ marginTop: 0 }}>
                {a.first_name} {a.last_name}
                <br />
                {a.address_1}
                {a.address_2 ? `, ${a.address_2}` : ""}
                <br />
                {a.postal_code} {a.city}, {a.country_code?.toUpperCase()}
              </p>
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
