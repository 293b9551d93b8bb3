import fsp from "node:fs/promises";
import path from "node:path";
import { createHash } from "node:crypto";
import sharp from "sharp";

/**
 * Keeps a downscaled copy (≤512 px, WebP) of every indexed image, so that a
 * model change can re-embed the catalogue without asking Medusa to resend it.
 */
export class SourceImageStore {
  constructor(private readonly dir: string) {}

  private file(id: string): string {
    const h = createHash("sha1").update(id).digest("hex");
    return path.join(this.dir, h.slice(0, 2), `${h}.webp`);
  }

  async put(id: string, image: Uint8Array): Promise<void> {
    const file = this.file(id);
    await fsp.mkdir(path.dirname(file), { recursive: true });
    const small = await sharp(image).autoOrient().resize(512, 512, { fit: "inside", withoutEnlargement: true }).webp({ quality: 90 }).toBuffer();
    await fsp.writeFile(`${file}.tmp`, small);
    await fsp.rename(`${file}.tmp`, file);
  }

  async get(id: string): Promise<Buffer | null> {
    return fsp.readFile(this.file(id)).catch(() => null);
  }

  async delete(id: string): Promise<void> {
    await fsp.rm(this.file(id), { force: true });
  }
}
