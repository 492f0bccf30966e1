// The element's region, without the DOM: the attribute's text, fitting a square into a picture, and the
// moves of the square the user drags (unit-tested in test/region.test.ts).
import { checkRegion, type Region } from '../../model/crop';
import type { AttributeRule } from './attributes';

/** The smallest square the user can shrink the region to, as a fraction of the short side. */
export const MIN_REGION_SIZE = 0.1;
/** How far one arrow key moves the square (fraction of the picture) or resizes it (fraction of the short side). */
export const KEY_STEP = 0.02;

/** Whether `value` is a region the core accepts: three fractions in range. */
export function isRegion(value: unknown): value is Region {
  try {
    checkRegion(value as Region);
    return true;
  } catch {
    return false;
  }
}

/** `region="x y size"`: three fractions, separated by spaces or commas; absent means the centred `crop`. */
export const regionRule: AttributeRule<Region | null> = {
  attribute: 'region',
  property: 'region',
  fallback: null,
  accepted: 'three fractions "x y size" (x and y in [0, 1), size in (0, 1])',
  parse(text) {
    const parts = text.trim().split(/[\s,]+/);
    if (parts.length !== 3 || parts.some((part) => part === '')) return undefined;
    const [x, y, size] = parts.map(Number) as [number, number, number];
    const region = { x, y, size };
    return isRegion(region) ? { value: region, clamped: false } : undefined;
  },
  allows: (value): value is Region | null => value === null || isRegion(value),
};

/**
 * `region` moved inside a `width` × `height` picture: its side stays (at most the short side), and a
 * square that goes past an edge is moved back in. Fractions are rounded to 4 places.
 */
export function fitRegion(region: Region, width: number, height: number): Region {
  const short = Math.min(width, height);
  const size = Math.min(1, Math.max(MIN_REGION_SIZE, region.size));
  const side = size * short;
  const clamp = (value: number, max: number) => Math.min(Math.max(0, value), Math.max(0, max));
  return {
    x: round(clamp(region.x, (width - side) / width)),
    y: round(clamp(region.y, (height - side) / height)),
    size: round(size),
  };
}

/** The square's side as fractions of the picture's width and height. */
export function sideFractions(region: Region, width: number, height: number): { w: number; h: number } {
  const side = region.size * Math.min(width, height);
  return { w: side / width, h: side / height };
}

/** `region` moved by `dx`, `dy` (fractions of the picture's width and height), kept inside. */
export function moveRegion(region: Region, dx: number, dy: number, width: number, height: number): Region {
  return fitRegion({ ...region, x: region.x + dx, y: region.y + dy }, width, height);
}

/** `region` with its side changed by `by` (fraction of the short side), about its centre, kept inside. */
export function resizeRegion(region: Region, by: number, width: number, height: number): Region {
  const before = sideFractions(region, width, height);
  const size = Math.min(1, Math.max(MIN_REGION_SIZE, region.size + by));
  const after = sideFractions({ ...region, size }, width, height);
  return fitRegion(
    { x: region.x + (before.w - after.w) / 2, y: region.y + (before.h - after.h) / 2, size },
    width,
    height,
  );
}

/** The region for a key press, or undefined for a key that does nothing: arrows move, Shift+arrows resize. */
export function regionForKey(
  region: Region,
  key: string,
  shift: boolean,
  width: number,
  height: number,
): Region | undefined {
  const steps: Record<string, [number, number]> = {
    ArrowLeft: [-1, 0],
    ArrowRight: [1, 0],
    ArrowUp: [0, -1],
    ArrowDown: [0, 1],
  };
  const step = steps[key];
  if (!step) return undefined;
  if (shift)
    return resizeRegion(region, (key === 'ArrowRight' || key === 'ArrowUp' ? 1 : -1) * KEY_STEP, width, height);
  return moveRegion(region, step[0] * KEY_STEP, step[1] * KEY_STEP, width, height);
}

/**
 * `region` with its top-left corner held and its bottom-right corner moved by `dx`, `dy` (fractions of
 * the width and height): the side follows the mean of the two moves, within the picture.
 */
export function resizeFromCorner(region: Region, dx: number, dy: number, width: number, height: number): Region {
  const short = Math.min(width, height);
  const room = Math.min((1 - region.x) * width, (1 - region.y) * height) / short;
  const size = region.size + (dx * width + dy * height) / 2 / short;
  return fitRegion({ ...region, size: Math.min(room, Math.max(MIN_REGION_SIZE, size)) }, width, height);
}

/**
 * The same square seen in a mirrored preview (or back again): what is on the left is shown on the
 * right. The user moves the square on screen; the model sees the true picture.
 */
export function mirrorRegion(region: Region, width: number, height: number): Region {
  return { ...region, x: round(Math.max(0, 1 - region.x - sideFractions(region, width, height).w)) };
}

const round = (value: number) => Math.round(value * 1e4) / 1e4;
