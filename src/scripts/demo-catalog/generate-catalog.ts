import {
  ADJECTIVES,
  APPAREL_SIZES,
  BRANDS,
  CATEGORIES,
  COLLECTIONS,
  COLOURS,
  CategorySpec,
  ColourSpec,
  OCCASIONS,
  ONE_SIZE,
  PATTERNS,
  Pattern,
  REGIONS,
  SEASONS,
  SHOE_SIZES,
  SizeScale,
} from "./vocabulary"

/** Small, fast, seedable PRNG (mulberry32): the same seed always yields the same catalog. */
export function createRandom(seed: number) {
  let state = seed >>> 0
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  return {
    next,
    int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
    pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)],
    chance: (p: number) => next() < p,
    sample: <T>(items: readonly T[], n: number): T[] => {
      const pool = [...items]
      const out: T[] = []
      while (out.length < n && pool.length) out.push(pool.splice(Math.floor(next() * pool.length), 1)[0])
      return out
    },
  }
}

export type ImageView = "front" | "back" | "detail" | "alternate"

export type DemoVariant = {
  sku: string
  title: string
  size: string
  colour: ColourSpec
  /** Amounts in major units per currency code. */
  prices: Record<string, number>
  /** Units on hand per warehouse key; 0 is a deliberate gap. */
  stock: Record<"eu" | "us", number>
}

export type DemoProduct = {
  handle: string
  title: string
  description: string
  category: CategorySpec
  brand: string
  material: string
  pattern: Pattern
  season: (typeof SEASONS)[number]
  occasions: string[]
  collectionHandle: string
  colours: ColourSpec[]
  sizes: string[]
  tags: string[]
  variants: DemoVariant[]
  images: { view: ImageView; colour: ColourSpec }[]
}

export const DEMO_CATALOG_SEED = 20261122

export function sizesFor(scale: SizeScale): string[] {
  if (scale === "apparel") return APPAREL_SIZES
  if (scale === "shoes") return SHOE_SIZES
  return ONE_SIZE
}

const slug = (text: string) =>
  text
    .toLowerCase()
    .replace(/&/g, "and")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "")

const titleCase = (text: string) => text.replace(/\b\w/g, (c) => c.toUpperCase())

/** Rounds to a retail price point: whole amounts ending in 9 (or .95 below 20). */
export function pricePoint(amount: number): number {
  if (amount < 20) return Math.max(4.95, Math.round(amount) - 0.05)
  return Math.max(9, Math.round(amount / 10) * 10 - 1)
}

function describe(p: Omit<DemoProduct, "description" | "variants" | "images" | "tags">, rand: ReturnType<typeof createRandom>) {
  const patternText = p.pattern === "solid" ? "" : ` in a ${p.pattern} pattern`
  const fit = rand.pick([
    "Cut for an easy fit that layers well.",
    "A considered fit that works from morning to night.",
    "Designed to be worn on repeat, season after season.",
    "Finished with clean seams and a soft hand feel.",
  ])
  const care = rand.pick(["Machine wash at 30°C.", "Dry clean only.", "Hand wash cold.", "Wipe clean with a soft cloth."])
  return `${p.title} by ${p.brand}, made from ${p.material}${patternText}. ${fit} Available in ${p.colours
    .map((c) => c.name.toLowerCase())
    .join(", ")}. Ideal for ${p.occasions.join(" and ")} wear. ${care}`
}

/**
 * Generates the demo catalog: the same products, variants, prices and stock on
 * every run, so seeding twice is a no-op and tests can rely on what exists.
 */
export function generateDemoCatalog(seed = DEMO_CATALOG_SEED): DemoProduct[] {
  const rand = createRandom(seed)
  const products: DemoProduct[] = []
  const handles = new Set<string>()

  CATEGORIES.forEach((category, categoryIndex) => {
    for (let i = 0; i < category.count; i++) {
      const brand = BRANDS[(categoryIndex * 5 + i) % BRANDS.length]
      const noun = category.nouns[i % category.nouns.length]
      const material = rand.pick(category.materials)
      const adjective = rand.pick(ADJECTIVES)
      const pattern: Pattern = rand.chance(0.6) ? "solid" : rand.pick(PATTERNS.slice(1))
      const season = rand.pick(SEASONS)
      const occasions = rand.sample(OCCASIONS, rand.int(1, 2))
      const colourCount = category.sizeScale === "one-size" ? rand.int(1, 3) : rand.int(1, 2)
      const colours = rand.sample(COLOURS, colourCount)
      const collection = COLLECTIONS.find((c) => c.season === season) ?? COLLECTIONS[COLLECTIONS.length - 1]

      // "Wool Coat" in wool stays a "Wool Coat", not a "Wool Wool Coat".
      const materialWord = material.split(" ").pop()!.toLowerCase()
      const title = noun.toLowerCase().includes(materialWord) ? `${adjective} ${noun}` : `${adjective} ${titleCase(material)} ${noun}`
      let handle = slug(`${brand} ${title}`)
      for (let n = 2; handles.has(handle); n++) handle = slug(`${brand} ${title} ${n}`)
      handles.add(handle)

      const base = rand.int(category.priceRange[0], category.priceRange[1])
      const sizes = sizesFor(category.sizeScale)
      const skuStem = `CUR-${category.handle.slice(0, 3).toUpperCase()}-${String(i + 1).padStart(3, "0")}`

      const variants: DemoVariant[] = []
      for (const colour of colours) {
        for (const [sizeIndex, size] of sizes.entries()) {
          const edgeSize = sizes.length > 1 && (sizeIndex === 0 || sizeIndex === sizes.length - 1)
          // Realistic gaps: edge sizes sell out first, and the US warehouse carries a narrower range.
          const euGap = rand.chance(edgeSize ? 0.25 : 0.08)
          const usGap = rand.chance(edgeSize ? 0.45 : 0.15)
          const prices: Record<string, number> = {}
          for (const region of REGIONS) prices[region.currency] = pricePoint(base * region.priceFactor)
          variants.push({
            sku: `${skuStem}-${slug(colour.name).toUpperCase()}-${slug(size).toUpperCase()}`,
            title: sizes.length > 1 ? `${colour.name} / ${size}` : colour.name,
            size,
            colour,
            prices,
            stock: { eu: euGap ? 0 : rand.int(2, 40), us: usGap ? 0 : rand.int(1, 25) },
          })
        }
      }

      const images: DemoProduct["images"] = [
        { view: "front", colour: colours[0] },
        { view: "back", colour: colours[0] },
      ]
      // Every colour has a photo of its own (its variants show it); a third colour takes the detail shot's place.
      const detail = rand.chance(0.7)
      if (detail && colours.length < 3) images.push({ view: "detail", colour: colours[0] })
      for (const colour of colours.slice(1)) images.push({ view: "alternate", colour })

      const partial = { handle, title, category, brand, material, pattern, season, occasions, collectionHandle: collection.handle, colours, sizes }
      products.push({
        ...partial,
        description: describe(partial, rand),
        tags: [material, pattern, season, ...occasions].map((t) => slug(t)),
        variants,
        images: images.slice(0, 4),
      })
    }
  })
  return products
}
