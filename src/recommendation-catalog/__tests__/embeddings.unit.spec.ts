import { catalogModelVersion, ImageEmbeddingCache, IndexedImageRow, meanUnitVector, productEmbeddings } from "../embeddings"

const unit = (...xs: number[]) => {
  const n = Math.hypot(...xs)
  return Float32Array.from(xs.map((x) => x / n))
}
const norm = (v: ArrayLike<number>) => Math.hypot(...Array.from(v))

describe("meanUnitVector", () => {
  it("is the normalised mean: unit length, the bisector of two unit vectors", () => {
    const mean = meanUnitVector([unit(1, 0, 0), unit(0, 1, 0)])!
    expect(norm(mean)).toBeCloseTo(1, 6)
    expect(Array.from(mean)).toEqual([expect.closeTo(Math.SQRT1_2, 6), expect.closeTo(Math.SQRT1_2, 6), 0])
    // Closer to each image than the images are to each other.
    const cos = (a: ArrayLike<number>, b: ArrayLike<number>) => Array.from(a).reduce((s, x, i) => s + x * b[i], 0)
    expect(cos(mean, unit(1, 0, 0))).toBeGreaterThan(cos(unit(1, 0, 0), unit(0, 1, 0)))
  })

  it("of one vector is that vector; none, mixed lengths or vectors that cancel out give null", () => {
    expect(Array.from(meanUnitVector([unit(3, 4)])!)).toEqual([expect.closeTo(0.6, 6), expect.closeTo(0.8, 6)])
    expect(meanUnitVector([])).toBeNull()
    expect(meanUnitVector([unit(1, 0), unit(1, 0, 0)])).toBeNull()
    expect(meanUnitVector([unit(1, 0), unit(-1, 0)])).toBeNull()
  })
})

describe("ImageEmbeddingCache", () => {
  it("keys vectors by model version and image id", () => {
    const cache = new ImageEmbeddingCache()
    cache.set("m@1", "img_a", unit(1, 0))
    expect(cache.get("m@1", "img_a")).toEqual(unit(1, 0))
    expect(cache.get("m@2", "img_a")).toBeUndefined()
    expect(cache.missing("m@1", ["img_a", "img_b"])).toEqual(["img_b"])
    // Re-indexed under a new model: the old vector is not the new one's.
    expect(cache.missing("m@2", ["img_a", "img_b"])).toEqual(["img_a", "img_b"])
    cache.set("m@2", "img_a", unit(0, 1))
    expect(cache.get("m@2", "img_a")).toEqual(unit(0, 1))
    expect(cache.get("m@1", "img_a")).toEqual(unit(1, 0))
    expect(cache.size).toBe(2)
  })

  it("forgets versions no indexed image has any more", () => {
    const cache = new ImageEmbeddingCache()
    cache.set("m@1", "img_a", unit(1, 0))
    cache.set("m@2", "img_a", unit(0, 1))
    cache.prune(new Set(["m@2"]))
    expect(cache.get("m@1", "img_a")).toBeUndefined()
    expect(cache.get("m@2", "img_a")).toEqual(unit(0, 1))
    expect(cache.size).toBe(1)
  })
})

describe("productEmbeddings", () => {
  const rows: IndexedImageRow[] = [
    { image_id: "img_a1", product_id: "prod_a", model_version: "m@2" },
    { image_id: "img_a2", product_id: "prod_a", model_version: "m@2" },
    { image_id: "img_b1", product_id: "prod_b", model_version: "m@2" },
    // Still of the old model while the re-index goes on: never mixed into the new space.
    { image_id: "img_c1", product_id: "prod_c", model_version: "m@1" },
    { image_id: "img_d1", product_id: "prod_d", model_version: null },
  ]

  it("the catalog's version is the one most indexed images have", () => {
    expect(catalogModelVersion(rows)).toBe("m@2")
    expect(catalogModelVersion([rows[3]])).toBe("m@1")
    expect(catalogModelVersion([rows[4]])).toBeNull()
    expect(catalogModelVersion([])).toBeNull()
  })

  it("each product's is the normalised mean of its images' vectors of that version; products without known vectors have none", () => {
    const cache = new ImageEmbeddingCache()
    cache.set("m@2", "img_a1", unit(1, 0, 0))
    cache.set("m@2", "img_a2", unit(0, 0, 1))
    cache.set("m@1", "img_c1", unit(0, 1, 0))
    const embeddings = productEmbeddings(rows, "m@2", cache)
    expect([...embeddings.keys()]).toEqual(["prod_a"])
    const a = embeddings.get("prod_a")!
    expect(norm(a)).toBeCloseTo(1, 6)
    expect(Array.from(a)).toEqual([expect.closeTo(Math.SQRT1_2, 6), 0, expect.closeTo(Math.SQRT1_2, 6)])

    cache.set("m@2", "img_b1", unit(0, 2, 0))
    expect(Array.from(productEmbeddings(rows, "m@2", cache).get("prod_b")!)).toEqual([0, 1, 0])
    expect(productEmbeddings(rows, "m@1", cache).has("prod_c")).toBe(true)
    expect(productEmbeddings(rows, "m@1", cache).has("prod_a")).toBe(false)
  })
})
