import sharp from "sharp";

export { rng } from "../../src/util/rng.ts";
import { rng } from "../../src/util/rng.ts";

const pick = <T>(r: () => number, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
const between = (r: () => number, lo: number, hi: number) => lo + (hi - lo) * r();
const colour = (r: () => number) => `hsl(${Math.floor(r() * 360)},${Math.floor(between(r, 25, 95))}%,${Math.floor(between(r, 20, 85))}%)`;

const WORDS = [
  "CURATOR",
  "linen",
  "SUMMER",
  "denim",
  "Atelier",
  "silk",
  "NOIR",
  "wool",
  "Maison",
  "knit",
  "RESORT",
  "tweed",
  "Studio",
  "cotton",
  "velvet",
  "ECRU",
];

/** Garment silhouettes in a unit box, so the catalogue looks a little like fashion. */
const GARMENTS = [
  "0.3,0.05 0.7,0.05 0.95,0.25 0.82,0.38 0.75,0.3 0.75,0.95 0.25,0.95 0.25,0.3 0.18,0.38 0.05,0.25", // t-shirt
  "0.38,0.05 0.62,0.05 0.66,0.35 0.9,0.95 0.1,0.95 0.34,0.35", // dress
  "0.25,0.05 0.75,0.05 0.8,0.95 0.56,0.95 0.5,0.35 0.44,0.95 0.2,0.95", // trousers
  "0.2,0.1 0.8,0.1 0.85,0.55 0.15,0.55", // skirt-ish
  "0.1,0.6 0.5,0.2 0.9,0.6 0.9,0.8 0.1,0.8", // bag
];

function patternDef(r: () => number, id: string): string {
  const a = colour(r);
  const b = colour(r);
  const s = Math.floor(between(r, 6, 40));
  switch (Math.floor(r() * 4)) {
    case 0:
      return `<pattern id="${id}" width="${s}" height="${s}" patternUnits="userSpaceOnUse" patternTransform="rotate(${Math.floor(r() * 180)})"><rect width="${s}" height="${s}" fill="${a}"/><rect width="${s / 2}" height="${s}" fill="${b}"/></pattern>`;
    case 1:
      return `<pattern id="${id}" width="${s}" height="${s}" patternUnits="userSpaceOnUse"><rect width="${s}" height="${s}" fill="${a}"/><circle cx="${s / 2}" cy="${s / 2}" r="${s / 4}" fill="${b}"/></pattern>`;
    case 2:
      return `<pattern id="${id}" width="${s}" height="${s}" patternUnits="userSpaceOnUse"><rect width="${s}" height="${s}" fill="${a}"/><rect width="${s / 2}" height="${s / 2}" fill="${b}"/><rect x="${s / 2}" y="${s / 2}" width="${s / 2}" height="${s / 2}" fill="${b}"/></pattern>`;
    default:
      return `<linearGradient id="${id}" x1="0" y1="0" x2="${r().toFixed(2)}" y2="1"><stop offset="0" stop-color="${a}"/><stop offset="1" stop-color="${b}"/></linearGradient>`;
  }
}

/**
 * A distinct "product photo": background, a patterned garment silhouette and
 * a random set of shapes and words. Every seed gives a different layout.
 */
export function sceneSvg(seed: number, width = 448, height = 448): string {
  const r = rng(seed * 7919 + 17);
  const defs: string[] = [];
  const body: string[] = [];
  defs.push(patternDef(r, "bg"), patternDef(r, "g"));
  body.push(`<rect width="${width}" height="${height}" fill="${r() < 0.5 ? colour(r) : "url(#bg)"}"/>`);
  const shapes = 5 + Math.floor(r() * 9);
  for (let i = 0; i < shapes; i += 1) {
    const x = between(r, 0, width);
    const y = between(r, 0, height);
    const s = between(r, 0.05, 0.35) * width;
    const fill = r() < 0.25 ? `url(#g)` : colour(r);
    const opacity = between(r, 0.6, 1).toFixed(2);
    switch (Math.floor(r() * 6)) {
      case 0:
        body.push(`<circle cx="${x}" cy="${y}" r="${s / 2}" fill="${fill}" opacity="${opacity}"/>`);
        break;
      case 1:
        body.push(
          `<rect x="${x - s / 2}" y="${y - s / 3}" width="${s}" height="${(s * 2) / 3}" fill="${fill}" opacity="${opacity}" transform="rotate(${Math.floor(between(r, -60, 60))} ${x} ${y})"/>`,
        );
        break;
      case 2: {
        const n = 3 + Math.floor(r() * 5);
        const pts = Array.from({ length: n }, () => `${(x + between(r, -s, s)).toFixed(1)},${(y + between(r, -s, s)).toFixed(1)}`).join(" ");
        body.push(`<polygon points="${pts}" fill="${fill}" opacity="${opacity}"/>`);
        break;
      }
      case 3:
        body.push(
          `<line x1="${x}" y1="${y}" x2="${between(r, 0, width)}" y2="${between(r, 0, height)}" stroke="${colour(r)}" stroke-width="${between(r, 2, 14).toFixed(1)}"/>`,
        );
        break;
      case 4:
        body.push(
          `<ellipse cx="${x}" cy="${y}" rx="${s / 2}" ry="${s / 4}" fill="${fill}" opacity="${opacity}" transform="rotate(${Math.floor(r() * 180)} ${x} ${y})"/>`,
        );
        break;
      default:
        body.push(
          `<text x="${x.toFixed(0)}" y="${y.toFixed(0)}" font-family="${pick(r, ["DejaVu Sans", "DejaVu Serif", "sans-serif"])}" font-size="${Math.floor(between(r, 18, 64))}" font-weight="${pick(r, ["normal", "bold"])}" fill="${colour(r)}">${pick(r, WORDS)}</text>`,
        );
    }
  }
  // The garment: the image's main subject.
  const gw = between(r, 0.35, 0.7) * width;
  const gh = between(r, 0.45, 0.85) * height;
  const gx = between(r, 0, width - gw);
  const gy = between(r, 0, height - gh);
  const pts = pick(r, GARMENTS)
    .split(" ")
    .map((p) => {
      const [px, py] = p.split(",").map(Number);
      return `${(gx + px! * gw).toFixed(1)},${(gy + py! * gh).toFixed(1)}`;
    })
    .join(" ");
  body.push(`<polygon points="${pts}" fill="url(#g)" stroke="${colour(r)}" stroke-width="${between(r, 0, 6).toFixed(1)}"/>`);
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"><defs>${defs.join("")}</defs>${body.join("")}</svg>`;
}

export async function renderScene(seed: number, width = 448, height = 448): Promise<Buffer> {
  return sharp(Buffer.from(sceneSvg(seed, width, height)))
    .png({ compressionLevel: 1 })
    .toBuffer();
}

export const TRANSFORMS = ["crop", "flip", "rotate", "scale", "jpeg", "jitter", "grayscale", "blur", "pad", "overlay"] as const;
export type TransformName = (typeof TRANSFORMS)[number];

/** Applies one named near-duplicate transformation, parameters drawn from `seed`. */
export async function transform(png: Buffer, name: TransformName, seed: number): Promise<Buffer> {
  const r = rng(seed);
  const img = sharp(png);
  const { width, height } = await img.metadata();
  const w = width!;
  const h = height!;
  switch (name) {
    case "crop": {
      // Off-centre crop keeping 60–95% of each side.
      const fw = between(r, 0.6, 0.95);
      const fh = between(r, 0.6, 0.95);
      const cw = Math.round(w * fw);
      const ch = Math.round(h * fh);
      return sharp(png)
        .extract({ left: Math.floor(r() * (w - cw)), top: Math.floor(r() * (h - ch)), width: cw, height: ch })
        .png()
        .toBuffer();
    }
    case "flip":
      return sharp(png).flop().png().toBuffer();
    case "rotate": {
      const deg = (r() < 0.5 ? -1 : 1) * between(r, 3, 15);
      return sharp(png).rotate(deg, { background: "#ffffff" }).png().toBuffer();
    }
    case "scale": {
      const f = between(r, 0.2, 0.8);
      return sharp(png)
        .resize(Math.max(16, Math.round(w * f)))
        .png()
        .toBuffer();
    }
    case "jpeg":
      return sharp(png)
        .jpeg({ quality: Math.floor(between(r, 10, 50)) })
        .toBuffer();
    case "jitter":
      return sharp(png)
        .modulate({ brightness: between(r, 0.75, 1.25), saturation: between(r, 0.6, 1.4), hue: Math.floor(between(r, -20, 20)) })
        .linear(between(r, 0.75, 1.25), between(r, -20, 20))
        .png()
        .toBuffer();
    case "grayscale":
      return sharp(png).grayscale().png().toBuffer();
    case "blur":
      return sharp(png)
        .blur(between(r, 1.5, 4))
        .png()
        .toBuffer();
    case "pad": {
      const bg = pick(r, ["#000000", "#ffffff", "#f2f2f2", "#202020"]);
      const padX = Math.round(w * between(r, 0.05, 0.3));
      const padY = r() < 0.5 ? 0 : Math.round(h * between(r, 0.05, 0.3));
      return sharp(png).extend({ left: padX, right: padX, top: padY, bottom: padY, background: bg }).png().toBuffer();
    }
    case "overlay": {
      const size = Math.round(w * between(r, 0.12, 0.25));
      const x = Math.floor(r() * (w - size * 2));
      const y = Math.floor(r() * (h - size));
      const svg =
        r() < 0.5
          ? `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}"><text x="${x}" y="${y + size}" font-family="DejaVu Sans" font-weight="bold" font-size="${Math.round(size * 0.6)}" fill="white" stroke="black" stroke-width="2">${pick(r, ["SALE -50%", "© shop", "NEW IN", "@curator"])}</text></svg>`
          : `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}"><g opacity="0.85"><rect x="${x}" y="${y}" width="${size * 1.6}" height="${size}" rx="${size / 5}" fill="${colour(r)}"/><circle cx="${x + size / 2}" cy="${y + size / 2}" r="${size / 3}" fill="white"/><text x="${x + size}" y="${y + size * 0.65}" font-family="DejaVu Sans" font-size="${Math.round(size * 0.4)}" fill="white">®</text></g></svg>`;
      return sharp(png)
        .composite([{ input: Buffer.from(svg) }])
        .png()
        .toBuffer();
    }
  }
}

/** Two transformations in sequence, e.g. "crop+jpeg". */
export async function transformPair(png: Buffer, a: TransformName, b: TransformName, seed: number): Promise<Buffer> {
  return transform(await transform(png, a, seed), b, seed + 1);
}
