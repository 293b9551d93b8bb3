import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"

/**
 * The lookbooks (drafts too) that feature a product on any hotspot, for the product page's
 * widget: each with the number of its looks that show the product.
 */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data: hotspots } = await query.graph({
    entity: "lookbook_hotspot",
    fields: [
      "id",
      "look.id",
      "look.lookbook.id",
      "look.lookbook.title",
      "look.lookbook.handle",
      "look.lookbook.status",
      "look.lookbook.season",
      "look.lookbook.cover_image_url",
      "look.lookbook.position",
    ],
    filters: { product_id: req.params.id },
  })
  const byLookbook = new Map<string, { lookbook: any; lookIds: Set<string> }>()
  for (const hotspot of hotspots as any[]) {
    const lookbook = hotspot.look?.lookbook
    if (!lookbook) continue // a deleted look or lookbook
    const entry = byLookbook.get(lookbook.id) ?? { lookbook, lookIds: new Set<string>() }
    entry.lookIds.add(hotspot.look.id)
    byLookbook.set(lookbook.id, entry)
  }
  const lookbooks = [...byLookbook.values()]
    .map(({ lookbook, lookIds }) => ({ ...lookbook, featured_look_count: lookIds.size }))
    .sort((a, b) => a.position - b.position || a.title.localeCompare(b.title))
  res.json({ lookbooks })
}
