import { ChildProcess, spawn } from "node:child_process"
import fs from "node:fs"
import net from "node:net"
import os from "node:os"
import path from "node:path"
import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { VISUAL_MODULE } from "../../src/modules/visual"
import type VisualModuleService from "../../src/modules/visual/service"
import { mlSidecar } from "../../src/visual/ml-sidecar-client"
import { indexableProduct, IndexedProductSource, PRODUCT_INDEX_FIELDS } from "../../src/workflows/visual/product-images"
import { fileKeyOf, PUBLIC_DIR } from "./files"

const SIDECAR_DIR = path.join(__dirname, "..", "..", "ml-sidecar")
/** The sidecar loads its model before it answers: slow on a busy 2-core machine. */
const START_TIMEOUT_MS = 180_000
const LOG_LINES_KEPT = 40

export type MlSidecarProcess = {
  /** http://127.0.0.1:<port>, also in process.env.ML_SIDECAR_URL while it runs. */
  url: string
  port: number
  /** Its index and source images: kept across stop/start, removed by stop() unless keepData. */
  dataDir: string
  /** Stops the process (SIGTERM, the index flushed); the data folder is removed unless keepData. */
  stop(options?: { keepData?: boolean }): Promise<void>
  /** Starts it again on the same port with the same data (after stop({ keepData: true })). */
  start(): Promise<void>
  /** Whether the process is running now. */
  running(): boolean
  /** Its last lines of output, for failure messages. */
  output(): string
}

/** A loopback port nothing listens on now. */
export async function unusedPort(): Promise<number> {
  const server = net.createServer()
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve))
  const { port } = server.address() as net.AddressInfo
  await new Promise<void>((resolve) => server.close(() => resolve()))
  return port
}

/**
 * Starts the real ML sidecar (ml-sidecar/, `node --import tsx src/main.ts`) on a free loopback
 * port with an empty index in a temporary folder, waits until /health answers, and points the
 * Medusa app under test at it (process.env.ML_SIDECAR_URL, read at each call by mlSidecar()).
 * `env` adds sidecar settings (see ml-sidecar/src/config.ts), e.g. EMBED_WORKERS.
 * stop() and start() take it down and bring it back, to test the shop while it is unreachable.
 */
export async function startMlSidecar(options: { env?: Record<string, string> } = {}): Promise<MlSidecarProcess> {
  const port = await unusedPort()
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "curator-ml-sidecar-"))
  const url = `http://127.0.0.1:${port}`
  const lines: string[] = []
  let child: ChildProcess | null = null
  let exited: Promise<void> = Promise.resolve()

  const keep = (chunk: Buffer) => {
    lines.push(...chunk.toString("utf8").split("\n").filter(Boolean))
    lines.splice(0, Math.max(0, lines.length - LOG_LINES_KEPT))
  }
  const killOnExit = () => child?.kill("SIGKILL")

  const start = async () => {
    if (child) return
    // Requests are logged only at LOG_LEVEL info: a test's output shows the sidecar's warnings, not every call.
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      LOG_LEVEL: process.env.LOG_LEVEL || "warn",
      PORT: String(port),
      HOST: "127.0.0.1",
      DATA_DIR: dataDir,
      ...options.env,
    }
    // The test's own NODE_OPTIONS (jest's VM modules) and token are not the sidecar's.
    delete env.NODE_OPTIONS
    if (!options.env?.ML_SIDECAR_TOKEN) delete env.ML_SIDECAR_TOKEN
    const proc = spawn(process.execPath, ["--import", "tsx", "src/main.ts"], { cwd: SIDECAR_DIR, env, stdio: ["ignore", "pipe", "pipe"] })
    child = proc
    proc.stdout!.on("data", keep)
    proc.stderr!.on("data", keep)
    exited = new Promise((resolve) =>
      proc.once("exit", () => {
        if (child === proc) child = null
        resolve()
      })
    )
    process.once("exit", killOnExit)
    const deadline = Date.now() + START_TIMEOUT_MS
    while (Date.now() < deadline) {
      if (child !== proc) throw new Error(`the ML sidecar exited before answering:\n${lines.join("\n")}`)
      // Ready once the person models have loaded (or failed to): a first photo search then does not wait for them.
      const ok = await fetch(`${url}/health`, { signal: AbortSignal.timeout(2_000) }).then(
        async (r) => r.ok && !String(((await r.json()) as { describe?: { detector?: string } }).describe?.detector ?? "").includes("not-loaded"),
        () => false
      )
      if (ok) {
        process.env.ML_SIDECAR_URL = url
        return
      }
      await new Promise((r) => setTimeout(r, 250))
    }
    proc.kill("SIGKILL")
    throw new Error(`the ML sidecar did not answer at ${url}/health within ${START_TIMEOUT_MS / 1000} s:\n${lines.join("\n")}`)
  }

  const stop = async ({ keepData = false }: { keepData?: boolean } = {}) => {
    const proc = child
    if (proc) {
      proc.kill("SIGTERM")
      const forced = setTimeout(() => proc.kill("SIGKILL"), 10_000)
      await exited
      clearTimeout(forced)
      process.removeListener("exit", killOnExit)
    }
    if (!keepData) fs.rmSync(dataDir, { recursive: true, force: true })
  }

  await start()
  return { url, port, dataDir, stop, start, running: () => child !== null, output: () => lines.join("\n") }
}

