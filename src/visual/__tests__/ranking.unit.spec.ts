import {
  Candidate,
  collapseByProduct,
  Constraints,
  DEFAULT_RANKING_WEIGHTS,
  parseRankingWeights,
  photoReference,
  rankCandidate,
  RankingContext,
  rankingWeights,
  selectProducts,
  SIMILARITY_FLOOR,
  violations,
} from "../ranking"

const candidate = (id: string, overrides: Partial<Candidate> & { price?: number | null; in_stock?: boolean } = {}): Candidate => {
  const { price = 50, in_stock = true, ...rest } = overrides
  return {
    product_id: id,
    image_id: `img_${id}`,
    image_url: `http://shop/${id}.jpg`,
    similarity: 0.8,
    card: {
      id,
      title: id,
      handle: id,
      thumbnail: null,
      calculated_price: price === null ? null : { calculated_amount: price, original_amount: price, currency_code: "eur" },
      in_stock,
    },
    category_handles: ["tops"],
    colours: ["Black"],
    brand: "Nordvik",
    variants: [
      { size: "S", in_stock },
      { size: "M", in_stock },
    ],
    ...rest,
  }
}

const context = (constraints: Partial<Constraints> = {}, extra: Partial<RankingContext> = {}): RankingContext => ({
  weights: DEFAULT_RANKING_WEIGHTS,
  constraints: { in_stock: true, ...constraints },
  reference: { kind: "photo", category_handles: ["tops"], colours: ["Black"], price: 50 },
  liked_brands: [],
  ...extra,
})

describe("parseRankingWeights", () => {
  it("reads the setting, keeping defaults for signals left out", () => {
    expect(parseRankingWeights(undefined)).toEqual(DEFAULT_RANKING_WEIGHTS)
    expect(parseRankingWeights("similarity=0.7,price=0.1,availability=0.1,brand=0.1")).toEqual({
      similarity: 0.7,
      price: 0.1,
      availability: 0.1,
      brand: 0.1,
    })
    expect(parseRankingWeights(" similarity = 1 , brand=0 ")).toEqual({ ...DEFAULT_RANKING_WEIGHTS, similarity: 1, brand: 0 })
  })

  it("names the mistake in a bad setting", () => {
    expect(() => parseRankingWeights("colour=0.3")).toThrow('unknown signal "colour"')
    expect(() => parseRankingWeights("price=-1")).toThrow("price=<a number of 0 or more>")
    expect(() => parseRankingWeights("price=cheap")).toThrow("price=<a number of 0 or more>")
    expect(() => parseRankingWeights("price")).toThrow("price=<a number of 0 or more>")
    expect(() => parseRankingWeights("similarity=0")).toThrow("similarity must weigh more than 0")
  })

  it("follows the environment", () => {
    const before = process.env.VISUAL_SEARCH_WEIGHTS
    try {
      process.env.VISUAL_SEARCH_WEIGHTS = "price=0.5"
      expect(rankingWeights().price).toBe(0.5)
      delete process.env.VISUAL_SEARCH_WEIGHTS
      expect(rankingWeights()).toEqual(DEFAULT_RANKING_WEIGHTS)
    } finally {
      if (before === undefined) delete process.env.VISUAL_SEARCH_WEIGHTS
      else process.env.VISUAL_SEARCH_WEIGHTS = before
    }
  })
})

