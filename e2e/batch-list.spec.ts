// Issue 15, section 1: many pictures at once. Several files (or a folder) become a results list: a row
// per file in order (thumbnail, name, top-1, top-k on expand; a failing file's row says why), progress
// with Cancel, filter, sort, click to show, CSV and JSON export, el.results and the batch events.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Locator, Page } from '@playwright/test';
import type { MobilenetClassifier } from '../src/components/mobilenet-classifier/mobilenet-classifier.component';
import type { MobilenetBatchDoneDetail, MobilenetBatchProgressDetail } from '../src/events';
import {
  expect,
  nextFileChooser,
  ON_WASM,
  recordedEvents,
  renderedLabels,
  test,
  testImage,
  waitForResults,
} from './element-harness';

// Images the model gets right at top-1 with confidence, so a row's label tells which picture it is.
const IMAGES = [
  testImage('n07745940_strawberry'),
  testImage('n01820546_lorikeet'),
  testImage('n03344393_fireboat'),
  testImage('n02085936_maltese_dog'),
];
const BATCH = 200;
/** Where the file that is not an image goes, and the names that CSV must quote or defuse. */
const BAD_AT = 37;
const ODD_NAMES: Record<number, string> = { 5: 'one, "two"\nthree.jpg', 6: '=cmd|calc.jpg' };

/** The names of the batch, and what each file is: an index into IMAGES, or null for the text file. */
function batchPlan(count: number, badAt = BAD_AT): { name: string; image: number | null }[] {
  return Array.from({ length: count }, (_, i) =>
    i === badAt
      ? { name: `${String(i).padStart(4, '0')} notes.txt`, image: null }
      : {
          name: ODD_NAMES[i] ?? `${String(i).padStart(4, '0')} ${IMAGES[i % IMAGES.length].file}`,
          image: i % IMAGES.length,
        },
  );
}

declare global {
  interface Window {
    batchEvents: {
      type: string;
      detail: MobilenetBatchProgressDetail | MobilenetBatchDoneDetail;
      at: number;
      kernels: number;
    }[];
    kernels: { count: number };
    /** performance.now() of every run of a 0 ms timer loop, from watchBatch() on. */
    ticks: number[];
  }
}

/**
 * Records the batch events (their details as they were when fired) and counts every tf.js kernel run,
 * so that a test can tell whether the model ran after Cancel.
 */
async function watchBatch(page: Page): Promise<void> {
  await page.evaluate(() => {
    // tf.js loads with the model: a page whose model failed to load has none, and runs no kernel.
    const engine = (globalThis as unknown as { _tfengine?: { runKernel: (...args: unknown[]) => unknown } })._tfengine;
    window.kernels = { count: 0 };
    if (engine) {
      const run = engine.runKernel.bind(engine);
      engine.runKernel = (...args: unknown[]) => {
        window.kernels.count++;
        return run(...args);
      };
    }
    window.ticks = [];
    const tick = () => {
      window.ticks.push(performance.now());
      if (window.ticks.length < 100_000) setTimeout(tick, 0);
    };
    tick();
    window.batchEvents = [];
    for (const type of ['mobilenet-batch-progress', 'mobilenet-batch-done']) {
      document.addEventListener(type, (event) => {
        const detail = (event as CustomEvent).detail;
        window.batchEvents.push({
          type,
          at: performance.now(),
          kernels: window.kernels.count,
          detail:
            'results' in detail
              ? {
                  ...detail,
                  results: detail.results.map((r: { file: string; status: string }) => ({
                    file: r.file,
                    status: r.status,
                  })),
                }
              : { ...detail },
        });
      });
    }
  });
}

/** Gives the files to the element's own file input, as a multiple choice in the chooser does (built in the page: 200 files over the protocol would take seconds). */
async function uploadPlan(el: Locator, plan: { name: string; image: number | null }[]): Promise<void> {
  await el.evaluate(
    async (host: MobilenetClassifier, { plan, urls }) => {
      const blobs = await Promise.all(urls.map(async (url) => (await fetch(url)).blob()));
      const transfer = new DataTransfer();
      for (const { name, image } of plan) {
        transfer.items.add(
          image === null
            ? new File(['not a picture'], name, { type: 'text/plain' })
            : new File([blobs[image]], name, { type: 'image/jpeg' }),
        );
      }
      const input = host.shadowRoot!.querySelector<HTMLInputElement>('input[type=file]')!;
      input.files = transfer.files;
      input.dispatchEvent(new Event('change', { bubbles: true }));
    },
    { plan, urls: IMAGES.map((image) => `/shared/test-images/${image.file}`) },
  );
}

