import { GarmentShape, Pattern } from "./vocabulary"
import { createRandom, ImageView } from "./generate-catalog"

/**
 * Renders a product photo stand-in as SVG: a garment silhouette in the product's colour and
 * pattern, on a studio-like backdrop. The form follows the product's name ("Knitted Vest" has no
 * sleeves, "Chelsea Boots" reach the ankle, "Tote Bag" has two handles), and a hash of the product
 * varies its cut (length, width, neckline, sleeves, pockets, buttons, pattern scale), so no two
 * products share a picture and visual search has real signal to work with; nothing is downloaded.
 */

// Drawing coordinates; the rendered file is OUTPUT_WIDTH×OUTPUT_HEIGHT (4:5, as product photos are).
export const IMAGE_WIDTH = 800
export const IMAGE_HEIGHT = 1000
export const OUTPUT_WIDTH = 600
export const OUTPUT_HEIGHT = 750

/** Every drawable form: one per product noun of the demo catalog. */
export const GARMENT_FORMS = {
  tee: ["t-shirt", "tank-top", "camisole", "long-sleeve-top", "bodysuit"],
  shirt: ["oxford-shirt", "poplin-shirt", "overshirt", "blouse", "camp-collar-shirt"],
  knit: ["crewneck-jumper", "cardigan", "roll-neck-sweater", "knitted-vest", "cable-knit"],
  dress: ["midi-dress", "slip-dress", "wrap-dress", "shirt-dress", "maxi-dress"],
  skirt: ["pleated-skirt", "a-line-skirt", "pencil-skirt", "midi-skirt", "denim-skirt"],
  trousers: ["tailored-trousers", "wide-leg-trousers", "chinos", "cargo-trousers", "pleated-trousers"],
  jeans: ["straight-jeans", "slim-jeans", "wide-leg-jeans", "bootcut-jeans", "relaxed-jeans"],
  coat: ["trench-coat", "wool-coat", "puffer-jacket", "denim-jacket", "blazer", "parka"],
  shoe: ["sneakers", "loafers", "chelsea-boots", "ballet-flats", "derby-shoes", "sandals"],
  bag: ["tote-bag", "crossbody-bag", "shoulder-bag", "backpack", "clutch"],
  accessory: ["scarf", "beanie", "belt", "cap", "silk-square"],
} as const satisfies Record<GarmentShape, readonly string[]>

export type GarmentForm = (typeof GARMENT_FORMS)[GarmentShape][number]

/** Name words → form, checked in order within the product's shape (so "Shirt Dress" is a dress). */
const FORM_WORDS: Record<GarmentShape, [RegExp, GarmentForm][]> = {
  tee: [
    [/tank/i, "tank-top"],
    [/camisole|cami\b/i, "camisole"],
    [/long-sleeve/i, "long-sleeve-top"],
    [/bodysuit/i, "bodysuit"],
    [/t-shirt|tee/i, "t-shirt"],
  ],
  shirt: [
    [/oxford/i, "oxford-shirt"],
    [/overshirt/i, "overshirt"],
    [/blouse/i, "blouse"],
    [/camp/i, "camp-collar-shirt"],
    [/poplin|shirt/i, "poplin-shirt"],
  ],
  knit: [
    [/cardigan/i, "cardigan"],
    [/roll-neck|turtle/i, "roll-neck-sweater"],
    [/vest|tank/i, "knitted-vest"],
    [/cable/i, "cable-knit"],
    [/jumper|sweater|crew/i, "crewneck-jumper"],
  ],
  dress: [
    [/slip/i, "slip-dress"],
    [/wrap/i, "wrap-dress"],
    [/shirt/i, "shirt-dress"],
    [/maxi/i, "maxi-dress"],
    [/midi|dress/i, "midi-dress"],
  ],
  skirt: [
    [/pleat/i, "pleated-skirt"],
    [/a-line/i, "a-line-skirt"],
    [/pencil/i, "pencil-skirt"],
    [/denim/i, "denim-skirt"],
    [/midi|skirt/i, "midi-skirt"],
  ],
  trousers: [
    [/wide/i, "wide-leg-trousers"],
    [/chino/i, "chinos"],
    [/cargo/i, "cargo-trousers"],
    [/pleat/i, "pleated-trousers"],
    [/tailor|trouser/i, "tailored-trousers"],
  ],
  jeans: [
    [/slim|skinny/i, "slim-jeans"],
    [/wide/i, "wide-leg-jeans"],
    [/boot|flare/i, "bootcut-jeans"],
    [/relaxed|loose/i, "relaxed-jeans"],
    [/straight|jean/i, "straight-jeans"],
  ],
  coat: [
    [/trench/i, "trench-coat"],
    [/puffer|down/i, "puffer-jacket"],
    [/denim/i, "denim-jacket"],
    [/blazer/i, "blazer"],
    [/parka|anorak/i, "parka"],
    [/coat/i, "wool-coat"],
  ],
  shoe: [
    [/sneaker|trainer/i, "sneakers"],
    [/loafer/i, "loafers"],
    [/boot/i, "chelsea-boots"],
    [/ballet|flat/i, "ballet-flats"],
    [/derby|oxford|brogue/i, "derby-shoes"],
    [/sandal/i, "sandals"],
  ],
  bag: [
    [/tote/i, "tote-bag"],
    [/crossbody|cross-body/i, "crossbody-bag"],
    [/backpack|rucksack/i, "backpack"],
    [/clutch/i, "clutch"],
    [/shoulder|bag/i, "shoulder-bag"],
  ],
  accessory: [
    [/silk square|bandana/i, "silk-square"],
    [/scarf/i, "scarf"],
    [/beanie/i, "beanie"],
    [/belt/i, "belt"],
    [/cap\b|hat/i, "cap"],
  ],
}

/** The form a product's name asks for; without a name (or an unknown noun), the shape's first form. */
export function garmentFormFor(shape: GarmentShape, title?: string): GarmentForm {
  if (title) for (const [words, form] of FORM_WORDS[shape]) if (words.test(title)) return form
  return GARMENT_FORMS[shape][0]
}

export type Sleeves = "none" | "cap" | "short" | "elbow" | "long"

/** What a render shows, for tests and captions: its form and, for tops, its sleeves. */
export type GarmentDrawing = { form: GarmentForm; sleeves?: Sleeves; silhouette: string; front: string; back: string; patternScale: number }

type P = readonly [number, number]
/** A path node; `c` is the quadratic control point of the segment that arrives at `p`. */
type Node = { p: P; c?: P }

const n = (x: number, y: number, c?: P): Node => ({ p: [x, y], c })
const num = (v: number) => String(Math.round(v))
const mirrorX = (p: P): P => [IMAGE_WIDTH - p[0], p[1]]

/** Absolute M/L/Q/Z only: the training script reads the silhouette's extent from its numbers in pairs. */
function pathOf(nodes: Node[]): string {
  return (
    nodes
      .map((node, i) =>
        i === 0
          ? `M${num(node.p[0])} ${num(node.p[1])}`
          : node.c
            ? `Q${num(node.c[0])} ${num(node.c[1])} ${num(node.p[0])} ${num(node.p[1])}`
            : `L${num(node.p[0])} ${num(node.p[1])}`
      )
      .join(" ") + " Z"
  )
}

/** A garment symmetric about x = 400, from its right half (centre top, clockwise, to centre bottom). */
function symmetric(right: Node[]): string {
  const left: Node[] = []
  for (let i = right.length - 1; i > 0; i--) left.push({ p: mirrorX(right[i - 1].p), c: right[i].c && mirrorX(right[i].c!) })
  return pathOf([...right, ...left])
}

