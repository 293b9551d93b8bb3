import { SearchProviderService } from "@medusajs/search/dist/services/search-provider"
import meilisearchProvider from "../index"
import { MeilisearchSearchService } from "../service"

// meilisearch ships only as an ES module: hand Jest Node's own copy (Node loads it with require()).
jest.mock("meilisearch", () => (process as any).getBuiltinModule("module").createRequire(__filename)("meilisearch"))

describe("MeilisearchSearchService", () => {
  it("fails at start, naming MEILISEARCH_HOST, when no host is configured", () => {
    expect(() => MeilisearchSearchService.validateOptions({})).toThrow(/MEILISEARCH_HOST/)
    expect(() => MeilisearchSearchService.validateOptions({ host: "  " })).toThrow(/MEILISEARCH_HOST/)
    expect(() => new MeilisearchSearchService({}, {} as any)).toThrow(/MEILISEARCH_HOST/)
    expect(() => MeilisearchSearchService.validateOptions({ host: "http://localhost:7700", indexPrefix: "bad prefix" })).toThrow(
      /MEILISEARCH_INDEX_PREFIX/
    )
  })

  it("is registered under the identifier that default_provider names", () => {
    expect(meilisearchProvider.services).toEqual([MeilisearchSearchService])
    const provider = new MeilisearchSearchService({}, { host: "http://127.0.0.1:7700", indexPrefix: "curator_" })
    expect(provider.identifier).toBe("search-meilisearch")
    // The Search Module keys providers by identifier, whatever `id` they were registered with.
    const registry = new SearchProviderService({ "srh_search-meilisearch_meilisearch": provider } as any)
    expect(registry.getDefaultIdentifier("search-meilisearch")).toBe("search-meilisearch")
    expect(() => registry.getDefaultIdentifier("meilisearch")).toThrow(/not registered/)
  })

  it("waits for deferred writes, and needs no round-trip for an empty batch", async () => {
    const provider = new MeilisearchSearchService({}, { host: "http://127.0.0.1:7700" })
    expect(typeof provider.waitForTask).toBe("function")
    expect(await provider.searchMany([])).toEqual([])
    expect(await provider.waitForTask({ index: "x", status: "succeeded" })).toEqual({ index: "x", status: "succeeded" })
  })

  it("reports an unreachable server as a Medusa error naming the action", async () => {
    const provider = new MeilisearchSearchService({}, { host: "http://127.0.0.1:1" })
    await expect(provider.listIndexes()).rejects.toMatchObject({
      type: "unexpected_state",
      message: expect.stringMatching(/Meilisearch listing indexes failed/),
    })
  })
})
