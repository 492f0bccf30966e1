// Files and checks for the hardening tests of issue 5 (bad input, faults, privacy).
//
// There are no image tools on this machine, so every awkward file is made here: byte-level ones
// (an animated GIF, an EXIF orientation segment, a 12000×12000 PNG, a HEIC header) in Node, and
// re-encoded photos (rotated, truncated, tiny, strip-shaped) in the browser with a canvas. Big files
// are cached in os.tmpdir() and never committed.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { createDeflate, crc32 } from 'node:zlib';
import type { BrowserContext, Locator, Page } from '@playwright/test';
import type { MobilenetClassifier } from '../src/components/mobilenet-classifier/mobilenet-classifier.component';
import { expect, recordedEvents, renderedLabels, waitForErrors, waitForResults } from './element-harness';

/** A file for `setInputFiles`. */
export interface FilePayload {
  name: string;
  mimeType: string;
  buffer: Buffer;
}

export type Rgb = readonly [number, number, number];

// ---------------------------------------------------------------------------------------------------
// Files made in Node

/**
 * The JPEG with an APP1 Exif segment right after SOI whose IFD0 holds one entry, Orientation.
 * Orientation 6 means "rotate 90° clockwise to display": the stored pixels are the upright picture
 * turned 90° counter-clockwise.
 */
export function withExifOrientation(jpeg: Buffer, orientation: number): Buffer {
  if (jpeg[0] !== 0xff || jpeg[1] !== 0xd8) throw new Error('not a JPEG: it does not start with SOI (FF D8)');
  const tiff = Buffer.alloc(8 + 2 + 12 + 4);
  tiff.write('II', 0, 'latin1'); // little-endian TIFF
  tiff.writeUInt16LE(42, 2);
  tiff.writeUInt32LE(8, 4); // IFD0 right after the header
  tiff.writeUInt16LE(1, 8); // one entry
  tiff.writeUInt16LE(0x0112, 10); // Orientation
  tiff.writeUInt16LE(3, 12); // SHORT
  tiff.writeUInt32LE(1, 14); // count
  tiff.writeUInt16LE(orientation, 18); // value, left-justified in the 4-byte field
  tiff.writeUInt32LE(0, 22); // no next IFD
  const body = Buffer.concat([Buffer.from('Exif\0\0', 'latin1'), tiff]);
  const marker = Buffer.from([0xff, 0xe1, (body.length + 2) >> 8, (body.length + 2) & 0xff]);
  return Buffer.concat([jpeg.subarray(0, 2), marker, body, jpeg.subarray(2)]);
}

/**
 * An animated GIF (looping forever, half a second a frame) whose frames are each one flat colour.
 *
 * The image data is "uncompressed" LZW: every pixel is a literal code and a clear code follows every
 * second one, so the dictionary never grows past 3-bit codes. Valid GIF that any decoder reads.
 */
export function animatedGif(width: number, height: number, frames: readonly Rgb[]): Buffer {
  if (frames.length > 4) throw new Error('animatedGif: at most 4 frames (one palette entry each)');
  const parts: Buffer[] = [];
  const u16 = (n: number) => Buffer.from([n & 0xff, n >> 8]);
  parts.push(Buffer.from('GIF89a', 'latin1'), u16(width), u16(height));
  // Global colour table of 4 entries (size field 1 → 2^(1+1)), no background, no aspect.
  parts.push(Buffer.from([0b1000_0001, 0, 0]));
  const palette = Buffer.alloc(12);
  frames.forEach((rgb, i) => palette.set(rgb, i * 3));
  parts.push(palette);
  // NETSCAPE2.0: loop forever.
  parts.push(Buffer.from([0x21, 0xff, 11]), Buffer.from('NETSCAPE2.0', 'latin1'), Buffer.from([3, 1, 0, 0, 0]));
  frames.forEach((_, colour) => {
    // Graphic control: disposal "none", 50 × 10 ms.
    parts.push(Buffer.from([0x21, 0xf9, 4, 0b0000_0100]), u16(50), Buffer.from([0, 0]));
    parts.push(Buffer.from([0x2c]), u16(0), u16(0), u16(width), u16(height), Buffer.from([0]));
    parts.push(Buffer.from([2]), subBlocks(literalLzw(width * height, colour)), Buffer.from([0]));
  });
  parts.push(Buffer.from([0x3b]));
  return Buffer.concat(parts);
}

