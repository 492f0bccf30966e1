import { areaCrop, type Area, MODEL_INPUT_SIZE } from './crop';
import type { PictureName } from './errors';
import { classifierError } from './messages';
import { checkInput } from './input-check';
import {
  decodeScale,
  displaySize,
  eighthsSize,
  HEADER_BYTES,
  jpegIsComplete,
  type ImageHeader,
  jpegDecodeEighths,
  MAX_DECODE_PIXELS,
  readImageHeader,
} from './image-header';
import type { ClassifierInput } from './types';

type Drawable = Exclude<ClassifierInput, Blob | ImageData>;
type Context2D = CanvasRenderingContext2D | OffscreenCanvasRenderingContext2D;

/** How long to wait for a video that has no frame yet before giving up. */
const VIDEO_FRAME_TIMEOUT_MS = 5000;

/** A crop smaller than this (in source pixels) holds too little to classify: it would be a blur of a few pixels. */
export const MIN_CROP_SIDE = 16;

/** Side at which an SVG with no size of its own is drawn. */
const SVG_RASTER_SIZE = 512;

let sharedContext: Context2D | undefined;

/**
 * One 96×96 canvas, reused for every call. `willReadFrequently` keeps it in CPU memory: we read
 * it back on every call, and a GPU-backed canvas would stall on each getImageData.
 */
function modelCanvas(): Context2D {
  if (sharedContext) return sharedContext;
  const canvas =
    typeof OffscreenCanvas !== 'undefined'
      ? new OffscreenCanvas(MODEL_INPUT_SIZE, MODEL_INPUT_SIZE)
      : Object.assign(document.createElement('canvas'), { width: MODEL_INPUT_SIZE, height: MODEL_INPUT_SIZE });
  const context = canvas.getContext('2d', { willReadFrequently: true }) as Context2D | null;
  if (!context) throw classifierError('input', 'no-canvas', {});
  sharedContext = context;
  return context;
}

/**
 * Crops a square of `input` (the centred one, or a region) and resizes it to the 96×96 RGBA pixels
 * the model sees.
 *
 * The crop and resize happen on a canvas before any tensor exists: uploading a full 720p frame
 * to build a tensor and resize it there is what makes naive pipelines slow.
 *
 * @param area the centred square's side as a fraction of the short side, in (0, 1], or a region.
 * @throws ClassifierError (phase `input`) when the input cannot be decoded or has no pixels; RangeError
 *   for a region that does not fit the picture.
 */
export async function toModelPixels(input: ClassifierInput, area: Area = 1): Promise<ImageData> {
  checkInput(input);
  // A region's side is a fraction of the short side too: the reduced decode needs only that.
  const { source, release, original } = await drawableOf(input, typeof area === 'number' ? area : area.size);
  try {
    const decoded = sizeOf(source);
    // A picture decoded at a reduced size is judged, and named in messages, by its own size.
    const [width, height] = original ?? decoded;
    if (!(width > 0 && height > 0)) {
      throw classifierError('input', 'no-pixels', { width, height });
    }
    // A region past the picture's edge is the caller's mistake, like a bad crop: a RangeError.
    const side = areaCrop(width, height, area).size;
    const rect = areaCrop(decoded[0], decoded[1], area);
    if (side < MIN_CROP_SIDE) {
      throw classifierError('input', 'image-too-small', {
        ...nameOf(input),
        width,
        height,
        minSide: MIN_CROP_SIDE,
        cropped: area !== 1,
      });
    }
    const context = modelCanvas();
    context.imageSmoothingEnabled = true;
    // Plain bilinear, like the tf.image.resize_bilinear the network was trained and evaluated with.
    // Measured on the 30 test images (one run, WebGL): 'low' 27/30 top-1, mean true-class confidence
    // 0.75; 'medium' and 'high' (smoother) 26/30, 0.68.
    context.imageSmoothingQuality = 'low';
    context.clearRect(0, 0, MODEL_INPUT_SIZE, MODEL_INPUT_SIZE);
    context.drawImage(source, rect.sx, rect.sy, rect.size, rect.size, 0, 0, MODEL_INPUT_SIZE, MODEL_INPUT_SIZE);
    try {
      return context.getImageData(0, 0, MODEL_INPUT_SIZE, MODEL_INPUT_SIZE);
    } catch (error) {
      if (error instanceof DOMException && error.name === 'SecurityError') {
        // A tainted canvas never becomes readable again: the next image gets a fresh one.
        sharedContext = undefined;
        throw classifierError('input', 'cross-origin', {}, error);
      }
      throw error;
    }
  } finally {
    release();
  }
}

/** Copies 96×96 RGBA pixels into a [1, 96, 96, 3] float array in [0, 1], the model's input contract. */
export function toModelInput(
  pixels: ImageData,
  out = new Float32Array(pixels.width * pixels.height * 3),
): Float32Array {
  const rgba = pixels.data;
  for (let p = 0, q = 0; p < rgba.length; p += 4, q += 3) {
    out[q] = rgba[p] / 255;
    out[q + 1] = rgba[p + 1] / 255;
    out[q + 2] = rgba[p + 2] / 255;
  }
  return out;
}

