import type { EnqueuedTaskPromise, IndexObject, Meilisearch, MultiSearchParams, MultiSearchResponse, Settings, Task } from "meilisearch" with {
  "resolution-mode": "import",
}
import { Logger, SearchTypes } from "@medusajs/framework/types"
import { AbstractSearchProviderService, extractPrimaryKeyFilter, MedusaError } from "@medusajs/framework/utils"
import { toMeilisearchDocument } from "./documents"
import { buildIndexedFieldMap, IndexedFieldMap, untypedFieldMap } from "./fields"
import { compileFilters } from "./filters"
import { planSearch } from "./query"
import { assertIndexSupported, MEILISEARCH_PROVIDER_ID, toMeilisearchSettings } from "./settings"

type MeilisearchSdk = typeof import("meilisearch", { with: { "resolution-mode": "import" } })

export type MeilisearchSearchOptions = {
  /** The server's URL, e.g. `http://localhost:7700` (MEILISEARCH_HOST). */
  host: string
  /** A key allowed to manage indexes, documents, settings and tasks (MEILISEARCH_API_KEY). */
  apiKey?: string
  /** Prepended to every index uid, so several applications can share one server. */
  indexPrefix?: string
}

type InjectedDependencies = {
  logger?: Logger
}

/** How long a write may stay queued before `waitForTask` gives up, unless the caller says otherwise. */
const DEFAULT_TASK_TIMEOUT_MS = 120_000
const TASK_POLL_INTERVAL_MS = 50
const INDEX_PREFIX_PATTERN = /^[A-Za-z0-9_-]*$/

/**
 * meilisearch 0.62 ships only as an ES module. Node ≥ 20.19, which Medusa
 * requires, loads it with `require`, so the provider stays a CommonJS module
 * like the rest of the application. Loaded on construction, so that merely
 * importing the provider costs nothing when it is not configured.
 */
function loadMeilisearchSdk(): MeilisearchSdk {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- see above: loaded lazily, as CommonJS
  return require("meilisearch") as MeilisearchSdk
}

/**
 * Search Module provider backed by Meilisearch.
 *
 * Writes (documents, deletes, clears) are applied by Meilisearch later: they
 * return an `enqueued` task that `waitForTask` settles. Index creation,
 * settings and index deletion are waited for here, because the module does not
 * wait for them and a query against half-applied settings fails.
 *
 * Where Meilisearch cannot do what a query asks ($like and $prefix filters,
 * match_strategy "any", per-query typo switches, vector search, cursors), the
 * provider throws instead of answering differently.
 */
export class MeilisearchSearchService extends AbstractSearchProviderService {
  static identifier = MEILISEARCH_PROVIDER_ID

  protected readonly logger_?: Logger
  protected readonly client_: Meilisearch
  protected readonly sdk_: MeilisearchSdk
  protected readonly indexPrefix_: string
  /** Field maps of the definitions seen by this process, by physical index name, for filtered deletes. */
  protected readonly fieldMaps_ = new Map<string, IndexedFieldMap>()

  static validateOptions(options: Partial<MeilisearchSearchOptions> | undefined): void {
    if (!options?.host || !String(options.host).trim()) {
      throw new MedusaError(
        MedusaError.Types.INVALID_ARGUMENT,
        "The Meilisearch search provider needs a host: set MEILISEARCH_HOST (for example http://localhost:7700)"
      )
    }
    if (options.indexPrefix && !INDEX_PREFIX_PATTERN.test(options.indexPrefix)) {
      throw new MedusaError(
        MedusaError.Types.INVALID_ARGUMENT,
        `The Meilisearch index prefix may only hold letters, digits, "-" and "_"; got "${options.indexPrefix}" (MEILISEARCH_INDEX_PREFIX)`
      )
    }
  }

  constructor({ logger }: InjectedDependencies, options: MeilisearchSearchOptions) {
    super()
    MeilisearchSearchService.validateOptions(options)
    this.logger_ = logger
    this.indexPrefix_ = options.indexPrefix ?? ""
    this.sdk_ = loadMeilisearchSdk()
    this.client_ = new this.sdk_.Meilisearch({
      host: options.host,
      apiKey: options.apiKey || undefined,
      clientAgents: ["Medusa Search Module (Curator)"],
    })
  }

