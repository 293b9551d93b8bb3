import fs from "node:fs";
import path from "node:path";
import type { Embedder, FeatureGrid, PackedRgb } from "../embedding/embedder.ts";
import { DEFAULT_MODEL_DIR } from "./linear-category-head.ts";
import type { CellMap, GarmentMap, RgbImage } from "./ports.ts";

/** The network sees a photo at this long side for its garment map: 16 cells of 16 pixels along it. */
export const CELL_INPUT_SIDE = 256;
const CELL = 16;
export const GARMENT_MAP_FILE = "garment-map-head.json";

/** What garment-map-head.json holds (scripts/train-garment-map.ts writes it). */
export interface GarmentMapHeadFile {
  /** The network whose cell features the head reads (the embedder's model). */
  model: string;
  channels: number;
  weights: number[];
  bias: number;
  held_out?: unknown;
}

/** The size a picture is resized to for its cell features: its aspect, long side CELL_INPUT_SIDE, sides whole cells. */
export function cellInputSize(width: number, height: number): { width: number; height: number } {
  const k = CELL_INPUT_SIDE / Math.max(width, height);
  const side = (v: number) => Math.max(2, Math.round((v * k) / CELL)) * CELL;
  return { width: side(width), height: side(height) };
}

/**
 * A picture as the network reads it for its cells: its pixels averaged over cellInputSize's grid.
 * Synchronous on purpose: describe reads the map while its thread detects garments, and an
 * asynchronous resize would wait for detection to end before the embedder could start.
 */
export function cellPicture(image: PackedRgb): PackedRgb {
  const { width, height } = cellInputSize(image.width, image.height);
  const data = new Uint8Array(width * height * 3);
  const sx = image.width / width;
  const sy = image.height / height;
  for (let y = 0; y < height; y++) {
    const y0 = Math.floor(y * sy);
    const y1 = Math.max(y0 + 1, Math.min(image.height, Math.floor((y + 1) * sy)));
    for (let x = 0; x < width; x++) {
      const x0 = Math.floor(x * sx);
      const x1 = Math.max(x0 + 1, Math.min(image.width, Math.floor((x + 1) * sx)));
      let [r, g, b] = [0, 0, 0];
      for (let v = y0; v < y1; v++) {
        for (let u = x0; u < x1; u++) {
          const i = (v * image.width + u) * 3;
          r += image.data[i]!;
          g += image.data[i + 1]!;
          b += image.data[i + 2]!;
        }
      }
      const n = (y1 - y0) * (x1 - x0);
      const o = (y * width + x) * 3;
      data[o] = Math.round(r / n);
      data[o + 1] = Math.round(g / n);
      data[o + 2] = Math.round(b / n);
    }
  }
  return { data, width, height };
}

/** Each cell's garment share as a linear head reads its features (a least-squares fit: not clamped to 0..1). */
export function garmentShares(grid: FeatureGrid, head: Pick<GarmentMapHeadFile, "channels" | "weights" | "bias">): Float32Array {
  if (grid.channels !== head.channels) throw new Error(`garment map: the head reads ${head.channels} channels, the network gave ${grid.channels}`);
  const cells = grid.rows * grid.cols;
  const out = new Float32Array(cells);
  for (let c = 0; c < cells; c++) {
    let s = head.bias;
    const base = c * grid.channels;
    for (let k = 0; k < grid.channels; k++) s += head.weights[k]! * grid.data[base + k]!;
    out[c] = s;
  }
  return out;
}

/**
 * Adapter: a linear read-out of the embedding network's block-13 cell features
 * (models/garment-map-head.json, trained by scripts/train-garment-map.ts on garments over clutter).
 */
export class LinearGarmentMap implements GarmentMap {
  private constructor(
    private readonly embedder: Embedder,
    private readonly head: GarmentMapHeadFile,
  ) {}

  /** Reads the head from `dir` (default: the package's models folder); refuses one trained on another network's features. */
  static load(embedder: Embedder, dir = DEFAULT_MODEL_DIR): LinearGarmentMap {
    const file = path.join(dir, GARMENT_MAP_FILE);
    let head: GarmentMapHeadFile;
    try {
      head = JSON.parse(fs.readFileSync(file, "utf8")) as GarmentMapHeadFile;
    } catch (err) {
      throw new Error(`garment map: cannot read ${file} (${(err as Error).message}); run \`npm run train:garment-map\` in ml-sidecar`);
    }
    if (!Array.isArray(head.weights) || head.weights.length !== head.channels || typeof head.bias !== "number")
      throw new Error(`garment map: ${file} holds no ${head.channels}-channel head`);
    if (head.model !== embedder.info.model)
      throw new Error(
        `garment map: ${file} reads ${head.model}'s features, but the embedder runs ${embedder.info.model}; run \`npm run train:garment-map\``,
      );
    return new LinearGarmentMap(embedder, head);
  }

  async read(image: RgbImage): Promise<CellMap> {
    const grid = await this.embedder.cellFeatures(cellPicture(image));
    return { shares: garmentShares(grid, this.head), rows: grid.rows, cols: grid.cols };
  }
}
