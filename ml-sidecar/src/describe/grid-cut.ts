/**
 * The minimum s–t cut of a 4-connected pixel grid (Boykov and Kolmogorov's max-flow, as GrabCut uses it):
 * each pixel pays `toSource` when it ends on the sink's side and `toSink` when it ends on the source's,
 * and each pair of neighbours on different sides pays the weight between them. Capacities are rounded
 * to 1/CAPACITY_SCALE, so every augmentation saturates an edge exactly and the search always ends.
 */

/** Capacities are whole multiples of 1/CAPACITY_SCALE. */
const CAPACITY_SCALE = 256;

const FREE = 0;
const SOURCE = 1;
const SINK = 2;
/** `parent` values other than a direction 0–3 (right, left, down, up). */
const TERMINAL = -1;
const ORPHAN = -2;
const NO_PARENT = -3;
/** Directions: 0 right, 1 left, 2 down, 3 up; d ^ 1 is the opposite. */
const DIRECTIONS = 4;

export interface GridCutInput {
  width: number;
  height: number;
  /** Per pixel: paid when the pixel ends on the sink's side. */
  toSource: Float32Array;
  /** Per pixel: paid when the pixel ends on the source's side. */
  toSink: Float32Array;
  /** Per pixel: the weight between it and its right neighbour (the last column's is ignored). */
  right: Float32Array;
  /** Per pixel: the weight between it and the pixel below (the last row's is ignored). */
  down: Float32Array;
}

