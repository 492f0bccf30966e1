import { describe, expect, it } from 'vitest';
import { cellSpan, checkGrid, hottestArea, OCCLUSION_GREY, writeOccluded } from '../src/model/explain';

describe('cellSpan', () => {
  it('tiles the side with no gap or overlap, even when the grid does not divide it', () => {
    const spans = Array.from({ length: 7 }, (_, i) => cellSpan(i, 7, 96));
    expect(spans[0]![0]).toBe(0);
    expect(spans[6]![1]).toBe(96);
    for (let i = 1; i < 7; i++) expect(spans[i]![0]).toBe(spans[i - 1]![1]);
    expect(spans.map(([a, b]) => b - a).every((w) => w === 13 || w === 14)).toBe(true);
  });
});

describe('writeOccluded', () => {
  it('greys exactly one cell per copy and leaves the rest of the image as it was', () => {
    const size = 6;
    const base = Float32Array.from({ length: size * size * 3 }, (_, i) => (i % 7) / 10);
    const out = new Float32Array(2 * base.length);
    writeOccluded(base, 3, 4, 6, out, size); // cells 4 (centre) and 5 (centre-right) of a 3×3 grid
    for (const [copy, column] of [
      [0, 1],
      [1, 2],
    ] as const) {
      for (let y = 0; y < size; y++)
        for (let x = 0; x < size; x++)
          for (let c = 0; c < 3; c++) {
            const i = (y * size + x) * 3 + c;
            const inCell = y >= 2 && y < 4 && x >= column * 2 && x < column * 2 + 2;
            expect(out[copy * base.length + i]).toBe(inCell ? OCCLUSION_GREY : base[i]);
          }
    }
  });
});

describe('hottestArea', () => {
  it('names the third of the picture holding most of the positive heat', () => {
    const heat = new Float32Array(49);
    heat[3 * 7 + 0] = 0.6; // middle row, first column
    heat[3 * 7 + 1] = 0.3;
    heat[6] = 0.5; // top-right corner
    expect(hottestArea(heat, 7)).toEqual({ row: 'centre', column: 'left' });
  });

  it('ignores cells that speak against the class, and says nothing when none supports it', () => {
    expect(hottestArea(Float32Array.from([-0.5, 0, 0.1, -0.9]), 2)).toEqual({ row: 'bottom', column: 'left' });
    expect(hottestArea(new Float32Array(4).fill(-0.1), 2)).toBeUndefined();
  });
});

describe('checkGrid', () => {
  it.each([1, 17, 3.5, Number.NaN])('refuses a grid of %s', (grid) => {
    expect(() => checkGrid(grid)).toThrow(/grid must be a whole number from 2 to 16/);
  });
});
