/**
 * Shopper-like photos built from the demo catalog's own renders, with the true box of every garment in
 * them: a product shot, off-centre crops, lookbook-style grids, flat lays on a textured backdrop, busy
 * backgrounds, a photo of a screen or print (perspective), low resolution, colour casts, heavy JPEG,
 * and an empty backdrop. Everything is drawn with sharp from the same seed to the same bytes, so the
 * tests and the benchmark (bench/visual-search) can share them. The catalog code is imported by relative
 * path from the backend, as its seed scripts use it.
 */
import sharp, { type OverlayOptions, type Sharp } from "sharp";
import { IMAGE_HEIGHT, IMAGE_WIDTH, OUTPUT_HEIGHT, OUTPUT_WIDTH, renderGarmentSvg } from "../../src/scripts/demo-catalog/render-garment.ts";
import { generateDemoCatalog, type DemoProduct } from "../../src/scripts/demo-catalog/generate-catalog.ts";
import { rng } from "../src/util/rng.ts";
import type { Box, RgbImage } from "../src/describe/ports.ts";

export type PhotoKind =
  "product-shot" | "crop" | "grid" | "flat-lay" | "busy-background" | "perspective" | "low-res" | "colour-cast" | "jpeg" | "empty";

/** One catalog product, by its place in generateDemoCatalog()'s list (the seed's `variationSeed`). */
export interface CatalogEntry {
  product: DemoProduct;
  catalogIndex: number;
}

export interface PhotoGarment {
  /** The product's handle (its Medusa id is assigned when the catalog is seeded; look it up by handle). */
  handle: string;
  catalogIndex: number;
  /** Catalog category handle. */
  category: string;
  /** Where the garment is, as fractions of the photo. */
  box: Box;
}

export interface TestPhoto {
  name: string;
  kind: PhotoKind;
  /** The encoded photo (JPEG unless `format` says otherwise). */
  bytes: Buffer;
  format: "jpeg" | "png";
  width: number;
  height: number;
  garments: PhotoGarment[];
  /** Where each garment lies (its index + 1; 0: none), width×height, for the photos that keep it. */
  mask?: { data: Uint8Array; width: number; height: number };
}

let catalogCache: CatalogEntry[] | null = null;

/** The demo catalog, as the seed generates it. */
export function catalogEntries(): CatalogEntry[] {
  catalogCache ??= generateDemoCatalog().map((product, catalogIndex) => ({ product, catalogIndex }));
  return catalogCache;
}

/** `count` products of different categories, drawn from `pool` (default: the whole catalog) by `seed`. */
export function pickProducts(seed: number, count: number, pool: CatalogEntry[] = catalogEntries()): CatalogEntry[] {
  const random = rng(seed);
  const left = [...pool];
  const picked: CatalogEntry[] = [];
  const categories = new Set<string>();
  while (picked.length < count && left.length) {
    const [entry] = left.splice(Math.floor(random() * left.length), 1);
    if (categories.has(entry!.product.category.handle) && left.some((e) => !categories.has(e.product.category.handle))) continue;
    categories.add(entry!.product.category.handle);
    picked.push(entry!);
  }
  return picked;
}

// ---------------------------------------------------------------------------------------------
// One garment: the catalog photo, a cut-out (garment and its drop shadow on transparency) and a mask.

interface GarmentLayers {
  /** The product photo as the catalog shows it: OUTPUT_WIDTH×OUTPUT_HEIGHT RGB. */
  photo: Buffer;
  /** Same size, RGBA: the garment and its shadow, the backdrop transparent. */
  cutout: Buffer;
  /** Same size, one channel: 255 on the garment (its outline included). */
  mask: Buffer;
}

const layerCache = new Map<number, Promise<GarmentLayers>>();

function garmentSvg(entry: CatalogEntry): string {
  const { product, catalogIndex } = entry;
  return renderGarmentSvg({
    shape: product.category.shape,
    colourHex: product.images[0]!.colour.hex,
    pattern: product.pattern,
    view: "front",
    variationSeed: catalogIndex,
    title: product.title,
  });
}

/**
 * Rewrites the render's SVG line by line (render-garment.ts draws backdrop, floor shadow, drop shadow,
 * fabric, light, details, outline, one element a line). Each element must be found exactly once, so a
 * change to the renderer fails here loudly instead of giving wrong true boxes.
 */
