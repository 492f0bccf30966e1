import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { deflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import {
  decodeScale,
  displaySize,
  eighthsSize,
  jpegDecodeEighths,
  jpegIsComplete,
  MAX_DECODE_PIXELS,
  MIN_DECODED_CROP_SIDE,
  readImageHeader,
  scaledSize,
} from '../src/model/image-header';
import { repoRoot } from './model-helpers';

// Headers are written byte by byte here, as the formats' specifications lay them out: the parser only
// reads headers, so no pixel data is needed (and there are no image tools on this machine).

const u16be = (n: number) => [n >> 8, n & 0xff];
const u16le = (n: number) => [n & 0xff, n >> 8];
const u32be = (n: number) => [n >>> 24, (n >> 16) & 0xff, (n >> 8) & 0xff, n & 0xff];
const u24le = (n: number) => [n & 0xff, (n >> 8) & 0xff, (n >> 16) & 0xff];
const u32le = (n: number) => [...u16le(n & 0xffff), ...u16le(n >>> 16)];
const ascii = (s: string) => Array.from(s, (c) => c.charCodeAt(0));

/** A JPEG segment: marker, 2-byte length (counting itself), body. */
const segment = (marker: number, body: number[]) => [0xff, marker, ...u16be(body.length + 2), ...body];

/** APP1 Exif with one IFD0 entry, Orientation, in the byte order asked for. */
function exifSegment(orientation: number, bigEndian = false): number[] {
  const u16 = bigEndian ? u16be : u16le;
  const u32 = bigEndian ? u32be : u32le;
  const tiff = [
    ...ascii(bigEndian ? 'MM' : 'II'),
    ...u16(42),
    ...u32(8),
    ...u16(1),
    ...u16(0x0112),
    ...u16(3),
    ...u32(1),
    ...u16(orientation),
    0,
    0,
    ...u32(0),
  ];
  return segment(0xe1, [...ascii('Exif'), 0, 0, ...tiff]);
}

/** SOI, optional segments, then a baseline frame header (SOF0) of width × height, 3 components. */
function jpegHeader(width: number, height: number, before: number[][] = [], sofMarker = 0xc0): Uint8Array {
  const sof = segment(sofMarker, [8, ...u16be(height), ...u16be(width), 3, 1, 0x22, 0, 2, 0x11, 1, 3, 0x11, 1]);
  const dqt = segment(0xdb, [0, ...new Array(64).fill(1)]);
  return new Uint8Array([0xff, 0xd8, ...before.flat(), ...dqt, ...sof, 0xff, 0xda]);
}

function pngHeader(width: number, height: number): Uint8Array {
  const ihdr = [...u32be(width), ...u32be(height), 8, 2, 0, 0, 0];
  const idat = Array.from(deflateSync(Buffer.alloc(1)));
  return new Uint8Array([
    0x89,
    ...ascii('PNG'),
    0x0d,
    0x0a,
    0x1a,
    0x0a,
    ...u32be(13),
    ...ascii('IHDR'),
    ...ihdr,
    0,
    0,
    0,
    0,
    ...u32be(idat.length),
    ...ascii('IDAT'),
    ...idat,
    0,
    0,
    0,
    0,
  ]);
}

const gifHeader = (width: number, height: number) =>
  new Uint8Array([...ascii('GIF89a'), ...u16le(width), ...u16le(height), 0, 0, 0, 0x3b]);

function riff(chunk: string, body: number[]): Uint8Array {
  const data = [...ascii('WEBP'), ...ascii(chunk), ...u32le(body.length), ...body];
  return new Uint8Array([...ascii('RIFF'), ...u32le(data.length), ...data]);
}
/** Lossy WebP: a VP8 key frame header (3-byte frame tag, start code, 14-bit width and height). */
const webpLossy = (width: number, height: number) =>
  riff('VP8 ', [0x30, 0x01, 0x00, 0x9d, 0x01, 0x2a, ...u16le(width), ...u16le(height), 0, 0]);
/** Lossless WebP: signature 0x2f, then width-1 and height-1 in 14 bits each. */
function webpLossless(width: number, height: number): Uint8Array {
  const bits = (width - 1) | ((height - 1) << 14);
  return riff('VP8L', [0x2f, ...u32le(bits), 0, 0]);
}
/** Extended WebP (VP8X): canvas width-1 and height-1 in 24 bits each. */
const webpExtended = (width: number, height: number) =>
  riff('VP8X', [0x08, 0, 0, 0, ...u24le(width - 1), ...u24le(height - 1)]);

describe('readImageHeader', () => {
  it('reads the size of a JPEG from its frame header', () => {
    expect(readImageHeader(jpegHeader(12000, 9000))).toEqual({
      type: 'jpg',
      width: 12000,
      height: 9000,
      orientation: 1,
    });
  });

  it('reads a progressive JPEG (SOF2) too', () => {
    expect(readImageHeader(jpegHeader(4032, 3024, [], 0xc2))).toMatchObject({ width: 4032, height: 3024 });
  });

  it.each([false, true])('reads the EXIF orientation of a JPEG (big-endian TIFF: %s)', (bigEndian) => {
    expect(readImageHeader(jpegHeader(6000, 4000, [exifSegment(6, bigEndian)]))).toEqual({
      type: 'jpg',
      width: 6000,
      height: 4000,
      orientation: 6,
    });
  });

  it('finds the frame header behind other segments (JFIF, ICC profile)', () => {
    const jfif = segment(0xe0, [...ascii('JFIF'), 0, 1, 1, 0, 0, 1, 0, 1, 0, 0]);
    const icc = segment(0xe2, [...ascii('ICC_PROFILE'), 0, 1, 1, ...new Array(3000).fill(0x41)]);
    expect(readImageHeader(jpegHeader(800, 600, [jfif, icc]))).toMatchObject({ width: 800, height: 600 });
  });

  it('reads PNG, GIF and the three kinds of WebP', () => {
    expect(readImageHeader(pngHeader(12000, 12000))).toEqual({
      type: 'png',
      width: 12000,
      height: 12000,
      orientation: 1,
    });
    expect(readImageHeader(gifHeader(640, 480))).toEqual({ type: 'gif', width: 640, height: 480, orientation: 1 });
    expect(readImageHeader(webpLossy(1024, 768))).toEqual({ type: 'webp', width: 1024, height: 768, orientation: 1 });
    expect(readImageHeader(webpLossless(5000, 4000))).toEqual({
      type: 'webp',
      width: 5000,
      height: 4000,
      orientation: 1,
    });
    expect(readImageHeader(webpExtended(16383, 9000))).toEqual({
      type: 'webp',
      width: 16383,
      height: 9000,
      orientation: 1,
    });
  });

  it('reads no further than the end of a view into a larger buffer', () => {
    const png = pngHeader(10, 10);
    expect(readImageHeader(png.subarray(0, 20))).toBeUndefined();
    expect(readImageHeader(png.subarray(0, 24))).toMatchObject({ width: 10, height: 10 });
  });

  it('ignores an orientation outside 1–8', () => {
    expect(readImageHeader(jpegHeader(100, 50, [exifSegment(9)]))?.orientation).toBe(1);
    expect(readImageHeader(jpegHeader(100, 50, [exifSegment(0)]))?.orientation).toBe(1);
  });

  describe('says nothing (undefined) for a header it cannot trust', () => {
    // slice, not subarray: a truncated file is a buffer that ends there, and image-size reads through a view's buffer.
    const jpeg = jpegHeader(4000, 3000, [exifSegment(6)]);
    const cases: [string, Uint8Array][] = [
      ['no bytes', new Uint8Array(0)],
      ['text', new TextEncoder().encode('Shopping list: milk, eggs.\n')],
      ['random bytes', Uint8Array.from({ length: 4096 }, (_, i) => (i * 131 + 7) & 0xff)],
      ['a JPEG cut off before its frame header', jpeg.slice(0, 30)],
      ['a JPEG cut off inside a segment', jpeg.slice(0, jpeg.length - 14)],
      ['a JPEG of SOI and nothing else', new Uint8Array([0xff, 0xd8])],
      ['a JPEG whose segment length points past the end', new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0xff, 0xff, 0, 0])],
      ['a JPEG with a width of 0', jpegHeader(0, 3000)],
      ['a JPEG with a height of 0', jpegHeader(4000, 0)],
      ['a PNG signature alone', pngHeader(10, 10).slice(0, 8)],
      ['a PNG cut off inside IHDR', pngHeader(10, 10).slice(0, 20)],
      ['a PNG of width 0', pngHeader(0, 10)],
      ['a GIF of 0×0', gifHeader(0, 0)],
      ['a GIF cut off after its signature', gifHeader(10, 10).slice(0, 6)],
      ['a RIFF that is not WebP', new Uint8Array([...ascii('RIFF'), 4, 0, 0, 0, ...ascii('WAVE')])],
      ['a WebP cut off before its size', webpLossy(100, 100).slice(0, 20)],
    ];
    it.each(cases)('%s', (_, bytes) => {
      expect(readImageHeader(bytes)).toBeUndefined();
    });
  });
});

