import { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import type { Interaction } from "../recommendation"

/**
 * Curated baskets: products that people put together on purpose — the pieces of a published lookbook look,
 * the catalog products of a shopper's wardrobe outfit. Each basket joins the collaborative model as one
 * pseudo-shopper whose items co-occur, so "complete the look" and "for you" learn that a merchant styled
 * the wrap dress with the loafers even before shoppers bought them together.
 */
export type CuratedBasket = {
  /** "look:<id>" or "outfit:<id>": never a customer or guest key. */
  key: string
  product_ids: string[]
  at: number
}

/** A look counts like adding the whole look; an outfit like owning its pieces. */
const BASKET_KIND: Record<"look" | "outfit", Interaction["kind"]> = { look: "look", outfit: "wardrobe" }

/** One interaction per distinct product of each basket of two or more (one product co-occurs with nothing). */
export function basketInteractions(baskets: CuratedBasket[]): Interaction[] {
  const out: Interaction[] = []
  for (const basket of baskets) {
    const products = [...new Set(basket.product_ids.filter(Boolean))]
    if (products.length < 2) continue
    const kind = BASKET_KIND[basket.key.startsWith("look:") ? "look" : "outfit"]
    for (const product_id of products) out.push({ customer_id: basket.key, product_id, kind, at: basket.at })
  }
  return out
}

type LookRow = {
  id: string
  created_at: string | Date
  lookbook?: { status?: string | null } | null
  hotspots?: ({ product_id?: string | null } | null)[] | null
}
type OutfitRow = {
  id: string
  created_at: string | Date
  products?: ({ product_id?: string | null } | null)[] | null
  items?: ({ item?: { product_id?: string | null } | null } | null)[] | null
}

/** The published looks' and the wardrobe outfits' products, read with query.graph. */
export async function readCuratedBaskets(scope: MedusaContainer): Promise<CuratedBasket[]> {
  const query = scope.resolve(ContainerRegistrationKeys.QUERY)
  const [{ data: looks }, { data: outfits }] = await Promise.all([
    query.graph({ entity: "lookbook_look", fields: ["id", "created_at", "lookbook.status", "hotspots.product_id"] }),
    query.graph({ entity: "wardrobe_outfit", fields: ["id", "created_at", "products.product_id", "items.item.product_id"] }),
  ])
  const ids = (rows: ({ product_id?: string | null } | null | undefined)[] | null | undefined) =>
    (rows ?? []).map((r) => r?.product_id).filter((id): id is string => !!id)
  return [
    ...(looks as LookRow[])
      .filter((look) => look.lookbook?.status === "published")
      .map((look) => ({ key: `look:${look.id}`, product_ids: ids(look.hotspots), at: new Date(look.created_at).getTime() })),
    ...(outfits as OutfitRow[]).map((outfit) => ({
      key: `outfit:${outfit.id}`,
      product_ids: [...ids(outfit.products), ...ids((outfit.items ?? []).map((i) => i?.item))],
      at: new Date(outfit.created_at).getTime(),
    })),
  ]
}