function rewriteSvg(svg: string, rules: Array<{ match: (line: string) => boolean; replace: (line: string) => string }>): string {
  const lines = svg.split("\n");
  for (const rule of rules) {
    const hits = lines.flatMap((line, i) => (rule.match(line) ? [i] : []));
    if (hits.length !== 1) throw new Error(`render-garment.ts changed: expected one matching SVG line, found ${hits.length}`);
    lines[hits[0]!] = rule.replace(lines[hits[0]!]!);
  }
  return lines.join("\n");
}

const isBackdrop = (l: string) => l.startsWith(`<rect x="0" y="0" width="${IMAGE_WIDTH}" height="${IMAGE_HEIGHT}"`);
const isFloorShadow = (l: string) => l.startsWith("<ellipse ");
const isDropShadow = (l: string) => l.startsWith("<path ") && l.includes('transform="translate(');
const isFabric = (l: string) => l.startsWith("<path ") && l.includes('fill="url(#fabric)"');
const isLight = (l: string) => l.startsWith("<path ") && l.includes('fill="url(#light)"');
const isDetails = (l: string) => l.startsWith("<path ") && l.includes('fill="none"') && !l.includes('stroke="#000"');
const isOutline = (l: string) => l.startsWith("<path ") && l.includes('fill="none" stroke="#000"');
const drop = () => "";

function garmentLayers(entry: CatalogEntry): Promise<GarmentLayers> {
  let layers = layerCache.get(entry.catalogIndex);
  if (!layers) {
    const svg = garmentSvg(entry);
    const cutoutSvg = rewriteSvg(svg, [
      { match: isBackdrop, replace: drop },
      { match: isFloorShadow, replace: drop },
    ]);
    const maskSvg = rewriteSvg(svg, [
      { match: isBackdrop, replace: (l) => l.replace(/fill="#[0-9a-f]{6}"/, 'fill="#000"') },
      { match: isFloorShadow, replace: drop },
      { match: isDropShadow, replace: drop },
      { match: isFabric, replace: (l) => l.replace('fill="url(#fabric)"', 'fill="#fff"') },
      { match: isLight, replace: drop },
      { match: isDetails, replace: drop },
      { match: isOutline, replace: (l) => l.replace('stroke="#000" stroke-opacity="0.25"', 'stroke="#fff" stroke-opacity="1"') },
    ]);
    layers = Promise.all([
      sharp(Buffer.from(svg)).removeAlpha().png().toBuffer(),
      sharp(Buffer.from(cutoutSvg)).ensureAlpha().png().toBuffer(),
      sharp(Buffer.from(maskSvg)).greyscale().extractChannel(0).png().toBuffer(),
    ]).then(([photo, cutout, mask]) => ({ photo, cutout, mask }));
    layerCache.set(entry.catalogIndex, layers);
  }
  return layers;
}

// ---------------------------------------------------------------------------------------------
// Masks → true boxes.

/** A canvas-sized one-channel mask that records where each garment lands, to measure its true box. */
class MaskCanvas {
  readonly data: Uint8Array;
  constructor(
    readonly width: number,
    readonly height: number,
  ) {
    this.data = new Uint8Array(width * height);
  }

  /** Paints a (transformed) garment mask at (left, top); later garments hide earlier ones where they overlap. */
  paint(mask: { data: Uint8Array; width: number; height: number }, left: number, top: number, label: number): void {
    for (let y = 0; y < mask.height; y++) {
      const cy = top + y;
      if (cy < 0 || cy >= this.height) continue;
      for (let x = 0; x < mask.width; x++) {
        const cx = left + x;
        if (cx < 0 || cx >= this.width) continue;
        if (mask.data[y * mask.width + x]! >= 128) this.data[cy * this.width + cx] = label;
      }
    }
  }

  box(label: number): Box | null {
    let x0 = this.width,
      y0 = this.height,
      x1 = -1,
      y1 = -1;
    for (let y = 0; y < this.height; y++) {
      for (let x = 0; x < this.width; x++) {
        if (this.data[y * this.width + x] !== label) continue;
        if (x < x0) x0 = x;
        if (x > x1) x1 = x;
        if (y < y0) y0 = y;
        if (y > y1) y1 = y;
      }
    }
    if (x1 < 0) return null;
    return { x: x0 / this.width, y: y0 / this.height, width: (x1 + 1 - x0) / this.width, height: (y1 + 1 - y0) / this.height };
  }
}

