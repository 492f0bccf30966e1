// The core's options beyond the centred crop: result filters (MediaPipe's score threshold and class
// allow/deny lists), a region anywhere in the picture, and explain() by occlusion.
import type { Page } from '@playwright/test';
import type { Backend } from '../src/model';
import { expect, test, TEST_IMAGES } from './fixtures';

const STRAWBERRY = TEST_IMAGES.find((t) => t.file.includes('strawberry'))!;
const GOLF_BALL = TEST_IMAGES.find((t) => t.file.includes('golf_ball'))!;

/** Loads a classifier on `backend` in the page, as `window.classifier`. */
async function load(page: Page, backend: Backend): Promise<void> {
  const running = await page.evaluate(async (backend) => {
    const classifier = await window.harness.core.loadClassifier({ backend, cache: false });
    Object.assign(window, { classifier });
    return classifier.backend;
  }, backend);
  expect(running, 'the backend the test is about started').toBe(backend);
}

for (const backend of ['wasm', 'webgl'] as const) {
  test(`filters are applied before the top-k and keep the exact probabilities (${backend})`, async ({
    harnessPage: page,
  }) => {
    await load(page, backend);
    const runs = await page.evaluate(async (file) => {
      const classifier = (window as unknown as { classifier: import('../src/model').Classifier }).classifier;
      const blob = await window.harness.blob(`/shared/test-images/${file}`);
      const ranked = (r: { predictions: { index: number; probability: number }[] }) =>
        r.predictions.map((p) => [p.index, p.probability] as const);
      const plain = ranked(await classifier.classify(blob, { topK: 6 }));
      const [first, second, third, , fifth] = plain;
      return {
        plain,
        excluded: ranked(await classifier.classify(blob, { topK: 5, excludeClasses: [first![0]] })),
        included: ranked(
          await classifier.classify(blob, {
            topK: 5,
            includeClasses: [classifier.labels[fifth![0]]!.label, third![0]],
          }),
        ),
        threshold: ranked(await classifier.classify(blob, { topK: 5, minProbability: (second![1] + third![1]) / 2 })),
        nothing: ranked(await classifier.classify(blob, { minProbability: 1 })),
        batch: (await classifier.classifyBatch([blob, blob], { topK: 2, excludeClasses: [first![0]] })).map((s) =>
          s.status === 'fulfilled' ? ranked(s.value) : [],
        ),
      };
    }, STRAWBERRY.file);
    const [first, second, third, fourth, fifth, sixth] = runs.plain;
    const close = (rows: (readonly [number, number])[]) => rows.map(([i, p]) => [i, expect.closeTo(p, 5)]);
    expect(first![0], 'strawberry is top-1').toBe(STRAWBERRY.index);
    expect(runs.excluded, 'excluding the top class moves the rest up').toEqual(
      close([second!, third!, fourth!, fifth!, sixth!]),
    );
    expect(runs.included, 'only the listed classes, best first').toEqual(close([third!, fifth!]));
    expect(runs.threshold, 'only those at or over the threshold').toEqual(close([first!, second!]));
    expect(runs.nothing).toEqual([]);
    expect(runs.batch).toEqual([close([second!, third!]), close([second!, third!])]);
  });
}

