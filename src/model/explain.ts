// Occlusion sensitivity (Zeiler & Fergus, "Visualizing and Understanding Convolutional Networks",
// 2014): grey out one cell of the input at a time and see how far the class's probability falls.
// Unlike gradient maps it needs no backward pass, so it runs on every backend with the inference graph
// alone, and each cell's number means one thing a user can check: "without this part, 40% less sure".
import { MODEL_INPUT_SIZE } from './crop';

/** The grey that stands in for an occluded cell: the middle of the model's [0, 1] input range. */
export const OCCLUSION_GREY = 0.5;
export const DEFAULT_GRID = 7;
export const MAX_GRID = 16;

/**
 * Checks a grid size.
 *
 * @throws RangeError unless it is a whole number from 2 to {@link MAX_GRID}.
 */
export function checkGrid(grid: number): number {
  if (!Number.isInteger(grid) || grid < 2 || grid > MAX_GRID) {
    throw new RangeError(`grid must be a whole number from 2 to ${MAX_GRID}, got ${String(grid)}.`);
  }
  return grid;
}

/** Where cell row (or column) `i` of a `grid`-cell side starts and ends, in pixels of a `size` side. */
export function cellSpan(i: number, grid: number, size = MODEL_INPUT_SIZE): [number, number] {
  return [Math.round((i * size) / grid), Math.round(((i + 1) * size) / grid)];
}

/**
 * Writes `base` (one HWC image in [0, 1], `size` × `size` × 3) into `out` once per cell in
 * [`first`, `last`), each copy with that cell greyed out.
 */
export function writeOccluded(
  base: Float32Array,
  grid: number,
  first: number,
  last: number,
  out: Float32Array,
  size = MODEL_INPUT_SIZE,
): void {
  const image = size * size * 3;
  for (let cell = first; cell < last; cell++) {
    const offset = (cell - first) * image;
    out.set(base, offset);
    const [top, bottom] = cellSpan(Math.floor(cell / grid), grid, size);
    const [left, right] = cellSpan(cell % grid, grid, size);
    for (let y = top; y < bottom; y++)
      out.fill(OCCLUSION_GREY, offset + (y * size + left) * 3, offset + (y * size + right) * 3);
  }
}

/** One of the nine parts of a picture read as 3 × 3, e.g. `{ row: 'centre', column: 'left' }`. */
export interface PictureArea {
  row: 'top' | 'centre' | 'bottom';
  column: 'left' | 'centre' | 'right';
}

/**
 * The part of the picture whose cells matter most, for a summary a screen reader can say ("Most
 * important: the centre-left"). The picture is read as 3 × 3 areas, each scored by the positive heat
 * of the cells whose centres fall in it. Words are left to the caller, which knows the language.
 *
 * @returns undefined when no cell supports the class (all heat ≤ 0).
 */
export function hottestArea(heat: ArrayLike<number>, grid: number): PictureArea | undefined {
  const scores = new Float64Array(9);
  for (let cell = 0; cell < grid * grid; cell++) {
    const value = heat[cell]!;
    if (!(value > 0)) continue;
    const third = (i: number) => Math.min(2, Math.floor(((i + 0.5) / grid) * 3));
    scores[third(Math.floor(cell / grid)) * 3 + third(cell % grid)] += value;
  }
  let best = -1;
  for (let area = 0; area < 9; area++)
    if (scores[area]! > 0 && (best < 0 || scores[area]! > scores[best]!)) best = area;
  if (best < 0) return undefined;
  const rows = ['top', 'centre', 'bottom'] as const;
  const columns = ['left', 'centre', 'right'] as const;
  return { row: rows[Math.floor(best / 3)]!, column: columns[best % 3]! };
}
