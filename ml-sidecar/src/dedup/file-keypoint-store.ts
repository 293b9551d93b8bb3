import fsp from "node:fs/promises";
import { readFileOrNull, shardedPath, writeFileAtomic } from "../util/sharded-files.ts";
import { decodeKeypoints, encodeKeypoints, type Keypoints } from "./keypoints.ts";
import type { KeypointStore } from "./keypoint-store.ts";

/** One small binary file an image under a data folder, written then renamed (crash-safe). */
export class FileKeypointStore implements KeypointStore {
  constructor(private readonly dir: string) {}

  /** Null when absent or written by another keypoint version: the check then falls back to the other signals. */
  async get(id: string): Promise<Keypoints | null> {
    const buf = await readFileOrNull(shardedPath(this.dir, id, "kp"));
    return buf ? decodeKeypoints(buf) : null;
  }

  async put(id: string, keypoints: Keypoints): Promise<void> {
    await writeFileAtomic(shardedPath(this.dir, id, "kp"), encodeKeypoints(keypoints));
  }

  async delete(id: string): Promise<void> {
    await fsp.rm(shardedPath(this.dir, id, "kp"), { force: true });
  }
}
