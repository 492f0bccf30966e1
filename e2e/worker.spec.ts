/**
 * The core (src/model) inside a dedicated module Worker: loadClassifier, classify and embed with
 * no DOM, WebGL through OffscreenCanvas, wasm with its binaries located from the worker.
 * The harness page (e2e/worker.html) forwards calls to e2e/classifier.worker.ts.
 */
import type { Page } from '@playwright/test';
import { expect, routeShared, test, TEST_IMAGES } from './fixtures';

/** Images the model gets right at top-1 on every backend (e2e/classifier.spec.ts checks all 30 on the main thread). */
const IMAGES = ['n07745940_strawberry.jpg', 'n01820546_lorikeet.jpg', 'n04409515_tennis_ball.jpg'];

async function openWorkerHarness(page: Page): Promise<void> {
  await routeShared(page);
  await page.goto('/e2e/worker.html');
  await page
    .waitForFunction(() => document.body.dataset.ready === 'true', undefined, { timeout: 60_000 })
    .catch(() => {
      throw new Error(
        'the worker harness (e2e/worker-harness.ts) never set body[data-ready]: did the Vite server start?',
      );
    });
}

function truth(file: string): number {
  const image = TEST_IMAGES.find((t) => t.file === file);
  if (!image) throw new Error(`${file} is not in ../shared/test-images/labels.json`);
  return image.index;
}

test.beforeEach(async ({ page }) => {
  await openWorkerHarness(page);
});

test('the harness runs the core where there is no document, window or localStorage', async ({ page }) => {
  const scope = await page.evaluate(() => window.workerHarness.call('scope'));
  expect(scope).toEqual({
    document: 'undefined',
    window: 'undefined',
    localStorage: 'undefined',
    offscreenCanvas: 'function',
  });
});

for (const backend of ['wasm', 'webgl'] as const) {
  test(`classifies transferred ImageBitmaps and Blobs correctly on ${backend} in a worker, and frees its tensors`, async ({
    page,
  }) => {
    const run = await page.evaluate(
      async ({ backend, images }) => {
        const { call, blob } = window.workerHarness;
        const loaded = await call('load', { backend });
        const bitmaps: { file: string; top1: number; backend: string }[] = [];
        const blobs: { file: string; top1: number }[] = [];
        // One warm call, then the tensor count must stay where it is.
        const first = await blob(`/shared/test-images/${images[0]}`);
        await call('classify', { input: first, features: true });
        const before = await call('memory');
        for (const file of images) {
          const data = await blob(`/shared/test-images/${file}`);
          const bitmap = await createImageBitmap(data, { imageOrientation: 'from-image' });
          const viaBitmap = await call('classify', { input: bitmap }, [bitmap]);
          bitmaps.push({ file, top1: viaBitmap.predictions[0].index, backend: viaBitmap.backend });
          const viaBlob = await call('classify', { input: data, features: true });
          blobs.push({ file, top1: viaBlob.predictions[0].index });
          await call('embed', { input: data });
        }
        const after = await call('memory');
        await call('dispose');
        return { loaded, bitmaps, blobs, before, after, afterDispose: await call('memory') };
      },
      { backend, images: IMAGES },
    );
    expect(run.loaded.backend, `the worker fell back from ${backend}`).toBe(backend);
    for (const { file, top1, backend: ran } of run.bitmaps) {
      expect(ran).toBe(backend);
      expect(top1, `${file} as a transferred ImageBitmap`).toBe(truth(file));
    }
    for (const { file, top1 } of run.blobs) expect(top1, `${file} as a Blob`).toBe(truth(file));
    expect(run.after, 'tensors left over after classify/embed in the worker').toBe(run.before);
    expect(run.afterDispose, 'tensors left after dispose()').toBe(0);
  });
}

test('gives the same probabilities in a worker as on the main thread (wasm)', async ({ page }) => {
  const { inWorker, onMain } = await page.evaluate(async (file) => {
    const { call, blob } = window.workerHarness;
    const data = await blob(`/shared/test-images/${file}`);
    await call('load', { backend: 'wasm' });
    const inWorker = await call('classify', { input: data });
    await call('dispose');
    const classifier = await window.workerHarness.core.loadClassifier({ backend: 'wasm', cache: false });
    const onMain = await classifier.classify(data);
    classifier.dispose();
    return { inWorker: inWorker.predictions, onMain: onMain.predictions };
  }, IMAGES[0]);
  expect(inWorker.map((p) => p.index)).toEqual(onMain.map((p) => p.index));
  for (let i = 0; i < onMain.length; i++) expect(inWorker[i].probability).toBeCloseTo(onMain[i].probability, 5);
});

test("backend 'auto' measures and picks a backend in a worker, with no localStorage to remember it in", async ({
  page,
}) => {
  const run = await page.evaluate(async (file) => {
    const { call, blob } = window.workerHarness;
    const loaded = await call('load', { backend: 'auto' });
    const result = await call('classify', { input: await blob(`/shared/test-images/${file}`) });
    await call('dispose');
    return { loaded, top1: result.predictions[0].index, backend: result.backend };
  }, IMAGES[0]);
  expect(['wasm', 'webgl']).toContain(run.loaded.backend);
  expect(run.backend).toBe(run.loaded.backend);
  expect(run.loaded.remembered).toBeNull();
  expect(run.top1).toBe(truth(IMAGES[0]));
});
