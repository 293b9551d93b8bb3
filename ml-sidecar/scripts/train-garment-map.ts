/**
 * Trains the garment map head (models/garment-map-head.json): a linear read-out of the embedding
 * network's block-13 feature map that says, for each 16×16 patch of a photo, whether it shows a garment
 * or the scene around it. describe uses it to outline a garment in a busy scene, where no backdrop can be
 * modelled. Reproducible byte for byte: every random choice comes from a seeded PRNG, scenes are made in
 * a fixed order and the head is fitted in float64 in a fixed order.
 *
 * Data (generated here): renders of the training products (isTrainingProduct; the others are never
 * drawn) cut out of their backdrop and placed over clutter of this script's own making (textures,
 * gradients, noise, and up to 90 shapes: circles, rotated rectangles, polygons and lines), blurred a
 * little or not, JPEG-compressed. The benchmark's busy scenes come from another generator
 * (ml-sidecar/test/photos.ts) and never enter training.
 *
 *   npm run train:garment-map -- [--scenes 500] [--held-out 60] [--out models]
 */
import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import sharp from "sharp";
import { renderGarmentSvg, GARMENT_FORMS } from "../../src/scripts/demo-catalog/render-garment.ts";
import { COLOURS } from "../../src/scripts/demo-catalog/vocabulary.ts";
import { cellPicture, GARMENT_MAP_FILE, garmentShares, type GarmentMapHeadFile } from "../src/describe/garment-map.ts";
import { MobilenetFeatureModel, mobilenetMidSpace } from "../src/embedding/mobilenet-feature-model.ts";
import { loadTfjsWasm } from "../src/embedding/wasm-runtime.ts";
import { WORKING_SIDE } from "../src/describe/describe-service.ts";
import { rng } from "../src/util/rng.ts";
import { between, catalogProducts, DEFAULT_MODEL_DIR, isTrainingProduct, pick, type Rand } from "./train-category-head.ts";

const hsl = (r: Rand) => `hsl(${Math.floor(r() * 360)},${Math.floor(between(r, 10, 90))}%,${Math.floor(between(r, 15, 85))}%)`;

/** One training scene: the photo at working size and, per pixel, 1 where the garment is. */
export interface GarmentScene {
  data: Uint8Array;
  width: number;
  height: number;
  garment: Uint8Array;
}

