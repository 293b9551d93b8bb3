import type { Keypoints } from "./keypoints.ts";

/**
 * Where indexed images' keypoints live (src/dedup/keypoints.ts). They are too
 * big to travel with every vector record (~8 KB an image), and only the few
 * candidates a duplicate check verifies need them, so they are kept beside the
 * vector store and read by id.
 */
export interface KeypointStore {
  get(id: string): Promise<Keypoints | null>;
  put(id: string, keypoints: Keypoints): Promise<void>;
  delete(id: string): Promise<void>;
}

/** For benchmarks and tests: keypoints held in memory. */
export class MemoryKeypointStore implements KeypointStore {
  private readonly byId = new Map<string, Keypoints>();

  async get(id: string): Promise<Keypoints | null> {
    return this.byId.get(id) ?? null;
  }

  async put(id: string, keypoints: Keypoints): Promise<void> {
    this.byId.set(id, keypoints);
  }

  async delete(id: string): Promise<void> {
    this.byId.delete(id);
  }
}
