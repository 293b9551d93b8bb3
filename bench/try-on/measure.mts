/**
 * bench/try-on (issue #17 §4): the ML sidecar's POST /v1/try-on on real photos of people that ship
 * inside `@vladmandic/human` (read from ml-sidecar/node_modules, never copied into the repository),
 * against the joints annotated by hand in annotations.json, with several demo garments rendered as
 * the seed renders them. Beside it, in the same run, a naive reference: the garment's box stretched
 * over the shoulder–hip box of the same detected joints, without warping or clipping.
 *
 * Prints one table with the issue's targets (never pass/fail) and writes a contact sheet
 * (original | result per garment | naive reference) to bench/results/try-on/contact-sheet.png.
 * Run with `npm run bench:try-on` (run.js starts this with ml-sidecar's tsx).
 * Settings: BENCH_SIDECAR_URL (measure a running sidecar over HTTP instead of one built in-process),
 * BENCH_LATENCY_RUNS (extra sequential runs of one 1-MP photo, default 20), BENCH_OUT (output folder).
 * Optional, through Medusa: BENCH_STORE_URL (a running backend, e.g. http://localhost:9000, with
 * RATE_LIMIT_ENABLED=false or fewer runs than RATE_LIMIT_TRY_ON_IP allows) measures POST /store/try-on's
 * latency with the seed's publishable key (or BENCH_PUBLISHABLE_KEY), the first region and a variant
 * of a top (or BENCH_REGION_ID, BENCH_VARIANT_ID).
 */
import fs from "node:fs"
import os from "node:os"
import path from "node:path"
import { createRequire } from "node:module"
import { fileURLToPath } from "node:url"
import { renderGarmentSvg } from "../../src/scripts/demo-catalog/render-garment.ts"
import type { GarmentForm } from "../../src/scripts/demo-catalog/render-garment.ts"
import type { GarmentShape } from "../../src/scripts/demo-catalog/vocabulary.ts"
import { createApp, type App } from "../../ml-sidecar/src/app.ts"
import { loadConfig } from "../../ml-sidecar/src/config.ts"
import { WasmWorkerPoolEmbedder } from "../../ml-sidecar/src/embedding/wasm-worker-pool-embedder.ts"
import { dilate, maskBox } from "../../ml-sidecar/src/describe/mask-ops.ts"
import type { CompositeGarmentDetector } from "../../ml-sidecar/src/describe/garment-detector.ts"
import { BackdropGarmentCutter } from "../../ml-sidecar/src/try-on/backdrop-garment-cutter.ts"
import { decodeUpright, DEFAULT_IMAGE_LIMITS } from "../../ml-sidecar/src/image/preprocess.ts"

const here = path.dirname(fileURLToPath(import.meta.url))
const root = path.resolve(here, "..", "..")
const sidecarRequire = createRequire(path.join(root, "ml-sidecar", "package.json"))
const sharp = sidecarRequire("sharp") as typeof import("sharp").default
const humanAssets = path.resolve(path.dirname(sidecarRequire.resolve("@vladmandic/human")), "..", "assets")
const stats = createRequire(import.meta.url)("../stats.js") as { percentile(values: number[], p: number): number }

const env = process.env
const SIDECAR_URL = env.BENCH_SIDECAR_URL
const LATENCY_RUNS = Number(env.BENCH_LATENCY_RUNS || 20)
const OUT = path.resolve(env.BENCH_OUT || path.join(root, "bench", "results", "try-on"))
const MEGAPIXEL = 1_000_000
const log = (...args: unknown[]) => console.log("[bench:try-on]", ...args)

type Xy = [number, number]
type JointName = "left_shoulder" | "right_shoulder" | "left_hip" | "right_hip"
type Crop = { left: number; top: number; width: number; height: number }
type PhotoSpec = { id: string; file: string; crop: Crop; note: string; keypoints: Partial<Record<JointName, Xy>> }
type RefusalSource = { garment?: GarmentShape; package?: string; path?: string; file?: string; crop?: Crop; sideBySide?: string[] }
type RefusalSpec = { id: string; expect: string; source: RefusalSource; note: string }
type Annotations = { photos: PhotoSpec[]; refusals: RefusalSpec[]; sideOn: string }
type Photo = { spec: PhotoSpec; bytes: Buffer; width: number; height: number; joints: Partial<Record<JointName, Xy>> }
type Garment = { id: string; shape: GarmentShape; form: GarmentForm; category: string; colour: string; bytes: Buffer }
type Placement = {
  width: number
  height: number
  keypoints: Record<string, { x: number; y: number; score: number; estimated?: boolean }>
  anchors?: Record<string, { x: number; y: number }>
  outline: Xy[]
  warnings: string[]
}
type Answer = {
  status: number
  ms: number
  json: { type?: string; message?: string; image?: { data: string }; placement?: Placement; kind?: string }
}
/** One method's measures on one photo × garment. */
type Measured = {
  photo: string
  /** Per anchor, share of the annotated torso (photos with hips), by joint. */
  errors: number[]
  byJoint: { shoulders: number[]; hips: number[] }
  /** Photos without hips: shoulder anchors, share of the annotated shoulder width. */
  shoulderErrors: number[]
  outside: number | null
  coverage: number | null
}
type Cell = { image: Buffer; label: string; marks: Array<{ at: Xy; colour: string }>; marksWidth?: number }