/** Clutter to stand behind a garment: a ground (flat, gradient, texture or noise) and many shapes over it. */
function clutterSvg(r: Rand, width: number, height: number): string {
  const parts: string[] = [];
  const ground = Math.floor(r() * 4);
  if (ground === 0) parts.push(`<rect width="${width}" height="${height}" fill="${hsl(r)}"/>`);
  else if (ground === 1)
    parts.push(
      `<defs><linearGradient id="g" x1="0" y1="0" x2="${r().toFixed(2)}" y2="${r().toFixed(2)}"><stop offset="0" stop-color="${hsl(r)}"/><stop offset="1" stop-color="${hsl(r)}"/></linearGradient></defs><rect width="${width}" height="${height}" fill="url(#g)"/>`,
    );
  else if (ground === 2) {
    const w = Math.round(between(r, 20, 120));
    const h = Math.round(between(r, 10, 60));
    parts.push(
      `<defs><pattern id="t" width="${w}" height="${2 * h}" patternUnits="userSpaceOnUse"><rect width="${w}" height="${2 * h}" fill="${hsl(r)}"/><rect width="${w - 3}" height="${h - 3}" fill="${hsl(r)}"/><rect x="${-w / 2}" y="${h}" width="${w - 3}" height="${h - 3}" fill="${hsl(r)}"/><rect x="${w / 2}" y="${h}" width="${w - 3}" height="${h - 3}" fill="${hsl(r)}"/></pattern></defs><rect width="${width}" height="${height}" fill="url(#t)"/>`,
    );
  } else {
    parts.push(`<rect width="${width}" height="${height}" fill="${hsl(r)}"/>`);
    for (let i = 0; i < 400; i++)
      parts.push(
        `<rect x="${Math.floor(r() * width)}" y="${Math.floor(r() * height)}" width="${Math.round(between(r, 4, 30))}" height="${Math.round(between(r, 4, 30))}" fill="${hsl(r)}" opacity="0.6"/>`,
      );
  }
  const shapes = Math.floor(between(r, 0, 90));
  const side = Math.max(width, height);
  for (let i = 0; i < shapes; i++) {
    const x = r() * width;
    const y = r() * height;
    const s = between(r, 0.03, 0.3) * side;
    const fill = hsl(r);
    const opacity = r() < 0.7 ? 1 : between(r, 0.5, 1);
    switch (Math.floor(r() * 4)) {
      case 0:
        parts.push(`<circle cx="${x.toFixed(0)}" cy="${y.toFixed(0)}" r="${(s / 2).toFixed(0)}" fill="${fill}" opacity="${opacity.toFixed(2)}"/>`);
        break;
      case 1:
        parts.push(
          `<rect x="${x.toFixed(0)}" y="${y.toFixed(0)}" width="${s.toFixed(0)}" height="${(s * between(r, 0.2, 1.5)).toFixed(0)}" fill="${fill}" opacity="${opacity.toFixed(2)}" transform="rotate(${between(r, -30, 30).toFixed(0)} ${x.toFixed(0)} ${y.toFixed(0)})"/>`,
        );
        break;
      case 2: {
        const points = Array.from(
          { length: 3 + Math.floor(r() * 4) },
          () => `${(x + between(r, -s, s)).toFixed(0)},${(y + between(r, -s, s)).toFixed(0)}`,
        );
        parts.push(`<polygon points="${points.join(" ")}" fill="${fill}" opacity="${opacity.toFixed(2)}"/>`);
        break;
      }
      default:
        parts.push(
          `<line x1="${x.toFixed(0)}" y1="${y.toFixed(0)}" x2="${(x + between(r, -s, s)).toFixed(0)}" y2="${(y + between(r, -s, s)).toFixed(0)}" stroke="${fill}" stroke-width="${between(r, 2, 16).toFixed(0)}"/>`,
        );
    }
  }
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">${parts.join("")}</svg>`;
}

const trainingProducts = () => catalogProducts().filter((p) => isTrainingProduct(p.indexInCategory));

/** A training product's render without its backdrop and floor shadow: RGBA, alpha the garment. */
async function garmentCutout(r: Rand): Promise<Buffer> {
  const { product, catalogIndex } = pick(r, trainingProducts());
  const image = pick(r, product.images);
  const u = r();
  const colourHex = u < 0.7 ? image.colour.hex : pick(r, COLOURS).hex;
  const form = r() < 0.5 ? pick(r, GARMENT_FORMS[product.category.shape]) : undefined;
  const svg = renderGarmentSvg({
    shape: product.category.shape,
    colourHex,
    pattern: product.pattern,
    view: image.view,
    variationSeed: form ? Math.floor(r() * 1_000_000) : catalogIndex,
    title: product.title,
    form,
  });
  const lines = svg
    .split("\n")
    .filter((l) => !/^<rect x="0" y="0" width="\d+" height="\d+" fill="#[0-9a-f]{6}"\/>/.test(l) && !l.startsWith("<ellipse "));
  return sharp(Buffer.from(lines.join("\n")))
    .ensureAlpha()
    .png()
    .toBuffer();
}

