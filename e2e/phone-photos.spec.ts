// Phone photos decoded at a reduced size (issue 14, target 1): a 12 MP JPEG is decoded at the
// smallest n/8 of its size that keeps the crop at least 384 px (four times the model's input), with
// ImageDecoder where it exists and createImageBitmap's resize options where it does not. The
// answer must be the one a full decode gives, within one image, and upright.
//
// The large photos are the test images upscaled in the page (nothing is committed): all 30 for the
// landscape photo with ImageDecoder (Chromium's path), every third one for the other three cases, whose
// difference from it is the orientation or the decoder only (each 12 MP photo costs about half a second
// here, decoded twice).
import type { Page } from '@playwright/test';
import type { Backend } from '../src/model';
import { expect, test, TEST_IMAGES } from './fixtures';
import { encodeInPage, withExifOrientation } from './hardening-fixtures';

type Decoder = 'ImageDecoder' | 'createImageBitmap resize';

interface PhotoRun {
  file: string;
  /** Top-1 of classify(blob), the reduced decode. */
  reduced: number;
  /** Top-1 of classify(bitmap of the whole decoded photo, EXIF applied). */
  full: number;
  /** Mean absolute difference of the two 96×96 crops (0–255). */
  cropDiff: number;
  /** Width × height of every ImageDecoder frame and createImageBitmap result during classify(blob). */
  decoded: string[];
}

/**
 * Classifies each JPEG (base64) twice on wasm: as a Blob (the core's reduced decode) and as the
 * ImageBitmap of its full decode. `decoder` 'createImageBitmap resize' hides ImageDecoder, as in
 * WebKit.
 */
async function classifyBoth(page: Page, photos: { file: string; base64: string }[], decoder: Decoder) {
  return page.evaluate(
    async ({ photos, decoder }) => {
      const { core } = window.harness;
      const classifier = await core.loadClassifier({ backend: 'wasm' as Backend });
      const decoded: string[] = [];
      const original = { createImageBitmap: window.createImageBitmap, ImageDecoder: window.ImageDecoder };
      const fullDecode = window.createImageBitmap.bind(window);
      window.createImageBitmap = (async (...args: Parameters<typeof createImageBitmap>) => {
        const bitmap = await fullDecode(...args);
        decoded.push(`createImageBitmap ${bitmap.width}×${bitmap.height}`);
        return bitmap;
      }) as typeof createImageBitmap;
      const decode = ImageDecoder.prototype.decode;
      ImageDecoder.prototype.decode = async function (this: ImageDecoder, options?: ImageDecodeOptions) {
        const result = await decode.call(this, options);
        decoded.push(`ImageDecoder ${result.image.codedWidth}×${result.image.codedHeight}`);
        return result;
      };
      if (decoder !== 'ImageDecoder') delete (window as { ImageDecoder?: unknown }).ImageDecoder;
      try {
        const runs = [];
        for (const { file, base64 } of photos) {
          const blob = new Blob([Uint8Array.from(atob(base64), (c) => c.charCodeAt(0))], { type: 'image/jpeg' });
          decoded.length = 0;
          const reduced = await classifier.classify(blob, { topK: 1 });
          const seen = [...decoded];
          const bitmap = await fullDecode(blob, { imageOrientation: 'from-image' });
          const full = await classifier.classify(bitmap, { topK: 1 });
          bitmap.close();
          let diff = 0;
          for (let i = 0; i < reduced.pixels.data.length; i += 4) {
            for (let c = 0; c < 3; c++) diff += Math.abs(reduced.pixels.data[i + c]! - full.pixels.data[i + c]!);
          }
          runs.push({
            file,
            reduced: reduced.predictions[0]!.index,
            full: full.predictions[0]!.index,
            cropDiff: diff / ((reduced.pixels.data.length / 4) * 3),
            decoded: seen,
          });
        }
        return runs;
      } finally {
        window.createImageBitmap = original.createImageBitmap;
        original.ImageDecoder.prototype.decode = decode;
        window.ImageDecoder = original.ImageDecoder;
        classifier.dispose();
      }
    },
    { photos, decoder },
  );
}

function expectSameAnswers(runs: PhotoRun[], photos: { file: string }[], what: string, decodedAs: RegExp): void {
  const differ = runs.filter((r) => r.reduced !== r.full);
  test.info().annotations.push({
    type: what,
    description:
      `top-1 differs on ${differ.length}/${runs.length} (${differ.map((r) => r.file).join(', ') || 'none'}); ` +
      `crop difference mean ${(runs.reduce((a, r) => a + r.cropDiff, 0) / runs.length).toFixed(2)}, ` +
      `max ${Math.max(...runs.map((r) => r.cropDiff)).toFixed(2)}; decoded as ${runs[0]!.decoded.join(', ')}`,
  });
  expect(runs.map((r) => r.file)).toEqual(photos.map((p) => p.file));
  for (const run of runs) {
    expect(run.decoded.join(', '), `${run.file}: not decoded at the reduced size`).toMatch(decodedAs);
    // An upright and a sideways crop of the same picture differ by far more (> 20, hardening-input.spec.ts).
    expect(run.cropDiff, `${run.file}: the reduced crop is not the full decode's crop (on its side?)`).toBeLessThan(4);
  }
  expect(
    differ.length,
    `top-1 differs from the full decode on ${differ.map((r) => r.file).join(', ')}`,
  ).toBeLessThanOrEqual(1);
}

