import { describe, expect, it } from 'vitest';
import { areaOf, centreCrop, regionCrop, type Region } from '../src/model/crop';

describe('centreCrop', () => {
  it('takes the whole short side of a landscape frame, centred horizontally', () => {
    expect(centreCrop(1280, 720)).toEqual({ sx: 280, sy: 0, size: 720 });
  });

  it('centres vertically on a portrait image', () => {
    expect(centreCrop(300, 500)).toEqual({ sx: 0, sy: 100, size: 300 });
  });

  it('keeps a square image whole', () => {
    expect(centreCrop(96, 96)).toEqual({ sx: 0, sy: 0, size: 96 });
  });

  it('shrinks the square around the centre when crop < 1', () => {
    expect(centreCrop(1000, 800, 0.875)).toEqual({ sx: 150, sy: 50, size: 700 });
  });

  it('allows sub-pixel crops of tiny and extreme images', () => {
    expect(centreCrop(1, 1)).toEqual({ sx: 0, sy: 0, size: 1 });
    expect(centreCrop(10000, 10, 0.5)).toEqual({ sx: 4997.5, sy: 2.5, size: 5 });
  });

  it.each([
    [0, 10],
    [10, 0],
    [Number.NaN, 10],
    [Number.POSITIVE_INFINITY, 10],
  ])('refuses an image of %s×%s with a message that says it has no pixels', (w, h) => {
    expect(() => centreCrop(w, h)).toThrow(/no pixels/);
  });

  it.each([0, -0.5, 1.01, Number.NaN])('refuses crop = %s', (crop) => {
    expect(() => centreCrop(100, 100, crop)).toThrow(/crop must be in \(0, 1\]/);
  });
});

describe('regionCrop', () => {
  it('places the square at its top-left corner, its side a fraction of the short side', () => {
    expect(regionCrop(1600, 900, { x: 0.25, y: 0, size: 1 })).toEqual({ sx: 400, sy: 0, size: 900 });
    expect(regionCrop(1000, 2000, { x: 0.5, y: 0.75, size: 0.5 })).toEqual({ sx: 500, sy: 1500, size: 500 });
  });

  it('allows a region that touches the edges, within rounding', () => {
    expect(regionCrop(300, 300, { x: 2 / 3, y: 2 / 3, size: 1 / 3 })).toEqual({ sx: 200, sy: 200, size: 100 });
  });

  it.each([
    [{ x: 0.5, y: 0, size: 1 }, /goes past the right edge of a 1600×900 image/],
    [{ x: 0, y: 0.5, size: 0.6 }, /goes past the bottom edge/],
    [{ x: -0.1, y: 0, size: 0.5 }, /region.x must be a fraction in \[0, 1\), got -0.1/],
    [{ x: 0, y: 1, size: 0.5 }, /region.y must be a fraction in \[0, 1\), got 1/],
    [{ x: 0, y: 0, size: 0 }, /region.size must be a fraction of the short side in \(0, 1\], got 0/],
    [{ x: 0, y: 0, size: Number.NaN }, /got NaN/],
    [{ x: '0', y: 0, size: 1 }, /region.x must be/],
    [null, /region must be \{ x, y, size \}/],
  ])('refuses %j with a RangeError', (region, message) => {
    expect(() => regionCrop(1600, 900, region as unknown as Region)).toThrow(RangeError);
    expect(() => regionCrop(1600, 900, region as unknown as Region)).toThrow(message);
  });
});

describe('areaOf', () => {
  it('takes the region when there is one, and the crop otherwise', () => {
    expect(areaOf({ crop: 0.5, region: { x: 0, y: 0, size: 1 } })).toEqual({ x: 0, y: 0, size: 1 });
    expect(areaOf({ crop: 0.5, region: null })).toBe(0.5);
    expect(areaOf({})).toBe(1);
  });

  it('refuses a bad crop before any image is read', () => {
    expect(() => areaOf({ crop: 2 })).toThrow(/crop must be in \(0, 1\], got 2/);
  });
});
