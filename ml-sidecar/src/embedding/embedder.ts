/** Which vector space a vector lives in: vectors from different spaces are never compared. */
export interface ModelSpace {
  /** e.g. "nsfwjs/mobilenet_v2_mid:feature_vector" */
  model: string;
  /** Changes whenever weights, preprocessing or pooling change. */
  version: string;
  dim: number;
}

export interface EmbedderInfo extends ModelSpace {
  /** tfjs backend actually running: "tensorflow-gpu", "tensorflow", "wasm", "cpu". */
  backend: string;
  workers: number;
}

/** An RGB picture of any size, 3 bytes a pixel, row-major. */
export interface PackedRgb {
  data: Uint8Array;
  width: number;
  height: number;
}

/** A network's feature map: rows×cols cells of `channels` values, row-major. */
export interface FeatureGrid {
  data: Float32Array;
  rows: number;
  cols: number;
  channels: number;
}

/** Port: prepared 224×224 RGB images → L2-normalised vectors. */
export interface Embedder {
  readonly info: EmbedderInfo;
  embed(images: Uint8Array[]): Promise<Float32Array[]>;
  /** The network's map of cell features of one picture of any size (sides multiples of 16). */
  cellFeatures(picture: PackedRgb): Promise<FeatureGrid>;
  close(): Promise<void>;
}

export function spaceKey(space: Pick<ModelSpace, "model" | "version">): string {
  return `${space.model}@${space.version}`;
}

export function l2Normalise(v: Float32Array): Float32Array {
  let s = 0;
  for (let i = 0; i < v.length; i += 1) s += v[i]! * v[i]!;
  const n = Math.sqrt(s) || 1;
  for (let i = 0; i < v.length; i += 1) v[i] = v[i]! / n;
  return v;
}

export function cosine(a: Float32Array, b: Float32Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i += 1) s += a[i]! * b[i]!;
  return s;
}