interface DrawableSource {
  source: Drawable;
  release: () => void;
  /** Width and height of the picture as shown, when it was decoded at a reduced size. */
  original?: [number, number];
}

async function drawableOf(input: ClassifierInput, crop: number): Promise<DrawableSource> {
  if (input instanceof Blob) {
    const { bitmap, original } = await decodeBlob(input, crop);
    return { source: bitmap, release: () => bitmap.close(), original };
  }
  if (input instanceof ImageData) {
    const bitmap = await createImageBitmap(input);
    return { source: bitmap, release: () => bitmap.close() };
  }
  if (typeof HTMLImageElement !== 'undefined' && input instanceof HTMLImageElement) {
    await imageLoaded(input);
  } else if (typeof HTMLVideoElement !== 'undefined' && input instanceof HTMLVideoElement) {
    await videoFrameReady(input);
  }
  return { source: input, release: () => {} };
}

function nameOf(input: ClassifierInput): PictureName {
  return {
    ...(input instanceof File && input.name ? { name: input.name } : {}),
    isFile: input instanceof Blob,
  };
}

function isSvg(blob: Blob): boolean {
  return blob.type === 'image/svg+xml' || (blob instanceof File && /\.svgz?$/i.test(blob.name));
}

async function decodeBlob(blob: Blob, crop: number): Promise<{ bitmap: ImageBitmap; original?: [number, number] }> {
  const what = nameOf(blob);
  if (blob.size === 0) throw classifierError('input', 'empty-file', what);
  // A file that cannot be read at all (deleted or changed since it was chosen) gets the same message
  // as one that cannot be decoded, from createImageBitmap below.
  const headerBytes = await blob
    .slice(0, HEADER_BYTES)
    .arrayBuffer()
    .catch(() => undefined);
  const header = headerBytes ? readImageHeader(new Uint8Array(headerBytes)) : undefined;
  const scale = header ? decodeScale(header.width, header.height) : 1;
  const shown = header && displaySize(header);
  try {
    if (header?.type === 'jpg' && !jpegIsComplete(new Uint8Array(await blob.arrayBuffer()))) {
      throw new Error('The JPEG ends before its end-of-image marker: it was cut off.');
    }
    const reduced = header?.type === 'jpg' ? await decodeReducedJpeg(blob, header, crop) : undefined;
    if (reduced && shown) return { bitmap: reduced, original: [shown.width, shown.height] };
    // 'from-image' applies the EXIF orientation, so phone photos are classified upright.
    // createImageBitmap's resizeWidth/resizeHeight are no help for a huge PNG or WebP: Chromium 150 decodes
    // the whole image first and then resizes it, which took more memory than the plain decode (measured on
    // a 12000×12000 PNG: +780 MB at the peak, against +544 MB) and 2.6× the time. PNG has no reduced
    // decode at all, and Chromium's ImageDecoder scales only JPEG while decoding.
    return { bitmap: await createImageBitmap(blob, { imageOrientation: 'from-image' }) };
  } catch (error) {
    // createImageBitmap refuses an SVG that has no width and height; an <img> draws it at any size.
    const drawn = isSvg(blob) ? await rasteriseSvg(blob) : undefined;
    if (drawn) return { bitmap: drawn };
    const type = blob.type ? { type: blob.type } : {};
    if (shown && scale < 1) {
      const megapixels = Math.round((shown.width * shown.height) / 1e6);
      const maxMegapixels = Math.round(MAX_DECODE_PIXELS / 1e6);
      throw classifierError(
        'input',
        'image-too-large',
        { ...what, ...type, width: shown.width, height: shown.height, megapixels, maxMegapixels },
        error,
      );
    }
    throw classifierError('input', 'undecodable-image', { ...what, ...type }, error);
  }
}

/**
 * Decodes a JPEG at the smallest n/8 of its size that keeps the crop at least four times the model's
 * input ({@link jpegDecodeEighths}), or undefined when the JPEG is too small for that to save much
 * (at most half its side would go), or when no reduced decode worked (the caller then decodes it whole).
 *
 * Where WebCodecs' ImageDecoder exists, its JPEG decoder scales by n/8 while decoding, so the
 * full-size pixels never exist. Measured in Chromium 156 here (`npm run bench`, `decode` scenario):
 * a 4032×3024 JPEG at 2/8 in about a third of the time of a full createImageBitmap; a 12000×12000 one at 1/8
 * with +91 MB of memory at the peak, against +577 MB. Not in Firefox: see {@link reducedDecodeSavesTime}.
 * Where there is no ImageDecoder (WebKit),
 * createImageBitmap's resizeWidth/resizeHeight are the best fallback measured (Chromium with
 * ImageDecoder removed: 0.75–0.85× the time of the plain decode; an <img> with decode() and a draw
 * to a small canvas was slower than either); it still decodes the whole image first, which for an
 * image over {@link MAX_DECODE_PIXELS} costs more memory than the plain decode, so those are decoded plainly.
 */