/** LZW codes (min code size 2: clear = 4, end = 5) that spell `count` pixels of one palette index. */
function literalLzw(count: number, index: number): Buffer {
  const codes: number[] = [4];
  for (let i = 0; i < count; i++) {
    codes.push(index);
    if (i % 2 === 1 && i < count - 1) codes.push(4);
  }
  codes.push(5);
  const bytes: number[] = [];
  let bits = 0;
  let acc = 0;
  for (const code of codes) {
    acc |= code << bits;
    bits += 3;
    while (bits >= 8) {
      bytes.push(acc & 0xff);
      acc >>= 8;
      bits -= 8;
    }
  }
  if (bits > 0) bytes.push(acc & 0xff);
  return Buffer.from(bytes);
}

function subBlocks(data: Buffer): Buffer {
  const out: Buffer[] = [];
  for (let i = 0; i < data.length; i += 255) {
    const block = data.subarray(i, i + 255);
    out.push(Buffer.from([block.length]), block);
  }
  return Buffer.concat(out);
}

/**
 * A `width`×`height` RGB PNG of one colour with a centred square of another, streamed through
 * deflate row by row (12000×12000 is 432 MB of raw rows but about half a megabyte compressed).
 * Cached in os.tmpdir() by its parameters; returns the file's path.
 */
export async function flatPngFile(
  width: number,
  height: number,
  background: Rgb,
  square: { size: number; colour: Rgb },
): Promise<string> {
  const key = createHash('sha256')
    .update(JSON.stringify([width, height, background, square]))
    .digest('hex')
    .slice(0, 16);
  const dir = path.join(os.tmpdir(), 'mobilenet-hardening');
  const file = path.join(dir, `flat-${width}x${height}-${key}.png`);
  if (existsSync(file)) return file;
  mkdirSync(dir, { recursive: true });

  const row = (withSquare: boolean) => {
    const bytes = Buffer.alloc(1 + width * 3); // filter byte 0 (None)
    const from = Math.floor((width - square.size) / 2);
    for (let x = 0; x < width; x++)
      bytes.set(withSquare && x >= from && x < from + square.size ? square.colour : background, 1 + x * 3);
    return bytes;
  };
  const plain = row(false);
  const crossed = row(true);
  const top = Math.floor((height - square.size) / 2);
  const deflate = createDeflate({ level: 6 });
  const compressed: Buffer[] = [];
  deflate.on('data', (chunk: Buffer) => compressed.push(chunk));
  const done = new Promise<void>((resolve, reject) => {
    deflate.on('end', resolve);
    deflate.on('error', reject);
  });
  for (let y = 0; y < height; y++) {
    if (!deflate.write(y >= top && y < top + square.size ? crossed : plain))
      await new Promise((resolve) => deflate.once('drain', resolve));
  }
  deflate.end();
  await done;

  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 2, 0, 0, 0], 8); // 8-bit, truecolour, deflate, adaptive filtering, no interlace
  const png = Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', ihdr),
    pngChunk('IDAT', Buffer.concat(compressed)),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
  // Written under a temporary name first: a run killed halfway must not leave a truncated "cached" file.
  const partial = `${file}.${process.pid}.partial`;
  writeFileSync(partial, png);
  renameSync(partial, file);
  return file;
}

function pngChunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

/**
 * The start of a HEIC photo as an iPhone writes it: an ISO-BMFF `ftyp` box of brand `heic`, then a
 * `meta` and an `mdat` box. Chromium has no HEIC decoder, so the content beyond the boxes is moot.
 */
export function heicFile(): Buffer {
  const box = (type: string, body: Buffer) => {
    const head = Buffer.alloc(8);
    head.writeUInt32BE(8 + body.length, 0);
    head.write(type, 4, 'latin1');
    return Buffer.concat([head, body]);
  };
  const ftyp = box('ftyp', Buffer.from('heic\0\0\0\0mif1heic', 'latin1'));
  const meta = box(
    'meta',
    Buffer.concat([
      Buffer.alloc(4),
      box('hdlr', Buffer.concat([Buffer.alloc(8), Buffer.from('pict', 'latin1'), Buffer.alloc(13)])),
    ]),
  );
  const mdat = box('mdat', Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 131 + 7) & 0xff)));
  return Buffer.concat([ftyp, meta, mdat]);
}