const encoded = new Map<string, { file: string; jpeg: Buffer }[]>();
/** Every third test image: ten, from all over the list. */
const SOME_IMAGES = TEST_IMAGES.filter((_, i) => i % 3 === 0);

/** The test images stretched to `width`×`height` and encoded as JPEG at 0.9 in the page, once per run. */
async function upscaled(
  page: Page,
  width: number,
  height: number,
  rotate: 'none' | 'ccw90' = 'none',
  images: readonly { file: string }[] = TEST_IMAGES,
) {
  const key = `${width}×${height} ${rotate} ${images.length}`;
  let photos = encoded.get(key);
  if (!photos) {
    photos = [];
    for (const { file } of images) {
      const source = { url: `/shared/test-images/${file}`, width, height, rotate };
      photos.push({ file, jpeg: await encodeInPage(page, source, 'image/jpeg', 0.9) });
    }
    encoded.set(key, photos);
  }
  return photos;
}

test.describe.serial('4032×3024 phone photos, decoded at a reduced size', () => {
  test.setTimeout(300_000);

  for (const decoder of ['ImageDecoder', 'createImageBitmap resize'] as const) {
    test(`landscape, with ${decoder}: the same top-1 as a full decode`, async ({ harnessPage: page }) => {
      const all = await upscaled(page, 4032, 3024);
      const photos =
        decoder === 'ImageDecoder' ? all : all.filter(({ file }) => SOME_IMAGES.some((t) => t.file === file));
      const runs = await classifyBoth(
        page,
        photos.map(({ file, jpeg }) => ({ file, base64: jpeg.toString('base64') })),
        decoder,
      );
      // 2/8 keeps the crop at 756 px ≥ 384 (1/8 would give 378); ImageDecoder's frame is that size, then one bitmap of it.
      expectSameAnswers(
        runs,
        photos,
        `4032×3024, ${decoder}`,
        decoder === 'ImageDecoder'
          ? /^ImageDecoder 1008×756, createImageBitmap 1008×756$/
          : /^createImageBitmap 1008×756$/,
      );
    });

    test(`portrait stored sideways with EXIF Orientation=6, with ${decoder}: upright, the same top-1`, async ({
      harnessPage: page,
    }) => {
      const photos = await upscaled(page, 3024, 4032, 'ccw90', SOME_IMAGES);
      const runs = await classifyBoth(
        page,
        photos.map(({ file, jpeg }) => ({ file, base64: withExifOrientation(jpeg, 6).toString('base64') })),
        decoder,
      );
      // Stored 4032×3024, shown 3024×4032: the bitmap is upright at 756×1008.
      expectSameAnswers(
        runs,
        photos,
        `3024×4032 via EXIF 6, ${decoder}`,
        decoder === 'ImageDecoder'
          ? /^ImageDecoder 1008×756, createImageBitmap 756×1008$/
          : /^createImageBitmap 756×1008$/,
      );
    });
  }

  test('smaller photos and smaller crops are decoded at the scale the crop needs, or whole', async ({
    harnessPage: page,
  }) => {
    const [small, medium] = await Promise.all(
      [1000, 2000].map((width) =>
        encodeInPage(
          page,
          { url: `/shared/test-images/${TEST_IMAGES[0]!.file}`, width, height: (width * 3) / 4 },
          'image/jpeg',
          0.9,
        ),
      ),
    );
    const big = await encodeInPage(
      page,
      { url: `/shared/test-images/${TEST_IMAGES[0]!.file}`, width: 4032, height: 3024 },
      'image/jpeg',
      0.9,
    );
    const seen = await page.evaluate(
      async ({ small, medium, big }) => {
        const { core } = window.harness;
        const classifier = await core.loadClassifier({ backend: 'wasm' as Backend });
        const sizes: string[] = [];
        const decode = ImageDecoder.prototype.decode;
        ImageDecoder.prototype.decode = async function (this: ImageDecoder, options?: ImageDecodeOptions) {
          const result = await decode.call(this, options);
          sizes.push(`${result.image.codedWidth}×${result.image.codedHeight}`);
          return result;
        };
        const blob = (b64: string) =>
          new Blob([Uint8Array.from(atob(b64), (c) => c.charCodeAt(0))], { type: 'image/jpeg' });
        try {
          const out: Record<string, string[]> = {};
          for (const [name, b64, crop] of [
            ['1000×750', small, 1],
            ['2000×1500', medium, 1],
            ['4032×3024 crop 0.5', big, 0.5],
            ['4032×3024 crop 0.1', big, 0.1],
          ] as const) {
            sizes.length = 0;
            await classifier.classify(blob(b64), { crop });
            out[name] = [...sizes];
          }
          return out;
        } finally {
          ImageDecoder.prototype.decode = decode;
          classifier.dispose();
        }
      },
      { small: small.toString('base64'), medium: medium.toString('base64'), big: big.toString('base64') },
    );
    expect(seen).toEqual({
      // 750 px of crop would need 5/8 to keep 384: too little to gain, decoded whole (createImageBitmap).
      '1000×750': [],
      // 1500 × 3/8 = 562.5 ≥ 384 (2/8 would be 375): libjpeg rounds up, 750×563.
      '2000×1500': ['750×563'],
      // 3024 × 0.5 × 2/8 = 378 < 384: 3/8.
      '4032×3024 crop 0.5': ['1512×1134'],
      // 302 px of crop: nothing to gain either, decoded whole.
      '4032×3024 crop 0.1': [],
    });
  });
});
