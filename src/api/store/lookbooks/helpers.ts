import { MedusaRequest, MedusaStoreRequest } from "@medusajs/framework/http"
import { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, getVariantAvailability, MedusaError, ProductStatus, QueryContext } from "@medusajs/framework/utils"

type Query = ReturnType<MedusaContainer["resolve"]> & { graph: (...args: any[]) => Promise<{ data: any[]; metadata?: any }> }
const queryOf = (scope: MedusaContainer) => scope.resolve(ContainerRegistrationKeys.QUERY) as Query

export type PricingRegion = { region_id: string; currency_code: string }

/**
 * The region whose prices the shopper sees: `region_id`, or the region that holds `country_code`.
 * Neither given: no prices (calculated_price is null), as in Medusa's product routes. An unknown
 * region or a country no region sells to is a 400 naming it.
 */
export async function resolvePricingRegion(
  scope: MedusaContainer,
  params: { region_id?: string; country_code?: string }
): Promise<PricingRegion | null> {
  if (!params.region_id && !params.country_code) return null
  const query = queryOf(scope)
  if (params.region_id) {
    const { data } = await query.graph({ entity: "region", fields: ["id", "currency_code"], filters: { id: params.region_id } })
    if (!data[0]) throw new MedusaError(MedusaError.Types.INVALID_DATA, `Region with id: ${params.region_id} was not found`)
    return { region_id: data[0].id, currency_code: data[0].currency_code }
  }
  const { data: regions } = await query.graph({ entity: "region", fields: ["id", "currency_code", "countries.iso_2"] })
  const region = regions.find((r: any) => (r.countries ?? []).some((c: any) => c?.iso_2 === params.country_code))
  if (!region) throw new MedusaError(MedusaError.Types.INVALID_DATA, `No region sells to country_code: ${params.country_code}`)
  return { region_id: region.id, currency_code: region.currency_code }
}

export type HydratedVariant = {
  id: string
  title: string | null
  sku: string | null
  product: { id: string; title: string; handle: string; thumbnail: string | null; status: string }
  /** false when a sales channel was given and the product is not sold in it */
  in_sales_channel: boolean
  calculated_price: { calculated_amount: number; currency_code: string } | null
  in_stock: boolean
}

/**
 * Catalog facts for hotspot variants, by id: the product's title, handle and thumbnail; the price
 * for the region (calculated like Medusa's store product routes, via query.graph with a
 * calculated_price context); and whether it is in stock in the sales channel (Medusa's
 * getVariantAvailability: stock at the channel's locations minus reservations). Deleted variants
 * are absent from the map.
 */
export async function hydrateVariants(
  scope: MedusaContainer,
  variantIds: string[],
  options: { pricing?: PricingRegion | null; sales_channel_id?: string | null } = {}
): Promise<Map<string, HydratedVariant>> {
  const ids = [...new Set(variantIds)]
  if (!ids.length) return new Map()
  const query = queryOf(scope)
  const fields = [
    "id",
    "title",
    "sku",
    "manage_inventory",
    "allow_backorder",
    "product.id",
    "product.title",
    "product.handle",
    "product.thumbnail",
    "product.status",
  ]
  if (options.pricing) fields.push("calculated_price.calculated_amount", "calculated_price.currency_code")
  if (options.sales_channel_id) fields.push("product.sales_channels.id")
  const { data: variants } = await query.graph({
    entity: "product_variant",
    fields,
    filters: { id: ids },
    context: options.pricing ? { calculated_price: QueryContext(options.pricing) } : undefined,
  })
  const availability = options.sales_channel_id
    ? await getVariantAvailability(query as any, { variant_ids: variants.map((v: any) => v.id), sales_channel_id: options.sales_channel_id })
    : null

  const hydrated = new Map<string, HydratedVariant>()
  for (const v of variants as any[]) {
    if (!v.product) continue
    const price = v.calculated_price
    const available = availability?.[v.id]?.availability
    hydrated.set(v.id, {
      id: v.id,
      title: v.title ?? null,
      sku: v.sku ?? null,
      product: { id: v.product.id, title: v.product.title, handle: v.product.handle, thumbnail: v.product.thumbnail ?? null, status: v.product.status },
      in_sales_channel: !options.sales_channel_id || (v.product.sales_channels ?? []).some((sc: any) => sc?.id === options.sales_channel_id),
      calculated_price:
        price && price.calculated_amount !== null && price.calculated_amount !== undefined
          ? { calculated_amount: Number(price.calculated_amount), currency_code: price.currency_code }
          : null,
      // Not managed or backorderable: always sellable. Otherwise stock in the key's sales channel.
      in_stock: !v.manage_inventory || !!v.allow_backorder || (availability ? (available ?? 0) > 0 : false),
    })
  }
  return hydrated
}

