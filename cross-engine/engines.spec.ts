// The cross-engine subset of the browser suite (issue 11): the same checks in Chromium, Firefox and
// WebKit (one Playwright project each, playwright.engines.config.ts). The full suites in e2e/ run in
// Chromium only; these cover what a user of each engine meets first: the model on every backend, its
// accuracy, every way a picture comes in, the results list, explain and region, custom classes across a
// reload, and bad input.
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { testImage } from '../e2e/element-harness';
import { TEST_IMAGES } from '../e2e/fixtures';
import { flatPngFile, heicFile } from '../e2e/hardening-fixtures';
import { expect, test, type EngineTab } from './harness';

const sharedUrl = (file: string) => `/shared/test-images/${file}`;

// Images the model gets right at top-1 with confidence, so "top-1 is X" tells one result from another.
const strawberry = testImage('n07745940_strawberry');
const lorikeet = testImage('n01820546_lorikeet');
const fireboat = testImage('n03344393_fireboat');

/** The backends tf.js offers, each expected to start in every engine here (Firefox runs headful for WebGL). */
const BACKENDS = ['webgl', 'wasm', 'cpu'] as const;

/** Waits for result number `count` and expects it from `kind`, with the image's true class at top-1. */
async function expectResult(
  tab: EngineTab,
  count: number,
  kind: string,
  image: { file: string; index: number },
  name = image.file,
): Promise<void> {
  const result = (await tab.waitForEvents('mobilenet-result', count)).at(-1)!;
  expect(result.source, `${tab.engine.name}: where the result says its picture came from`).toEqual({ kind, name });
  expect(result.top5![0], `${tab.engine.name}: top-1 of ${image.file} (top-5: ${result.top5})`).toBe(image.index);
}

test('the page catches an uncaught error and an unhandled rejection, which every test then checks for', async ({
  tab,
}) => {
  // The end-of-test check (harness.ts) relies on this catcher: WebKit has no console API to read instead.
  await tab.evaluate(() => {
    setTimeout(() => {
      throw new Error('thrown in a timer');
    });
    void Promise.reject(new Error('rejected and never handled'));
  }, undefined);
  await expect
    .poll(async () => (await tab.errors()).sort(), { message: `${tab.engine.name}: what the page caught` })
    .toEqual([
      expect.stringMatching(/^uncaught error: .*thrown in a timer/),
      expect.stringMatching(/^unhandled rejection: .*rejected and never handled/),
    ]);
  await tab.evaluate(() => window.probe.clearErrors(), undefined);
});

for (const backend of BACKENDS) {
  test(`loads the model on ${backend} and classifies the 30 test images: top-5 30/30, top-1 at least 27/30`, async ({
    tab,
  }) => {
    const { index, backend: running } = await tab.mount({ backend });
    expect(running, `${tab.engine.name} did not start ${backend}: it fell back to ${running}`).toBe(backend);

    const results = await tab.evaluate(({ index, urls }) => window.probe.classifyAll(index, urls), {
      index,
      urls: TEST_IMAGES.map((image) => sharedUrl(image.file)),
    });
    expect(new Set(results.map((r) => r.backend))).toEqual(new Set([backend]));
    const misses = TEST_IMAGES.filter((image, i) => !results[i].top5.includes(image.index)).map((image) => image.file);
    const top1 = TEST_IMAGES.filter((image, i) => results[i].top5[0] === image.index).length;
    console.log(`${tab.engine.version} · ${backend}: top-5 ${30 - misses.length}/30, top-1 ${top1}/30`);
    test.info().annotations.push({ type: 'accuracy', description: `${backend}: top-1 ${top1}/30` });
    expect(misses, 'test images whose true class is not in the top-5').toEqual([]);
    expect(top1, 'test images with the true class at top-1').toBeGreaterThanOrEqual(27);
  });
}

test.describe('every way a picture comes in gives a result', () => {
  test('an uploaded file', async ({ tab }) => {
    const { index } = await tab.mount({ backend: 'wasm' });
    await tab.upload(index, [strawberry.path]);
    await expectResult(tab, 1, 'upload', strawberry);
  });

  test('a pasted image, with nothing focused', async ({ tab }) => {
    await tab.mount({ backend: 'wasm' });
    const name = await tab.paste(sharedUrl(lorikeet.file), lorikeet.file);
    await expectResult(tab, 1, 'paste', lorikeet, name);
  });

  test('the image at src, and the next one when src changes', async ({ tab }) => {
    const { index } = await tab.mount({ backend: 'wasm', src: sharedUrl(fireboat.file) });
    await expectResult(tab, 1, 'src', fireboat, sharedUrl(fireboat.file));
    await tab.evaluate(({ index, url }) => window.probe.setAttribute(index, 'src', url), {
      index,
      url: sharedUrl(strawberry.file),
    });
    await expectResult(tab, 2, 'src', strawberry, sharedUrl(strawberry.file));
  });

  test('the fake camera in live mode', async ({ tab }) => {
    const { index } = await tab.mount({ backend: 'wasm', camera: true, live: true });
    const results = await tab.waitForEvents('mobilenet-result', 3).catch(async (error: Error) => {
      const errors = await tab.events('mobilenet-error');
      throw new Error(`${error.message}${errors.length ? `; camera errors: ${JSON.stringify(errors)}` : ''}`);
    });
    for (const result of results) {
      expect(result.source?.kind, 'a live result that does not say it came from the camera').toBe('camera');
      expect(result.top5, 'a live result without a top-5').toHaveLength(5);
    }
    await tab.evaluate((index) => window.probe.stopCamera(index), index);
  });
});

