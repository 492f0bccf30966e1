import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import type { Backend } from '../src/model';
import { dequantizeHead, readTflite } from '../scripts/model/tflite';
import { expect, MODEL_BACKBONE, MODEL_SOURCES, MODEL_WEIGHT_BYTES, openHarness, test, TEST_IMAGES } from './fixtures';

/** What one pass over the 30 test images gives, read back from the page. */
interface ImageRun {
  file: string;
  top5: number[];
  probabilities: number[];
  backend: string;
  features: number[];
  /** Reference: the untouched TF-Hub feature-vector model on the same input tensor. */
  referenceFeatures: number[];
  /** The built model's raw `logits` and `feature_vector` outputs on the same input tensor. */
  logits: number[];
  builtFeatures: number[];
}

/** Classifies every test image on `backend` and, when `reference` is set, also runs the raw models on the same pixels. */
async function runAll(page: Page, backend: string, reference: boolean): Promise<ImageRun[]> {
  const files = TEST_IMAGES.map((t) => t.file);
  return page.evaluate(
    async ({ files, backend, reference }) => {
      const { core, tf, loadGraphModel, toModelInput } = window.harness;
      const classifier = await core.loadClassifier({ backend: backend as Backend });
      const hub = reference ? await loadGraphModel('/shared/model-sources/feature-vector/model.json') : undefined;
      const built = reference ? await loadGraphModel('/model/model.json') : undefined;
      const runs = [];
      for (const file of files) {
        const blob = await window.harness.blob(`/shared/test-images/${file}`);
        const result = await classifier.classify(blob, { topK: 5, features: true });
        const run = {
          file,
          top5: result.predictions.map((p) => p.index),
          probabilities: result.predictions.map((p) => p.probability),
          backend: result.backend,
          features: Array.from(result.features ?? []),
          referenceFeatures: [] as number[],
          logits: [] as number[],
          builtFeatures: [] as number[],
        };
        if (hub && built) {
          const input = tf.tensor4d(toModelInput(result.pixels), [1, 96, 96, 3]);
          const ref = hub.execute(input) as import('@tensorflow/tfjs-core').Tensor;
          const [logits, fv] = built.execute({ images: input }, [
            'logits',
            'feature_vector',
          ]) as import('@tensorflow/tfjs-core').Tensor[];
          run.referenceFeatures = Array.from(await ref.data());
          run.logits = Array.from(await logits.data());
          run.builtFeatures = Array.from(await fv.data());
          tf.dispose([input, ref, logits, fv]);
        }
        runs.push(run);
      }
      classifier.dispose();
      hub?.dispose();
      built?.dispose();
      return runs;
    },
    { files, backend, reference },
  );
}

function cosine(a: number[], b: number[]): number {
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (let i = 0; i < a.length; i++) {
    dot += a[i] * b[i];
    na += a[i] * a[i];
    nb += b[i] * b[i];
  }
  return dot / Math.sqrt(na * nb);
}

function maxAbsDiff(a: ArrayLike<number>, b: ArrayLike<number>): number {
  expect(a.length, 'vectors of different length').toBe(b.length);
  let max = 0;
  for (let i = 0; i < a.length; i++) max = Math.max(max, Math.abs(a[i] - b[i]));
  return max;
}

