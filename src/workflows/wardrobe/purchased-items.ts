import { isWardrobeSeason, normalizeCategory, normalizeColours } from "../../modules/wardrobe/normalize"
import { toWearDay } from "../../modules/wardrobe/wear-days"
import { colourImageUrl, ColourImageVariant, variantImageUrl } from "../../catalog/colour-image"
import { WardrobeItemData } from "./types"

/** The parts of an order (query.graph) that become wardrobe items. */
export type PurchasedOrder = {
  id: string
  customer_id?: string | null
  currency_code: string
  created_at?: Date | string | null
  customer?: { has_account?: boolean | null } | null
  items?: (PurchasedLineItem | null)[] | null
}

export type PurchasedLineItem = {
  id: string
  title?: string | null
  /** The line's picture when it was bought (Medusa: the variant's thumbnail, else the product's). */
  thumbnail?: string | null
  product_title?: string | null
  product_subtitle?: string | null
  variant_title?: string | null
  variant_id?: string | null
  product_id?: string | null
  unit_price?: number | string | { numeric?: number } | null
  variant_option_values?: Record<string, string> | null
  variant?: ColourImageVariant | null
  product?: {
    thumbnail?: string | null
    variants?: ColourImageVariant[] | null
    material?: string | null
    metadata?: Record<string, unknown> | null
    categories?: { handle?: string | null }[] | null
  } | null
}

const COLOUR_OPTION = /^(colou?r)$/i
const SIZE_OPTION = /^size$/i

function optionValues(item: PurchasedLineItem): Record<string, string> {
  const values: Record<string, string> = { ...(item.variant_option_values ?? {}) }
  for (const o of item.variant?.options ?? []) {
    if (o?.option?.title && o.value) values[o.option.title] = o.value
  }
  return values
}

/**
 * The picture of what was bought: the variant's own picture, else its colour's (colour-image.ts,
 * the same rule as the shop's cards), else the product's thumbnail, then the line's own (kept from
 * the cart, so a product since deleted still has one).
 */
export function purchasedItemPhoto(item: PurchasedLineItem, colour: string | null): string | null {
  const own = variantImageUrl(item.variant)
  if (own) return own
  if (item.product) {
    const url = colourImageUrl(item.product, colour ? [colour] : [])
    if (url) return url
  }
  return text(item.thumbnail)
}

function optionValue(values: Record<string, string>, pattern: RegExp): string | null {
  const key = Object.keys(values).find((k) => pattern.test(k))
  return key ? values[key] : null
}

function numeric(value: PurchasedLineItem["unit_price"]): number | null {
  if (value === null || value === undefined) return null
  if (typeof value === "object") return typeof value.numeric === "number" ? value.numeric : Number(value as unknown)
  const n = Number(value)
  return Number.isFinite(n) ? n : null
}

const text = (value: unknown) => (typeof value === "string" && value.trim() ? value.trim() : null)

/**
 * One wardrobe item per purchased variant of an order (two of the same variant are one item:
 * a wardrobe lists what you own, not how many). Orders of guests (no account) add nothing:
 * the wardrobe belongs to signed-in customers.
 */
export function wardrobeItemsFromOrder(order: PurchasedOrder): WardrobeItemData[] {
  if (!order.customer_id || order.customer?.has_account === false) return []
  const byVariant = new Map<string, WardrobeItemData>()
  for (const item of order.items ?? []) {
    if (!item?.variant_id || byVariant.has(item.variant_id)) continue
    const options = optionValues(item)
    const metadata = item.product?.metadata ?? {}
    const season = text(metadata.season)
    const category = item.product?.categories?.find((c) => c?.handle)?.handle
    const colour = optionValue(options, COLOUR_OPTION)
    byVariant.set(item.variant_id, {
      customer_id: order.customer_id,
      name: text(item.product_title) ?? text(item.title) ?? "Purchased item",
      photo_url: purchasedItemPhoto(item, colour),
      category: category ? normalizeCategory(category) : null,
      colours: normalizeColours(colour ? [colour] : []),
      brand: text(metadata.brand) ?? text(item.product_subtitle),
      size: optionValue(options, SIZE_OPTION),
      price_paid: numeric(item.unit_price),
      currency_code: order.currency_code?.toLowerCase() ?? null,
      material: text(item.product?.material) ?? text(metadata.material),
      season: season && isWardrobeSeason(season) ? season : null,
      acquired_on: order.created_at ? toWearDay(new Date(order.created_at)) : null,
      source: "order",
      product_id: item.product_id ?? null,
      variant_id: item.variant_id,
      order_id: order.id,
      line_item_id: item.id,
    })
  }
  return [...byVariant.values()]
}
