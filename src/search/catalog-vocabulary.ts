import { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, ProductStatus } from "@medusajs/framework/utils"
import { buildVocabulary, Vocabulary } from "./query-correction"

/** After this long a search still answers from the vocabulary it has, and a fresh one is built behind it. */
const VOCABULARY_TTL_MS = 5 * 60 * 1000
let vocabularyCache: { builtAt: number; vocabulary: Promise<Vocabulary> } | undefined
let rebuilding: Promise<Vocabulary> | undefined
let queued: Promise<Vocabulary> | undefined
let refreshTimer: NodeJS.Timeout | undefined

type VocabularyRow = {
  title: string
  subtitle?: string | null
  material?: string | null
  collection?: { title?: string | null } | null
  categories?: ({ name?: string | null } | null)[] | null
  tags?: ({ value?: string | null } | null)[] | null
  options?: ({ values?: ({ value?: string | null } | null)[] | null } | null)[] | null
}

function buildCatalogVocabulary(scope: MedusaContainer): Promise<Vocabulary> {
  const query = scope.resolve(ContainerRegistrationKeys.QUERY)
  return query
    .graph({
      entity: "product",
      fields: ["title", "subtitle", "material", "categories.name", "tags.value", "collection.title", "options.values.value"],
      filters: { status: ProductStatus.PUBLISHED },
    })
    .then(({ data }) =>
      buildVocabulary(
        // One text per product, so a word's count is how many products it would find.
        (data as unknown as VocabularyRow[]).map((p) =>
          [
            p.title,
            p.subtitle ?? "",
            p.material ?? "",
            p.collection?.title ?? "",
            ...(p.categories ?? []).map((c) => c?.name ?? ""),
            ...(p.tags ?? []).map((t) => t?.value ?? ""),
            ...(p.options ?? []).flatMap((o) => (o?.values ?? []).map((v) => v?.value ?? "")),
          ].join(" \n ")
        )
      )
    )
}

/**
 * Builds the vocabulary now and swaps it in when ready; searches meanwhile use the one they have.
 * Called at start (src/jobs/warm-product-search-on-start.ts) and on catalog changes
 * (src/subscribers/product-search-vocabulary.ts).
 */
export function refreshCatalogVocabulary(scope: MedusaContainer): Promise<Vocabulary> {
  // A change during a build may have been read before it: build once more after this one.
  if (rebuilding) return (queued ??= rebuilding.catch(() => undefined).then(() => ((queued = undefined), refreshCatalogVocabulary(scope))))
  rebuilding = buildCatalogVocabulary(scope)
    .then((vocabulary) => {
      vocabularyCache = { builtAt: Date.now(), vocabulary: Promise.resolve(vocabulary) }
      return vocabulary
    })
    .finally(() => (rebuilding = undefined))
  return rebuilding
}

/**
 * The words the catalog uses (titles, brands, categories, tags, options), for correcting misspelt
 * searches. Built at start and after catalog changes; a search never waits for a rebuild once a
 * vocabulary exists (an old one is refreshed behind it), only the very first one waits.
 */
export function catalogVocabulary(scope: MedusaContainer): Promise<Vocabulary> {
  // A build takes the event loop for a while: on a timer, it happens while the shop is idle rather
  // than inside the first search after a quiet spell. (A server process in worker mode "server" runs
  // no subscribers, so this is also how it learns of catalog changes.)
  refreshTimer ??= setInterval(() => refreshCatalogVocabulary(scope).catch(() => undefined), VOCABULARY_TTL_MS).unref()
  if (!vocabularyCache) return refreshCatalogVocabulary(scope)
  if (!rebuilding && Date.now() - vocabularyCache.builtAt >= VOCABULARY_TTL_MS) {
    // A failed rebuild keeps the old vocabulary; the next search tries again.
    refreshCatalogVocabulary(scope).catch(() => undefined)
  }
  return vocabularyCache.vocabulary
}