test.describe.serial('the classifier core on WebGL, on the 30 test images', () => {
  let webgl: ImageRun[];

  test.beforeAll(async ({ browser }) => {
    const page = await browser.newPage();
    await openHarness(page);
    webgl = await runAll(page, 'webgl', /* reference= */ true);
    await page.close();
  });

  test('runs on WebGL', () => {
    expect(new Set(webgl.map((r) => r.backend))).toEqual(new Set(['webgl']));
  });

  test('finds the true class in the top-5 of all 30 and at top-1 of at least 26', () => {
    const misses = webgl.filter((r, i) => !r.top5.includes(TEST_IMAGES[i].index)).map((r) => r.file);
    expect(misses, 'images whose true class is not in the top-5').toEqual([]);
    const top1 = webgl.filter((r, i) => r.top5[0] === TEST_IMAGES[i].index).length;
    console.log(`top-1 on WebGL: ${top1}/30`);
    expect(top1).toBeGreaterThanOrEqual(26);
  });

  // A float32 build holds the source's weights bit for bit; a float16 build rounds each weight to half
  // precision (about 3 decimal digits), so its features are close but not equal.
  const exact = MODEL_BACKBONE === 'float32';
  test(`feature_vector matches the untouched TF-Hub feature-vector model (${
    exact
      ? 'max abs diff ≤ 1e-4'
      : 'float16 backbone: cosine ≥ 0.999 per image, max abs diff ≤ 5% of the largest feature (3.8% measured)'
  })`, () => {
    let worst = 0;
    let largest = 0;
    let lowestCosine = 1;
    for (const run of webgl) {
      expect(run.features).toHaveLength(1280);
      // classify({ features: true }) gives what the built graph computes for the same crop.
      expect(maxAbsDiff(run.features, run.builtFeatures)).toBeLessThanOrEqual(1e-5);
      worst = Math.max(worst, maxAbsDiff(run.builtFeatures, run.referenceFeatures));
      largest = Math.max(largest, ...run.referenceFeatures.map(Math.abs));
      lowestCosine = Math.min(lowestCosine, cosine(run.builtFeatures, run.referenceFeatures));
    }
    console.log(
      `feature_vector vs TF-Hub (${MODEL_BACKBONE}): max abs diff ${worst.toExponential(2)} (largest feature ${largest.toFixed(2)}), lowest cosine ${lowestCosine.toFixed(6)}`,
    );
    if (exact) {
      expect(worst).toBeLessThanOrEqual(1e-4);
    } else {
      expect(lowestCosine).toBeGreaterThanOrEqual(0.999);
      expect(worst).toBeLessThanOrEqual(0.05 * largest);
    }
  });

  test('logits equal feature_vector · W + b of the tflite head, computed in plain JS (max abs diff ≤ 1e-3)', () => {
    const head = dequantizeHead(readTflite(readFileSync(path.join(MODEL_SOURCES, 'mobilenet_v2_0_5_96_quant.tflite'))));
    let worst = 0;
    for (const run of webgl) {
      const expected = Array.from(head.bias, (b, o) => {
        let sum = b;
        for (let i = 0; i < 1280; i++) sum += run.builtFeatures[i] * head.weights[o * 1280 + i];
        return sum;
      });
      expect(run.logits).toHaveLength(1001);
      worst = Math.max(worst, maxAbsDiff(run.logits, expected));
    }
    console.log(`logits vs JS head: max abs diff ${worst.toExponential(2)}`);
    expect(worst).toBeLessThanOrEqual(1e-3);
  });

  test('reports probabilities that are the softmax of the logits, best first', () => {
    for (const run of webgl) {
      const max = Math.max(...run.logits);
      const exp = run.logits.map((l) => Math.exp(l - max));
      const sum = exp.reduce((a, b) => a + b, 0);
      const expected = run.top5.map((index) => exp[index] / sum);
      expect(maxAbsDiff(run.probabilities, expected)).toBeLessThan(1e-4);
      expect([...run.probabilities].sort((a, b) => b - a)).toEqual(run.probabilities);
    }
  });

  for (const backend of ['wasm', 'cpu']) {
    test(`${backend} agrees with WebGL on top-1 for all 30`, async ({ harnessPage }) => {
      const runs = await runAll(harnessPage, backend, /* reference= */ false);
      expect(new Set(runs.map((r) => r.backend))).toEqual(new Set([backend]));
      const disagreements = runs.filter((r, i) => r.top5[0] !== webgl[i].top5[0]).map((r) => r.file);
      expect(disagreements, `images where ${backend} and WebGL disagree`).toEqual([]);
    });
  }
});

