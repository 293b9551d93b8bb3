import { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import type { ProductChoiceOption } from "../types/http/lookbook"
import { PRODUCT_CARD_CACHE } from "./catalog-cache"

/** The option a shopper must always choose when it has more than one value ("Size", "size"). */
export const SIZE_OPTION = /^sizes?$/i

/** What a shopper chooses between for one product: its options and which values each variant has. */
export type ProductChoices = {
  product_id: string
  title: string
  /** Options in the product's order, values in the order of its variants (XS before S before M). */
  options: ProductChoiceOption[]
  /** The option that must be chosen (a size with more than one value); null for one-size products. */
  size_option: string | null
  /** Variant ids in the product's order. */
  variant_ids: string[]
  /** Each variant's value per option title ({ Colour: "Black", Size: "M" }). */
  variant_options: Map<string, Record<string, string>>
}

type ChoiceRow = {
  id: string
  title: string
  options?: ({ id: string; title: string } | null)[] | null
  variants?: ({ id: string; variant_rank?: number | null; options?: ({ value: string; option_id?: string | null } | null)[] | null } | null)[] | null
}

/** Reads a row of query.graph into choices: values in variant order, so sizes keep the merchant's order. */
export function choicesOf(row: ChoiceRow): ProductChoices {
  const variants = (row.variants ?? [])
    .filter((v): v is NonNullable<typeof v> => !!v)
    .map((v, i) => ({ v, i }))
    .sort((a, b) => (a.v.variant_rank ?? 0) - (b.v.variant_rank ?? 0) || a.i - b.i)
    .map(({ v }) => v)
  const titleOf = new Map((row.options ?? []).flatMap((o): [string, string][] => (o ? [[o.id, o.title]] : [])))
  const variantOptions = new Map<string, Record<string, string>>()
  const values = new Map<string, string[]>()
  for (const v of variants) {
    const own: Record<string, string> = {}
    for (const o of v.options ?? []) {
      const title = o?.option_id ? titleOf.get(o.option_id) : undefined
      if (!o || !title) continue
      own[title] = o.value
      const seen = values.get(title) ?? []
      if (!seen.includes(o.value)) values.set(title, [...seen, o.value])
    }
    variantOptions.set(v.id, own)
  }
  const options = (row.options ?? [])
    .filter((o): o is NonNullable<typeof o> => !!o && values.has(o.title))
    .map((o) => ({ title: o.title, values: values.get(o.title)! }))
  const size = options.find((o) => SIZE_OPTION.test(o.title) && o.values.length > 1)
  return {
    product_id: row.id,
    title: row.title,
    options,
    size_option: size?.title ?? null,
    variant_ids: variants.map((v) => v.id),
    variant_options: variantOptions,
  }
}

/** The choices of each product (deleted ones are absent), by product id. */
export async function productChoices(scope: MedusaContainer, productIds: string[]): Promise<Map<string, ProductChoices>> {
  const ids = [...new Set(productIds.filter(Boolean))]
  if (!ids.length) return new Map()
  const { data } = await scope.resolve(ContainerRegistrationKeys.QUERY).graph(
    {
      entity: "product",
      fields: [
        "id",
        "title",
        "options.id",
        "options.title",
        "variants.id",
        "variants.variant_rank",
        "variants.options.value",
        "variants.options.option_id",
      ],
      filters: { id: ids },
    },
    PRODUCT_CARD_CACHE
  )
  return new Map((data as unknown as ChoiceRow[]).map((row) => [row.id, choicesOf(row)]))
}