async function batchEvents(page: Page) {
  return page.evaluate(() => window.batchEvents);
}

async function waitForDone(page: Page, timeout = 60_000): Promise<MobilenetBatchDoneDetail> {
  await page.waitForFunction(() => window.batchEvents.some((e) => e.type === 'mobilenet-batch-done'), undefined, {
    timeout,
  });
  return (await batchEvents(page)).find((e) => e.type === 'mobilenet-batch-done')!.detail as MobilenetBatchDoneDetail;
}

/** One part's text in every row, read once the element has rendered its last change (a sort, a filter). */
async function rowTexts(el: Locator, part: string): Promise<string[]> {
  // The element renders in the animation frame after a change, not at once.
  await el.evaluate((host: HTMLElement & { updateComplete: Promise<boolean> }) => host.updateComplete);
  return (await el.locator(`[part=batch-row] [part=${part}]`).allTextContents()).map((t) => t.trim());
}

test('200 files become 200 rows in order, with progress, a row for the file that fails, filter, sort, click-to-show and both exports', async ({
  elementPage: page,
  addClassifier,
}) => {
  const el = await addClassifier(ON_WASM);
  await watchBatch(page);
  const plan = batchPlan(BATCH);
  await uploadPlan(el, plan);

  // Rows appear while the batch runs, before it is done.
  await expect(el.locator('[part=batch-progress]')).toBeVisible();
  await expect.poll(() => el.locator('[part=batch-row]').count()).toBeGreaterThan(0);
  expect(await el.locator('[part=batch-row]').count(), 'every row came at once, at the end').toBeLessThan(BATCH);

  const done = await waitForDone(page);
  expect(done.cancelled).toBe(false);
  expect(done.results.map((r) => r.file)).toEqual(plan.map((p) => p.name));
  const times = (await batchEvents(page)).map((e) => e.at);
  console.log(`[batch-list] ${BATCH} files in ${((times.at(-1)! - times[0]) / 1000).toFixed(1)} s`);
  await expect(el.locator('[part=batch-progress]'), 'the progress bar stays after the end').toHaveCount(0);
  await expect(el.locator('[part=batch] [part=progress]')).toHaveText(
    `Classified ${BATCH - 1} of ${BATCH} images; 1 could not be classified.`,
  );

  // Progress: at the start, after each run of 8, counting the failure.
  const progress = (await batchEvents(page))
    .filter((e) => e.type === 'mobilenet-batch-progress')
    .map((e) => e.detail as MobilenetBatchProgressDetail);
  expect(progress[0]).toEqual({ done: 0, total: BATCH, failed: 0 });
  expect(progress.at(-1)).toEqual({ done: BATCH, total: BATCH, failed: 1 });
  expect(progress.map((p) => p.done)).toEqual([0, ...Array.from({ length: BATCH / 8 }, (_, i) => (i + 1) * 8)]);
  expect(progress.find((p) => p.done === 32)?.failed).toBe(0);
  // The page stays responsive: other tasks (a 0 ms timer here) ran between every two model runs.
  const ticks = await page.evaluate(() => window.ticks);
  const at = (await batchEvents(page)).filter((e) => e.type === 'mobilenet-batch-progress').map((e) => e.at);
  const starved = at.slice(1).filter((end, i) => !ticks.some((t) => t > at[i] && t < end));
  expect(starved, 'runs between which no other task ran').toEqual([]);
  expect(progress.find((p) => p.done === 40)?.failed).toBe(1);
  // The decision documented on the element: a batch fires no mobilenet-result or mobilenet-error per file.
  expect((await recordedEvents(page)).map((e) => e.type)).toEqual(['mobilenet-ready']);

  // Rows in file order, each with the label of its picture; the text file's row says why it has none.
  expect(await rowTexts(el, 'file-name')).toEqual(plan.map((p) => p.name));
  const labels = await rowTexts(el, 'row-label');
  expect(labels).toEqual(plan.filter((p) => p.image !== null).map((p) => IMAGES[p.image!].displayLabel));
  const bad = el.locator('[part=batch-row]').nth(BAD_AT);
  await expect(bad.locator('[part=file-name]')).toHaveText(plan[BAD_AT].name);
  await expect(bad.locator('[part=row-error]')).toContainText(
    `"${plan[BAD_AT].name}" (text/plain) could not be read as an image`,
  );

  // el.results: every file, in order, as the done event gave them.
  const results = await el.evaluate((host: MobilenetClassifier) =>
    host.results.map((r) =>
      r.status === 'classified'
        ? { file: r.file, status: r.status, top: r.result.predictions[0].index, k: r.result.predictions.length }
        : { file: r.file, status: r.status, message: r.message },
    ),
  );
  expect(results).toHaveLength(BATCH);
  expect(results.map((r) => r.status)).toEqual(done.results.map((r) => r.status));
  plan.forEach((p, i) =>
    expect(results[i]).toMatchObject(
      p.image === null
        ? { status: 'failed', message: expect.stringContaining(p.name) }
        : { top: IMAGES[p.image].index, k: 5 },
    ),
  );

  // Thumbnails are small images of the crop, never the decoded photo.
  const thumb = await el
    .locator('[part=batch-row] img[part=thumbnail]')
    .first()
    .evaluate(async (img: HTMLImageElement) => {
      await img.decode();
      return { src: img.src, width: img.naturalWidth, height: img.naturalHeight };
    });
  expect(thumb.src).toMatch(/^blob:/);
  expect(thumb).toMatchObject({ width: 80, height: 80 });
  await expect(bad.locator('img[part=thumbnail]')).toHaveCount(0);

  // Top-k on expand.
  const first = el.locator('[part=batch-row]').first();
  const expand = first.getByRole('button', { name: `Top 5 of ${plan[0].name}` });
  await expect(expand).toHaveAttribute('aria-expanded', 'false');
  await expand.click();
  await expect(expand).toHaveAttribute('aria-expanded', 'true');
  await expect(first.locator('[part=row-predictions] li')).toHaveCount(5);
  await expect(first.locator('[part=row-predictions] li').first()).toContainText(IMAGES[0].displayLabel);

  // Filter by label.
  await el.locator('[part=batch-filter]').fill(IMAGES[1].displayLabel.slice(0, 4).toUpperCase());
  const lorikeets = plan.filter((p) => p.image === 1).map((p) => p.name);
  expect(await rowTexts(el, 'file-name')).toEqual(lorikeets);
  expect(new Set(await rowTexts(el, 'row-label'))).toEqual(new Set([IMAGES[1].displayLabel]));
  await el.locator('[part=batch-filter]').fill('');
  await expect(el.locator('[part=batch-row]')).toHaveCount(BATCH);

  // Sort by probability (highest first) and by label; the failed row goes last.
  await el.locator('[part=batch-sort]').selectOption('probability');
  const percents = (await rowTexts(el, 'row-probability')).map((t) => Number.parseFloat(t));
  expect(percents).toHaveLength(BATCH - 1);
  expect(percents).toEqual([...percents].sort((a, b) => b - a));
  expect((await rowTexts(el, 'file-name')).at(-1)).toBe(plan[BAD_AT].name);
  await el.locator('[part=batch-sort]').selectOption('label');
  const sorted = await rowTexts(el, 'row-label');
  expect(sorted).toEqual([...sorted].sort((a, b) => a.localeCompare(b)));
  expect((await rowTexts(el, 'file-name')).slice(0, 3), 'equal labels keep file order').toEqual(
    plan
      .filter((p) => p.image !== null && IMAGES[p.image].displayLabel === sorted[0])
      .slice(0, 3)
      .map((p) => p.name),
  );
  await el.locator('[part=batch-sort]').selectOption('order');

  // Click a row: the main view shows its crop and predictions, as a single upload does.
  const third = el.locator('[part=batch-row]').nth(2);
  await third.locator('button.show').click();
  const [shown] = await waitForResults(page, 1);
  expect(shown.source).toEqual({ kind: 'upload', name: plan[2].name });
  expect(shown.predictions[0].index).toBe(IMAGES[2].index);
  expect((await renderedLabels(el))[0]).toBe(IMAGES[2].displayLabel);
  await expect(el.locator('canvas[part=crop]')).toBeVisible();
  await expect(third.locator('button.show')).toHaveAttribute('aria-current', 'true');

  // Exports: the method, and the buttons' files (CSV with a byte-order mark for Excel).
  const csv = await el.evaluate((host: MobilenetClassifier) => host.exportResults('csv'));
  const lines = csv.split('\r\n');
  expect(lines[0]).toBe(
    'file,status,error,' + [1, 2, 3, 4, 5].map((i) => `label_${i},index_${i},probability_${i}`).join(','),
  );
  expect(lines[1]).toMatch(
    new RegExp(`^0000 ${IMAGES[0].file},classified,,${IMAGES[0].displayLabel},${IMAGES[0].index},0\\.\\d+,`),
  );
  expect(csv).toContain('\r\n"one, ""two""\nthree.jpg",classified,');
  expect(csv).toContain("\r\n'=cmd|calc.jpg,classified,");
  expect(csv).toContain('\r\n0037 notes.txt,failed,"""0037 notes.txt"" (text/plain) could not be read as an image');
  const json = JSON.parse(await el.evaluate((host: MobilenetClassifier) => host.exportResults('json')));
  expect(json).toMatchObject({ format: 'mobilenet-classifier/results', version: 1, model: expect.any(String) });
  expect(json.results).toHaveLength(BATCH);
  expect(json.results[0].predictions[0]).toMatchObject({ label: IMAGES[0].displayLabel, index: IMAGES[0].index });
  expect(json.results[BAD_AT]).toEqual({
    file: plan[BAD_AT].name,
    status: 'failed',
    error: expect.stringContaining('could not be read'),
  });

  for (const [button, format, text] of [
    ['Export CSV', 'csv', `\uFEFF${csv}`],
    ['Export JSON', 'json', JSON.stringify(json)],
  ] as const) {
    const download = page.waitForEvent('download');
    await el.getByRole('button', { name: button }).click();
    const file = await download;
    expect(file.suggestedFilename()).toBe(`mobilenet-results.${format}`);
    expect(readFileSync(await file.path(), 'utf8')).toBe(text);
  }

  const refused = await el.evaluate((host: MobilenetClassifier) => {
    try {
      host.exportResults('xml' as 'csv');
      return 'returned';
    } catch (error) {
      return `${(error as Error).name} ${(error as { phase?: string }).phase}: ${(error as Error).message}`;
    }
  });
  expect(refused).toBe(`ClassifierError input: exportResults() was given the text "xml": give 'csv' or 'json'.`);
});

