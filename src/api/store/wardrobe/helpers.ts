import { AuthenticatedMedusaRequest } from "@medusajs/framework/http"
import { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { photoUrlSigner } from "../../../files/photo-urls"
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
    fields: withPhotoFileIds(fields),
    filters: { id, customer_id: customerIdOf(req) },
  })
  if (!data[0]) {
    const label = entity === "wardrobe_item" ? "Wardrobe item" : "Outfit"
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `${label} with id: ${id} was not found`)
  }
  const [record] = await signWardrobePhotos(req.scope, [data[0]])
  return entity === "wardrobe_outfit" ? sortOutfit(record as any) : record
}

/** The fields to fetch: the requested ones plus the file ids that their photo URLs are signed from. */
export function withPhotoFileIds(fields: string[]): string[] {
  const fileIds = fields.filter((f) => /(^|\.)photo_url$/.test(f)).map((f) => f.replace(/photo_url$/, "photo_file_id"))
  return [...new Set([...fields, ...fileIds])]
}

/**
 * Wardrobe photos are private: every photo_url in these records (items, and items inside
 * outfits) becomes a short-lived signed URL of its file, and the internal file ids go. A photo
 * without a file of its own (a purchased item showing the catalog's image) keeps its URL.
 */
export async function signWardrobePhotos<T>(scope: MedusaContainer, records: T[]): Promise<T[]> {
  const signer = photoUrlSigner(scope)
  const pending: Promise<void>[] = []
  const visit = (node: unknown) => {
    if (Array.isArray(node)) return node.forEach(visit)
    if (!node || typeof node !== "object" || node instanceof Date) return
    const record = node as Record<string, unknown>
    if ("photo_url" in record) {
      const fileId = record.photo_file_id as string | null | undefined
      if (fileId) pending.push(signer.privateUrl(fileId).then((url) => void (record.photo_url = url)))
    }
    delete record.photo_file_id
    Object.values(record).forEach(visit)
  }
  visit(records)
  await Promise.all(pending)
  return records
}

export { sortOutfit }

/** The uploaded photo (multipart), checked and re-encoded, or undefined when none was sent. */
export async function photoOf(req: AuthenticatedMedusaRequest) {
  const file = (req as any).file as { buffer: Buffer; originalname: string } | undefined
  return file ? preparePhoto(file, { filenamePrefix: "wardrobe" }) : undefined
}

/** Escapes % and _ so that user text matches literally inside an ILIKE pattern. */
export const likePattern = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`
