/**
 * Trains the visual-word vocabulary (src/dedup/visual-words.ts) and writes
 * src/dedup/visual-vocabulary.bin. Deterministic: the same images (rendered
 * scenes with seeds no benchmark uses), the same seed, the same file.
 *
 *   npx tsx bench/train-vocabulary.ts        (TRAIN_IMAGES=400)
 */
import fs from "node:fs";
import { fileURLToPath } from "node:url";
import { renderScene } from "./lib/synthetic.ts";
import { prepareImage, DEFAULT_IMAGE_LIMITS } from "../src/image/preprocess.ts";
import { DESCRIPTOR_WORDS, extractKeypoints } from "../src/dedup/keypoints.ts";
import { VOCABULARY_FILE, Vocabulary } from "../src/dedup/visual-words.ts";

const IMAGES = Number(process.env.TRAIN_IMAGES ?? 400);
// Seeds 7,000,000+: no benchmark split renders these (dedup 1+ and 1,000,000+, retrieval 200,000+ and 300,000+).
const SEED_BASE = 7_000_000;

const t0 = performance.now();
const parts: Uint32Array[] = [];
for (let i = 0; i < IMAGES; i += 1) {
  const { grey } = await prepareImage(await renderScene(SEED_BASE + i), { ...DEFAULT_IMAGE_LIMITS });
  const { upright } = extractKeypoints(grey.data, grey.width, grey.height);
  parts.push(upright.desc);
}
const count = parts.reduce((n, d) => n + d.length / DESCRIPTOR_WORDS, 0);
const desc = new Uint32Array(count * DESCRIPTOR_WORDS);
let at = 0;
for (const d of parts) {
  desc.set(d, at);
  at += d.length;
}
const t1 = performance.now();
const vocabulary = Vocabulary.train(desc, count, { branch: 8, depth: 4, iterations: 8, seed: 20261123 });
const file = fileURLToPath(VOCABULARY_FILE);
fs.writeFileSync(file, vocabulary.encode());
console.log(
  `${IMAGES} images, ${count} descriptors (${((t1 - t0) / 1000).toFixed(1)} s) → ${vocabulary.size} words in ${((performance.now() - t1) / 1000).toFixed(1)} s; wrote ${file} (${fs.statSync(file).size} bytes)`,
);
