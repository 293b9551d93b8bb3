import sharp from "sharp";
import type { CandidateVerifier } from "../dedup/candidate-verification.ts";
import { extractKeypoints } from "../dedup/keypoints.ts";
import { keypointsVerify, WORD_CANDIDATES, type DuplicateThresholds } from "../dedup/near-duplicates.ts";
import { keypointGrey } from "../image/preprocess.ts";
import type { Filter } from "../index/filter.ts";
import type { ImageRecord } from "../index/vector-store.ts";
import type { NearCopyFinder, RgbImage } from "./ports.ts";

/**
 * Adapter: near-copies by the duplicate checks' own evidence. The picture's keypoints (found as an
 * upload's are: keypointGrey) bring the indexed images sharing the
 * most visual words; those whose keypoint match passes the duplicate thresholds are near-copies,
 * most inliers first.
 */
export class KeypointNearCopies implements NearCopyFinder {
  constructor(
    private readonly verifier: Pick<CandidateVerifier, "gatherWordEvidence">,
    private readonly thresholds: DuplicateThresholds,
  ) {}

  async find(picture: RgbImage, filter: Filter): Promise<ImageRecord[]> {
    const grey = await keypointGrey(sharp(picture.data, { raw: { width: picture.width, height: picture.height, channels: 3 } }));
    const keypoints = extractKeypoints(grey.data, grey.width, grey.height);
    const evidence = await this.verifier.gatherWordEvidence(keypoints, WORD_CANDIDATES, filter);
    return evidence.candidates
      .map((record) => ({ record, match: evidence.matches.get(record.id) ?? null }))
      .filter(({ match }) => keypointsVerify(match, this.thresholds))
      .sort((a, b) => b.match!.inliers - a.match!.inliers)
      .map(({ record }) => record);
  }
}
