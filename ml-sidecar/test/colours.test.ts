import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { catalogProducts, renderCatalogImage } from "../scripts/train-category-head.ts";
import { ciede2000, loadCatalogVocabulary, PaletteColourNamer } from "../src/describe/palette-colour-namer.ts";
import type { RgbImage } from "../src/describe/ports.ts";

const vocabulary = loadCatalogVocabulary();
const familyOf = (name: string) => vocabulary.colours.find((c) => c.name === name)?.family;
const WHOLE = { x: 0, y: 0, width: 1, height: 1 };

/** A solid-colour catalog garment (shaded and outlined as the demo renders are) on a white backdrop, and its mask. */
async function garmentOnWhite(colourHex: string): Promise<{ image: RgbImage; mask: Uint8Array }> {
  const tee = catalogProducts().find((p) => p.product.category.shape === "tee" && p.product.pattern === "solid")!;
  const { image } = await renderCatalogImage({
    product: tee.product,
    catalogIndex: tee.catalogIndex,
    view: "front",
    colourHex,
    backdropHex: "#ffffff",
  });
  // The garment: whatever is not (nearly) the white backdrop; the faint floor shadow stays out.
  const mask = new Uint8Array(image.width * image.height);
  for (let p = 0; p < mask.length; p += 1) {
    const [r, g, b] = [image.data[p * 3]!, image.data[p * 3 + 1]!, image.data[p * 3 + 2]!];
    mask[p] = 255 * 3 - r - g - b > 60 ? 1 : 0;
  }
  return { image, mask };
}

function solid(width: number, height: number, paint: (x: number, y: number) => [number, number, number]): RgbImage {
  const data = new Uint8Array(width * height * 3);
  for (let y = 0; y < height; y += 1) for (let x = 0; x < width; x += 1) data.set(paint(x, y), (y * width + x) * 3);
  return { data, width, height };
}

describe("palette colour namer", () => {
  const namer = PaletteColourNamer.fromCatalogVocabulary();

  it("names a red garment on a white backdrop red, the backdrop left out by the mask", async () => {
    const { image, mask } = await garmentOnWhite("#c0262d");
    const colours = namer.dominant(image, mask, WHOLE);
    assert.ok(colours.length >= 1 && colours.length <= 3, JSON.stringify(colours));
    assert.equal(familyOf(colours[0]!.name), "red", JSON.stringify(colours));
    assert.ok(colours[0]!.share > 0.5, JSON.stringify(colours));
    assert.ok(!colours.some((c) => familyOf(c.name) === "white"), `the backdrop leaked in: ${JSON.stringify(colours)}`);
    assert.ok(colours.reduce((s, c) => s + c.share, 0) <= 1 + 1e-9);
    // Without the mask the white backdrop is most of the picture: the mask is what keeps it out.
    const unmasked = namer.dominant(image, null, WHOLE);
    assert.equal(familyOf(unmasked[0]!.name), "white", JSON.stringify(unmasked));
  });

  it("names other catalog colours of a garment by their own name", async () => {
    for (const name of ["Navy", "Mustard", "Sage", "Black"]) {
      const colour = vocabulary.colours.find((c) => c.name === name)!;
      const { image, mask } = await garmentOnWhite(colour.hex);
      const colours = namer.dominant(image, mask, WHOLE);
      assert.equal(familyOf(colours[0]!.name), colour.family, `${name}: ${JSON.stringify(colours)}`);
    }
  });

  it("gives two colours of a two-colour garment with their shares, sorted, and looks only inside the box", () => {
    const navy = [0x1f, 0x2a, 0x44] as [number, number, number];
    const mustard = [0xd9, 0xa4, 0x04] as [number, number, number];
    // Left 70% navy, right 30% mustard within the box; the rest of the picture is red.
    const image = solid(200, 100, (x, y) => (x < 100 || y < 20 ? [200, 30, 40] : x < 170 ? navy : mustard));
    const colours = namer.dominant(image, null, { x: 0.5, y: 0.2, width: 0.5, height: 0.8 });
    assert.deepEqual(
      colours.map((c) => c.name),
      ["Navy", "Mustard"],
    );
    assert.ok(Math.abs(colours[0]!.share - 0.7) < 0.03 && Math.abs(colours[1]!.share - 0.3) < 0.03, JSON.stringify(colours));
    assert.equal(colours[0]!.hex, vocabulary.colours.find((c) => c.name === "Navy")!.hex);
  });

  it("merges clusters with the same name, drops tiny shares and keeps at most `max`", () => {
    // Four reds of slightly different shade, 2% of green specks, and nothing else.
    const image = solid(100, 100, (x, y) =>
      x < 2
        ? [40, 160, 60]
        : ([
            [192, 38, 45],
            [175, 30, 40],
            [205, 45, 50],
            [185, 35, 44],
          ][y % 4] as [number, number, number]),
    );
    const colours = namer.dominant(image, null, WHOLE);
    assert.deepEqual(
      colours.map((c) => c.name),
      ["Red"],
    );
    assert.equal(colours[0]!.share, 0.98);
    const many = solid(
      120,
      10,
      (x) =>
        [
          [27, 27, 29],
          [244, 242, 236],
          [192, 38, 45],
          [217, 164, 4],
        ][Math.floor(x / 30)] as [number, number, number],
    );
    assert.equal(namer.dominant(many, null, WHOLE, 2).length, 2);
    assert.equal(namer.dominant(many, null, WHOLE).length, 3);
  });

  it("returns nothing when the mask leaves no pixel in the box, and is deterministic", async () => {
    const { image, mask } = await garmentOnWhite("#6b7045");
    assert.deepEqual(namer.dominant(image, new Uint8Array(mask.length), WHOLE), []);
    assert.deepEqual(namer.dominant(image, mask, WHOLE), namer.dominant(image, mask, WHOLE));
    assert.throws(() => namer.dominant(image, new Uint8Array(10), WHOLE), /mask/);
  });

  it("measures colour difference with CIEDE2000", () => {
    // Sharma, Wu & Dalal (2005), test pairs 1 and 7.
    assert.ok(Math.abs(ciede2000([50, 2.6772, -79.7751], [50, 0, -82.7485]) - 2.0425) < 1e-4);
    assert.ok(Math.abs(ciede2000([50, 0, 0], [50, -1, 2]) - 2.3669) < 1e-4);
  });
});
