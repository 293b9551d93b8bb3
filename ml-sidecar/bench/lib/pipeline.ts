import fs from "node:fs";
import path from "node:path";
import { createHash } from "node:crypto";
import { fileURLToPath } from "node:url";
import { prepareImage, DEFAULT_IMAGE_LIMITS } from "../../src/image/preprocess.ts";
import { DctPhashHasher } from "../../src/dedup/dct-phash-hasher.ts";
import { fingerprint, type Fingerprint } from "../../src/dedup/fingerprint.ts";
import { WasmWorkerPoolEmbedder } from "../../src/embedding/wasm-worker-pool-embedder.ts";
import { mobilenetMidSpace } from "../../src/embedding/mobilenet-feature-model.ts";
import { LAYOUT_SIDE } from "../../src/dedup/layout-match.ts";
import { decodeKeypoints, encodeKeypoints, KEYPOINTS_VERSION } from "../../src/dedup/keypoints.ts";

export const CACHE_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", ".cache");

export const DIM = 1792;
const LAYOUT_BYTES = LAYOUT_SIDE * LAYOUT_SIDE;
/** Bytes per cached image: vector, hash + mirror hash (32 hex chars), layout. */
export const CACHE_RECORD = DIM * 4 + 32 + LAYOUT_BYTES;

export async function startPool(): Promise<WasmWorkerPoolEmbedder> {
  return WasmWorkerPoolEmbedder.start(Number(process.env.EMBED_WORKERS ?? 2), { flipAverage: false });
}

/**
 * Renders (via `make`), prepares and fingerprints `count` images, caching
 * the result under bench/.cache/<name>-<key>.bin so reruns skip the work.
 * Rendering of the next chunk overlaps with embedding of the current one.
 * The cache key includes the model version, so a recipe change re-embeds.
 */
export async function fingerprintAll(
  name: string,
  count: number,
  make: (i: number) => Promise<Buffer>,
  opts: { cacheKey: string; log?: (m: string) => void },
): Promise<Fingerprint[]> {
  const version = mobilenetMidSpace({ flipAverage: false }).version;
  const key = createHash("sha1").update(`${opts.cacheKey}|${count}|${version}|v4`).digest("hex").slice(0, 10);
  const file = path.join(CACHE_DIR, `${name}-${key}.bin`);
  if (fs.existsSync(file) && fs.existsSync(keypointCacheFile(file))) return readCache(file, count);
  const hasher = new DctPhashHasher();
  const pool = await startPool();
  const out: Fingerprint[] = [];
  const chunk = 64;
  const t0 = performance.now();
  const prepareChunk = async (start: number) =>
    Promise.all(
      Array.from({ length: Math.min(chunk, count - start) }, async (_, j) => prepareImage(await make(start + j), { ...DEFAULT_IMAGE_LIMITS })),
    );
  let next = prepareChunk(0);
  for (let start = 0; start < count; start += chunk) {
    const prepared = await next;
    if (start + chunk < count) next = prepareChunk(start + chunk);
    // The service's own fingerprint(): what is calibrated here is what ships.
    out.push(...(await fingerprint(prepared, { embedder: pool, hasher })));
    if (opts.log && (start / chunk) % 10 === 0) {
      const s = (performance.now() - t0) / 1000;
      opts.log(`${name}: ${out.length}/${count} images in ${s.toFixed(0)} s`);
    }
  }
  await pool.close();
  writeCache(file, out);
  return out;
}

function writeCache(file: string, items: Fingerprint[]): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const buf = Buffer.alloc(items.length * CACHE_RECORD);
  items.forEach((f, i) => {
    const at = i * CACHE_RECORD;
    Buffer.from(f.vector.buffer, f.vector.byteOffset, f.vector.byteLength).copy(buf, at);
    buf.write(f.hash.hex + f.hash.mirrorHex, at + DIM * 4, "ascii");
    buf.set(f.layout, at + DIM * 4 + 32);
  });
  // Keypoints vary in size: a second file of length-prefixed records (upright, then mirrored).
  const kp = Buffer.concat(
    items.flatMap((f) =>
      [f.keypoints.upright, f.keypoints.mirrored].flatMap((k) => {
        const b = encodeKeypoints(k);
        const len = Buffer.alloc(4);
        len.writeUInt32LE(b.length);
        return [len, b];
      }),
    ),
  );
  fs.writeFileSync(`${keypointCacheFile(file)}.tmp`, kp);
  fs.renameSync(`${keypointCacheFile(file)}.tmp`, keypointCacheFile(file));
  fs.writeFileSync(`${file}.tmp`, buf);
  fs.renameSync(`${file}.tmp`, file);
}

/** The embeddings alone of a cache file (bench/index.ts pools every cached image's vector). */
export function readCachedVectors(file: string): Float32Array[] {
  const buf = fs.readFileSync(file);
  return Array.from(
    { length: Math.floor(buf.length / CACHE_RECORD) },
    (_, i) => new Float32Array(buf.buffer.slice(buf.byteOffset + i * CACHE_RECORD, buf.byteOffset + i * CACHE_RECORD + DIM * 4)),
  );
}

/** Keypoints beside an embeddings cache file, named by keypoint version (another version is a cache miss). */
const keypointCacheFile = (file: string) => `${file}.kp${KEYPOINTS_VERSION}`;

export function readCache(file: string, count?: number): Fingerprint[] {
  const buf = fs.readFileSync(file);
  const n = count ?? Math.floor(buf.length / CACHE_RECORD);
  const kp = fs.readFileSync(keypointCacheFile(file));
  let kpAt = 0;
  const nextKeypoints = () => {
    const len = kp.readUInt32LE(kpAt);
    const k = decodeKeypoints(kp.subarray(kpAt + 4, kpAt + 4 + len))!;
    kpAt += 4 + len;
    return k;
  };
  return Array.from({ length: n }, (_, i) => {
    const at = i * CACHE_RECORD;
    const hashes = buf.toString("ascii", at + DIM * 4, at + DIM * 4 + 32);
    return {
      vector: new Float32Array(buf.buffer.slice(buf.byteOffset + at, buf.byteOffset + at + DIM * 4)),
      hash: { hex: hashes.slice(0, 16), mirrorHex: hashes.slice(16) },
      layout: new Uint8Array(buf.buffer, buf.byteOffset + at + DIM * 4 + 32, LAYOUT_BYTES),
      keypoints: { upright: nextKeypoints(), mirrored: nextKeypoints() },
    };
  });
}

/** Fixed-width text table. */
export function table(headers: string[], rows: Array<Array<string | number>>): string {
  const cells = rows.map((r) => r.map((c) => (typeof c === "number" ? (Number.isInteger(c) ? String(c) : c.toFixed(3)) : c)));
  const widths = headers.map((h, i) => Math.max(h.length, ...cells.map((r) => r[i]!.length)));
  const line = (r: string[]) => `| ${r.map((c, i) => c.padEnd(widths[i]!)).join(" | ")} |`;
  return [line(headers), `|${widths.map((w) => "-".repeat(w + 2)).join("|")}|`, ...cells.map(line)].join("\n");
}

export async function mapLimit<T, R>(items: T[], limit: number, fn: (t: T, i: number) => Promise<R>): Promise<R[]> {
  const out = new Array<R>(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, async () => {
      while (next < items.length) {
        const i = next++;
        out[i] = await fn(items[i]!, i);
      }
    }),
  );
  return out;
}