/** A closed quadratic approximation of an ellipse (absolute coordinates only). */
function ellipse(cx: number, cy: number, rx: number, ry: number): string {
  return pathOf([
    n(cx + rx, cy),
    n(cx, cy + ry, [cx + rx, cy + ry]),
    n(cx - rx, cy, [cx - rx, cy + ry]),
    n(cx, cy - ry, [cx - rx, cy - ry]),
    n(cx + rx, cy, [cx + rx, cy - ry]),
  ])
}

const rect = (x: number, y: number, w: number, h: number) =>
  `M${num(x)} ${num(y)} L${num(x + w)} ${num(y)} L${num(x + w)} ${num(y + h)} L${num(x)} ${num(y + h)} Z`
/** A ring-shaped handle or strap from (x1, y) over `top` to (x2, y), `t` thick. */
const handle = (x1: number, x2: number, y: number, top: number, t: number) =>
  `M${num(x1)} ${num(y)} Q${num(x1)} ${num(top)} ${num((x1 + x2) / 2)} ${num(top)} Q${num(x2)} ${num(top)} ${num(x2)} ${num(y)} L${num(x2 - t)} ${num(y)} Q${num(x2 - t)} ${num(top + t)} ${num((x1 + x2) / 2)} ${num(top + t)} Q${num(x1 + t)} ${num(top + t)} ${num(x1 + t)} ${num(y)} Z`

// Detail strokes (drawn in the accent colour).
const line = (x1: number, y1: number, x2: number, y2: number) => `M${num(x1)} ${num(y1)} L${num(x2)} ${num(y2)}`
const curve = (x1: number, y1: number, cx: number, cy: number, x2: number, y2: number) =>
  `M${num(x1)} ${num(y1)} Q${num(cx)} ${num(cy)} ${num(x2)} ${num(y2)}`
const dot = (x: number, y: number, r = 7) => `M${num(x - r)} ${num(y)} a${r} ${r} 0 1 0 ${2 * r} 0 a${r} ${r} 0 1 0 ${-2 * r} 0`
const buttons = (x: number, y0: number, y1: number, count: number) =>
  Array.from({ length: count }, (_, i) => dot(x, y0 + ((y1 - y0) * i) / Math.max(1, count - 1))).join(" ")
const both = (make: (side: 1 | -1) => string) => `${make(1)} ${make(-1)}`
/** x on the right (side 1) or mirrored onto the left (side −1) of the centre line. */
const sx = (side: 1 | -1, dx: number) => 400 + side * dx

/** Per-product cut: the same product always draws the same, two products rarely alike. */
type Cut = {
  /** Uniform draws in [0, 1), one per decision. */
  u: (i: number) => number
  pick: <T>(i: number, items: readonly T[]) => T
  /** Width and length factors from the name (Oversized, Cropped, Fitted…) and the hash. */
  wide: number
  long: number
}

function hashText(text: string): number {
  let h = 0x811c9dc5
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193)
  return h >>> 0
}

function cutFor(title: string, seed: number): Cut {
  const rand = createRandom(hashText(title) ^ Math.imul(seed + 1, 0x9e3779b1))
  const draws = Array.from({ length: 16 }, () => rand.next())
  const u = (i: number) => draws[i % draws.length]
  const wideWords = /oversized|boxy|relaxed|easy/i.test(title) ? 0.1 : /fitted|structured|slim/i.test(title) ? -0.08 : 0
  const longWords = /cropped/i.test(title) ? -0.22 : 0
  return {
    u,
    pick: (i, items) => items[Math.floor(u(i) * items.length)],
    wide: 1 + wideWords + (u(0) - 0.5) * 0.14,
    long: 1 + longWords + (u(1) - 0.5) * 0.14,
  }
}

type Neck = "crew" | "scoop" | "v" | "boat"

/** A top, knit, shirt, coat or dress body: neckline, shoulders, sleeves, then the hem. */
function upperBody(o: {
  neck: Neck
  neckW: number
  neckDepth: number
  shoulderW: number
  bodyW: number
  hemY: number
  sleeves: Sleeves
  /** Strap width for sleeveless forms. */
  strap?: number
  flare?: number
  curvedHem?: number
  waist?: { y: number; w: number }
  /** Extra nodes inserted below the armpit (down the side seam), before the hem. */
  side?: Node[]
  /** Replaces the neckline with nodes from the centre top (hood, roll neck). */
  top?: Node[]
  sleeveWidth?: number
}): Node[] {
  const { neckW, neckDepth, shoulderW: sw, bodyW: bw, hemY } = o
  const nodes: Node[] = []
  if (o.top) nodes.push(...o.top)
  else {
    nodes.push(n(400, 165 + neckDepth))
    nodes.push(o.neck === "v" ? n(400 + neckW, 160) : n(400 + neckW, 160, [400 + neckW * (o.neck === "boat" ? 0.3 : 0.85), 165 + neckDepth]))
  }
  const sleeveW = o.sleeveWidth ?? 1
  switch (o.sleeves) {
    case "none": {
      const strapOuter = 400 + neckW + (o.strap ?? 40)
      nodes.push(n(strapOuter, 162), n(400 + bw, 370, [strapOuter + 5, 350]))
      break
    }
    case "cap":
      nodes.push(n(400 + sw, 188), n(400 + sw + 45, 265, [400 + sw + 40, 205]), n(400 + bw, 320))
      break
    case "short":
      nodes.push(n(400 + sw, 188), n(400 + sw + 125, 315), n(400 + sw + 75 - 20 * (sleeveW - 1), 375 + 20 * (sleeveW - 1)), n(400 + bw, 335))
      break
    case "elbow":
      nodes.push(n(400 + sw, 188), n(400 + sw + 140, 480), n(400 + sw + 80 - 30 * (sleeveW - 1), 500), n(400 + bw, 340))
      break
    case "long":
      nodes.push(n(400 + sw, 188), n(400 + sw + 105 + 20 * (sleeveW - 1), 725), n(400 + sw + 40 - 30 * (sleeveW - 1), 735), n(400 + bw, 350))
      break
  }
  if (o.waist) nodes.push(n(400 + o.waist.w, o.waist.y, [400 + bw, (o.waist.y + 350) / 2]))
  if (o.side) nodes.push(...o.side)
  const hemX = 400 + bw + (o.flare ?? 0)
  nodes.push(o.waist && (o.flare ?? 0) > 0 ? n(hemX, hemY, [hemX - (o.flare ?? 0) * 0.5, (hemY + o.waist.y) / 2]) : n(hemX, hemY))
  nodes.push(o.curvedHem ? n(400, hemY + o.curvedHem, [400 + (hemX - 400) * 0.6, hemY + o.curvedHem]) : n(400, hemY))
  return nodes
}

/** A pocket outline with an optional flap, centred at (x, y). */
const pocket = (x: number, y: number, w: number, h: number, flap: boolean) =>
  `${rect(x - w / 2, y, w, h)}${flap ? ` M${num(x - w / 2 - 4)} ${num(y - 6)} L${num(x + w / 2 + 4)} ${num(y - 6)} L${num(x + w / 2)} ${num(y + h * 0.35)} L${num(x - w / 2)} ${num(y + h * 0.35)} Z` : ""}`

/** Ribbing: short vertical strokes along a band. */
const rib = (x0: number, x1: number, y0: number, y1: number, step = 22) =>
  Array.from({ length: Math.max(1, Math.floor((x1 - x0) / step)) }, (_, i) => line(x0 + step * (i + 0.5), y0, x0 + step * (i + 0.5), y1)).join(" ")