test('Cancel stops the batch within one model run: the done event says cancelled, and no row comes after', async ({
  elementPage: page,
  addClassifier,
}) => {
  const el = await addClassifier(ON_WASM);
  await watchBatch(page);
  await uploadPlan(el, batchPlan(96));
  await page.waitForFunction(() => window.batchEvents.filter((e) => e.type === 'mobilenet-batch-progress').length >= 4);
  await el.locator('[part=cancel-button]').click();
  const done = await waitForDone(page, 5000);
  expect(done.cancelled).toBe(true);
  // The rows of the runs settled before the click are drawn in the frame after it.
  const rows = done.results.length;
  await expect(el.locator('[part=batch-row]')).toHaveCount(rows);
  expect(rows).toBeGreaterThanOrEqual(24);
  expect(rows).toBeLessThan(96);
  await expect(el.locator('[part=batch] [part=progress]')).toHaveText(`Cancelled after ${rows} of 96 images.`);
  await expect(el.locator('[part=cancel-button]')).toHaveCount(0);

  // Kernels of one run of 8, from a run before the click, against those run after it.
  await page.waitForTimeout(1500);
  const events = await batchEvents(page);
  expect(events.filter((e) => e.type === 'mobilenet-batch-progress').length, 'progress after Cancel').toBe(
    events.findIndex((e) => e.type === 'mobilenet-batch-done'),
  );
  const perRun = await el.evaluate(async (host: MobilenetClassifier) => {
    const before = window.kernels.count;
    const blob = await (await fetch('/shared/test-images/n07745940_strawberry.jpg')).blob();
    await host.classify(blob);
    return window.kernels.count - before;
  });
  const after = await page.evaluate(() => window.kernels.count);
  const atCancel = events.find((e) => e.type === 'mobilenet-batch-done')!.kernels;
  // The run under way when Cancel was pressed finishes (tf.js cannot stop one); no other starts.
  expect(after - atCancel - perRun, `kernels run after Cancel (a run takes ${perRun})`).toBeLessThanOrEqual(perRun);
  expect(await el.locator('[part=batch-row]').count(), 'a row came after Cancel').toBe(rows);
  expect(await el.evaluate((host: MobilenetClassifier) => host.results.length)).toBe(rows);
});

