/**
 * The malformed-file corpus (integration-tests/fuzz/malformed-files.js, shared with Medusa's upload
 * tests) and broken multipart bodies against every upload route of the real server: no 5xx, no
 * hang, no library internals in messages, nothing half-written, the service healthy afterwards.
 */
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { createRequire } from "node:module";
import type { Readable } from "node:stream";
import sharp from "sharp";
import { createApp, type App } from "../src/app.ts";
import { loadConfig } from "../src/config.ts";
import { WasmWorkerPoolEmbedder } from "../src/embedding/wasm-worker-pool-embedder.ts";
import { picture } from "./helpers.ts";

interface CorpusFile {
  name: string;
  description: string;
  bytes: Buffer;
  filename: string;
  contentType: string;
  acceptable: boolean;
}
interface BigFile {
  name: string;
  size: number;
  filename: string;
  contentType: string;
  createStream(): Readable;
}
interface MultipartPart {
  name: string;
  filename?: string;
  contentType?: string;
  bytes?: Buffer;
  value?: string;
}
interface Corpus {
  generateMalformedFiles(options: { sharp: typeof sharp }): Promise<CorpusFile[]>;
  oversizedFiles(): BigFile[];
  buildMultipart(parts: MultipartPart[], options?: { boundary?: string }): { body: Buffer; contentType: string };
  multipartStream(file: BigFile, options?: { fieldName?: string }): { stream: Readable; contentType: string; length: number };
  brokenMultipartCases(options?: {
    fieldName?: string;
    file?: Buffer;
  }): Array<{ name: string; description: string; contentType: string; body: Buffer }>;
}

const corpus = createRequire(import.meta.url)("../../integration-tests/fuzz/malformed-files.js") as Corpus;

const TOKEN = "fuzz-suite-shared-secret-0123456789";
/** A request that takes longer than this counts as a hang. */
const REQUEST_TIMEOUT_MS = 60_000;
/** Words from the libraries underneath that must never reach a client. */
const INTERNALS = /sharp|vips|busboy|libjpeg|libpng|libwebp|spng|fastify|\bFST_|at [\w.<>]+ \(|\.(ts|js):\d+|Error:/i;

/** The upload routes: checked against the OpenAPI document below, so a new one cannot be missed. */
/** Try-on's other parts; the garment image is made before the tests. */
const tryOnGarment: MultipartPart = { name: "garment", filename: "garment.png", contentType: "image/png" };
/** What try-on may answer a decodable photo that shows no one to dress. */
const TRY_ON_REFUSALS = new Set(["no_person", "several_people", "pose_not_supported", "image_too_small", "garment_not_found"]);

const ROUTES: Array<{
  method: "POST" | "PUT";
  path: string;
  url: (i: number) => string;
  fields?: MultipartPart[];
  /** The file part's name (default `image`). */
  fileField?: string;
  /** Besides 200, what a valid image may get. */
  validRefusal?: (answer: { status: number; json: any }) => boolean;
}> = [
  { method: "POST", path: "/v1/embed", url: () => "/v1/embed" },
  {
    method: "PUT",
    path: "/v1/images/{id}",
    url: (i) => `/v1/images/fuzz_${i}`,
    fields: [{ name: "metadata", value: JSON.stringify({ product_id: "prod_fuzz" }) }],
  },
  { method: "POST", path: "/v1/search", url: () => "/v1/search", fields: [{ name: "k", value: "3" }] },
  { method: "POST", path: "/v1/dedup", url: () => "/v1/dedup" },
  { method: "POST", path: "/v1/duplicates", url: () => "/v1/duplicates" },
  { method: "POST", path: "/v1/describe", url: () => "/v1/describe", fields: [{ name: "k", value: "3" }] },
  {
    method: "POST",
    path: "/v1/try-on",
    url: () => "/v1/try-on",
    fileField: "person",
    fields: [tryOnGarment, { name: "category", value: "tops" }],
    validRefusal: (answer) => answer.status === 422 && TRY_ON_REFUSALS.has(String(answer.json?.type)),
  },
];

let pool: WasmWorkerPoolEmbedder;
let app: App;
let base: string;
let dataDir: string;
let files: CorpusFile[];
let vectorsBefore: number;
let corpusMs: number;
let putId = 0;
const acceptedPuts = new Set<string>();
const refusedPuts = new Set<string>();

interface Answer {
  status: number;
  json: { type?: unknown; message?: unknown } | null;
}

async function send(method: string, url: string, body: Buffer, contentType: string): Promise<Answer> {
  const res = await fetch(base + url, {
    method,
    body: new Uint8Array(body),
    headers: { "content-type": contentType, authorization: `Bearer ${TOKEN}` },
    signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
  });
  const text = await res.text();
  let json: Answer["json"] = null;
  try {
    json = JSON.parse(text);
  } catch {
    json = null;
  }
  return { status: res.status, json };
}

/** Streams a body (never held whole in memory); the server may answer before it has read it all. */
function sendStream(method: string, url: string, stream: Readable, contentType: string, length: number): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = http.request(base + url, {
      method,
      headers: { "content-type": contentType, "content-length": length, authorization: `Bearer ${TOKEN}` },
      timeout: REQUEST_TIMEOUT_MS,
    });
    let answered = false;
    req.on("response", (res) => {
      answered = true;
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => {
        stream.destroy();
        let json: Answer["json"] = null;
        try {
          json = JSON.parse(Buffer.concat(chunks).toString("utf8"));
        } catch {
          json = null;
        }
        resolve({ status: res.statusCode ?? 0, json });
      });
    });
    req.on("timeout", () => req.destroy(new Error(`${method} ${url}: no answer within ${REQUEST_TIMEOUT_MS} ms`)));
    // A server that answers 413 and stops reading may reset the upload; only a missing answer is a failure.
    req.on("error", (err) => {
      if (!answered) reject(err);
    });
    stream.on("error", () => req.destroy());
    stream.pipe(req);
  });
}