  /** The Meilisearch uid of a physical index. */
  protected uid(physicalName: string): string {
    const uid = `${this.indexPrefix_}${physicalName}`
    if (!/^[A-Za-z0-9_-]{1,400}$/.test(uid)) {
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        `"${uid}" is not a valid Meilisearch index uid (letters, digits, "-" and "_", at most 400 bytes)`
      )
    }
    return uid
  }

  protected fieldMap(definition: SearchTypes.ResolvedSearchIndexDefinition, physicalName: string): IndexedFieldMap {
    const map = buildIndexedFieldMap(definition)
    this.fieldMaps_.set(physicalName, map)
    return map
  }

  /**
   * Turns SDK errors into Medusa ones. A missing index becomes `NOT_FOUND`,
   * which the Search Module reads as "the active version moved" and retries.
   */
  protected toMedusaError(error: unknown, action: string): Error {
    if (error instanceof MedusaError) {
      return error
    }
    if (error instanceof this.sdk_.MeilisearchApiError) {
      const code = error.cause?.code
      const type =
        code === "index_not_found"
          ? MedusaError.Types.NOT_FOUND
          : error.response.status >= 400 && error.response.status < 500
            ? MedusaError.Types.INVALID_DATA
            : MedusaError.Types.UNEXPECTED_STATE
      return new MedusaError(type, `Meilisearch ${action} failed: ${error.cause?.message ?? error.message}${code ? ` (${code})` : ""}`)
    }
    if (error instanceof this.sdk_.MeilisearchError) {
      return new MedusaError(MedusaError.Types.UNEXPECTED_STATE, `Meilisearch ${action} failed: ${error.message}`)
    }
    return error instanceof Error ? error : new Error(String(error))
  }

  protected toSearchTask(task: Task, index: string): SearchTypes.SearchTask {
    switch (task.status) {
      case "succeeded":
        return { id: String(task.uid), index, status: "succeeded" }
      case "failed":
      case "canceled":
        return {
          id: String(task.uid),
          index,
          status: "failed",
          error: {
            message: task.error?.message ?? `Meilisearch task ${task.uid} was ${task.status}`,
            code: task.error?.code ?? task.status,
          },
        }
      default:
        return { id: String(task.uid), index, status: task.status }
    }
  }

  /** Enqueues a write and hands its task to the module, which settles it through `waitForTask`. */
  protected async enqueue(write: () => EnqueuedTaskPromise, index: string, action: string): Promise<SearchTypes.SearchTask> {
    try {
      const task = await write()
      return { id: String(task.taskUid), index, status: "enqueued" }
    } catch (error) {
      throw this.toMedusaError(error, action)
    }
  }

  /** Enqueues a write and waits for it here; returns the finished Meilisearch task. */
  protected async applyNow(write: () => EnqueuedTaskPromise, action: string): Promise<Task> {
    try {
      return await write().waitTask({ timeout: DEFAULT_TASK_TIMEOUT_MS, interval: TASK_POLL_INTERVAL_MS })
    } catch (error) {
      throw this.toMedusaError(error, action)
    }
  }

  protected assertSucceeded(task: Task, action: string): void {
    if (task.status !== "succeeded") {
      throw new MedusaError(
        MedusaError.Types.UNEXPECTED_STATE,
        `Meilisearch ${action} failed: ${task.error?.message ?? task.status}${task.error?.code ? ` (${task.error.code})` : ""}`
      )
    }
  }

  async upsertIndex({ index }: { index: SearchTypes.ResolvedSearchIndexDefinition }): Promise<SearchTypes.SearchTask> {
    const map = this.fieldMap(index, index.physical_name)
    assertIndexSupported(index, map)
    if (map.ignored_vectors.length) {
      this.logger_?.warn(
        `The Meilisearch search provider does not support vector search. Ignoring vector field(s) ${map.ignored_vectors
          .map((path) => `"${path}"`)
          .join(", ")} on search index "${index.name}".`
      )
    }
    const uid = this.uid(index.physical_name)

    await this.ensureIndex(uid, index.primary_key)
    const settings = toMeilisearchSettings(index, map) as Settings
    const applied = await this.applyNow(() => this.client_.index(uid).updateSettings(settings), `updating the settings of "${uid}"`)
    this.assertSucceeded(applied, `updating the settings of "${uid}"`)

    return { index: index.physical_name, status: "succeeded" }
  }

  /** Creates the index with its primary key, or brings an existing one to that key. */
  protected async ensureIndex(uid: string, primaryKey: string): Promise<void> {
    const created = await this.applyNow(() => this.client_.createIndex(uid, { primaryKey }), `creating index "${uid}"`)
    if (created.status === "succeeded") {
      return
    }
    if (created.error?.code !== "index_already_exists") {
      this.assertSucceeded(created, `creating index "${uid}"`)
    }

    let existing: IndexObject
    try {
      existing = await this.client_.getRawIndex(uid)
    } catch (error) {
      throw this.toMedusaError(error, `reading index "${uid}"`)
    }
    if (!existing.primaryKey || existing.primaryKey === primaryKey) {
      if (!existing.primaryKey) {
        this.assertSucceeded(
          await this.applyNow(() => this.client_.updateIndex(uid, { primaryKey }), `setting the primary key of "${uid}"`),
          `setting the primary key of "${uid}"`
        )
      }
      return
    }
    // Meilisearch cannot change the key of an index holding documents. The module only migrates
    // an index it is about to seed, so rebuilding it empty loses nothing.
    this.logger_?.info(`[Search] Recreating Meilisearch index "${uid}": its primary key changes from "${existing.primaryKey}" to "${primaryKey}"`)
    this.assertSucceeded(await this.applyNow(() => this.client_.deleteIndex(uid), `deleting index "${uid}"`), `deleting index "${uid}"`)
    this.assertSucceeded(
      await this.applyNow(() => this.client_.createIndex(uid, { primaryKey }), `creating index "${uid}"`),
      `creating index "${uid}"`
    )
  }

  async deleteIndex({ index }: { index: string }): Promise<SearchTypes.SearchTask> {
    const uid = this.uid(index)
    const task = await this.applyNow(() => this.client_.deleteIndex(uid), `deleting index "${uid}"`)
    // Deleting an index that is already gone is a success: the call is idempotent, as on PostgreSQL.
    if (task.error?.code !== "index_not_found") {
      this.assertSucceeded(task, `deleting index "${uid}"`)
    }
    this.fieldMaps_.delete(index)
    return { index, status: "succeeded" }
  }

  async listIndexes(): Promise<SearchTypes.SearchIndexInfo[]> {
    try {
      const [stats, indexes] = await Promise.all([this.client_.getStats(), this.listRawIndexes()])
      return indexes
        .filter((index) => index.uid.startsWith(this.indexPrefix_))
        .map((index) => ({
          name: index.uid.slice(this.indexPrefix_.length),
          provider: MeilisearchSearchService.identifier,
          document_count: stats.indexes[index.uid]?.numberOfDocuments ?? 0,
          created_at: new Date(index.createdAt),
          updated_at: new Date(index.updatedAt),
        }))
    } catch (error) {
      throw this.toMedusaError(error, "listing indexes")
    }
  }

  protected async listRawIndexes(): Promise<IndexObject[]> {
    const indexes: IndexObject[] = []
    const limit = 100
    for (let offset = 0; ; offset += limit) {
      const page = await this.client_.getRawIndexes({ offset, limit })
      indexes.push(...page.results)
      if (offset + limit >= page.total || !page.results.length) {
        return indexes
      }
    }
  }

  async upsertDocuments({
    index,
    definition,
    documents,
  }: {
    index: string
    definition: SearchTypes.ResolvedSearchIndexDefinition
    documents: SearchTypes.SearchDocument[]
  }): Promise<SearchTypes.SearchTask> {
    const map = this.fieldMap(definition, index)
    if (!documents.length) {
      return { index, status: "succeeded" }
    }
    const stored = documents.map((document) => toMeilisearchDocument(document, map))
    const uid = this.uid(index)
    // `addDocuments` replaces a document with the same id as a whole, which is what an upsert means here.
    return await this.enqueue(
      () => this.client_.index(uid).addDocuments(stored, { primaryKey: definition.primary_key }),
      index,
      `writing documents to "${uid}"`
    )
  }

  async deleteDocuments({ index, filters }: SearchTypes.SearchDeleteDocumentsInput): Promise<SearchTypes.SearchTask> {
    const uid = this.uid(index)
    const map = this.fieldMaps_.get(index) ?? untypedFieldMap(await this.primaryKeyOf(uid))

    const ids = extractPrimaryKeyFilter(filters, map)
    if (ids) {
      if (!ids.length) {
        return { index, status: "succeeded" }
      }
      return await this.enqueue(() => this.client_.index(uid).deleteDocuments(ids), index, `deleting documents from "${uid}"`)
    }

    const filter = compileFilters(filters, map)
    if (!filter) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, `Deleting from search index "${index}" requires filters`)
    }
    return await this.enqueue(() => this.client_.index(uid).deleteDocuments({ filter }), index, `deleting documents from "${uid}"`)
  }

  protected async primaryKeyOf(uid: string): Promise<string> {
    try {
      return (await this.client_.getRawIndex(uid)).primaryKey ?? "id"
    } catch (error) {
      throw this.toMedusaError(error, `reading index "${uid}"`)
    }
  }

  async clearIndex({ index }: { index: string }): Promise<SearchTypes.SearchTask> {
    const uid = this.uid(index)
    return await this.enqueue(() => this.client_.index(uid).deleteAllDocuments(), index, `clearing "${uid}"`)
  }

  async waitForTask(task: SearchTypes.SearchTask, options?: { timeout_ms?: number }): Promise<SearchTypes.SearchTask> {
    if (!task.id || task.status === "succeeded" || task.status === "failed") {
      return task
    }
    const timeout = options?.timeout_ms ?? DEFAULT_TASK_TIMEOUT_MS
    try {
      const finished = await this.client_.tasks.waitForTask(Number(task.id), { timeout, interval: TASK_POLL_INTERVAL_MS })
      return this.toSearchTask(finished, task.index ?? finished.indexUid ?? "")
    } catch (error) {
      if (error instanceof this.sdk_.MeilisearchTaskTimeOutError) {
        // Not "processing": the module would take that as settled and could swap in an index still being filled.
        throw new MedusaError(
          MedusaError.Types.UNEXPECTED_STATE,
          `Meilisearch task ${task.id} on "${task.index}" did not finish within ${timeout} ms`
        )
      }
      throw this.toMedusaError(error, `waiting for task ${task.id}`)
    }
  }

  async search(input: SearchTypes.ProviderSearchQuery): Promise<SearchTypes.SearchResult> {
    const [result] = await this.searchMany([input])
    return result
  }

  /** Every query, with its facet and count companions, goes to Meilisearch in one multi-search request. */
  async searchMany(inputs: SearchTypes.ProviderSearchQuery[]): Promise<SearchTypes.SearchResult[]> {
    if (!inputs.length) {
      return []
    }
    const plans = inputs.map((input) => {
      this.fieldMaps_.set(input.index.physical_name, buildIndexedFieldMap(input.index))
      return planSearch(input, this.uid(input.index.physical_name))
    })

    let responses: MultiSearchResponse["results"]
    try {
      const params: MultiSearchParams = { queries: plans.flatMap((plan) => plan.queries) }
      responses = (await this.client_.multiSearch(params)).results
    } catch (error) {
      throw this.toMedusaError(error, "search")
    }

    let offset = 0
    return plans.map((plan) => {
      const own = responses.slice(offset, offset + plan.queries.length)
      offset += plan.queries.length
      return plan.toResult(own)
    })
  }
}

export default MeilisearchSearchService
