import sharp from "sharp"
import { generateDemoCatalog } from "../generate-catalog"
import { GARMENT_FORMS, garmentDrawing, garmentFormFor, renderGarmentSvg } from "../render-garment"
import { CATEGORIES } from "../vocabulary"

// Small enough to rasterise the whole catalog in seconds, large enough to see a cut and a pattern.
const W = 48
const H = 60
const BLOCK = 6
/**
 * Two product photos must differ somewhere by at least this much: the mean absolute difference
 * (0–255 per channel) over the most different 6×6 block of the thumbnails. A changed neckline,
 * sleeve, hem, pocket, colour or print clears it; the closest pair (two white slim jeans on the
 * same pale backdrop, told apart by their whiskers and length) measures about 5.5.
 */
const MIN_BLOCK_DIFFERENCE = 5

const catalog = generateDemoCatalog()

function frontSvg(index: number): string {
  const p = catalog[index]
  return renderGarmentSvg({
    shape: p.category.shape,
    colourHex: p.images[0].colour.hex,
    pattern: p.pattern,
    view: "front",
    variationSeed: index,
    title: p.title,
  })
}

async function rasterise(svg: string): Promise<Uint8Array> {
  // Rasterise first, then shrink: rendering the SVG straight to a thumbnail drops its pattern fills.
  const png = await sharp(Buffer.from(svg), { density: 24 }).png().toBuffer()
  return new Uint8Array(await sharp(png).resize(W, H, { fit: "fill" }).removeAlpha().raw().toBuffer())
}

/** 255 where the render differs from its own backdrop: the garment's outline at this size. */
async function garmentMask(svg: string): Promise<Uint8Array> {
  const rgb = await rasterise(svg)
  const mask = new Uint8Array(W * H)
  for (let i = 0; i < W * H; i++) {
    const d = Math.abs(rgb[i * 3] - rgb[0]) + Math.abs(rgb[i * 3 + 1] - rgb[1]) + Math.abs(rgb[i * 3 + 2] - rgb[2])
    mask[i] = d > 18 ? 1 : 0
  }
  return mask
}

/** The largest mean absolute difference over BLOCK×BLOCK blocks of two RGB thumbnails. */
function blockDifference(a: Uint8Array, b: Uint8Array): number {
  let most = 0
  for (let by = 0; by < H; by += BLOCK)
    for (let bx = 0; bx < W; bx += BLOCK) {
      let sum = 0
      for (let y = by; y < by + BLOCK; y++)
        for (let x = bx; x < bx + BLOCK; x++) for (let ch = 0; ch < 3; ch++) sum += Math.abs(a[(y * W + x) * 3 + ch] - b[(y * W + x) * 3 + ch])
      most = Math.max(most, sum / (BLOCK * BLOCK * 3))
    }
  return most
}

describe("demo catalog product photos (render-garment)", () => {
  it("gives every product its own front photo: every pair differs by a clear pixel margin", async () => {
    const pixels: Uint8Array[] = []
    for (let i = 0; i < catalog.length; i++) pixels.push(await rasterise(frontSvg(i)))
    const tooClose: string[] = []
    for (let i = 0; i < pixels.length; i++)
      for (let j = i + 1; j < pixels.length; j++) {
        const d = blockDifference(pixels[i], pixels[j])
        if (d < MIN_BLOCK_DIFFERENCE)
          tooClose.push(`${catalog[i].brand} ${catalog[i].title} ~ ${catalog[j].brand} ${catalog[j].title} (${d.toFixed(2)})`)
      }
    expect(tooClose).toEqual([])
  }, 120_000)

  it("draws the form the product's name names", () => {
    for (const [index, p] of catalog.entries()) {
      const drawing = garmentDrawing({ shape: p.category.shape, title: p.title, variationSeed: index })
      expect(GARMENT_FORMS[p.category.shape]).toContain(drawing.form)
      if (/vest|tank|camisole|slip dress/i.test(p.title)) expect(drawing.sleeves).toBe("none")
      if (/long-sleeve|jumper|sweater|cardigan|coat|jacket|blazer|parka/i.test(p.title)) expect(drawing.sleeves).toBe("long")
      if (/t-shirt|camp-collar/i.test(p.title)) expect(["short", "cap"]).toContain(drawing.sleeves)
    }
    expect(garmentFormFor("dress", "Classic Crepe Wrap Dress")).toBe("wrap-dress")
    expect(garmentFormFor("dress", "Essential Viscose Shirt Dress")).toBe("shirt-dress")
    expect(garmentFormFor("knit", "Soft Cashmere Knitted Vest")).toBe("knitted-vest")
    expect(garmentFormFor("shoe", "Classic Suede Chelsea Boots")).toBe("chelsea-boots")
    // Every noun of the catalog has its own form.
    for (const category of CATEGORIES) {
      const forms = category.nouns.map((noun) => garmentFormFor(category.shape, noun))
      expect(new Set(forms).size).toBe(category.nouns.length)
    }
  })

  it("shows a knitted vest without sleeves: narrower than a jumper where the sleeves hang", async () => {
    const vest = catalog.findIndex((p) => /knitted vest/i.test(p.title))
    const jumper = catalog.findIndex((p) => /crewneck jumper/i.test(p.title))
    const [vestMask, jumperMask] = await Promise.all([garmentMask(frontSvg(vest)), garmentMask(frontSvg(jumper))])
    // Half-way down the body, the sleeves are the outer columns.
    const row = Math.round(H * 0.5)
    const width = (mask: Uint8Array) => mask.slice(row * W, (row + 1) * W).reduce((a, b) => a + b, 0)
    expect(width(jumperMask)).toBeGreaterThan(width(vestMask) + W * 0.15)
  })

  it("draws accessories in different shapes, not one scarf for all", async () => {
    const accessories = catalog.map((p, i) => ({ p, i })).filter(({ p }) => p.category.handle === "accessories")
    const byForm = new Map<string, number>()
    for (const { p, i } of accessories) byForm.set(garmentFormFor(p.category.shape, p.title), i)
    expect(byForm.size).toBeGreaterThanOrEqual(5)
    const masks = await Promise.all([...byForm.values()].map((i) => garmentMask(frontSvg(i))))
    for (let a = 0; a < masks.length; a++)
      for (let b = a + 1; b < masks.length; b++) {
        let inter = 0
        let union = 0
        for (let k = 0; k < W * H; k++) {
          inter += masks[a][k] & masks[b][k]
          union += masks[a][k] | masks[b][k]
        }
        expect(inter / union).toBeLessThan(0.7)
      }
  })
})