test('custom classes taught before a reload are still there after it (IndexedDB), and still recognise', async ({
  tab,
}) => {
  const taught = [
    { label: 'Rex', image: strawberry },
    { label: 'Bella', image: fireboat },
  ];
  const { index } = await tab.mount({ backend: 'wasm', mode: 'custom' });
  for (const { label, image } of taught) {
    await tab.evaluate(({ index, label, url }) => window.probe.addExample(index, label, url), {
      index,
      label,
      url: sharedUrl(image.file),
    });
  }
  await tab.reload();

  const again = await tab.mount({ backend: 'wasm', mode: 'custom' });
  await expect
    .poll(() => tab.evaluate((index) => window.probe.customClasses(index), again.index), {
      message: `${tab.engine.name}: the custom classes after the reload`,
      timeout: 10_000,
    })
    .toEqual(taught.map(({ label }) => ({ label, examples: 1 })));
  for (const { label, image } of taught) {
    const [result] = await tab.evaluate(({ index, url }) => window.probe.classifyAll(index, [url]), {
      index: again.index,
      url: sharedUrl(image.file),
    });
    expect(result.custom?.[0], `${tab.engine.name}: the best custom class for ${image.file}`).toBe(label);
  }
});

// Issue 15 in every engine: several files become the results list, an explanation is drawn over the
// crop, and the region's square moves with the keyboard and classifies what it covers.
test('several files make the results list; explain draws its heat map; the region moves and classifies again', async ({
  tab,
}) => {
  const { index } = await tab.mount({ backend: 'wasm' });
  const files = [strawberry, lorikeet, fireboat];
  await tab.upload(
    index,
    files.map((f) => f.path),
  );
  let batch = await tab.evaluate((index) => window.probe.batch(index), index);
  for (let tries = 0; batch.entries.length < files.length && tries < 200; tries++) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    batch = await tab.evaluate((index) => window.probe.batch(index), index);
  }
  expect(batch, `${tab.engine.name}: the results list`).toEqual({
    entries: files.map((f) => ({ file: f.file, status: 'classified', top1: f.index })),
    rows: files.map((f) => f.file),
  });

  const explained = await tab.evaluate(({ index, url }) => window.probe.explain(index, url), {
    index,
    url: sharedUrl(strawberry.file),
  });
  expect(explained, `${tab.engine.name}: the explanation`).toMatchObject({
    top1: strawberry.index,
    classIndex: strawberry.index,
    cells: 49,
    heatPainted: true,
  });

  const moved = await tab.evaluate(({ index, url }) => window.probe.moveRegion(index, url), {
    index,
    url: sharedUrl(lorikeet.file),
  });
  expect(moved.region.x, `${tab.engine.name}: ArrowRight moves the square right`).toBeGreaterThan(0.1);
  expect(moved.property, 'the region property follows the square').toEqual(moved.region);
  expect(moved.resultsAfter, `${tab.engine.name}: the moved square was not classified`).toBeGreaterThanOrEqual(1);
});

