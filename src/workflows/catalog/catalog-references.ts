import { RemoteQueryFunction } from "@medusajs/framework/types"

/** A product, a variant, or both, named by a customer's post tag or outfit. */
export type CatalogReference = { product_id?: string | null; variant_id?: string | null }

/** What is wrong with one reference, for the caller to word as its own error. */
export type CatalogReferenceProblem =
  | { kind: "unknown_product"; product_id: string }
  | { kind: "unknown_variant"; variant_id: string }
  | { kind: "variant_of_other_product"; product_id: string; variant_id: string }

/**
 * Resolves references against the catalog in two queries: each comes back as its product (a
 * variant's own when only the variant is named) and variant. The first problem found is handed
 * to `fail`, whose error is thrown. References naming neither a product nor a variant are the
 * caller's to reject before this.
 */
export async function resolveCatalogReferences(
  query: Omit<RemoteQueryFunction, symbol>,
  refs: CatalogReference[],
  fail: (problem: CatalogReferenceProblem) => Error
): Promise<{ product_id: string; variant_id: string | null }[]> {
  const variantIds = [...new Set(refs.map((r) => r.variant_id).filter((id): id is string => !!id))]
  const productIds = [...new Set(refs.map((r) => r.product_id).filter((id): id is string => !!id))]
  const [{ data: variants }, { data: products }] = await Promise.all([
    variantIds.length
      ? query.graph({ entity: "product_variant", fields: ["id", "product_id"], filters: { id: variantIds } })
      : Promise.resolve({ data: [] as { id: string; product_id: string | null }[] }),
    productIds.length
      ? query.graph({ entity: "product", fields: ["id"], filters: { id: productIds } })
      : Promise.resolve({ data: [] as { id: string }[] }),
  ])
  const productOfVariant = new Map<string, string>(variants.map((v: any): [string, string] => [v.id, v.product_id]))
  const knownProducts = new Set<string>(products.map((p: any) => p.id as string))

  return refs.map((ref) => {
    if (ref.product_id && !knownProducts.has(ref.product_id)) throw fail({ kind: "unknown_product", product_id: ref.product_id })
    if (ref.variant_id && !productOfVariant.has(ref.variant_id)) throw fail({ kind: "unknown_variant", variant_id: ref.variant_id })
    const productId = ref.variant_id ? productOfVariant.get(ref.variant_id)! : ref.product_id!
    if (ref.product_id && ref.product_id !== productId) {
      throw fail({ kind: "variant_of_other_product", product_id: ref.product_id, variant_id: ref.variant_id! })
    }
    return { product_id: productId, variant_id: ref.variant_id ?? null }
  })
}
