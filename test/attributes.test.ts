import { describe, expect, it } from 'vitest';
import { readAttribute, readProperty, RULES } from '../src/components/mobilenet-classifier/attributes';

/** Reads with a warn that records, so that each case can check it warned exactly once, or not at all. */
function attribute<T>(rule: (typeof RULES)[keyof typeof RULES], text: string | null): { value: T; warnings: string[] } {
  const warnings: string[] = [];
  const value = readAttribute(rule as never, text, (m) => warnings.push(m)) as T;
  return { value, warnings };
}

describe('attributes read like native ones', () => {
  it('a removed attribute means the default, silently', () => {
    for (const rule of Object.values(RULES)) {
      expect(attribute(rule, null)).toEqual({ value: rule.fallback, warnings: [] });
    }
  });

  it('top-k: whole numbers from 1 to 1001, clamped; anything else is the default with one warning naming it', () => {
    expect(attribute(RULES.topK, '3')).toEqual({ value: 3, warnings: [] });
    expect(attribute(RULES.topK, ' 7 ')).toEqual({ value: 7, warnings: [] });
    const high = attribute(RULES.topK, '5000');
    expect(high.value).toBe(1001);
    expect(high.warnings).toEqual([
      '<mobilenet-classifier top-k="5000">: out of range (a whole number from 1 to 1001); using 1001.',
    ]);
    expect(attribute(RULES.topK, '0').value).toBe(1);
    expect(attribute(RULES.topK, '-4').value).toBe(1);
    for (const bad of ['abc', '', '2.5', 'Infinity', '3px']) {
      const read = attribute(RULES.topK, bad);
      expect(read.value, bad).toBe(5);
      expect(read.warnings).toEqual([
        `<mobilenet-classifier top-k="${bad}">: not a whole number from 1 to 1001; using the default, 5.`,
      ]);
    }
  });

  it('crop: (0, 1]; above 1 is clamped, 0 or less and text are invalid', () => {
    expect(attribute(RULES.crop, '0.5')).toEqual({ value: 0.5, warnings: [] });
    expect(attribute(RULES.crop, '2')).toMatchObject({ value: 1, warnings: [expect.stringContaining('out of range')] });
    for (const bad of ['0', '-1', 'half', 'NaN']) {
      expect(attribute(RULES.crop, bad)).toEqual({
        value: 1,
        warnings: [`<mobilenet-classifier crop="${bad}">: not a number above 0, up to 1; using the default, 1.`],
      });
    }
  });

  it('max-fps: (0, 60], clamped above', () => {
    expect(attribute(RULES.maxFps, '0.5').value).toBe(0.5);
    expect(attribute(RULES.maxFps, '240').value).toBe(60);
    expect(attribute(RULES.maxFps, '0')).toMatchObject({
      value: 15,
      warnings: [expect.stringContaining('max-fps="0"')],
    });
  });

  it('keywords compare without case; others are the default with a warning listing the keywords', () => {
    expect(attribute(RULES.backend, 'WASM')).toEqual({ value: 'wasm', warnings: [] });
    expect(attribute(RULES.backend, 'gpu')).toEqual({
      value: 'webgl',
      warnings: [
        '<mobilenet-classifier backend="gpu">: not one of webgpu, webgl, wasm, cpu, auto; using the default, webgl.',
      ],
    });
    expect(attribute(RULES.mode, 'Both').value).toBe('both');
    expect(attribute(RULES.mode, 'everything')).toMatchObject({
      value: 'imagenet',
      warnings: [expect.stringContaining('one of imagenet, custom, both')],
    });
    expect(attribute(RULES.facingMode, 'back').value).toBe('user');
    expect(attribute(RULES.classesKey, '  ')).toMatchObject({ value: 'default', warnings: [expect.any(String)] });
    expect(attribute(RULES.classesKey, 'shop').value).toBe('shop');
  });

  it('a property set to null or undefined is the default; an invalid one is ignored with a warning', () => {
    const warnings: string[] = [];
    const warn = (m: string) => warnings.push(m);
    expect(readProperty(RULES.topK, undefined, 3, warn)).toBe(5);
    expect(readProperty(RULES.topK, null, 3, warn)).toBe(5);
    expect(readProperty(RULES.topK, 7, 3, warn)).toBe(7);
    expect(warnings).toEqual([]);
    expect(readProperty(RULES.topK, 0, 3, warn)).toBe(3);
    expect(readProperty(RULES.topK, '4', 3, warn)).toBe(3);
    expect(readProperty(RULES.backend, 'gpu', 'wasm', warn)).toBe('wasm');
    expect(readProperty(RULES.crop, {}, 0.5, warn)).toBe(0.5);
    expect(warnings).toEqual([
      '<mobilenet-classifier>.topK = 0: not a whole number from 1 to 1001; keeping 3.',
      '<mobilenet-classifier>.topK = "4": not a whole number from 1 to 1001; keeping 3.',
      '<mobilenet-classifier>.backend = "gpu": not one of webgpu, webgl, wasm, cpu, auto; keeping wasm.',
      '<mobilenet-classifier>.crop = an object: not a number above 0, up to 1; keeping 0.5.',
    ]);
  });
});
