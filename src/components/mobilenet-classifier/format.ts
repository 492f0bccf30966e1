// How the element writes numbers for people. One place, so that every part says "12.5%" the same way.

/** A probability in [0, 1] as a percentage with one decimal: `0.125` → `12.5%`. */
export function formatPercent(probability: number): string {
  return `${(probability * 100).toFixed(1)}%`;
}

/** A byte count in megabytes with one decimal: `1_500_000` → `1.5 MB`. */
export function formatMegabytes(bytes: number): string {
  return `${(bytes / 1e6).toFixed(1)} MB`;
}

/** `n` and the noun in the right number: `plural(1, 'class', 'classes')` → `1 class`. */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** What the element says when no prediction reaches `min-probability`: `Not sure: nothing above 20%`. */
export function notSure(minProbability: number): string {
  return `Not sure: nothing above ${Number((minProbability * 100).toFixed(1))}%`;
}
