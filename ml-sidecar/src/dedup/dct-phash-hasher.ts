import { MODEL_INPUT_SIZE, type PreparedImage } from "../image/preprocess.ts";
import { hammingHex, type Hasher, type ImageHash } from "./hasher.ts";

const GRID = 32;
const KEEP = 8;

/**
 * The classic DCT perceptual hash: 32×32 grey → 2-D DCT-II → the 8×8 lowest
 * frequencies without DC → one bit per coefficient above their median (63 bits,
 * padded to 64). A horizontal mirror only changes the sign of odd horizontal
 * frequencies, so the mirror image's hash comes from the same coefficients.
 */
export class DctPhashHasher implements Hasher {
  readonly id = "dct-phash-64";
  readonly bits = 64;
  private readonly cos: Float64Array;

  constructor() {
    this.cos = new Float64Array(KEEP * GRID);
    for (let u = 0; u < KEEP; u += 1) {
      for (let x = 0; x < GRID; x += 1) this.cos[u * GRID + x] = Math.cos(((2 * x + 1) * u * Math.PI) / (2 * GRID));
    }
  }

  hash(image: PreparedImage): ImageHash {
    const grey = greyGrid(image.rgb);
    const coeffs = this.lowFrequencies(grey);
    const mirrored = coeffs.map((c, i) => ((i % KEEP) % 2 === 1 ? -c : c));
    return { hex: bitsAboveMedian(coeffs), mirrorHex: bitsAboveMedian(mirrored) };
  }

  distance(a: ImageHash, b: ImageHash): number {
    return Math.min(hammingHex(a.hex, b.hex), hammingHex(a.hex, b.mirrorHex));
  }

  /** coeffs[v * KEEP + u]: v vertical, u horizontal frequency. */
  private lowFrequencies(grey: Float64Array): number[] {
    const rows = new Float64Array(GRID * KEEP); // DCT along x for every row
    for (let y = 0; y < GRID; y += 1) {
      for (let u = 0; u < KEEP; u += 1) {
        let s = 0;
        for (let x = 0; x < GRID; x += 1) s += grey[y * GRID + x]! * this.cos[u * GRID + x]!;
        rows[y * KEEP + u] = s;
      }
    }
    const out: number[] = [];
    for (let v = 0; v < KEEP; v += 1) {
      for (let u = 0; u < KEEP; u += 1) {
        let s = 0;
        for (let y = 0; y < GRID; y += 1) s += rows[y * KEEP + u]! * this.cos[v * GRID + y]!;
        out.push(s);
      }
    }
    return out;
  }
}

/** 224×224 RGB → 32×32 luma by 7×7 box averages. */
export function greyGrid(rgb: Uint8Array): Float64Array {
  const block = MODEL_INPUT_SIZE / GRID;
  const grey = new Float64Array(GRID * GRID);
  for (let y = 0; y < MODEL_INPUT_SIZE; y += 1) {
    const gy = Math.floor(y / block);
    for (let x = 0; x < MODEL_INPUT_SIZE; x += 1) {
      const i = (y * MODEL_INPUT_SIZE + x) * 3;
      grey[gy * GRID + Math.floor(x / block)]! += 0.299 * rgb[i]! + 0.587 * rgb[i + 1]! + 0.114 * rgb[i + 2]!;
    }
  }
  return grey;
}

function bitsAboveMedian(coeffs: number[]): string {
  const ac = coeffs.slice(1); // DC carries only mean brightness
  const median = [...ac].sort((a, b) => a - b)[Math.floor(ac.length / 2)]!;
  let hex = "";
  for (let nibble = 0; nibble < 16; nibble += 1) {
    let v = 0;
    for (let bit = 0; bit < 4; bit += 1) {
      const i = nibble * 4 + bit;
      v = (v << 1) | (i < ac.length && ac[i]! > median ? 1 : 0);
    }
    hex += v.toString(16);
  }
  return hex;
}