// 14 calls: each topK from 1 to 7, with and without features (a leak is exact here: one tensor shows).
test('keeps the tensor count flat over 14 classify and embed calls', async ({ harnessPage }) => {
  const counts = await harnessPage.evaluate(async () => {
    const { core, tf } = window.harness;
    const classifier = await core.loadClassifier();
    const blob = await window.harness.blob('/shared/test-images/n01820546_lorikeet.jpg');
    await classifier.classify(blob, { features: true });
    const before = tf.memory().numTensors;
    for (let i = 0; i < 14; i++) {
      await classifier.classify(blob, { features: i % 2 === 0, topK: 1 + (i % 7) });
      await classifier.embed(blob);
    }
    const after = tf.memory().numTensors;
    classifier.dispose();
    return { before, after, afterDispose: tf.memory().numTensors };
  });
  console.log(`tensors: ${JSON.stringify(counts)}`);
  expect(counts.after).toBe(counts.before);
  expect(counts.afterDispose).toBe(0);
});

test('embed returns the same 1280 floats as classify({ features: true })', async ({ harnessPage }) => {
  const diff = await harnessPage.evaluate(async () => {
    const classifier = await window.harness.core.loadClassifier();
    const blob = await window.harness.blob('/shared/test-images/n03445777_golf_ball.jpg');
    const embedded = await classifier.embed(blob);
    const { features } = await classifier.classify(blob, { features: true });
    classifier.dispose();
    return { length: embedded.length, diff: Math.max(...embedded.map((v, i) => Math.abs(v - features![i]))) };
  });
  expect(diff.length).toBe(1280);
  expect(diff.diff).toBe(0);
});

test('accepts every input kind: image, canvas, ImageBitmap, ImageData, Blob, video', async ({ harnessPage }) => {
  const results = await harnessPage.evaluate(async () => {
    const classifier = await window.harness.core.loadClassifier();
    const url = '/shared/test-images/n04409515_tennis_ball.jpg';
    const blob = await window.harness.blob(url);
    const image = new Image();
    image.src = url; // not awaited: classify must wait for it to load
    const bitmap = await createImageBitmap(blob);
    const canvas = document.createElement('canvas');
    canvas.width = bitmap.width;
    canvas.height = bitmap.height;
    const context = canvas.getContext('2d')!;
    context.drawImage(bitmap, 0, 0);
    const imageData = context.getImageData(0, 0, canvas.width, canvas.height);
    const video = document.createElement('video');
    video.muted = true;
    video.srcObject = canvas.captureStream();
    void video.play();
    const inputs = { image, canvas, bitmap, imageData, blob, video };
    const top1: Record<string, number> = {};
    for (const [kind, input] of Object.entries(inputs)) {
      top1[kind] = (await classifier.classify(input)).predictions[0].index;
    }
    classifier.dispose();
    return top1;
  });
  const tennisBall = 853;
  expect(results).toEqual({
    image: tennisBall,
    canvas: tennisBall,
    bitmap: tennisBall,
    imageData: tennisBall,
    blob: tennisBall,
    video: tennisBall,
  });
});

