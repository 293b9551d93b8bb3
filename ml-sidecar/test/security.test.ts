/**
 * The sidecar is not a public service: it listens on loopback unless told otherwise, refuses to
 * listen elsewhere without a shared secret, requires that secret on every route but /health and
 * /docs when it is set, and bounds what one request may carry.
 */
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import sharp from "sharp";
import { createApp, type App } from "../src/app.ts";
import { DEFAULT_REQUEST_LIMITS, isLoopbackHost, loadConfig } from "../src/config.ts";
import { DEFAULT_IMAGE_LIMITS } from "../src/image/preprocess.ts";
import { WasmWorkerPoolEmbedder } from "../src/embedding/wasm-worker-pool-embedder.ts";
import { multipart, picture } from "./helpers.ts";

const SIDECAR_DIR = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const TOKEN = "security-test-shared-secret-42";

let pool: WasmWorkerPoolEmbedder;
const dirs: string[] = [];
const apps: App[] = [];
let png: Buffer;

before(async () => {
  pool = await WasmWorkerPoolEmbedder.start(1, { flipAverage: false });
  png = await picture(71, "png", 128, 128);
});

after(async () => {
  for (const a of apps) await a.close();
  await pool?.close();
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
});

/** A sidecar on the real HTTP stack with these settings (env as the process would get it). */
async function startSidecar(env: Record<string, string>) {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "mlsc-sec-"));
  dirs.push(dataDir);
  const app = await createApp(loadConfig({ DATA_DIR: dataDir, ...env }), { embedder: pool, log: () => {} });
  apps.push(app);
  await app.server.listen({ port: 0, host: "127.0.0.1" });
  const base = `http://127.0.0.1:${(app.server.server.address() as { port: number }).port}`;
  const call = async (method: string, url: string, opts: { body?: FormData | string; headers?: Record<string, string> } = {}) => {
    const res = await fetch(base + url, { method, body: opts.body, headers: opts.headers });
    const text = await res.text();
    let json: any = null;
    try {
      json = JSON.parse(text);
    } catch {
      json = text;
    }
    return { status: res.status, json, headers: res.headers };
  };
  return { app, call };
}

const imageForm = (...images: Buffer[]) => multipart(images.map((value) => ({ name: "image", value, filename: "x.png", type: "image/png" })));
const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

test("ML_SIDECAR_TOKEN: every route but /health and /docs answers 401 without it or with a wrong one, and works with it", async () => {
  const { app, call } = await startSidecar({ ML_SIDECAR_TOKEN: TOKEN });
  const routes: Array<[string, string, () => FormData | undefined]> = [
    ["POST", "/v1/embed", () => imageForm(png)],
    ["PUT", "/v1/images/img_1", () => imageForm(png)],
    ["GET", "/v1/images/img_1", () => undefined],
    ["DELETE", "/v1/images/img_1", () => undefined],
    ["POST", "/v1/search", () => imageForm(png)],
    ["POST", "/v1/dedup", () => imageForm(png, png)],
    ["POST", "/v1/duplicates", () => imageForm(png)],
    ["GET", "/metrics", () => undefined],
    ["GET", "/v1/nothing-here", () => undefined],
  ];
  for (const [method, url, body] of routes) {
    for (const headers of [
      {},
      bearer("not-the-secret-at-all-0000"),
      bearer(`${TOKEN}x`),
      { authorization: TOKEN },
      { authorization: `Basic ${Buffer.from(`u:${TOKEN}`).toString("base64")}` },
    ]) {
      const r = await call(method, url, { body: body(), headers });
      assert.equal(r.status, 401, `${method} ${url} ${JSON.stringify(headers)}: ${JSON.stringify(r.json)}`);
      assert.equal(r.json.type, "unauthorized");
      assert.match(r.json.message, /Bearer|shared secret/);
      assert.match(r.headers.get("www-authenticate") ?? "", /^Bearer/);
    }
  }
  // Nothing the refused requests carried was indexed.
  assert.equal(await app.service.imageCount(), 0);

  assert.equal((await call("PUT", "/v1/images/img_1", { body: imageForm(png), headers: bearer(TOKEN) })).status, 200);
  assert.equal(
    (await call("GET", "/v1/images/img_1", { headers: { authorization: `bearer ${TOKEN}` } })).status,
    200,
    "the scheme is case-insensitive",
  );
  assert.equal((await call("POST", "/v1/embed", { body: imageForm(png), headers: bearer(TOKEN) })).status, 200);
  assert.equal((await call("GET", "/metrics", { headers: bearer(TOKEN) })).status, 200);
  assert.equal((await call("DELETE", "/v1/images/img_1", { headers: bearer(TOKEN) })).status, 200);

  // Liveness and the API description stay open (orchestrators and people probe them).
  const health = await call("GET", "/health");
  assert.equal(health.status, 200);
  assert.equal(health.json.status, "ok");
  assert.equal((await call("GET", "/docs/json")).status, 200);
});