function drawTop(form: GarmentForm, c: Cut): GarmentDrawing {
  const bw = 150 * c.wide
  const sw = bw + 5 * c.u(2)
  const hemY = 300 + 520 * c.long
  const neck = c.pick(3, ["crew", "scoop", "v", "boat"] as const)
  const neckW = 50 + 25 * c.u(4)
  const neckDepth = neck === "crew" ? 35 : neck === "scoop" ? 90 : neck === "v" ? 120 : 15
  const curvedHem = c.u(5) < 0.4 ? 25 : 0
  let sleeves: Sleeves = form === "long-sleeve-top" ? "long" : c.u(6) < 0.5 ? "short" : "cap"
  let silhouette: string
  const front: string[] = []
  if (form === "tank-top" || form === "camisole") {
    sleeves = "none"
    const cami = form === "camisole"
    silhouette = symmetric(
      upperBody({
        neck: cami ? "v" : neck,
        neckW: cami ? 70 : neckW,
        neckDepth: cami ? 150 : neckDepth + 30,
        shoulderW: sw,
        bodyW: bw,
        hemY,
        sleeves,
        strap: cami ? 12 : 35 + 25 * c.u(7),
        curvedHem,
        flare: cami ? 20 : 0,
      })
    )
    if (cami) front.push(curve(300, 330, 400, 360, 500, 330))
    else front.push(both((s) => curve(sx(s, neckW + 40), 170, sx(s, neckW + 45), 350, sx(s, bw), 372)))
  } else if (form === "bodysuit") {
    const legY = 640 + 100 * c.u(10)
    const side = [n(400 + bw - 25, legY - 100, [400 + bw, 470]), n(400 + bw - 10, legY)]
    silhouette = symmetric([
      ...upperBody({ neck, neckW, neckDepth, shoulderW: sw, bodyW: bw, hemY: legY, sleeves, side }).slice(0, -2),
      n(400 + bw - 10, legY),
      n(435, legY + 145, [450, legY + 60]),
      n(400, legY + 145),
    ])
    front.push(both((s) => curve(sx(s, bw - 10), legY, sx(s, 55), legY + 70, sx(s, 35), legY + 145)))
  } else {
    silhouette = symmetric(upperBody({ neck, neckW, neckDepth, shoulderW: sw, bodyW: bw, hemY, sleeves, curvedHem }))
    if (c.u(7) < 0.5) front.push(pocket(470, 330, 60, 70, false))
  }
  if (neck !== "boat" && form !== "camisole") front.push(curve(400 - neckW, 160, 400, 165 + neckDepth + 20, 400 + neckW, 160))
  if (c.u(8) < 0.5) front.push(line(400 - bw + 10, hemY - 30, 400 + bw - 10, hemY - 30))
  return {
    form,
    sleeves,
    silhouette,
    front: front.join(" "),
    back: curve(400 - neckW, 175, 400, 195, 400 + neckW, 175),
    patternScale: 0.7 + c.u(9) * 0.8,
  }
}

function drawShirt(form: GarmentForm, c: Cut): GarmentDrawing {
  const boxy = form === "overshirt"
  const bw = (boxy ? 165 : 150) * c.wide
  const hemY = (boxy ? 770 : 830) * (0.9 + 0.1 * c.long)
  const sleeves: Sleeves =
    form === "camp-collar-shirt" ? "short" : form === "blouse" ? c.pick(2, ["elbow", "long"] as const) : c.u(2) < 0.2 ? "elbow" : "long"
  const curved = boxy ? 0 : form === "camp-collar-shirt" ? 0 : 30
  const blouse = form === "blouse"
  const silhouette = symmetric(
    upperBody({
      neck: blouse ? c.pick(3, ["v", "scoop", "crew"] as const) : "crew",
      neckW: 55,
      neckDepth: blouse ? 70 : 40,
      shoulderW: bw + 5,
      bodyW: bw,
      hemY,
      sleeves,
      curvedHem: curved,
      sleeveWidth: blouse ? 1.6 : 1,
    })
  )
  const front: string[] = []
  if (!blouse) {
    // Collar points and the button placket.
    const spread = form === "camp-collar-shirt" ? 70 : 35 + 25 * c.u(4)
    front.push(both((s) => `M${num(sx(s, 55))} 160 L${num(sx(s, spread))} ${num(form === "camp-collar-shirt" ? 300 : 245)} L400 205`))
    const count = 4 + Math.floor(c.u(5) * 4)
    front.push(line(400, 205, 400, hemY + curved - 10), buttons(400, 240, hemY - 60, count))
  } else {
    front.push(c.u(4) < 0.5 ? `M360 180 Q400 270 440 180 M400 235 L370 330 M400 235 L430 330` : rib(340, 460, 160, 205, 12))
    front.push(
      both((s) =>
        curve(
          sx(s, bw + 70),
          sleeves === "long" ? 690 : 470,
          sx(s, bw + 55),
          sleeves === "long" ? 650 : 440,
          sx(s, bw + 10),
          sleeves === "long" ? 700 : 480
        )
      )
    )
  }
  if (boxy) front.push(pocket(320, 330, 90, 100, true), pocket(480, 330, 90, 100, true))
  else if (!blouse && c.u(6) < 0.6) front.push(pocket(470, 320, 70, 80, c.u(7) < 0.5))
  if (sleeves === "long") front.push(both((s) => line(sx(s, bw + 5 + 100), 690, sx(s, bw + 5 + 45), 698)))
  return {
    form,
    sleeves,
    silhouette,
    front: front.join(" "),
    back: `M${num(400 - bw)} 260 Q400 300 ${num(400 + bw)} 260 M400 300 L400 360`,
    patternScale: 0.6 + c.u(9) * 0.8,
  }
}

function drawKnit(form: GarmentForm, c: Cut): GarmentDrawing {
  const bw = 160 * c.wide
  const hemY = 300 + 510 * c.long
  const front: string[] = []
  let silhouette: string
  let sleeves: Sleeves = "long"
  const sleeveWidth = 1 + 0.4 * c.u(2)
  if (form === "knitted-vest") {
    sleeves = "none"
    const neckDepth = 140 + 60 * c.u(3)
    silhouette = symmetric(upperBody({ neck: "v", neckW: 60, neckDepth, shoulderW: bw, bodyW: bw - 5, hemY, sleeves, strap: 45 + 25 * c.u(4) }))
    front.push(
      `M340 160 L400 ${num(165 + neckDepth + 25)} L460 160`,
      both((s) => curve(sx(s, 110), 175, sx(s, 120), 350, sx(s, bw - 25), 372))
    )
  } else if (form === "roll-neck-sweater") {
    const top = [n(400, 80), n(445, 80), n(445, 165)]
    silhouette = symmetric(upperBody({ neck: "crew", neckW: 45, neckDepth: 0, top, shoulderW: bw + 5, bodyW: bw, hemY, sleeves, sleeveWidth }))
    front.push(line(355, 125, 445, 125), rib(355, 445, 85, 160, 15))
  } else if (form === "cardigan") {
    const neckDepth = 200 + 60 * c.u(3)
    silhouette = symmetric(upperBody({ neck: "v", neckW: 55, neckDepth, shoulderW: bw + 5, bodyW: bw, hemY, sleeves, sleeveWidth }))
    front.push(line(400, 165 + neckDepth, 400, hemY), buttons(420, 165 + neckDepth + 20, hemY - 60, 3 + Math.floor(c.u(4) * 4)))
    if (c.u(5) < 0.6) front.push(pocket(310, hemY - 190, 80, 80, false), pocket(490, hemY - 190, 80, 80, false))
  } else {
    silhouette = symmetric(upperBody({ neck: "crew", neckW: 55, neckDepth: 40, shoulderW: bw + 5, bodyW: bw, hemY, sleeves, sleeveWidth }))
    front.push(curve(345, 165, 400, 225, 455, 165))
    if (form === "cable-knit") {
      for (const x of [300, 400, 500].map((x) => x + (c.u(3) - 0.5) * 20))
        for (let y = 240; y < hemY - 60; y += 60)
          front.push(
            `M${num(x - 20)} ${y} Q${num(x + 20)} ${y + 30} ${num(x - 20)} ${y + 60} M${num(x + 20)} ${y} Q${num(x - 20)} ${y + 30} ${num(x + 20)} ${y + 60}`
          )
    } else if (c.u(4) < 0.5) front.push(line(400 - bw + 20, 420, 400 + bw - 20, 420), line(400 - bw + 20, 450, 400 + bw - 20, 450))
  }
  front.push(rib(400 - bw + 5, 400 + bw - 5, hemY - 45, hemY - 5))
  return { form, sleeves, silhouette, front: front.join(" "), back: line(400 - bw, hemY - 60, 400 + bw, hemY - 60), patternScale: 0.6 + c.u(9) * 0.8 }
}

