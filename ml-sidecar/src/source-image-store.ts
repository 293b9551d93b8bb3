import fsp from "node:fs/promises";
import { openImage } from "./image/decoder.ts";
import { DEFAULT_IMAGE_LIMITS } from "./image/preprocess.ts";
import { readFileOrNull, shardedPath, writeFileAtomic } from "./util/sharded-files.ts";

/**
 * Keeps a downscaled copy (≤512 px, WebP) of every indexed image, so that a
 * model change can re-embed the catalogue without asking Medusa to resend it.
 */
export class SourceImageStore {
  constructor(
    private readonly dir: string,
    /** The service's pixel limit: the image was already accepted under it. */
    private readonly maxPixels = DEFAULT_IMAGE_LIMITS.maxPixels,
  ) {}

  private file(id: string): string {
    return shardedPath(this.dir, id, "webp");
  }

  async put(id: string, image: Uint8Array): Promise<void> {
    const small = await openImage(image, this.maxPixels)
      .autoOrient()
      .resize(512, 512, { fit: "inside", withoutEnlargement: true })
      .webp({ quality: 90 })
      .toBuffer();
    await writeFileAtomic(this.file(id), small);
  }

  async get(id: string): Promise<Buffer | null> {
    return readFileOrNull(this.file(id));
  }

  async delete(id: string): Promise<void> {
    await fsp.rm(this.file(id), { force: true });
  }
}
