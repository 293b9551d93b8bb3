/**
 * The words the demo catalog is made of. Everything here is plain data so the
 * generator stays deterministic and the seed, the tests and the benchmarks agree.
 */

export type GarmentShape = "tee" | "shirt" | "knit" | "dress" | "skirt" | "trousers" | "jeans" | "coat" | "shoe" | "bag" | "accessory"

export type SizeScale = "apparel" | "shoes" | "one-size"

export type CategorySpec = {
  handle: string
  name: string
  shape: GarmentShape
  sizeScale: SizeScale
  /** Base price in EUR (major units); regional prices derive from it. */
  priceRange: [number, number]
  nouns: string[]
  materials: string[]
  /** Products generated for this category. */
  count: number
}

export const APPAREL_SIZES = ["XS", "S", "M", "L", "XL", "XXL"]
export const SHOE_SIZES = ["36", "37", "38", "39", "40", "41", "42", "43", "44", "45"]
export const ONE_SIZE = ["One size"]

export const CATEGORIES: CategorySpec[] = [
  {
    handle: "tops",
    name: "Tops",
    shape: "tee",
    sizeScale: "apparel",
    priceRange: [19, 59],
    nouns: ["T-Shirt", "Tank Top", "Camisole", "Long-Sleeve Top", "Bodysuit"],
    materials: ["cotton", "organic cotton", "jersey", "linen", "modal"],
    count: 32,
  },
  {
    handle: "shirts",
    name: "Shirts",
    shape: "shirt",
    sizeScale: "apparel",
    priceRange: [39, 119],
    nouns: ["Oxford Shirt", "Poplin Shirt", "Overshirt", "Blouse", "Camp-Collar Shirt"],
    materials: ["cotton poplin", "linen", "silk", "flannel", "chambray"],
    count: 30,
  },
  {
    handle: "knitwear",
    name: "Knitwear",
    shape: "knit",
    sizeScale: "apparel",
    priceRange: [49, 189],
    nouns: ["Crewneck Jumper", "Cardigan", "Roll-Neck Sweater", "Knitted Vest", "Cable Knit"],
    materials: ["merino wool", "cashmere", "lambswool", "cotton knit", "alpaca blend"],
    count: 30,
  },
  {
    handle: "dresses",
    name: "Dresses",
    shape: "dress",
    sizeScale: "apparel",
    priceRange: [49, 229],
    nouns: ["Midi Dress", "Slip Dress", "Wrap Dress", "Shirt Dress", "Maxi Dress"],
    materials: ["viscose", "silk", "linen", "cotton", "crepe"],
    count: 32,
  },
  {
    handle: "skirts",
    name: "Skirts",
    shape: "skirt",
    sizeScale: "apparel",
    priceRange: [35, 129],
    nouns: ["Pleated Skirt", "A-Line Skirt", "Pencil Skirt", "Midi Skirt", "Denim Skirt"],
    materials: ["wool", "satin", "denim", "cotton twill", "leather"],
    count: 26,
  },
  {
    handle: "trousers",
    name: "Trousers",
    shape: "trousers",
    sizeScale: "apparel",
    priceRange: [45, 159],
    nouns: ["Tailored Trousers", "Wide-Leg Trousers", "Chinos", "Cargo Trousers", "Pleated Trousers"],
    materials: ["wool blend", "cotton twill", "linen", "corduroy", "tencel"],
    count: 28,
  },
  {
    handle: "jeans",
    name: "Jeans",
    shape: "jeans",
    sizeScale: "apparel",
    priceRange: [59, 149],
    nouns: ["Straight Jeans", "Slim Jeans", "Wide-Leg Jeans", "Bootcut Jeans", "Relaxed Jeans"],
    materials: ["rigid denim", "stretch denim", "organic denim", "selvedge denim"],
    count: 26,
  },
  {
    handle: "outerwear",
    name: "Outerwear",
    shape: "coat",
    sizeScale: "apparel",
    priceRange: [99, 399],
    nouns: ["Trench Coat", "Wool Coat", "Puffer Jacket", "Denim Jacket", "Blazer", "Parka"],
    materials: ["wool", "cotton gabardine", "recycled nylon", "denim", "tweed"],
    count: 30,
  },
  {
    handle: "shoes",
    name: "Shoes",
    shape: "shoe",
    sizeScale: "shoes",
    priceRange: [59, 259],
    nouns: ["Sneakers", "Loafers", "Chelsea Boots", "Ballet Flats", "Derby Shoes", "Sandals"],
    materials: ["leather", "suede", "canvas", "recycled knit"],
    count: 30,
  },
  {
    handle: "bags",
    name: "Bags",
    shape: "bag",
    sizeScale: "one-size",
    priceRange: [39, 329],
    nouns: ["Tote Bag", "Crossbody Bag", "Shoulder Bag", "Backpack", "Clutch"],
    materials: ["leather", "canvas", "recycled nylon", "raffia", "suede"],
    count: 24,
  },
  {
    handle: "accessories",
    name: "Accessories",
    shape: "accessory",
    sizeScale: "one-size",
    priceRange: [15, 99],
    nouns: ["Scarf", "Beanie", "Belt", "Cap", "Silk Square"],
    materials: ["wool", "silk", "leather", "cotton", "cashmere"],
    count: 24,
  },
]