export const byPosition = (a: { position?: number | null }, b: { position?: number | null }) => (a.position ?? 0) - (b.position ?? 0)

/** The lookbook fields every store answer starts from. */
export const STORE_LOOKBOOK_FIELDS = ["id", "title", "handle", "description", "cover_image_url", "season", "position"]

/**
 * A published lookbook by handle or id, with its looks and hotspots in position order, each
 * hotspot's product and variant hydrated for the shopper's region and sales channel. A draft,
 * deleted or unknown lookbook is a 404. Hotspots of deleted variants, unpublished products or
 * products outside the key's sales channel are left out, as Medusa's product routes leave them out.
 */
export async function retrieveStoreLookbook(
  scope: MedusaContainer,
  idOrHandle: string,
  options: { pricing: PricingRegion | null; sales_channel_id: string | null }
) {
  const query = queryOf(scope)
  const { data } = await query.graph({
    entity: "lookbook",
    fields: [
      ...STORE_LOOKBOOK_FIELDS,
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
    ],
    filters: { status: "published", $or: [{ id: idOrHandle }, { handle: idOrHandle }] },
  })
  const lookbook: any = data[0]
  if (!lookbook) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Lookbook with handle or id: ${idOrHandle} was not found`)

  const looks: any[] = [...(lookbook.looks ?? [])].sort(byPosition)
  const variants = await hydrateVariants(
    scope,
    looks.flatMap((l) => (l.hotspots ?? []).map((h: any) => h.variant_id)),
    options
  )
  return {
    id: lookbook.id,
    title: lookbook.title,
    handle: lookbook.handle,
    description: lookbook.description ?? null,
    cover_image_url: lookbook.cover_image_url ?? null,
    season: lookbook.season ?? null,
    looks: looks.map((look) => ({
      id: look.id,
      image_url: look.image_url,
      width: look.width,
      height: look.height,
      notes: look.notes ?? null,
      position: look.position,
      hotspots: [...(look.hotspots ?? [])]
        .sort(byPosition)
        .filter((h: any) => {
          const v = variants.get(h.variant_id)
          return v?.product.status === ProductStatus.PUBLISHED && v.in_sales_channel
        })
        .map((h: any) => {
          const v = variants.get(h.variant_id)!
          return {
            id: h.id,
            x: h.x,
            y: h.y,
            product_id: h.product_id,
            variant_id: h.variant_id,
            product: { id: v.product.id, title: v.product.title, handle: v.product.handle, thumbnail: v.product.thumbnail },
            variant: { id: v.id, title: v.title, sku: v.sku, calculated_price: v.calculated_price, in_stock: v.in_stock },
          }
        }),
    })),
  }
}

/** The sales channel of the request's publishable key (the first, when a key has several). */
export const salesChannelOf = (req: MedusaRequest<any, any>): string | null =>
  (req as MedusaStoreRequest).publishable_key_context?.sales_channel_ids?.[0] ?? null

/** A published lookbook's id from its handle or id, or 404. */
export async function publishedLookbookId(scope: MedusaContainer, idOrHandle: string): Promise<string> {
  const { data } = await queryOf(scope).graph({
    entity: "lookbook",
    fields: ["id"],
    filters: { status: "published", $or: [{ id: idOrHandle }, { handle: idOrHandle }] },
  })
  if (!data[0]) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Lookbook with handle or id: ${idOrHandle} was not found`)
  return data[0].id
}