function drawDress(form: GarmentForm, c: Cut): GarmentDrawing {
  const bw = 110 * (0.95 + 0.1 * c.u(2))
  const waistY = 420 + 30 * c.u(3)
  const front: string[] = []
  let sleeves: Sleeves = c.pick(4, ["none", "cap", "short", "elbow"] as const)
  const neck = c.pick(5, ["crew", "scoop", "v", "boat"] as const)
  const neckW = 45 + 20 * c.u(6)
  let o: Parameters<typeof upperBody>[0]
  switch (form) {
    case "slip-dress":
      sleeves = "none"
      o = {
        neck: "scoop",
        neckW: 65,
        neckDepth: 95,
        shoulderW: bw,
        bodyW: bw - 5,
        hemY: 820 + 80 * c.u(7),
        sleeves,
        strap: 8,
        flare: 50 + 40 * c.u(8) * c.wide,
      }
      front.push(curve(330, 250, 400, 300, 470, 250))
      break
    case "wrap-dress":
      sleeves = c.pick(4, ["cap", "short", "elbow", "long"] as const)
      o = {
        neck: "v",
        neckW: 55,
        neckDepth: 230,
        shoulderW: bw + 10,
        bodyW: bw,
        hemY: 740 + 80 * c.u(7),
        sleeves,
        waist: { y: waistY, w: 80 },
        flare: 160 * c.wide,
      }
      front.push(
        `M345 160 L${num(470)} ${num(waistY)} L${num(520 + 60 * c.u(8))} ${num(740 + 60 * c.u(7))}`,
        line(320, waistY, 480, waistY),
        `M480 ${num(waistY)} L520 ${num(waistY + 140)} M480 ${num(waistY)} L545 ${num(waistY + 110)}`
      )
      break
    case "shirt-dress":
      sleeves = c.pick(4, ["short", "elbow", "long"] as const)
      o = {
        neck: "crew",
        neckW: 50,
        neckDepth: 40,
        shoulderW: bw + 15,
        bodyW: bw + 5,
        hemY: 760 + 60 * c.u(7),
        sleeves,
        waist: { y: waistY, w: 95 },
        flare: 110 * c.wide,
      }
      front.push(
        both((s) => `M${num(sx(s, 50))} 160 L${num(sx(s, 40))} 240 L400 205`),
        line(400, 205, 400, 740),
        buttons(400, 240, 700, 5 + Math.floor(c.u(8) * 3)),
        rect(300, waistY - 14, 200, 28)
      )
      break
    case "maxi-dress":
      o = {
        neck,
        neckW,
        neckDepth: neck === "v" ? 120 : 60,
        shoulderW: bw,
        bodyW: bw,
        hemY: 930 + 20 * c.u(7),
        sleeves,
        waist: { y: waistY, w: 85 },
        flare: 200 * c.wide,
      }
      for (const y of [600, 760]) front.push(line(400 - 120 - (y - 420) * 0.3, y + 30 * c.u(8), 400 + 120 + (y - 420) * 0.3, y + 30 * c.u(8)))
      break
    default:
      o = {
        neck,
        neckW,
        neckDepth: neck === "v" ? 110 : 55,
        shoulderW: bw,
        bodyW: bw,
        hemY: 780 + 40 * c.u(7),
        sleeves,
        waist: { y: waistY, w: 80 + 10 * c.u(8) },
        flare: 150 * c.wide,
      }
      front.push(line(320, waistY, 480, waistY))
      if (c.u(10) < 0.5) front.push(both((s) => line(sx(s, 60), waistY + 20, sx(s, 110), 760)))
  }
  return {
    form,
    sleeves,
    silhouette: symmetric(upperBody(o)),
    front: front.join(" "),
    back: line(400, 170, 400, waistY),
    patternScale: 0.6 + c.u(9) * 0.8,
  }
}

function drawSkirt(form: GarmentForm, c: Cut): GarmentDrawing {
  const waistW = 110 * c.wide
  const [hipW, hemW, hemY] =
    form === "pencil-skirt"
      ? [140, 125 + 15 * c.u(2), 760 + 60 * c.u(3)]
      : form === "midi-skirt"
        ? [150, 210, 860 + 40 * c.u(3)]
        : form === "denim-skirt"
          ? [145, 165, 560 + 80 * c.u(3)]
          : form === "pleated-skirt"
            ? [150, 250, 720 + 140 * c.u(3)]
            : [150, 230, 700 + 100 * c.u(3)]
  const silhouette = symmetric([
    n(400, 250),
    n(400 + waistW, 250),
    n(400 + hipW * c.wide, 360, [400 + hipW * c.wide, 280]),
    n(400 + hemW * c.wide, hemY),
    n(400, hemY + 15, [400 + hemW * 0.6, hemY + 15]),
  ])
  const front: string[] = [line(400 - waistW, 290, 400 + waistW, 290)]
  if (form === "pleated-skirt") {
    const pleats = 6 + Math.floor(c.u(4) * 5)
    for (let i = 1; i < pleats; i++) {
      const t = i / pleats - 0.5
      front.push(line(400 + t * 2 * waistW, 290, 400 + t * 2 * hemW * c.wide, hemY + 10))
    }
  } else if (form === "denim-skirt")
    front.push(
      line(400, 290, 400, 420),
      both((s) => curve(sx(s, 100), 300, sx(s, 60), 330, sx(s, 40), 300)),
      line(400 - hemW + 10, hemY - 20, 400 + hemW - 10, hemY - 20)
    )
  else if (form === "pencil-skirt")
    front.push(
      line(400 + 60, hemY - 130, 400 + 60, hemY),
      both((s) => line(sx(s, 60), 300, sx(s, 65), 400))
    )
  else if (form === "a-line-skirt") front.push(c.u(4) < 0.5 ? buttons(400, 320, hemY - 60, 5) : line(400, 290, 400, 400))
  else front.push(c.u(4) < 0.5 ? line(400 - hemW + 20, hemY - 60, 400 + hemW - 20, hemY - 60) : `M400 290 L380 ${num(hemY)}`)
  return { form, silhouette, front: front.join(" "), back: line(400, 250, 400, 420), patternScale: 0.6 + c.u(9) * 0.8 }
}

