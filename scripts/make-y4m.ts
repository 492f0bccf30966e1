// Makes a fake-webcam video for Chromium (`--use-file-for-fake-video-capture=<file>.y4m`) that shows one
// still picture: a few identical YUV4MPEG2 frames, which Chromium plays in a loop.
//
//   npx tsx scripts/make-y4m.ts <image> [out.y4m] [--width 640] [--height 480] [--fps 30] [--frames 10]
//
// Node has no image decoder here and we add no dependency for one: the image is decoded by Chromium itself
// (the browser the tests run anyway), drawn onto a canvas, read back as RGBA and converted to I420 in Node.
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';

export interface FakeCameraOptions {
  /** Frame width in pixels; even. Default 640, what getUserMedia asks for when given no size. */
  width?: number;
  /** Frame height in pixels; even. Default 480. */
  height?: number;
  /** Frames per second written in the header. Default 30. */
  fps?: number;
  /** How many (identical) frames the file holds; Chromium loops them. Default 10. */
  frames?: number;
  /** Chromium used to decode the image. Default `$CHROMIUM_PATH` or /usr/bin/chromium. */
  executablePath?: string;
}

/** RGBA pixels, row-major, 4 bytes a pixel. */
export interface RgbaFrame {
  width: number;
  height: number;
  data: Uint8Array;
}

/** The grey of the bars beside the picture. Never seen by the model: see {@link decodeToFrame}. */
const BAR_GREY = 'rgb(128, 128, 128)';

/**
 * Decodes an image in Chromium and lays it out on a `width`×`height` frame: the centred square of the image
 * (its short side) fills the frame's height in the middle, with grey bars left and right.
 *
 * Why this layout: the element classifies the centred square of each camera frame (crop=1 takes the short
 * side). Putting the image's own centred square exactly there means the model sees, up to resampling and
 * YUV rounding, the same square it sees when the file itself is uploaded, so "the camera shows X" can be
 * checked against the class the model gives the file.
 */