test('feeds the model the centred square of the short side, and a smaller one with crop < 1', async ({
  harnessPage,
}) => {
  const colours = await harnessPage.evaluate(async () => {
    const { core } = window.harness;
    // 300×100: red | green | blue thirds; inside the green third a white 50×50 square at the centre.
    const canvas = document.createElement('canvas');
    canvas.width = 300;
    canvas.height = 100;
    const c = canvas.getContext('2d')!;
    c.fillStyle = '#f00';
    c.fillRect(0, 0, 100, 100);
    c.fillStyle = '#0f0';
    c.fillRect(100, 0, 100, 100);
    c.fillStyle = '#00f';
    c.fillRect(200, 0, 100, 100);
    c.fillStyle = '#fff';
    c.fillRect(125, 25, 50, 50);
    const classifier = await core.loadClassifier();
    const pixelAt = (data: ImageData, x: number, y: number) =>
      Array.from(data.data.slice((y * 96 + x) * 4, (y * 96 + x) * 4 + 3));
    const whole = (await classifier.classify(canvas)).pixels;
    const half = (await classifier.classify(canvas, { crop: 0.5 })).pixels;
    classifier.dispose();
    return {
      size: [whole.width, whole.height],
      wholeCorners: [pixelAt(whole, 2, 2), pixelAt(whole, 93, 93)],
      wholeCentre: pixelAt(whole, 48, 48),
      halfCorners: [pixelAt(half, 2, 2), pixelAt(half, 93, 93)],
    };
  });
  expect(colours.size).toEqual([96, 96]);
  expect(colours.wholeCorners).toEqual([
    [0, 255, 0],
    [0, 255, 0],
  ]);
  expect(colours.wholeCentre).toEqual([255, 255, 255]);
  expect(colours.halfCorners).toEqual([
    [255, 255, 255],
    [255, 255, 255],
  ]);
});

test('rejects a missing or failing model with a message naming the URL and the problem', async ({ harnessPage }) => {
  await harnessPage.route('**/http-404/**', (route) => route.fulfill({ status: 404, body: 'Not Found' }));
  await harnessPage.route('**/http-500/**', (route) => route.fulfill({ status: 500, body: 'Oops' }));
  const messages = await harnessPage.evaluate(async () => {
    const load = (modelUrl: string) =>
      window.harness.core.loadClassifier({ modelUrl }).then(
        () => 'loaded',
        (error: Error) => `${error.name}: ${error.message}`,
      );
    // The dev server, like many single-page-app hosts, answers unknown paths with index.html and 200.
    return {
      notFound: await load('/http-404/model.json'),
      serverError: await load('/http-500/model.json'),
      spa: await load('/no-such-model/model.json'),
    };
  });
  expect(messages.notFound).toMatch(
    /^ClassifierError: Model file not found at .*\/http-404\/model\.json \(HTTP 404\)\. Run `npm run model`/,
  );
  expect(messages.serverError).toMatch(
    /^ClassifierError: Model file could not be fetched at .*\/http-500\/model\.json \(HTTP 500\)/,
  );
  expect(messages.spa).toMatch(
    /^ClassifierError: Model file not found at .*\/no-such-model\/model\.json: the server sent an HTML page/,
  );
});

test('reports load progress in bytes up to the whole model, and stops when aborted', async ({ harnessPage }) => {
  const outcome = await harnessPage.evaluate(async () => {
    const fractions: number[] = [];
    let total = 0;
    const classifier = await window.harness.core.loadClassifier({
      onProgress: (p) => {
        fractions.push(p.fraction);
        total = p.totalBytes;
      },
    });
    classifier.dispose();
    const controller = new AbortController();
    controller.abort();
    const aborted = await window.harness.core.loadClassifier({ signal: controller.signal }).then(
      () => 'loaded',
      (error: Error) => error.name,
    );
    return { first: fractions[0], last: fractions.at(-1), count: fractions.length, total, aborted };
  });
  expect(outcome.first).toBe(0);
  expect(outcome.last).toBe(1);
  expect(outcome.count).toBeGreaterThan(2);
  expect(outcome.total).toBeGreaterThanOrEqual(MODEL_WEIGHT_BYTES);
  expect(outcome.aborted).toBe('AbortError');
});

test('refuses a topK that is not a positive whole number, and undecodable bytes, with clear messages', async ({
  harnessPage,
}) => {
  const messages = await harnessPage.evaluate(async () => {
    const classifier = await window.harness.core.loadClassifier();
    const blob = await window.harness.blob('/shared/test-images/n03584829_iron.jpg');
    const fail = (p: Promise<unknown>) =>
      p.then(
        () => 'resolved',
        (e: Error) => e.message,
      );
    const out = {
      zero: await fail(classifier.classify(blob, { topK: 0 })),
      text: await fail(classifier.classify(new File(['hello'], 'notes.txt', { type: 'text/plain' }))),
      empty: await fail(classifier.classify(new File([], 'empty.png', { type: 'image/png' }))),
      stillWorks: (await classifier.classify(blob, { topK: 2000 })).predictions.length,
    };
    classifier.dispose();
    return out;
  });
  expect(messages.zero).toMatch(/topK must be a whole number/);
  expect(messages.text).toMatch(/"notes\.txt" \(text\/plain\) could not be read as an image/);
  expect(messages.empty).toMatch(/"empty\.png" is empty/);
  expect(messages.stillWorks).toBe(1001);
});

