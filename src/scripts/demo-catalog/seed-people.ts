import { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { createCustomerAccountWorkflow, createUserAccountWorkflow } from "@medusajs/medusa/core-flows"

/** Demo-only credentials: override with CURATOR_ADMIN_EMAIL / CURATOR_ADMIN_PASSWORD, never use them in production. */
export const demoAdmin = () => ({
  email: process.env.CURATOR_ADMIN_EMAIL || "admin@curator.local",
  password: process.env.CURATOR_ADMIN_PASSWORD || "curator-demo",
})

export const DEMO_CUSTOMER_PASSWORD = "curator-demo"

export const DEMO_CUSTOMERS = [
  {
    first_name: "Ines",
    last_name: "Moreau",
    email: "ines@curator.local",
    address: { address_1: "12 Rue des Martyrs", city: "Paris", postal_code: "75009", country_code: "fr" },
  },
  {
    first_name: "Jonas",
    last_name: "Becker",
    email: "jonas@curator.local",
    address: { address_1: "Torstraße 88", city: "Berlin", postal_code: "10119", country_code: "de" },
  },
  {
    first_name: "Maya",
    last_name: "Thompson",
    email: "maya@curator.local",
    address: { address_1: "210 Bedford Ave", city: "Brooklyn", province: "NY", postal_code: "11249", country_code: "us" },
  },
  {
    first_name: "Oliver",
    last_name: "Hughes",
    email: "oliver@curator.local",
    address: { address_1: "14 Redchurch St", city: "London", postal_code: "E2 7DJ", country_code: "gb" },
  },
  {
    first_name: "Sofia",
    last_name: "Rossi",
    email: "sofia@curator.local",
    address: { address_1: "Via Tortona 31", city: "Milano", postal_code: "20144", country_code: "it" },
  },
]

async function registerEmailPass(container: MedusaContainer, email: string, password: string) {
  const auth = container.resolve(Modules.AUTH)
  const { success, authIdentity, error } = await auth.register("emailpass", { body: { email, password } } as any)
  if (!success || !authIdentity) throw new Error(`Could not register ${email}: ${error}`)
  return authIdentity.id
}

export async function seedPeople(container: MedusaContainer) {
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const userService = container.resolve(Modules.USER)
  const customerService = container.resolve(Modules.CUSTOMER)

  const admin = demoAdmin()
  const [existingAdmin] = await userService.listUsers({ email: admin.email })
  if (!existingAdmin) {
    const authIdentityId = await registerEmailPass(container, admin.email, admin.password)
    await createUserAccountWorkflow(container).run({
      input: { authIdentityId, userData: { email: admin.email, first_name: "Curator", last_name: "Admin" } },
    })
    logger.info(`Admin user ${admin.email} created.`)
  }

  for (const spec of DEMO_CUSTOMERS) {
    const [existing] = await customerService.listCustomers({ email: spec.email, has_account: true })
    if (existing) continue
    const authIdentityId = await registerEmailPass(container, spec.email, DEMO_CUSTOMER_PASSWORD)
    const { result: customer } = await createCustomerAccountWorkflow(container).run({
      input: {
        authIdentityId,
        customerData: { email: spec.email, first_name: spec.first_name, last_name: spec.last_name },
      },
    })
    await customerService.createCustomerAddresses({
      customer_id: customer.id,
      first_name: spec.first_name,
      last_name: spec.last_name,
      ...spec.address,
      is_default_shipping: true,
      is_default_billing: true,
    })
  }
  return admin
}
