/** The retrieval benchmark's data: a rendered catalogue and transformed copies of its products as queries. */
import { renderScene, rng, transform, transformPair, TRANSFORMS, type TransformName } from "./synthetic.ts";
import { fingerprintAll } from "./pipeline.ts";

export const PRODUCTS = Number(process.env.PRODUCTS ?? 2000);
export const DISTRACTORS = Number(process.env.DISTRACTORS ?? 8000);
export const QUERIES = Number(process.env.QUERIES ?? 500);
export const SIZE = 320;

// Catalogue: products are seeds 200000+i, distractors 300000+i (other layouts, same generator).
const catalogueSeed = (i: number) => (i < PRODUCTS ? 200_000 + i : 300_000 + (i - PRODUCTS));
export const catalogue = await fingerprintAll("retrieval-catalogue", PRODUCTS + DISTRACTORS, (i) => renderScene(catalogueSeed(i), SIZE, SIZE), {
  cacheKey: `${PRODUCTS}|${DISTRACTORS}|${SIZE}`,
  log: console.error,
});

const r = rng(4242);
const PAIRS: Array<[TransformName, TransformName]> = [
  ["crop", "jpeg"],
  ["flip", "jitter"],
  ["scale", "overlay"],
  ["pad", "blur"],
  ["crop", "flip"],
];
export const querySpec = Array.from({ length: QUERIES }, (_, q) => {
  const product = Math.floor(r() * PRODUCTS);
  const kind = q % 12;
  const name = kind < TRANSFORMS.length ? TRANSFORMS[kind]! : PAIRS[q % PAIRS.length]!.join("+");
  return { product, name, seed: 900_000 + q };
});
export const queries = await fingerprintAll(
  "retrieval-queries",
  QUERIES,
  async (q) => {
    const spec = querySpec[q]!;
    const png = await renderScene(catalogueSeed(spec.product), SIZE, SIZE);
    const parts = spec.name.split("+") as TransformName[];
    return parts.length === 1 ? transform(png, parts[0]!, spec.seed) : transformPair(png, parts[0]!, parts[1]!, spec.seed);
  },
  { cacheKey: `${PRODUCTS}|${DISTRACTORS}|${SIZE}|${QUERIES}|q1`, log: console.error },
);
