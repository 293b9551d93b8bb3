import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { HotspotInput, HotspotRow } from "../types"
import { lookbookService } from "./lookbook-service"

/**
 * Checks every hotspot's variant against the catalog and fills in its product. A variant that
 * does not exist (or was deleted) is a 400 naming every such id, before anything is uploaded or
 * written; a product_id given with a variant of another product is a 400 too. Reads only.
 */
export const validateHotspotsStep = createStep("validate-lookbook-hotspots", async (hotspots: HotspotInput[] | undefined, { container }) => {
  if (!hotspots?.length) return new StepResponse([] as HotspotRow[])
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const variantIds = [...new Set(hotspots.map((h) => h.variant_id))]
  const { data: variants } = await query.graph({ entity: "product_variant", fields: ["id", "product_id"], filters: { id: variantIds } })
  const productOf = new Map<string, string>(variants.flatMap((v): [string, string][] => (v.product_id ? [[v.id, v.product_id]] : [])))
  const missing = variantIds.filter((id) => !productOf.has(id))
  if (missing.length) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, `Product variant(s) not found: ${missing.join(", ")}`)
  }
  const rows = hotspots.map((h, position) => {
    const productId = productOf.get(h.variant_id)!
    if (h.product_id && h.product_id !== productId) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, `Variant ${h.variant_id} does not belong to product ${h.product_id}`)
    }
    return { x: h.x, y: h.y, variant_id: h.variant_id, product_id: productId, position }
  })
  return new StepResponse(rows)
})

/**
 * Replaces a look's hotspots (one transaction in the lookbook module: the old ones soft-deleted,
 * the new ones created). Compensation deletes the new ones and restores the old.
 */
export const replaceHotspotsStep = createStep(
  "replace-lookbook-hotspots",
  async (input: { look_id: string; hotspots: HotspotRow[] }, { container }) => {
    const replaced = await lookbookService(container).replaceLookHotspots(input.look_id, input.hotspots)
    return new StepResponse(replaced.created_ids, replaced)
  },
  async (replaced, { container }) => {
    if (replaced) await lookbookService(container).undoReplaceLookHotspots(replaced)
  }
)
