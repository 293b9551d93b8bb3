import { RemoteQueryFunction } from "@medusajs/framework/types"
import { ProductStatus } from "@medusajs/framework/utils"

/**
 * The products among these that a shopper must not be shown: not published (drafts, proposed,
 * rejected), or, when sales channels are given (the publishable key's), sold in none of them.
 * Customer content (post tags, wardrobe items, outfits) may only point at products on sale.
 */
export async function productsNotOnSale(
  query: Omit<RemoteQueryFunction, symbol>,
  productIds: string[],
  salesChannelIds: string[] = []
): Promise<Set<string>> {
  const ids = [...new Set(productIds)]
  if (!ids.length) return new Set()
  const { data: products } = await query.graph({ entity: "product", fields: ["id", "status", "sales_channels.id"], filters: { id: ids } })
  const onSale = new Set(
    products
      .filter((p: any) => p.status === ProductStatus.PUBLISHED)
      .filter((p: any) => !salesChannelIds.length || (p.sales_channels ?? []).some((c: any) => c && salesChannelIds.includes(c.id)))
      .map((p: any) => p.id as string)
  )
  return new Set(ids.filter((id) => !onSale.has(id)))
}
