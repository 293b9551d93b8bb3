import { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MedusaError, ProductStatus } from "@medusajs/framework/utils"
import type { LikedLook } from "../modules/recommendation/looks"
import type { CatalogItem, Slot } from "../recommendation"

/**
 * The style quiz's "Looks you like": which of our own products it shows (chosen to span categories,
 * colours, patterns, brands and occasions, the same for every shopper of a region), and reading the
 * picked ones back as the profile derivation needs them (src/modules/recommendation/looks.ts).
 */

/** Slots that make a look on their own; accessories are left out of the quiz. */
const LOOK_SLOTS: readonly Slot[] = ["top", "bottom", "dress", "outerwear", "shoes", "bag"]

/**
 * Picks `count` items that differ as much as they can, greedily: each next item is the one adding
 * most that the picks so far lack (a slot above all, then colours, pattern, brand, occasions,
 * styles), ties going to the earlier item in (title, id) order, so one catalog always gives one
 * answer. Only items sold in the region with a variant in stock are shown.
 */
export function pickQuizLooks(items: CatalogItem[], count: number): CatalogItem[] {
  const candidates = items
    .filter((i) => i.sold_in_region && LOOK_SLOTS.includes(i.slot) && i.variants.some((v) => v.in_stock))
    .sort((a, b) => a.title.localeCompare(b.title) || (a.product_id < b.product_id ? -1 : a.product_id > b.product_id ? 1 : 0))
  const seen = {
    slot: new Map<string, number>(),
    colour: new Set<string>(),
    pattern: new Set<string>(),
    brand: new Set<string>(),
    word: new Set<string>(),
  }
  const lower = (v: string | null | undefined) => (v ?? "").toLowerCase()
  const novelty = (i: CatalogItem) =>
    // A slot already shown costs more each time it comes back, so the looks spread over the wardrobe.
    -4 * (seen.slot.get(i.slot) ?? 0) +
    2 * i.colours.filter((c) => !seen.colour.has(lower(c.name))).length +
    (i.pattern && !seen.pattern.has(lower(i.pattern)) ? 1 : 0) +
    (i.brand && !seen.brand.has(lower(i.brand)) ? 1 : 0) +
    [...i.occasions, ...(i.styles ?? [])].filter((w) => !seen.word.has(lower(w))).length * 0.5
  const picked: CatalogItem[] = []
  const left = [...candidates]
  while (picked.length < count && left.length) {
    let best = 0
    for (let k = 1; k < left.length; k++) if (novelty(left[k]) > novelty(left[best])) best = k
    const [item] = left.splice(best, 1)
    picked.push(item)
    seen.slot.set(item.slot, (seen.slot.get(item.slot) ?? 0) + 1)
    for (const c of item.colours) seen.colour.add(lower(c.name))
    if (item.pattern) seen.pattern.add(lower(item.pattern))
    if (item.brand) seen.brand.add(lower(item.brand))
    for (const w of [...item.occasions, ...(item.styles ?? [])]) seen.word.add(lower(w))
  }
  return picked
}

const COLOUR_OPTION = /^colou?rs?$/i

type LookRow = {
  id: string
  subtitle?: string | null
  metadata?: Record<string, unknown> | null
  options?: ({ title?: string | null; values?: ({ value?: string | null } | null)[] | null } | null)[] | null
}

const words = (v: unknown): string[] => (Array.isArray(v) ? v.filter((w): w is string => typeof w === "string" && !!w.trim()) : [])
const text = (v: unknown): string | null => (typeof v === "string" && v.trim() ? v.trim() : null)

/**
 * The picked looks as the derivation reads them, in the order given. Every id must be a published
 * product: otherwise INVALID_DATA naming the first bad one (`liked_product_ids.2: "prod_x" is not
 * a product of this shop`), before anything is saved.
 */
export async function likedLooks(scope: MedusaContainer, productIds: string[]): Promise<LikedLook[]> {
  if (!productIds.length) return []
  const query = scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "product",
    fields: ["id", "subtitle", "metadata", "options.title", "options.values.value"],
    filters: { id: productIds, status: ProductStatus.PUBLISHED },
  })
  const rows = new Map((data as unknown as LookRow[]).map((r) => [r.id, r]))
  return productIds.map((id, i) => {
    const row = rows.get(id)
    if (!row)
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        `liked_product_ids.${i}: ${JSON.stringify(id.slice(0, 100))} is not a product of this shop`
      )
    const colourOption = (row.options ?? []).find((o) => !!o && COLOUR_OPTION.test(o.title ?? ""))
    const metadata = row.metadata ?? {}
    return {
      product_id: id,
      colours: (colourOption?.values ?? []).map((v) => text(v?.value)).filter((v): v is string => !!v),
      styles: words(metadata.styles),
      occasions: words(metadata.occasions),
      brand: text(metadata.brand) ?? text(row.subtitle),
    }
  })
}