async function greyRaw(input: Buffer | Sharp): Promise<{ data: Uint8Array; width: number; height: number }> {
  const pipeline = Buffer.isBuffer(input) ? sharp(input) : input;
  const { data, info } = await pipeline.extractChannel(0).raw().toBuffer({ resolveWithObject: true });
  return { data: new Uint8Array(data.buffer, data.byteOffset, data.length), width: info.width, height: info.height };
}

function garmentOf(entry: CatalogEntry, box: Box): PhotoGarment {
  return { handle: entry.product.handle, catalogIndex: entry.catalogIndex, category: entry.product.category.handle, box };
}

async function encode(image: Sharp, format: "jpeg" | "png", quality = 88): Promise<Buffer> {
  return format === "png" ? image.png().toBuffer() : image.jpeg({ quality }).toBuffer();
}

// ---------------------------------------------------------------------------------------------
// Backdrops.

/** Linen, paper, concrete or wood-like texture with a light gradient and a vignette, as raw RGB. */
function texturedBackdrop(width: number, height: number, seed: number): { data: Uint8Array; width: number; height: number } {
  const random = rng(seed);
  const bases = [
    [226, 218, 204],
    [214, 212, 206],
    [232, 228, 220],
    [196, 178, 150],
    [222, 214, 222],
  ];
  const base = bases[Math.floor(random() * bases.length)]!;
  const weave = 2 + random() * 4;
  const period = 3 + Math.floor(random() * 4);
  const gradientAngle = random() * Math.PI * 2;
  const gradient = 10 + random() * 14;
  const vignette = 12 + random() * 18;
  const noise = 4 + random() * 6;
  const grain = new Float32Array(width);
  for (let x = 0; x < width; x++) grain[x] = (random() - 0.5) * weave;
  const data = new Uint8Array(width * height * 3);
  const [gx, gy] = [Math.cos(gradientAngle), Math.sin(gradientAngle)];
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const u = x / width - 0.5;
      const v = y / height - 0.5;
      const shade = gradient * (u * gx + v * gy) - vignette * (u * u + v * v) * 2;
      const thread = (x % period === 0 ? weave : 0) + (y % period === 0 ? weave : 0) + grain[x]!;
      const n = (random() - 0.5) * 2 * noise;
      for (let c = 0; c < 3; c++) data[(y * width + x) * 3 + c] = clamp255(base[c]! + shade + thread + n);
    }
  }
  return { data, width, height };
}

/** A cluttered scene (shelves, posters, plants, signs): many overlapping shapes in many colours. */
function busySceneSvg(width: number, height: number, seed: number): string {
  const random = rng(seed);
  const colour = () => `hsl(${Math.floor(random() * 360)},${30 + Math.floor(random() * 60)}%,${25 + Math.floor(random() * 55)}%)`;
  const shapes: string[] = [`<rect width="${width}" height="${height}" fill="${colour()}"/>`];
  for (let i = 0; i < 70; i++) {
    const x = random() * width;
    const y = random() * height;
    const s = (0.04 + random() * 0.22) * Math.max(width, height);
    const kind = random();
    if (kind < 0.4) shapes.push(`<rect x="${x - s / 2}" y="${y - s / 2}" width="${s}" height="${s * (0.3 + random())}" fill="${colour()}"/>`);
    else if (kind < 0.7) shapes.push(`<circle cx="${x}" cy="${y}" r="${s / 2}" fill="${colour()}"/>`);
    else
      shapes.push(`<path d="M${x} ${y} l${s} ${s * 0.2} l${-s * 0.4} ${s}" stroke="${colour()}" stroke-width="${4 + random() * 14}" fill="none"/>`);
  }
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">${shapes.join("")}</svg>`;
}

function clamp255(v: number): number {
  return v < 0 ? 0 : v > 255 ? 255 : Math.round(v);
}

// ---------------------------------------------------------------------------------------------
// Photos of one product.