function drawLegs(form: GarmentForm, c: Cut): GarmentDrawing {
  const jeans = form.endsWith("jeans")
  const w = c.wide
  // Half-widths from the centre: [hip, knee outer, hem outer, hem inner, knee inner].
  const legs: Record<string, number[]> = {
    "tailored-trousers": [140, 130, 125, 25, 20],
    "wide-leg-trousers": [150, 180, 235, 15, 12],
    chinos: [140, 120, 108, 35, 22],
    "cargo-trousers": [155, 150, 130, 30, 20],
    "pleated-trousers": [150, 130, 105, 40, 22],
    "straight-jeans": [140, 125, 125, 30, 22],
    "slim-jeans": [135, 105, 88, 45, 28],
    "wide-leg-jeans": [150, 175, 225, 18, 12],
    "bootcut-jeans": [140, 110, 160, 20, 30],
    "relaxed-jeans": [155, 150, 135, 28, 15],
  }
  const legWidth = 0.9 + 0.25 * c.u(8)
  const [hip, kneeO, hemO, hemI, kneeI] = legs[form].map((v, i) => v * w * (i === 0 ? 1 : legWidth))
  const waist = 130 * w
  const hemY = 880 - (1 - c.long) * 500
  const crotchY = 390 + 20 * c.u(2)
  const gap = 6
  const silhouette = symmetric([
    n(400, 170),
    n(400 + waist, 170),
    n(400 + hip, 360, [400 + hip, 230]),
    n(400 + kneeO, 620),
    n(400 + hemO, hemY),
    n(400 + Math.max(hemI, gap + 4), hemY),
    n(400 + Math.max(kneeI, gap + 2), 620),
    n(400 + gap, crotchY),
    n(400, crotchY),
  ])
  const front: string[] = [line(400 - waist, 210, 400 + waist, 210)]
  if (jeans) {
    front.push(
      `M400 210 L400 340 M425 210 L425 320 Q425 345 400 350`,
      both((s) => curve(sx(s, waist - 20), 215, sx(s, 70), 300, sx(s, 40), 215)),
      dot(480, 240, 5)
    )
    // The finish varies per product: turned-up hems, worn knees or whiskers at the hips.
    const finish = c.pick(3, ["plain", "turn-up", "ripped", "whiskers"] as const)
    const knee = (kneeO + Math.max(kneeI, gap + 2)) / 2
    if (finish === "turn-up") front.push(both((s) => rect(Math.min(sx(s, hemO), sx(s, hemI)), hemY - 55, Math.abs(hemO - hemI), 50)))
    if (finish === "ripped")
      front.push(both((s) => [0, 1, 2].map((i) => line(sx(s, knee - 25), 590 + i * 22, sx(s, knee + 25), 594 + i * 22)).join(" ")))
    if (finish === "whiskers") front.push(both((s) => [0, 1, 2].map((i) => line(sx(s, 30), 400 + i * 30, sx(s, 110), 380 + i * 30)).join(" ")))
  } else {
    front.push(line(400, 210, 400, 340))
    if (form === "pleated-trousers") front.push(both((s) => `${line(sx(s, 60), 210, sx(s, 65), 330)} ${line(sx(s, 90), 210, sx(s, 92), 300)}`))
    else front.push(both((s) => line(sx(s, waist - 25), 215, sx(s, hip - 10), 300)))
    if (form === "tailored-trousers" || form === "wide-leg-trousers" || c.u(4) < 0.3)
      front.push(both((s) => line(sx(s, (hip + gap) / 2), 380, sx(s, (hemO + hemI) / 2), hemY - 10)))
    if (form === "cargo-trousers") front.push(both((s) => pocket(sx(s, hip - 25), 480 + 40 * c.u(5), 70, 110, true)))
    if (form === "chinos" || c.u(6) < 0.3) front.push(both((s) => line(sx(s, hemO), hemY - 40, sx(s, hemI), hemY - 40)))
  }
  return {
    form,
    silhouette,
    front: front.join(" "),
    back: both((s) => rect(sx(s, 50) - (s < 0 ? 80 : 0), 250 + 20 * c.u(7), 80, 75)),
    patternScale: 0.6 + c.u(9) * 0.8,
  }
}

function drawCoat(form: GarmentForm, c: Cut): GarmentDrawing {
  const bw = 180 * c.wide
  const front: string[] = []
  let silhouette: string
  const lapels = (depth: number) => both((s) => `M${num(sx(s, 55))} 140 L${num(sx(s, 110))} 230 L${num(sx(s, 80))} 260 L400 ${num(depth)}`)
  switch (form) {
    case "puffer-jacket": {
      const hemY = 620 + 100 * c.long
      const bands = 5 + Math.floor(c.u(2) * 3)
      const side: Node[] = []
      for (let i = 1; i <= bands; i++)
        side.push(n(400 + bw + 8, 350 + ((hemY - 350) * i) / bands, [400 + bw + 30, 350 + ((hemY - 350) * (i - 0.5)) / bands]))
      const top = [n(400, 110), n(460, 110), n(460, 170)]
      silhouette = symmetric(
        upperBody({ neck: "crew", neckW: 60, neckDepth: 0, top, shoulderW: bw, bodyW: bw, hemY, sleeves: "long", side, sleeveWidth: 1.6 })
      )
      for (let i = 1; i < bands; i++) front.push(line(400 - bw, 350 + ((hemY - 350) * i) / bands, 400 + bw, 350 + ((hemY - 350) * i) / bands))
      front.push(line(400, 110, 400, hemY), line(340, 170, 460, 170))
      break
    }
    case "denim-jacket": {
      const hemY = 620 + 80 * c.long
      silhouette = symmetric(upperBody({ neck: "crew", neckW: 60, neckDepth: 40, shoulderW: bw, bodyW: bw - 10, hemY, sleeves: "long" }))
      front.push(
        both((s) => `M${num(sx(s, 60))} 160 L${num(sx(s, 95))} 250 L400 215`),
        line(400, 215, 400, hemY),
        buttons(415, 250, hemY - 40, 4 + Math.floor(c.u(2) * 3))
      )
      front.push(
        both((s) => pocket(sx(s, 85), 300, 80, 90, true)),
        line(400 - bw + 10, hemY - 50, 400 + bw - 10, hemY - 50)
      )
      break
    }
    case "blazer": {
      const hemY = 760 + 40 * c.long
      silhouette = symmetric(
        upperBody({
          neck: "v",
          neckW: 55,
          neckDepth: 320,
          shoulderW: bw + 10,
          bodyW: bw - 20,
          hemY,
          sleeves: "long",
          waist: { y: 520, w: bw - 35 },
          flare: 15,
          curvedHem: 20,
        })
      )
      front.push(
        lapels(485),
        buttons(400, 530, c.u(2) < 0.5 ? 530 : 600, c.u(2) < 0.5 ? 1 : 2),
        both((s) => line(sx(s, 60), 640, sx(s, 140), 640)),
        line(470, 330, 530, 330)
      )
      break
    }
    case "parka": {
      const hemY = 850 + 50 * c.long
      const top = [n(400, 60), n(400 + 115, 190, [400 + 120, 60])]
      silhouette = symmetric(
        upperBody({ neck: "crew", neckW: 0, neckDepth: 0, top, shoulderW: bw, bodyW: bw, hemY, sleeves: "long", sleeveWidth: 1.3 })
      )
      front.push(
        ellipse(400, 150, 60, 75),
        line(400, 225, 400, hemY),
        line(400 - bw, 500, 400 + bw, 500),
        both((s) => pocket(sx(s, 95), 600, 110, 120, true))
      )
      break
    }
    default: {
      const trench = form === "trench-coat"
      const hemY = 850 + 60 * c.long
      silhouette = symmetric(
        upperBody({
          neck: "v",
          neckW: 55,
          neckDepth: trench ? 240 : 280,
          shoulderW: bw,
          bodyW: bw - 10,
          hemY,
          sleeves: "long",
          flare: 30 + 30 * c.u(2),
        })
      )
      front.push(lapels(trench ? 405 : 445))
      if (trench) {
        const rows = 3 + Math.floor(c.u(3) * 2)
        front.push(
          buttons(350, 440, 620, rows),
          buttons(450, 440, 620, rows),
          rect(400 - bw + 5, 540, 2 * bw - 10, 30),
          both((s) => line(sx(s, bw - 30), 200, sx(s, bw + 10), 195))
        )
      } else {
        front.push(
          line(400, 445, 400, hemY),
          buttons(420, 480, 720, 2 + Math.floor(c.u(3) * 3)),
          both((s) => line(sx(s, 60), 650, sx(s, 150), 650))
        )
      }
    }
  }
  return {
    form,
    sleeves: "long",
    silhouette,
    front: front.join(" "),
    back: `M${num(400 - bw)} 360 Q400 400 ${num(400 + bw)} 360 M400 400 L400 900`,
    patternScale: 0.6 + c.u(9) * 0.8,
  }
}

