import path from "path"
import { Client } from "pg"
import { MikroORM } from "@medusajs/framework/mikro-orm/postgresql"
import { SearchTypes } from "@medusajs/framework/types"
import { search } from "@medusajs/framework/utils"
import { TestDatabaseUtils } from "@medusajs/test-utils"
import postgresSearchProvider from "@medusajs/medusa/search-postgres"
import meilisearchSearchProvider from "../index"

/**
 * One contract, every search provider: the same index definition, documents
 * and assertions run against PostgreSQL (always, so the suite proves itself)
 * and against Meilisearch when MEILISEARCH_HOST is set.
 */

// meilisearch ships only as an ES module. Node loads it with require(), Jest's
// module registry cannot, so the suite hands Jest Node's own copy.
jest.mock("meilisearch", () => (process as any).getBuiltinModule("module").createRequire(__filename)("meilisearch"))

jest.setTimeout(60_000)

type Provider = SearchTypes.ISearchProvider

const quietLogger = {
  info: () => {},
  warn: () => {},
  error: () => {},
  debug: () => {},
  log: () => {},
} as any

const fields = search.define({
  id: search.keyword().filterable(),
  title: search.text().searchable({ weight: 3 }),
  description: search.text().searchable(),
  brand: search.keyword().filterable().facetable(),
  colours: search.keyword().array().filterable().facetable(),
  sizes: search.keyword().array().filterable(),
  price: search
    .float()
    .filterable()
    .sortable()
    .facetable({ types: ["range", "stats"] }),
  status: search.keyword().filterable(),
})

/** The definition as the Search Module hands it to a provider (`defineSearchIndex` would also register it globally). */
function resolvedIndex(provider: string): SearchTypes.ResolvedSearchIndexDefinition {
  return {
    name: "contract_products",
    entity: "product",
    fields: fields.toFields(),
    // Meilisearch's default needs five letters before one typo; "drss" has four.
    settings: { typo_tolerance: { enabled: true, min_word_size_for_one_typo: 4, min_word_size_for_two_typos: 8 } },
    seed: async function* () {},
    primary_key: "id",
    provider,
    definition_hash: "contract",
    physical_name: "contract_products_v1",
  }
}

const documents: SearchTypes.SearchDocument[] = [
  {
    id: "p1",
    title: "Linen Summer Dress",
    description: "Breezy linen for warm days",
    brand: "Aurora",
    colours: ["white", "blue"],
    sizes: ["S", "M"],
    price: 89,
    status: "published",
  },
  {
    id: "p2",
    title: "Wool Coat",
    description: "A long coat to wear over any dress",
    brand: "Nord",
    colours: ["black"],
    sizes: ["M", "L"],
    price: 249,
    status: "published",
  },
  {
    id: "p3",
    title: "Silk Blouse",
    description: "Light silk with a soft collar",
    brand: "Aurora",
    colours: ["red", "white"],
    sizes: ["XS", "S"],
    price: 120,
    status: "draft",
  },
  {
    id: "p4",
    title: "Denim Jacket",
    description: "Classic denim, stone washed",
    brand: "Rivet",
    colours: ["blue"],
    sizes: ["M", "L", "XL"],
    price: 99.5,
    status: "published",
  },
  {
    id: "p5",
    title: "Pleated Skirt",
    description: "Midi length, fully lined",
    brand: "Nord",
    colours: ["black", "white"],
    sizes: ["S"],
    price: 59,
    status: "published",
  },
  // Quotes and a backslash, to prove filter values are escaped.
  {
    id: "p6",
    title: 'Cargo "Utility" Trousers',
    description: "Six pockets",
    brand: "Rivet \\ Co",
    colours: ["green"],
    sizes: ["L"],
    price: 75,
    status: "archived",
  },
]

type Harness = {
  name: string
  /** Whether this engine applies writes later (then `waitForTask` must settle them). */
  create(): Promise<{ provider: Provider; identifier: string; teardown(): Promise<void> }>
}

const dbSettings = {
  host: process.env.DB_HOST || "127.0.0.1",
  port: Number(process.env.DB_PORT || 5432),
  user: process.env.DB_USERNAME || "postgres",
  password: process.env.DB_PASSWORD || "",
}

