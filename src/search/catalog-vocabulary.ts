import { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, ProductStatus } from "@medusajs/framework/utils"
import { buildVocabulary, Vocabulary } from "./query-correction"

const VOCABULARY_TTL_MS = 5 * 60 * 1000
let vocabularyCache: { builtAt: number; vocabulary: Promise<Vocabulary> } | undefined

type VocabularyRow = {
  title: string
  subtitle?: string | null
  material?: string | null
  collection?: { title?: string | null } | null
  categories?: ({ name?: string | null } | null)[] | null
  tags?: ({ value?: string | null } | null)[] | null
  options?: ({ values?: ({ value?: string | null } | null)[] | null } | null)[] | null
}

/**
 * The words the catalog uses (titles, brands, categories, tags, options), for correcting misspelt
 * searches; built once and kept for a few minutes (one process-wide cache, dropped when building fails).
 */
export function catalogVocabulary(scope: MedusaContainer): Promise<Vocabulary> {
  if (vocabularyCache && Date.now() - vocabularyCache.builtAt < VOCABULARY_TTL_MS) return vocabularyCache.vocabulary
  const query = scope.resolve(ContainerRegistrationKeys.QUERY)
  const vocabulary = query
    .graph({
      entity: "product",
      fields: ["title", "subtitle", "material", "categories.name", "tags.value", "collection.title", "options.values.value"],
      filters: { status: ProductStatus.PUBLISHED },
    })
    .then(({ data }) =>
      buildVocabulary(
        (data as unknown as VocabularyRow[]).flatMap((p) => [
          p.title,
          p.subtitle ?? "",
          p.material ?? "",
          p.collection?.title ?? "",
          ...(p.categories ?? []).map((c) => c?.name ?? ""),
          ...(p.tags ?? []).map((t) => t?.value ?? ""),
          ...(p.options ?? []).flatMap((o) => (o?.values ?? []).map((v) => v?.value ?? "")),
        ])
      )
    )
  vocabulary.catch(() => (vocabularyCache = undefined))
  vocabularyCache = { builtAt: Date.now(), vocabulary }
  return vocabulary
}