/** The catalog's own product photo (JPEG q82, as the seed stores it). */
export async function productShot(entry: CatalogEntry): Promise<TestPhoto> {
  const layers = await garmentLayers(entry);
  const mask = new MaskCanvas(OUTPUT_WIDTH, OUTPUT_HEIGHT);
  mask.paint(await greyRaw(layers.mask), 0, 0, 1);
  return {
    name: `product-shot ${entry.product.handle}`,
    kind: "product-shot",
    bytes: await encode(sharp(layers.photo), "jpeg", 82),
    format: "jpeg",
    width: OUTPUT_WIDTH,
    height: OUTPUT_HEIGHT,
    garments: [garmentOf(entry, mask.box(1)!)],
  };
}

/** An off-centre crop of the product photo (60–85% of each side): the garment may run off an edge. */
export async function offCentreCrop(entry: CatalogEntry, seed: number): Promise<TestPhoto> {
  const random = rng(seed);
  const layers = await garmentLayers(entry);
  const width = Math.round(OUTPUT_WIDTH * (0.6 + random() * 0.25));
  const height = Math.round(OUTPUT_HEIGHT * (0.6 + random() * 0.25));
  const left = Math.floor(random() * (OUTPUT_WIDTH - width));
  const top = Math.floor(random() * (OUTPUT_HEIGHT - height));
  const mask = new MaskCanvas(width, height);
  mask.paint(await greyRaw(layers.mask), -left, -top, 1);
  return {
    name: `crop ${entry.product.handle} #${seed}`,
    kind: "crop",
    bytes: await encode(sharp(layers.photo).extract({ left, top, width, height }), "jpeg"),
    format: "jpeg",
    width,
    height,
    garments: [garmentOf(entry, mask.box(1)!)],
  };
}

/** The garment cut out and placed over a cluttered scene, filling 55–80% of the photo's height. */
export async function busyBackground(entry: CatalogEntry, seed: number): Promise<TestPhoto> {
  const random = rng(seed);
  const [width, height] = [600, 750];
  const layers = await garmentLayers(entry);
  const scale = 0.55 + random() * 0.25;
  const w = Math.round(OUTPUT_WIDTH * scale);
  const h = Math.round(OUTPUT_HEIGHT * scale);
  const left = Math.round((width - w) * (0.3 + random() * 0.4));
  const top = Math.round((height - h) * (0.3 + random() * 0.4));
  const cutout = await sharp(layers.cutout).resize(w, h).png().toBuffer();
  const scene = await sharp(Buffer.from(busySceneSvg(width, height, seed)))
    .blur(1.2)
    .png()
    .toBuffer();
  const mask = new MaskCanvas(width, height);
  mask.paint(await greyRaw(sharp(layers.mask).resize(w, h)), left, top, 1);
  return {
    name: `busy-background ${entry.product.handle} #${seed}`,
    kind: "busy-background",
    bytes: await encode(sharp(scene).composite([{ input: cutout, left, top }]), "jpeg"),
    format: "jpeg",
    width,
    height,
    garments: [garmentOf(entry, mask.box(1)!)],
    mask,
  };
}

/** The product photo seen on a screen or a print lying on a desk: a perspective warp into a darker scene. */
export async function perspectivePhoto(entry: CatalogEntry, seed: number): Promise<TestPhoto> {
  const random = rng(seed);
  const [width, height] = [640, 640];
  const layers = await garmentLayers(entry);
  const photo = await sharp(layers.photo).resize(300, 375).raw().toBuffer();
  const garmentMask = await greyRaw(sharp(layers.mask).resize(300, 375));
  // The print's corners: a tilted, foreshortened quad around the centre.
  const cx = width / 2 + (random() - 0.5) * 60;
  const cy = height / 2 + (random() - 0.5) * 60;
  const jitter = () => (random() - 0.5) * 70;
  const topShrink = 0.1 + random() * 0.2;
  const quad: Array<[number, number]> = [
    [cx - 180 * (1 - topShrink) + jitter(), cy - 240 + jitter()],
    [cx + 180 * (1 - topShrink) + jitter(), cy - 240 + jitter()],
    [cx + 190 + jitter(), cy + 240 + jitter()],
    [cx - 190 + jitter(), cy + 240 + jitter()],
  ];
  const scene = texturedBackdrop(width, height, seed ^ 0x5eed);
  // A desk or a dark screen bezel around the print.
  for (let i = 0; i < scene.data.length; i++) scene.data[i] = Math.round(scene.data[i]! * 0.55);
  const mask = new MaskCanvas(width, height);
  warpInto(scene, { data: new Uint8Array(photo), width: 300, height: 375 }, quad, mask, garmentMask);
  return {
    name: `perspective ${entry.product.handle} #${seed}`,
    kind: "perspective",
    bytes: await encode(sharp(scene.data, { raw: { width, height, channels: 3 } }), "jpeg"),
    format: "jpeg",
    width,
    height,
    garments: [garmentOf(entry, mask.box(1)!)],
  };
}