/**
 * An SVG with a viewBox but no width or height: it has no intrinsic size. Red background, a white
 * square in the middle and some text, so that a rasterisation of it is easy to recognise.
 */
export const SVG_WITHOUT_SIZE =
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 100">' +
  '<rect width="100" height="100" fill="#ff0000"/>' +
  '<rect x="35" y="35" width="30" height="30" fill="#ffffff"/>' +
  '<text x="50" y="20" font-size="12" text-anchor="middle" fill="#000">no size</text>' +
  '</svg>';

// ---------------------------------------------------------------------------------------------------
// Files made in the browser

export type EncodeSource =
  /** A same-origin image URL, drawn at its natural size (or stretched to width × height). */
  | { url: string; rotate?: 'none' | 'ccw90'; width?: number; height?: number }
  /** A flat colour with a centred square of another. */
  | { width: number; height: number; background: Rgb; square?: { size: number; colour: Rgb } };

/**
 * Draws `source` on a canvas in the page and encodes it (canvas.convertToBlob). `rotate: 'ccw90'`
 * stores the picture turned 90° counter-clockwise, which EXIF Orientation 6 turns upright again.
 */
export async function encodeInPage(
  page: Page,
  source: EncodeSource,
  type: 'image/png' | 'image/jpeg' | 'image/webp',
  quality = 0.92,
): Promise<Buffer> {
  const base64 = await page.evaluate(
    async ({ source, type, quality }) => {
      let canvas: OffscreenCanvas;
      if ('url' in source) {
        const response = await fetch(source.url);
        if (!response.ok) throw new Error(`${source.url}: HTTP ${response.status}`);
        const bitmap = await createImageBitmap(await response.blob());
        const w = source.width ?? bitmap.width;
        const h = source.height ?? bitmap.height;
        const turned = source.rotate === 'ccw90';
        canvas = new OffscreenCanvas(turned ? h : w, turned ? w : h);
        const context = canvas.getContext('2d')!;
        if (turned) {
          // Upright (x, y) lands on stored (y, w - x).
          context.translate(0, w);
          context.rotate(-Math.PI / 2);
        }
        context.drawImage(bitmap, 0, 0, w, h);
        bitmap.close();
      } else {
        canvas = new OffscreenCanvas(source.width, source.height);
        const context = canvas.getContext('2d')!;
        context.fillStyle = `rgb(${source.background.join(',')})`;
        context.fillRect(0, 0, source.width, source.height);
        if (source.square) {
          const { size, colour } = source.square;
          context.fillStyle = `rgb(${colour.join(',')})`;
          context.fillRect((source.width - size) / 2, (source.height - size) / 2, size, size);
        }
      }
      const blob = await canvas.convertToBlob({ type, quality });
      if (blob.type !== type) throw new Error(`this browser encoded ${blob.type} when asked for ${type}`);
      const bytes = new Uint8Array(await blob.arrayBuffer());
      let binary = '';
      for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
      return btoa(binary);
    },
    { source, type, quality },
  );
  return Buffer.from(base64, 'base64');
}

/**
 * `encodeInPage`, cached in os.tmpdir() under `name`: a 12000×12000 canvas takes seconds and 576 MB to
 * encode, which a test should pay once per machine, not once per run.
 */
export async function encodedFile(
  page: Page,
  name: string,
  source: EncodeSource,
  type: 'image/png' | 'image/jpeg',
  quality = 0.92,
): Promise<Buffer> {
  const key = createHash('sha256')
    .update(JSON.stringify([source, type, quality]))
    .digest('hex')
    .slice(0, 16);
  const dir = path.join(os.tmpdir(), 'mobilenet-hardening');
  const file = path.join(dir, `${name}-${key}`);
  if (existsSync(file)) return readFileSync(file);
  mkdirSync(dir, { recursive: true });
  const bytes = await encodeInPage(page, source, type, quality);
  const partial = `${file}.${process.pid}.partial`;
  writeFileSync(partial, bytes);
  renameSync(partial, file);
  return bytes;
}

