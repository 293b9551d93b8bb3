import fsp from "node:fs/promises";
import path from "node:path";
import { createHash, randomBytes } from "node:crypto";

/** One file an id under `dir`, sharded by the first two hex digits of the id's sha1 (any id is a safe file name). */
export function shardedPath(dir: string, id: string, ext: string): string {
  const h = createHash("sha1").update(id).digest("hex");
  return path.join(dir, h.slice(0, 2), `${h}.${ext}`);
}

/**
 * Write then rename: a crash leaves the old file or the new one, never half of one. The temporary
 * name is unique, so two writes of one file at once each rename their own copy (the last wins).
 */
export async function writeFileAtomic(file: string, data: Uint8Array): Promise<void> {
  await fsp.mkdir(path.dirname(file), { recursive: true });
  const temporary = `${file}.${randomBytes(6).toString("hex")}.tmp`;
  try {
    await fsp.writeFile(temporary, data);
    await fsp.rename(temporary, file);
  } catch (error) {
    await fsp.rm(temporary, { force: true });
    throw error;
  }
}

export async function readFileOrNull(file: string): Promise<Buffer | null> {
  return fsp.readFile(file).catch(() => null);
}
