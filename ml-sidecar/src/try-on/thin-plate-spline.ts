/**
 * A 2-D thin-plate spline: the smoothest map (least bending energy) that takes each control point
 * exactly to its target. Fitted once per try-on (a dozen points), then evaluated for every output
 * pixel, or on a coarse grid that is interpolated (see sampleGrid).
 */

export interface Point {
  x: number;
  y: number;
}

export interface ThinPlateSpline {
  map(x: number, y: number): Point;
}

/** U(r) = r² log r², the 2-D biharmonic kernel (0 at r = 0). */
function kernel(dx: number, dy: number): number {
  const r2 = dx * dx + dy * dy;
  return r2 > 1e-12 ? r2 * Math.log(r2) : 0;
}

/**
 * Fits the spline taking `from[i]` to `to[i]`. `smoothing` > 0 trades exactness for smoothness
 * (0: exact). Points closer than a pixel to an earlier one are dropped (they would make the
 * system singular). Fewer than three distinct points: a translation (or the identity).
 */
export function fitThinPlateSpline(from: Point[], to: Point[], smoothing = 0): ThinPlateSpline {
  if (from.length !== to.length) throw new Error("fitThinPlateSpline: from and to differ in length");
  const src: Point[] = [];
  const dst: Point[] = [];
  from.forEach((p, i) => {
    if (src.some((q) => Math.hypot(q.x - p.x, q.y - p.y) < 1)) return;
    src.push(p);
    dst.push(to[i]!);
  });
  const n = src.length;
  if (n < 3 || collinear(src)) {
    const dx = n ? dst.reduce((s, q, i) => s + q.x - src[i]!.x, 0) / n : 0;
    const dy = n ? dst.reduce((s, q, i) => s + q.y - src[i]!.y, 0) / n : 0;
    return { map: (x, y) => ({ x: x + dx, y: y + dy }) };
  }
  // Normalised coordinates keep the system well conditioned whatever the image size.
  const cx = src.reduce((s, p) => s + p.x, 0) / n;
  const cy = src.reduce((s, p) => s + p.y, 0) / n;
  const scale = Math.max(1e-6, Math.max(...src.map((p) => Math.hypot(p.x - cx, p.y - cy))));
  const u = src.map((p) => ({ x: (p.x - cx) / scale, y: (p.y - cy) / scale }));
  const size = n + 3;
  const a = Array.from({ length: size }, () => new Float64Array(size + 2));
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) a[i]![j] = i === j ? smoothing : kernel(u[i]!.x - u[j]!.x, u[i]!.y - u[j]!.y);
    a[i]![n] = 1;
    a[i]![n + 1] = u[i]!.x;
    a[i]![n + 2] = u[i]!.y;
    a[n]![i] = 1;
    a[n + 1]![i] = u[i]!.x;
    a[n + 2]![i] = u[i]!.y;
    a[i]![size] = dst[i]!.x;
    a[i]![size + 1] = dst[i]!.y;
  }
  const solution = solve(a, size);
  const wx = solution.map((r) => r[0]);
  const wy = solution.map((r) => r[1]);
  return {
    map(x: number, y: number): Point {
      const px = (x - cx) / scale;
      const py = (y - cy) / scale;
      let sx = wx[n]! + wx[n + 1]! * px + wx[n + 2]! * py;
      let sy = wy[n]! + wy[n + 1]! * px + wy[n + 2]! * py;
      for (let i = 0; i < n; i++) {
        const k = kernel(px - u[i]!.x, py - u[i]!.y);
        sx += wx[i]! * k;
        sy += wy[i]! * k;
      }
      return { x: sx, y: sy };
    },
  };
}

function collinear(points: Point[]): boolean {
  const [p, q] = [points[0]!, points[1]!];
  const span = Math.hypot(q.x - p.x, q.y - p.y);
  return points.every((r) => Math.abs((q.x - p.x) * (r.y - p.y) - (q.y - p.y) * (r.x - p.x)) <= 1e-6 * Math.max(1, span * span));
}

/** Gaussian elimination with partial pivoting on an augmented matrix with two right-hand sides. */
function solve(a: Float64Array[], size: number): Array<[number, number]> {
  for (let col = 0; col < size; col++) {
    let pivot = col;
    for (let r = col + 1; r < size; r++) if (Math.abs(a[r]![col]!) > Math.abs(a[pivot]![col]!)) pivot = r;
    [a[col], a[pivot]] = [a[pivot]!, a[col]!];
    const p = a[col]![col]!;
    if (Math.abs(p) < 1e-12) continue;
    for (let r = 0; r < size; r++) {
      if (r === col) continue;
      const f = a[r]![col]! / p;
      if (f === 0) continue;
      for (let c = col; c < size + 2; c++) a[r]![c]! -= f * a[col]![c]!;
    }
  }
  return a.map((row, r) => {
    const p = row[r]!;
    return Math.abs(p) < 1e-12 ? [0, 0] : [row[size]! / p, row[size + 1]! / p];
  });
}

/**
 * The spline sampled every `step` pixels over a box (end-exclusive), for bilinear lookup: evaluating
 * a dozen kernels at every pixel of a megapixel costs ten times more and looks the same.
 */
export interface SampledMap {
  x0: number;
  y0: number;
  step: number;
  cols: number;
  rows: number;
  xs: Float32Array;
  ys: Float32Array;
}

export function sampleGrid(spline: ThinPlateSpline, box: { x0: number; y0: number; x1: number; y1: number }, step: number): SampledMap {
  const cols = Math.ceil((box.x1 - box.x0) / step) + 1;
  const rows = Math.ceil((box.y1 - box.y0) / step) + 1;
  const xs = new Float32Array(cols * rows);
  const ys = new Float32Array(cols * rows);
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      const p = spline.map(box.x0 + c * step, box.y0 + r * step);
      xs[r * cols + c] = p.x;
      ys[r * cols + c] = p.y;
    }
  }
  return { x0: box.x0, y0: box.y0, step, cols, rows, xs, ys };
}

/** Bilinear lookup in a sampled map; writes into `out`. */
export function lookup(map: SampledMap, x: number, y: number, out: { x: number; y: number }): void {
  const gx = Math.min(map.cols - 1.000001, Math.max(0, (x - map.x0) / map.step));
  const gy = Math.min(map.rows - 1.000001, Math.max(0, (y - map.y0) / map.step));
  const c = Math.floor(gx);
  const r = Math.floor(gy);
  const fx = gx - c;
  const fy = gy - r;
  const i = r * map.cols + c;
  const j = i + map.cols;
  out.x = (map.xs[i]! * (1 - fx) + map.xs[i + 1]! * fx) * (1 - fy) + (map.xs[j]! * (1 - fx) + map.xs[j + 1]! * fx) * fy;
  out.y = (map.ys[i]! * (1 - fx) + map.ys[i + 1]! * fx) * (1 - fy) + (map.ys[j]! * (1 - fx) + map.ys[j + 1]! * fx) * fy;
}
