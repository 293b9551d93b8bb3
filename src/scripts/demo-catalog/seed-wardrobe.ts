import { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { WARDROBE_MODULE } from "../../modules/wardrobe"
import WardrobeModuleService from "../../modules/wardrobe/service"
import { createOutfitWorkflow, createWardrobeItemWorkflow, logWardrobeWearWorkflow } from "../../workflows/wardrobe"
import { createRandom, DemoProduct } from "./generate-catalog"
import { DEMO_CUSTOMERS } from "./seed-people"

/** Things the demo customers own that the shop never sold. */
const OWN_PIECES = [
  { name: "Vintage denim jacket", category: "outerwear", colours: ["Indigo"], brand: "Levi's", material: "denim", season: "all-season" as const },
  { name: "Grandmother's silk scarf", category: "accessories", colours: ["Burgundy", "Gold"], material: "silk", season: "all-season" as const },
  { name: "Running trainers", category: "shoes", colours: ["White", "Grey"], brand: "Asics", season: "all-season" as const },
  { name: "Linen beach shirt", category: "shirts", colours: ["Sky Blue"], material: "linen", season: "spring-summer" as const },
  { name: "Charity-shop wool coat", category: "outerwear", colours: ["Charcoal"], material: "wool", season: "autumn-winter" as const },
]

const OUTFIT_OCCASIONS = ["work", "weekend", "evening"]
const DAY_MS = 24 * 60 * 60 * 1000
const day = (offset: number) => new Date(Date.now() - offset * DAY_MS).toISOString().slice(0, 10)

/**
 * Gives every demo customer a wardrobe: pieces bought from the demo catalog (linked to their
 * variant, with its photo) and pieces from elsewhere, two outfits (one with a catalog product
 * to buy) and a few months of wears, so that the stats have something to say. Customers who
 * already have any seeded piece are left alone: running the seed again adds nothing.
 */
export async function seedWardrobe(container: MedusaContainer, catalog: DemoProduct[]) {
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const wardrobe = container.resolve<WardrobeModuleService>(WARDROBE_MODULE)
  const customers = await container.resolve(Modules.CUSTOMER).listCustomers({ email: DEMO_CUSTOMERS.map((c) => c.email), has_account: true })

  const skus = catalog.flatMap((p) => p.variants.map((v) => v.sku))
  const { data: variants } = await query.graph({
    entity: "product_variant",
    fields: ["id", "sku", "product_id", "thumbnail", "product.thumbnail"],
    filters: { sku: skus },
  })
  const variantBySku = new Map(variants.map((v) => [v.sku!, v]))

  let seeded = 0
  for (const [index, spec] of DEMO_CUSTOMERS.entries()) {
    const customer = customers.find((c) => c.email === spec.email)
    if (!customer) continue
    const seededNames = OWN_PIECES.map((p) => p.name)
    const [, existing] = await wardrobe.listAndCountWardrobeItems(
      { customer_id: customer.id, name: seededNames },
      { select: ["id"], take: 1, withDeleted: true }
    )
    if (existing > 0) continue

    const random = createRandom(20261122 + index)
    const input = { customer_id: customer.id }
    const itemIds: string[] = []

    // Pieces from the shop, bought some months ago (linked to the variant they were bought as).
    for (const product of random.sample(catalog, 6)) {
      // The photo is the product's thumbnail (its first colour): own that colour, so the item's colour names its photo.
      const demoVariant = random.pick(product.variants.filter((v) => v.colour.name === product.colours[0].name))
      const variant = variantBySku.get(demoVariant.sku)
      if (!variant) continue
      const { result } = await createWardrobeItemWorkflow(container).run({
        input: {
          ...input,
          item: {
            name: product.title,
            category: product.category.handle,
            colours: [demoVariant.colour.name],
            brand: product.brand,
            size: demoVariant.size,
            price_paid: demoVariant.prices.eur,
            currency_code: "eur",
            material: product.material,
            season: product.season,
            acquired_on: day(random.int(100, 400)),
            product_id: variant.product_id,
            variant_id: variant.id,
          },
        },
      })
      // The catalog's own image stands in for the customer's photo (the variant's: its colour's); no file of theirs to own.
      const photo = variant.thumbnail ?? variant.product?.thumbnail
      if (photo) await wardrobe.updateWardrobeItems({ id: result.id, photo_url: photo })
      itemIds.push(result.id)
    }
    for (const piece of random.sample(OWN_PIECES, OWN_PIECES.length)) {
      const { result } = await createWardrobeItemWorkflow(container).run({
        input: { ...input, item: { ...piece, acquired_on: day(random.int(120, 900)), notes: "From before Curator" } },
      })
      itemIds.push(result.id)
    }

    const suggestion = variantBySku.get(random.pick(random.pick(catalog).variants).sku)
    const outfits: { id: string }[] = []
    for (const [n, occasion] of random.sample(OUTFIT_OCCASIONS, 2).entries()) {
      const { result } = await createOutfitWorkflow(container).run({
        input: {
          ...input,
          outfit: {
            name: `${spec.first_name}'s ${occasion} look`,
            occasion,
            season: "all-season",
            item_ids: random.sample(itemIds.slice(0, -2), 3),
            products: n === 0 && suggestion ? [{ variant_id: suggestion.id }] : [],
          },
        },
      })
      outfits.push(result)
    }

    // About three months of wears; two pieces stay in the cupboard (the stats' "not worn in 90 days").
    const worn = itemIds.slice(0, itemIds.length - 2)
    for (let offset = 1; offset <= 90; offset += random.int(2, 5)) {
      const wear = random.chance(0.3) ? { outfit_id: random.pick(outfits).id } : { item_id: random.pick(worn) }
      await logWardrobeWearWorkflow(container).run({ input: { ...input, ...wear, worn_on: day(offset) } as any })
    }
    seeded++
  }
  if (seeded) logger.info(`Wardrobe: seeded ${seeded} demo customers' wardrobes.`)
}
