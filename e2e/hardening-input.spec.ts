// <mobilenet-classifier> given bad input (issue 5, "Bad input"). A file it cannot classify gets a clear
// message in [part=error] (role=alert) and a `mobilenet-error` event; the result already on screen stays,
// and the next good upload classifies. Awkward-but-valid input (an EXIF-rotated photo, an animated GIF,
// a 12000×12000 image, a video with no frame yet) is classified the way a person would see it.
//
// Every file is generated at test time (hardening-fixtures.ts): there are no image tools on this machine.
import { readFileSync } from 'node:fs';
import type { Locator, Page } from '@playwright/test';
import type { MobilenetClassifier } from '../src/components/mobilenet-classifier/mobilenet-classifier.component';
import {
  expect,
  ON_WASM,
  recordedEvents,
  renderedLabels,
  test as base,
  testImage,
  waitForErrors,
  waitForResults,
} from './element-harness';
import {
  animatedGif,
  cropPixels,
  encodedFile,
  encodeInPage,
  eventCounts,
  expectUploadClassified,
  expectUploadRefused,
  type FilePayload,
  flatPngFile,
  heicFile,
  meanAbsDiff,
  near,
  nextOutcome,
  type OtherOrigin,
  pixelAt,
  type Rgb,
  shownResult,
  startOtherOrigin,
  SVG_WITHOUT_SIZE,
  withExifOrientation,
} from './hardening-fixtures';

const strawberry = testImage('n07745940_strawberry');
const lorikeet = testImage('n01820546_lorikeet');
// Upright: tank at 0.98. Turned 90°: "bow", and tank is not in the top-5 (measured on all 30 test images,
// wasm): so only an upright reading of the EXIF-rotated file gives tank.
const tank = testImage('n04389033_tank');

const sharedUrl = (file: string) => `/shared/test-images/${file}`;

const RED: Rgb = [255, 0, 0];
const BLUE: Rgb = [0, 0, 255];
const GREY: Rgb = [128, 128, 128];
const WHITE: Rgb = [255, 255, 255];

/** An element on wasm that already shows the strawberry's result, which a refused file must leave alone. */
const test = base.extend<{ el: Locator }>({
  el: async ({ addClassifier }, use) => {
    const el = await addClassifier(ON_WASM);
    await expectUploadClassified(el, strawberry);
    await use(el);
  },
});

interface Refusal {
  title: string;
  file: (page: Page) => Promise<FilePayload>;
  /** Parts the message must contain: which file, and what is wrong with it. */
  says: string[];
  /** Set when the element lacks the behaviour: what src/ must do. */
  needs?: string;
}