function drawShoe(form: GarmentForm, c: Cut): GarmentDrawing {
  const s = 0.95 + 0.1 * c.u(2)
  const toe = 30 * (c.u(3) - 0.5)
  const heel = 15 + 30 * c.u(4)
  const X = (x: number) => 400 + (x - 400) * s
  const Y = (y: number) => 740 - (740 - y) * s
  const front: string[] = []
  let nodes: Node[]
  let extra = ""
  switch (form) {
    case "chelsea-boots":
      nodes = [
        n(180, 740),
        n(195, 300),
        n(215, 300),
        n(215, 250),
        n(265, 250),
        n(265, 300),
        n(410, 300),
        n(440, 540, [405, 470]),
        n(650 + toe, 650, [560, 570]),
        n(690 + toe, 715, [695 + toe, 665]),
        n(665 + toe, 740),
      ]
      front.push(`M330 ${num(310)} Q310 430 370 530 Q420 430 400 310`, line(180, 715 - heel * 0.4, 690 + toe, 715 - heel * 0.4))
      break
    case "sneakers":
      nodes = [
        n(140, 735),
        n(150, 560, [125, 650]),
        n(265, 540, [200, 515]),
        n(360, 470),
        n(470, 555),
        n(620 + toe, 600, [555, 570]),
        n(700 + toe, 680, [695 + toe, 610]),
        n(675 + toe, 735, [710 + toe, 730]),
      ]
      front.push(
        line(140, 685, 700 + toe, 685),
        ...Array.from({ length: 3 + Math.floor(c.u(5) * 3) }, (_, i) => line(360 + i * 25, 490 + i * 19, 330 + i * 25, 520 + i * 19))
      )
      if (c.u(6) < 0.6) front.push(curve(250, 640, 400, 560, 560, 650))
      break
    case "loafers":
      nodes = [
        n(160, 720 - heel),
        n(170, 600),
        n(330, 600, [250, 625]),
        n(460, 565),
        n(650 + toe, 640, [610, 580]),
        n(690 + toe, 700, [705 + toe, 660]),
        n(640 + toe, 735),
        n(280, 735),
        n(260, 740),
        n(170, 740),
      ]
      front.push(curve(420, 575, 470, 620, 560, 590), rect(440, 590, 70, 22), line(170, 720 - heel, 290, 720 - heel))
      break
    case "ballet-flats":
      nodes = [
        n(170, 735),
        n(180, 660),
        n(360, 670, [260, 700]),
        n(500, 650),
        n(665 + toe, 690, [630, 640]),
        n(680 + toe, 730, [705 + toe, 715]),
        n(640 + toe, 742),
      ]
      front.push(`M520 655 L490 630 L490 680 Z M520 655 L550 630 L550 680 Z`, curve(180, 660, 400, 740, 560, 660))
      break
    case "derby-shoes":
      nodes = [
        n(160, 715 - heel),
        n(165, 560),
        n(300, 545, [220, 520]),
        n(400, 500),
        n(500, 570),
        n(660 + toe, 630, [600, 585]),
        n(705 + toe, 700, [715 + toe, 650]),
        n(660 + toe, 735),
        n(300, 735),
        n(285, 742),
        n(165, 742),
      ]
      front.push(
        line(300, 545, 480, 590),
        ...Array.from({ length: 3 + Math.floor(c.u(5) * 2) }, (_, i) => dot(330 + i * 35, 540 + i * 12, 5)),
        line(165, 715 - heel, 300, 715 - heel)
      )
      break
    default: {
      // Sandals: a sole with straps over the foot; the straps are separate bands of the outline.
      nodes = [n(150, 720), n(690 + toe, 705, [420, 690]), n(700 + toe, 735, [715 + toe, 715]), n(150, 745)]
      const strapT = 22 + 14 * c.u(5)
      extra = ` M${num(X(220))} ${num(Y(705))} Q${num(X(230))} ${num(Y(520))} ${num(X(320))} ${num(Y(520))} L${num(X(320))} ${num(Y(520 + strapT))} Q${num(X(250))} ${num(Y(540))} ${num(X(245))} ${num(Y(705))} Z`
      extra += ` M${num(X(480))} ${num(Y(700))} Q${num(X(530))} ${num(Y(590))} ${num(X(600 + toe))} ${num(Y(695))} L${num(X(575 + toe))} ${num(Y(695))} Q${num(X(530))} ${num(Y(590 + strapT * 2))} ${num(X(505))} ${num(Y(698))} Z`
      if (c.u(6) < 0.6)
        extra += ` M${num(X(360))} ${num(Y(700))} Q${num(X(400))} ${num(Y(600))} ${num(X(450))} ${num(Y(700))} L${num(X(430))} ${num(Y(700))} Q${num(X(400))} ${num(Y(630))} ${num(X(380))} ${num(Y(700))} Z`
      front.push(line(160, 730, 690 + toe, 720), dot(315, 530, 6))
    }
  }
  const scaled = nodes.map((node) => ({ p: [X(node.p[0]), Y(node.p[1])] as P, c: node.c && ([X(node.c[0]), Y(node.c[1])] as P) }))
  return { form, silhouette: pathOf(scaled) + extra, front: front.join(" "), back: line(200, 600, 200, 720), patternScale: 0.5 + c.u(9) * 0.6 }
}

function drawBag(form: GarmentForm, c: Cut): GarmentDrawing {
  const w = c.wide
  const front: string[] = []
  let silhouette: string
  switch (form) {
    case "crossbody-bag": {
      const [x0, x1, y0, y1] = [400 - 130 * w, 400 + 130 * w, 560, 560 + 190 * c.long]
      silhouette = `${pathOf([n(x0, y0 + 30), n(x0 + 30, y0, [x0, y0]), n(x1 - 30, y0), n(x1, y0 + 30, [x1, y0]), n(x1, y1), n(x0, y1)])} ${handle(x0 + 20, x1 - 20, y0, 140 + 60 * c.u(2), 14)}`
      front.push(
        `M${num(x0)} ${num(y0 + 40)} L${num(x1)} ${num(y0 + 40)} L${num(x1)} ${num(y0 + 110)} Q400 ${num(y0 + 140)} ${num(x0)} ${num(y0 + 110)} Z`,
        dot(400, y0 + 120, 9)
      )
      break
    }
    case "shoulder-bag": {
      const [x0, x1, y0] = [400 - 210 * w, 400 + 210 * w, 520]
      silhouette = `${pathOf([n(x0 + 40, y0), n(x1 - 40, y0), n(x1, y0 + 150 * c.long, [x1 + 10, y0]), n(x0, y0 + 150 * c.long, [400, y0 + 260 * c.long])])} ${handle(x0 + 60, x1 - 60, y0, 300 + 60 * c.u(2), 24)}`
      front.push(curve(x0 + 30, y0 + 40, 400, y0 + 110, x1 - 30, y0 + 40), rect(385, y0 + 70, 30, 30))
      break
    }
    case "backpack": {
      const [x0, x1, y0, y1] = [400 - 160 * w, 400 + 160 * w, 270, 780 + 60 * c.long]
      silhouette = `${pathOf([n(400, y0), n(x1, y0 + 150, [x1, y0]), n(x1 + 10, y1), n(x0 - 10, y1), n(x0, y0 + 150), n(400, y0, [x0, y0])])} ${handle(350, 450, y0 + 2, y0 - 70, 16)}`
      front.push(
        rect(400 - 110 * w, y1 - 260, 220 * w, 190),
        line(400 - 110 * w, y1 - 200, 400 + 110 * w, y1 - 200),
        curve(x0 + 30, y0 + 140, 400, y0 + 60, x1 - 30, y0 + 140)
      )
      if (c.u(3) < 0.5) front.push(both((s) => line(sx(s, 160 * w - 25), y0 + 130, sx(s, 160 * w - 25), y1 - 20)))
      break
    }
    case "clutch": {
      const [x0, x1, y0, y1] = [400 - 230 * w, 400 + 230 * w, 470, 470 + 230 * c.long]
      silhouette = rect(x0, y0, x1 - x0, y1 - y0)
      front.push(
        `M${num(x0)} ${num(y0)} L400 ${num(y0 + 130 * c.long)} L${num(x1)} ${num(y0)}`,
        c.u(2) < 0.5 ? dot(400, y0 + 120 * c.long, 10) : line(x0 + 20, y1 - 30, x1 - 20, y1 - 30)
      )
      break
    }
    default: {
      const [x0, x1, y0, y1] = [400 - 185 * w, 400 + 185 * w, 430, 830 + 20 * c.long]
      const top = 180 + 90 * c.u(2)
      silhouette = `${pathOf([n(x0, y0), n(x1, y0), n(x1 + 30, y1), n(x0 - 30, y1)])} ${handle(x0 + 60, x0 + 150, y0, top, 18)} ${handle(x1 - 150, x1 - 60, y0, top, 18)}`
      front.push(line(x0, y0 + 60, x1, y0 + 60))
      if (c.u(3) < 0.5) front.push(rect(330, y0 + 140, 140, 120))
    }
  }
  return { form, silhouette, front: front.join(" "), back: line(260, 760, 540, 760), patternScale: 0.5 + c.u(9) * 0.6 }
}