/** The product photo shrunk to `longSide` pixels (a thumbnail, a zoomed-out phone photo). */
export async function lowResPhoto(entry: CatalogEntry, longSide = 120): Promise<TestPhoto> {
  const layers = await garmentLayers(entry);
  const height = longSide;
  const width = Math.round((longSide * OUTPUT_WIDTH) / OUTPUT_HEIGHT);
  const mask = new MaskCanvas(OUTPUT_WIDTH, OUTPUT_HEIGHT);
  mask.paint(await greyRaw(layers.mask), 0, 0, 1);
  return {
    name: `low-res ${entry.product.handle} ${longSide}px`,
    kind: "low-res",
    bytes: await encode(sharp(layers.photo).resize(width, height), "jpeg"),
    format: "jpeg",
    width,
    height,
    garments: [garmentOf(entry, mask.box(1)!)],
  };
}

/** The product photo under a warm, cool or green light, brighter or darker. */
export async function colourCastPhoto(entry: CatalogEntry, seed: number): Promise<TestPhoto> {
  const random = rng(seed);
  const layers = await garmentLayers(entry);
  const casts = [
    [1.12, 1.0, 0.78],
    [0.82, 0.95, 1.15],
    [0.9, 1.1, 0.85],
    [1.05, 0.9, 1.05],
  ];
  const cast = casts[Math.floor(random() * casts.length)]!;
  const exposure = 0.8 + random() * 0.3;
  const mask = new MaskCanvas(OUTPUT_WIDTH, OUTPUT_HEIGHT);
  mask.paint(await greyRaw(layers.mask), 0, 0, 1);
  return {
    name: `colour-cast ${entry.product.handle} #${seed}`,
    kind: "colour-cast",
    bytes: await encode(
      sharp(layers.photo).linear(
        cast.map((c) => c * exposure),
        [0, 0, 0],
      ),
      "jpeg",
    ),
    format: "jpeg",
    width: OUTPUT_WIDTH,
    height: OUTPUT_HEIGHT,
    garments: [garmentOf(entry, mask.box(1)!)],
  };
}

/** The product photo saved as a heavily compressed JPEG (blocking, ringing, colour bleeding). */
export async function jpegPhoto(entry: CatalogEntry, quality = 15): Promise<TestPhoto> {
  const layers = await garmentLayers(entry);
  const mask = new MaskCanvas(OUTPUT_WIDTH, OUTPUT_HEIGHT);
  mask.paint(await greyRaw(layers.mask), 0, 0, 1);
  return {
    name: `jpeg ${entry.product.handle} q${quality}`,
    kind: "jpeg",
    bytes: await encode(sharp(layers.photo), "jpeg", quality),
    format: "jpeg",
    width: OUTPUT_WIDTH,
    height: OUTPUT_HEIGHT,
    garments: [garmentOf(entry, mask.box(1)!)],
  };
}

// ---------------------------------------------------------------------------------------------
// Photos of several products.

const LOOKBOOK_PAGE_TONES = ["#e9e4dc", "#dfe4e8", "#ece6ee", "#e3ebe3", "#efe9df"];

/**
 * A lookbook page as the demo seed draws one (seed-lookbooks.ts renderLook): the products' own photos
 * as tiles in a 2×2 grid, two halves, or two over one, on a studio backdrop of another tone.
 */