const REFUSALS: Refusal[] = [
  {
    title: 'a text file',
    file: async () => ({
      name: 'notes.txt',
      mimeType: 'text/plain',
      buffer: Buffer.from('Shopping list: milk, eggs.\n'),
    }),
    says: ['"notes.txt"', 'could not be read as an image'],
  },
  {
    title: 'a zero-byte file',
    file: async () => ({ name: 'empty.jpg', mimeType: 'image/jpeg', buffer: Buffer.alloc(0) }),
    says: ['"empty.jpg"', 'is empty (0 bytes)'],
  },
  {
    title: 'a JPEG cut off after its first 40%',
    file: async () => {
      const jpeg = readFileSync(strawberry.path);
      return { name: 'cut.jpg', mimeType: 'image/jpeg', buffer: jpeg.subarray(0, Math.floor(jpeg.length * 0.4)) };
    },
    says: ['"cut.jpg"', 'could not be read as an image'],
  },
  {
    title: 'a PNG cut off after its first 40%',
    file: async (page) => {
      const png = await encodeInPage(page, { url: sharedUrl(lorikeet.file) }, 'image/png');
      return { name: 'cut.png', mimeType: 'image/png', buffer: png.subarray(0, Math.floor(png.length * 0.4)) };
    },
    says: ['"cut.png"', 'could not be read as an image'],
  },
  {
    title: 'a JPEG whose headers are overwritten with noise',
    file: async () => {
      const jpeg = Buffer.from(readFileSync(strawberry.path));
      for (let i = 2; i < 2048; i++) jpeg[i] = (i * 37 + 11) & 0xff;
      return { name: 'corrupt.jpg', mimeType: 'image/jpeg', buffer: jpeg };
    },
    says: ['"corrupt.jpg"', 'could not be read as an image'],
  },
  {
    title: 'a HEIC photo, which this browser cannot decode',
    file: async () => ({ name: 'IMG_0001.heic', mimeType: 'image/heic', buffer: heicFile() }),
    says: ['"IMG_0001.heic"', 'image/heic', 'JPEG, PNG or WebP'],
  },
  {
    title: 'a 1×1 image',
    file: async (page) => ({
      name: 'dot.png',
      mimeType: 'image/png',
      buffer: await encodeInPage(page, { width: 1, height: 1, background: RED }, 'image/png'),
    }),
    says: ['"dot.png"', '1×1', 'too small'],
  },
  {
    title: 'a 10000×10 strip',
    file: async (page) => ({
      name: 'strip.png',
      mimeType: 'image/png',
      buffer: await encodeInPage(
        page,
        { width: 10000, height: 10, background: GREY, square: { size: 10, colour: RED } },
        'image/png',
      ),
    }),
    says: ['"strip.png"', '10000×10', 'too small'],
  },
];

test.describe('an upload it cannot classify is refused with a clear message, keeping the previous result', () => {
  for (const refusal of REFUSALS) {
    test(`${refusal.title}: says why, fires mobilenet-error, and the next upload classifies`, async ({
      elementPage: page,
      el,
    }) => {
      // Needs: what refusal.needs says (the element lacks that behaviour; src/ is to be fixed).
      test.fail(Boolean(refusal.needs), refusal.needs);
      await expectUploadRefused(el, await refusal.file(page), refusal.says);
      await expectUploadClassified(el, lorikeet);
    });
  }
});

test('an SVG without intrinsic size is classified as drawn, or refused saying it has no size', async ({ el }) => {
  // Regression: an SVG without width/height used to be refused as "damaged"; it is now drawn at 512×512.
  const page = el.page();
  const before = await shownResult(el);
  const counts = await eventCounts(page);
  await el
    .locator('input[type=file]')
    .setInputFiles({ name: 'drawing.svg', mimeType: 'image/svg+xml', buffer: Buffer.from(SVG_WITHOUT_SIZE) });
  if ((await nextOutcome(page, counts)) === 'result') {
    // The red page with a white square in the middle, not a blank or stretched drawing.
    const crop = await cropPixels(el);
    expect(
      near(pixelAt(crop, 48, 48), WHITE, 40),
      `the crop's centre is ${pixelAt(crop, 48, 48)}, not the SVG's white square`,
    ).toBe(true);
    expect(near(pixelAt(crop, 4, 90), RED, 40), `the crop's corner is ${pixelAt(crop, 4, 90)}, not the SVG's red`).toBe(
      true,
    );
  } else {
    const error = (await recordedEvents(page, 'mobilenet-error')).at(-1)!.error!;
    expect(error.phase).toBe('input');
    expect(error.message).toContain('"drawing.svg"');
    expect(error.message, 'the message should say the SVG has no size').toMatch(/size|width/i);
    expect(error.message, 'the SVG is not damaged, and the browser can draw SVG').not.toMatch(/damaged|cannot decode/);
    await expect(el.getByRole('alert')).toContainText(error.message);
    expect(await renderedLabels(el), 'the previous result was replaced or cleared').toEqual(before.labels);
  }
  await expectUploadClassified(el, lorikeet);
});

