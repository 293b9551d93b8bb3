import fsp from "node:fs/promises";
import path from "node:path";
import { createHash } from "node:crypto";

/** One file an id under `dir`, sharded by the first two hex digits of the id's sha1 (any id is a safe file name). */
export function shardedPath(dir: string, id: string, ext: string): string {
  const h = createHash("sha1").update(id).digest("hex");
  return path.join(dir, h.slice(0, 2), `${h}.${ext}`);
}

/** Write then rename: a crash leaves the old file or the new one, never half of one. */
export async function writeFileAtomic(file: string, data: Uint8Array): Promise<void> {
  await fsp.mkdir(path.dirname(file), { recursive: true });
  await fsp.writeFile(`${file}.tmp`, data);
  await fsp.rename(`${file}.tmp`, file);
}

export async function readFileOrNull(file: string): Promise<Buffer | null> {
  return fsp.readFile(file).catch(() => null);
}
