import { imageSize } from 'image-size';
import { MODEL_INPUT_SIZE } from './crop';

/**
 * Reading an image's size from its first bytes, before decoding it, so that a huge photo can be
 * decoded at a reduced size. DOM-free: runs under Node in test/image-header.test.ts.
 */

/** What the header says: the format, the stored size and the EXIF orientation (JPEG only; 1 otherwise). */
export interface ImageHeader {
  /** image-size's name of the format: `jpg`, `png`, `gif`, `webp`, `heif`, `bmp`… */
  type: string;
  /** Stored width and height, before the EXIF orientation is applied. */
  width: number;
  height: number;
  /** EXIF orientation 1–8; 5–8 swap width and height on display. */
  orientation: number;
}

/** Enough for the size of a JPEG whose EXIF and ICC segments come before its frame header (each at most 64 KB). */
export const HEADER_BYTES = 1 << 20;

/**
 * The most pixels a picture is decoded at: 4096² RGBA is 64 MB. The model needs only 96×96, and a
 * 12000×12000 photo (144 MP) decoded whole takes 576 MB of memory, enough to end a tab on a phone.
 */
export const MAX_DECODE_PIXELS = 4096 * 4096;

/**
 * The format and size of an image from its first bytes, or undefined when they are not an image
 * header that can be read (unknown format, truncated, corrupt, or a size of 0).
 *
 * @example readImageHeader(new Uint8Array(await file.slice(0, HEADER_BYTES).arrayBuffer()))
 */
export function readImageHeader(bytes: Uint8Array): ImageHeader | undefined {
  let size: ReturnType<typeof imageSize>;
  try {
    // image-size reads through a DataView of the whole underlying buffer: a view into a larger buffer is
    // copied, so that nothing past its end is read as part of the header.
    const whole = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength;
    size = imageSize(whole ? bytes : bytes.slice());
  } catch {
    return undefined;
  }
  const { width, height, type, orientation } = size;
  if (!isSide(width) || !isSide(height) || !type) return undefined;
  return { type, width, height, orientation: orientation && orientation >= 1 && orientation <= 8 ? orientation : 1 };
}

/**
 * Whether a JPEG's data runs on to its end-of-image marker (FF D9) after the frame's first scan: false
 * for a file cut off part-way, e.g. an interrupted download. Chromium refuses such a file, but Firefox
 * and WebKit decode what is there and fill the rest with grey (found by the cross-engine tests), which
 * the model would then classify. True when the segments before the scan cannot be walked: the decoder
 * judges those.
 */
export function jpegIsComplete(bytes: Uint8Array): boolean {
  // Segments are skipped by their lengths up to the first SOS (FF DA): an EXIF thumbnail in APP1 has
  // an end-of-image marker of its own.
  let at = 2;
  for (;;) {
    if (at + 4 > bytes.length) return false;
    if (bytes[at] !== 0xff) return true;
    const marker = bytes[at + 1];
    if (marker === 0xff)
      at += 1; // fill byte
    else if (marker === 0xda) break;
    else if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd8))
      at += 2; // no length
    else if (marker === 0xd9) return true;
    else at += 2 + ((bytes[at + 2] << 8) | bytes[at + 3]);
  }
  // In the entropy-coded data an FF is followed by 00 (stuffing), a restart marker or the next
  // segment of a progressive JPEG: FF D9 is the end. Data after it (a phone's motion photo) is fine.
  for (let ff = bytes.indexOf(0xff, at + 2); ff >= 0 && ff + 1 < bytes.length; ff = bytes.indexOf(0xff, ff + 1)) {
    if (bytes[ff + 1] === 0xd9) return true;
  }
  return false;
}

/** Width and height as shown, with the EXIF orientation applied. */
export function displaySize(header: ImageHeader): { width: number; height: number } {
  return header.orientation >= 5
    ? { width: header.height, height: header.width }
    : { width: header.width, height: header.height };
}

/**
 * The factor in (0, 1] by which a `width`×`height` image is scaled down when decoded: 1 when it has
 * at most `maxPixels`, otherwise the factor that brings it to `maxPixels` (aspect kept), but never
 * so far that its short side falls below `minSide` (the model's 96 pixels), which only a strip
 * thousands of times longer than wide would need.
 */
export function decodeScale(
  width: number,
  height: number,
  maxPixels = MAX_DECODE_PIXELS,
  minSide = MODEL_INPUT_SIZE,
): number {
  if (!isSide(width) || !isSide(height)) throw new RangeError(`The image has no pixels (${width}×${height}).`);
  const pixels = width * height;
  if (pixels <= maxPixels) return 1;
  const scale = Math.sqrt(maxPixels / pixels);
  return Math.min(1, Math.max(scale, minSide / Math.min(width, height)));
}

/**
 * The side, in decoded pixels, below which the crop is not decoded: four times the model's input.
 * Measured on the 30 test images upscaled to 4032×3024 (e2e/phone-photos.spec.ts, wasm): decoded at
 * 1/4 (crop 756 px) the top-1 matched a full decode on 29 of 30; at 1/8 (crop 378 px, twice the
 * input) on only 26, because the final bilinear resize then samples a box-filtered picture.
 */
export const MIN_DECODED_CROP_SIDE = 4 * MODEL_INPUT_SIZE;

/**
 * The smallest JPEG decode scale, in eighths (1–8), that keeps the centred crop of a stored
 * `width`×`height` JPEG at least `minCropSide` decoded pixels on its side, without going over
 * `maxPixels` (which wins: a tab that runs out of memory classifies nothing). A JPEG decoder can
 * scale by n/8 while it decodes (libjpeg's DCT scaling): a 4032×3024 phone photo is decoded at
 * 1008×756 (2/8) for a full-width crop, without the 12 MP ever existing.
 *
 * @param crop fraction of the short side in (0, 1], as for {@link centreCrop}.
 * @example jpegDecodeEighths(4032, 3024) // 2: 1008×756, crop side 756
 */
export function jpegDecodeEighths(
  width: number,
  height: number,
  crop = 1,
  minCropSide = MIN_DECODED_CROP_SIDE,
  maxPixels = MAX_DECODE_PIXELS,
): number {
  if (!isSide(width) || !isSide(height)) throw new RangeError(`The image has no pixels (${width}×${height}).`);
  const cropSide = Math.min(width, height) * crop;
  let eighths = Math.min(8, Math.max(1, Math.ceil((8 * minCropSide) / cropSide)));
  while (eighths > 1 && eighthsSize(width, height, eighths).pixels > maxPixels) eighths--;
  return eighths;
}

/** The size a JPEG decoder gives for `eighths`/8 of `width`×`height`: each side rounded up, as libjpeg does. */
export function eighthsSize(
  width: number,
  height: number,
  eighths: number,
): { width: number; height: number; pixels: number } {
  const w = Math.ceil((width * eighths) / 8);
  const h = Math.ceil((height * eighths) / 8);
  return { width: w, height: h, pixels: w * h };
}

/** `width`×`height` scaled by `scale`, rounded, each side at least 1. */
export function scaledSize(width: number, height: number, scale: number): { width: number; height: number } {
  return { width: Math.max(1, Math.round(width * scale)), height: Math.max(1, Math.round(height * scale)) };
}

function isSide(n: number | undefined): n is number {
  return typeof n === 'number' && Number.isInteger(n) && n > 0;
}
