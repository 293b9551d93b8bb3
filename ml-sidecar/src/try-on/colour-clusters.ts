/** Colours of a photo's pixels grouped by k-means, shared by the forearm test and the shading. */

export type Rgb = [number, number, number];

export function colourDistance(a: Rgb, b: Rgb): number {
  return Math.hypot(a[0] - b[0], a[1] - b[1], a[2] - b[2]);
}

/** k-means on colours from centres spread by brightness (deterministic), ten rounds; each centre with its share of the samples. */
export function colourClusters(samples: Rgb[], k: number): Array<{ centre: Rgb; share: number }> {
  const byBrightness = [...samples].sort((a, b) => a[0] + a[1] + a[2] - (b[0] + b[1] + b[2]));
  let centres: Rgb[] = Array.from({ length: k }, (_, j) => byBrightness[Math.floor(((j + 0.5) / k) * byBrightness.length)]!);
  let members: Rgb[][] = [];
  for (let round = 0; round < 10; round++) {
    members = centres.map(() => []);
    for (const s of samples) members[nearestCentre(s, centres)]!.push(s);
    centres = centres.map((c, j) => (members[j]!.length ? mean(members[j]!) : c));
  }
  return centres.map((centre, j) => ({ centre, share: members[j]!.length / samples.length }));
}

export function nearestCentre(colour: Rgb, centres: Rgb[]): number {
  let best = 0;
  for (let j = 1; j < centres.length; j++) if (colourDistance(colour, centres[j]!) < colourDistance(colour, centres[best]!)) best = j;
  return best;
}

function mean(samples: Rgb[]): Rgb {
  const sum = samples.reduce<Rgb>((acc, s) => [acc[0] + s[0], acc[1] + s[1], acc[2] + s[2]], [0, 0, 0]);
  return [sum[0] / samples.length, sum[1] / samples.length, sum[2] / samples.length];
}