const postgresHarness: Harness = {
  name: "postgres",
  async create() {
    const database = `curator_search_contract_${process.pid}`
    const admin = new Client({ ...dbSettings, database: "postgres" })
    await admin.connect()
    await admin.query(`DROP DATABASE IF EXISTS "${database}"`)
    await admin.query(`CREATE DATABASE "${database}"`)

    const clientUrl = `postgres://${encodeURIComponent(dbSettings.user)}${
      dbSettings.password ? `:${encodeURIComponent(dbSettings.password)}` : ""
    }@${dbSettings.host}:${dbSettings.port}/${database}`
    // The provider's own migration creates pg_trgm, unaccent, the text search config and its catalog table.
    const orm = await MikroORM.init({
      ...TestDatabaseUtils.getMikroOrmConfig({
        mikroOrmEntities: [],
        pathToMigrations: path.join(path.dirname(require.resolve("@medusajs/search-postgres")), "migrations"),
        clientUrl,
      }),
      discovery: { warnWhenNoEntities: false },
    })
    await orm.getMigrator().up()

    const PostgresSearchService = postgresSearchProvider.services[0] as any
    const provider = new PostgresSearchService({ manager: orm.em.fork(), logger: quietLogger }, { engine: "native" })
    return {
      provider,
      identifier: PostgresSearchService.identifier,
      async teardown() {
        await orm.close(true)
        await admin.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`)
        await admin.end()
      },
    }
  },
}

const meilisearchHarness: Harness = {
  name: "meilisearch",
  async create() {
    const MeilisearchSearchService = meilisearchSearchProvider.services[0] as any
    const provider = new MeilisearchSearchService(
      { logger: quietLogger },
      {
        host: process.env.MEILISEARCH_HOST,
        apiKey: process.env.MEILISEARCH_API_KEY,
        indexPrefix: `contract_${process.pid}_`,
      }
    )
    return {
      provider,
      identifier: MeilisearchSearchService.identifier,
      async teardown() {
        await provider.deleteIndex({ index: "contract_products_v1" }).catch(() => undefined)
      },
    }
  },
}

const harnesses = [postgresHarness, ...(process.env.MEILISEARCH_HOST ? [meilisearchHarness] : [])]
if (!process.env.MEILISEARCH_HOST) {
  console.log("search-provider contract: MEILISEARCH_HOST is not set, so the Meilisearch half is skipped (PostgreSQL only)")
}

describe.each(harnesses)("search provider contract: $name", (harness) => {
  let provider: Provider
  let index: SearchTypes.ResolvedSearchIndexDefinition
  let teardown: () => Promise<void>

  const settle = async (task: SearchTypes.SearchTask) => {
    const settled = task.status === "succeeded" || !provider.waitForTask ? task : await provider.waitForTask(task)
    expect(settled).toMatchObject({ status: "succeeded" })
    return settled
  }

  const query = (input: Partial<Omit<SearchTypes.ProviderSearchQuery, "index">> = {}) =>
    provider.search({
      index,
      attributes_to_retrieve: ["id", "title", "brand", "colours", "sizes", "price", "status"],
      ...input,
      pagination: { skip: 0, take: 20, ...input.pagination },
    })

  const idsOf = (result: SearchTypes.SearchResult) => result.hits.map((hit) => hit.id)
  const sortedIds = async (filters: SearchTypes.SearchFilters) => idsOf(await query({ filters })).sort()

  beforeAll(async () => {
    const created = await harness.create()
    provider = created.provider
    teardown = created.teardown
    index = resolvedIndex(created.identifier)
  })

  afterAll(async () => {
    await teardown?.()
  })

  it("creates the index", async () => {
    await settle(await provider.upsertIndex({ index }))
    const listed = await provider.listIndexes()
    expect(listed.find((entry) => entry.name === index.physical_name)).toMatchObject({ document_count: 0 })
  })

  it("upserts documents", async () => {
    await settle(await provider.upsertDocuments({ index: index.physical_name, definition: index, documents }))
    const listed = await provider.listIndexes()
    expect(listed.find((entry) => entry.name === index.physical_name)).toMatchObject({ document_count: 6 })

    const result = await query({ filters: { id: "p6" } })
    expect(result.hits).toEqual([
      expect.objectContaining({
        id: "p6",
        document: expect.objectContaining({ title: 'Cargo "Utility" Trousers', colours: ["green"], price: 75 }),
      }),
    ])
  })

  it("ranks a title match above a description match", async () => {
    const result = await query({ q: "dress", search_options: { count: "exact" } })
    expect(idsOf(result)[0]).toBe("p1")
    expect(idsOf(result)).toContain("p2")
    expect(result.metadata.count).toBe(2)
  })

  it("tolerates a typo when asked to", async () => {
    const result = await query({ q: "drss", search_options: { typo_tolerance: true } })
    expect(idsOf(result)).toContain("p1")
  })

  describe("filters", () => {
    it("equality, with quotes and backslashes in the value", async () => {
      expect(await sortedIds({ brand: "Aurora" })).toEqual(["p1", "p3"])
      expect(await sortedIds({ brand: { $eq: "Rivet \\ Co" } })).toEqual(["p6"])
      expect(await sortedIds({ status: { $ne: "published" } })).toEqual(["p3", "p6"])
    })

    it("membership", async () => {
      expect(await sortedIds({ brand: { $in: ["Nord", "Rivet"] } })).toEqual(["p2", "p4", "p5"])
      expect(await sortedIds({ status: { $nin: ["draft", "archived"] } })).toEqual(["p1", "p2", "p4", "p5"])
      expect(await sortedIds({ brand: { $in: [] } })).toEqual([])
    })

    it("numeric ranges", async () => {
      expect(await sortedIds({ price: { $gte: 75, $lt: 120 } })).toEqual(["p1", "p4", "p6"])
      expect(await sortedIds({ price: { $gt: 120 } })).toEqual(["p2"])
    })

    it("array contains and overlaps", async () => {
      expect(await sortedIds({ sizes: "XL" })).toEqual(["p4"])
      expect(await sortedIds({ colours: { $contains: ["black", "white"] } })).toEqual(["p5"])
      expect(await sortedIds({ colours: { $overlaps: ["red", "green"] } })).toEqual(["p3", "p6"])
    })

    it("nested $and, $or and $not", async () => {
      const filters: SearchTypes.SearchFilters = {
        $or: [{ brand: "Aurora" }, { $and: [{ status: "published" }, { price: { $lt: 60 } }] }],
        $not: { colours: "red" },
      }
      expect(await sortedIds(filters)).toEqual(["p1", "p5"])
      expect(await sortedIds({ $not: { $or: [{ brand: "Nord" }, { sizes: { $overlaps: ["XS", "XL"] } }] } })).toEqual(["p1", "p6"])
    })
  })

  it("counts values per facet, within the filters", async () => {
    const result = await query({
      filters: { status: "published" },
      search_options: { facets: ["brand", { field: "colours", type: "value", limit: 2 }] },
    })
    expect(result.facets?.brand).toEqual({
      type: "value",
      values: [
        { value: "Nord", count: 2 },
        { value: "Aurora", count: 1 },
        { value: "Rivet", count: 1 },
      ],
    })
    // Three colours tie at two documents each: ties go alphabetically, then the limit applies.
    expect(result.facets?.colours).toEqual({
      type: "value",
      values: [
        { value: "black", count: 2 },
        { value: "blue", count: 2 },
      ],
    })
  })

  it("counts documents per price range, and the price stats", async () => {
    const result = await query({
      search_options: {
        facets: [{ field: "price", type: "range", ranges: [{ key: "budget", to: 80 }, { key: "mid", from: 80, to: 150 }, { from: 150 }] }],
      },
    })
    expect(result.facets?.price).toEqual({
      type: "range",
      ranges: [
        { key: "budget", to: 80, count: 2 },
        { key: "mid", from: 80, to: 150, count: 3 },
        { key: "150-*", from: 150, count: 1 },
      ],
    })

    const stats = await query({ filters: { brand: "Nord" }, search_options: { facets: [{ field: "price", type: "stats" }] } })
    expect(stats.facets?.price).toMatchObject({ type: "stats", min: 59, max: 249, count: 2 })
  })

  it("sorts by price both ways", async () => {
    const ascending = ["p5", "p6", "p1", "p4", "p3", "p2"]
    expect(idsOf(await query({ pagination: { order: { price: "ASC" } } }))).toEqual(ascending)
    expect(idsOf(await query({ pagination: { order: { price: "DESC" } } }))).toEqual([...ascending].reverse())
  })

  it("paginates with skip and take, and counts every match", async () => {
    const result = await query({ pagination: { skip: 2, take: 2, order: { price: "ASC" } }, search_options: { count: "exact" } })
    expect(idsOf(result)).toEqual(["p1", "p4"])
    expect(result.metadata).toMatchObject({ skip: 2, take: 2, count: 6 })

    const uncounted = await query({ pagination: { take: 1 }, search_options: { count: "none" } })
    expect(uncounted.metadata.count).toBeNull()
  })

  it("deletes documents by id", async () => {
    await settle(await provider.deleteDocuments({ index: index.physical_name, filters: { id: ["p2"] } }))
    const result = await query({ search_options: { count: "exact" } })
    expect(idsOf(result)).not.toContain("p2")
    expect(result.metadata.count).toBe(5)
  })

  it("replaces a document when it is upserted again", async () => {
    const replacement = {
      id: "p1",
      title: "Linen Maxi Dress",
      description: "Longer cut",
      brand: "Aurora",
      colours: ["green"],
      sizes: ["M"],
      price: 95,
      status: "published",
    }
    await settle(await provider.upsertDocuments({ index: index.physical_name, definition: index, documents: [replacement] }))

    const [hit] = (await query({ filters: { id: "p1" } })).hits
    expect(hit.document).toEqual({
      id: "p1",
      title: "Linen Maxi Dress",
      brand: "Aurora",
      colours: ["green"],
      sizes: ["M"],
      price: 95,
      status: "published",
    })
    expect(await sortedIds({ colours: "white" })).toEqual(["p3", "p5"])
    expect((await query({ search_options: { count: "exact" } })).metadata.count).toBe(5)
  })

  it("deletes the index", async () => {
    await settle(await provider.deleteIndex({ index: index.physical_name }))
    const listed = await provider.listIndexes()
    expect(listed.map((entry) => entry.name)).not.toContain(index.physical_name)
    await expect(query()).rejects.toMatchObject({ type: "not_found" })
  })
})