/** Runs `jobs` with a few in flight, like a busy client. */
async function inParallel<T>(jobs: Array<() => Promise<T>>, width = 4): Promise<T[]> {
  const out: T[] = new Array(jobs.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: width }, async () => {
      while (next < jobs.length) {
        const i = next++;
        out[i] = await jobs[i]!();
      }
    }),
  );
  return out;
}

function assertClean(answer: Answer, what: string) {
  assert.ok(answer.status < 500, `${what}: ${answer.status} ${JSON.stringify(answer.json)}`);
  if (answer.status >= 400) {
    assert.equal(typeof answer.json?.type, "string", `${what}: { type } in ${JSON.stringify(answer.json)}`);
    assert.equal(typeof answer.json?.message, "string", `${what}: { message } in ${JSON.stringify(answer.json)}`);
    assert.doesNotMatch(String(answer.json!.message), INTERNALS, `${what}: message names internals`);
  }
}

const isAcceptedMagic = (b: Buffer) =>
  (b.length >= 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) ||
  (b.length >= 8 && b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) ||
  (b.length >= 12 && b.toString("latin1", 0, 4) === "RIFF" && b.toString("latin1", 8, 12) === "WEBP");

async function health() {
  const res = await fetch(`${base}/health`, { signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) });
  return { status: res.status, json: (await res.json()) as { status: string; store: { vectors: number } } };
}

before(async () => {
  const t0 = performance.now();
  files = await corpus.generateMalformedFiles({ sharp });
  corpusMs = performance.now() - t0;
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "mlsc-fuzz-"));
  pool = await WasmWorkerPoolEmbedder.start(2, { flipAverage: false });
  app = await createApp(loadConfig({ DATA_DIR: dataDir, ML_SIDECAR_TOKEN: TOKEN }), { embedder: pool, log: () => {} });
  await app.server.listen({ port: 0, host: "127.0.0.1" });
  base = `http://127.0.0.1:${(app.server.server.address() as { port: number }).port}`;
  // Something indexed, so search and duplicate checks have candidates to compare against.
  const seed = corpus.buildMultipart([
    { name: "image", filename: "seed.png", contentType: "image/png", bytes: await picture(61) },
    { name: "metadata", value: "{}" },
  ]);
  assert.equal((await send("PUT", "/v1/images/seed", seed.body, seed.contentType)).status, 200);
  vectorsBefore = (await health()).json.store.vectors;
  tryOnGarment.bytes = await picture(64);
});

