import { MedusaContainer } from "@medusajs/framework/types"
import { catalogVocabulary } from "../../../../search/catalog-vocabulary"

/** A container whose query.graph answers one product and counts its calls. */
function fakeScope() {
  const graph = jest.fn(async () => ({ data: [{ title: "Wool Cardigan", categories: [{ name: "Knitwear" }] }] }))
  const scope = { resolve: () => ({ graph }) } as unknown as MedusaContainer
  return { scope, graph }
}

describe("catalogVocabulary", () => {
  afterEach(() => jest.useRealTimers())

  it("rebuilds on a timer while the shop is idle, so the first search after a quiet spell does not build it", async () => {
    jest.useFakeTimers()
    const { scope, graph } = fakeScope()
    await catalogVocabulary(scope)
    expect(graph).toHaveBeenCalledTimes(1)

    // No search for 11 minutes: the vocabulary was rebuilt twice meanwhile.
    await jest.advanceTimersByTimeAsync(11 * 60 * 1000)
    expect(graph).toHaveBeenCalledTimes(3)

    // The next search answers from what was built while idle: it starts no build of its own.
    await catalogVocabulary(scope)
    expect(graph).toHaveBeenCalledTimes(3)
  })
})
