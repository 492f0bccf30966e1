/** Timing helpers of the benchmark page. */

/** Summary of a sample in milliseconds; percentiles by nearest rank. */
export interface Stats {
  n: number;
  p50: number;
  p95: number;
  mean: number;
  min: number;
  max: number;
}

export function stats(sample: number[]): Stats {
  const sorted = [...sample].sort((a, b) => a - b);
  const n = sorted.length;
  const rank = (p: number) => sorted[Math.min(n - 1, Math.max(0, Math.ceil(p * n) - 1))];
  const round = (x: number) => Math.round(x * 1000) / 1000;
  return {
    n,
    p50: round(rank(0.5)),
    p95: round(rank(0.95)),
    mean: round(sorted.reduce((a, b) => a + b, 0) / Math.max(1, n)),
    min: round(sorted[0] ?? NaN),
    max: round(sorted[n - 1] ?? NaN),
  };
}

export async function timeOnce<T>(run: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const start = performance.now();
  const value = await run();
  return { ms: performance.now() - start, value };
}

/**
 * Runs every variant `warmup` times, then `iterations` rounds in which each variant runs once,
 * in an order rotated every round, so that no variant always follows the same one and a change
 * of machine load hits them all alike.
 */
export async function timeInterleaved<K extends string>(
  variants: Record<K, () => Promise<unknown>>,
  warmup: number,
  iterations: number,
  /** Receives every variant's samples in round order, for paired comparisons. */
  samples?: Partial<Record<K, number[]>>,
  /** Untimed, after every run: lets work a run leaves behind (an element's render) finish outside the next one. */
  settle?: () => Promise<unknown>,
): Promise<Record<K, Stats>> {
  const names = Object.keys(variants) as K[];
  for (let i = 0; i < warmup; i++) for (const name of names) await variants[name]();
  const times = Object.fromEntries(names.map((name) => [name, [] as number[]])) as Record<K, number[]>;
  for (let i = 0; i < iterations; i++) {
    for (let j = 0; j < names.length; j++) {
      const name = names[(i + j) % names.length];
      const start = performance.now();
      await variants[name]();
      times[name].push(performance.now() - start);
      await settle?.();
    }
  }
  if (samples) for (const name of names) samples[name] = times[name];
  return Object.fromEntries(names.map((name) => [name, stats(times[name])])) as Record<K, Stats>;
}

/**
 * Median over rounds of a[i] / b[i] − 1: the overhead of a over b with each pair measured back to
 * back, so a drift of machine load over the run cancels out.
 */
export function pairedOverhead(a: number[], b: number[]): number {
  const ratios = a.map((x, i) => x / b[i] - 1).sort((x, y) => x - y);
  return ratios.length ? ratios[Math.floor(ratios.length / 2)] : NaN;
}