describe("violations", () => {
  it("keeps out what the shopper cannot buy now, unless in_stock is false", () => {
    expect(violations(candidate("a"), { in_stock: true })).toEqual([])
    expect(violations(candidate("a", { in_stock: false }), { in_stock: true })).toEqual(["stock"])
    expect(violations(candidate("a", { price: null }), { in_stock: true })).toEqual(["stock"])
    expect(violations(candidate("a", { in_stock: false }), { in_stock: false })).toEqual([])
  })

  it("keeps to the budget, bounds included; an unpriced product is outside any budget", () => {
    const budget = { in_stock: true, min_price: 40, max_price: 60 }
    expect(violations(candidate("a", { price: 40 }), budget)).toEqual([])
    expect(violations(candidate("a", { price: 60 }), budget)).toEqual([])
    expect(violations(candidate("a", { price: 39.99 }), budget)).toEqual(["price"])
    expect(violations(candidate("a", { price: 60.01 }), { in_stock: true, max_price: 60 })).toEqual(["price"])
    expect(violations(candidate("a", { price: null }), { in_stock: false, min_price: 0 })).toEqual(["price"])
  })

  it("needs a variant of the size that is in stock (any case)", () => {
    const c = candidate("a", {
      variants: [
        { size: "S", in_stock: true },
        { size: "M", in_stock: false },
      ],
    })
    expect(violations(c, { in_stock: true, size: "s" })).toEqual([])
    expect(violations(c, { in_stock: true, size: "M" })).toEqual(["size"])
    expect(violations(c, { in_stock: true, size: "XL" })).toEqual(["size"])
    // in_stock=false: the size must exist, sold out or not.
    expect(violations(c, { in_stock: false, size: "M" })).toEqual([])
    expect(violations(c, { in_stock: true, size: "M" }, { ignoreSize: true })).toEqual([])
  })
})

describe("rankCandidate", () => {
  it("explains a match in the shopper's words", () => {
    const ranked = rankCandidate(candidate("a", { similarity: 0.95 }), context({ size: "M", max_price: 80 }, { liked_brands: ["nordvik"] }))
    expect(ranked.reasons).toEqual([
      "looks very much like your photo",
      "same category and colour",
      "in your size",
      "within your budget",
      "a brand you like",
    ])
    expect(rankCandidate(candidate("b", { colours: ["Red"] }), context()).reasons).toEqual(["same category"])
    expect(rankCandidate(candidate("c", { category_handles: ["shoes"] }), context()).reasons).toEqual(["similar colour"])
    expect(rankCandidate(candidate("d", { category_handles: ["shoes"], colours: ["Red"] }), context()).reasons).toEqual([])
  })

  it("weighs the signals by the weights, each 0..1, into a score of 0..1", () => {
    const onlySimilarity = { similarity: 1, price: 0, availability: 0, brand: 0 }
    // Similarity is the cosine measured from SIMILARITY_FLOOR: 0.81 → 0.62.
    expect(rankCandidate(candidate("a", { similarity: 0.81 }), context({}, { weights: onlySimilarity })).score).toBe(0.62)
    expect(rankCandidate(candidate("a", { similarity: SIMILARITY_FLOOR - 0.1 }), context({}, { weights: onlySimilarity })).score).toBe(0)
    const ranked = rankCandidate(candidate("a", { similarity: 2 }), context())
    expect(ranked.signals.similarity).toBe(1)
    expect(ranked.score).toBeLessThanOrEqual(1)
    // Brand affinity counts only for a shopper who likes some brand.
    const anonymous = rankCandidate(candidate("a", { similarity: 1 }), context())
    expect(anonymous.score).toBe(1)
  })

  it("fits prices near the reference better when there is no budget", () => {
    const near = rankCandidate(candidate("a", { price: 55 }), context())
    const far = rankCandidate(candidate("b", { price: 200 }), context())
    expect(near.signals.price).toBeGreaterThan(0.9)
    expect(far.signals.price).toBe(0)
  })

  it("compares products with a product by their look and their shared attributes", () => {
    const reference = { kind: "product" as const, category_handles: ["tops"], colours: ["Black"], price: 50 }
    const alike = rankCandidate(candidate("a", { similarity: 0.7 }), context({}, { reference }))
    const other = rankCandidate(candidate("b", { similarity: 0.7, category_handles: ["bags"], colours: ["Tan"] }), context({}, { reference }))
    expect(alike.score).toBeGreaterThan(other.score)
    expect(alike.reasons).toEqual(["same category and colour", "similar price"])
  })
})