export type ColourSpec = { name: string; hex: string; family: string }

export const COLOURS: ColourSpec[] = [
  { name: "Black", hex: "#1b1b1d", family: "black" },
  { name: "White", hex: "#f4f2ec", family: "white" },
  { name: "Navy", hex: "#1f2a44", family: "blue" },
  { name: "Sky Blue", hex: "#8fb8de", family: "blue" },
  { name: "Camel", hex: "#c19a6b", family: "brown" },
  { name: "Chocolate", hex: "#5a3825", family: "brown" },
  { name: "Olive", hex: "#6b7045", family: "green" },
  { name: "Sage", hex: "#a3b18a", family: "green" },
  { name: "Burgundy", hex: "#6d1a36", family: "red" },
  { name: "Red", hex: "#c0262d", family: "red" },
  { name: "Blush", hex: "#e8b4b8", family: "pink" },
  { name: "Mustard", hex: "#d9a404", family: "yellow" },
  { name: "Grey Marl", hex: "#9a9a9c", family: "grey" },
  { name: "Ecru", hex: "#e3d8c3", family: "beige" },
  { name: "Lilac", hex: "#b7a4d6", family: "purple" },
  { name: "Rust", hex: "#b5541c", family: "orange" },
]

export const PATTERNS = ["solid", "striped", "checked", "polka dot", "floral", "herringbone"] as const
export type Pattern = (typeof PATTERNS)[number]

export const BRANDS = [
  "Atelier Nord",
  "Maison Verre",
  "Loom & Lane",
  "Kestrel",
  "Oaken Studio",
  "Rue Sept",
  "Hanami",
  "Fieldnote",
  "Cobalt Row",
  "Sable & Co",
  "Linea",
  "Wren Supply",
]

export const SEASONS = ["spring-summer", "autumn-winter", "all-season"] as const
export const OCCASIONS = ["everyday", "work", "evening", "weekend", "active", "wedding guest"] as const
export const ADJECTIVES = [
  "Relaxed",
  "Classic",
  "Cropped",
  "Oversized",
  "Fitted",
  "Soft",
  "Structured",
  "Easy",
  "Boxy",
  "Fluid",
  "Essential",
  "Heritage",
]

export const COLLECTIONS = [
  { handle: "spring-summer-2026", title: "Spring/Summer 2026", season: "spring-summer" },
  { handle: "autumn-winter-2026", title: "Autumn/Winter 2026", season: "autumn-winter" },
  { handle: "essentials", title: "Essentials", season: "all-season" },
] as const

export type RegionSpec = {
  name: string
  currency: string
  countries: string[]
  /** Multiplier from the EUR base price, then rounded to a retail price point. */
  priceFactor: number
  warehouse: "eu" | "us"
  shipping: { standard: number; express: number }
  /** Shelf prices include VAT (Europe, UK); US prices get sales tax added at checkout. */
  pricesIncludeTax: boolean
}

export const REGIONS: RegionSpec[] = [
  {
    name: "Europe",
    currency: "eur",
    countries: ["de", "fr", "it", "es", "nl", "be", "at", "ie", "dk", "se"],
    priceFactor: 1,
    warehouse: "eu",
    shipping: { standard: 5, express: 15 },
    pricesIncludeTax: true,
  },
  {
    name: "United States",
    currency: "usd",
    countries: ["us"],
    priceFactor: 1.1,
    warehouse: "us",
    shipping: { standard: 6, express: 18 },
    pricesIncludeTax: false,
  },
  {
    name: "United Kingdom",
    currency: "gbp",
    countries: ["gb"],
    priceFactor: 0.87,
    warehouse: "eu",
    shipping: { standard: 4.5, express: 12 },
    pricesIncludeTax: true,
  },
]

export const WAREHOUSES = {
  eu: { name: "Amsterdam Warehouse", address: { address_1: "Danzigerkade 12", city: "Amsterdam", country_code: "NL", postal_code: "1013 AP" } },
  us: {
    name: "New Jersey Warehouse",
    address: { address_1: "400 Harbor Blvd", city: "Weehawken", country_code: "US", postal_code: "07086", province: "NJ" },
  },
} as const
