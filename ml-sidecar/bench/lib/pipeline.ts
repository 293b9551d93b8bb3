import fs from "node:fs";
import path from "node:path";
import { createHash } from "node:crypto";
import { fileURLToPath } from "node:url";
import { prepareImage, mirrorRgb, DEFAULT_IMAGE_LIMITS } from "../../src/image/preprocess.ts";
import { DctPhashHasher } from "../../src/dedup/dct-phash-hasher.ts";
import type { ImageHash } from "../../src/dedup/hasher.ts";
import { WasmWorkerPoolEmbedder } from "../../src/embedding/wasm-worker-pool-embedder.ts";
import { l2Normalise } from "../../src/embedding/embedder.ts";

export const CACHE_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", ".cache");

export interface Fingerprinted {
  hash: ImageHash;
  /** Embedding of the image as is. */
  plain: Float32Array;
  /** Embedding of its mirror image; (plain + mirror) normalised is the flip-averaged embedding. */
  mirror: Float32Array;
}

export function flipAveraged(f: Fingerprinted): Float32Array {
  const v = new Float32Array(f.plain.length);
  for (let i = 0; i < v.length; i += 1) v[i] = f.plain[i]! + f.mirror[i]!;
  return l2Normalise(v);
}

export async function startPool(): Promise<WasmWorkerPoolEmbedder> {
  return WasmWorkerPoolEmbedder.start(Number(process.env.EMBED_WORKERS ?? 2), { flipAverage: false });
}

/**
 * Renders (via `make`), prepares, hashes and embeds `count` images, caching
 * the result under bench/.cache/<name>-<key>.bin so reruns skip the work.
 * Rendering of the next chunk overlaps with embedding of the current one.
 */
export async function fingerprintAll(
  name: string,
  count: number,
  make: (i: number) => Promise<Buffer>,
  opts: { withMirror: boolean; cacheKey: string; log?: (m: string) => void },
): Promise<Fingerprinted[]> {
  const key = createHash("sha1").update(`${opts.cacheKey}|${count}|${opts.withMirror}|v3`).digest("hex").slice(0, 10);
  const file = path.join(CACHE_DIR, `${name}-${key}.bin`);
  const dim = 1792;
  if (fs.existsSync(file)) return readCache(file, count, dim);
  const hasher = new DctPhashHasher();
  const pool = await startPool();
  const out: Fingerprinted[] = [];
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
    const inputs = prepared.flatMap((p) => (opts.withMirror ? [p.rgb, mirrorRgb(p.rgb)] : [p.rgb]));
    const vectors = await pool.embed(inputs);
    prepared.forEach((p, j) => {
      const plain = vectors[opts.withMirror ? 2 * j : j]!;
      out.push({ hash: hasher.hash(p), plain, mirror: opts.withMirror ? vectors[2 * j + 1]! : plain });
    });
    if (opts.log && (start / chunk) % 10 === 0) {
      const s = (performance.now() - t0) / 1000;
      opts.log(`${name}: ${out.length}/${count} images in ${s.toFixed(0)} s`);
    }
  }
  await pool.close();
  writeCache(file, out, dim);
  return out;
}

function writeCache(file: string, items: Fingerprinted[], dim: number): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const vec = new Float32Array(items.length * dim * 2);
  items.forEach((f, i) => {
    vec.set(f.plain, i * dim * 2);
    vec.set(f.mirror, i * dim * 2 + dim);
  });
  const hashes = Buffer.from(items.map((f) => f.hash.hex + f.hash.mirrorHex).join(""), "ascii");
  fs.writeFileSync(`${file}.tmp`, Buffer.concat([Buffer.from(new Uint8Array(vec.buffer)), hashes]));
  fs.renameSync(`${file}.tmp`, file);
}

function readCache(file: string, count: number, dim: number): Fingerprinted[] {
  const buf = fs.readFileSync(file);
  const vecBytes = count * dim * 2 * 4;
  const vec = new Float32Array(buf.buffer.slice(buf.byteOffset, buf.byteOffset + vecBytes));
  const hashes = buf.subarray(vecBytes).toString("ascii");
  return Array.from({ length: count }, (_, i) => ({
    plain: vec.subarray(i * dim * 2, i * dim * 2 + dim),
    mirror: vec.subarray(i * dim * 2 + dim, (i + 1) * dim * 2),
    hash: { hex: hashes.slice(i * 32, i * 32 + 16), mirrorHex: hashes.slice(i * 32 + 16, i * 32 + 32) },
  }));
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