test("without ML_SIDECAR_TOKEN (loopback only) no authentication is asked for", async () => {
  const { call } = await startSidecar({});
  assert.equal((await call("POST", "/v1/embed", { body: imageForm(png) })).status, 200);
});

test("the sidecar listens on 127.0.0.1 by default and refuses a public address without a token", () => {
  assert.equal(loadConfig({}).host, "127.0.0.1");
  assert.equal(loadConfig({ HOST: "" }).host, "127.0.0.1");
  assert.equal(loadConfig({}).token, undefined);
  for (const host of ["0.0.0.0", "::", "192.168.1.20", "sidecar.internal"]) {
    assert.throws(() => loadConfig({ HOST: host }), new RegExp(`Refusing to listen on ${host.replace(/\./g, "\\.")} without ML_SIDECAR_TOKEN`));
    assert.equal(loadConfig({ HOST: host, ML_SIDECAR_TOKEN: TOKEN }).host, host);
  }
  for (const host of ["127.0.0.1", "127.0.0.53", "localhost", "::1", "[::1]", "::ffff:127.0.0.1"]) assert.ok(isLoopbackHost(host), host);
  for (const host of ["0.0.0.0", "10.0.0.1", "::", "128.0.0.1", "localhost.evil.example"]) assert.ok(!isLoopbackHost(host), host);
  assert.throws(() => loadConfig({ ML_SIDECAR_TOKEN: "short" }), /at least 16 characters/);
});

/** A loopback port nothing listens on now. */
function freePort(): Promise<number> {
  return new Promise<number>((resolve) => {
    const s = net.createServer().listen(0, "127.0.0.1", () => {
      const p = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(p));
    });
  });
}

/**
 * Runs `npm start`'s entry point with this environment until it exits, or until `until` matches its
 * output: then `whileRunning` runs and the process is stopped.
 */
function runMain(
  env: Record<string, string>,
  until: RegExp,
  whileRunning: () => Promise<void> = async () => {},
): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", "src/main.ts"], {
      cwd: SIDECAR_DIR,
      env: { PATH: process.env.PATH ?? "", ...env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    let matched = false;
    let failure: unknown = null;
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`main.ts neither matched ${until} nor exited in 90 s:\n${output}`));
    }, 90_000);
    const onData = (d: Buffer) => {
      output += d.toString();
      if (matched || !until.test(output)) return;
      matched = true;
      whileRunning()
        .catch((err) => (failure = err))
        .finally(() => child.kill("SIGTERM"));
    };
    child.stdout.on("data", onData);
    child.stderr.on("data", onData);
    child.on("exit", (code) => {
      clearTimeout(timer);
      if (failure) reject(failure);
      else resolve({ code: matched ? null : code, output });
    });
  });
}

test("the process refuses to start on a public address without ML_SIDECAR_TOKEN, naming the fix", async () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "mlsc-main-"));
  dirs.push(dataDir);
  const { code, output } = await runMain({ HOST: "0.0.0.0", PORT: "0", DATA_DIR: dataDir }, /$^/);
  assert.equal(code, 1, output);
  assert.match(output, /not starting: Refusing to listen on 0\.0\.0\.0 without ML_SIDECAR_TOKEN: set ML_SIDECAR_TOKEN .* or HOST=127\.0\.0\.1/);
  assert.doesNotMatch(output, /at .*\.ts:\d+/, "no stack trace");
  assert.deepEqual(fs.readdirSync(dataDir), [], "nothing opened or written");
});

