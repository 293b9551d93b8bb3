/**
 * Retrieval benchmark: index ≥10,000 rendered catalogue images (products and
 * distractors), query with transformed copies of products, report R@1 and
 * R@10 for the shipped embedding and for baselines measured in the same run.
 *
 *   npm run bench:retrieval          (PRODUCTS=2000 DISTRACTORS=8000 QUERIES=500)
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { table } from "./lib/pipeline.ts";
import { EmbeddedVectorStore } from "../src/index/embedded-vector-store.ts";
import { hammingHex } from "../src/dedup/hasher.ts";
import { mobilenetMidSpace } from "../src/embedding/mobilenet-feature-model.ts";
import type { ImageRecord } from "../src/index/vector-store.ts";
import {
  CandidateVerifier,
  SEARCH_VERIFIED_CANDIDATES,
  SEARCH_WORD_CANDIDATES,
  type SearchVerification,
} from "../src/dedup/candidate-verification.ts";
import { storedHash, type Fingerprint } from "../src/dedup/fingerprint.ts";
import { DctPhashHasher } from "../src/dedup/dct-phash-hasher.ts";
import { CALIBRATED_THRESHOLDS } from "../src/config.ts";
import { DUPLICATE_CANDIDATES, WORD_CANDIDATES } from "../src/dedup/near-duplicates.ts";
import { VisualWordIndex } from "../src/dedup/visual-words.ts";
import { MemoryKeypointStore, type KeypointStore } from "../src/dedup/keypoint-store.ts";
import { catalogue, queries, querySpec, PRODUCTS, DISTRACTORS, QUERIES, SIZE } from "./lib/retrieval-data.ts";
const t0 = performance.now();

async function buildStore(vectors: Float32Array[], exactSearchBelow: number) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "mlsc-retrieval-"));
  const space = { ...mobilenetMidSpace({ flipAverage: false }), version: `bench-${exactSearchBelow}` };
  const store = await EmbeddedVectorStore.open(dir, space, { exactSearchBelow, saveDelayMs: 3_600_000 });
  const records: ImageRecord[] = vectors.map((v, i) => ({
    id: String(i),
    vector: v,
    hash: storedHash(catalogue[i]!),
    metadata: { kind: i < PRODUCTS ? "product" : "distractor" },
    model: space.model,
    modelVersion: space.version,
    indexedAt: "",
  }));
  const tb = performance.now();
  await store.upsert(records);
  return { store, dir, buildMs: performance.now() - tb };
}

interface Row {
  name: string;
  r1: number;
  r10: number;
  ms: number[];
}

async function evaluate(name: string, search: (q: number) => Promise<string[]>): Promise<Row> {
  let r1 = 0;
  let r10 = 0;
  const ms: number[] = [];
  for (let q = 0; q < QUERIES; q += 1) {
    const t = performance.now();
    const ids = await search(q);
    ms.push(performance.now() - t);
    const want = String(querySpec[q]!.product);
    if (ids[0] === want) r1 += 1;
    if (ids.slice(0, 10).includes(want)) r10 += 1;
  }
  return { name, r1: r1 / QUERIES, r10: r10 / QUERIES, ms };
}

const exact = await buildStore(
  catalogue.map((f) => f.vector),
  1_000_000,
);
const hnsw = await buildStore(
  catalogue.map((f) => f.vector),
  0,
);
const hasher = new DctPhashHasher();
const t = CALIBRATED_THRESHOLDS;

// The catalogue's keypoints, as /v1/images stores them beside the vectors.
const keypointStore = new MemoryKeypointStore();
await Promise.all(catalogue.map((f, i) => keypointStore.put(String(i), f.keypoints.upright)));
// …and their visual words, as the service's index holds them.
const tw = performance.now();
const words = new VisualWordIndex();
catalogue.forEach((f, i) => words.add(String(i), f.keypoints.upright));
const wordsMs = performance.now() - tw;
// The service's own verification (src/dedup/candidate-verification.ts), with and without keypoints and visual words.
const verifier = (keypoints: KeypointStore | null, wordIndex: VisualWordIndex | null) =>
  new CandidateVerifier({ store: exact.store, hasher, thresholds: t, keypoints, words: wordIndex });
const verifiers = { shipped: verifier(keypointStore, words), withoutWords: verifier(keypointStore, null), withoutKeypoints: verifier(null, null) };
const shipped = (q: number, opts: SearchVerification = {}, v = verifiers.shipped) => v.search(queries[q]!, 10, [], opts);
const rows: Row[] = [];
rows.push(
  await evaluate(
    `shipped: verified duplicates first (hash ≤ ${t.maxHashDistance}, or layout ≥ ${t.minLayoutScore} or ≥ ${t.minKeypointInliers} keypoints on ${SEARCH_VERIFIED_CANDIDATES} nearest + hash + ${SEARCH_WORD_CANDIDATES} visual-word candidates), then embedding, exact`,
    async (q) => (await shipped(q)).map((h) => h.id),
  ),
);
rows.push(
  await evaluate(
    `the same, verifying the ${DUPLICATE_CANDIDATES} nearest and ${WORD_CANDIDATES} visual-word candidates (as /v1/duplicates)`,
    async (q) => (await shipped(q, { verifiedCandidates: DUPLICATE_CANDIDATES, wordCandidates: WORD_CANDIDATES })).map((h) => h.id),
  ),
);
rows.push(
  await evaluate(`the same, verifying the 10 nearest (previous)`, async (q) => (await shipped(q, { verifiedCandidates: 10 })).map((h) => h.id)),
);
rows.push(
  await evaluate(`the same without visual-word candidates (previous)`, async (q) => (await shipped(q, {}, verifiers.withoutWords)).map((h) => h.id)),
);
rows.push(await evaluate(`the same without keypoints`, async (q) => (await shipped(q, {}, verifiers.withoutKeypoints)).map((h) => h.id)));
rows.push(
  await evaluate("embedding only, exact search (baseline)", async (q) => (await exact.store.search(queries[q]!.vector, { k: 10 })).map((h) => h.id)),
);
rows.push(
  await evaluate(`embedding only, HNSW (M=16, ef=256)`, async (q) => (await hnsw.store.search(queries[q]!.vector, { k: 10 })).map((h) => h.id)),
);
rows.push(
  await evaluate("perceptual hash only, nearest by Hamming (baseline)", async (q) => {
    const h = queries[q]!.hash;
    const d = catalogue.map((c: Fingerprint, i) => ({ i, d: Math.min(hammingHex(h.hex, c.hash.hex), hammingHex(h.hex, c.hash.mirrorHex)) }));
    d.sort((a, b) => a.d - b.d || a.i - b.i);
    return d.slice(0, 10).map((x) => String(x.i));
  }),
);

const med = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const ref = rows.find((r) => r.name.startsWith("embedding only, exact"))!;
console.log(
  `\nRetrieval: ${(PRODUCTS + DISTRACTORS).toLocaleString("en")} indexed images (${PRODUCTS} products + ${DISTRACTORS} distractors, rendered ${SIZE}×${SIZE}), ${QUERIES} queries = transformed copies of products (10 single transformations + 5 pairs, round robin); target R@1 ≥ 0.95`,
);
console.log(
  table(
    ["method", "R@1", "R@10", "R@1 vs embedding", "median search ms"],
    rows.map((row) => [row.name, row.r1, row.r10, `${(row.r1 / ref.r1).toFixed(2)}×`, med(row.ms)]),
  ),
);

const names = [...new Set(querySpec.map((q) => q.name))];
const per = names.map((n) => {
  const qs = querySpec.map((q, i) => ({ q, i })).filter((x) => x.q.name === n);
  return [n, qs.length] as Array<string | number>;
});
// Per-transformation R@1 for the shipped method.
for (const row of per) {
  const n = row[0] as string;
  let hit = 0;
  let hit10 = 0;
  const idx = querySpec.map((q, i) => (q.name === n ? i : -1)).filter((i) => i >= 0);
  for (const i of idx) {
    const ids = (await shipped(i)).map((h) => h.id);
    if (ids[0] === String(querySpec[i]!.product)) hit += 1;
    if (ids.includes(String(querySpec[i]!.product))) hit10 += 1;
  }
  row.push(hit / idx.length, hit10 / idx.length);
}
console.log("\nShipped method per query transformation");
console.log(table(["transformation", "queries", "R@1", "R@10"], per));
console.log(
  `\nindex build: exact ${exact.buildMs.toFixed(0)} ms, HNSW ${(hnsw.buildMs / 1000).toFixed(1)} s, visual words ${(wordsMs / 1000).toFixed(1)} s; total ${((performance.now() - t0) / 1000).toFixed(0)} s`,
);
for (const s of [exact, hnsw]) fs.rmSync(s.dir, { recursive: true, force: true });