describe('displaySize', () => {
  it.each([1, 2, 3, 4])('keeps width and height for orientation %i', (orientation) => {
    expect(displaySize({ type: 'jpg', width: 6000, height: 4000, orientation })).toEqual({ width: 6000, height: 4000 });
  });
  it.each([5, 6, 7, 8])('swaps them for orientation %i (turned a quarter)', (orientation) => {
    expect(displaySize({ type: 'jpg', width: 6000, height: 4000, orientation })).toEqual({ width: 4000, height: 6000 });
  });
});

describe('decodeScale', () => {
  it('leaves an image of at most 4096² pixels alone (a 12 MP phone photo among them)', () => {
    expect(decodeScale(4032, 3024)).toBe(1);
    expect(decodeScale(4096, 4096)).toBe(1);
    expect(decodeScale(96, 96)).toBe(1);
  });

  it('brings a 12000×12000 image to 4096×4096', () => {
    const scale = decodeScale(12000, 12000);
    expect(scaledSize(12000, 12000, scale)).toEqual({ width: 4096, height: 4096 });
  });

  it('keeps the aspect ratio and stays within the budget', () => {
    for (const [w, h] of [
      [8160, 6120],
      [12000, 4000],
      [3000, 20000],
      [16383, 16383],
    ]) {
      const scale = decodeScale(w, h);
      const size = scaledSize(w, h, scale);
      expect(size.width * size.height).toBeLessThanOrEqual(MAX_DECODE_PIXELS * 1.001);
      expect(size.width / size.height).toBeCloseTo(w / h, 2);
    }
  });

  it('never shrinks the short side below the 96 pixels the model sees', () => {
    const scale = decodeScale(2_000_000, 100);
    expect(scaledSize(2_000_000, 100, scale).height).toBe(96);
  });

  it('refuses a size with no pixels', () => {
    expect(() => decodeScale(0, 10)).toThrow(RangeError);
    expect(() => decodeScale(10, Number.NaN)).toThrow(RangeError);
  });
});