test('an animated GIF is classified from its first frame', async ({ elementPage: page, el }) => {
  const gif = animatedGif(64, 64, [RED, BLUE]);
  // The fixture really is a two-frame animation whose second frame is blue, read by the browser's own decoder.
  const decoded = await page.evaluate(async (bytes) => {
    const decoder = new ImageDecoder({ data: new Uint8Array(bytes), type: 'image/gif' });
    await decoder.tracks.ready;
    const track = decoder.tracks.selectedTrack!;
    const { image } = await decoder.decode({ frameIndex: 1 });
    const canvas = new OffscreenCanvas(image.displayWidth, image.displayHeight);
    const context = canvas.getContext('2d')!;
    context.drawImage(image, 0, 0);
    image.close();
    return {
      frameCount: track.frameCount,
      animated: track.animated,
      second: Array.from(context.getImageData(32, 32, 1, 1).data.slice(0, 3)),
    };
  }, Array.from(gif));
  expect(decoded, 'the generated GIF is not the two-frame animation the test needs').toEqual({
    frameCount: 2,
    animated: true,
    second: [...BLUE],
  });

  await el.locator('input[type=file]').setInputFiles({ name: 'blink.gif', mimeType: 'image/gif', buffer: gif });
  const [, result] = await waitForResults(page, 2);
  expect(result.source).toEqual({ kind: 'upload', name: 'blink.gif' });
  const crop = await cropPixels(el);
  for (const [x, y] of [
    [48, 48],
    [2, 2],
    [93, 93],
  ] as const) {
    expect(pixelAt(crop, x, y), `crop pixel (${x}, ${y}) is not the first frame's red`).toEqual(RED);
  }
  await expect(el.locator('[part=error]')).toHaveCount(0);
});

test('an EXIF-rotated photo is classified upright, and its crop is the upright crop', async ({
  elementPage: page,
  el,
}) => {
  const upload = async (name: string, buffer: Buffer) => {
    const count = (await recordedEvents(page, 'mobilenet-result')).length;
    await el.locator('input[type=file]').setInputFiles({ name, mimeType: 'image/jpeg', buffer });
    const result = (await waitForResults(page, count + 1)).at(-1)!;
    return { top: result.predictions.map((p) => p.index), crop: await cropPixels(el) };
  };
  const upright = await upload(
    'upright.jpg',
    await encodeInPage(page, { url: sharedUrl(tank.file) }, 'image/jpeg', 0.95),
  );
  const turnedPixels = await encodeInPage(page, { url: sharedUrl(tank.file), rotate: 'ccw90' }, 'image/jpeg', 0.95);
  const turned = await upload('turned.jpg', turnedPixels);
  const tagged = await upload('phone-photo.jpg', withExifOrientation(turnedPixels, 6));

  // The premise: the stored pixels alone do not read as a tank, and their crop differs from the upright one.
  expect(upright.top[0], 'the upright tank is not classified as a tank').toBe(tank.index);
  expect(
    turned.top,
    'the turned pixels without EXIF still read as a tank: this image cannot show the orientation',
  ).not.toContain(tank.index);
  expect(meanAbsDiff(turned.crop, upright.crop), 'turned and upright crops look alike').toBeGreaterThan(20);

  expect(
    tagged.top[0],
    `Orientation=6 photo: top-1 is class ${tagged.top[0]}, not the tank (${tank.index}): it was classified on its side`,
  ).toBe(tank.index);
  // Both went through JPEG encoding at 0.95 on a different block grid, hence not 0.
  expect(
    meanAbsDiff(tagged.crop, upright.crop),
    'the crop of the Orientation=6 photo differs from the upright crop',
  ).toBeLessThan(4);
});