const GARMENTS: Array<Omit<Garment, "bytes">> = [
  { id: "t-shirt", shape: "tee", form: "t-shirt", category: "tops", colour: "#2a6f97" },
  { id: "oxford shirt", shape: "shirt", form: "oxford-shirt", category: "shirts", colour: "#c8553d" },
  { id: "jumper", shape: "knit", form: "crewneck-jumper", category: "knitwear", colour: "#6a994e" },
  { id: "wool coat", shape: "coat", form: "wool-coat", category: "outerwear", colour: "#7f5539" },
  { id: "midi dress", shape: "dress", form: "midi-dress", category: "dresses", colour: "#9d4edd" },
  { id: "trousers", shape: "trousers", form: "tailored-trousers", category: "trousers", colour: "#343a40" },
  { id: "skirt", shape: "skirt", form: "a-line-skirt", category: "skirts", colour: "#e09f3e" },
]
const UPPER_CATEGORIES = new Set(["tops", "shirts", "knitwear", "outerwear", "dresses"])

async function renderGarment(spec: Omit<Garment, "bytes">): Promise<Buffer> {
  const svg = renderGarmentSvg({ shape: spec.shape, form: spec.form, colourHex: spec.colour, pattern: "solid", view: "front", variationSeed: 3 })
  return sharp(Buffer.from(svg)).jpeg({ quality: 82 }).toBuffer()
}

/** A crop of a package asset scaled to about one megapixel (the thumbnails are enlarged: blurry, as a phone's zoom would be). */
async function megapixel(input: Buffer | string, crop?: Crop): Promise<{ bytes: Buffer; width: number; height: number; scale: number }> {
  const meta = await sharp(input).metadata()
  const region = crop ?? { left: 0, top: 0, width: meta.width!, height: meta.height! }
  const scale = Math.sqrt(MEGAPIXEL / (region.width * region.height))
  const width = Math.round(region.width * scale)
  const height = Math.round(region.height * scale)
  const bytes = await sharp(input).extract(region).resize(width, height, { kernel: "lanczos3" }).jpeg({ quality: 90 }).toBuffer()
  return { bytes, width, height, scale }
}

async function loadPhoto(spec: PhotoSpec): Promise<Photo> {
  const { bytes, width, height, scale } = await megapixel(path.join(humanAssets, spec.file), spec.crop)
  const joints: Partial<Record<JointName, Xy>> = {}
  for (const [name, [x, y]] of Object.entries(spec.keypoints) as Array<[JointName, Xy]>) {
    joints[name] = [(x - spec.crop.left + 0.5) * scale - 0.5, (y - spec.crop.top + 0.5) * scale - 0.5]
  }
  return { spec, bytes, width, height, joints }
}

async function refusalPhoto(spec: RefusalSpec, photos: Photo[], garments: Garment[]): Promise<Buffer> {
  const s = spec.source
  if (s.garment) return garments.find((g) => g.shape === s.garment)!.bytes
  if (s.package) return (await megapixel(path.join(path.dirname(sidecarRequire.resolve(`${s.package}/package.json`)), s.path!))).bytes
  if (s.file) return (await megapixel(path.join(humanAssets, s.file), s.crop)).bytes
  // Side by side at the same height.
  const parts = s.sideBySide!.map((id) => photos.find((p) => p.spec.id === id)!)
  const height = Math.min(...parts.map((p) => p.height))
  const resized = await Promise.all(parts.map((p) => sharp(p.bytes).resize({ height }).toBuffer({ resolveWithObject: true })))
  const width = resized.reduce((sum, r) => sum + r.info.width, 0)
  let left = 0
  const composed = await sharp({ create: { width, height, channels: 3, background: "#000" } })
    .composite(
      resized.map((r) => {
        const at = { input: r.data, left, top: 0 }
        left += r.info.width
        return at
      })
    )
    .jpeg({ quality: 90 })
    .toBuffer()
  return (await megapixel(composed)).bytes
}

/** POST /v1/try-on, in-process through the sidecar's HTTP layer (or over HTTP to BENCH_SIDECAR_URL). */
function tryOnClient(app: App | null) {
  return async (person: Buffer, garment: Buffer, category: string): Promise<Answer> => {
    const form = new FormData()
    form.append("person", new Blob([new Uint8Array(person)], { type: "image/jpeg" }), "person.jpg")
    form.append("garment", new Blob([new Uint8Array(garment)], { type: "image/jpeg" }), "garment.jpg")
    form.append("category", category)
    const started = performance.now()
    if (!app) {
      const res = await fetch(`${SIDECAR_URL}/v1/try-on`, { method: "POST", body: form })
      const json = (await res.json()) as Answer["json"]
      return { status: res.status, ms: performance.now() - started, json }
    }
    const req = new Request("http://x", { method: "POST", body: form })
    const payload = Buffer.from(await req.arrayBuffer())
    const res = await app.server.inject({ method: "POST", url: "/v1/try-on", payload, headers: { "content-type": req.headers.get("content-type")! } })
    return { status: res.statusCode, ms: performance.now() - started, json: res.json() }
  }
}

/** Pixels inside a polygon (even-odd, scanline), as a width × height mask. */
function fillPolygon(points: Xy[], width: number, height: number): Uint8Array {
  const out = new Uint8Array(width * height)
  if (points.length < 3) return out
  const ys = points.map((p) => p[1])
  const y0 = Math.max(0, Math.floor(Math.min(...ys)))
  const y1 = Math.min(height - 1, Math.ceil(Math.max(...ys)))
  for (let y = y0; y <= y1; y++) {
    const cy = y + 0.5
    const xs: number[] = []
    for (let i = 0, j = points.length - 1; i < points.length; j = i++) {
      const [ax, ay] = points[i]!
      const [bx, by] = points[j]!
      if (ay > cy !== by > cy) xs.push(ax + ((cy - ay) * (bx - ax)) / (by - ay))
    }
    xs.sort((a, b) => a - b)
    for (let k = 0; k + 1 < xs.length; k += 2) {
      const from = Math.max(0, Math.ceil(xs[k]! - 0.5))
      const to = Math.min(width - 1, Math.floor(xs[k + 1]! - 0.5))
      for (let x = from; x <= to; x++) out[y * width + x] = 1
    }
  }
  return out
}