test("started with default settings, the process listens on 127.0.0.1 only", async () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "mlsc-main-"));
  dirs.push(dataDir);
  const port = await freePort();
  const probe = (host: string) =>
    new Promise<string>((resolve) => {
      const socket = net.connect({ host, port }, () => (socket.destroy(), resolve("connected")));
      socket.on("error", (err: NodeJS.ErrnoException) => resolve(err.code ?? "error"));
    });
  // This machine's other addresses (none in some sandboxes: then only the log line is checked).
  const external = Object.values(os.networkInterfaces())
    .flat()
    .filter((i) => i && !i.internal && i.family === "IPv4")
    .map((i) => i!.address);
  const probes: Record<string, string> = {};
  const { output } = await runMain(
    { PORT: String(port), DATA_DIR: dataDir, EMBED_BACKEND: "wasm", EMBED_WORKERS: "1" },
    /no ML_SIDECAR_TOKEN set/,
    async () => {
      for (const host of ["127.0.0.1", ...external]) probes[host] = await probe(host);
    },
  );
  assert.match(output, new RegExp(`Server listening at http://127\\.0\\.0\\.1:${port}`), output);
  assert.doesNotMatch(output, /Server listening at http:\/\/(0\.0\.0\.0|\[::\])/);
  assert.equal(probes["127.0.0.1"], "connected");
  for (const host of external) assert.equal(probes[host], "ECONNREFUSED", `${host} reachable`);
});

test("per-request limits come from the environment and errors name them", async () => {
  assert.deepEqual(loadConfig({}).requestLimits, DEFAULT_REQUEST_LIMITS);
  assert.equal(loadConfig({}).maxImageBytes, DEFAULT_IMAGE_LIMITS.maxBytes);
  assert.deepEqual(DEFAULT_REQUEST_LIMITS, { maxImages: 16, maxFields: 8, maxFieldBytes: 64 * 1024, maxJsonBytes: 256 * 1024 });
  assert.equal(DEFAULT_IMAGE_LIMITS.maxBytes, 10 * 1024 * 1024);
  assert.throws(() => loadConfig({ MAX_IMAGES_PER_REQUEST: "0" }), /MAX_IMAGES_PER_REQUEST must be a positive integer/);
  assert.throws(() => loadConfig({ MAX_JSON_BYTES: "lots" }), /MAX_JSON_BYTES must be a number/);

  const { call } = await startSidecar({
    MAX_IMAGES_PER_REQUEST: "2",
    MAX_FIELDS_PER_REQUEST: "2",
    MAX_FIELD_BYTES: "1024",
    MAX_JSON_BYTES: "4096",
    MAX_IMAGE_BYTES: "300000",
  });
  const small = await sharp(png).resize(32).png().toBuffer();
  const expectLimit = async (r: { status: number; json: any }, type: string, message: RegExp) => {
    assert.equal(r.status, 413, JSON.stringify(r.json));
    assert.equal(r.json.type, type);
    assert.match(r.json.message, message);
  };
  assert.equal((await call("POST", "/v1/dedup", { body: imageForm(small, small) })).status, 200);
  await expectLimit(
    await call("POST", "/v1/dedup", { body: imageForm(small, small, small) }),
    "too_many_images",
    /^Send at most 2 images per request\.$/,
  );
  const dedupDoc = (await call("GET", "/docs/json")).json.paths["/v1/dedup"].post;
  assert.equal(
    dedupDoc.requestBody.content["multipart/form-data"].schema.properties.image.maxItems,
    2,
    "the OpenAPI document states the image limit",
  );
  assert.match(dedupDoc.description, /At most 2 images \(MAX_IMAGES_PER_REQUEST\)/);
  await expectLimit(
    await call("POST", "/v1/embed", { body: imageForm(Buffer.alloc(400_000, 0xff)) }),
    "image_too_large",
    /larger than the 300000-byte \(293 KB\) limit/,
  );
  const fields = multipart([
    { name: "image", value: small, filename: "a.png" },
    { name: "k", value: "3" },
    { name: "filter", value: "{}" },
    { name: "extra", value: "x" },
  ]);
  await expectLimit(await call("POST", "/v1/search", { body: fields }), "too_many_fields", /^Send at most 2 text fields per request\.$/);
  const longField = multipart([
    { name: "image", value: small, filename: "a.png" },
    { name: "metadata", value: JSON.stringify({ note: "x".repeat(2000) }) },
  ]);
  await expectLimit(
    await call("PUT", "/v1/images/img_long", { body: longField }),
    "field_too_large",
    /"metadata" is longer than the 1024-byte limit/,
  );
  const bigJson = JSON.stringify({ embedding: Array.from({ length: 1792 }, () => 0.123456789) });
  await expectLimit(
    await call("POST", "/v1/search", { body: bigJson, headers: { "content-type": "application/json" } }),
    "body_too_large",
    /larger than the 4096-byte \(4 KB\) limit/,
  );
  // Within the limits the same routes work.
  assert.equal(
    (
      await call("POST", "/v1/search", {
        body: multipart([
          { name: "image", value: small, filename: "a.png" },
          { name: "k", value: "3" },
        ]),
      })
    ).status,
    200,
  );
});