/** A scene: a garment at 40–85% of the photo's height over clutter, as describe's working copy sees it. */
export async function garmentScene(r: Rand): Promise<GarmentScene> {
  const [width, height] = pick(r, [
    [600, 750],
    [640, 640],
    [750, 600],
    [480, 720],
  ] as const);
  const cutout = await garmentCutout(r);
  const meta = await sharp(cutout).metadata();
  const scale = (between(r, 0.4, 0.85) * height) / meta.height!;
  const w = Math.min(width, Math.round(meta.width! * scale));
  const h = Math.round(meta.height! * scale);
  const left = Math.round((width - w) * between(r, 0.1, 0.9));
  const top = Math.round((height - h) * between(r, 0.1, 0.9));
  const resized = await sharp(cutout).resize(w, h, { fit: "fill" }).png().toBuffer();
  let scene = sharp(Buffer.from(clutterSvg(r, width, height)));
  const blur = r() < 0.5 ? 0 : between(r, 0.4, 1.6);
  if (blur >= 0.3) scene = scene.blur(blur);
  const sceneBuffer = await scene.png().toBuffer();
  const photo = await sharp(sceneBuffer)
    .composite([{ input: resized, left, top }])
    .jpeg({ quality: Math.round(between(r, 60, 92)) })
    .toBuffer();
  const k = WORKING_SIDE / Math.max(width, height);
  const [ww, wh] = [Math.round(width * k), Math.round(height * k)];
  const data = await sharp(photo).resize(ww, wh).removeAlpha().raw().toBuffer();
  const alpha = await sharp(resized).extractChannel(3).raw().toBuffer();
  const full = new Uint8Array(width * height);
  for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) full[(top + y) * width + left + x] = alpha[y * w + x]! >= 128 ? 255 : 0;
  const small = await sharp(full, { raw: { width, height, channels: 1 } })
    .resize(ww, wh)
    .extractChannel(0)
    .raw()
    .toBuffer();
  const garment = new Uint8Array(ww * wh);
  for (let i = 0; i < garment.length; i++) garment[i] = small[i]! >= 128 ? 1 : 0;
  return { data: new Uint8Array(data.buffer, data.byteOffset, data.length), width: ww, height: wh, garment };
}

/** Each cell's share of garment pixels, for a grid of rows×cols over the image. */
export function cellShares(scene: GarmentScene, rows: number, cols: number): Float64Array {
  const out = new Float64Array(rows * cols);
  const counts = new Float64Array(rows * cols);
  for (let y = 0; y < scene.height; y++) {
    const row = Math.min(rows - 1, Math.floor((y * rows) / scene.height));
    for (let x = 0; x < scene.width; x++) {
      const c = row * cols + Math.min(cols - 1, Math.floor((x * cols) / scene.width));
      out[c]! += scene.garment[y * scene.width + x]!;
      counts[c]! += 1;
    }
  }
  for (let c = 0; c < out.length; c++) out[c] = out[c]! / Math.max(1, counts[c]!);
  return out;
}

export async function sceneFeatures(model: MobilenetFeatureModel, scene: { data: Uint8Array; width: number; height: number }) {
  return model.cellFeatures(cellPicture(scene));
}

/** Ridge regression in float64: (XᵀX + λI) w = Xᵀy with an unpenalised bias, solved by Cholesky. */
export class RidgeFit {
  private readonly xtx: Float64Array;
  private readonly xty: Float64Array;
  constructor(private readonly dim: number) {
    this.xtx = new Float64Array((dim + 1) * (dim + 1));
    this.xty = new Float64Array(dim + 1);
  }
  add(x: Float32Array, offset: number, y: number): void {
    const n = this.dim + 1;
    const v = new Float64Array(n);
    for (let k = 0; k < this.dim; k++) v[k] = x[offset + k]!;
    v[this.dim] = 1;
    for (let i = 0; i < n; i++) {
      const vi = v[i]!;
      if (vi === 0) continue;
      const row = i * n;
      for (let j = i; j < n; j++) this.xtx[row + j]! += vi * v[j]!;
      this.xty[i]! += vi * y;
    }
  }
  solve(lambda: number): { weights: number[]; bias: number } {
    const n = this.dim + 1;
    const a = new Float64Array(n * n);
    for (let i = 0; i < n; i++) for (let j = i; j < n; j++) a[i * n + j] = a[j * n + i] = this.xtx[i * n + j]!;
    for (let i = 0; i < this.dim; i++) a[i * n + i]! += lambda;
    // Cholesky: a = L Lᵀ, L stored in the lower triangle.
    for (let j = 0; j < n; j++) {
      let d = a[j * n + j]!;
      for (let k = 0; k < j; k++) d -= a[j * n + k]! ** 2;
      const l = Math.sqrt(Math.max(d, 1e-12));
      a[j * n + j] = l;
      for (let i = j + 1; i < n; i++) {
        let s = a[i * n + j]!;
        for (let k = 0; k < j; k++) s -= a[i * n + k]! * a[j * n + k]!;
        a[i * n + j] = s / l;
      }
    }
    const z = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      let s = this.xty[i]!;
      for (let k = 0; k < i; k++) s -= a[i * n + k]! * z[k]!;
      z[i] = s / a[i * n + i]!;
    }
    const w = new Float64Array(n);
    for (let i = n - 1; i >= 0; i--) {
      let s = z[i]!;
      for (let k = i + 1; k < n; k++) s -= a[k * n + i]! * w[k]!;
      w[i] = s / a[i * n + i]!;
    }
    return { weights: Array.from(w.subarray(0, this.dim)), bias: w[this.dim]! };
  }
}