describe('jpegDecodeEighths', () => {
  it('decodes a 12 MP phone photo at 2/8: the smallest scale whose crop keeps 384 px', () => {
    expect(MIN_DECODED_CROP_SIDE).toBe(384);
    expect(jpegDecodeEighths(4032, 3024)).toBe(2);
    expect(jpegDecodeEighths(3024, 4032)).toBe(2);
    expect(eighthsSize(4032, 3024, 2)).toEqual({ width: 1008, height: 756, pixels: 1008 * 756 });
  });

  it('needs a larger scale for a smaller crop, up to the whole image', () => {
    expect(jpegDecodeEighths(4032, 3024, 0.5)).toBe(3);
    expect(jpegDecodeEighths(4032, 3024, 0.1)).toBe(8);
    expect(jpegDecodeEighths(500, 375)).toBe(8);
    expect(jpegDecodeEighths(12000, 12000)).toBe(1);
  });

  it('rounds sizes up as libjpeg does', () => {
    expect(eighthsSize(2000, 1500, 3)).toEqual({ width: 750, height: 563, pixels: 750 * 563 });
    expect(eighthsSize(1, 1, 1)).toEqual({ width: 1, height: 1, pixels: 1 });
  });

  it('never goes over the decode limit, which wins over the crop', () => {
    // A tenth of 12000 is 1200 px of crop: it would want 3/8 (4500², 20 MP), over 16.7 MP.
    const eighths = jpegDecodeEighths(12000, 12000, 0.1);
    expect(eighths).toBe(2);
    expect(eighthsSize(12000, 12000, eighths).pixels).toBeLessThanOrEqual(MAX_DECODE_PIXELS);
  });

  it('refuses a size with no pixels', () => {
    expect(() => jpegDecodeEighths(0, 10)).toThrow(RangeError);
  });
});