test("a JPEG /v1/embed accepts is accepted by PUT /v1/images/:id too (one decoder setting)", async () => {
  const { app, call } = await startSidecar({});
  const jpeg = await sharp(await picture(72, "png", 160, 120))
    .jpeg({ quality: 80 })
    .toBuffer();
  // Recoverable damage: random entropy-coded data (the decoder warns "bad Huffman code" and carries on).
  const sos = jpeg.indexOf(Buffer.from([0xff, 0xda]));
  const scanStart = sos + 2 + jpeg.readUInt16BE(sos + 2);
  const damaged = Buffer.from(jpeg);
  for (let i = scanStart; i < damaged.length - 2; i += 1) damaged[i] = (i * 73) & 0x7f;
  const form = () => multipart([{ name: "image", value: damaged, filename: "d.jpg", type: "image/jpeg" }]);
  assert.equal((await call("POST", "/v1/embed", { body: form() })).status, 200);
  const put = await call("PUT", "/v1/images/img_damaged", { body: form() });
  assert.equal(put.status, 200, JSON.stringify(put.json));
  assert.ok(await app.service.getImage("img_damaged"));
});

test("only JPEG, PNG and WebP are accepted, and client errors never name the libraries underneath", async () => {
  const { app, call } = await startSidecar({});
  const gif = await sharp(png).gif().toBuffer();
  const r = await call("PUT", "/v1/images/img_gif", { body: multipart([{ name: "image", value: gif, filename: "a.png", type: "image/png" }]) });
  assert.equal(r.status, 415);
  assert.equal(r.json.type, "unsupported_image_format");
  assert.match(r.json.message, /is a GIF image .*send a JPEG, PNG or WebP image/);
  assert.equal(await app.service.imageCount(), 0);
  const jpeg = await sharp(png).jpeg().toBuffer();
  const answers = [
    await call("POST", "/v1/embed", { body: imageForm(jpeg.subarray(0, 300)) }),
    await call("POST", "/v1/embed", {
      body: '--x\r\nContent-Disposition: form-data; name="image"; filename="a.jpg"\r\n\r\nabc',
      headers: { "content-type": "multipart/form-data; boundary=x" },
    }),
    await call("POST", "/v1/embed", { body: "abc", headers: { "content-type": "multipart/form-data" } }),
    await call("POST", "/v1/search", { body: '{"embedding": [1,', headers: { "content-type": "application/json" } }),
  ];
  assert.deepEqual(
    answers.map((a) => a.status),
    [422, 400, 400, 400],
  );
  assert.deepEqual(
    answers.map((a) => a.json.type),
    ["invalid_image", "invalid_multipart", "invalid_multipart", "invalid_json"],
  );
  for (const a of answers) assert.doesNotMatch(a.json.message, /sharp|vips|busboy|fastify|FST_|Unexpected end of form|Boundary not found/i);
});

test("LOG_LEVEL sets the request log's level: info by default, warn keeps requests out of the log", async () => {
  assert.equal(loadConfig({}).logLevel, "info");
  assert.equal(loadConfig({ LOG_LEVEL: "WARN" }).logLevel, "warn");
  // Medusa's own level names, so one LOG_LEVEL serves the shop and the sidecar.
  assert.equal(loadConfig({ LOG_LEVEL: "verbose" }).logLevel, "debug");
  assert.throws(() => loadConfig({ LOG_LEVEL: "loud" }), /LOG_LEVEL must be one of fatal, error, warn, info/);

  const requestLog = async (env: Record<string, string>) => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "mlsc-main-"));
    dirs.push(dataDir);
    const port = await freePort();
    const { output } = await runMain({ PORT: String(port), DATA_DIR: dataDir, ...env }, /no ML_SIDECAR_TOKEN set/, async () => {
      assert.equal((await fetch(`http://127.0.0.1:${port}/health`)).status, 200);
    });
    return output;
  };
  assert.match(await requestLog({}), /incoming request/);
  assert.doesNotMatch(await requestLog({ LOG_LEVEL: "warn" }), /incoming request|request completed/);
});
