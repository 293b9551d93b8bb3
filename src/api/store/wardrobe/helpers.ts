import { AuthenticatedMedusaRequest } from "@medusajs/framework/http"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { preparePhoto } from "../../utils/image-upload"

/** The signed-in customer; these routes are mounted behind authenticate("customer", ...). */
export const customerIdOf = (req: AuthenticatedMedusaRequest) => req.auth_context.actor_id

/** Outfit items and products in the order the customer put them in. */
function sortOutfit<T extends { items?: any[]; products?: any[] }>(outfit: T): T {
  const byPosition = (a: any, b: any) => (a?.position ?? 0) - (b?.position ?? 0)
  if (Array.isArray(outfit.items)) outfit.items.sort(byPosition)
  if (Array.isArray(outfit.products)) outfit.products.sort(byPosition)
  return outfit
}

/**
 * One of the customer's own records by id with the requested fields, or 404. Someone else's
 * id answers exactly as a missing one does.
 */
export async function retrieveOwned(
  req: AuthenticatedMedusaRequest,
  entity: "wardrobe_item" | "wardrobe_outfit",
  id: string,
  fields = req.queryConfig.fields
) {
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity,
    fields,
    filters: { id, customer_id: customerIdOf(req) },
  })
  if (!data[0]) {
    const label = entity === "wardrobe_item" ? "Wardrobe item" : "Outfit"
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `${label} with id: ${id} was not found`)
  }
  return entity === "wardrobe_outfit" ? sortOutfit(data[0] as any) : data[0]
}

export { sortOutfit }

/** The uploaded photo (multipart), checked and re-encoded, or undefined when none was sent. */
export async function photoOf(req: AuthenticatedMedusaRequest) {
  const file = (req as any).file as { buffer: Buffer; originalname: string } | undefined
  return file ? preparePhoto(file, { filenamePrefix: "wardrobe" }) : undefined
}

/** Escapes % and _ so that user text matches literally inside an ILIKE pattern. */
export const likePattern = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`