describe('jpegIsComplete', () => {
  /** Headers, a scan whose entropy-coded data has a stuffed FF 00 and a restart marker, then EOI. */
  const scan = [...segment(0xda, [1, 1, 0, 0, 63, 0]).slice(2), 0x12, 0xff, 0x00, 0x34, 0xff, 0xd0, 0x56];
  const whole = (before: number[][] = []) => new Uint8Array([...jpegHeader(64, 64, before), ...scan, 0xff, 0xd9]);
  /** An APP1 that holds a whole small JPEG (SOI … EOI), as an EXIF thumbnail does. */
  const thumbnail = segment(0xe1, [...ascii('Exif'), 0, 0, 0xff, 0xd8, 0xff, 0xda, 1, 2, 3, 0xff, 0xd9]);

  it('says a JPEG that runs to its end-of-image marker is complete', () => {
    expect(jpegIsComplete(whole())).toBe(true);
    expect(jpegIsComplete(whole([thumbnail]))).toBe(true);
  });

  const dir = path.resolve(repoRoot, process.env['SHARED_DIR'] ?? '../shared', 'test-images');

  it('says each of the 30 test photos is complete', () => {
    const photos = readdirSync(dir).filter((file) => file.endsWith('.jpg'));
    expect(photos).toHaveLength(30);
    for (const file of photos) expect(jpegIsComplete(readFileSync(path.join(dir, file))), file).toBe(true);
  });

  it('accepts data after the end-of-image marker (a motion photo appends a video there)', () => {
    expect(jpegIsComplete(new Uint8Array([...whole(), ...ascii('....ftypmp42'), ...new Array(1000).fill(7)]))).toBe(
      true,
    );
  });

  it.each([
    ['cut inside the scan', (bytes: Uint8Array) => bytes.slice(0, bytes.length - 4)],
    ['cut between the FF and the D9 of its end marker', (bytes: Uint8Array) => bytes.slice(0, bytes.length - 1)],
    ['cut before its scan', (bytes: Uint8Array) => bytes.slice(0, 60)],
  ])('says a JPEG %s is not complete', (_, cut) => {
    expect(jpegIsComplete(cut(whole()))).toBe(false);
    // The thumbnail's own end marker, before the scan, does not count.
    expect(jpegIsComplete(cut(whole([thumbnail])))).toBe(false);
  });

  it('says a test photo cut off after 40% or 99% of its bytes is not complete', () => {
    const photo = readFileSync(path.join(dir, 'n07745940_strawberry.jpg'));
    expect(jpegIsComplete(photo.subarray(0, Math.floor(photo.length * 0.4)))).toBe(false);
    expect(jpegIsComplete(photo.subarray(0, Math.floor(photo.length * 0.99)))).toBe(false);
  });

  it('leaves a JPEG whose segments cannot be walked to the decoder (true)', () => {
    expect(jpegIsComplete(new Uint8Array([0xff, 0xd8, 0x12, 0x34, 0x56, 0x78]))).toBe(true);
  });
});
