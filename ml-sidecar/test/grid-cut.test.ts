import { test } from "node:test";
import assert from "node:assert/strict";
import { gridMinCut, type GridCutInput } from "../src/describe/grid-cut.ts";

/** A small deterministic generator, so a failing grid can be reproduced. */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/** What a labelling costs (1 = the source's side), with the capacities as the cut rounds them. */
function energy(g: GridCutInput, labels: Uint8Array): number {
  const q = (v: number) => Math.round(v * 256);
  let e = 0;
  for (let i = 0; i < g.width * g.height; i++) {
    e += labels[i] ? q(g.toSink[i]!) : q(g.toSource[i]!);
    if (i % g.width < g.width - 1 && labels[i] !== labels[i + 1]) e += q(g.right[i]!);
    if (i + g.width < g.width * g.height && labels[i] !== labels[i + g.width]) e += q(g.down[i]!);
  }
  return e;
}

function randomGrid(seed: number, width: number, height: number): GridCutInput {
  const random = rng(seed);
  const n = width * height;
  const values = (scale: number) => Float32Array.from({ length: n }, () => (random() < 0.2 ? 0 : random() * scale));
  return { width, height, toSource: values(3), toSink: values(3), right: values(2), down: values(2) };
}

test("the grid cut finds the cheapest labelling of every small grid (checked against all 2^n labellings)", () => {
  for (let seed = 1; seed <= 60; seed++) {
    const [width, height] = [2 + (seed % 3), 2 + ((seed >> 1) % 3)];
    const grid = randomGrid(seed, width, height);
    const n = width * height;
    let best = Infinity;
    for (let m = 0; m < 1 << n; m++) {
      const labels = Uint8Array.from({ length: n }, (_, i) => (m >> i) & 1);
      best = Math.min(best, energy(grid, labels));
    }
    assert.equal(energy(grid, gridMinCut(grid)), best, `seed ${seed}, ${width}×${height}`);
  }
});

test("a disc that prefers the source, in a field that prefers the sink, comes out whole despite noisy pixels, and strong edges keep it from bleeding", () => {
  const [width, height] = [64, 48];
  const n = width * height;
  const random = rng(7);
  const inside = (i: number) => Math.hypot((i % width) - 32, Math.floor(i / width) - 24) < 14;
  const toSource = new Float32Array(n);
  const toSink = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    // Each pixel's own evidence is right only 80% of the time.
    const says = random() < 0.8 ? inside(i) : !inside(i);
    toSource[i] = says ? 1 : 0;
    toSink[i] = says ? 0 : 1;
  }
  const right = Float32Array.from({ length: n }, (_, i) => (inside(i) !== inside(i + 1) ? 0.05 : 1.5));
  const down = Float32Array.from({ length: n }, (_, i) => (inside(i) !== inside(i + width) ? 0.05 : 1.5));
  const cut = gridMinCut({ width, height, toSource, toSink, right, down });
  let wrong = 0;
  for (let i = 0; i < n; i++) if (cut[i] !== (inside(i) ? 1 : 0)) wrong++;
  assert.ok(wrong <= n * 0.01, `${wrong} of ${n} pixels on the wrong side`);
});
