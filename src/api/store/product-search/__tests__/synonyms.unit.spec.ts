// Beside the route, not in src/search/: Medusa imports every file under src/search/ as a search index definition.
// The index definition registers itself with the running application; here it is just its value.
jest.mock("@medusajs/framework/utils", () => ({
  ...jest.requireActual("@medusajs/framework/utils"),
  defineSearchIndex: <T>(definition: T) => definition,
}))

import { toMeilisearchSynonyms } from "../../../../modules/search-meilisearch/settings"
import productIndex, { toProductSearchDocument } from "../../../../search/product"
import { SEARCH_SYNONYM_GROUPS, synonymTerms } from "../../../../search/synonyms"

describe("product search synonyms", () => {
  it("names every group a title, category or tag mentions, plurals and hyphens included", () => {
    expect(synonymTerms(["Roll-Neck Sweater"])).toEqual(["jumper", "sweater", "pullover", "knitwear"])
    expect(synonymTerms(["Cardigan", "Knitwear"])).toEqual(["jumper", "sweater", "pullover", "knitwear"])
    expect(synonymTerms(["Organic Cotton T-Shirt"])).toEqual(["tee", "t-shirt", "tshirt"])
    expect(synonymTerms(["Zip Hooded Sweatshirt"])).toEqual(["hoodie", "hooded sweatshirt"])
    expect(synonymTerms(["Shoes", "Sneakers"])).toEqual(["trainers", "sneakers"])
    expect(synonymTerms(["Wide-Leg Trousers"])).toEqual(["trousers", "pants"])
    expect(synonymTerms(["Trench Coats"])).toEqual(["jacket", "coat"])
  })

  it("does not mistake neighbouring words for a synonym", () => {
    expect(synonymTerms(["Oxford Shirt"])).toEqual([])
    expect(synonymTerms(["Sweatshirt"])).toEqual([])
    expect(synonymTerms(["Linen Dress", null, undefined])).toEqual([])
    // A knit material is not a sweater: the demo's loafers, their category and their material tag.
    expect(synonymTerms(["Heritage Recycled Knit Loafers", "Shoes", "recycled-knit"])).toEqual([])
  })

  it("indexes a product under its synonyms, so PostgreSQL finds a sweater for 'jumper'", () => {
    const document = toProductSearchDocument({ id: "prod_1", title: "Merino Sweater", categories: [{ name: "Knitwear", handle: "knitwear" }] })
    expect(document.synonyms?.split(" ")).toEqual(expect.arrayContaining(["jumper", "pullover", "sweater"]))
    expect(toProductSearchDocument({ id: "prod_2", title: "Linen Dress" }).synonyms).toBeUndefined()
  })

  it("gives Meilisearch the same table as its synonyms setting, mutual and with plurals", () => {
    const synonyms = toMeilisearchSynonyms(SEARCH_SYNONYM_GROUPS)
    expect(synonyms.jumper).toEqual(expect.arrayContaining(["sweater", "sweaters", "pullover", "knitwear"]))
    expect(synonyms.sweaters).toEqual(expect.arrayContaining(["jumper", "jumpers"]))
    expect(synonyms.tshirt).toEqual(expect.arrayContaining(["tee", "t-shirt"]))
    expect(synonyms["hooded sweatshirt"]).toEqual(["hoodie", "hoodies"])
    expect(synonyms.trainers).toEqual(["sneakers"])
    expect(synonyms.jacket).toEqual(["coat", "coats"])
    // The product index hands exactly this to the Meilisearch adapter.
    expect(productIndex.settings?.provider_options?.["search-meilisearch"]?.synonyms).toEqual(synonyms)
  })
})