describe("selectProducts", () => {
  it("shows each product once, with its best image", () => {
    const picked = collapseByProduct([
      candidate("a", { image_id: "a1", similarity: 0.7 }),
      candidate("a", { image_id: "a2", similarity: 0.9 }),
      candidate("b"),
    ])
    expect(picked.map((c) => c.image_id).sort()).toEqual(["a2", "img_b"])
    const { products } = selectProducts([candidate("a", { similarity: 0.9 }), candidate("a", { similarity: 0.95 }), candidate("b")], context(), 10)
    expect(products.map((p) => p.candidate.product_id)).toEqual(["a", "b"])
  })

  it("never shows a product that breaks a constraint, however similar", () => {
    const candidates = [
      candidate("sold-out", { similarity: 0.99, in_stock: false }),
      candidate("too-dear", { similarity: 0.98, price: 500 }),
      candidate("wrong-size", { similarity: 0.97, variants: [{ size: "S", in_stock: true }] }),
      candidate("fits", { similarity: 0.6, variants: [{ size: "M", in_stock: true }] }),
    ]
    const { products, size_relaxed } = selectProducts(candidates, context({ max_price: 100, size: "M" }), 10)
    expect(products.map((p) => p.candidate.product_id)).toEqual(["fits"])
    expect(size_relaxed).toBe(false)
  })

  it("lets similarity decide over availability and price: the photographed product first even when sold out", () => {
    const candidates = [candidate("look-alike", { similarity: 0.8, price: 200 }), candidate("photographed", { similarity: 0.97, in_stock: false })]
    const { products } = selectProducts(
      candidates,
      context({ in_stock: false }, { reference: { kind: "photo", category_handles: [], colours: [], price: 200 } }),
      10
    )
    expect(products.map((p) => p.candidate.product_id)).toEqual(["photographed", "look-alike"])
    expect(products[1].reasons).toContain("in stock")
  })

  it("ranks by similarity first and cuts at the limit", () => {
    const candidates = [candidate("c", { similarity: 0.5 }), candidate("a", { similarity: 0.9 }), candidate("b", { similarity: 0.7 })]
    const { products } = selectProducts(candidates, context(), 2)
    expect(products.map((p) => p.candidate.product_id)).toEqual(["a", "b"])
  })

  it("lets the most alike lead even when every candidate looks about as alike (a grey or blurred photo)", () => {
    const candidates = [
      candidate("alike-but-dear", { similarity: 0.66, price: 150 }),
      candidate("less-alike-at-the-price", { similarity: 0.6, price: 50 }),
    ]
    expect(selectProducts(candidates, context(), 2).products.map((p) => p.candidate.product_id)).toEqual([
      "alike-but-dear",
      "less-alike-at-the-price",
    ])
    // Measured from the fixed floor instead, price fit would decide.
    const fixed = context({}, { similarity_span: { low: SIMILARITY_FLOOR, high: 1 } })
    expect(selectProducts(candidates, fixed, 2).products.map((p) => p.candidate.product_id)).toEqual(["less-alike-at-the-price", "alike-but-dear"])
  })

  it("puts the confidently predicted category first: only the sidecar's leading (near-exact) matches of another category come before it", () => {
    const reference = { kind: "photo" as const, category_handles: ["tops"], colours: ["Black"], price: 50 }
    const ranked = (candidates: Candidate[], category_first: boolean) =>
      selectProducts(candidates, context({ in_stock: false }, { reference: { ...reference, category_first } }), 10).products.map(
        (p) => p.candidate.product_id
      )
    const candidates = [
      candidate("exact-elsewhere", { similarity: 0.96, category_handles: ["knitwear"], leading: true }),
      candidate("alike-elsewhere", { similarity: 0.95, category_handles: ["dresses"] }),
      candidate("same-category", { similarity: 0.7 }),
      candidate("same-category-2", { similarity: 0.65 }),
      candidate("weak-elsewhere", { similarity: 0.6, category_handles: ["knitwear"] }),
    ]
    expect(ranked(candidates, true)).toEqual(["exact-elsewhere", "same-category", "same-category-2", "alike-elsewhere", "weak-elsewhere"])
    expect(ranked(candidates, false)).toEqual(["exact-elsewhere", "alike-elsewhere", "same-category", "same-category-2", "weak-elsewhere"])
  })

  it("puts the sidecar's leading matches first when no category leads, however low their cosine (a near-copy by keypoints)", () => {
    const reference = { kind: "photo" as const, category_handles: ["bags"], colours: ["Black"], price: 50, category_first: false }
    const candidates = [
      candidate("alike", { similarity: 0.9 }),
      candidate("near-copy", { similarity: 0.62, leading: true }),
      candidate("less-alike", { similarity: 0.8 }),
    ]
    const ranked = selectProducts(candidates, context({ in_stock: false }, { reference }), 10).products.map((p) => p.candidate.product_id)
    expect(ranked).toEqual(["near-copy", "alike", "less-alike"])
  })

  it("keeps a product leading when any of its images led, whichever image matched best", () => {
    const [product] = collapseByProduct([
      candidate("p", { image_id: "img_a", similarity: 0.91, leading: true }),
      candidate("p", { image_id: "img_b", similarity: 0.93 }),
    ])
    expect(product).toMatchObject({ image_id: "img_b", similarity: 0.93, leading: true })
  })

  it("lets brand affinity and availability decide between equally similar products", () => {
    const candidates = [
      candidate("other-brand", { brand: "Acme" }),
      candidate("liked-brand"),
      candidate("few-sizes", {
        brand: "Acme",
        variants: [
          { size: "S", in_stock: true },
          { size: "M", in_stock: false },
        ],
      }),
    ]
    const { products } = selectProducts(candidates, context({}, { liked_brands: ["NORDVIK"] }), 10)
    expect(products.map((p) => p.candidate.product_id)).toEqual(["liked-brand", "other-brand", "few-sizes"])
  })

  it("lets the colours read from the photo decide between two products of one design in other colours, against availability", () => {
    // As the sidecar sees a photo of camel loafers: the lilac pair of the same design is as alike to the embedding.
    const candidates = [
      candidate("lilac-loafers", { similarity: 0.932, colours: ["Lilac"] }),
      candidate("camel-loafers", {
        similarity: 0.93,
        colours: ["Camel", "Black"],
        variants: [
          { size: "S", in_stock: true },
          { size: "M", in_stock: false },
        ],
      }),
      candidate("far-off", { similarity: 0.7, colours: ["Camel"] }),
    ]
    const reference = {
      kind: "photo" as const,
      category_handles: ["tops"],
      colours: ["Camel"],
      shades: [
        { hex: "#c49c6a", share: 0.85 },
        { hex: "#3a3a3a", share: 0.15 },
      ],
      price: 50,
    }
    const { products } = selectProducts(candidates, context({}, { reference }), 10)
    expect(products.map((p) => p.candidate.product_id)).toEqual(["camel-loafers", "lilac-loafers", "far-off"])
    // Without colours read from the photo, the lilac pair wins on its look and its stock.
    const blind = selectProducts(candidates, context({}, { reference: { ...reference, shades: [] } }), 10)
    expect(blind.products.map((p) => p.candidate.product_id)).toEqual(["lilac-loafers", "camel-loafers", "far-off"])
  })

  it("answers the best products in other sizes when none is in the shopper's size, keeping the other constraints", () => {
    const candidates = [
      candidate("s-only", { similarity: 0.9, variants: [{ size: "S", in_stock: true }] }),
      candidate("m-sold-out", {
        similarity: 0.8,
        variants: [
          { size: "M", in_stock: false },
          { size: "L", in_stock: true },
        ],
      }),
      candidate("too-dear", { similarity: 0.95, price: 500 }),
    ]
    const relaxed = selectProducts(candidates, context({ size: "M", max_price: 100 }), 10)
    expect(relaxed.size_relaxed).toBe(true)
    expect(relaxed.products.map((p) => p.candidate.product_id)).toEqual(["s-only", "m-sold-out"])
    expect(relaxed.products.every((p) => !p.reasons.includes("in your size"))).toBe(true)

    const nothing = selectProducts([candidate("sold-out", { in_stock: false })], context({ size: "M" }), 10)
    expect(nothing).toEqual({ products: [], size_relaxed: false })
  })
})

describe("photoReference", () => {
  const item = (search_category: string | null) => ({ category: { handle: "dresses" }, search_category, colours: [] })

  it("puts the predicted category first only where the sidecar searched within it", () => {
    expect(photoReference(item("dresses"), [])).toMatchObject({ category_handles: ["dresses"], category_first: true })
    // A busy scene's outline, or a guess the head is not sure of: searched across every category, ranked by look.
    expect(photoReference(item(null), [])).toMatchObject({ category_handles: ["dresses"], category_first: false })
    expect(photoReference(item(null), [], "bags")).toMatchObject({ category_handles: ["bags"], category_first: true })
  })
})