// ---------------------------------------------------------------------------------------------------
// Checks

/** Reads the 96×96 `[part=crop]` canvas back as RGBA; fails if the element has not rendered one. */
export async function cropPixels(el: Locator): Promise<number[]> {
  const pixels = await el.evaluate(async (host: MobilenetClassifier) => {
    await host.updateComplete;
    const canvas = host.shadowRoot?.querySelector<HTMLCanvasElement>('[part=crop]');
    return canvas ? Array.from(canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data) : null;
  });
  if (!pixels) throw new Error('no <canvas part=crop> rendered');
  return pixels;
}

/** The RGB of pixel (x, y) of a 96-wide RGBA array. */
export function pixelAt(pixels: number[], x: number, y: number, width = 96): Rgb {
  const i = (y * width + x) * 4;
  return [pixels[i], pixels[i + 1], pixels[i + 2]];
}

/** Mean absolute difference per byte of two RGBA arrays of the same size. */
export function meanAbsDiff(a: number[], b: number[]): number {
  expect(a.length, 'pixel arrays of different size').toBe(b.length);
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += Math.abs(a[i] - b[i]);
  return sum / a.length;
}

/** Whether two colours are within `tolerance` of each other in every channel. */
export function near(actual: Rgb, expected: Rgb, tolerance = 12): boolean {
  return actual.every((v, i) => Math.abs(v - expected[i]) <= tolerance);
}

/** What the element shows of its last result, to check that a failure left it alone. */
export interface ShownResult {
  labels: string[];
  crop: number[];
}

export async function shownResult(el: Locator): Promise<ShownResult> {
  const labels = await renderedLabels(el);
  if (labels.length === 0) throw new Error('no [part=label] rendered: the element shows no result');
  return { labels, crop: await cropPixels(el) };
}

/**
 * Waits for the element's answer to something given after `before` events: a new `mobilenet-error`
 * or a new `mobilenet-result`, whichever comes first.
 */
export async function nextOutcome(
  page: Page,
  before: { errors: number; results: number },
  timeout = 20_000,
): Promise<'error' | 'result'> {
  const handle = await page
    .waitForFunction(
      ({ errors, results }) => {
        const count = (type: string) => window.mobilenetEvents.filter((e) => e.type === type).length;
        if (count('mobilenet-error') > errors) return 'error';
        if (count('mobilenet-result') > results) return 'result';
        return false;
      },
      before,
      { timeout },
    )
    .catch(async () => {
      const seen = await recordedEvents(page);
      throw new Error(
        `neither mobilenet-error nor mobilenet-result within ${timeout} ms; recorded: ${JSON.stringify(seen.map((e) => e.type))}`,
      );
    });
  return (await handle.jsonValue()) as 'error' | 'result';
}

/** How many errors and results the page has recorded so far. */
export async function eventCounts(page: Page): Promise<{ errors: number; results: number }> {
  const events = await recordedEvents(page);
  return {
    errors: events.filter((e) => e.type === 'mobilenet-error').length,
    results: events.filter((e) => e.type === 'mobilenet-result').length,
  };
}

/**
 * Uploads `file` to an element that shows a result, and expects it refused: one new `mobilenet-error`
 * of phase input whose message contains each of `says`, the same message in `[part=error]` with
 * role=alert, no new result, and the previous labels and crop still on screen.
 */
export async function expectUploadRefused(el: Locator, file: FilePayload | string, says: string[]): Promise<string> {
  const page = el.page();
  const before = await shownResult(el);
  const counts = await eventCounts(page);
  await el.locator('input[type=file]').setInputFiles(file);
  const name = typeof file === 'string' ? path.basename(file) : file.name;
  if ((await nextOutcome(page, counts)) === 'result') {
    const result = (await recordedEvents(page, 'mobilenet-result')).at(-1)!.result!;
    throw new Error(
      `"${name}" was classified (top-1 "${result.predictions[0].label}") instead of refused with a mobilenet-error`,
    );
  }
  const error = (await waitForErrors(page, counts.errors + 1)).at(-1)!;
  expect(error.phase, `the error's phase (message: "${error.message}")`).toBe('input');
  for (const part of says) expect(error.message, 'the mobilenet-error message').toContain(part);
  const alert = el.getByRole('alert');
  await expect(alert, 'no role=alert shown for the refused file').toBeVisible();
  await expect(alert).toHaveAttribute('part', 'error');
  await expect(alert).toContainText(error.message);
  expect(
    await recordedEvents(page, 'mobilenet-result'),
    'a mobilenet-result was fired for the refused file',
  ).toHaveLength(counts.results);
  expect(await renderedLabels(el), 'the previous result’s labels were replaced or cleared').toEqual(before.labels);
  expect(meanAbsDiff(await cropPixels(el), before.crop), 'the previous crop was redrawn').toBe(0);
  return error.message;
}