function drawAccessory(form: GarmentForm, c: Cut): GarmentDrawing {
  const front: string[] = []
  let silhouette: string
  switch (form) {
    case "beanie": {
      const cuff = 70 + 50 * c.u(2)
      const top = 280 + 60 * c.u(3)
      const half = 185 * c.wide
      silhouette = pathOf([
        n(400 - half, 640),
        n(400, top, [400 - half, top]),
        n(400 + half, 640, [400 + half, top]),
        n(410 + half, 640 + cuff),
        n(390 - half, 640 + cuff),
      ])
      if (c.u(4) < 0.6) silhouette += ` ${ellipse(400, top - 45, 45 + 30 * c.u(8), 40 + 30 * c.u(8))}`
      front.push(line(215, 640, 585, 640), rib(215, 585, 650, 630 + cuff, 16 + 16 * c.u(5)))
      if (c.u(6) < 0.5) front.push(line(240, 520 - 60 * c.u(7), 560, 520 - 60 * c.u(7)), line(235, 545 - 60 * c.u(7), 565, 545 - 60 * c.u(7)))
      break
    }
    case "belt": {
      // Buckled into a loop, as belts are shown: a ring with the buckle at the front.
      const h = 45 + 45 * c.u(2)
      const rx = 230 + 70 * c.u(3)
      const ry = 120 + 90 * c.u(4)
      silhouette = `${ellipse(400, 500, rx, ry)} ${ellipse(400, 500, rx - h, ry - h)}`
      const bw = 50 + 40 * c.u(5)
      front.push(rect(400 - bw / 2, 500 + ry - h - 15, bw, h + 30), line(400 - bw / 2 + 12, 500 + ry - h / 2, 400 + bw / 2 - 12, 500 + ry - h / 2))
      front.push(...Array.from({ length: 3 + Math.floor(c.u(6) * 3) }, (_, i) => dot(400 + bw / 2 + 40 + i * 40, 500 + ry - h / 2 - i * 8, 6)))
      break
    }
    case "cap": {
      const brim = 110 + 70 * c.u(2)
      silhouette = pathOf([
        n(230, 600),
        n(430, 320, [230, 320]),
        n(620, 600, [620, 320]),
        n(620 + brim, 640, [620 + brim * 0.7, 600]),
        n(600 + brim * 0.6, 680, [640 + brim, 690]),
        n(230, 660),
      ])
      front.push(line(430, 320, 430, 600), curve(330, 345, 320, 450, 330, 600), dot(430, 322, 12), line(230, 600, 620, 600))
      break
    }
    case "silk-square": {
      const r = 300 + 40 * c.u(2)
      silhouette = pathOf([n(400, 500 - r), n(400 + r, 500), n(400, 500 + r), n(400 - r, 500)])
      const i = r - 50 - 30 * c.u(3)
      front.push(
        pathOf([n(400, 500 - i), n(400 + i, 500), n(400, 500 + i), n(400 - i, 500)]),
        c.u(4) < 0.5
          ? ellipse(400, 500, i * 0.4, i * 0.4)
          : `${line(400 - i / 2, 500 - i / 2, 400 + i / 2, 500 + i / 2)} ${line(400 + i / 2, 500 - i / 2, 400 - i / 2, 500 + i / 2)}`
      )
      break
    }
    default: {
      // A scarf hung over a rail: the loop and two tails of different lengths.
      const wTail = 70 + 30 * c.u(2)
      const l1 = 760 + 80 * c.u(3)
      const l2 = l1 - 40 - 80 * c.u(4)
      silhouette = `${pathOf([n(180, 300), n(620, 300, [400, 220]), n(640, 380), n(160, 380, [400, 320])])} ${rect(300, 380, wTail, l1 - 380)} ${rect(500 - wTail / 2, 380, wTail, l2 - 380)}`
      const fringe = (x: number, y: number, w: number) =>
        Array.from({ length: 6 }, (_, k) => line(x + (w * (k + 0.5)) / 6, y, x + (w * (k + 0.5)) / 6, y + 30)).join(" ")
      front.push(fringe(300, l1, wTail), fringe(500 - wTail / 2, l2, wTail), line(300, l1 - 60, 300 + wTail, l1 - 60))
    }
  }
  return { form, silhouette, front: front.join(" "), back: line(300, 820, 500, 820), patternScale: 0.5 + c.u(9) * 0.6 }
}

const DRAWERS: Record<GarmentShape, (form: GarmentForm, cut: Cut) => GarmentDrawing> = {
  tee: drawTop,
  shirt: drawShirt,
  knit: drawKnit,
  dress: drawDress,
  skirt: drawSkirt,
  trousers: drawLegs,
  jeans: drawLegs,
  coat: drawCoat,
  shoe: drawShoe,
  bag: drawBag,
  accessory: drawAccessory,
}

/** The drawing for a product: its form (from its name unless `form` says otherwise) and its per-product cut. */
export function garmentDrawing(spec: Pick<GarmentImageSpec, "shape" | "title" | "form" | "variationSeed">): GarmentDrawing {
  const form = spec.form ?? garmentFormFor(spec.shape, spec.title)
  if (!(GARMENT_FORMS[spec.shape] as readonly string[]).includes(form)) throw new Error(`render-garment: ${form} is not a ${spec.shape} form`)
  return DRAWERS[spec.shape](form, cutFor(spec.title ?? spec.shape, spec.variationSeed))
}

