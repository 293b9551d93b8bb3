/** The dedup benchmark's data: rendered bases, each with 10 single transformations and 2 pairs. */
import { renderScene, transform, transformPair, TRANSFORMS, type TransformName } from "./synthetic.ts";
import { fingerprintAll } from "./pipeline.ts";
import type { Fingerprint } from "../../src/dedup/fingerprint.ts";

export const PAIRS: Array<[TransformName, TransformName]> = [
  ["crop", "jpeg"],
  ["flip", "jitter"],
  ["scale", "overlay"],
  ["rotate", "grayscale"],
  ["pad", "blur"],
  ["crop", "flip"],
  ["jitter", "jpeg"],
  ["overlay", "crop"],
  ["grayscale", "scale"],
  ["blur", "rotate"],
];
export const PER_GROUP = 1 + TRANSFORMS.length + 2;

export function variantName(group: number, slot: number): string {
  if (slot === 0) return "original";
  if (slot <= TRANSFORMS.length) return TRANSFORMS[slot - 1]!;
  const [a, b] = PAIRS[(group + (slot - TRANSFORMS.length - 1) * 5) % PAIRS.length]!;
  return `${a}+${b}`;
}

export async function makeSplit(name: string, seedBase: number, bases: number): Promise<{ items: Fingerprint[]; labels: string[] }> {
  const baseCache = new Map<number, Promise<Buffer>>();
  const base = (g: number) => {
    if (!baseCache.has(g)) {
      baseCache.set(g, renderScene(seedBase + g));
      for (const k of baseCache.keys()) if (k < g - 8) baseCache.delete(k);
    }
    return baseCache.get(g)!;
  };
  const make = async (i: number) => {
    const g = Math.floor(i / PER_GROUP);
    const slot = i % PER_GROUP;
    const png = await base(g);
    const seed = (seedBase + g) * 131 + slot;
    if (slot === 0) return png;
    if (slot <= TRANSFORMS.length) return transform(png, TRANSFORMS[slot - 1]!, seed);
    const [a, b] = PAIRS[(g + (slot - TRANSFORMS.length - 1) * 5) % PAIRS.length]!;
    return transformPair(png, a, b, seed);
  };
  const count = bases * PER_GROUP;
  const items = await fingerprintAll(`dedup-${name}`, count, make, { cacheKey: `${seedBase}|${bases}`, log: console.error });
  const labels = Array.from({ length: count }, (_, i) => variantName(Math.floor(i / PER_GROUP), i % PER_GROUP));
  return { items, labels };
}
