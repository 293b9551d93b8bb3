import { addToCartRate } from "../../modules/lookbook/analytics"
import { byPosition } from "../utils/by-position"
import { VariantProductCard } from "../../types/http/product-card"
import {
  AdminLookbook,
  AdminLookbookHotspot,
  AdminLookbookLook,
  AdminLookbookSummary,
  StoreLookbook,
  StoreLookbookHotspot,
  StoreLookbookSummary,
} from "../../types/http/lookbook"
import { AdminHotspotVariant, HotspotRow, LookbookRow, LookRow } from "./queries"
import type { ProductChoices } from "../../catalog/product-choices"

/** Lookbook answers of the Store and Admin APIs, built from query rows (src/api/lookbooks/queries.ts). */

const present = <T>(rows: (T | null)[] | null | undefined): T[] => (rows ?? []).filter((r): r is T => !!r)
const inOrder = <T extends { position?: number | null }>(rows: (T | null)[] | null | undefined): T[] => present(rows).sort(byPosition)

function lookbookBase(row: LookbookRow) {
  return {
    id: row.id,
    title: row.title,
    handle: row.handle,
    description: row.description ?? null,
    cover_image_url: row.cover_image_url ?? null,
    season: row.season ?? null,
  }
}

const lookBase = (look: LookRow) => ({
  id: look.id,
  image_url: look.image_url,
  width: look.width,
  height: look.height,
  notes: look.notes ?? null,
  position: look.position,
})

const hotspotBase = (h: HotspotRow) => ({ id: h.id, x: h.x, y: h.y, product_id: h.product_id, variant_id: h.variant_id })

/** A lookbook in a list: its own fields (as queried) and how many looks it has. */
export function serializeLookbookSummary<T extends StoreLookbookSummary | AdminLookbookSummary>(row: LookbookRow): T {
  const { looks, ...lookbook } = row
  return { ...lookbook, look_count: present(looks).length } as unknown as T
}

/**
 * A published lookbook for shoppers: looks and hotspots in position order, each hotspot with the
 * product card of its variant and the product's options and variants to choose a size (and colour)
 * from, each priced by its own card. Hotspots without a card (deleted variant, unpublished product, a
 * product outside the key's sales channels) are left out, as Medusa's product routes leave them out.
 */
export function serializeStoreLookbook(
  row: LookbookRow,
  cards: Map<string, VariantProductCard>,
  choices: Map<string, ProductChoices> = new Map()
): StoreLookbook {
  return {
    ...lookbookBase(row),
    looks: inOrder(row.looks).map((look) => ({
      ...lookBase(look),
      hotspots: inOrder(look.hotspots).flatMap((h): StoreLookbookHotspot[] => {
        const variant = cards.get(h.variant_id)
        if (!variant) return []
        const { card } = variant
        const choice = choices.get(card.id)
        const variants = (choice?.variant_ids ?? [variant.id]).flatMap((id) => {
          const c = cards.get(id)
          return c
            ? [
                {
                  id,
                  title: c.title,
                  options: choice?.variant_options.get(id) ?? {},
                  calculated_price: c.card.calculated_price,
                  in_stock: c.card.in_stock,
                },
              ]
            : []
        })
        return [
          {
            ...hotspotBase(h),
            product: {
              id: card.id,
              title: card.title,
              handle: card.handle,
              thumbnail: card.thumbnail,
              options: choice?.options ?? [],
              size_option: choice?.size_option ?? null,
              variants,
            },
            variant: { id: variant.id, title: variant.title, sku: variant.sku, calculated_price: card.calculated_price, in_stock: card.in_stock },
          },
        ]
      }),
    })),
  }
}

/**
 * A lookbook as merchants see it (drafts too): looks in order with their counters and add-to-cart
 * rate, hotspots with the product and variant they sell (null when deleted from the catalog).
 */
export function serializeAdminLookbook(row: LookbookRow, variants: Map<string, AdminHotspotVariant>): AdminLookbook {
  return {
    ...lookbookBase(row),
    position: row.position,
    status: row.status ?? "draft",
    published_at: row.published_at ?? null,
    created_at: row.created_at!,
    updated_at: row.updated_at!,
    looks: inOrder(row.looks).map((look): AdminLookbookLook => ({
      ...lookBase(look),
      views: look.view_count ?? 0,
      add_to_cart_count: look.add_to_cart_count ?? 0,
      rate: addToCartRate(look.view_count ?? 0, look.add_to_cart_count ?? 0),
      hotspots: inOrder(look.hotspots).map((h): AdminLookbookHotspot => {
        const v = variants.get(h.variant_id)
        return { ...hotspotBase(h), product: v ? v.product : null, variant: v ? { id: v.id, title: v.title, sku: v.sku } : null }
      }),
    })),
  }
}

/** Every hotspot variant of a lookbook row (for hydrating them in one query). */
export const hotspotVariantIds = (row: LookbookRow): string[] => present(row.looks).flatMap((look) => present(look.hotspots).map((h) => h.variant_id))

/** Every hotspot product of a lookbook row. */
export const hotspotProductIds = (row: LookbookRow): string[] => present(row.looks).flatMap((look) => present(look.hotspots).map((h) => h.product_id))
