import { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { LOOKBOOK_CACHE } from "../../catalog/catalog-cache"
import type { AdminLookbookSummary, StoreLookbookHotspot, StoreLookbookLook, StoreLookbookSummary } from "../../types/http/lookbook"

/** The lookbook columns every answer starts from; the admin adds the editorial ones. */
export const LOOKBOOK_FIELDS = ["id", "title", "handle", "description", "cover_image_url", "season", "position"]
export const ADMIN_LOOKBOOK_FIELDS = [...LOOKBOOK_FIELDS, "status", "published_at", "created_at", "updated_at"]

const LOOK_FIELDS = [
  "looks.id",
  "looks.image_url",
  "looks.width",
  "looks.height",
  "looks.notes",
  "looks.position",
  "looks.hotspots.id",
  "looks.hotspots.x",
  "looks.hotspots.y",
  "looks.hotspots.position",
  "looks.hotspots.product_id",
  "looks.hotspots.variant_id",
]
const LOOK_COUNTER_FIELDS = ["looks.view_count", "looks.add_to_cart_count"]

/* Rows as query.graph reads them; the columns the answers copy as they are share the response types' declarations. */
export type HotspotRow = Omit<StoreLookbookHotspot, "product" | "variant"> & { position: number }
export type LookRow = Omit<StoreLookbookLook, "hotspots"> & {
  view_count?: number
  add_to_cart_count?: number
  hotspots?: (HotspotRow | null)[] | null
}
/** The store's columns; the admin's editorial ones only where ADMIN_LOOKBOOK_FIELDS were read. */
export type LookbookRow = Omit<StoreLookbookSummary, "look_count"> &
  Partial<Pick<AdminLookbookSummary, "status" | "published_at" | "created_at" | "updated_at">> & {
    looks?: (LookRow | null)[] | null
  }

const queryOf = (scope: MedusaContainer) => scope.resolve(ContainerRegistrationKeys.QUERY)

const notFound = (idOrHandle: string, byHandle: boolean) =>
  new MedusaError(MedusaError.Types.NOT_FOUND, `Lookbook with ${byHandle ? "handle or id" : "id"}: ${idOrHandle} was not found`)

const publishedByIdOrHandle = (idOrHandle: string) => ({ status: "published" as const, $or: [{ id: idOrHandle }, { handle: idOrHandle }] })

/** A published lookbook by handle or id, with its looks and hotspots; a draft, deleted or unknown one is a 404. */
export async function queryPublishedLookbook(scope: MedusaContainer, idOrHandle: string): Promise<LookbookRow> {
  const { data } = await queryOf(scope).graph(
    { entity: "lookbook", fields: [...LOOKBOOK_FIELDS, ...LOOK_FIELDS], filters: publishedByIdOrHandle(idOrHandle) },
    LOOKBOOK_CACHE
  )
  if (!data[0]) throw notFound(idOrHandle, true)
  return data[0] as LookbookRow
}

/** A published lookbook's id from its handle or id, or 404. */
export async function publishedLookbookId(scope: MedusaContainer, idOrHandle: string): Promise<string> {
  const { data } = await queryOf(scope).graph({ entity: "lookbook", fields: ["id"], filters: publishedByIdOrHandle(idOrHandle) }, LOOKBOOK_CACHE)
  if (!data[0]) throw notFound(idOrHandle, true)
  return (data[0] as { id: string }).id
}

/** Any lookbook (drafts too) with its looks, their counters and hotspots; 404 when unknown. */
export async function queryAdminLookbook(scope: MedusaContainer, id: string): Promise<LookbookRow> {
  const { data } = await queryOf(scope).graph({
    entity: "lookbook",
    fields: [...ADMIN_LOOKBOOK_FIELDS, ...LOOK_FIELDS, ...LOOK_COUNTER_FIELDS],
    filters: { id },
  })
  if (!data[0]) throw notFound(id, false)
  return data[0] as LookbookRow
}

/** A page of lookbooks in merchandising order (position, then oldest first), each with its look ids for the count. */
export async function listLookbooks(
  scope: MedusaContainer,
  options: { fields: string[]; filters: Record<string, unknown>; skip: number; take: number; cached?: boolean }
): Promise<{ lookbooks: LookbookRow[]; count: number }> {
  const { data, metadata } = await queryOf(scope).graph(
    {
      entity: "lookbook",
      fields: [...options.fields, "looks.id"],
      filters: options.filters,
      pagination: { skip: options.skip, take: options.take, order: { position: "ASC", created_at: "ASC", id: "ASC" } },
    },
    // The store's published pages are the same for every shopper; the admin's lists are read fresh.
    options.cached ? LOOKBOOK_CACHE : undefined
  )
  return { lookbooks: data as LookbookRow[], count: metadata?.count ?? data.length }
}

export type AdminHotspotVariant = {
  id: string
  title: string | null
  sku: string | null
  product: { id: string; title: string; handle: string; thumbnail: string | null; status: string }
}

/** The catalog side of hotspots as merchants see it (drafts too): absent when the variant or product was deleted. */
export async function queryHotspotVariants(scope: MedusaContainer, variantIds: string[]): Promise<Map<string, AdminHotspotVariant>> {
  const ids = [...new Set(variantIds)]
  if (!ids.length) return new Map()
  const { data } = await queryOf(scope).graph({
    entity: "product_variant",
    fields: ["id", "title", "sku", "product.id", "product.title", "product.handle", "product.thumbnail", "product.status"],
    filters: { id: ids },
  })
  const variants = new Map<string, AdminHotspotVariant>()
  for (const v of data) {
    if (!v.product) continue
    const p = v.product
    variants.set(v.id, {
      id: v.id,
      title: v.title ?? null,
      sku: v.sku ?? null,
      product: { id: p.id, title: p.title, handle: p.handle, thumbnail: p.thumbnail ?? null, status: p.status },
    })
  }
  return variants
}