/** 1 where a pixel ends on the source's side of the minimum cut. */
export function gridMinCut(input: GridCutInput): Uint8Array {
  const { width, height } = input;
  const n = width * height;
  const quantise = (v: number) => Math.max(0, Math.round(v * CAPACITY_SCALE));
  const neighbour = (i: number, d: number) => (d === 0 ? i + 1 : d === 1 ? i - 1 : d === 2 ? i + width : i - width);
  /** Whether pixel i has a neighbour in direction d (it is not on that edge of the grid). */
  const hasNeighbour = (i: number, d: number) => {
    const x = i % width;
    return d === 0 ? x < width - 1 : d === 1 ? x > 0 : d === 2 ? i + width < n : i >= width;
  };

  const residual = new Int32Array(n * DIRECTIONS);
  const terminal = new Float64Array(n); // > 0: residual from the source; < 0: residual to the sink
  for (let i = 0; i < n; i++) {
    const x = i % width;
    if (x < width - 1) residual[i * 4] = residual[(i + 1) * 4 + 1] = quantise(input.right[i]!);
    if (i + width < n) residual[i * 4 + 2] = residual[(i + width) * 4 + 3] = quantise(input.down[i]!);
    terminal[i] = quantise(input.toSource[i]!) - quantise(input.toSink[i]!);
  }

  const tree = new Uint8Array(n);
  const parent = new Int8Array(n).fill(NO_PARENT);
  const stamp = new Int32Array(n);
  const depth = new Int32Array(n);
  const queue = new Int32Array(n + 1);
  const queued = new Uint8Array(n);
  let head = 0;
  let tail = 0;
  const activate = (i: number) => {
    if (queued[i]) return;
    queued[i] = 1;
    queue[tail] = i;
    tail = tail === n ? 0 : tail + 1;
  };
  const orphans: number[] = [];
  let time = 0;

  for (let i = 0; i < n; i++) {
    if (terminal[i] === 0) continue;
    tree[i] = terminal[i]! > 0 ? SOURCE : SINK;
    parent[i] = TERMINAL;
    depth[i] = 1;
    activate(i);
  }

  /** Residual capacity of the edge that carries flow from the source's side towards the sink's, between a node and its neighbour in direction d. */
  const towardsSink = (from: number, d: number) => residual[from * 4 + d]!;

  let current = -1;
  for (;;) {
    // Growth: from an active node, claim free neighbours until the two trees touch.
    let meetSource = -1;
    let meetSink = -1;
    let meetDirection = -1;
    while (meetSource < 0) {
      let p = current;
      if (p < 0 || tree[p] === FREE) {
        p = -1;
        while (head !== tail) {
          const candidate = queue[head]!;
          head = head === n ? 0 : head + 1;
          queued[candidate] = 0;
          if (tree[candidate] !== FREE) {
            p = candidate;
            break;
          }
        }
        if (p < 0) break;
      }
      current = -1;
      const side = tree[p]!;
      for (let d = 0; d < DIRECTIONS; d++) {
        if (!hasNeighbour(p, d)) continue;
        const q = neighbour(p, d);
        const open = side === SOURCE ? residual[p * 4 + d]! > 0 : residual[q * 4 + (d ^ 1)]! > 0;
        if (!open) continue;
        if (tree[q] === FREE) {
          tree[q] = side;
          parent[q] = d ^ 1;
          stamp[q] = stamp[p]!;
          depth[q] = depth[p]! + 1;
          activate(q);
        } else if (tree[q] !== side) {
          [meetSource, meetSink, meetDirection] = side === SOURCE ? [p, q, d] : [q, p, d ^ 1];
          current = p;
          break;
        }
      }
    }
    if (meetSource < 0) break;

    // Augmentation along source → meetSource → meetSink → sink.
    time++;
    let bottleneck = towardsSink(meetSource, meetDirection);
    for (let i = meetSource; ;) {
      const d = parent[i]!;
      if (d === TERMINAL) {
        bottleneck = Math.min(bottleneck, terminal[i]!);
        break;
      }
      const up = neighbour(i, d);
      bottleneck = Math.min(bottleneck, residual[up * 4 + (d ^ 1)]!);
      i = up;
    }
    for (let i = meetSink; ;) {
      const d = parent[i]!;
      if (d === TERMINAL) {
        bottleneck = Math.min(bottleneck, -terminal[i]!);
        break;
      }
      bottleneck = Math.min(bottleneck, residual[i * 4 + d]!);
      i = neighbour(i, d);
    }
    residual[meetSource * 4 + meetDirection]! -= bottleneck;
    residual[meetSink * 4 + (meetDirection ^ 1)]! += bottleneck;
    for (let i = meetSource; ;) {
      const d = parent[i]!;
      if (d === TERMINAL) {
        terminal[i]! -= bottleneck;
        if (terminal[i] === 0) {
          parent[i] = ORPHAN;
          orphans.push(i);
        }
        break;
      }
      const up = neighbour(i, d);
      residual[up * 4 + (d ^ 1)]! -= bottleneck;
      residual[i * 4 + d]! += bottleneck;
      if (residual[up * 4 + (d ^ 1)] === 0) {
        parent[i] = ORPHAN;
        orphans.push(i);
      }
      i = up;
    }
    for (let i = meetSink; ;) {
      const d = parent[i]!;
      if (d === TERMINAL) {
        terminal[i]! += bottleneck;
        if (terminal[i] === 0) {
          parent[i] = ORPHAN;
          orphans.push(i);
        }
        break;
      }
      const down = neighbour(i, d);
      residual[i * 4 + d]! -= bottleneck;
      residual[down * 4 + (d ^ 1)]! += bottleneck;
      if (residual[i * 4 + d] === 0) {
        parent[i] = ORPHAN;
        orphans.push(i);
      }
      i = down;
    }

    // Adoption: each orphan finds a parent in its own tree still rooted at a terminal, or becomes free.
    while (orphans.length) {
      const o = orphans.pop()!;
      const side = tree[o]!;
      let best = -1;
      let bestDepth = Infinity;
      for (let d = 0; d < DIRECTIONS; d++) {
        if (!hasNeighbour(o, d)) continue;
        const q = neighbour(o, d);
        if (tree[q] !== side) continue;
        const open = side === SOURCE ? residual[q * 4 + (d ^ 1)]! > 0 : residual[o * 4 + d]! > 0;
        if (!open) continue;
        // Walk up from q to its root, counting steps; stop early at a node already checked this round.
        let steps = 0;
        let j = q;
        let rooted = false;
        for (;;) {
          if (stamp[j] === time) {
            steps += depth[j]!;
            rooted = true;
            break;
          }
          const pj = parent[j]!;
          steps++;
          if (pj === TERMINAL) {
            stamp[j] = time;
            depth[j] = 1;
            rooted = true;
            break;
          }
          if (pj === ORPHAN || pj === NO_PARENT) break;
          j = neighbour(j, pj);
        }
        if (!rooted) continue;
        if (steps < bestDepth) {
          best = d;
          bestDepth = steps;
        }
        // Record the depths along the path for later walks.
        for (let k = q, s = steps; stamp[k] !== time; k = neighbour(k, parent[k]!)) {
          stamp[k] = time;
          depth[k] = s--;
        }
      }
      if (best >= 0) {
        parent[o] = best;
        stamp[o] = time;
        depth[o] = bestDepth + 1;
        continue;
      }
      for (let d = 0; d < DIRECTIONS; d++) {
        if (!hasNeighbour(o, d)) continue;
        const q = neighbour(o, d);
        if (tree[q] !== side) continue;
        const open = side === SOURCE ? residual[q * 4 + (d ^ 1)]! > 0 : residual[o * 4 + d]! > 0;
        if (open) activate(q);
        const pq = parent[q]!;
        if (pq >= 0 && neighbour(q, pq) === o) {
          parent[q] = ORPHAN;
          orphans.push(q);
        }
      }
      tree[o] = FREE;
      parent[o] = NO_PARENT;
      stamp[o] = 0;
      if (current === o) current = -1;
    }
  }

  const cut = new Uint8Array(n);
  for (let i = 0; i < n; i++) cut[i] = tree[i] === SOURCE ? 1 : 0;
  return cut;
}