function patternDefs(id: string, pattern: Pattern, base: string, accent: string, scale: number): string {
  const s = (v: number) => Math.max(2, Math.round(v * scale))
  switch (pattern) {
    case "striped":
      return `<pattern id="${id}" width="${s(40)}" height="${s(40)}" patternUnits="userSpaceOnUse"><rect width="${s(40)}" height="${s(40)}" fill="${base}"/><rect width="${s(40)}" height="${s(14)}" fill="${accent}"/></pattern>`
    case "checked":
      return `<pattern id="${id}" width="${s(60)}" height="${s(60)}" patternUnits="userSpaceOnUse"><rect width="${s(60)}" height="${s(60)}" fill="${base}"/><rect width="${s(60)}" height="${s(20)}" fill="${accent}" opacity="0.55"/><rect width="${s(20)}" height="${s(60)}" fill="${accent}" opacity="0.55"/></pattern>`
    case "polka dot":
      return `<pattern id="${id}" width="${s(48)}" height="${s(48)}" patternUnits="userSpaceOnUse"><rect width="${s(48)}" height="${s(48)}" fill="${base}"/><circle cx="${s(12)}" cy="${s(12)}" r="${s(7)}" fill="${accent}"/><circle cx="${s(36)}" cy="${s(36)}" r="${s(7)}" fill="${accent}"/></pattern>`
    case "floral":
      return `<pattern id="${id}" width="${s(90)}" height="${s(90)}" patternUnits="userSpaceOnUse"><rect width="${s(90)}" height="${s(90)}" fill="${base}"/><g fill="${accent}"><circle cx="${s(30)}" cy="${s(30)}" r="${s(9)}"/><circle cx="${s(42)}" cy="${s(30)}" r="${s(7)}"/><circle cx="${s(18)}" cy="${s(30)}" r="${s(7)}"/><circle cx="${s(30)}" cy="${s(18)}" r="${s(7)}"/><circle cx="${s(30)}" cy="${s(42)}" r="${s(7)}"/><circle cx="${s(72)}" cy="${s(70)}" r="${s(5)}"/></g></pattern>`
    case "herringbone":
      return `<pattern id="${id}" width="${s(32)}" height="${s(32)}" patternUnits="userSpaceOnUse"><rect width="${s(32)}" height="${s(32)}" fill="${base}"/><path d="M0 ${s(16)} L${s(16)} 0 M${s(16)} ${s(32)} L${s(32)} ${s(16)} M0 ${s(16)} L${s(16)} ${s(32)} M${s(16)} 0 L${s(32)} ${s(16)}" stroke="${accent}" stroke-width="${s(4)}"/></pattern>`
    default:
      // A large tile: a tiny one vanishes when the picture is rendered straight to a thumbnail.
      return `<pattern id="${id}" width="40" height="40" patternUnits="userSpaceOnUse"><rect width="40" height="40" fill="${base}"/></pattern>`
  }
}

/**
 * The cloth's weave, over its colour and print: knits show their ribs, denim its twill, quilted and
 * woven coats a heavier grain. It tells categories apart that share a silhouette (a jumper and a tee,
 * jeans and chinos), for a shopper and for the category head alike.
 */
function textureDefs(shape: GarmentShape, accent: string): string {
  const tile = (size: number, body: string) =>
    `<pattern id="texture" width="${size}" height="${size}" patternUnits="userSpaceOnUse">${body}</pattern>`
  switch (shape) {
    case "knit":
      return tile(14, `<rect width="5" height="14" fill="${accent}" opacity="0.32"/>`)
    case "jeans":
      return tile(10, `<path d="M0 10 L10 0 M-3 3 L3 -3 M7 13 L13 7" stroke="${accent}" stroke-width="3.5" opacity="0.45"/>`)
    case "coat":
      return tile(18, `<path d="M0 9 L18 9" stroke="#000" stroke-width="2" opacity="0.14"/>`)
    case "shirt":
      return tile(10, `<path d="M0 5 L10 5 M5 0 L5 10" stroke="#fff" stroke-width="1" opacity="0.12"/>`)
    default:
      return tile(8, "")
  }
}

/** Jeans are sewn with copper thread, whatever their wash. */
const JEANS_TOPSTITCH = "#c8843a"

function luminanceOf(hex: string): number {
  const n = parseInt(hex.slice(1), 16)
  return 0.2126 * ((n >> 16) & 255) + 0.7152 * ((n >> 8) & 255) + 0.0722 * (n & 255)
}

/** A contrasting accent: lighter for dark colours, darker for light ones. */
export function accentFor(hex: string): string {
  const n = parseInt(hex.slice(1), 16)
  const [r, g, b] = [(n >> 16) & 255, (n >> 8) & 255, n & 255]
  const luminance = luminanceOf(hex)
  const shift = luminance < 110 ? 90 : -80
  const clamp = (v: number) => Math.max(0, Math.min(255, v + shift))
  return `#${[clamp(r), clamp(g), clamp(b)].map((v) => v.toString(16).padStart(2, "0")).join("")}`
}

export type GarmentImageSpec = {
  shape: GarmentShape
  colourHex: string
  pattern: Pattern
  view: ImageView
  /** Varies the backdrop tone and, with the title, the cut and details per product. */
  variationSeed: number
  /** The product's name: its noun picks the form ("Knitted Vest" → sleeveless), its words the fit. */
  title?: string
  /** Draws this form instead of the one the title names (augmentation in the ML sidecar's training). */
  form?: GarmentForm
}

export function renderGarmentSvg(spec: GarmentImageSpec): string {
  const { colourHex, pattern, view, variationSeed } = spec
  const drawing = garmentDrawing(spec)
  const accent = accentFor(colourHex)
  // Pale garments are shot on a deeper tone, as a studio would, so their cut stays visible.
  const pale = luminanceOf(colourHex) > 200
  const backdropTones = pale ? ["#d9d3c9", "#cfd5da", "#d8d0da", "#cfd8cf", "#dcd4c6"] : ["#f3efe9", "#eef0f2", "#f5f1f6", "#eef3ee", "#f6f2ea"]
  const backdrop = backdropTones[variationSeed % backdropTones.length]
  const silhouette = drawing.silhouette
  const details = view === "back" ? drawing.back : drawing.front
  const mirror = view === "back" ? `transform="translate(${IMAGE_WIDTH} 0) scale(-1 1)"` : ""
  // A blurred drop shadow would triple the rendering time; an offset copy reads the same.
  // The detail view is a close crop of the fabric with a seam, as on a product page.
  const viewBox = view === "detail" ? "250 350 300 375" : `0 0 ${IMAGE_WIDTH} ${IMAGE_HEIGHT}`

  return `<svg xmlns="http://www.w3.org/2000/svg" width="${OUTPUT_WIDTH}" height="${OUTPUT_HEIGHT}" viewBox="${viewBox}">
<defs>
${patternDefs("fabric", pattern, colourHex, accent, drawing.patternScale)}
${textureDefs(spec.shape, accent)}
<radialGradient id="light" cx="50%" cy="35%" r="70%"><stop offset="0%" stop-color="#ffffff" stop-opacity="0.22"/><stop offset="100%" stop-color="#000000" stop-opacity="0.18"/></radialGradient>
</defs>
<rect x="0" y="0" width="${IMAGE_WIDTH}" height="${IMAGE_HEIGHT}" fill="${backdrop}"/>
<ellipse cx="400" cy="930" rx="300" ry="30" fill="#000" opacity="0.06"/>
<g ${mirror}>
<path d="${silhouette}" fill="#000" opacity="0.12" transform="translate(10 16)" fill-rule="evenodd"/>
<path d="${silhouette}" fill="url(#fabric)" fill-rule="evenodd"/>
<path d="${silhouette}" fill="url(#light)" fill-rule="evenodd"/>
<path d="${silhouette}" fill="url(#texture)" fill-rule="evenodd"/>
<path d="${details}" fill="none" stroke="${spec.shape === "jeans" ? JEANS_TOPSTITCH : accent}" stroke-width="6" stroke-linecap="round" stroke-linejoin="round" opacity="0.85"/>
<path d="${silhouette}" fill="none" stroke="#000" stroke-opacity="0.25" stroke-width="3"/>
</g>
</svg>`
}
