import type * as tfType from "@tensorflow/tfjs";
import type { Detection, GarmentDetector, RgbImage } from "./ports.ts";
import { backdropRegions, separateBackdrop } from "./backdrop-garment-detector.ts";
import { PersonGarmentDetector, personRegions, personInView } from "./person-garment-detector.ts";
import { loadTfjsWasm } from "../embedding/wasm-runtime.ts";

export interface CompositeGarmentDetectorOptions {
  /** The tfjs to run the person models on; default: see tfForPersonModels. */
  loadTf?: () => Promise<typeof tfType>;
  /** The person path runs when the person mask covers at least this share of the photo. */
  minPersonCoverage?: number;
  log?: (message: string) => void;
}

/** Default minPersonCoverage: the share of the photo the person mask must cover for the person path. */
export const MIN_PERSON_COVERAGE = 0.05;

export type PersonModelState = "not-loaded" | "loaded" | { error: string };

/**
 * The GarmentDetector the describe service uses: person segmentation first (about 25 ms on WASM); where a
 * person covers a meaningful part of the photo and stands upright in the pose model's view, the outfit
 * is cut along the joints; otherwise garments are separated from the backdrop. The person models load
 * once, on the first photo; if they cannot load, every photo takes the backdrop path and `personModels`
 * says why.
 */
export class CompositeGarmentDetector implements GarmentDetector {
  private person: Promise<PersonGarmentDetector | null> | null = null;
  private state: PersonModelState = "not-loaded";
  private readonly minPersonCoverage: number;

  constructor(private readonly options: CompositeGarmentDetectorOptions = {}) {
    this.minPersonCoverage = options.minPersonCoverage ?? MIN_PERSON_COVERAGE;
  }

  get personModels(): PersonModelState {
    return this.state;
  }

  async detect(image: RgbImage): Promise<Detection> {
    const person = await this.personDetector();
    if (person) {
      const segmentation = await person.segment(image);
      if (segmentation.coverage >= this.minPersonCoverage) {
        const keypoints = await person.pose(image, segmentation);
        if (personInView(keypoints)) {
          const regions = personRegions(image, segmentation, keypoints, separateBackdrop(image));
          if (regions.length) return { regions, person: true };
        }
      }
    }
    return { regions: backdropRegions(image, separateBackdrop(image)), person: false };
  }

  /** Loads the person models now rather than on the first photo (which would otherwise wait seconds for them). */
  async warmUp(): Promise<void> {
    await this.personDetector();
  }

  /** The loaded person models (shared with try-on), or null when they cannot load. */
  personModel(): Promise<PersonGarmentDetector | null> {
    return this.personDetector();
  }

  private personDetector(): Promise<PersonGarmentDetector | null> {
    this.person ??= (async () => {
      try {
        const tf = await (this.options.loadTf ?? tfForPersonModels)();
        const detector = await PersonGarmentDetector.load(tf);
        this.state = "loaded";
        return detector;
      } catch (err) {
        const message = (err as Error).message;
        this.state = { error: message };
        this.options.log?.(`person models unavailable, photos take the backdrop path: ${message}`);
        return null;
      }
    })();
    return this.person;
  }
}

/**
 * The native backend when tfjs-node(-gpu) registered one (the embedder runs in-process on it; the
 * backend is global, so switching it to WASM here would move the embedder's work onto WASM too);
 * otherwise tfjs with the WASM backend on this thread (the embedder's WASM runs in worker threads).
 */
export async function tfForPersonModels(): Promise<typeof tfType> {
  const tf = await import("@tensorflow/tfjs");
  if (tf.findBackendFactory("tensorflow")) {
    await tf.setBackend("tensorflow");
    await tf.ready();
    return tf;
  }
  return loadTfjsWasm();
}
