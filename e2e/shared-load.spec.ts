// Twenty <mobilenet-classifier> elements on one page share one model load (issue 5): each file of the model
// (model.json, the weight shard, labels.json, and on wasm the .wasm binary) is fetched once, and tf.js holds
// one set of weights: the same tensors and bytes as a page with a single element.
import type { Page } from '@playwright/test';
import type { MobilenetClassifier } from '../src/components/mobilenet-classifier/mobilenet-classifier.component';
import {
  expect,
  mountClassifier,
  mountClassifiers,
  openElementPage,
  test,
  testImage,
  waitForResults,
} from './element-harness';
import { tfMemory } from './hardening-fixtures';

const ELEMENTS = 20;
const strawberry = testImage('n07745940_strawberry');

/** Paths of the model's files and the wasm binaries, as requested by the page. */
function modelRequests(page: Page): string[] {
  const seen: string[] = [];
  page.on('request', (request) => {
    const { pathname } = new URL(request.url());
    // The dev server also serves each `…wasm?url` import as a small script module that names the binary's URL.
    if (request.resourceType() === 'script') return;
    if (pathname.startsWith('/model/') || pathname.endsWith('.wasm')) seen.push(pathname.replace(/^.*\//, ''));
  });
  return seen;
}

const tally = (paths: string[]) =>
  paths.reduce<Record<string, number>>((counts, p) => ({ ...counts, [p]: (counts[p] ?? 0) + 1 }), {});

for (const backend of ['wasm', 'webgl'] as const) {
  test(`${ELEMENTS} elements on ${backend} fetch each model file once and hold one set of weights`, async ({
    browser,
    baseURL,
  }) => {
    // A fresh context: no weights in the Cache API yet, so the shard must come from the network once.
    const context = await browser.newContext({ baseURL });
    const page = await context.newPage();
    const requested = modelRequests(page);
    await openElementPage(page);
    const elements = await mountClassifiers(
      page,
      Array.from({ length: ELEMENTS }, () => ({ backend })),
    );
    const memory = await tfMemory(page);

    const counts = tally(requested);
    test.info().annotations.push({ type: 'requests', description: JSON.stringify(counts) });
    for (const file of ['model.json', 'labels.json'])
      expect(counts[file], `${file} requests: ${JSON.stringify(counts)}`).toBe(1);
    const shards = Object.keys(counts).filter((file) => file.endsWith('.bin'));
    expect(shards.length, `no weight shard was fetched: ${JSON.stringify(counts)}`).toBeGreaterThan(0);
    for (const shard of shards) expect(counts[shard], `${shard} requests: ${JSON.stringify(counts)}`).toBe(1);
    const wasm = Object.keys(counts).filter((file) => file.endsWith('.wasm'));
    if (backend === 'wasm') {
      expect(wasm, `wasm binaries fetched: ${JSON.stringify(counts)}`).toHaveLength(1);
      expect(counts[wasm[0]]).toBe(1);
    } else {
      expect(wasm, 'a WebGL page fetched a wasm binary').toEqual([]);
    }

    // Every element classifies, all at once, with the one model.
    await Promise.all(
      elements.map((el) =>
        el.evaluate(
          async (host: MobilenetClassifier, url) => host.classify(url),
          `/shared/test-images/${strawberry.file}`,
        ),
      ),
    );
    const results = await waitForResults(page, ELEMENTS);
    expect(results.map((r) => r.predictions[0].index)).toEqual(results.map(() => strawberry.index));
    expect(await tfMemory(page), 'classifying with all the elements changed what tf.js holds').toEqual(memory);

    // A page with one element holds the same: one set of weights, not twenty.
    const single = await context.newPage();
    await openElementPage(single);
    await mountClassifier(single, { backend });
    const one = await tfMemory(single);
    test.info().annotations.push({
      type: 'tf.memory()',
      description: `${ELEMENTS} elements: ${JSON.stringify(memory)}; one element: ${JSON.stringify(one)}`,
    });
    expect(memory, `tf.memory() with ${ELEMENTS} elements vs one element`).toEqual(one);
    await context.close();
  });
}

test('the model is freed when the last of the elements leaves the page, and loaded once again when one comes back', async ({
  elementPage: page,
}) => {
  const requested = modelRequests(page);
  await mountClassifiers(
    page,
    Array.from({ length: 5 }, () => ({ backend: 'wasm' })),
  );
  const loaded = await tfMemory(page);
  expect(loaded.numTensors, 'no weights in tf.js after the load').toBeGreaterThan(0);
  await page.evaluate(() => document.querySelectorAll('mobilenet-classifier').forEach((el) => el.remove()));
  expect(await tfMemory(page), 'weights still held with no element on the page').toEqual({
    numTensors: 0,
    numBytes: 0,
  });

  const jsonBefore = requested.filter((file) => file === 'model.json').length;
  await mountClassifiers(
    page,
    Array.from({ length: 5 }, () => ({ backend: 'wasm' })),
  );
  expect(await tfMemory(page)).toEqual(loaded);
  expect(
    requested.filter((file) => file === 'model.json').length - jsonBefore,
    'model.json fetched again per element',
  ).toBe(1);
});