test.describe('the weight cache', () => {
  /** Loads a classifier in the page; returns its network weight bytes and the shard requests the page made. */
  async function load(page: Page, options: { cache?: boolean } = {}) {
    const shardRequests: string[] = [];
    const onRequest = (request: import('@playwright/test').Request) => {
      if (request.url().endsWith('.bin')) shardRequests.push(request.url());
    };
    page.on('request', onRequest);
    const networkBytes = await page.evaluate(async (options) => {
      const classifier = await window.harness.core.loadClassifier(options);
      classifier.dispose();
      return classifier.networkBytes;
    }, options);
    page.off('request', onRequest);
    return { networkBytes, shardRequests };
  }

  // A plain page: Playwright turns the HTTP cache off for pages with routes, and a revalidation needs it.
  test('a second visit loads the weights from the cache, with no weight bytes and a body-less model.json over the network', async ({
    page,
  }) => {
    await page.goto('/e2e/harness.html');
    await page.waitForFunction(() => document.body.dataset.ready === 'true');
    const first = await load(page);
    expect(first.networkBytes).toBeGreaterThanOrEqual(MODEL_WEIGHT_BYTES);
    expect(first.shardRequests).toHaveLength(1);

    await page.reload();
    await page.waitForFunction(() => document.body.dataset.ready === 'true');
    const modelJson = page.waitForResponse((response) => response.url().endsWith('/model/model.json'));
    const labelsJson = page.waitForResponse((response) => response.url().endsWith('/model/labels.json'));
    const second = await load(page);
    expect(second.networkBytes, 'weight bytes over the network on the second visit').toBe(0);
    expect(second.shardRequests, 'shard requests on the second visit').toEqual([]);
    for (const response of [await modelJson, await labelsJson]) {
      const sizes = await response.request().sizes();
      expect(sizes.responseBodySize, `${response.url()} was downloaded again instead of revalidated (304)`).toBe(0);
    }
  });

  test('a rebuilt model (new content hash) is downloaded again and replaces the old shards', async ({
    harnessPage: page,
  }) => {
    await load(page);
    await page.route('**/model/model.json', async (route) => {
      const json = await (await route.fetch()).json();
      json.userDefinedMetadata.contentHash = 'rebuilt';
      await route.fulfill({ json });
    });
    const rebuilt = await load(page);
    expect(rebuilt.networkBytes).toBeGreaterThanOrEqual(MODEL_WEIGHT_BYTES);
    const keys = await page.evaluate(async () =>
      (await (await caches.open('mobilenet-classifier-weights-v1')).keys()).map((r) => r.url),
    );
    expect(keys).toHaveLength(1);
    expect(keys[0]).toMatch(/group1-shard1of1\.bin\?content-hash=rebuilt$/);
  });

  test('cache: false always uses the network', async ({ harnessPage: page }) => {
    await load(page, { cache: false });
    const again = await load(page, { cache: false });
    expect(again.networkBytes).toBeGreaterThanOrEqual(MODEL_WEIGHT_BYTES);
    expect(again.shardRequests).toHaveLength(1);
  });
});

