import { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { addToCartRate } from "../../../modules/lookbook/constants"
import { byPosition, hydrateVariants } from "../../store/lookbooks/helpers"
import { preparePhoto } from "../../utils/image-upload"
import sharp from "sharp"

export const ADMIN_LOOKBOOK_FIELDS = [
  "id",
  "title",
  "handle",
  "description",
  "cover_image_url",
  "status",
  "season",
  "position",
  "published_at",
  "created_at",
  "updated_at",
]

/**
 * One lookbook as the admin sees it (drafts too): looks in order with their counters and rate,
 * hotspots with the product and variant they sell (null when deleted from the catalog).
 */
export async function retrieveAdminLookbook(scope: MedusaContainer, id: string) {
  const query = scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "lookbook",
    fields: [
      ...ADMIN_LOOKBOOK_FIELDS,
      "looks.id",
      "looks.image_url",
      "looks.width",
      "looks.height",
      "looks.notes",
      "looks.position",
      "looks.view_count",
      "looks.add_to_cart_count",
      "looks.hotspots.id",
      "looks.hotspots.x",
      "looks.hotspots.y",
      "looks.hotspots.position",
      "looks.hotspots.product_id",
      "looks.hotspots.variant_id",
    ],
    filters: { id },
  })
  const lookbook: any = data[0]
  if (!lookbook) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Lookbook with id: ${id} was not found`)
  const looks: any[] = [...(lookbook.looks ?? [])].sort(byPosition)
  const variants = await hydrateVariants(scope, looks.flatMap((l) => (l.hotspots ?? []).map((h: any) => h.variant_id)))
  return {
    ...lookbook,
    looks: looks.map((look) => ({
      id: look.id,
      image_url: look.image_url,
      width: look.width,
      height: look.height,
      notes: look.notes ?? null,
      position: look.position,
      views: look.view_count,
      add_to_cart_count: look.add_to_cart_count,
      rate: addToCartRate(look.view_count, look.add_to_cart_count),
      hotspots: [...(look.hotspots ?? [])].sort(byPosition).map((h: any) => {
        const v = variants.get(h.variant_id)
        return {
          id: h.id,
          x: h.x,
          y: h.y,
          product_id: h.product_id,
          variant_id: h.variant_id,
          product: v ? v.product : null,
          variant: v ? { id: v.id, title: v.title, sku: v.sku } : null,
        }
      }),
    })),
  }
}

/** The uploaded image (multipart field "image"), checked, re-encoded and measured; undefined when none was sent. */
export async function lookImageOf(req: { file?: { buffer: Buffer; originalname: string } }, filenamePrefix: string) {
  const file = req.file
  if (!file) return undefined
  const prepared = await preparePhoto(file, { filenamePrefix })
  const { width, height } = await sharp(Buffer.from(prepared.content, "base64")).metadata()
  return { ...prepared, width: width!, height: height! }
}

export const requireImage = <T>(image: T | undefined): T => {
  if (!image) throw new MedusaError(MedusaError.Types.INVALID_DATA, 'image is required: send the photo as the multipart field "image"')
  return image
}