test('a 12000×12000 image is classified without crashing the tab, and the element stays responsive', async ({
  elementPage: page,
  el,
}) => {
  // 12000² RGBA is 576 MB decoded: the issue asks for a downscaled decode (createImageBitmap resize options).
  test.setTimeout(120_000);
  let crashed = false;
  page.on('crash', () => (crashed = true));
  const file = await flatPngFile(12000, 12000, GREY, { size: 3000, colour: RED });
  await el
    .locator('input[type=file]')
    .setInputFiles({ name: 'huge.png', mimeType: 'image/png', buffer: readFileSync(file) });
  const outcome = await waitForResults(page, 2, 60_000).catch((error: Error) => {
    throw new Error(crashed ? 'the tab crashed decoding the 12000×12000 PNG' : error.message);
  });
  expect(outcome[1].source).toEqual({ kind: 'upload', name: 'huge.png' });
  // The red square is a quarter of the side: the middle 24 of the 96 crop pixels.
  const crop = await cropPixels(el);
  expect(near(pixelAt(crop, 48, 48), RED), `crop centre is ${pixelAt(crop, 48, 48)}, not the red square`).toBe(true);
  expect(near(pixelAt(crop, 5, 5), GREY), `crop corner is ${pixelAt(crop, 5, 5)}, not the grey page`).toBe(true);
  expect(
    near(pixelAt(crop, 30, 48), GREY),
    `crop pixel (30, 48) is ${pixelAt(crop, 30, 48)}: the square is not a quarter of the side`,
  ).toBe(true);
  await expectUploadClassified(el, lorikeet);
  expect(crashed, 'the tab crashed').toBe(false);
});

test('a 12000×12000 JPEG photo with an EXIF rotation is decoded at a reduced size, upright, and classified like its original', async ({
  elementPage: page,
  el,
}) => {
  // 12000² RGBA is 576 MB decoded. Measured in Chromium 150: createImageBitmap decodes it whole even when
  // given resizeWidth/resizeHeight (+577 MB at the peak plain, +798 MB resized); WebCodecs' ImageDecoder
  // with a desired size decodes the JPEG at 3000×3000 (+91 MB). See src/model/preprocess.ts.
  test.setTimeout(150_000);
  await page.evaluate(() => {
    const decoded: { api: string; width: number; height: number }[] = [];
    (window as unknown as { decoded: typeof decoded }).decoded = decoded;
    const original = window.createImageBitmap.bind(window) as (...args: unknown[]) => Promise<ImageBitmap>;
    window.createImageBitmap = (async (...args: unknown[]) => {
      const bitmap = await original(...args);
      decoded.push({ api: 'createImageBitmap', width: bitmap.width, height: bitmap.height });
      return bitmap;
    }) as typeof window.createImageBitmap;
    if (typeof ImageDecoder !== 'undefined') {
      const decode = ImageDecoder.prototype.decode;
      ImageDecoder.prototype.decode = async function (this: ImageDecoder, options?: ImageDecodeOptions) {
        const result = await decode.call(this, options);
        decoded.push({ api: 'ImageDecoder', width: result.image.codedWidth, height: result.image.codedHeight });
        return result;
      };
    }
  });
  // The tank stretched to a square (so both crops hold the whole picture), once at 1200×1200, once at 12000×12000
  // stored turned 90° counter-clockwise, as a phone stores a portrait photo.
  const small = await upload(
    page,
    el,
    'tank.jpg',
    await encodeInPage(page, { url: sharedUrl(tank.file), width: 1200, height: 1200 }, 'image/jpeg', 0.95),
  );
  const stored = await encodedFile(
    page,
    'tank-12000-ccw90.jpg',
    { url: sharedUrl(tank.file), width: 12000, height: 12000, rotate: 'ccw90' },
    'image/jpeg',
    0.9,
  );
  await page.evaluate(() => ((window as unknown as { decoded: unknown[] }).decoded.length = 0));
  const huge = await upload(page, el, 'huge-phone-photo.jpg', withExifOrientation(stored, 6));

  const decoded = await page.evaluate(
    () => (window as unknown as { decoded: { api: string; width: number; height: number }[] }).decoded,
  );
  test.info().annotations.push({
    type: '12000² JPEG',
    description: `decoded ${JSON.stringify(decoded)}; preprocess ${Math.round(huge.preprocessMs)} ms`,
  });
  expect(decoded.length, 'no decode seen: this test cannot tell the decoded size').toBeGreaterThan(0);
  for (const d of decoded)
    expect(d.width * d.height, `decoded ${JSON.stringify(decoded)}`).toBeLessThanOrEqual(4096 * 4096);
  expect(small.top[0], 'the square tank is not classified as a tank: this image cannot show the orientation').toBe(
    tank.index,
  );
  expect(
    huge.top[0],
    `top-1 is class ${huge.top[0]}, not the tank (${tank.index}): classified on its side, or not at all`,
  ).toBe(tank.index);
  // Same picture, only resampled differently (12000² upscale, JPEG at 0.9, 1/4 decode): close, not equal.
  expect(
    meanAbsDiff(huge.crop, small.crop),
    'the crop of the huge photo differs from the crop of its original',
  ).toBeLessThan(8);
  await expectUploadClassified(el, lorikeet);
});