test('a single file after a batch behaves as before: the list goes, el.results empties, the file is shown', async ({
  elementPage: page,
  addClassifier,
}) => {
  const el = await addClassifier(ON_WASM);
  await watchBatch(page);
  await uploadPlan(el, batchPlan(12));
  await waitForDone(page);
  await expect(el.locator('[part=batch-row]')).toHaveCount(12);
  await el.locator('input[type=file]').setInputFiles(IMAGES[1].path);
  const [result] = await waitForResults(page, 1);
  expect(result.source).toEqual({ kind: 'upload', name: IMAGES[1].file });
  await expect(el.locator('[part=batch]')).toHaveCount(0);
  expect(await el.evaluate((host: MobilenetClassifier) => host.results)).toEqual([]);
  expect((await renderedLabels(el))[0]).toBe(IMAGES[1].displayLabel);
});

test('with features, both exports carry the 1280-d vector of each file', async ({
  elementPage: page,
  addClassifier,
}) => {
  const el = await addClassifier({ ...ON_WASM, features: true });
  await watchBatch(page);
  await uploadPlan(el, batchPlan(3));
  await waitForDone(page);
  const { csv, json, vector } = await el.evaluate((host: MobilenetClassifier) => {
    const first = host.results[0];
    return {
      csv: host.exportResults('csv'),
      json: JSON.parse(host.exportResults('json')),
      vector: first.status === 'classified' ? Array.from(first.result.features!) : [],
    };
  });
  expect(vector).toHaveLength(1280);
  const [header, row] = csv.split('\r\n').map((line) => line.split(','));
  expect(header.slice(-1280)).toEqual(Array.from({ length: 1280 }, (_, i) => `feature_${i}`));
  expect(row.slice(-1280).map((v) => Math.fround(Number(v)))).toEqual(vector);
  expect(json.results[0].features.map(Math.fround)).toEqual(vector);
});