test.describe("backend: 'auto'", () => {
  test('runs on the backend it measured fastest here, and remembers the choice for the next load', async ({
    harnessPage: page,
  }) => {
    const outcome = await page.evaluate(async () => {
      const { core } = window.harness;
      localStorage.removeItem(core.AUTO_BACKEND_STORAGE_KEY);
      const first = await core.loadClassifier({ backend: 'auto' });
      // auto measures after the first result.
      await first.classify(await window.harness.blob('/shared/test-images/n03445777_golf_ball.jpg'));
      await first.backendChoice;
      const choice = core.readAutoBackendChoice();
      first.dispose();
      localStorage.setItem(core.AUTO_BACKEND_STORAGE_KEY, JSON.stringify({ ...choice, medians: { remembered: 1 } }));
      const second = await core.loadClassifier({ backend: 'auto' });
      second.dispose();
      return { backend: first.backend, second: second.backend, choice, after: core.readAutoBackendChoice() };
    });
    console.log(`auto: ${JSON.stringify(outcome.choice)}`);
    const medians = Object.entries(outcome.choice?.medians ?? {}) as [string, number][];
    expect(medians.map(([name]) => name).sort(), 'auto did not measure both wasm and webgl').toEqual(['wasm', 'webgl']);
    const fastest = medians.sort((a, b) => a[1] - b[1])[0][0];
    expect(outcome.backend).toBe(fastest);
    expect(outcome.second).toBe(fastest);
    expect(outcome.after?.medians, 'the second load measured again instead of using the remembered choice').toEqual({
      remembered: 1,
    });
  });
  for (const slowWasm of [false, true]) {
    test(`gives its first result on wasm at once, then ${slowWasm ? 'moves to WebGL when wasm is made slower' : 'stays on wasm, faster here'}, losing and mixing no result`, async ({
      harnessPage: page,
    }) => {
      const files = TEST_IMAGES.slice(0, 6).map((t) => t.file);
      const outcome = await page.evaluate(
        async ({ files, slowWasm }) => {
          const { core, tf } = window.harness;
          localStorage.removeItem(core.AUTO_BACKEND_STORAGE_KEY);
          const blobs = await Promise.all(files.map((f) => window.harness.blob(`/shared/test-images/${f}`)));
          const reference = await core.loadClassifier({ backend: 'wasm' });
          const expected = [];
          for (const blob of blobs) expected.push((await reference.classify(blob, { topK: 1 })).predictions[0]!);
          reference.dispose();

          const auto = await core.loadClassifier({ backend: 'auto' });
          const startedOn = auto.backend;
          const restore: (() => void)[] = [];
          if (slowWasm) {
            // Every graph run on wasm takes 400 ms longer: WebGL (software, ~65–300 ms here) is then faster.
            const proto = Object.getPrototypeOf((auto as unknown as { model: object }).model) as {
              execute: (...args: unknown[]) => unknown;
            };
            const execute = proto.execute;
            proto.execute = function (this: unknown, ...args: unknown[]) {
              if (tf.getBackend() === 'wasm') for (const end = performance.now() + 400; performance.now() < end;);
              return execute.apply(this, args);
            };
            restore.push(() => (proto.execute = execute));
          }
          let settled: string | undefined;
          void auto.backendChoice.then((b) => (settled = b));
          const results: { at: number; index: number; probability: number; backend: string }[] = [];
          let calls = 0;
          try {
            // Classify without pause while auto measures (at most 90 s), then each image once more.
            const until = performance.now() + 90_000;
            for (let round = 0; settled === undefined && performance.now() < until; round++) {
              const at = round % files.length;
              calls++;
              const result = await auto.classify(blobs[at]!, { topK: 1 });
              results.push({ at, ...result.predictions[0]!, backend: result.backend });
            }
            for (let at = 0; at < files.length; at++) {
              calls++;
              const result = await auto.classify(blobs[at]!, { topK: 1 });
              results.push({ at, ...result.predictions[0]!, backend: result.backend });
            }
          } finally {
            restore.forEach((r) => r());
          }
          const numTensorsBefore = tf.memory().numTensors;
          auto.dispose();
          return {
            startedOn,
            settled,
            calls,
            results,
            expected,
            choice: core.readAutoBackendChoice(),
            freed: numTensorsBefore - tf.memory().numTensors,
          };
        },
        { files, slowWasm },
      );
      console.log(
        `auto (${slowWasm ? 'wasm slowed' : 'as is'}): ${JSON.stringify(outcome.choice)}; ` +
          `results by backend, in order: ${outcome.results
            .map((r) => r.backend)
            .reduce<[string, number][]>((runs, b) => {
              if (runs.at(-1)?.[0] === b) runs.at(-1)![1]++;
              else runs.push([b, 1]);
              return runs;
            }, [])
            .map(([b, n]) => `${b} ×${n}`)
            .join(' → ')}`,
      );
      expect(outcome.startedOn, 'auto did not start on wasm').toBe('wasm');
      expect(outcome.results[0]!.backend, 'the first result did not come from wasm').toBe('wasm');
      expect(outcome.settled, 'auto never settled').toBeDefined();
      const medians = outcome.choice!.medians;
      expect(Object.keys(medians).sort(), 'auto did not time both wasm and webgl').toEqual(['wasm', 'webgl']);
      const faster = medians.webgl! < medians.wasm! ? 'webgl' : 'wasm';
      expect(
        faster,
        slowWasm ? 'wasm slowed by 400 ms a run still measured faster' : 'WebGL measured faster here',
      ).toBe(slowWasm ? 'webgl' : 'wasm');
      expect(outcome.settled).toBe(faster);
      expect(outcome.choice!.backend).toBe(faster);
      // Nothing lost: one result per call. Nothing mixed: each image's answer is the one wasm alone gives.
      expect(outcome.results).toHaveLength(outcome.calls);
      for (const r of outcome.results) {
        expect(r.index, `${files[r.at]} on ${r.backend}`).toBe(outcome.expected[r.at]!.index);
        expect(Math.abs(r.probability - outcome.expected[r.at]!.probability)).toBeLessThan(0.02);
      }
      // It moves once, from wasm to the faster, and never back.
      const order = outcome.results.map((r) => r.backend).filter((b, i, all) => b !== all[i - 1]);
      expect(order).toEqual(faster === 'wasm' ? ['wasm'] : ['wasm', 'webgl']);
    });
  }
});

