// The element's pure helpers for the region (the attribute, fitting and moving the square) and for
// the explanation (its words, and runs that never overlap).
import { describe, expect, it } from 'vitest';
import { readAttribute } from '../src/components/mobilenet-classifier/attributes';
import { explainSummary } from '../src/components/mobilenet-classifier/explain-summary';
import { LatestOnly } from '../src/components/mobilenet-classifier/latest-only';
import {
  fitRegion,
  mirrorRegion,
  moveRegion,
  regionForKey,
  regionRule,
  resizeFromCorner,
  resizeRegion,
} from '../src/components/mobilenet-classifier/region';
import { en } from '../src/i18n';
import { termsOf } from './i18n-samples';

const t = termsOf(en, 'en');

describe('region attribute', () => {
  const read = (text: string | null) => {
    const warnings: string[] = [];
    return { value: readAttribute(regionRule, text, (m) => warnings.push(m)), warnings };
  };

  it('reads "x y size", with spaces or commas', () => {
    expect(read('0.25 0 0.5')).toEqual({ value: { x: 0.25, y: 0, size: 0.5 }, warnings: [] });
    expect(read(' 0.1,0.2 , 1 ')).toEqual({ value: { x: 0.1, y: 0.2, size: 1 }, warnings: [] });
    expect(read(null)).toEqual({ value: null, warnings: [] });
  });

  it.each(['', '0 0', '0 0 1 1', 'a b c', '0 0 0', '1 0 0.5', '0 -0.1 0.5', '0 0 1.5'])(
    'refuses %j with one warning',
    (text) => {
      const { value, warnings } = read(text);
      expect(value).toBeNull();
      expect(warnings).toHaveLength(1);
      expect(warnings[0]).toContain('not three fractions "x y size"');
    },
  );

  it('allows a region or null as a property', () => {
    expect(regionRule.allows({ x: 0, y: 0, size: 1 })).toBe(true);
    expect(regionRule.allows(null)).toBe(true);
    expect(regionRule.allows({ x: 0, y: 0 })).toBe(false);
    expect(regionRule.allows('0 0 1')).toBe(false);
  });
});

describe('the square', () => {
  it('fits into the picture: moved back inside, never smaller than 0.1', () => {
    expect(fitRegion({ x: 0.9, y: 0, size: 1 }, 600, 300)).toEqual({ x: 0.5, y: 0, size: 1 });
    expect(fitRegion({ x: 0, y: 0.5, size: 0.5 }, 300, 600)).toEqual({ x: 0, y: 0.5, size: 0.5 });
    expect(fitRegion({ x: 0, y: 0.9, size: 0.5 }, 300, 600)).toEqual({ x: 0, y: 0.75, size: 0.5 });
    expect(fitRegion({ x: 0, y: 0, size: 0.01 }, 300, 300).size).toBe(0.1);
  });

  it('moves and resizes within the picture', () => {
    expect(moveRegion({ x: 0, y: 0, size: 1 }, 0.3, 0.3, 600, 300)).toEqual({ x: 0.3, y: 0, size: 1 });
    expect(moveRegion({ x: 0.4, y: 0, size: 1 }, 0.3, 0, 600, 300)).toEqual({ x: 0.5, y: 0, size: 1 });
    // About its centre: 0.2 of the short side is 0.1 of the width of a 2:1 picture.
    expect(resizeRegion({ x: 0.25, y: 0, size: 1 }, -0.2, 600, 300)).toEqual({ x: 0.3, y: 0.1, size: 0.8 });
    expect(resizeFromCorner({ x: 0.5, y: 0, size: 1 }, -0.125, -0.25, 600, 300)).toEqual({ x: 0.5, y: 0, size: 0.75 });
    // No further than the right or bottom edge.
    expect(resizeFromCorner({ x: 0.5, y: 0, size: 0.5 }, 1, 1, 600, 300)).toEqual({ x: 0.5, y: 0, size: 1 });
  });

  it('reads the arrow keys: move, Shift resizes, other keys do nothing', () => {
    const region = { x: 0.2, y: 0.2, size: 0.5 };
    expect(regionForKey(region, 'ArrowRight', false, 400, 400)).toEqual({ x: 0.22, y: 0.2, size: 0.5 });
    expect(regionForKey(region, 'ArrowUp', false, 400, 400)).toEqual({ x: 0.2, y: 0.18, size: 0.5 });
    expect(regionForKey(region, 'ArrowUp', true, 400, 400)).toEqual({ x: 0.19, y: 0.19, size: 0.52 });
    expect(regionForKey(region, 'ArrowLeft', true, 400, 400)).toEqual({ x: 0.21, y: 0.21, size: 0.48 });
    expect(regionForKey(region, 'Enter', false, 400, 400)).toBeUndefined();
  });

  it('mirrors for a mirrored preview, and back', () => {
    const region = { x: 0.1, y: 0.2, size: 0.5 };
    const mirrored = mirrorRegion(region, 800, 400);
    expect(mirrored).toEqual({ x: 0.65, y: 0.2, size: 0.5 });
    expect(mirrorRegion(mirrored, 800, 400)).toEqual(region);
  });

  it('describes itself for screen readers', () => {
    expect(t.regionValue(0.25, 0, 0.5)).toBe('Left 25%, top 0%, size 50% of the short side');
  });
});

describe('explanation words', () => {
  const area = (row: 'top' | 'centre' | 'bottom', column: 'left' | 'centre' | 'right') =>
    explainSummary(t, { label: 'tabby', area: { row, column } });

  it('names the nine areas', () => {
    expect(area('centre', 'left')).toBe('Most important for “tabby”: the centre-left of the picture.');
    expect(area('centre', 'centre')).toBe('Most important for “tabby”: the centre of the picture.');
    expect(area('top', 'centre')).toBe('Most important for “tabby”: the top centre of the picture.');
    expect(area('bottom', 'right')).toBe('Most important for “tabby”: the bottom-right of the picture.');
  });

  it('says when nothing stands out', () => {
    expect(area('top', 'left')).toBe('Most important for “tabby”: the top-left of the picture.');
    expect(explainSummary(t, { label: 'tabby', area: undefined })).toBe(
      'No part of the picture stands out for “tabby”.',
    );
  });
});

describe('LatestOnly', () => {
  it('never overlaps runs, and folds the requests made meanwhile into one more run', async () => {
    let running = 0;
    let most = 0;
    let runs = 0;
    const gate: (() => void)[] = [];
    const latest = new LatestOnly(async () => {
      running++;
      runs++;
      most = Math.max(most, running);
      await new Promise<void>((resolve) => gate.push(resolve));
      running--;
    });
    const first = latest.request();
    const during = [latest.request(), latest.request(), latest.request()];
    expect(latest.busy).toBe(true);
    gate.shift()!();
    await new Promise((resolve) => setTimeout(resolve));
    expect(runs).toBe(2);
    gate.shift()!();
    await Promise.all([first, ...during]);
    expect({ runs, most, busy: latest.busy }).toEqual({ runs: 2, most: 1, busy: false });
  });

  it('keeps going after a failed run', async () => {
    let calls = 0;
    const latest = new LatestOnly(async () => {
      calls++;
      throw new Error('no');
    });
    await latest.request();
    await latest.request();
    expect(calls).toBe(2);
  });
});