const dist = (a: Xy, b: Xy) => Math.hypot(a[0] - b[0], a[1] - b[1])
const mid = (a: Xy, b: Xy): Xy => [(a[0] + b[0]) / 2, (a[1] + b[1]) / 2]

/** The annotated torso's height (mid-shoulders to mid-hips), or null on a photo without hips. */
function annotatedTorso(photo: Photo): number | null {
  const j = photo.joints
  return j.left_hip && j.right_hip ? dist(mid(j.left_shoulder!, j.right_shoulder!), mid(j.left_hip, j.right_hip)) : null
}

/**
 * How far one careful hand annotation lies from the true joint, as a share of the annotated torso:
 * COCO measured annotators' spread on 5,000 redundantly annotated images as σ × √(the person's area),
 * σ 0.079 for shoulders and 0.107 for hips (the keypoint metric's constants); for a 2D spread the
 * mean distance is √π/2 of that. A perfect placement would still measure this far from one annotation.
 */
function annotationSpread(photo: Photo, personMask: { data: Uint8Array }): { shoulders: number; hips: number } | null {
  const torso = annotatedTorso(photo)
  if (!torso) return null
  let area = 0
  for (const v of personMask.data) if (v) area++
  const meanDistance = (sigma: number) => ((Math.sqrt(Math.PI) / 2) * sigma * Math.sqrt(area)) / torso
  return { shoulders: meanDistance(0.079), hips: meanDistance(0.107) }
}

/** Placement errors (share of the annotated torso) of named anchors, outside-silhouette share and torso coverage of a drawn mask. */
function measure(photo: Photo, anchors: Partial<Record<JointName, Xy>>, drawn: Uint8Array, silhouette: Uint8Array, upper: boolean): Measured {
  const j = photo.joints
  const torso = annotatedTorso(photo)
  const shoulderWidth = dist(j.left_shoulder!, j.right_shoulder!)
  const errors: number[] = []
  const byJoint = { shoulders: [] as number[], hips: [] as number[] }
  const shoulderErrors: number[] = []
  for (const name of ["left_shoulder", "right_shoulder", "left_hip", "right_hip"] as const) {
    const a = anchors[name]
    const truth = j[name]
    if (!a || !truth) continue
    if (torso) {
      errors.push(dist(a, truth) / torso)
      byJoint[name.endsWith("shoulder") ? "shoulders" : "hips"].push(dist(a, truth) / torso)
    } else if (name.endsWith("shoulder")) shoulderErrors.push(dist(a, truth) / shoulderWidth)
  }
  let area = 0
  let outside = 0
  for (let i = 0; i < drawn.length; i++) {
    if (!drawn[i]) continue
    area++
    if (!silhouette[i]) outside++
  }
  let coverage: number | null = null
  if (upper && torso) {
    const quad = fillPolygon([j.right_shoulder!, j.left_shoulder!, j.left_hip!, j.right_hip!], photo.width, photo.height)
    let inQuad = 0
    let covered = 0
    for (let i = 0; i < quad.length; i++) {
      if (!quad[i]) continue
      inQuad++
      if (drawn[i]) covered++
    }
    coverage = inQuad ? covered / inQuad : null
  }
  return { photo: photo.spec.id, errors, byJoint, shoulderErrors, outside: area ? outside / area : null, coverage }
}

/**
 * The naive reference: the garment's cut-out box stretched over the box of the detected joints
 * (shoulders to hips for a top, shoulders to knees for a dress, hips to ankles for bottoms), no warp,
 * no clipping. Its anchors are that box's corners at shoulder and hip height.
 */
