import { choicesOf } from "../product-choices"

const variant = (id: string, rank: number, colour: string, size: string) => ({
  id,
  variant_rank: rank,
  options: [
    { value: colour, option_id: "opt_colour" },
    { value: size, option_id: "opt_size" },
  ],
})
const options = [
  { id: "opt_colour", title: "Colour" },
  { id: "opt_size", title: "Size" },
]

describe("choicesOf", () => {
  it("lists options with values in the variants' order and names the size as the choice to make", () => {
    const choices = choicesOf({
      id: "prod_1",
      title: "Wrap Dress",
      options,
      variants: [variant("v_sage_m", 1, "Sage", "M"), variant("v_black_xs", 2, "Black", "XS"), variant("v_sage_xs", 0, "Sage", "XS")],
    })
    expect(choices.options).toEqual([
      { title: "Colour", values: ["Sage", "Black"] },
      { title: "Size", values: ["XS", "M"] },
    ])
    expect(choices.size_option).toBe("Size")
    expect(choices.variant_ids).toEqual(["v_sage_xs", "v_sage_m", "v_black_xs"])
    expect(choices.variant_options.get("v_black_xs")).toEqual({ Colour: "Black", Size: "XS" })
  })

  it("asks for no size when there is one", () => {
    const choices = choicesOf({
      id: "prod_2",
      title: "Silk Scarf",
      options,
      variants: [variant("v_red", 0, "Red", "One size"), variant("v_blue", 1, "Blue", "One size")],
    })
    expect(choices.size_option).toBeNull()
    expect(choices.options[0]).toEqual({ title: "Colour", values: ["Red", "Blue"] })
  })
})
