import type { MedusaContainer } from "@medusajs/framework/types"
import { seedCatalog } from "../../src/scripts/demo-catalog/seed-catalog"
import { DEMO_CUSTOMERS, seedPeople } from "../../src/scripts/demo-catalog/seed-people"
import { seedStore } from "../../src/scripts/demo-catalog/seed-store"

/** The demo shop most specs start from: the store (regions, channels, key), the catalog, then the demo customers and admin. */
export async function seedDemoShop(container: MedusaContainer, options: { productsPerCategory: number }) {
  const store = await seedStore(container)
  const catalog = await seedCatalog(container, store, options)
  await seedPeople(container)
  return { store, catalog }
}

/** A demo customer's name and address as a cart's shipping or billing address (customer 0: Paris, so the Europe region). */
export function demoCustomerAddress(index: number) {
  const { first_name, last_name, address } = DEMO_CUSTOMERS[index]
  return { first_name, last_name, ...address }
}
