import { storeHeaders, TestApi } from "./api"

/**
 * Search ingests product events after the write that caused them: wait until
 * GET /store/product-search counts at least `expected` products, or fail naming the count.
 */
export async function waitForSearchIndex(api: TestApi, publishableKey: string, expected: number): Promise<void> {
  let count = -1
  for (let attempt = 0; attempt < 60; attempt++) {
    const res = await api.request({
      method: "GET",
      url: "/store/product-search?limit=1",
      headers: storeHeaders(publishableKey),
      validateStatus: () => true,
    })
    count = res.status === 200 ? res.data.count : -1
    if (count >= expected) return
    await new Promise((r) => setTimeout(r, 500))
  }
  throw new Error(`the search index holds ${count} products, not the ${expected} expected`)
}