/** Uploads a JPEG and returns the new result's top-k classes, its preprocess time and the crop shown. */
async function upload(
  page: Page,
  el: Locator,
  name: string,
  buffer: Buffer,
): Promise<{ top: number[]; preprocessMs: number; crop: number[] }> {
  const count = (await recordedEvents(page, 'mobilenet-result')).length;
  await el.locator('input[type=file]').setInputFiles({ name, mimeType: 'image/jpeg', buffer });
  const result = (await waitForResults(page, count + 1, 60_000)).at(-1)!;
  expect(result.source).toEqual({ kind: 'upload', name });
  return {
    top: result.predictions.map((p) => p.index),
    preprocessMs: result.timings.preprocess,
    crop: await cropPixels(el),
  };
}

test.describe('a picture from another site that does not allow reading it (no CORS)', () => {
  /** Another origin (a port of its own) serving the test images; only /cors/ answers with Access-Control-Allow-Origin. */
  const other = base.extend<{ site: OtherOrigin }>({
    site: async ({}, use) => {
      const site = await startOtherOrigin();
      site.handle = (request, response) => {
        const url = new URL(request.url ?? '/', site.origin);
        const image = testImage(
          url.pathname
            .split('/')
            .pop()!
            .replace(/\.jpg$/, ''),
        );
        const headers: Record<string, string> = { 'content-type': 'image/jpeg' };
        if (url.pathname.startsWith('/cors/')) headers['access-control-allow-origin'] = '*';
        response.writeHead(200, headers).end(readFileSync(image.path));
      };
      await use(site);
      await site.close();
    },
  });
  const crossTest = other.extend<{ el: Locator }>({
    el: async ({ addClassifier }, use) => {
      const el = await addClassifier(ON_WASM);
      await expectUploadClassified(el, strawberry);
      await use(el);
    },
  });

  crossTest(
    'as src: the message names the URL and says to serve it with CORS; the previous result stays',
    async ({ elementPage: page, el, site }) => {
      const before = await shownResult(el);
      const url = `${site.origin}/plain/${lorikeet.file}`;
      await el.evaluate((host, src) => host.setAttribute('src', src), url);
      const [error] = await waitForErrors(page, 1);
      expect(site.requested, 'the image was never requested from the other origin').toContain(
        `/plain/${lorikeet.file}`,
      );
      expect(error.phase).toBe('input');
      expect(error.message).toContain(url);
      expect(error.message).toContain('CORS');
      expect(error.message).toContain('Access-Control-Allow-Origin');
      await expect(el.getByRole('alert')).toContainText(error.message);
      expect(await renderedLabels(el), 'the previous result was cleared').toEqual(before.labels);

      // The same image from the same site with CORS allowed classifies: the failure above was CORS alone.
      await el.evaluate((host, src) => host.setAttribute('src', src), `${site.origin}/cors/${lorikeet.file}`);
      const [, second] = await waitForResults(page, 2);
      expect(second.predictions[0].index).toBe(lorikeet.index);
      await expect(el.locator('[part=error]')).toHaveCount(0);
    },
  );

  crossTest(
    'as an <img> without crossorigin (tainted canvas): the message says to set crossorigin or serve it with CORS, and the element stays usable',
    async ({ elementPage: page, el, site }) => {
      // Regression: one tainted source used to poison the reused 96×96 canvas for every later call.
      const classifyImage = (src: string, crossOrigin: string | null) =>
        el.evaluate(
          async (host: MobilenetClassifier, { src, crossOrigin }) => {
            const img = new Image();
            img.crossOrigin = crossOrigin;
            img.src = src;
            await img.decode();
            return host.classify(img).then(
              (result) => ({ top: result.predictions[0].index, error: null }),
              (error: Error) => ({ top: -1, error: error.message }),
            );
          },
          { src, crossOrigin },
        );
      // The control: with crossorigin and CORS, the other site's image is readable and classified.
      expect(
        await classifyImage(`${site.origin}/cors/${lorikeet.file}`, 'anonymous'),
        'the image served with CORS',
      ).toEqual({ top: lorikeet.index, error: null });
      await expectUploadClassified(el, strawberry);
      const before = await shownResult(el);

      const tainted = await classifyImage(`${site.origin}/plain/${lorikeet.file}`, null);
      expect(tainted.error, 'classify() of a tainted image resolved').not.toBeNull();
      const [error] = await waitForErrors(page, 1);
      expect(error).toEqual({ phase: 'input', message: tainted.error });
      expect(error.message).toContain('crossorigin');
      expect(error.message).toContain('Access-Control-Allow-Origin');
      await expect(el.getByRole('alert')).toContainText(error.message);
      expect(await renderedLabels(el), 'the previous result was cleared').toEqual(before.labels);

      await expectUploadClassified(el, lorikeet);
    },
  );
});

