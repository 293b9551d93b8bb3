/**
 * What the ML sidecar's index holds for each catalog image: the image (id, URL) and the
 * metadata that visual search filters and hydrates by. Pure: the workflow reads products with
 * query.graph (PRODUCT_INDEX_FIELDS) and hands them here.
 */

/** The fields of a product that indexing reads. */
export const PRODUCT_INDEX_FIELDS = [
  "id",
  "status",
  "subtitle",
  "metadata",
  "images.id",
  "images.url",
  "images.rank",
  "images.variants.id",
  "variants.id",
  "variants.options.value",
  "variants.options.option.title",
  "options.title",
  "options.values.value",
  "categories.handle",
]

type OptionValue = { value?: string | null; option?: { title?: string | null } | null }

/** A product as query.graph returns PRODUCT_INDEX_FIELDS (the parts indexing reads). */
export type IndexedProductSource = {
  id: string
  status?: string | null
  subtitle?: string | null
  metadata?: Record<string, unknown> | null
  images?: ({ id: string; url: string; rank?: number | null; variants?: ({ id: string } | null)[] | null } | null)[] | null
  variants?: ({ id: string; options?: (OptionValue | null)[] | null } | null)[] | null
  options?: ({ title?: string | null; values?: ({ value?: string | null } | null)[] | null } | null)[] | null
  categories?: ({ handle?: string | null } | null)[] | null
}

/** The sidecar's metadata of a product image (contract: kind, product, variants, category, colours, brand). */
export type ProductImageMetadata = {
  kind: "product"
  product_id: string
  variant_ids: string[]
  /** Absent when the product has no category (the sidecar accepts only a string here). */
  category?: string
  colours: string[]
  brand?: string
}

export type IndexableImage = { image_id: string; url: string; metadata: ProductImageMetadata }

/** A product's images as the index should hold them: none when the product is not published. */
export type IndexableProduct = { product_id: string; images: IndexableImage[] }

const isColourOption = (title: string | null | undefined) => /^colou?rs?$/i.test((title ?? "").trim())

const unique = (values: (string | null | undefined)[]) => [...new Set(values.map((v) => v?.trim()).filter((v): v is string => Boolean(v)))]

/** Colour names kept in product metadata when a product has no colour option (`colours`, `colors` or `colour`). */
function metadataColours(metadata: Record<string, unknown> | null | undefined): string[] {
  const raw = metadata?.colours ?? metadata?.colors ?? metadata?.colour ?? metadata?.color
  if (Array.isArray(raw)) return unique(raw.filter((v): v is string => typeof v === "string"))
  return typeof raw === "string" ? unique(raw.split(",")) : []
}

function brandOf(product: IndexedProductSource): string | null {
  const brand = product.metadata?.brand
  return typeof brand === "string" && brand.trim() ? brand.trim() : null
}

/**
 * The images to index for a product and each one's metadata. An image tied to some variants
 * (Medusa's variant images) carries those variants and their colours; others carry all of the
 * product's variants and colours. Colours come from the product's Colour option, else from its
 * metadata; the brand from metadata.brand (where the demo catalog keeps it); the category is
 * the product's first category handle. A product that is not published (or is gone) has none.
 */
export function indexableProduct(product: IndexedProductSource): IndexableProduct {
  if (product.status !== "published") return { product_id: product.id, images: [] }
  const variants = (product.variants ?? []).filter((v): v is NonNullable<typeof v> => Boolean(v))
  const variantColours = new Map(
    variants.map((v) => [v.id, unique((v.options ?? []).filter((o) => isColourOption(o?.option?.title)).map((o) => o?.value))])
  )
  const optionColours = unique((product.options ?? []).filter((o) => isColourOption(o?.title)).flatMap((o) => (o?.values ?? []).map((v) => v?.value)))
  const productColours = optionColours.length ? optionColours : metadataColours(product.metadata)
  const category = (product.categories ?? []).map((c) => c?.handle).find((h): h is string => Boolean(h)) ?? null
  const brand = brandOf(product)
  const images = (product.images ?? [])
    .filter((i): i is NonNullable<typeof i> => Boolean(i?.id && i.url))
    .sort((a, b) => (a.rank ?? 0) - (b.rank ?? 0))
    .map((image) => {
      const own = (image.variants ?? []).map((v) => v?.id).filter((id): id is string => Boolean(id) && variantColours.has(id!))
      const variantIds = own.length ? own : variants.map((v) => v.id)
      const ownColours = own.length ? unique(own.flatMap((id) => variantColours.get(id) ?? [])) : []
      return {
        image_id: image.id,
        url: image.url,
        metadata: {
          kind: "product" as const,
          product_id: product.id,
          variant_ids: [...variantIds].sort(),
          ...(category ? { category } : {}),
          colours: ownColours.length ? ownColours : productColours,
          ...(brand ? { brand } : {}),
        },
      }
    })
  return { product_id: product.id, images }
}

/**
 * The products to index, one per requested id: a product query.graph did not return (deleted)
 * or that is not published has no images, so that its rows and sidecar images are removed.
 */
export function indexableProducts(productIds: string[], found: IndexedProductSource[]): IndexableProduct[] {
  const byId = new Map(found.map((p) => [p.id, p]))
  return [...new Set(productIds)].map((id) => {
    const product = byId.get(id)
    return product ? indexableProduct(product) : { product_id: id, images: [] }
  })
}

/** Whether two metadata objects say the same (key order aside): decides whether an indexed image needs writing again. */
export function sameMetadata(a: unknown, b: unknown): boolean {
  return canonical(a) === canonical(b)
}

function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`
  if (value && typeof value === "object") {
    return `{${Object.keys(value as object)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`)
      .join(",")}}`
  }
  return JSON.stringify(value ?? null)
}
