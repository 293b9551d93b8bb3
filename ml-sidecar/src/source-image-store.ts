import fsp from "node:fs/promises";
import sharp from "sharp";
import { readFileOrNull, shardedPath, writeFileAtomic } from "./util/sharded-files.ts";

/**
 * Keeps a downscaled copy (≤512 px, WebP) of every indexed image, so that a
 * model change can re-embed the catalogue without asking Medusa to resend it.
 */
export class SourceImageStore {
  constructor(private readonly dir: string) {}

  private file(id: string): string {
    return shardedPath(this.dir, id, "webp");
  }

  async put(id: string, image: Uint8Array): Promise<void> {
    const small = await sharp(image).autoOrient().resize(512, 512, { fit: "inside", withoutEnlargement: true }).webp({ quality: 90 }).toBuffer();
    await writeFileAtomic(this.file(id), small);
  }

  async get(id: string): Promise<Buffer | null> {
    return readFileOrNull(this.file(id));
  }

  async delete(id: string): Promise<void> {
    await fsp.rm(this.file(id), { force: true });
  }
}