export async function gridPhoto(entries: CatalogEntry[], seed: number): Promise<TestPhoto> {
  if (entries.length < 2 || entries.length > 4) throw new Error("a grid holds 2 to 4 products");
  const [width, height] = [600, 800];
  const pad = 20;
  const cellWidth = Math.round((width - pad * 3) / 2);
  const cellHeight = Math.round((cellWidth * OUTPUT_HEIGHT) / OUTPUT_WIDTH);
  const rows = entries.length <= 2 ? 1 : 2;
  const rowTop = (row: number) => Math.round((height - rows * cellHeight - (rows - 1) * pad) / 2 + row * (cellHeight + pad));
  const slots = entries.map((_, i) => {
    const shift = entries.length === 3 && i === 2 ? (cellWidth + pad) / 2 : 0;
    return { left: Math.round(pad + (i % 2) * (cellWidth + pad) + shift), top: rowTop(Math.floor(i / 2)) };
  });
  const mask = new MaskCanvas(width, height);
  const layers = await Promise.all(
    entries.map(async (entry, i) => {
      const garment = await garmentLayers(entry);
      mask.paint(await greyRaw(sharp(garment.mask).resize(cellWidth, cellHeight)), slots[i]!.left, slots[i]!.top, i + 1);
      return { input: await sharp(garment.photo).resize(cellWidth, cellHeight).png().toBuffer(), ...slots[i]! };
    }),
  );
  const page = LOOKBOOK_PAGE_TONES[seed % LOOKBOOK_PAGE_TONES.length]!;
  const image = sharp({ create: { width, height, channels: 3, background: page } }).composite(layers);
  return {
    name: `grid ${entries.length} #${seed}`,
    kind: "grid",
    bytes: await encode(sharp(await image.png().toBuffer()), "jpeg", 84),
    format: "jpeg",
    width,
    height,
    garments: entries.map((entry, i) => garmentOf(entry, mask.box(i + 1)!)),
  };
}

/**
 * A flat lay: the garments cut out (with their shadows), scaled, turned up to ±15° and laid apart on a
 * textured backdrop (linen, paper, wood) with a light gradient and a vignette.
 */
export async function flatLayPhoto(entries: CatalogEntry[], seed: number): Promise<TestPhoto> {
  const random = rng(seed);
  const [width, height] = [800, 800];
  const backdrop = texturedBackdrop(width, height, seed);
  const mask = new MaskCanvas(width, height);
  const placed: Array<{ x0: number; y0: number; x1: number; y1: number }> = [];
  const layers: OverlayOptions[] = [];
  for (const [i, entry] of entries.entries()) {
    const garment = await garmentLayers(entry);
    for (let attempt = 0; attempt < 200; attempt++) {
      // Fewer garments, larger ones; smaller again when the layout is crowded.
      const scale = (entries.length <= 2 ? 0.55 : 0.42) * (0.8 + random() * 0.35) * (attempt > 100 ? 0.8 : 1);
      const angle = (random() - 0.5) * 30;
      const w = Math.round(OUTPUT_WIDTH * scale);
      const h = Math.round(OUTPUT_HEIGHT * scale);
      const turnedMask = await greyRaw(sharp(garment.mask).resize(w, h).rotate(angle, { background: "#000" }));
      const tight = tightBox(turnedMask);
      if (!tight) continue;
      const left = Math.round(random() * (width - turnedMask.width));
      const top = Math.round(random() * (height - turnedMask.height));
      const box = { x0: left + tight.x0, y0: top + tight.y0, x1: left + tight.x1, y1: top + tight.y1 };
      const gap = 18;
      if (box.x0 < 6 || box.y0 < 6 || box.x1 > width - 6 || box.y1 > height - 6) continue;
      if (placed.some((p) => box.x0 < p.x1 + gap && p.x0 < box.x1 + gap && box.y0 < p.y1 + gap && p.y0 < box.y1 + gap)) continue;
      placed.push(box);
      mask.paint(turnedMask, left, top, i + 1);
      const input = await sharp(garment.cutout)
        .resize(w, h)
        .rotate(angle, { background: { r: 0, g: 0, b: 0, alpha: 0 } })
        .png()
        .toBuffer();
      layers.push({ input, left, top });
      break;
    }
    if (placed.length !== i + 1) throw new Error(`flat lay #${seed}: no room for garment ${i + 1}`);
  }
  const image = sharp(Buffer.from(backdrop.data), { raw: { width, height, channels: 3 } }).composite(layers);
  return {
    name: `flat-lay ${entries.length} #${seed}`,
    kind: "flat-lay",
    bytes: await encode(sharp(await image.png().toBuffer()), "jpeg", 86),
    format: "jpeg",
    width,
    height,
    garments: entries.map((entry, i) => garmentOf(entry, mask.box(i + 1)!)),
  };
}