async function naivePlacement(photo: Photo, garment: Garment, keypoints: Placement["keypoints"]) {
  const decoded = await decodeUpright(garment.bytes, DEFAULT_IMAGE_LIMITS, 512)
  const mask = new BackdropGarmentCutter().cut(decoded.image)
  if (!mask) return null
  const box = maskBox(mask)!
  const k = (name: string): Xy | null => (keypoints[name] ? [keypoints[name]!.x, keypoints[name]!.y] : null)
  const [ls, rs, lh, rh] = [k("left_shoulder"), k("right_shoulder"), k("left_hip"), k("right_hip")]
  if (!lh || !rh) return null
  const hipY = (lh[1] + rh[1]) / 2
  let x0: number, x1: number, y0: number, y1: number
  const anchors: Partial<Record<JointName, Xy>> = {}
  if (UPPER_CATEGORIES.has(garment.category)) {
    if (!ls || !rs) return null
    x0 = Math.min(rs[0], ls[0])
    x1 = Math.max(rs[0], ls[0])
    y0 = (ls[1] + rs[1]) / 2
    const knees = [k("left_knee"), k("right_knee")].filter((p): p is Xy => !!p)
    const kneeY = knees.length ? knees.reduce((s, p) => s + p[1], 0) / knees.length : hipY + 0.9 * (hipY - y0)
    y1 = garment.category === "dresses" ? kneeY : hipY
    Object.assign(anchors, { right_shoulder: [x0, y0], left_shoulder: [x1, y0], right_hip: [x0, hipY], left_hip: [x1, hipY] })
  } else {
    x0 = Math.min(rh[0], lh[0])
    x1 = Math.max(rh[0], lh[0])
    y0 = hipY
    const ankles = [k("left_ankle"), k("right_ankle")].filter((p): p is Xy => !!p)
    y1 = ankles.length ? ankles.reduce((s, p) => s + p[1], 0) / ankles.length : hipY + 2 * dist(lh, rh) * 1.8
    Object.assign(anchors, { right_hip: [x0, y0], left_hip: [x1, y0] })
  }
  const left = Math.round(x0)
  const top = Math.round(y0)
  const width = Math.max(2, Math.round(x1 - x0))
  const height = Math.max(2, Math.round(y1 - y0))
  // The garment's box as RGBA (its mask as alpha), stretched to the target box.
  const cropW = box.x1 - box.x0 + 1
  const cropH = box.y1 - box.y0 + 1
  const rgba = Buffer.alloc(cropW * cropH * 4)
  for (let y = 0; y < cropH; y++) {
    for (let x = 0; x < cropW; x++) {
      const src = (box.y0 + y) * decoded.image.width + box.x0 + x
      const dst = (y * cropW + x) * 4
      rgba[dst] = decoded.image.data[src * 3]!
      rgba[dst + 1] = decoded.image.data[src * 3 + 1]!
      rgba[dst + 2] = decoded.image.data[src * 3 + 2]!
      rgba[dst + 3] = mask.data[src] ? 255 : 0
    }
  }
  const stretched = await sharp(rgba, { raw: { width: cropW, height: cropH, channels: 4 } })
    .resize(width, height, { fit: "fill" })
    .raw()
    .toBuffer()
  const drawn = new Uint8Array(photo.width * photo.height)
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const px = left + x
      const py = top + y
      if (px < 0 || py < 0 || px >= photo.width || py >= photo.height) continue
      if (stretched[(y * width + x) * 4 + 3]! > 127) drawn[py * photo.width + px] = 1
    }
  }
  const image = await sharp(photo.bytes)
    .composite([{ input: stretched, raw: { width, height, channels: 4 }, left, top }])
    .jpeg({ quality: 85 })
    .toBuffer()
    .catch(() => photo.bytes) // a box reaching past the photo's edge: shown without it
  return { anchors, drawn, image }
}

/** Detected minus annotated joints, shoulders and hips averaged over the two sides, as % of the annotated torso (or shoulder width). */
function offsets(photo: Photo, detected: Partial<Record<JointName, Xy>>): string {
  const j = photo.joints
  const unit =
    j.left_hip && j.right_hip
      ? dist(mid(j.left_shoulder!, j.right_shoulder!), mid(j.left_hip, j.right_hip))
      : dist(j.left_shoulder!, j.right_shoulder!)
  const part = (names: JointName[], label: string) => {
    const pairs = names.filter((n) => j[n] && detected[n])
    if (!pairs.length) return null
    const dx = pairs.reduce((s, n) => s + detected[n]![0] - j[n]![0], 0) / pairs.length / unit
    const dy = pairs.reduce((s, n) => s + detected[n]![1] - j[n]![1], 0) / pairs.length / unit
    const spread = names.every((n) => j[n] && detected[n])
      ? (Math.abs(detected[names[0]!]![0] - detected[names[1]!]![0]) / Math.abs(j[names[0]!]![0] - j[names[1]!]![0])).toFixed(2)
      : "-"
    return `${label} dx ${(100 * dx).toFixed(1)}%, dy ${(100 * dy).toFixed(1)}%, width ×${spread}`
  }
  return [part(["left_shoulder", "right_shoulder"], "shoulders"), part(["left_hip", "right_hip"], "hips")].filter(Boolean).join("; ")
}

const mean = (v: number[]) => (v.length ? v.reduce((a, b) => a + b, 0) / v.length : NaN)
const pct = (v: number) => (Number.isFinite(v) ? `${(100 * v).toFixed(1)}%` : "-")

