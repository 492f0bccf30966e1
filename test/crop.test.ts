import { describe, expect, it } from 'vitest';
import { centreCrop } from '../src/model/crop';

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