/** A folder `trip` on disk with three images (one in a subfolder) and a text file; removed by `remove()`. */
function makeFolder(): { root: string; remove: () => void } {
  const dir = mkdtempSync(path.join(tmpdir(), 'batch-folder-'));
  const root = path.join(dir, 'trip');
  mkdirSync(path.join(root, 'day 2'), { recursive: true });
  writeFileSync(path.join(root, 'b.jpg'), readFileSync(IMAGES[1].path));
  writeFileSync(path.join(root, 'a.jpg'), readFileSync(IMAGES[0].path));
  writeFileSync(path.join(root, 'day 2', 'c.jpg'), readFileSync(IMAGES[2].path));
  writeFileSync(path.join(root, 'notes.txt'), 'not a picture');
  return { root, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

async function expectFolderRows(page: Page, el: Locator): Promise<void> {
  const done = await waitForDone(page);
  expect(done.results).toEqual([
    { file: 'trip/a.jpg', status: 'classified' },
    { file: 'trip/b.jpg', status: 'classified' },
    { file: 'trip/day 2/c.jpg', status: 'classified' },
  ]);
  expect(await rowTexts(el, 'row-label')).toEqual(IMAGES.slice(0, 3).map((i) => i.displayLabel));
  await expect(el.locator('[part=batch] [part=progress]')).toHaveText(
    'Classified 3 images. Left out a file that is not an image: trip/notes.txt.',
  );
}

test('a folder from the folder chooser: its images, by path, and the files that are not images named', async ({
  elementPage: page,
  addClassifier,
}) => {
  const folder = makeFolder();
  try {
    const el = await addClassifier(ON_WASM);
    await watchBatch(page);
    const chooser = await nextFileChooser(page, () => el.locator('[part=folder-button]').click());
    await chooser.setFiles(folder.root);
    await expectFolderRows(page, el);
  } finally {
    folder.remove();
  }
});

test('a folder dropped on the element is walked to the bottom, images only', async ({
  elementPage: page,
  addClassifier,
}) => {
  const folder = makeFolder();
  try {
    const el = await addClassifier(ON_WASM);
    await watchBatch(page);
    // A real drag of a folder from the system, through the DevTools protocol: the page gets directory
    // entries from webkitGetAsEntry(), which a DataTransfer made in the page cannot hold.
    const box = (await el.locator('[part=stage]').boundingBox())!;
    const cdp = await page.context().newCDPSession(page);
    const drag = {
      x: box.x + box.width / 2,
      y: box.y + box.height / 2,
      data: { items: [], files: [folder.root], dragOperationsMask: 1 },
    };
    for (const type of ['dragEnter', 'dragOver', 'drop'] as const)
      await cdp.send('Input.dispatchDragEvent', { type, ...drag });
    await expectFolderRows(page, el);
    expect((await el.evaluate((host: MobilenetClassifier) => host.results))[0]).toMatchObject({
      result: { source: { kind: 'drop', name: 'trip/a.jpg' } },
    });
  } finally {
    folder.remove();
  }
});

test('without a model every file gets a failed row saying so, and the load error is shown once, with Retry', async ({
  elementPage: page,
  addClassifier,
}) => {
  await page.route('**/missing/**', (route) => route.fulfill({ status: 404, body: 'not here' }));
  const el = await addClassifier({ ...ON_WASM, 'model-url': '/missing/model.json' }, { waitReady: false });
  await expect(el.locator('[part=status]')).toHaveText('The model is not loaded.');
  await watchBatch(page);
  await uploadPlan(el, batchPlan(10));
  const done = await waitForDone(page);
  expect(done).toEqual({ cancelled: false, results: batchPlan(10).map((p) => ({ file: p.name, status: 'failed' })) });
  await expect(el.locator('[part=row-error]')).toHaveCount(10);
  await expect(el.locator('[part=row-error]').first()).toContainText('/missing/model.json');
  await expect(el.locator('[part=batch] [part=progress]')).toHaveText(
    'Classified 0 of 10 images; 10 could not be classified.',
  );
  expect(
    (await recordedEvents(page)).map((e) => e.type),
    'the load error, fired once',
  ).toEqual(['mobilenet-error']);
  await expect(el.getByRole('alert').getByRole('button', { name: 'Retry' })).toBeVisible();
});

test.describe('touch', () => {
  test.use({ hasTouch: true });
  test('a tap on a row shows it; a tap on Top 5 expands it', async ({ elementPage: page, addClassifier }) => {
    const el = await addClassifier(ON_WASM);
    await watchBatch(page);
    await uploadPlan(el, batchPlan(4));
    await waitForDone(page);
    const row = el.locator('[part=batch-row]').nth(1);
    await row.locator('button.show').tap();
    const [shown] = await waitForResults(page, 1);
    expect(shown.source.name).toBe(batchPlan(4)[1].name);
    await row.locator('button.expand').tap();
    await expect(row.locator('[part=row-predictions] li')).toHaveCount(5);
  });
});

test('keyboard: Tab reaches a row, Enter shows it; the list passes axe', async ({
  elementPage: page,
  addClassifier,
}) => {
  const el = await addClassifier(ON_WASM);
  await watchBatch(page);
  await uploadPlan(el, batchPlan(6, /* badAt= */ 3));
  await waitForDone(page);
  await el.locator('[part=batch-row] button.expand').first().click();
  await expect(el.locator('[part=row-predictions] li')).toHaveCount(5);
  // Axe here rather than on 200 rows, where it takes seconds: the same rows, a failed one and an expanded one.
  const axe = await new AxeBuilder({ page }).include('mobilenet-classifier').analyze();
  expect(axe.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.length})`)).toEqual([]);
  await el.locator('[part=batch-row] button.show').first().focus();
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  const [shown] = await waitForResults(page, 1);
  expect(shown.source.name, 'Tab went: row 1, its Top 5, row 2').toBe(batchPlan(4)[1].name);
});