/** Uploads a good test image and expects its true class at top-1, rendered, with the error cleared. */
export async function expectUploadClassified(
  el: Locator,
  image: { path: string; index: number; displayLabel: string },
): Promise<void> {
  const page = el.page();
  const counts = await eventCounts(page);
  await el.locator('input[type=file]').setInputFiles(image.path);
  if ((await nextOutcome(page, counts, 30_000)) === 'error') {
    const error = (await recordedEvents(page, 'mobilenet-error')).at(-1)!.error!;
    throw new Error(
      `the good upload ${path.basename(image.path)} was refused: ${error.phase} error "${error.message}"`,
    );
  }
  const result = (await waitForResults(page, counts.results + 1)).at(-1)!;
  const top = result.predictions[0];
  expect(
    top.index,
    `top-1 of ${path.basename(image.path)} is class ${top.index} "${top.label}" at ${top.probability.toFixed(3)}`,
  ).toBe(image.index);
  await expect(el.locator('[part=label]').first()).toHaveText(image.displayLabel);
  await expect(el.locator('[part=error]'), 'the error stayed after a good upload').toHaveCount(0);
}

/**
 * A real HTTP server on another port of 127.0.0.1: another origin than the page's. It is not reached
 * through page.route, because Playwright adds Access-Control-Allow-Origin to every cross-origin response
 * a route fulfils (microsoft/playwright#12929), which would hide exactly the CORS failures under test.
 */
export interface OtherOrigin {
  /** e.g. http://127.0.0.1:41234 */
  origin: string;
  /** Answers every request; replace it in a test. Default: 404. */
  handle: (request: IncomingMessage, response: ServerResponse) => void;
  /** Paths requested so far. */
  requested: string[];
  close(): Promise<void>;
}

export async function startOtherOrigin(): Promise<OtherOrigin> {
  const server = createServer((request, response) => {
    other.requested.push(request.url ?? '');
    other.handle(request, response);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const other: OtherOrigin = {
    origin: `http://127.0.0.1:${port}`,
    requested: [],
    handle: (_, response) => response.writeHead(404).end('not found'),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
  return other;
}

/** `tf.memory()` of the page's tf.js: tfjs-core keeps its engine on the global object as `_tfengine`. */
export async function tfMemory(page: Page): Promise<{ numTensors: number; numBytes: number }> {
  const memory = await page.evaluate(() => {
    const engine = (globalThis as unknown as { _tfengine?: { memory(): { numTensors: number; numBytes: number } } })
      ._tfengine;
    return engine ? { numTensors: engine.memory().numTensors, numBytes: engine.memory().numBytes } : null;
  });
  if (!memory) throw new Error('globalThis._tfengine is missing: tf.js has not started in this page');
  return memory;
}

/** One request as seen by the browser context. */
export interface LoggedRequest {
  url: string;
  method: string;
  resourceType: string;
  bodyBytes: number;
  phase: string;
}

/**
 * Records every request of every page and worker of the context, tagged with the phase set by
 * `log.phase = '…'`, and every WebSocket a page opens.
 */
export function recordRequests(context: BrowserContext): {
  requests: LoggedRequest[];
  sockets: string[];
  phase: string;
} {
  const log = { requests: [] as LoggedRequest[], sockets: [] as string[], phase: 'start' };
  context.on('request', (request) => {
    log.requests.push({
      url: request.url(),
      method: request.method(),
      resourceType: request.resourceType(),
      bodyBytes: request.postDataBuffer()?.length ?? 0,
      phase: log.phase,
    });
  });
  context.on('page', (page) => page.on('websocket', (socket) => log.sockets.push(socket.url())));
  return log;
}