export async function decodeToFrame(imagePath: string, options: FakeCameraOptions = {}): Promise<RgbaFrame> {
  const { width = 640, height = 480 } = options;
  const base64 = readFileSync(imagePath).toString('base64');
  const mime = /\.png$/i.test(imagePath) ? 'image/png' : /\.webp$/i.test(imagePath) ? 'image/webp' : 'image/jpeg';
  const browser = await chromium.launch({
    executablePath: options.executablePath ?? process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
  try {
    const page = await browser.newPage();
    const rgbaBase64 = await page.evaluate(
      async ({ dataUrl, width, height, grey }) => {
        const blob = await (await fetch(dataUrl)).blob();
        const bitmap = await createImageBitmap(blob, { imageOrientation: 'from-image' });
        const canvas = new OffscreenCanvas(width, height);
        const context = canvas.getContext('2d');
        if (!context) throw new Error('no 2D canvas in the decoding browser');
        context.fillStyle = grey;
        context.fillRect(0, 0, width, height);
        const side = Math.min(bitmap.width, bitmap.height);
        const target = Math.min(width, height);
        context.imageSmoothingQuality = 'high';
        context.drawImage(
          bitmap,
          (bitmap.width - side) / 2,
          (bitmap.height - side) / 2,
          side,
          side,
          (width - target) / 2,
          (height - target) / 2,
          target,
          target,
        );
        const rgba = context.getImageData(0, 0, width, height).data;
        // A base64 string crosses to Node in one piece; an array of 1.2 M numbers goes through JSON.
        const encoded = await new Promise<string>((resolve, reject) => {
          const reader = new FileReader();
          reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
          reader.onerror = () => reject(reader.error);
          reader.readAsDataURL(new Blob([rgba]));
        });
        return encoded;
      },
      { dataUrl: `data:${mime};base64,${base64}`, width, height, grey: BAR_GREY },
    );
    const data = new Uint8Array(Buffer.from(rgbaBase64, 'base64'));
    if (data.length !== width * height * 4) {
      throw new Error(
        `Chromium returned ${data.length} RGBA bytes for a ${width}×${height} frame; expected ${width * height * 4}`,
      );
    }
    return { width, height, data };
  } finally {
    await browser.close();
  }
}

/**
 * Converts RGBA to planar I420 (Y, then U, then V at half resolution) with the BT.601 studio-swing
 * matrix (Y in 16–235, chroma in 16–240), which is how Chromium reads an untagged y4m. Each chroma
 * sample is the mean of its 2×2 block (centred siting, as `C420jpeg` declares).
 */
export function rgbaToI420({ width, height, data }: RgbaFrame): Uint8Array {
  if (width % 2 || height % 2) throw new Error(`I420 needs an even width and height, got ${width}×${height}`);
  const lumaSize = width * height;
  const chromaWidth = width / 2;
  const out = new Uint8Array(lumaSize * 1.5);
  const clamp = (v: number) => (v < 0 ? 0 : v > 255 ? 255 : Math.round(v));
  for (let i = 0, p = 0; i < lumaSize; i++, p += 4) {
    out[i] = clamp(16 + (65.481 * data[p] + 128.553 * data[p + 1] + 24.966 * data[p + 2]) / 255);
  }
  for (let cy = 0; cy < height / 2; cy++) {
    for (let cx = 0; cx < chromaWidth; cx++) {
      let r = 0;
      let g = 0;
      let b = 0;
      for (const [dx, dy] of [
        [0, 0],
        [1, 0],
        [0, 1],
        [1, 1],
      ]) {
        const p = ((2 * cy + dy) * width + 2 * cx + dx) * 4;
        r += data[p];
        g += data[p + 1];
        b += data[p + 2];
      }
      [r, g, b] = [r / 4, g / 4, b / 4];
      const c = cy * chromaWidth + cx;
      out[lumaSize + c] = clamp(128 + (-37.797 * r - 74.203 * g + 112.0 * b) / 255);
      out[lumaSize * 1.25 + c] = clamp(128 + (112.0 * r - 93.786 * g - 18.214 * b) / 255);
    }
  }
  return out;
}

/** A complete YUV4MPEG2 file: the header, then `frames` copies of one I420 picture. */
export function y4mFile(i420: Uint8Array, width: number, height: number, fps = 30, frames = 10): Buffer {
  if (i420.length !== width * height * 1.5)
    throw new Error(`an I420 ${width}×${height} picture has ${width * height * 1.5} bytes, got ${i420.length}`);
  const header = Buffer.from(`YUV4MPEG2 W${width} H${height} F${fps}:1 Ip A1:1 C420jpeg\n`, 'ascii');
  const frameHeader = Buffer.from('FRAME\n', 'ascii');
  const parts: Uint8Array[] = [header];
  for (let i = 0; i < frames; i++) parts.push(frameHeader, i420);
  return Buffer.concat(parts);
}

/** Where {@link makeFakeCameraY4m} writes by default: in the OS temp dir, named after the image and size. */
export function defaultY4mPath(imagePath: string, options: FakeCameraOptions = {}): string {
  const { width = 640, height = 480 } = options;
  const name = path.basename(imagePath).replace(/\.[^.]*$/, '');
  return path.join(os.tmpdir(), `mobilenet-fake-camera-${name}-${width}x${height}.y4m`);
}

/**
 * Writes a fake-webcam .y4m that shows `imagePath` and returns its absolute path.
 * The file appears whole or not at all (written aside, then renamed), so a browser never reads half of it.
 *
 * @example
 * const file = await makeFakeCameraY4m('../shared/test-images/n07745940_strawberry.jpg');
 * // chromium --use-fake-device-for-media-stream --use-file-for-fake-video-capture=${file}
 */
export async function makeFakeCameraY4m(
  imagePath: string,
  outPath = defaultY4mPath(imagePath),
  options: FakeCameraOptions = {},
): Promise<string> {
  const frame = await decodeToFrame(imagePath, options);
  const file = y4mFile(rgbaToI420(frame), frame.width, frame.height, options.fps, options.frames);
  const target = path.resolve(outPath);
  mkdirSync(path.dirname(target), { recursive: true });
  const partial = `${target}.${process.pid}.partial`;
  writeFileSync(partial, file);
  renameSync(partial, target);
  return target;
}

async function main(argv: string[]): Promise<number> {
  const positional: string[] = [];
  const options: FakeCameraOptions = {};
  for (let i = 0; i < argv.length; i++) {
    const flag = /^--(width|height|fps|frames)$/.exec(argv[i]);
    if (flag) {
      const value = Number(argv[++i]);
      if (!Number.isInteger(value) || value <= 0) {
        console.error(`${argv[i - 1]} needs a positive integer, got "${argv[i]}"`);
        return 2;
      }
      options[flag[1] as 'width' | 'height' | 'fps' | 'frames'] = value;
    } else {
      positional.push(argv[i]);
    }
  }
  const [image, out] = positional;
  if (!image) {
    console.error(
      'usage: tsx scripts/make-y4m.ts <image> [out.y4m] [--width 640] [--height 480] [--fps 30] [--frames 10]',
    );
    return 2;
  }
  const file = await makeFakeCameraY4m(image, out ?? defaultY4mPath(image, options), options);
  console.log(file);
  return 0;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exitCode = await main(process.argv.slice(2));
}