/** An address where no sidecar answers: the image service is down. */
export const unreachableSidecarUrl = async () => `http://127.0.0.1:${await unusedPort()}`

/** Runs `fn` with the Medusa app pointed at an address where no sidecar answers, then points it back. */
export async function whileSidecarUnreachable<T>(fn: () => Promise<T>): Promise<T> {
  const before = process.env.ML_SIDECAR_URL
  process.env.ML_SIDECAR_URL = await unreachableSidecarUrl()
  try {
    return await fn()
  } finally {
    process.env.ML_SIDECAR_URL = before
  }
}

/**
 * Puts every catalog product's images into the running sidecar's index, with the metadata the
 * indexing workflow gives them (src/workflows/visual/product-images.ts), as the stored files are.
 * Returns each product as read (PRODUCT_INDEX_FIELDS and `extraFields`) with its indexable images.
 */
export async function indexCatalogImages<Row extends IndexedProductSource>(
  container: MedusaContainer,
  extraFields: string[] = []
): Promise<{ row: Row; images: ReturnType<typeof indexableProduct>["images"] }[]> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({ entity: "product", fields: [...PRODUCT_INDEX_FIELDS, ...extraFields] })
  const indexed: { row: Row; images: ReturnType<typeof indexableProduct>["images"] }[] = []
  for (const row of data as unknown as Row[]) {
    const { images } = indexableProduct(row)
    for (const image of images) await mlSidecar().putImage(image.image_id, fs.readFileSync(`${PUBLIC_DIR}/${fileKeyOf(image.url)}`), image.metadata)
    indexed.push({ row, images })
  }
  return indexed
}

/**
 * Waits until the indexing runs that product and variant events started in the background have
 * settled for these products: each has its rows (`images` in all), every row has been tried (attempts
 * ≥ 1) or is indexed, and nothing changed since the last poll. A test that sets the rows itself does so
 * after this, so that no late run overwrites them (under load the runs lag behind the seed).
 */
export async function settleIndexingRuns(container: MedusaContainer, productIds: string[], images: number): Promise<void> {
  const visual = container.resolve<VisualModuleService>(VISUAL_MODULE)
  let previous = ""
  for (let poll = 0; poll < 60; poll++) {
    const rows = await visual.listVisualImages({ product_id: productIds })
    const seen = JSON.stringify(rows.map((r) => [r.image_id, r.attempts, r.status, r.updated_at]).sort())
    if (rows.length === images && rows.every((r) => r.attempts >= 1 || r.status === "indexed") && seen === previous) return
    previous = seen
    await new Promise((resolve) => setTimeout(resolve, 1_500))
  }
  throw new Error("indexing runs of the new products did not settle within 90 s")
}
