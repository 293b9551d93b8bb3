import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import sharp from "sharp";
import { createApp, type App } from "../src/app.ts";
import { loadConfig } from "../src/config.ts";
import { WasmWorkerPoolEmbedder } from "../src/embedding/wasm-worker-pool-embedder.ts";
import { GALLERY_RECIPE_VERSION } from "../src/image-service.ts";
import type { Embedder } from "../src/embedding/embedder.ts";
import { hugePng, multipart, picture } from "./helpers.ts";

let pool: WasmWorkerPoolEmbedder;
let app: App;
let base: string;
let dataDir: string;
const img: Record<string, Buffer> = {};

const config = () => loadConfig({ DATA_DIR: dataDir, PORT: "0", MAX_IMAGE_BYTES: String(20 * 1024 * 1024) });

async function start(embedder: Embedder) {
  app = await createApp(config(), { embedder, log: () => {} });
  await app.server.listen({ port: 0, host: "127.0.0.1" });
  const addr = app.server.server.address() as { port: number };
  base = `http://127.0.0.1:${addr.port}`;
}

async function call(method: string, url: string, body?: FormData | object | string, headers: Record<string, string> = {}) {
  const init: RequestInit = { method, headers };
  if (body instanceof FormData) init.body = body;
  else if (typeof body === "string") init.body = body;
  else if (body) {
    init.body = JSON.stringify(body);
    init.headers = { "content-type": "application/json", ...headers };
  }
  const res = await fetch(base + url, init);
  const text = await res.text();
  let json: any = null;
  try {
    json = JSON.parse(text);
  } catch {
    json = text;
  }
  return { status: res.status, json, headers: res.headers };
}

const form = (...images: Buffer[]) => multipart(images.map((value) => ({ name: "image", value, filename: "x.png", type: "image/png" })));

async function assertClientError(res: { status: number; json: any }, status: number, type: string) {
  assert.equal(res.status, status, JSON.stringify(res.json));
  assert.equal(res.json.type, type);
  assert.equal(typeof res.json.message, "string");
  assert.ok(res.json.message.length > 10, "res.json.message.length > 10");
}

before(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "mlsc-http-"));
  pool = await WasmWorkerPoolEmbedder.start(2, { flipAverage: false });
  img.a = await picture(31);
  img.b = await picture(32);
  img.c = await picture(33);
  img.aSmall = await sharp(img.a).resize(300).jpeg({ quality: 70 }).toBuffer();
  img.aFlip = await sharp(img.a).flop().png().toBuffer();
  await start(pool);
});