async function decodeReducedJpeg(blob: Blob, header: ImageHeader, crop: number): Promise<ImageBitmap | undefined> {
  if (!(crop > 0 && crop <= 1)) return undefined;
  const eighths = jpegDecodeEighths(header.width, header.height, crop);
  const tooLarge = header.width * header.height > MAX_DECODE_PIXELS;
  if (eighths > 4 && !tooLarge) return undefined;
  if (!tooLarge && !reducedDecodeSavesTime()) return undefined;
  // The sizes are in stored pixels: the decoded frame carries the EXIF rotation, which
  // createImageBitmap applies, so the bitmap comes out upright.
  const { width, height } = eighthsSize(header.width, header.height, eighths);
  if (typeof ImageDecoder === 'undefined') {
    if (tooLarge) return undefined;
    // resizeWidth/resizeHeight name the bitmap's own size, after the EXIF rotation.
    const shown = displaySize({ ...header, width, height });
    return createImageBitmap(blob, {
      imageOrientation: 'from-image',
      resizeWidth: shown.width,
      resizeHeight: shown.height,
      // Bilinear, like the final resize. 'medium' (smoother) matched a full decode's top-1 on 28 of the 30
      // upscaled test images (e2e/phone-photos.spec.ts); 'low' on more.
      resizeQuality: 'low',
    }).catch(() => undefined);
  }
  let decoder: ImageDecoder | undefined;
  try {
    decoder = new ImageDecoder({ data: blob.stream(), type: 'image/jpeg', desiredWidth: width, desiredHeight: height });
    const { image } = await decoder.decode();
    try {
      return await createImageBitmap(image);
    } finally {
      image.close();
    }
  } catch {
    return undefined;
  } finally {
    decoder?.close();
  }
}

/**
 * Whether this engine's reduced JPEG decode beats its plain decode. Gecko's does not: its ImageDecoder
 * honours desiredWidth/desiredHeight by decoding the whole photo and then scaling it, and so does its
 * createImageBitmap resize. Measured on a 4032×3024 JPEG in Firefox ESR 153 (cross-engine/, PHOTO_ROUNDS=7
 * PHOTO_COUNT=10 `npm run test:engines -- -g 4032`): ImageDecoder at 2/8 257 ms and createImageBitmap
 * resized 241 ms, against 187 ms for the plain decode; classify(blob) 164 ms against 125 ms for a plain
 * decode and classify. There is no feature to test for, hence the user agent; only photos that fit
 * {@link MAX_DECODE_PIXELS} decoded whole are concerned.
 */
function reducedDecodeSavesTime(): boolean {
  return !/\bFirefox\//.test(globalThis.navigator?.userAgent ?? '');
}

/** Draws an SVG with no size of its own into a square, as its viewBox asks (centred, aspect kept). */
async function rasteriseSvg(blob: Blob): Promise<ImageBitmap | undefined> {
  if (typeof Image === 'undefined') return undefined;
  const url = URL.createObjectURL(blob);
  try {
    const image = new Image();
    image.src = url;
    await image.decode();
    const canvas = new OffscreenCanvas(SVG_RASTER_SIZE, SVG_RASTER_SIZE);
    canvas.getContext('2d')?.drawImage(image, 0, 0, SVG_RASTER_SIZE, SVG_RASTER_SIZE);
    return canvas.transferToImageBitmap();
  } catch {
    return undefined;
  } finally {
    URL.revokeObjectURL(url);
  }
}

async function imageLoaded(image: HTMLImageElement): Promise<void> {
  if (image.complete && image.naturalWidth > 0) return;
  try {
    await image.decode();
  } catch (error) {
    const where = image.currentSrc || image.src;
    throw classifierError('input', 'image-load-failed', where ? { url: where } : {}, error);
  }
}

/** A video that has just been given a stream has no frame (0×0) for a moment: wait for one. */
async function videoFrameReady(video: HTMLVideoElement): Promise<void> {
  if (video.readyState >= HTMLMediaElement.HAVE_CURRENT_DATA && video.videoWidth > 0) return;
  await new Promise<void>((resolve, reject) => {
    const done = () => {
      clearTimeout(timer);
      video.removeEventListener('loadeddata', done);
      resolve();
    };
    const timer = setTimeout(() => {
      video.removeEventListener('loadeddata', done);
      reject(classifierError('input', 'video-no-frame', {}));
    }, VIDEO_FRAME_TIMEOUT_MS);
    video.addEventListener('loadeddata', done);
  });
}

function sizeOf(source: Drawable): [number, number] {
  if (typeof HTMLImageElement !== 'undefined' && source instanceof HTMLImageElement) {
    return [source.naturalWidth, source.naturalHeight];
  }
  if (typeof HTMLVideoElement !== 'undefined' && source instanceof HTMLVideoElement) {
    return [source.videoWidth, source.videoHeight];
  }
  return [source.width, source.height];
}
