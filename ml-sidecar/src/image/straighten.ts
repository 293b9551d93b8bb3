/**
 * Finds a copy that was rotated with its canvas expanded (a tilted photo on a
 * uniform fill, the way image editors and sharp's rotate() produce it): the
 * four fill triangles in the corners and content whose four sides are
 * straight lines at one common angle. Returns that angle, or null when the
 * picture does not look like that (the usual case: nothing is changed).
 */

export interface RotatedContent {
  /** Clockwise degrees the content was turned by; rotate by -degrees to undo. */
  degrees: number;
  /** Size of the upright content rectangle, in pixels. */
  width: number;
  height: number;
  /** The fill colour of the corners (RGB). */
  fill: [number, number, number];
}

const TOLERANCE = 24;
const MIN_DEGREES = 1;
const MAX_DEGREES = 30;

export function detectRotatedContent(data: Uint8Array, width: number, height: number, channels: number): RotatedContent | null {
  if (width < 32 || height < 32) return null;
  const px = (x: number, y: number) => (y * width + x) * channels;
  const fill: [number, number, number] = [data[0]!, data[1]!, data[2]!];
  const isFill = (x: number, y: number) => {
    const i = px(x, y);
    return (
      Math.abs(data[i]! - fill[0]) <= TOLERANCE && Math.abs(data[i + 1]! - fill[1]) <= TOLERANCE && Math.abs(data[i + 2]! - fill[2]) <= TOLERANCE
    );
  };
  for (const [x, y] of [
    [width - 1, 0],
    [0, height - 1],
    [width - 1, height - 1],
  ] as const)
    if (!isFill(x, y)) return null;
  // Boundary of the content seen from each side: the first non-fill pixel per column or row.
  const top = Float64Array.from({ length: width }, (_, x) => {
    let y = 0;
    while (y < height && isFill(x, y)) y += 1;
    return y;
  });
  const bottom = Float64Array.from({ length: width }, (_, x) => {
    let y = height - 1;
    while (y >= 0 && isFill(x, y)) y -= 1;
    return y;
  });
  const left = Float64Array.from({ length: height }, (_, y) => {
    let x = 0;
    while (x < width && isFill(x, y)) x += 1;
    return x;
  });
  const right = Float64Array.from({ length: height }, (_, y) => {
    let x = width - 1;
    while (x >= 0 && isFill(x, y)) x -= 1;
    return x;
  });
  // Each boundary is two sides of the tilted rectangle meeting at the vertex that touches the edge;
  // the longer one (in this scan direction) is the near-axis side, whose slope is tan(angle).
  const slopes = [sideSlope(top, "min"), sideSlope(bottom, "max"), sideSlope(left, "min"), sideSlope(right, "max")];
  if (slopes.some((s) => s === null)) return null;
  const [sTop, sBottom, sLeft, sRight] = slopes as number[];
  const angles = [Math.atan(sTop!), Math.atan(sBottom!), Math.atan(-sLeft!), Math.atan(-sRight!)].map((a) => (a * 180) / Math.PI);
  const mean = angles.reduce((a, b) => a + b, 0) / 4;
  if (Math.max(...angles) - Math.min(...angles) > 1.5) return null;
  if (Math.abs(mean) < MIN_DEGREES || Math.abs(mean) > MAX_DEGREES) return null;
  const a = (Math.abs(mean) * Math.PI) / 180;
  const c = Math.cos(a);
  const s = Math.sin(a);
  const w = (width * c - height * s) / (c * c - s * s);
  const h = (height * c - width * s) / (c * c - s * s);
  if (!(w > width * 0.3 && h > height * 0.3)) return null;
  return { degrees: mean, width: Math.round(w), height: Math.round(h), fill };
}

/** Slope of the longer straight side in a boundary profile, or null if it is not straight. */
function sideSlope(profile: Float64Array, extreme: "min" | "max"): number | null {
  const n = profile.length;
  let best = extreme === "min" ? Infinity : -Infinity;
  for (const v of profile) best = extreme === "min" ? Math.min(best, v) : Math.max(best, v);
  // The vertex: the middle of the run of positions at the extreme (anti-aliasing widens it).
  let first = -1;
  let last = -1;
  for (let i = 0; i < n; i += 1) {
    if (Math.abs(profile[i]! - best) <= 1) {
      if (first < 0) first = i;
      last = i;
    }
  }
  const vertex = Math.round((first + last) / 2);
  const [from, to] = vertex > n - 1 - vertex ? [0, vertex] : [vertex, n - 1];
  const span = to - from;
  if (span < n * 0.3) return null;
  // Fit the middle 60% of that side; its ends are bent by the neighbouring sides and by blur.
  const lo = Math.round(from + span * 0.2);
  const hi = Math.round(to - span * 0.2);
  let sx = 0,
    sy = 0,
    sxx = 0,
    sxy = 0,
    m = 0;
  for (let i = lo; i <= hi; i += 1) {
    sx += i;
    sy += profile[i]!;
    sxx += i * i;
    sxy += i * profile[i]!;
    m += 1;
  }
  const slope = (m * sxy - sx * sy) / (m * sxx - sx * sx);
  const intercept = (sy - slope * sx) / m;
  let sse = 0;
  for (let i = lo; i <= hi; i += 1) sse += (profile[i]! - (intercept + slope * i)) ** 2;
  // Content edges of a real tilted photo are straight to within a pixel or two.
  if (Math.sqrt(sse / m) > 2) return null;
  return slope;
}
