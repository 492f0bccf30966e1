// The element's pure helpers: what it exports, how it writes numbers, which results it announces, and
// how it names the phase and message of an error.
import { describe, expect, it } from 'vitest';
import { CameraError, cameraError } from '../src/capture/camera-controller';
import { AnnounceThrottle } from '../src/components/mobilenet-classifier/announce-throttle';
import { phaseOf } from '../src/components/mobilenet-classifier/errors';
import { baseName, featuresJson, littleEndianFloat32 } from '../src/components/mobilenet-classifier/features-export';
import { CustomClassError } from '../src/custom';
import { describeError, en } from '../src/i18n';
import { de } from '../src/i18n/tables';
import { ClassifierError } from '../src/model';
import { termsOf } from './i18n-samples';

describe('feature export', () => {
  it('writes JSON with the model, the length and every value', () => {
    const values = Float32Array.of(0.5, -1.25, 3);
    expect(JSON.parse(featuresJson(values, 'm'))).toEqual({ model: 'm', length: 3, values: [0.5, -1.25, 3] });
  });

  it('writes .bin as little-endian float32, 4 bytes a value', () => {
    const bytes = new Uint8Array(littleEndianFloat32(Float32Array.of(1, -2)));
    // 1.0f is 0x3f800000 and -2.0f is 0xc0000000, lowest byte first.
    expect(Array.from(bytes)).toEqual([0x00, 0x00, 0x80, 0x3f, 0x00, 0x00, 0x00, 0xc0]);
  });

  it.each([
    ['holiday/IMG 0042.JPG', 'IMG_0042'],
    ['https://example.com/a/cat.photo.png', 'cat.photo'],
    ['C:\\pics\\dog (1).webp', 'dog_1_'],
    ['über', '_ber'],
    ['', 'image'],
    [undefined, 'image'],
  ])('names the download after %j: %j', (name, expected) => {
    expect(baseName(name)).toBe(expected);
  });
});

describe('numbers for people (the English table)', () => {
  const t = termsOf(en, 'en');

  it('writes probabilities as percentages with one decimal', () => {
    expect(t.probability(0.125)).toBe('12.5%');
    expect(t.probability(1)).toBe('100.0%');
    expect(t.probability(0)).toBe('0.0%');
  });

  it('writes megabytes with one decimal', () => {
    expect(t.loadingBytes(1_500_000, 2_800_000)).toBe('Loading the model… 1.5 MB of 2.8 MB');
  });

  it('puts the noun in the right number', () => {
    expect(t.storageKept(1, 0)).toBe('1 class, 0 examples, kept in this browser only.');
    expect(t.exampleCount(2)).toBe('2 examples');
    expect(t.exampleCount(1)).toBe('1 example');
  });

  it('says "Not sure" with the threshold as few decimals as it has: 20%, 99.9%', () => {
    expect(t.notSure(0.2)).toBe('Not sure: nothing above 20%');
    expect(t.notSure(0.999)).toBe('Not sure: nothing above 99.9%');
  });
});

describe('announcements', () => {
  it('always announces a single picture', () => {
    const throttle = new AnnounceThrottle(4000);
    expect(throttle.admit('cat', false, 0)).toBe(true);
    expect(throttle.admit('cat', false, 1)).toBe(true);
  });

  it('announces a live label only when it changed and the interval has passed', () => {
    const throttle = new AnnounceThrottle(4000);
    expect(throttle.admit('cat', true, 0)).toBe(true);
    expect(throttle.admit('dog', true, 3999), 'too soon').toBe(false);
    expect(throttle.admit('cat', true, 5000), 'the same label').toBe(false);
    expect(throttle.admit('dog', true, 5000)).toBe(true);
    expect(throttle.admit('cat', true, 8000), 'too soon after dog').toBe(false);
  });
});

describe('errors', () => {
  it('finds the phase from the error type', () => {
    expect(phaseOf(new ClassifierError('load', 'x'))).toBe('load');
    expect(phaseOf(cameraError('camera-denied', {}))).toBe('camera');
    expect(phaseOf(new CustomClassError('label', 'x'))).toBe('custom');
    expect(phaseOf(new Error('x'))).toBe('inference');
  });

  const inEnglish = (error: unknown) => describeError(error, (code, values) => termsOfErrors(en)(code, values));
  const termsOfErrors =
    (table: typeof en) =>
    (code: string, values: unknown): string =>
      (table[code as keyof typeof en] as (v: unknown, f: unknown) => string)(values, undefined);

  it('shows a coded error by its entry, in the table’s language, and the English entry is its message', () => {
    const denied = cameraError('camera-denied', {});
    expect(inEnglish(denied)).toBe(denied.message);
    expect(describeError(denied, (code, values) => termsOfErrors(de)(code, values))).toMatch(
      /^Kamerazugriff verweigert/,
    );
  });

  it('shows our uncoded messages as they are, and names anything else as a failed classification', () => {
    expect(inEnglish(new CameraError('No camera.'))).toBe('No camera.');
    expect(inEnglish(new RangeError('top-k must be 1–1001.'))).toBe('top-k must be 1–1001.');
    expect(inEnglish(new TypeError('boom'))).toBe('Classification failed: boom');
    expect(inEnglish('boom')).toBe('Classification failed: boom');
  });
});