async function main() {
  const annotations = JSON.parse(fs.readFileSync(path.join(here, "annotations.json"), "utf8")) as Annotations
  fs.mkdirSync(OUT, { recursive: true })
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "bench-try-on-"))
  let pool: WasmWorkerPoolEmbedder | null = null
  let app: App | null = null
  try {
    // The silhouette measure uses the sidecar's own person models, so they load in-process either way.
    pool = await WasmWorkerPoolEmbedder.start(1, { flipAverage: false })
    app = await createApp(loadConfig({ DATA_DIR: dataDir }), { embedder: pool, log: () => {} })
    const personModel = await (app.describe!.detector as CompositeGarmentDetector).personModel()
    if (!personModel) throw new Error("the sidecar's person models did not load")
    const tryOn = tryOnClient(SIDECAR_URL ? null : app)

    const photos = await Promise.all(annotations.photos.map(loadPhoto))
    const garments: Garment[] = await Promise.all(GARMENTS.map(async (g) => ({ ...g, bytes: await renderGarment(g) })))
    log(`${photos.length} photos (about 1 MP each), ${garments.length} garments; ${SIDECAR_URL ? `sidecar at ${SIDECAR_URL}` : "sidecar in-process"}`)
    const first = await tryOn(photos[0]!.bytes, garments[0]!.bytes, garments[0]!.category)
    log(`first request (loads the person models): ${first.ms.toFixed(0)} ms, status ${first.status}`)

    const sidecar: Measured[] = []
    const naive: Measured[] = []
    const times: number[] = []
    const cells = new Map<string, Cell>()
    const pose: Measured[] = []
    const poseOffsets = new Map<string, string>()
    const failures: string[] = []
    const warnings = new Map<string, number>()
    const spreads: Array<{ shoulders: number; hips: number }> = []
    for (const photo of photos) {
      const rgb = await sharp(photo.bytes).removeAlpha().raw().toBuffer({ resolveWithObject: true })
      const segmentation = await personModel.segment({ data: new Uint8Array(rgb.data), width: rgb.info.width, height: rgb.info.height })
      const spread = annotationSpread(photo, segmentation.mask)
      if (spread) spreads.push(spread)
      const silhouette = dilate(segmentation.mask, Math.round(0.03 * photo.height)).data
      const truthMarks = Object.values(photo.joints).map((at) => ({ at: at!, colour: "#00ff66" }))
      cells.set(`${photo.spec.id}|original`, { image: photo.bytes, label: photo.spec.id, marks: truthMarks })
      for (const garment of garments) {
        const answer = await tryOn(photo.bytes, garment.bytes, garment.category)
        const upper = UPPER_CATEGORIES.has(garment.category)
        if (answer.status !== 200 || !answer.json.placement) {
          failures.push(`${photo.spec.id} × ${garment.id}: ${answer.status} ${answer.json.type}`)
          cells.set(`${photo.spec.id}|${garment.id}`, { image: photo.bytes, label: `${answer.status} ${answer.json.type}`, marks: [] })
          continue
        }
        times.push(answer.ms)
        const placement = answer.json.placement
        for (const w of placement.warnings) warnings.set(w, (warnings.get(w) ?? 0) + 1)
        const sx = photo.width / placement.width
        const sy = photo.height / placement.height
        const anchors: Partial<Record<JointName, Xy>> = {}
        for (const [name, p] of Object.entries(placement.anchors ?? {})) anchors[name as JointName] = [p.x * sx, p.y * sy]
        const drawn = fillPolygon(
          placement.outline.map(([x, y]) => [x * sx, y * sy] as Xy),
          photo.width,
          photo.height
        )
        const m = measure(photo, anchors, drawn, silhouette, upper)
        sidecar.push(m)
        const result = Buffer.from(answer.json.image!.data, "base64")
        cells.set(`${photo.spec.id}|${garment.id}`, {
          image: result,
          label: `${garment.id} ${m.errors.length ? `err ${pct(Math.max(...m.errors))}` : ""}`,
          marks: [...truthMarks, ...Object.values(anchors).map((at) => ({ at: at!, colour: "#ff2020" }))],
          marksWidth: photo.width,
        })
        // The pose alone: the detected joints against the annotations (once per photo).
        if (garment === garments[0]) {
          const detected: Partial<Record<JointName, Xy>> = {}
          for (const name of ["left_shoulder", "right_shoulder", "left_hip", "right_hip"] as const) {
            const kp = placement.keypoints[name]
            if (kp && !kp.estimated) detected[name] = [kp.x * sx, kp.y * sy]
          }
          pose.push(measure(photo, detected, new Uint8Array(0), silhouette, false))
          poseOffsets.set(photo.spec.id, offsets(photo, detected))
        }
        const reference = await naivePlacement(photo, garment, placement.keypoints)
        if (reference) {
          const r = measure(photo, reference.anchors, reference.drawn, silhouette, upper)
          naive.push(r)
          if (garment.shape === "tee")
            cells.set(`${photo.spec.id}|naive`, {
              image: reference.image,
              label: "naive box (t-shirt)",
              marks: [...truthMarks, ...Object.values(reference.anchors).map((at) => ({ at: at!, colour: "#ff2020" }))],
            })
        }
      }
      log(`${photo.spec.id}: done`)
    }

    // Refusals.
    const refusals: Array<{ spec: RefusalSpec; status: number; type: string | undefined; bytes: Buffer }> = []
    for (const spec of annotations.refusals) {
      const bytes = await refusalPhoto(spec, photos, garments)
      const answer = await tryOn(bytes, garments[0]!.bytes, garments[0]!.category)
      // An accepted photo shows what was drawn on it.
      const shown = answer.status === 200 && answer.json.image ? Buffer.from(answer.json.image.data, "base64") : bytes
      refusals.push({ spec, status: answer.status, type: answer.status === 200 ? "accepted (200)" : answer.json.type, bytes: shown })
    }

    // Latency: one 1-MP photo with a t-shirt, sequentially, beside GET /health through the same path.
    const latency: number[] = []
    const health: number[] = []
    const repeat = photos.find((p) => p.spec.id === "avatar") ?? photos[0]!
    for (let i = 0; i < LATENCY_RUNS; i++) {
      const answer = await tryOn(repeat.bytes, garments[0]!.bytes, garments[0]!.category)
      if (answer.status === 200) latency.push(answer.ms)
      const t0 = performance.now()
      if (SIDECAR_URL) await (await fetch(`${SIDECAR_URL}/health`)).arrayBuffer()
      else await app.server.inject({ method: "GET", url: "/health" })
      health.push(performance.now() - t0)
    }
    const medusa = await medusaLatency(repeat.bytes).catch((e: Error) => {
      log(`through Medusa: ${e.message}`)
      return null
    })

    await contactSheet(photos, garments, cells, refusals)
    printTable({
      photos,
      garments,
      sidecar,
      naive,
      pose,
      poseOffsets,
      spreads,
      refusals,
      times,
      latency,
      health,
      medusa,
      failures,
      warnings,
      repeat,
      sideOn: annotations.sideOn,
    })
  } finally {
    await app?.close()
    await pool?.close()
    fs.rmSync(dataDir, { recursive: true, force: true })
  }
}