test.describe('bad input', () => {
  const dir = path.join(os.tmpdir(), 'mobilenet-cross-engine');
  /** The message for a file that cannot be decoded; `type` is the File's type as the browser set it. */
  const unreadable = (name: string, type: string) =>
    `"${name}"${type ? ` (${type})` : ''} could not be read as an image: it is damaged or in a format this ` +
    'browser cannot decode. Try a JPEG, PNG or WebP.';

  /**
   * A few refusals of e2e/hardening-input.spec.ts. Each message is spelled out in full, and Chromium's
   * project checks the same text in the same run, so every engine must say exactly what Chromium says.
   * The one part that may differ is the MIME type in brackets, which is not the element's: the driver or
   * the browser gives it to the chosen file from its name (Playwright calls .heic image/heif).
   */
  const refusals: { name: string; make: (file: string) => Promise<void> | void; message: (type: string) => string }[] =
    [
      {
        name: 'notes.txt',
        make: (file) => writeFileSync(file, 'Shopping list: milk, eggs.\n'),
        message: (type) => unreadable('notes.txt', type),
      },
      {
        name: 'cut.jpg',
        make: (file) => {
          const jpeg = readFileSync(strawberry.path);
          writeFileSync(file, jpeg.subarray(0, Math.floor(jpeg.length * 0.4)));
        },
        message: (type) => unreadable('cut.jpg', type),
      },
      {
        name: 'dot.png',
        make: async (file) =>
          copyFileSync(await flatPngFile(1, 1, [255, 0, 0], { size: 0, colour: [255, 0, 0] }), file),
        message: () =>
          '"dot.png" is only 1×1 pixels: its centred square is too small to classify. ' +
          'Use an image at least 16 pixels on its shorter side.',
      },
      {
        name: 'IMG_0001.heic',
        make: (file) => writeFileSync(file, heicFile()),
        message: (type) => unreadable('IMG_0001.heic', type),
      },
    ];

  test('a text file, a truncated JPEG, a 1×1 image and a HEIC photo get the same messages as in Chromium', async ({
    tab,
  }) => {
    mkdirSync(dir, { recursive: true });
    const { index } = await tab.mount({ backend: 'wasm' });
    await tab.upload(index, [strawberry.path]);
    await expectResult(tab, 1, 'upload', strawberry);

    // What each file got, compared at the end, so that a failure lists every file's outcome.
    const said: Record<string, string> = {};
    const expected: Record<string, string> = {};
    for (const refusal of refusals) {
      const file = path.join(dir, refusal.name);
      await refusal.make(file);
      const before = (await tab.events()).length;
      await tab.upload(index, [file]);
      const outcome = await tab.waitForEvents(undefined, before + 1).then((events) => events[before]);
      const type = await tab.evaluate((index) => window.probe.chosenFileType(index), index);
      expected[refusal.name] = `input error: ${refusal.message(type)}`;
      if (outcome.type === 'mobilenet-error') {
        said[refusal.name] = `${outcome.phase} error: ${outcome.message}`;
        expect(await tab.evaluate((index) => window.probe.shownError(index), index), 'the [part=error] text').toBe(
          outcome.message,
        );
      } else {
        said[refusal.name] = `${outcome.type}: top-5 ${outcome.top5}`;
      }
    }
    expect(said, `${tab.engine.name}: what each file got`).toEqual(expected);

    await tab.upload(index, [lorikeet.path]);
    await expectResult(tab, 2, 'upload', lorikeet);
  });
});

test('a 4032×3024 JPEG: the reduced decode gives the full decode’s top-1, and what each way of decoding costs here', async ({
  tab,
}) => {
  // npm test checks 3 photos; PHOTO_ROUNDS=15 PHOTO_COUNT=10 also times every way of decoding (minutes in WebKit).
  const count = Number(process.env.PHOTO_COUNT ?? 3);
  const rounds = Number(process.env.PHOTO_ROUNDS ?? 0);
  test.setTimeout(120_000 + count * 20_000 + rounds * 30_000);
  const { index } = await tab.mount({ backend: 'wasm' });
  const files = TEST_IMAGES.slice(0, count).map((image) => image.file);
  const bytes = await tab.evaluate((files) => window.probe.makePhotos(files), files);
  const times: Record<string, number[]> = {};
  const sizes: Record<string, string> = {};
  // One evaluate per round: WebKit's WebDriver gives a script 180 s.
  for (let round = -1; round < rounds; round++) {
    const timed = await tab.evaluate((round) => window.probe.timeDecodes(round), Math.max(round, 0));
    if (round < 0) continue; // warm-up
    for (const [name, { ms, size }] of Object.entries(timed)) {
      (times[name] ??= []).push(ms);
      sizes[name] = size;
    }
  }
  const run = await tab.evaluate(({ index, everyWay }) => window.probe.photoAnswers(index, everyWay), {
    index,
    everyWay: rounds > 0,
  });
  const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
  const report = [
    `${tab.engine.name} (ImageDecoder: ${run.imageDecoder}), ${count} photos, the first ${bytes} B` +
      (rounds > 0 ? `; median decode of the first over ${rounds} rounds:` : ''),
    ...Object.entries(times).map(
      ([name, ms]) =>
        `${name}: ${median(ms).toFixed(1)} ms to ${sizes[name]}, top-1 differs from the full decode on ${run.differFromFull[name]}/${count}`,
    ),
    `el.classify(blob) end to end: ${median(run.classifyBlobMs).toFixed(1)} ms, top-1 differs on ${run.differFromFull['el.classify(blob)']}/${count}`,
    `full decode + el.classify(bitmap): ${median(run.classifyFullMs).toFixed(1)} ms`,
  ].join('\n  ');
  console.log(report);
  test.info().annotations.push({ type: 'phone photo decodes', description: report });
  // Within one image of the full decode, as in e2e/phone-photos.spec.ts.
  expect(run.differFromFull['el.classify(blob)'], report).toBeLessThanOrEqual(1);
});
