import { test } from "node:test";
import assert from "node:assert/strict";
import type { WordEvidence } from "../src/dedup/candidate-verification.ts";
import type { KeypointMatch } from "../src/dedup/keypoints.ts";
import { CALIBRATED_THRESHOLDS } from "../src/config.ts";
import { KeypointNearCopies } from "../src/describe/keypoint-near-copies.ts";
import type { ImageRecord } from "../src/index/vector-store.ts";

const record = (id: string): ImageRecord =>
  ({ id, vector: new Float32Array([1, 0]), hash: { bits: "0" }, metadata: { kind: "product", product_id: `prod_${id}` } }) as unknown as ImageRecord;
const match = (inliers: number, extent: number): KeypointMatch => ({ inliers, extent, scale: 1, tx: 0, ty: 0 });

test("near-copies are the word candidates whose keypoint match passes the duplicate thresholds, most inliers first", async () => {
  const { minKeypointInliers: inliers, minKeypointExtent: extent } = CALIBRATED_THRESHOLDS;
  const matches = new Map<string, KeypointMatch | null>([
    ["few-inliers", match(inliers - 1, 0.9)],
    ["small-patch", match(inliers + 30, extent - 0.01)],
    ["copy", match(inliers + 5, extent + 0.1)],
    ["closer-copy", match(inliers + 20, extent)],
    ["no-keypoints-stored", null],
  ]);
  let asked: { filter: unknown } | null = null;
  const verifier = {
    async gatherWordEvidence(_query: unknown, _limit: number, filter: unknown): Promise<WordEvidence> {
      asked = { filter };
      return { candidates: [...matches.keys()].map(record), matches };
    },
  };
  const finder = new KeypointNearCopies(verifier, CALIBRATED_THRESHOLDS);
  // Any picture: the stand-in verifier answers the same whatever the keypoints.
  const picture = { data: new Uint8Array(64 * 48 * 3).map((_, i) => (i * 37) % 256), width: 64, height: 48 };
  const filter = [{ op: "eq" as const, field: "kind", value: "product" }];
  const found = await finder.find(picture, filter);
  assert.deepEqual(
    found.map((r) => r.id),
    ["closer-copy", "copy"],
  );
  assert.deepEqual(asked, { filter });
});