test('a region picks which object of the picture is classified, in classify, embed and classifyBatch', async ({
  harnessPage: page,
}) => {
  await load(page, 'wasm');
  const run = await page.evaluate(
    async ({ left, right }) => {
      const classifier = (window as unknown as { classifier: import('../src/model').Classifier }).classifier;
      // Two photos side by side on a 2:1 canvas, each as its own centred square.
      const square = async (file: string) => {
        const bitmap = await createImageBitmap(await window.harness.blob(`/shared/test-images/${file}`));
        const side = Math.min(bitmap.width, bitmap.height);
        const canvas = new OffscreenCanvas(300, 300);
        canvas
          .getContext('2d')!
          .drawImage(bitmap, (bitmap.width - side) / 2, (bitmap.height - side) / 2, side, side, 0, 0, 300, 300);
        return canvas;
      };
      const [a, b] = await Promise.all([square(left), square(right)]);
      const both = new OffscreenCanvas(600, 300);
      both.getContext('2d')!.drawImage(a, 0, 0);
      both.getContext('2d')!.drawImage(b, 300, 0);
      const top = async (options: object) =>
        (await classifier.classify(both, { topK: 1, ...options })).predictions[0]!.index;
      const diff = (x: Float32Array, y: Float32Array) => Math.max(...x.map((v, i) => Math.abs(v - y[i]!)));
      const refused = async (region: unknown) =>
        classifier.classify(both, { region: region as import('../src/model').Region }).then(
          () => 'resolved',
          (e: Error) => `${e.name}: ${e.message}`,
        );
      const batch = await classifier.classifyBatch([both], { topK: 1, region: { x: 0.5, y: 0, size: 1 } });
      return {
        leftTop: await top({ region: { x: 0, y: 0, size: 1 } }),
        rightTop: await top({ region: { x: 0.5, y: 0, size: 1 } }),
        nullRegionIsCrop: (await top({ region: null, crop: 0.5 })) === (await top({ crop: 0.5 })),
        embedDiff: diff(await classifier.embed(both, { region: { x: 0.5, y: 0, size: 1 } }), await classifier.embed(b)),
        batchTop: batch[0]!.status === 'fulfilled' ? batch[0]!.value.predictions[0]!.index : -1,
        pastEdge: await refused({ x: 0.6, y: 0, size: 1 }),
        badField: await refused({ x: 0, y: 0, size: 0 }),
      };
    },
    { left: STRAWBERRY.file, right: GOLF_BALL.file },
  );
  expect(run.leftTop, 'left half: strawberry').toBe(STRAWBERRY.index);
  expect(run.rightTop, 'right half: golf ball').toBe(GOLF_BALL.index);
  expect(run.batchTop).toBe(GOLF_BALL.index);
  expect(run.nullRegionIsCrop).toBe(true);
  // The same 300×300 pixels resized to 96×96 either way: the vectors agree up to resampling.
  expect(run.embedDiff).toBeLessThan(0.05);
  expect(run.pastEdge).toBe(
    'RangeError: region { x: 0.6, y: 0, size: 1 } goes past the right edge of a 600×300 image.',
  );
  expect(run.badField).toMatch(/^RangeError: region.size must be a fraction of the short side in \(0, 1\], got 0/);
});

for (const backend of ['wasm', 'webgl'] as const) {
  test(`explain() finds the one cell that holds the object (${backend})`, async ({ harnessPage: page }) => {
    await load(page, backend);
    const run = await page.evaluate(async (file) => {
      const { core } = window.harness;
      const classifier = (window as unknown as { classifier: import('../src/model').Classifier }).classifier;
      // A grey picture with the photo in the top-right cell of a 3×3 grid, and nothing anywhere else.
      const bitmap = await createImageBitmap(await window.harness.blob(`/shared/test-images/${file}`));
      const side = Math.min(bitmap.width, bitmap.height);
      const canvas = new OffscreenCanvas(288, 288);
      const context = canvas.getContext('2d')!;
      context.fillStyle = 'rgb(128, 128, 128)';
      context.fillRect(0, 0, 288, 288);
      context.drawImage(bitmap, (bitmap.width - side) / 2, (bitmap.height - side) / 2, side, side, 192, 0, 96, 96);
      const start = performance.now();
      const explained = await classifier.explain(canvas, { grid: 3 });
      const ms = performance.now() - start;
      const explicit = await classifier.explain(canvas, { grid: 3, classIndex: explained.classIndex });
      const grid7 = await classifier.explain(canvas);
      const tensors = window.harness.tf.memory().numTensors;
      await classifier.explain(canvas);
      return {
        ...explained,
        heat: Array.from(explained.heat),
        pixels: undefined,
        ms,
        same: Array.from(explicit.heat).every((v, i) => Math.abs(v - explained.heat[i]!) < 1e-5),
        grid7: { grid: grid7.grid, length: grid7.heat.length, area: core.hottestArea(grid7.heat, 7) },
        area: core.hottestArea(explained.heat, 3),
        leak: window.harness.tf.memory().numTensors - tensors,
      };
    }, STRAWBERRY.file);
    console.log(`[explain ${backend}] ${JSON.stringify({ ...run, ms: Math.round(run.ms) })}`);
    expect(run.classIndex, 'the top class of the picture').toBe(STRAWBERRY.index);
    expect(run.grid).toBe(3);
    expect(run.size).toBe(96);
    const [hot, ...rest] = [run.heat[2]!, ...run.heat.filter((_, i) => i !== 2)];
    expect(hot, 'greying the strawberry costs most of its probability').toBeGreaterThan(0.5 * run.probability);
    for (const other of rest) expect(Math.abs(other), `every other cell: ${run.heat}`).toBeLessThan(hot / 5);
    expect(run.area).toEqual({ row: 'top', column: 'right' });
    expect(run.grid7).toEqual({ grid: 7, length: 49, area: { row: 'top', column: 'right' } });
    expect(run.same, 'an explicit classIndex gives the same heat').toBe(true);
    expect(run.leak, 'tensors left by explain()').toBe(0);
  });
}