/** A backdrop with nothing on it: a studio sweep or a textured surface, with gradient, vignette and noise. */
export async function emptyBackdropPhoto(seed: number): Promise<TestPhoto> {
  const [width, height] = [640, 800];
  const backdrop = texturedBackdrop(width, height, seed);
  return {
    name: `empty #${seed}`,
    kind: "empty",
    bytes: await encode(sharp(Buffer.from(backdrop.data), { raw: { width, height, channels: 3 } }), "jpeg", 85),
    format: "jpeg",
    width,
    height,
    garments: [],
  };
}

/**
 * `count` photos of several garments each, alternating grids (2–4 products) and flat lays (3–4 products),
 * products drawn from `pool` by `seed`.
 */
export async function multiGarmentPhotos(count: number, seed: number, pool: CatalogEntry[] = catalogEntries()): Promise<TestPhoto[]> {
  const random = rng(seed);
  const photos: TestPhoto[] = [];
  for (let i = 0; i < count; i++) {
    const photoSeed = seed + i * 7919;
    if (i % 2 === 0) photos.push(await gridPhoto(pickProducts(photoSeed, 2 + Math.floor(random() * 3), pool), photoSeed));
    else photos.push(await flatLayPhoto(pickProducts(photoSeed, 3 + Math.floor(random() * 2), pool), photoSeed));
  }
  return photos;
}

/**
 * A garment cut out of its catalog photo (with its drop shadow, backdrop transparent) at `height` pixels,
 * as a PNG to composite onto other photos, with the garment's true box in the cut-out's pixels.
 */
export async function garmentCutout(
  entry: CatalogEntry,
  height: number,
): Promise<{ png: Buffer; width: number; height: number; box: { left: number; top: number; width: number; height: number } }> {
  const layers = await garmentLayers(entry);
  const width = Math.round((height * OUTPUT_WIDTH) / OUTPUT_HEIGHT);
  const mask = new MaskCanvas(width, height);
  mask.paint(await greyRaw(sharp(layers.mask).resize(width, height)), 0, 0, 1);
  const box = mask.box(1)!;
  return {
    png: await sharp(layers.cutout).resize(width, height).png().toBuffer(),
    width,
    height,
    box: { left: box.x * width, top: box.y * height, width: box.width * width, height: box.height * height },
  };
}

// ---------------------------------------------------------------------------------------------
// Helpers for tests and the benchmark.

/** Decodes a photo upright at working resolution (longest side ≤ maxSide), as the describe service does. */
export async function decodeRgb(bytes: Buffer, maxSide = 512): Promise<RgbImage> {
  const { data, info } = await sharp(bytes)
    .rotate()
    .resize(maxSide, maxSide, { fit: "inside", withoutEnlargement: true })
    .removeAlpha()
    .toColourspace("srgb")
    .raw()
    .toBuffer({ resolveWithObject: true });
  return { data: new Uint8Array(data.buffer, data.byteOffset, data.length), width: info.width, height: info.height };
}

export function iou(a: Box, b: Box): number {
  const x0 = Math.max(a.x, b.x);
  const y0 = Math.max(a.y, b.y);
  const x1 = Math.min(a.x + a.width, b.x + b.width);
  const y1 = Math.min(a.y + a.height, b.y + b.height);
  const inter = Math.max(0, x1 - x0) * Math.max(0, y1 - y0);
  const union = a.width * a.height + b.width * b.height - inter;
  return union > 0 ? inter / union : 0;
}

/** How many of the true garments some found box overlaps with IoU ≥ `threshold` (each found box matches one garment). */
export function matchedGarments(truth: Box[], found: Box[], threshold = 0.5): number {
  const pairs: Array<{ t: number; f: number; score: number }> = [];
  truth.forEach((t, ti) => found.forEach((f, fi) => pairs.push({ t: ti, f: fi, score: iou(t, f) })));
  pairs.sort((a, b) => b.score - a.score);
  const usedT = new Set<number>();
  const usedF = new Set<number>();
  for (const p of pairs) {
    if (p.score < threshold || usedT.has(p.t) || usedF.has(p.f)) continue;
    usedT.add(p.t);
    usedF.add(p.f);
  }
  return usedT.size;
}

