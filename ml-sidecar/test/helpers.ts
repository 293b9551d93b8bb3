import zlib from "node:zlib";
import sharp from "sharp";
import { sceneSvg } from "../bench/lib/synthetic.ts";

/** A distinct test picture per seed (same generator as the benchmarks). */
export async function picture(seed: number, format: "png" | "jpeg" = "png", width = 448, height = 448): Promise<Buffer> {
  const img = sharp(Buffer.from(sceneSvg(seed, width, height)));
  return format === "png" ? img.png().toBuffer() : img.jpeg({ quality: 90 }).toBuffer();
}

export function multipart(parts: Array<{ name: string; value: Buffer | string; filename?: string; type?: string }>): FormData {
  const form = new FormData();
  for (const p of parts) {
    if (typeof p.value === "string" && !p.filename) form.append(p.name, p.value);
    else form.append(p.name, new Blob([p.value as unknown as BlobPart], { type: p.type ?? "application/octet-stream" }), p.filename ?? "upload.bin");
  }
  return form;
}

/**
 * A valid, complete PNG of width×height pixels (1-bit grey, all black) built
 * by hand: a few hundred KB on disk, huge when decoded. Encoding it with sharp
 * would take ~30 s.
 */
export function hugePng(width = 20000, height = 20000): Buffer {
  const { deflateSync, crc32 } = zlib;
  const chunk = (type: string, data: Buffer) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body) >>> 0);
    return Buffer.concat([len, body, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 1; // bit depth
  ihdr[9] = 0; // greyscale
  const rows = Buffer.alloc((1 + Math.ceil(width / 8)) * height); // filter byte 0 + zero pixels per row
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", ihdr),
    chunk("IDAT", deflateSync(rows, { level: 9 })),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}
