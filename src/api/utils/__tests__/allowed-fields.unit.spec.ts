import { allowOnlyFields, asksFor, fieldsNotAllowed, pickFields, withRelationPaths } from "../allowed-fields"
import { escapeLike, likePattern } from "../like-pattern"

describe("response fields", () => {
  const post = {
    id: "p1",
    caption: null,
    author: { id: "c1", display_name: "Ines M." },
    tags: [
      { id: "t1", product: { id: "prod1", title: "Coat", calculated_price: { calculated_amount: 10, currency_code: "eur" } } },
      { id: "t2", product: null },
    ],
  }

  it("cuts a built response to the fields asked for, keeping whole relations and null ones", () => {
    expect(pickFields(post, ["id", "caption"])).toEqual({ id: "p1", caption: null })
    expect(pickFields(post, ["id", "tags.product.title"])).toEqual({ id: "p1", tags: [{ product: { title: "Coat" } }, { product: null }] })
    expect(pickFields(post, ["author.*", "tags.product.calculated_price"])).toEqual({
      author: { id: "c1", display_name: "Ines M." },
      tags: [{ product: { calculated_price: { calculated_amount: 10, currency_code: "eur" } } }, { product: null }],
    })
  })

  it("allows relations on the way to allowed fields, and says which parts a field list shows", () => {
    const allowed = withRelationPaths(["id", "tags.product.title"])
    expect(allowed.sort()).toEqual(["id", "tags", "tags.product", "tags.product.title"])
    expect(fieldsNotAllowed("*tags,tags.product.*,+id", allowed)).toEqual([])
    expect(fieldsNotAllowed("tags.product.description,customer.email", allowed)).toEqual(["tags.product.description", "customer.email"])
    expect(asksFor(["id", "tags.product.title"], "tags.product")).toBe(true)
    expect(asksFor(["tags.*"], "tags.product")).toBe(true)
    expect(asksFor(["id", "tags.id"], "tags.product")).toBe(false)
  })

  it("answers 400 naming the fields outside the list", () => {
    const next = jest.fn()
    allowOnlyFields(["id"])({ query: { fields: "id,secret" } } as never, {} as never, next)
    expect(next.mock.calls[0][0].message).toMatch(/fields: "secret" is not allowed here; allowed fields are id/)
  })
})

describe("ILIKE patterns", () => {
  it("escapes wildcards so shopper text matches literally", () => {
    expect(escapeLike("50%_off\\")).toBe("50\\%\\_off\\\\")
    expect(likePattern("a_b")).toBe("%a\\_b%")
  })
})