/** A region and a variant of a top on the running backend (or BENCH_REGION_ID / BENCH_VARIANT_ID). */
async function storeIds(base: string, key: string): Promise<{ region: string; variant: string }> {
  const get = async <T,>(url: string): Promise<T> => {
    const res = await fetch(`${base}${url}`, { headers: { "x-publishable-api-key": key } })
    if (!res.ok) throw new Error(`GET ${url} → ${res.status} ${await res.text()}`)
    return (await res.json()) as T
  }
  const region = env.BENCH_REGION_ID || (await get<{ regions: Array<{ id: string }> }>("/store/regions?limit=1")).regions[0]?.id
  let variant = env.BENCH_VARIANT_ID
  if (!variant) {
    const { product_categories } = await get<{ product_categories: Array<{ id: string }> }>("/store/product-categories?handle=tops&limit=1")
    const category = product_categories[0]?.id
    const { products } = await get<{ products: Array<{ variants?: Array<{ id: string }> }> }>(
      `/store/products?limit=1&fields=id,variants.id${category ? `&category_id[]=${category}` : ""}`
    )
    variant = products[0]?.variants?.[0]?.id
  }
  if (!region || !variant) throw new Error("no region or no variant of a top on the backend: seed it, or set BENCH_REGION_ID and BENCH_VARIANT_ID")
  return { region, variant }
}

/** POST /store/try-on on a running backend at BENCH_STORE_URL (sequential); null when it is not set. */
async function medusaLatency(photo: Buffer): Promise<{ p50: number; p95: number; runs: number; refused: string[] } | null> {
  const base = env.BENCH_STORE_URL?.replace(/\/$/, "")
  const key = env.BENCH_PUBLISHABLE_KEY
  if (!base) return null
  if (!key) throw new Error("BENCH_STORE_URL needs the publishable key: seed the shop, or set BENCH_PUBLISHABLE_KEY")
  const { region, variant } = await storeIds(base, key)
  log(`POST ${base}/store/try-on, region ${region}, variant ${variant}`)
  const times: number[] = []
  const refused: string[] = []
  for (let i = 0; i < LATENCY_RUNS; i++) {
    const form = new FormData()
    form.append("photo", new Blob([new Uint8Array(photo)], { type: "image/jpeg" }), "photo.jpg")
    form.append("variant_id", variant)
    form.append("region_id", region)
    const t0 = performance.now()
    const res = await fetch(`${base}/store/try-on`, { method: "POST", headers: { "x-publishable-api-key": key }, body: form })
    const body = (await res.json()) as { type?: string; message?: string }
    if (res.ok) times.push(performance.now() - t0)
    else refused.push(`${res.status} ${body.type ?? ""} ${body.message ?? ""}`.trim())
  }
  return { p50: stats.percentile(times, 50), p95: stats.percentile(times, 95), runs: times.length, refused }
}

const CELL_W = 210
const CELL_H = 280

async function cellImage(cell: Cell | undefined): Promise<Buffer> {
  const base = sharp({ create: { width: CELL_W, height: CELL_H, channels: 3, background: "#202020" } })
  if (!cell) return base.png().toBuffer()
  const meta = await sharp(cell.image).metadata()
  const scale = Math.min(CELL_W / meta.width!, (CELL_H - 18) / meta.height!)
  const w = Math.max(1, Math.round(meta.width! * scale))
  const h = Math.max(1, Math.round(meta.height! * scale))
  const img = await sharp(cell.image).resize(w, h).toBuffer()
  const ox = Math.round((CELL_W - w) / 2)
  // Marks are in the photo's pixels; the sidecar answers a large photo at its working size.
  const markScale = cell.marksWidth ? w / cell.marksWidth : scale
  const marks = cell.marks
    .map(
      ({ at: [x, y], colour }) =>
        `<circle cx="${ox + x * markScale}" cy="${18 + y * markScale}" r="3" fill="none" stroke="${colour}" stroke-width="1.5"/>`
    )
    .join("")
  const label = cell.label.replace(/[<>&]/g, "")
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${CELL_W}" height="${CELL_H}"><text x="4" y="13" font-family="sans-serif" font-size="12" fill="#eee">${label}</text>${marks}</svg>`
  return base
    .composite([
      { input: img, left: ox, top: 18 },
      { input: Buffer.from(svg), left: 0, top: 0 },
    ])
    .png()
    .toBuffer()
}

/** Rows: each photo (original | each garment | the naive reference); then the refusal photos with the answer. */
async function contactSheet(
  photos: Photo[],
  garments: Garment[],
  cells: Map<string, Cell>,
  refusals: Array<{ spec: RefusalSpec; type: string | undefined; bytes: Buffer }>
) {
  const columns = ["original", ...garments.map((g) => g.id), "naive"]
  const rows: Buffer[][] = []
  for (const photo of photos) rows.push(await Promise.all(columns.map((c) => cellImage(cells.get(`${photo.spec.id}|${c}`)))))
  rows.push(
    await Promise.all(refusals.map((r) => cellImage({ image: r.bytes, label: `${r.type === r.spec.expect ? "ok" : "WRONG"}: ${r.type}`, marks: [] })))
  )
  const width = CELL_W * Math.max(columns.length, refusals.length)
  const composites = rows.flatMap((row, y) => row.map((input, x) => ({ input, left: x * CELL_W, top: y * CELL_H })))
  const file = path.join(OUT, "contact-sheet.png")
  await sharp({ create: { width, height: CELL_H * rows.length, channels: 3, background: "#101010" } })
    .composite(composites)
    .png()
    .toFile(file)
  log(`contact sheet: ${path.relative(root, file)} (green circles: hand-annotated joints; red: the garment's anchors)`)
}

