/**
 * Vector index benchmark: 100,000 vectors of the model's dimension (1792)
 * with real structure, recall@10 against exact search and queries per second
 * for each HNSW setting, reference = exact brute-force search in the same run.
 *
 * The vectors: every real embedding the other benchmarks cached (rendered
 * images), and the rest generated around them — each a real
 * embedding mixed with up to 30% of another real one plus Gaussian noise
 * (norm ≈ 0.25), then normalised. Embedding 100k images on 2 cores would take
 * over an hour; this keeps the real manifold. Queries (1,000) are generated
 * the same way and are not in the index.
 *
 *   npm run bench:index               (VECTORS=100000 QUERIES=1000)
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { Index, MetricKind, ScalarKind, exactSearch, type Matches } from "usearch";
import { CACHE_DIR, CACHE_RECORD, fingerprintAll, readCachedVectors, table } from "./lib/pipeline.ts";
import { renderScene, rng } from "./lib/synthetic.ts";
import { l2Normalise } from "../src/embedding/embedder.ts";

const VECTORS = Number(process.env.VECTORS ?? 100_000);
const QUERIES = Number(process.env.QUERIES ?? 1000);
const DIM = 1792;
const t0 = performance.now();

function cachedRealEmbeddings(): Float32Array[] {
  const out: Float32Array[] = [];
  for (const f of fs.existsSync(CACHE_DIR)
    ? fs
        .readdirSync(CACHE_DIR)
        .filter((n) => n.endsWith(".bin"))
        .sort()
    : []) {
    const file = path.join(CACHE_DIR, f);
    if (fs.statSync(file).size % CACHE_RECORD !== 0) continue;
    out.push(...readCachedVectors(file));
  }
  return out;
}

let real = cachedRealEmbeddings();
const MIN_REAL = Number(process.env.MIN_REAL ?? 2000);
if (real.length < MIN_REAL) {
  const fresh = await fingerprintAll("index-seeds", MIN_REAL, (i) => renderScene(400_000 + i, 320, 320), {
    cacheKey: `index-seeds-${MIN_REAL}`,
    log: console.error,
  });
  real = real.concat(fresh.map((x) => x.vector));
}
const r = rng(77);
const gauss = () => Math.sqrt(-2 * Math.log(r() + 1e-12)) * Math.cos(2 * Math.PI * r());
const sigma = 0.25 / Math.sqrt(DIM);
function synthetic(): Float32Array {
  const a = real[Math.floor(r() * real.length)]!;
  const b = real[Math.floor(r() * real.length)]!;
  const w = r() * 0.3;
  const v = new Float32Array(DIM);
  for (let i = 0; i < DIM; i += 1) v[i] = (1 - w) * a[i]! + w * b[i]! + sigma * gauss();
  return l2Normalise(v);
}
const data = new Float32Array(VECTORS * DIM);
for (let i = 0; i < VECTORS; i += 1) data.set(i < real.length ? real[i]! : synthetic(), i * DIM);
const queries = Array.from({ length: QUERIES }, synthetic);
const realCount = Math.min(real.length, VECTORS);
console.error(`vectors ready: ${realCount} real + ${VECTORS - realCount} generated`);

// Reference: exact k-NN (usearch SIMD brute force), one query at a time like the server does.
const te = performance.now();
const truth: bigint[][] = [];
for (const q of queries) truth.push([...(exactSearch(data, q, DIM, 10, MetricKind.Cos, 1) as Matches).keys]);
const exactQps = QUERIES / ((performance.now() - te) / 1000);

const keys = new BigUint64Array(VECTORS).map((_, i) => BigInt(i));
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "mlsc-index-"));
const builds: Array<{ connectivity: number; expansionAdd: number; quantization: ScalarKind }> = [
  { connectivity: 16, expansionAdd: 128, quantization: ScalarKind.F32 },
  ...(process.env.EXTRA_BUILDS ? [{ connectivity: 16, expansionAdd: 128, quantization: ScalarKind.F16 }] : []),
];
const rows: Array<Array<string | number>> = [["exact brute force (reference)", "-", 1, exactQps, 1000 / exactQps, "1.0×", "-"]];
for (const b of builds) {
  const tb = performance.now();
  const index = new Index({
    dimensions: DIM,
    metric: MetricKind.Cos,
    quantization: b.quantization,
    connectivity: b.connectivity,
    expansion_add: b.expansionAdd,
    expansion_search: 64,
    multi: false,
  });
  index.add(keys, data, 0);
  const buildS = (performance.now() - tb) / 1000;
  const file = path.join(dir, `hnsw-${b.connectivity}-${b.quantization}.usearch`);
  index.save(file);
  for (const ef of [32, 64, 128, 256, 512]) {
    // expansion_search is fixed per Index object: view the saved graph with each setting.
    const view = new Index({
      dimensions: DIM,
      metric: MetricKind.Cos,
      quantization: b.quantization,
      connectivity: b.connectivity,
      expansion_add: b.expansionAdd,
      expansion_search: ef,
      multi: false,
    });
    view.view(file);
    let hits = 0;
    const ts = performance.now();
    const results = queries.map((q) => (view.search(q, 10, 1) as Matches).keys);
    const qps = QUERIES / ((performance.now() - ts) / 1000);
    results.forEach((ks, i) => {
      const want = new Set(truth[i]!);
      for (const k of ks) if (want.has(k)) hits += 1;
    });
    const shipped = b.connectivity === 16 && b.quantization === ScalarKind.F32 && ef === 256 ? " (shipped)" : "";
    rows.push([
      `HNSW M=${b.connectivity} ef_add=${b.expansionAdd} ${b.quantization}${shipped}`,
      ef,
      hits / (QUERIES * 10),
      qps,
      1000 / qps,
      `${(qps / exactQps).toFixed(1)}×`,
      buildS.toFixed(0),
    ]);
  }
}
console.log(
  `\nIndex: ${VECTORS.toLocaleString("en")} × ${DIM} vectors (${realCount} real embeddings of rendered images + ${(VECTORS - realCount).toLocaleString("en")} generated around them), ${QUERIES} held-out queries, k=10, one query at a time, ${os.availableParallelism()} cores for building; target recall@10 ≥ 0.99`,
);
console.log(table(["method", "ef_search", "recall@10", "queries/s", "ms/query", "speed vs exact", "build s"], rows));
console.log(`total ${((performance.now() - t0) / 1000).toFixed(0)} s`);
fs.rmSync(dir, { recursive: true, force: true });