after(async () => {
  await app?.close();
  await pool?.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

test("GET /health reports backend, model and version", async () => {
  const { status, json } = await call("GET", "/health");
  assert.equal(status, 200);
  assert.equal(json.status, "ok");
  assert.equal(json.backend, "wasm");
  assert.equal(json.workers, 2);
  assert.match(json.model, /mobilenet_v2_mid/);
  assert.match(json.model_version, /\.recipe-\d+\.in\d+\.gallery-\d+$/);
  assert.equal(json.dim, 1792);
  assert.equal(json.store.kind, "embedded");
  assert.equal(json.store.search, "exact", "a small index is searched exactly");
});

test("GET /docs serves the OpenAPI document with every route", async () => {
  const { status, json } = await call("GET", "/docs/json");
  assert.equal(status, 200);
  assert.equal(json.openapi, "3.0.3");
  for (const p of ["/v1/embed", "/v1/images/{id}", "/v1/images/embeddings", "/v1/search", "/v1/dedup", "/v1/duplicates", "/health", "/metrics"])
    assert.ok(json.paths[p], p);
  assert.ok(
    json.paths["/v1/embed"].post.requestBody.content["multipart/form-data"],
    'json.paths["/v1/embed"].post.requestBody.content["multipart/form-data"]',
  );
  const ui = await fetch(`${base}/docs`);
  assert.equal(ui.status, 200);
  assert.match(await ui.text(), /swagger/i);
});

test("POST /v1/embed returns one unit vector per image part", async () => {
  const { status, json } = await call("POST", "/v1/embed", form(img.a!, img.b!));
  assert.equal(status, 200);
  assert.equal(json.dim, 1792);
  assert.equal(json.embeddings.length, 2);
  for (const e of json.embeddings) {
    assert.equal(e.length, 1792);
    assert.ok(
      Math.abs(e.reduce((s: number, x: number) => s + x * x, 0) - 1) < 1e-3,
      "Math.abs(e.reduce((s: number, x: number) => s + x * x, 0) - 1) < 1e-3",
    );
  }
});

test("PUT, GET and DELETE /v1/images/:id", async () => {
  const put = (id: string, image: Buffer, metadata: object) =>
    call(
      "PUT",
      `/v1/images/${id}`,
      multipart([
        { name: "image", value: image, filename: "p.png" },
        { name: "metadata", value: JSON.stringify(metadata) },
      ]),
    );
  let r = await put("img_a", img.a!, { product_id: "prod_a", variant_ids: ["var_a1", "var_a2"], category: "dress", price: 80 });
  assert.equal(r.status, 200, JSON.stringify(r.json));
  assert.equal(r.json.image.id, "img_a");
  assert.match(r.json.image.hash.hex, /^[0-9a-f]{16}$/);
  assert.equal(r.json.image.model_version, (await call("GET", "/health")).json.model_version);
  r = await put("img_b", img.b!, { product_id: "prod_b", category: "shirt", price: 30 });
  assert.equal(r.status, 200);
  r = await put("img_c", img.c!, { product_id: "prod_c", category: "shirt", price: 45 });
  assert.equal(r.status, 200);

  const got = await call("GET", "/v1/images/img_a?include_embedding=true");
  assert.equal(got.status, 200);
  assert.deepEqual(got.json.image.metadata.variant_ids, ["var_a1", "var_a2"]);
  assert.equal(got.json.image.embedding.length, 1792);
  assert.equal((await call("GET", "/v1/images/img_a")).json.image.embedding, undefined);

  await assertClientError(await call("GET", "/v1/images/nope"), 404, "not_found");
  await assertClientError(await put("bad id!", img.a!, {}), 400, "invalid_request");
  await assertClientError(await put("img_x", img.a!, ["not", "an", "object"]), 400, "invalid_metadata");
  await assertClientError(await put("img_x", img.a!, { product_id: 5 }), 400, "invalid_metadata");
  await assertClientError(await put("img_x", img.a!, { nested: { no: 1 } }), 400, "invalid_metadata");
});

test("POST /v1/images/embeddings reads many indexed images' embeddings at once", async () => {
  const r = await call("POST", "/v1/images/embeddings", { ids: ["img_a", "img_c", "not_indexed"] });
  assert.equal(r.status, 200, JSON.stringify(r.json));
  assert.equal(r.json.model_version, (await call("GET", "/health")).json.model_version);
  assert.deepEqual(Object.keys(r.json.embeddings).sort(), ["img_a", "img_c"]);
  for (const id of ["img_a", "img_c"]) {
    // The same vectors as the one-image read, unit length.
    assert.deepEqual(r.json.embeddings[id], (await call("GET", `/v1/images/${id}?include_embedding=true`)).json.image.embedding);
    const norm = Math.sqrt(r.json.embeddings[id].reduce((s: number, x: number) => s + x * x, 0));
    assert.ok(Math.abs(norm - 1) < 1e-3, `|${id}| = ${norm}`);
  }
  assert.notDeepEqual(r.json.embeddings.img_a, r.json.embeddings.img_c);
  const none = await call("POST", "/v1/images/embeddings", { ids: ["not_indexed"] });
  assert.equal(none.status, 200);
  assert.deepEqual(none.json.embeddings, {});

  await assertClientError(await call("POST", "/v1/images/embeddings", {}), 400, "invalid_request");
  await assertClientError(await call("POST", "/v1/images/embeddings", { ids: [] }), 400, "invalid_request");
  await assertClientError(await call("POST", "/v1/images/embeddings", { ids: "img_a" }), 400, "invalid_request");
  await assertClientError(await call("POST", "/v1/images/embeddings", { ids: ["bad id!"] }), 400, "invalid_request");
  const tooMany = await call("POST", "/v1/images/embeddings", { ids: Array.from({ length: 1001 }, (_, i) => `img_${i}`) });
  await assertClientError(tooMany, 400, "invalid_request");
  assert.match(tooMany.json.message, /1000/);
  await assertClientError(await call("POST", "/v1/images/embeddings", "{broken", { "content-type": "application/json" }), 400, "invalid_json");
});

test("POST /v1/search by image, by embedding, with filters", async () => {
  let r = await call(
    "POST",
    "/v1/search",
    multipart([
      { name: "image", value: img.aSmall!, filename: "q.jpg" },
      { name: "k", value: "2" },
    ]),
  );
  assert.equal(r.status, 200, JSON.stringify(r.json));
  assert.equal(r.json.hits.length, 2);
  assert.equal(r.json.hits[0].id, "img_a");
  assert.ok(r.json.hits[0].score > r.json.hits[1].score, "r.json.hits[0].score > r.json.hits[1].score");
  assert.equal(r.json.hits[0].metadata.product_id, "prod_a");

  // A blurred, re-encoded copy: the embedding is blur-sensitive, the hash is not; hash matches rank first.
  r = await call("POST", "/v1/search", form(await sharp(img.c!).blur(4).jpeg({ quality: 50 }).toBuffer()));
  assert.equal(r.json.hits[0].id, "img_c");
  assert.ok(r.json.hits[0].hash_distance <= 8, "r.json.hits[0].hash_distance <= 8");

  r = await call(
    "POST",
    "/v1/search",
    multipart([
      { name: "image", value: img.aSmall!, filename: "q.jpg" },
      { name: "filter", value: JSON.stringify({ category: "shirt", price: { lt: 40 } }) },
    ]),
  );
  assert.deepEqual(
    r.json.hits.map((h: any) => h.id),
    ["img_b"],
  );

  const emb = (await call("GET", "/v1/images/img_c?include_embedding=true")).json.image.embedding;
  r = await call("POST", "/v1/search", { embedding: emb, k: 3, filter: { variant_ids: { in: ["var_a2"] } } });
  assert.deepEqual(
    r.json.hits.map((h: any) => h.id),
    ["img_a"],
  );
  r = await call("POST", "/v1/search", { embedding: emb, k: 1 });
  assert.equal(r.json.hits[0].id, "img_c");
  assert.ok(r.json.hits[0].score > 0.999, "r.json.hits[0].score > 0.999");

  await assertClientError(await call("POST", "/v1/search", { embedding: [1, 2, 3] }), 400, "invalid_embedding");
  await assertClientError(await call("POST", "/v1/search", { embedding: emb, k: 0 }), 400, "invalid_k");
  await assertClientError(await call("POST", "/v1/search", { embedding: emb, filter: { price: { near: 3 } } }), 400, "invalid_filter");
  await assertClientError(await call("POST", "/v1/search", {}), 400, "invalid_embedding");
});

test("POST /v1/dedup groups duplicates by upload index", async () => {
  const r = await call("POST", "/v1/dedup", form(img.a!, img.b!, img.aSmall!, img.c!, img.aFlip!));
  assert.equal(r.status, 200, JSON.stringify(r.json));
  assert.deepEqual(r.json.groups, [[0, 2, 4]]);
  const none = await call("POST", "/v1/dedup", form(img.a!, img.b!));
  assert.deepEqual(none.json.groups, []);
});

test("POST /v1/duplicates finds the indexed originals of an upload", async () => {
  const r = await call("POST", "/v1/duplicates", form(img.aFlip!));
  assert.equal(r.status, 200, JSON.stringify(r.json));
  assert.deepEqual(
    r.json.duplicates.map((d: any) => d.id),
    ["img_a"],
  );
  assert.ok(["hash", "layout"].includes(r.json.duplicates[0].evidence), `evidence ${r.json.duplicates[0].evidence}`);
  const none = await call("POST", "/v1/duplicates", form(await picture(34)));
  assert.deepEqual(none.json.duplicates, []);
});

test("keypoints stored beside the vectors verify a small crop the layout is not allowed to, and go with the image", async () => {
  // A second service where the layout can never verify: only the keypoint stage can find the crop.
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "mlsc-kp-"));
  const kpApp = await createApp(loadConfig({ DATA_DIR: dir, DEDUP_MIN_LAYOUT_SCORE: "1.01" }), { embedder: pool, log: () => {} });
  try {
    const inject = async (method: string, url: string, payload?: FormData) => {
      const req = payload ? new Request("http://x", { method, body: payload }) : null;
      const res = await kpApp.server.inject({
        method: method as "PUT",
        url,
        payload: req ? Buffer.from(await req.arrayBuffer()) : undefined,
        headers: req ? { "content-type": req.headers.get("content-type")! } : {},
      });
      return { status: res.statusCode, json: res.json() };
    };
    const original = await picture(41);
    const put = await inject(
      "PUT",
      "/v1/images/img_kp",
      multipart([
        { name: "image", value: original, filename: "o.png" },
        { name: "metadata", value: JSON.stringify({ product_id: "prod_kp" }) },
      ]),
    );
    assert.equal(put.status, 200, JSON.stringify(put.json));
    const files = () => fs.readdirSync(path.join(dir, "keypoints"), { recursive: true }).filter((f) => String(f).endsWith(".kp"));
    assert.equal(files().length, 1, "one keypoint file for the indexed image");
    const { width = 0, height = 0 } = await sharp(original).metadata();
    // 70 % of each side: close enough by embedding to be a candidate (cosine ≈ 0.8), and no hash match.
    const crop = await sharp(original)
      .extract({ left: Math.round(width * 0.2), top: Math.round(height * 0.2), width: Math.round(width * 0.7), height: Math.round(height * 0.7) })
      .jpeg({ quality: 60 })
      .toBuffer();
    const found = await inject("POST", "/v1/duplicates", form(crop));
    assert.equal(found.status, 200, JSON.stringify(found.json));
    assert.deepEqual(
      found.json.duplicates.map((d: any) => [d.id, d.evidence]),
      [["img_kp", "keypoints"]],
    );
    // Images indexed before keypoints existed have none stored: they are made again from the kept source copy.
    fs.rmSync(path.join(dir, "keypoints"), { recursive: true });
    const again = await inject("POST", "/v1/duplicates", form(crop));
    assert.deepEqual(
      again.json.duplicates.map((d: any) => [d.id, d.evidence]),
      [["img_kp", "keypoints"]],
    );
    assert.equal(files().length, 1, "and stored again");
    const other = await inject("POST", "/v1/duplicates", form(await picture(42)));
    assert.deepEqual(other.json.duplicates, []);
    assert.equal((await inject("DELETE", "/v1/images/img_kp")).status, 200);
    assert.equal(files().length, 0, "deleting the image deletes its keypoints");
  } finally {
    await kpApp.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test("visual words make candidates of copies the embedding does not rank near, and are loaded again at start", async () => {
  // No embedding candidates at all (cosine bound above 1) and no layout verification: a crop or a
  // greyscale copy can only be found through its visual words, then verified by its keypoints.
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "mlsc-vw-"));
  const env = { DATA_DIR: dir, DEDUP_MIN_CANDIDATE_COSINE: "1.01", DEDUP_MIN_LAYOUT_SCORE: "1.01" };
  let vwApp = await createApp(loadConfig(env), { embedder: pool, log: () => {} });
  const inject = async (method: string, url: string, payload?: FormData) => {
    const req = payload ? new Request("http://x", { method, body: payload }) : null;
    const res = await vwApp.server.inject({
      method: method as "PUT",
      url,
      payload: req ? Buffer.from(await req.arrayBuffer()) : undefined,
      headers: req ? { "content-type": req.headers.get("content-type")! } : {},
    });
    return { status: res.statusCode, json: res.json() };
  };
  const putImage = async (id: string, image: Buffer) =>
    assert.equal(
      (
        await inject(
          "PUT",
          `/v1/images/${id}`,
          multipart([
            { name: "image", value: image, filename: "i.png" },
            { name: "metadata", value: JSON.stringify({ product_id: id }) },
          ]),
        )
      ).status,
      200,
    );
  try {
    const original = await picture(41);
    await putImage("img_original", original);
    for (const seed of [52, 53, 54, 55, 56]) await putImage(`img_other_${seed}`, await picture(seed));
    const { width = 0, height = 0 } = await sharp(original).metadata();
    const crop = await sharp(original)
      .extract({ left: Math.round(width * 0.3), top: Math.round(height * 0.1), width: Math.round(width * 0.65), height: Math.round(height * 0.7) })
      .jpeg({ quality: 70 })
      .toBuffer();
    const grey = await sharp(original).greyscale().jpeg({ quality: 50 }).toBuffer();
    const duplicatesOf = async (image: Buffer) =>
      (await inject("POST", "/v1/duplicates", form(image))).json.duplicates.map((d: any) => [d.id, d.evidence]);
    assert.deepEqual(await duplicatesOf(crop), [["img_original", "keypoints"]]);
    assert.deepEqual(await duplicatesOf(await picture(57)), [], "another picture has no duplicates");
    const filtered = (filter: object) =>
      multipart([
        { name: "image", value: crop, filename: "x.jpg", type: "image/jpeg" },
        { name: "filter", value: JSON.stringify(filter) },
      ]);
    const among = async (filter: object) => (await inject("POST", "/v1/duplicates", filtered(filter))).json.duplicates.map((d: any) => d.id);
    assert.deepEqual(await among({ product_id: "img_original" }), ["img_original"], "the filter admits the original");
    assert.deepEqual(await among({ product_id: "img_other_52" }), [], "the filter leaves the original out");
    const health = await inject("GET", "/health");
    assert.deepEqual(health.json.visual_words, { images: 6, words: 4096 });
    // Search ranks the verified copy first even though the embedding alone does not.
    const hits = (await inject("POST", "/v1/search", form(crop))).json.hits;
    assert.equal(hits[0].id, "img_original");
    assert.equal(hits[0].duplicate, "keypoints");

    // A restart loads the words from the stored keypoints; a deleted image leaves the index.
    await vwApp.close();
    vwApp = await createApp(loadConfig(env), { embedder: pool, log: () => {} });
    await vwApp.visualWordsLoaded;
    assert.deepEqual((await inject("GET", "/health")).json.visual_words, { images: 6, words: 4096 });
    assert.deepEqual(
      (await duplicatesOf(grey)).map(([id]: string[]) => id),
      ["img_original"],
      "a greyscale copy",
    );
    assert.deepEqual(await duplicatesOf(crop), [["img_original", "keypoints"]]);
    assert.equal((await inject("DELETE", "/v1/images/img_original")).status, 200);
    assert.deepEqual(await duplicatesOf(crop), []);
    assert.equal((await inject("GET", "/health")).json.visual_words.images, 5);
  } finally {
    await vwApp.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test("bad input → 4xx { type, message }, and the process stays healthy", async () => {
  const jpeg = await sharp(img.a!).jpeg().toBuffer();
  await assertClientError(
    await call("POST", "/v1/embed", form(Buffer.from("%PDF-1.4 definitely not an image at all"))),
    415,
    "unsupported_image_format",
  );
  await assertClientError(await call("POST", "/v1/embed", form(jpeg.subarray(0, jpeg.length >> 1))), 422, "invalid_image");
  await assertClientError(await call("POST", "/v1/search", form(hugePng(20000, 20000))), 413, "image_too_many_pixels");
  await assertClientError(await call("POST", "/v1/embed", form(Buffer.alloc(30 * 1024 * 1024, 7))), 413, "image_too_large");
  await assertClientError(await call("POST", "/v1/embed", "hello", { "content-type": "text/plain" }), 415, "unsupported_media_type");
  await assertClientError(await call("POST", "/v1/dedup", { image: "not multipart" }), 415, "unsupported_media_type");
  await assertClientError(await call("POST", "/v1/embed", form()), 400, "missing_image");
  await assertClientError(await call("POST", "/v1/embed", multipart([{ name: "photo", value: img.a!, filename: "p.png" }])), 400, "unexpected_file");
  await assertClientError(await call("POST", "/v1/search", "{broken", { "content-type": "application/json" }), 400, "invalid_json");
  await assertClientError(await call("GET", "/v2/nothing"), 404, "not_found");
  const health = await call("GET", "/health");
  assert.equal(health.json.status, "ok");
  const ok = await call("POST", "/v1/embed", form(img.b!));
  assert.equal(ok.status, 200);
});

test("GET /metrics exposes Prometheus metrics", async () => {
  const res = await fetch(`${base}/metrics`);
  assert.equal(res.status, 200);
  assert.match(res.headers.get("content-type") ?? "", /text\/plain/);
  const text = await res.text();
  assert.match(text, /ml_sidecar_images_embedded_total \d+/);
  assert.match(text, /ml_sidecar_http_request_duration_seconds_bucket\{.*route="\/v1\/search"/);
  assert.match(text, /ml_sidecar_embedding_backend_info\{backend="wasm"/);
  assert.match(text, /ml_sidecar_index_vectors 3/);
});

test("DELETE /v1/images/:id", async () => {
  const r = await call("DELETE", "/v1/images/img_b");
  assert.deepEqual(r.json, { id: "img_b", object: "image", deleted: true });
  await assertClientError(await call("GET", "/v1/images/img_b"), 404, "not_found");
  await assertClientError(await call("DELETE", "/v1/images/img_b"), 404, "not_found");
});

test("a model change re-indexes from kept sources instead of mixing spaces", async () => {
  await app.close();
  const oldVersion = pool.info.version;
  // Same weights, new version label: stands in for a model upgrade.
  const upgraded: Embedder = {
    info: { ...pool.info, version: `${oldVersion}.upgrade` },
    embed: (x) => pool.embed(x),
    cellFeatures: (p) => pool.cellFeatures(p),
    close: async () => {},
  };
  await start(upgraded);
  const deadline = Date.now() + 60_000;
  while (app.reindexer.state.status !== "done" && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
  assert.equal(app.reindexer.state.status, "done", JSON.stringify(app.reindexer.state));
  assert.equal(app.reindexer.state.done, 2);
  const a = await call("GET", "/v1/images/img_a");
  assert.equal(a.json.image.model_version, `${oldVersion}.upgrade.gallery-${GALLERY_RECIPE_VERSION}`);
  assert.deepEqual(a.json.image.metadata.variant_ids, ["var_a1", "var_a2"]);
  const health = await call("GET", "/health");
  assert.equal(health.json.store.vectors, 2);
  assert.equal(health.json.reindex.status, "done");
  const search = await call("POST", "/v1/search", form(img.aSmall!));
  assert.equal(search.json.hits[0].id, "img_a");
});
