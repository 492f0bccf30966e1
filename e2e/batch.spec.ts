// Classifier.classifyBatch: the same answers as one classify() per image, in one model run per batch;
// a bad image settles as rejected in its own place; progress, abort and option checks.
import type { Backend, ClassifyBatchOptions } from '../src/model';
import { expect, test, TEST_IMAGES } from './fixtures';

interface Compared {
  single: { top5: number[]; probabilities: number[]; features: number[] }[];
  batch: (
    | { status: 'fulfilled'; top5: number[]; probabilities: number[]; features: number[]; inference: number }
    | { status: 'rejected'; name: string; phase?: string; message: string }
  )[];
  progress: { done: number; total: number }[];
  tensors: { before: number; after: number };
  backend: string;
}

/** Runs classify() per image and classifyBatch() over the same images (null = an undecodable blob). */
async function compare(
  page: import('@playwright/test').Page,
  backend: Backend,
  files: (string | null)[],
  options: ClassifyBatchOptions,
): Promise<Compared> {
  return page.evaluate(
    async ({ backend, files, options }) => {
      const { core, tf } = window.harness;
      const classifier = await core.loadClassifier({ backend, cache: false });
      const blobs = await Promise.all(
        files.map((file) =>
          file
            ? window.harness.blob(`/shared/test-images/${file}`)
            : new Blob(['not an image'], { type: 'text/plain' }),
        ),
      );
      const single = [];
      for (const blob of blobs.filter((_, i) => files[i] !== null)) {
        const r = await classifier.classify(blob, { topK: 5, features: true });
        single.push({
          top5: r.predictions.map((p) => p.index),
          probabilities: r.predictions.map((p) => p.probability),
          features: Array.from(r.features!),
        });
      }
      const before = tf.memory().numTensors;
      const progress: { done: number; total: number }[] = [];
      const settled = await classifier.classifyBatch(blobs, {
        ...options,
        topK: 5,
        features: true,
        onProgress: (p) => progress.push(p),
      });
      const after = tf.memory().numTensors;
      classifier.dispose();
      return {
        single,
        batch: settled.map((s) =>
          s.status === 'fulfilled'
            ? {
                status: 'fulfilled' as const,
                top5: s.value.predictions.map((p) => p.index),
                probabilities: s.value.predictions.map((p) => p.probability),
                features: Array.from(s.value.features!),
                inference: s.value.timings.inference,
              }
            : {
                status: 'rejected' as const,
                name: (s.reason as Error).name,
                phase: (s.reason as { phase?: string }).phase,
                message: (s.reason as Error).message,
              },
        ),
        progress,
        tensors: { before, after },
        backend: classifier.backend,
      };
    },
    { backend, files, options },
  );
}

function maxAbsDiff(a: number[], b: number[]): number {
  expect(a).toHaveLength(b.length);
  return a.reduce((worst, x, i) => Math.max(worst, Math.abs(x - b[i])), 0);
}

function expectSameAnswers(outcome: Compared): void {
  const fulfilled = outcome.batch.filter((b) => b.status === 'fulfilled');
  expect(fulfilled).toHaveLength(outcome.single.length);
  fulfilled.forEach((b, i) => {
    const single = outcome.single[i];
    expect(b.top5, `image ${i}: top-5`).toEqual(single.top5);
    expect(maxAbsDiff(b.probabilities, single.probabilities), `image ${i}: probabilities`).toBeLessThan(1e-4);
    expect(maxAbsDiff(b.features, single.features), `image ${i}: features`).toBeLessThan(1e-3);
    expect(b.inference).toBeGreaterThan(0);
  });
  expect(outcome.tensors.after, 'classifyBatch leaked tensors').toBe(outcome.tensors.before);
}

test('on wasm, a batch of the 30 test images gives what 30 classify() calls give, reporting progress per run', async ({
  harnessPage: page,
}) => {
  const outcome = await compare(
    page,
    'wasm',
    TEST_IMAGES.map((i) => i.file),
    { batchSize: 8 },
  );
  expect(outcome.backend).toBe('wasm');
  expectSameAnswers(outcome);
  expect(outcome.progress).toEqual([8, 16, 24, 30].map((done) => ({ done, total: 30 })));
});

test('on WebGL, a last run shorter than the batch (padded to its size) still gives each image its own answer', async ({
  harnessPage: page,
}) => {
  const outcome = await compare(
    page,
    'webgl',
    TEST_IMAGES.slice(0, 10).map((i) => i.file),
    { batchSize: 4 },
  );
  expect(outcome.backend).toBe('webgl');
  expectSameAnswers(outcome);
  expect(outcome.progress.map((p) => p.done)).toEqual([4, 8, 10]);
});

test('an image that cannot be decoded is rejected in its own place; the others are classified', async ({
  harnessPage: page,
}) => {
  const files = TEST_IMAGES.slice(0, 6).map((i) => i.file) as (string | null)[];
  files.splice(2, 0, null);
  files.push(null);
  const outcome = await compare(page, 'wasm', files, { batchSize: 3 });
  expect(outcome.batch.map((b) => b.status)).toEqual(files.map((f) => (f === null ? 'rejected' : 'fulfilled')));
  for (const bad of outcome.batch.filter((b) => b.status === 'rejected')) {
    expect(bad).toMatchObject({ name: 'ClassifierError', phase: 'input' });
    expect(bad.status === 'rejected' && bad.message).toMatch(/could not be read as an image/);
  }
  expectSameAnswers(outcome);
});

test('refuses a bad batchSize or topK, and stops between runs when aborted', async ({ harnessPage: page }) => {
  const outcome = await page.evaluate(async (file) => {
    const { core, tf } = window.harness;
    const classifier = await core.loadClassifier({ backend: 'wasm', cache: false });
    const blob = await window.harness.blob(`/shared/test-images/${file}`);
    const error = (options: object) =>
      classifier.classifyBatch([blob], options).then(
        () => 'resolved',
        (e: Error) => `${e.name}: ${e.message}`,
      );
    const bad = [
      await error({ batchSize: 0 }),
      await error({ batchSize: 65 }),
      await error({ batchSize: 2.5 }),
      await error({ topK: 0 }),
    ];
    const before = tf.memory().numTensors;
    const controller = new AbortController();
    let runs = 0;
    const aborted = await classifier
      .classifyBatch(Array(9).fill(blob), {
        batchSize: 3,
        signal: controller.signal,
        onProgress: () => {
          runs++;
          controller.abort();
        },
      })
      .then(
        () => 'resolved',
        (e: Error) => e.name,
      );
    const after = tf.memory().numTensors;
    const empty = await classifier.classifyBatch([]);
    classifier.dispose();
    return { bad, aborted, runs, tensors: { before, after }, empty };
  }, TEST_IMAGES[0].file);
  expect(outcome.bad[0]).toMatch(/^RangeError: batchSize must be a whole number from 1 to 64, got 0/);
  expect(outcome.bad[1]).toMatch(/got 65/);
  expect(outcome.bad[2]).toMatch(/got 2.5/);
  expect(outcome.bad[3]).toMatch(/^RangeError: topK must be/);
  expect(outcome.aborted).toBe('AbortError');
  expect(outcome.runs, 'it kept running after the abort').toBe(1);
  expect(outcome.tensors.after).toBe(outcome.tensors.before);
  expect(outcome.empty).toEqual([]);
});