after(async () => {
  await app?.close();
  await pool?.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

test("the corpus has at least 300 files and every upload route is fuzzed", async (t) => {
  t.diagnostic(`corpus: ${files.length} files generated in ${Math.round(corpusMs)} ms`);
  assert.ok(files.length >= 300, `${files.length} files`);
  const doc = (await (await fetch(`${base}/docs/json`)).json()) as {
    paths: Record<string, Record<string, { requestBody?: { content?: Record<string, unknown> } }>>;
  };
  const uploadRoutes = Object.entries(doc.paths).flatMap(([p, ops]) =>
    Object.entries(ops)
      .filter(([, op]) => op.requestBody?.content?.["multipart/form-data"])
      .map(([method]) => `${method.toUpperCase()} ${p}`),
  );
  assert.deepEqual(uploadRoutes.sort(), ROUTES.map((r) => `${r.method} ${r.path}`).sort());
});

test("every malformed file on every upload route: a 4xx or a 2xx, never a 5xx or a hang", async (t) => {
  const t0 = performance.now();
  const jobs = ROUTES.flatMap((route) =>
    files.map((file) => async () => {
      const id = putId++;
      const { body, contentType } = corpus.buildMultipart([
        { name: route.fileField ?? "image", filename: file.filename, contentType: file.contentType, bytes: file.bytes },
        ...(route.fields ?? []),
      ]);
      const answer = await send(route.method, route.url(id), body, contentType);
      if (route.method === "PUT") (answer.status === 200 ? acceptedPuts : refusedPuts).add(`fuzz_${id}`);
      return { route, file, answer };
    }),
  );
  const results = await inParallel(jobs);
  const seconds = (performance.now() - t0) / 1000;
  const byStatus = new Map<number, number>();
  for (const { answer } of results) byStatus.set(answer.status, (byStatus.get(answer.status) ?? 0) + 1);
  t.diagnostic(
    `${files.length} files × ${ROUTES.length} routes = ${results.length} requests in ${seconds.toFixed(1)} s; statuses ${JSON.stringify(Object.fromEntries([...byStatus].sort()))}`,
  );

  for (const { route, file, answer } of results) {
    const what = `${route.method} ${route.path} ← ${file.name}`;
    assertClean(answer, what);
    // Only JPEG, PNG and WebP are accepted, whatever the name or declared type says.
    if (file.bytes.length === 0) assert.equal(answer.status, 400, what);
    else if (!isAcceptedMagic(file.bytes)) assert.equal(answer.status, 415, `${what}: ${JSON.stringify(answer.json)}`);
    if (!file.acceptable) assert.ok(answer.status >= 400, `${what}: accepted (${answer.status})`);
    // A valid JPEG, PNG or WebP is judged by its bytes: a wrong name or declared type does not matter.
    if (/^(valid|mismatch|name)-/.test(file.name) && !route.validRefusal?.(answer))
      assert.equal(answer.status, 200, `${what}: ${JSON.stringify(answer.json)}`);
  }
  assert.equal(results.filter((r) => r.answer.status >= 500).length, 0);
  // The decodable hostile files (polyglots, huge metadata, wrong names) do get through.
  assert.ok(
    results.some((r) => r.answer.status === 200),
    "some acceptable files are accepted",
  );
});

test("broken multipart bodies on every upload route → 4xx; a bad boundary or a cut body → 400", async (t) => {
  const jpeg = await sharp(await picture(62))
    .resize(64)
    .jpeg()
    .toBuffer();
  const cases = corpus.brokenMultipartCases({ fieldName: "image", file: jpeg });
  const malformedMultipart = new Set([
    "missing-boundary-param",
    "empty-boundary-param",
    "mismatched-boundary",
    "truncated-body-mid-part",
    "truncated-body-mid-headers",
    "no-closing-delimiter",
  ]);
  const seen = new Map<string, Set<string>>();
  for (const route of ROUTES) {
    for (const c of cases) {
      const id = putId++;
      const answer = await send(route.method, route.url(id), c.body, c.contentType);
      seen.set(c.name, (seen.get(c.name) ?? new Set()).add(`${answer.status} ${String(answer.json?.type)}`));
      if (route.method === "PUT") (answer.status === 200 ? acceptedPuts : refusedPuts).add(`fuzz_${id}`);
      const what = `${route.method} ${route.path} ← ${c.name}`;
      assertClean(answer, what);
      if (malformedMultipart.has(c.name)) assert.equal(answer.status, 400, `${what}: ${JSON.stringify(answer.json)}`);
    }
  }
  t.diagnostic(
    `${cases.length} broken bodies × ${ROUTES.length} routes: ${[...seen].map(([name, answers]) => `${name} → ${[...answers].join(" / ")}`).join("; ")}`,
  );
});

test("25 MB and 70 MB bodies streamed to every upload route → 413 naming the limit", async () => {
  for (const route of ROUTES) {
    for (const big of corpus.oversizedFiles()) {
      const id = putId++;
      const { stream, contentType, length } = corpus.multipartStream(big, { fieldName: route.fileField ?? "image" });
      const answer = await sendStream(route.method, route.url(id), stream, contentType, length);
      if (route.method === "PUT") (answer.status === 200 ? acceptedPuts : refusedPuts).add(`fuzz_${id}`);
      const what = `${route.method} ${route.path} ← ${big.name}`;
      assertClean(answer, what);
      assert.equal(answer.status, 413, `${what}: ${JSON.stringify(answer.json)}`);
      assert.match(String(answer.json?.message), /10485760-byte \(10 MB\) limit/);
    }
  }
});

test("control characters, invalid UTF-8 and out-of-range values in paths, queries, fields and JSON → 4xx", async () => {
  const json = (body: string) => ({ method: "POST", url: "/v1/search", body: Buffer.from(body, "latin1"), contentType: "application/json" });
  const small = await sharp(await picture(64))
    .resize(64)
    .png()
    .toBuffer();
  // A text field's raw bytes (invalid UTF-8 included).
  const text = (name: string, value: string | Buffer) => (typeof value === "string" ? { name, value } : { name, bytes: value });
  const field = (name: string, value: string | Buffer) => ({
    method: "POST",
    url: "/v1/search",
    ...corpus.buildMultipart([{ name: "image", filename: "a.png", contentType: "image/png", bytes: small }, text(name, value)]),
  });
  const put = (metadata: string | Buffer) => {
    const id = `fuzz_${putId++}`;
    return {
      method: "PUT",
      url: `/v1/images/${id}`,
      putId: id,
      ...corpus.buildMultipart([{ name: "image", filename: "a.png", contentType: "image/png", bytes: small }, text("metadata", metadata)]),
    };
  };
  const invalidUtf8 = Buffer.from([0xc3, 0x28, 0xff, 0xfe, 0x00]);
  const cases: Array<{ method: string; url: string; body?: Buffer; contentType?: string; putId?: string }> = [
    ...["%00", "a%00b", "%C3%28", "%FF%FE", "..%2F..%2Fetc%2Fpasswd", "x".repeat(300), "%0D%0ASet-Cookie:x=1"].flatMap((id) => [
      { method: "GET", url: `/v1/images/${id}` },
      { method: "DELETE", url: `/v1/images/${id}` },
    ]),
    { method: "GET", url: "/v1/images/seed?include_embedding=%00" },
    { method: "GET", url: "/v1/images/seed?include_embedding=%C3%28" },
    json('{"embedding": [1e999]}'),
    json('{"embedding": "\\u0000"}'),
    json('{"embedding": [0.1], "k": 1e308}'),
    json('{"embedding": [0.1], "k": -1}'),
    json('{"embedding": [0.1], "k": "\\u0000"}'),
    json(`{"embedding": [${new Array(1792).fill(0).join(",")}]}`),
    json(`{"embedding": [${new Array(1792).fill(1).join(",")}], "filter": {"\\u0000": 1}}`),
    json(`{"embedding": [${new Array(1792).fill(1).join(",")}], "filter": {"price": {"gt": 1e999}}}`),
    json('{"embedding": [0.1], "filter": "\\ud800"}'),
    json('{"__proto__": {"polluted": true}, "embedding": [0.1]}'),
    json(`${"[".repeat(5000)}${"]".repeat(5000)}`),
    json('{"embedding": [0.1]\u0000}'),
    json("\xff\xfe{\x00}"),
    field("k", "\u0000"),
    field("k", "99999999999999999999"),
    field("filter", '{"category": "\u0000"}'),
    field("filter", invalidUtf8),
    put('{"product_id": "\u0000"}'),
    put('{"price": 1e999}'),
    put(invalidUtf8),
    put(`${'{"a":'.repeat(3000)}1${"}".repeat(3000)}`),
  ];
  for (const c of cases) {
    const res = await fetch(base + c.url, {
      method: c.method,
      body: c.body ? new Uint8Array(c.body) : undefined,
      headers: { authorization: `Bearer ${TOKEN}`, ...(c.contentType ? { "content-type": c.contentType } : {}) },
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    });
    const raw = await res.text();
    let parsed: Answer["json"] = null;
    try {
      parsed = JSON.parse(raw);
    } catch {
      parsed = null;
    }
    if (c.putId) (res.status === 200 ? acceptedPuts : refusedPuts).add(c.putId);
    assertClean({ status: res.status, json: parsed }, `${c.method} ${c.url} ${c.body?.subarray(0, 60).toString("latin1") ?? ""}`);
  }
});

test("afterwards: healthy, a valid image still embeds, and no refused upload left anything behind", async () => {
  const h = await health();
  assert.equal(h.status, 200);
  assert.equal(h.json.status, "ok");
  const ok = corpus.buildMultipart([{ name: "image", filename: "ok.png", contentType: "image/png", bytes: await picture(63) }]);
  const embedded = await send("POST", "/v1/embed", ok.body, ok.contentType);
  assert.equal(embedded.status, 200);
  assert.ok(refusedPuts.size > 0);
  // Exactly the accepted PUTs were indexed; a refused one has no record, no kept source and no keypoints.
  assert.equal(h.json.store.vectors, vectorsBefore + acceptedPuts.size);
  for (const id of refusedPuts) assert.equal(await app.service.getImage(id), null, `${id} indexed`);
  const countFiles = (dir: string) =>
    fs.existsSync(dir) ? fs.readdirSync(dir, { recursive: true }).filter((f) => fs.statSync(path.join(dir, String(f))).isFile()).length : 0;
  assert.equal(countFiles(path.join(dataDir, "sources")), vectorsBefore + acceptedPuts.size, "kept source copies");
  assert.equal(countFiles(path.join(dataDir, "keypoints")), vectorsBefore + acceptedPuts.size, "keypoint files");
});