test('on WebGL, classify() and classifyBatch() read results back asynchronously: no blocking readSync', async ({
  harnessPage: page,
}) => {
  const outcome = await page.evaluate(async (file) => {
    const { core, tf } = window.harness;
    const classifier = await core.loadClassifier({ backend: 'webgl', cache: false });
    const blob = await window.harness.blob(`/shared/test-images/${file}`);
    // tf.topk on WebGL hands small inputs to the CPU through readSync, which stalls the page.
    const backend = tf.backend() as unknown as { readSync: (...args: unknown[]) => unknown };
    const original = backend.readSync;
    let syncReads = 0;
    backend.readSync = function (this: unknown, ...args: unknown[]) {
      syncReads++;
      return original.apply(this, args);
    };
    try {
      const single = await classifier.classify(blob, { topK: 5 });
      const many = await classifier.classifyBatch([blob, blob], { topK: 1001, batchSize: 2 });
      return {
        backend: classifier.backend,
        syncReads,
        top1: single.predictions[0].index,
        batchTop1: many.map((r) => (r.status === 'fulfilled' ? r.value.predictions[0].index : -1)),
        batchLength: many.map((r) => (r.status === 'fulfilled' ? r.value.predictions.length : 0)),
      };
    } finally {
      backend.readSync = original;
      classifier.dispose();
    }
  }, TEST_IMAGES[0].file);
  expect(outcome.backend).toBe('webgl');
  expect(outcome.syncReads, 'a synchronous GPU read blocked the page').toBe(0);
  expect(outcome.top1).toBe(TEST_IMAGES[0].index);
  expect(outcome.batchTop1).toEqual([TEST_IMAGES[0].index, TEST_IMAGES[0].index]);
  expect(outcome.batchLength).toEqual([1001, 1001]);
});
