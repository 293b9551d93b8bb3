import { buildCollaborativeModel } from "../../recommendation"
import { basketInteractions } from "../baskets"

describe("curated baskets in the collaborative model", () => {
  it("turns a look's and an outfit's products into one pseudo-shopper each, skipping one-product baskets and repeats", () => {
    const interactions = basketInteractions([
      { key: "look:1", product_ids: ["dress", "loafers", "dress"], at: 10 },
      { key: "outfit:2", product_ids: ["tee", "chinos"], at: 20 },
      { key: "look:3", product_ids: ["scarf"], at: 30 },
    ])
    expect(interactions).toEqual([
      { customer_id: "look:1", product_id: "dress", kind: "look", at: 10 },
      { customer_id: "look:1", product_id: "loafers", kind: "look", at: 10 },
      { customer_id: "outfit:2", product_id: "tee", kind: "wardrobe", at: 20 },
      { customer_id: "outfit:2", product_id: "chinos", kind: "wardrobe", at: 20 },
    ])
  })

  it("makes a look's pieces neighbours of each other, which they were not from the log alone", () => {
    const day = 86_400_000
    const log = [
      { customer_id: "cus_a", product_id: "dress", kind: "purchase" as const, at: 1 * day },
      { customer_id: "cus_b", product_id: "loafers", kind: "purchase" as const, at: 2 * day },
    ]
    const neighboursOfDress = (model: ReturnType<typeof buildCollaborativeModel>) => (model.neighbours.get("dress") ?? []).map(([id]) => id)
    expect(neighboursOfDress(buildCollaborativeModel(log))).not.toContain("loafers")
    const withLook = buildCollaborativeModel([...log, ...basketInteractions([{ key: "look:1", product_ids: ["dress", "loafers"], at: 3 * day }])])
    expect(neighboursOfDress(withLook)).toContain("loafers")
  })
})