test('a video with no frame yet (0×0) is waited for, not refused, and classified once frames arrive', async ({
  elementPage: page,
  el,
}) => {
  const outcome = await el.evaluate(async (host: MobilenetClassifier, url) => {
    const video = Object.assign(document.createElement('video'), { muted: true, playsInline: true });
    document.body.append(video);
    const sizeAtCall = `${video.videoWidth}×${video.videoHeight}`;
    let settledEarly = false;
    const pending = host.classify(video).then(
      (result) => ({ top: result.predictions[0].index, error: null as string | null }),
      (error: Error) => ({ top: -1, error: error.message }),
    );
    void pending.then(() => (settledEarly = !video.srcObject));
    // Two seconds with no data at all, then a stream of the lorikeet drawn on a canvas.
    await new Promise((resolve) => setTimeout(resolve, 2000));
    const bitmap = await createImageBitmap(await (await fetch(url)).blob());
    const canvas = Object.assign(document.createElement('canvas'), { width: 320, height: 240 });
    const context = canvas.getContext('2d')!;
    const draw = () => context.drawImage(bitmap, 0, 0, canvas.width, canvas.height);
    draw();
    const timer = setInterval(draw, 50);
    video.srcObject = canvas.captureStream(20);
    void video.play();
    const answer = await pending;
    clearInterval(timer);
    return { sizeAtCall, settledEarly, ...answer };
  }, sharedUrl(lorikeet.file));
  expect(outcome.sizeAtCall, 'the video had a frame before classify(): the test proves nothing').toBe('0×0');
  expect(outcome.settledEarly, `classify() settled before the video had a frame (error: ${outcome.error})`).toBe(false);
  expect(outcome.error, 'classify() of a video without a frame yet threw').toBeNull();
  expect(outcome.top).toBe(lorikeet.index);
  expect(
    await recordedEvents(page, 'mobilenet-error'),
    'a mobilenet-error was fired while waiting for the video',
  ).toEqual([]);
  await expect(el.locator('[part=label]').first()).toHaveText(lorikeet.displayLabel);
});