export const GARMENT_MAP_SEED = 20261206;
/** Ridge penalty on the weights (the features are Relu6 activations, 0..6). */
export const RIDGE_LAMBDA = 10;
/** Scenes fitted, and scenes of another seed the printed cell accuracy is measured on. */
export const TRAINING_SCENES = 500;
export const HELD_OUT_SCENES = 60;

/** Fits the head on `scenes` scenes and measures it on `heldOut` scenes of another seed. */
export async function trainGarmentMap(
  model: MobilenetFeatureModel,
  scenes: number,
  heldOut: number,
  log: (line: string) => void = () => {},
): Promise<GarmentMapHeadFile> {
  const r = rng(GARMENT_MAP_SEED);
  let fit: RidgeFit | null = null;
  let channels = 0;
  for (let s = 0; s < scenes; s++) {
    const scene = await garmentScene(r);
    const grid = await sceneFeatures(model, scene);
    channels = grid.channels;
    fit ??= new RidgeFit(grid.channels);
    const shares = cellShares(scene, grid.rows, grid.cols);
    for (let c = 0; c < grid.rows * grid.cols; c++) fit.add(grid.data, c * grid.channels, shares[c]!);
    if ((s + 1) % 50 === 0) log(`${s + 1}/${scenes} scenes`);
  }
  const { weights, bias } = fit!.solve(RIDGE_LAMBDA);
  const head = { channels, weights, bias };
  const held = rng(GARMENT_MAP_SEED + 1);
  let right = 0;
  let cells = 0;
  for (let s = 0; s < heldOut; s++) {
    const scene = await garmentScene(held);
    const grid = await sceneFeatures(model, scene);
    const truth = cellShares(scene, grid.rows, grid.cols);
    const read = garmentShares(grid, head);
    for (let c = 0; c < read.length; c++) {
      if (read[c]! >= 0.5 === truth[c]! >= 0.5) right++;
      cells++;
    }
  }
  return {
    model: mobilenetMidSpace({ flipAverage: false }).model,
    ...head,
    held_out: { scenes: heldOut, seed: GARMENT_MAP_SEED + 1, cells, cell_accuracy: cells ? Number((right / cells).toFixed(4)) : null },
  };
}

async function main() {
  const args = process.argv.slice(2);
  const arg = (name: string, fallback: string) => {
    const i = args.indexOf(`--${name}`);
    return i >= 0 ? args[i + 1]! : fallback;
  };
  const out = arg("out", DEFAULT_MODEL_DIR);
  const tf = await loadTfjsWasm();
  tf.env().set("PROD", true);
  const model = await MobilenetFeatureModel.load(tf, { flipAverage: false });
  const t0 = Date.now();
  const log = (line: string) => console.log(`[train:garment-map] ${line} (${((Date.now() - t0) / 1000).toFixed(0)} s)`);
  const head = await trainGarmentMap(model, Number(arg("scenes", String(TRAINING_SCENES))), Number(arg("held-out", String(HELD_OUT_SCENES))), log);
  log(`held-out scenes: ${JSON.stringify(head.held_out)}`);
  fs.mkdirSync(out, { recursive: true });
  fs.writeFileSync(path.join(out, GARMENT_MAP_FILE), JSON.stringify(head) + "\n");
  model.dispose();
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) await main();