function tightBox(mask: { data: Uint8Array; width: number; height: number }): { x0: number; y0: number; x1: number; y1: number } | null {
  let x0 = mask.width,
    y0 = mask.height,
    x1 = -1,
    y1 = -1;
  for (let y = 0; y < mask.height; y++) {
    for (let x = 0; x < mask.width; x++) {
      if (mask.data[y * mask.width + x]! < 128) continue;
      if (x < x0) x0 = x;
      if (x > x1) x1 = x;
      if (y < y0) y0 = y;
      if (y > y1) y1 = y;
    }
  }
  return x1 < 0 ? null : { x0, y0, x1: x1 + 1, y1: y1 + 1 };
}

/** Solves the 3×3 homography mapping the four `from` points onto the four `to` points. */
function homography(from: Array<[number, number]>, to: Array<[number, number]>): number[] {
  const a: number[][] = [];
  for (let i = 0; i < 4; i++) {
    const [x, y] = from[i]!;
    const [u, v] = to[i]!;
    a.push([x, y, 1, 0, 0, 0, -u * x, -u * y, u]);
    a.push([0, 0, 0, x, y, 1, -v * x, -v * y, v]);
  }
  // Gaussian elimination with partial pivoting on the 8×9 augmented matrix.
  for (let col = 0; col < 8; col++) {
    let pivot = col;
    for (let r = col + 1; r < 8; r++) if (Math.abs(a[r]![col]!) > Math.abs(a[pivot]![col]!)) pivot = r;
    [a[col], a[pivot]] = [a[pivot]!, a[col]!];
    for (let r = 0; r < 8; r++) {
      if (r === col) continue;
      const f = a[r]![col]! / a[col]![col]!;
      for (let c = col; c < 9; c++) a[r]![c]! -= f * a[col]![c]!;
    }
  }
  return [...Array.from({ length: 8 }, (_, i) => a[i]![8]! / a[i]![i]!), 1];
}

/** Draws `source` (RGB) into the quad of `scene` (bilinear, inverse mapping) and paints the warped garment mask. */
function warpInto(
  scene: { data: Uint8Array; width: number; height: number },
  source: { data: Uint8Array; width: number; height: number },
  quad: Array<[number, number]>,
  mask: MaskCanvas,
  garmentMask: { data: Uint8Array; width: number; height: number },
): void {
  const corners: Array<[number, number]> = [
    [0, 0],
    [source.width - 1, 0],
    [source.width - 1, source.height - 1],
    [0, source.height - 1],
  ];
  const h = homography(quad, corners);
  const xs = quad.map((p) => p[0]);
  const ys = quad.map((p) => p[1]);
  const warpedMask = new Uint8Array(scene.width * scene.height);
  for (let y = Math.max(0, Math.floor(Math.min(...ys))); y <= Math.min(scene.height - 1, Math.ceil(Math.max(...ys))); y++) {
    for (let x = Math.max(0, Math.floor(Math.min(...xs))); x <= Math.min(scene.width - 1, Math.ceil(Math.max(...xs))); x++) {
      const w = h[6]! * x + h[7]! * y + h[8]!;
      const sx = (h[0]! * x + h[1]! * y + h[2]!) / w;
      const sy = (h[3]! * x + h[4]! * y + h[5]!) / w;
      if (sx < 0 || sy < 0 || sx > source.width - 1 || sy > source.height - 1) continue;
      const x0 = Math.floor(sx);
      const y0 = Math.floor(sy);
      const x1 = Math.min(x0 + 1, source.width - 1);
      const y1 = Math.min(y0 + 1, source.height - 1);
      const fx = sx - x0;
      const fy = sy - y0;
      const at = (px: number, py: number, c: number) => source.data[(py * source.width + px) * 3 + c]!;
      for (let c = 0; c < 3; c++) {
        const top = at(x0, y0, c) * (1 - fx) + at(x1, y0, c) * fx;
        const bottom = at(x0, y1, c) * (1 - fx) + at(x1, y1, c) * fx;
        scene.data[(y * scene.width + x) * 3 + c] = clamp255(top * (1 - fy) + bottom * fy);
      }
      warpedMask[y * scene.width + x] = garmentMask.data[Math.round(sy) * garmentMask.width + Math.round(sx)]!;
    }
  }
  mask.paint({ data: warpedMask, width: scene.width, height: scene.height }, 0, 0, 1);
}