function printTable(r: {
  photos: Photo[]
  garments: Garment[]
  sidecar: Measured[]
  naive: Measured[]
  pose: Measured[]
  poseOffsets: Map<string, string>
  spreads: Array<{ shoulders: number; hips: number }>
  refusals: Array<{ spec: RefusalSpec; status: number; type: string | undefined }>
  times: number[]
  latency: number[]
  health: number[]
  medusa: Awaited<ReturnType<typeof medusaLatency>>
  failures: string[]
  warnings: Map<string, number>
  repeat: Photo
  sideOn: string
}) {
  const summary = (ms: Measured[]) => {
    const errors = ms.flatMap((m) => m.errors)
    const shoulders = ms.flatMap((m) => m.shoulderErrors)
    const outside = ms.map((m) => m.outside).filter((v): v is number => v !== null)
    const coverage = ms.map((m) => m.coverage).filter((v): v is number => v !== null)
    const median = (v: number[]) => (v.length ? stats.percentile(v, 50) : NaN)
    const shoulderJ = ms.flatMap((m) => m.byJoint.shoulders)
    const hipJ = ms.flatMap((m) => m.byJoint.hips)
    return {
      errMedian: median(errors),
      shoulderJ: { mean: mean(shoulderJ), max: shoulderJ.length ? Math.max(...shoulderJ) : NaN },
      hipJ: { mean: mean(hipJ), max: hipJ.length ? Math.max(...hipJ) : NaN },
      errMean: mean(errors),
      errMax: errors.length ? Math.max(...errors) : NaN,
      errors: errors.length,
      shoulderMean: mean(shoulders),
      shoulderMax: shoulders.length ? Math.max(...shoulders) : NaN,
      outsideMean: mean(outside),
      outsideMax: outside.length ? Math.max(...outside) : NaN,
      outsideOver: outside.filter((v) => v > 0.02).length,
      outsideOf: outside.length,
      coverageMean: mean(coverage),
      coverageMin: coverage.length ? Math.min(...coverage) : NaN,
      coverageUnder: coverage.filter((v) => v < 0.9).length,
      coverageOf: coverage.length,
    }
  }
  const s = summary(r.sidecar)
  const n = summary(r.naive)
  const p = summary(r.pose)
  const ratio = (a: number, b: number) => (Number.isFinite(a) && Number.isFinite(b) && b ? `${(a / b).toFixed(2)}×` : "-")
  const ms = (v: number) => (Number.isFinite(v) ? `${v.toFixed(0)} ms` : "-")
  const right = r.refusals.filter((x) => x.type === x.spec.expect).length
  const rows: string[][] = [
    [
      `placement error, anchors vs hand-annotated joints (% of torso; ${s.errors} anchors on ${r.photos.filter((p) => p.joints.left_hip).length} photos with hips)`,
      `mean ${pct(s.errMean)}, max ${pct(s.errMax)} (median ${pct(s.errMedian)})`,
      `mean ${pct(n.errMean)}, max ${pct(n.errMax)} (median ${pct(n.errMedian)})`,
      `${ratio(s.errMean, n.errMean)} / ${ratio(s.errMax, n.errMax)}`,
      "≤ 5% mean, ≤ 10% max",
    ],
    [
      "  shoulders / hips separately (mean, max)",
      `${pct(s.shoulderJ.mean)}, ${pct(s.shoulderJ.max)} / ${pct(s.hipJ.mean)}, ${pct(s.hipJ.max)}`,
      `${pct(n.shoulderJ.mean)}, ${pct(n.shoulderJ.max)} / ${pct(n.hipJ.mean)}, ${pct(n.hipJ.max)}`,
      "",
      "",
    ],
    [
      "  the pose alone: detected joints vs annotations, shoulders / hips (mean, max)",
      `${pct(p.shoulderJ.mean)}, ${pct(p.shoulderJ.max)} / ${pct(p.hipJ.mean)}, ${pct(p.hipJ.max)}`,
      "",
      "",
      "",
    ],
    [
      "  one hand annotation's own expected error (COCO's annotator spread × √person area), shoulders / hips (mean, max)",
      `${pct(mean(r.spreads.map((x) => x.shoulders)))}, ${pct(Math.max(...r.spreads.map((x) => x.shoulders)))} / ${pct(mean(r.spreads.map((x) => x.hips)))}, ${pct(Math.max(...r.spreads.map((x) => x.hips)))}`,
      "",
      "",
      "",
    ],
    [
      "  shoulders on photos without hips (% of shoulder width)",
      `mean ${pct(s.shoulderMean)}, max ${pct(s.shoulderMax)}`,
      `mean ${pct(n.shoulderMean)}, max ${pct(n.shoulderMax)}`,
      ratio(s.shoulderMean, n.shoulderMean),
      "",
    ],
    [
      "garment pixels outside the person's silhouette (dilated 3%)",
      `mean ${pct(s.outsideMean)}, max ${pct(s.outsideMax)}; ${s.outsideOver}/${s.outsideOf} over 2%`,
      `mean ${pct(n.outsideMean)}, max ${pct(n.outsideMax)}; ${n.outsideOver}/${n.outsideOf} over 2%`,
      ratio(s.outsideMean, n.outsideMean),
      "≤ 2%",
    ],
    [
      "torso covered by a top or dress (annotated shoulder–hip quadrilateral)",
      `mean ${pct(s.coverageMean)}, min ${pct(s.coverageMin)}; ${s.coverageUnder}/${s.coverageOf} under 90%`,
      `mean ${pct(n.coverageMean)}, min ${pct(n.coverageMin)}; ${n.coverageUnder}/${n.coverageOf} under 90%`,
      ratio(s.coverageMean, n.coverageMean),
      "≥ 90%",
    ],
    [`refusals with the right type (no person, several people; side-on: none available)`, `${right}/${r.refusals.length}`, "", "", "all"],
    [
      `latency p50 / p95, one 1-MP photo (${r.repeat.width}×${r.repeat.height}), sequential, ${r.latency.length} runs`,
      `${ms(stats.percentile(r.latency, 50))} / ${ms(stats.percentile(r.latency, 95))}`,
      `GET /health ${ms(stats.percentile(r.health, 50))} / ${ms(stats.percentile(r.health, 95))}`,
      ratio(stats.percentile(r.latency, 95), stats.percentile(r.health, 95)),
      "p95 ≤ 1 s",
    ],
    [
      `  every photo × garment above (about 1 MP each), ${r.times.length} answers`,
      `${ms(stats.percentile(r.times, 50))} / ${ms(stats.percentile(r.times, 95))}`,
      "",
      "",
      "",
    ],
    [
      "  through Medusa POST /store/try-on (BENCH_STORE_URL)",
      r.medusa
        ? `${ms(r.medusa.p50)} / ${ms(r.medusa.p95)} (${r.medusa.runs} answered${r.medusa.refused.length ? `, ${r.medusa.refused.length} refused: ${r.medusa.refused[0]}` : ""})`
        : `not measured (${env.BENCH_STORE_URL ? "failed, see above" : "no BENCH_STORE_URL"})`,
      "",
      r.medusa ? ratio(r.medusa.p95, stats.percentile(r.latency, 95)) + " of the sidecar" : "",
      "p95 ≤ 1 s",
    ],
  ]
  const header = ["measure", "sidecar (POST /v1/try-on)", "reference (naive box / /health)", "ratio", "target"]
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]!.length)))
  const line = (cells: string[]) => "| " + cells.map((c, i) => c.padEnd(widths[i]!)).join(" | ") + " |"
  console.log(
    `\nbench/try-on — ${r.photos.length} person photos from @vladmandic/human × ${r.garments.length} demo garments (${r.garments.map((g) => g.id).join(", ")}), ${os.cpus().length} CPUs, load average ${os.loadavg()[0]!.toFixed(1)}`
  )
  console.log(line(header))
  console.log("|" + widths.map((w) => "-".repeat(w + 2)).join("|") + "|")
  for (const row of rows) console.log(line(row))
  console.log("\nPer photo (sidecar): placement error mean / max, outside, coverage (tops and dresses)")
  for (const photo of r.photos) {
    const runs = r.sidecar.filter((m) => m.photo === photo.spec.id)
    const errs = runs.flatMap((m) => (m.errors.length ? m.errors : m.shoulderErrors))
    const cov = runs.map((m) => m.coverage).filter((v): v is number => v !== null)
    const out = runs.map((m) => m.outside).filter((v): v is number => v !== null)
    const max = (v: number[]) => (v.length ? Math.max(...v) : NaN)
    const min = (v: number[]) => (v.length ? Math.min(...v) : NaN)
    const posed = r.pose.find((m) => m.photo === photo.spec.id)
    const poseErrs = posed ? (posed.errors.length ? posed.errors : posed.shoulderErrors) : []
    console.log(
      `  ${photo.spec.id.padEnd(14)} ${runs.length} answered; error mean ${pct(mean(errs))}, max ${pct(max(errs))}${photo.joints.left_hip ? "" : " (of shoulder width)"} (pose alone ${pct(mean(poseErrs))}, ${pct(max(poseErrs))}); outside max ${pct(max(out))}; coverage min ${pct(min(cov))}`
    )
    console.log(`  ${"".padEnd(14)} detected − annotated: ${r.poseOffsets.get(photo.spec.id) ?? "-"}`)
  }
  console.log("\nRefusals:")
  for (const x of r.refusals)
    console.log(
      `  ${x.spec.id.padEnd(14)} ${x.type === x.spec.expect ? "right" : "WRONG"}: ${x.status} ${x.type} (want ${x.spec.expect}) — ${x.spec.note}`
    )
  console.log(`  side-on: ${r.sideOn}`)
  if (r.failures.length) console.log(`\nNot answered 200:\n  ${r.failures.join("\n  ")}`)
  if (r.warnings.size) console.log(`\nWarnings:\n${[...r.warnings].map(([w, c]) => `  ${c}× ${w}`).join("\n")}`)
  console.log(
    "\nAnchors: the sidecar's placement.anchors, the garment points its placement lays on the shoulder and hip joints, after the warp (hips only for bottoms); the naive reference's are its box's corners: at the detected shoulders, and at the detected hips' height with the shoulders' x for a top (the hips' x for bottoms), so its error is the pose's plus the box's. Pose alone: the sidecar's detected joints (placement.keypoints, not estimated) against the annotations. Silhouette: the sidecar's own selfie segmentation of the photo (the one it clips with), grown by 3% of the photo's height. Garment pixels: inside placement.outline."
  )
}

main().catch((e) => {
  console.error(e)
  process.exit(1)
})
