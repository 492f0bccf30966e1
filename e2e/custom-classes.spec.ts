// Custom classes in <mobilenet-classifier>: taught from crops and flips of the test images, recognised
// on held-out views; the teaching panel; export/import; IndexedDB across reloads; bad files; training.
import { readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import type { Locator, Page } from '@playwright/test';
import type { MobilenetClassifier } from '../src/components/mobilenet-classifier/mobilenet-classifier.component';
import {
  classifyViews,
  DOGS,
  HELD_OUT_VIEWS,
  MORE_VIEWS,
  openCustomPage,
  panelCounts,
  renderedCustomLabels,
  teach,
  TEACH_VIEWS,
  watchExampleChanges,
} from './custom-harness';
import {
  expect,
  expectReady,
  test as base,
  mountClassifier,
  mountClassifiers,
  nextFileChooser,
  ON_WASM,
  recordedEvents,
  testImage,
  waitForErrors,
  waitForResults,
} from './element-harness';

const test = base.extend<{ customPage: Page }>({
  customPage: async ({ page }, use) => {
    await openCustomPage(page);
    await use(page);
  },
});

const strawberry = testImage('n07745940_strawberry');
const lorikeet = testImage('n01820546_lorikeet');
const jpeg = (image: { file: string; path: string }) => ({
  name: image.file,
  mimeType: 'image/jpeg',
  buffer: readFileSync(image.path),
});
const json = (name: string, text: string | Buffer) => ({
  name,
  mimeType: 'application/json',
  buffer: Buffer.isBuffer(text) ? text : Buffer.from(text),
});

/** An export file without its timestamp, the one field that may differ between two exports. */
function withoutTime(text: string): unknown {
  const { exportedAt, ...rest } = JSON.parse(text);
  expect(typeof exportedAt, 'an export file without exportedAt').toBe('string');
  return rest;
}

/** Teaches each of the three dogs one example per view; returns their counts afterwards. */
async function teachDogs(el: Locator, views = TEACH_VIEWS): Promise<number[]> {
  const counts = [];
  for (const [label, image] of Object.entries(DOGS)) counts.push(await teach(el, label, image.file, views));
  return counts;
}

/** base64 of little-endian float32 values, as export files store vectors. */
function vectorBase64(values: Float32Array): string {
  const view = new DataView(new ArrayBuffer(values.length * 4));
  values.forEach((v, i) => view.setFloat32(i * 4, v, true));
  return Buffer.from(view.buffer).toString('base64');
}

test('taught 3 classes with 3 examples each (crops and flips), it recognises held-out views of each', async ({
  customPage: page,
}) => {
  const el = await mountClassifier(page, { ...ON_WASM, mode: 'custom' });
  expect(await teachDogs(el), "addExample() resolves with the class's count").toEqual([3, 3, 3]);
  expect(await panelCounts(el)).toEqual({ Rex: 3, Bella: 3, Max: 3 });

  for (const [label, image] of Object.entries(DOGS)) {
    const tops = await classifyViews(el, image.file, HELD_OUT_VIEWS);
    expect(
      tops.map((t) => t.label),
      `held-out views of ${image.file} (taught as ${label})`,
    ).toEqual(HELD_OUT_VIEWS.map(() => label));
    for (const top of tops) expect(top.method).toBe('knn');
  }
  // The last view classified (of Max) is the one on screen, with every class listed.
  await expect.poll(() => renderedCustomLabels(el)).toEqual(['Max', expect.any(String), expect.any(String)]);
  await expect(el.locator('[part=results]'), 'mode="custom" shows no ImageNet list').toHaveCount(0);
});

test('mobilenet-result keeps its ImageNet predictions and adds a custom list; mode="both" renders both', async ({
  customPage: page,
}) => {
  const el = await mountClassifier(page, { ...ON_WASM, mode: 'both' });
  await teach(el, 'berry', strawberry.file, TEACH_VIEWS);
  await teach(el, 'bird', lorikeet.file, TEACH_VIEWS);
  // The element's own upload input comes first in its shadow root; the panel's follow it.
  await el.locator('input[type=file]').first().setInputFiles(jpeg(strawberry));
  const [result] = await waitForResults(page, 1);
  expect(result.predictions).toHaveLength(5);
  expect(result.predictions[0].index, 'predictions are still the ImageNet top-k').toBe(strawberry.index);
  const detail = (await page.evaluate(() => window.mobilenetDetails.at(-1))) as {
    result: { custom: { label: string; probability: number; similarity: number; method: string }[] };
  };
  expect(detail.result.custom.map((p) => p.label)).toEqual(['berry', 'bird']);
  expect(detail.result.custom[0]).toMatchObject({
    method: 'knn',
    probability: expect.any(Number),
    similarity: expect.any(Number),
  });
  expect(detail.result.custom[0].probability + detail.result.custom[1].probability).toBeCloseTo(1, 5);
  expect(detail.result.custom[0].similarity).toBeGreaterThan(detail.result.custom[1].similarity);
  await expect(el.locator('[part=custom-results] [part=label]').first()).toHaveText('berry');
  await expect(el.locator('[part=results] [part=label]').first()).toHaveText(strawberry.displayLabel);

  // Back to imagenet: the picture on screen is shown again without custom classes or the panel.
  await el.evaluate((host: MobilenetClassifier) => (host.mode = 'imagenet'));
  await waitForResults(page, 2);
  await expect(el.locator('[part=custom-results]')).toHaveCount(0);
  await expect(el.locator('[part=teach]')).toHaveCount(0);
  const last = (await page.evaluate(() => window.mobilenetDetails.at(-1))) as { result: { custom?: unknown } };
  expect(last.result.custom, 'mode="imagenet" results carry no custom list').toBeUndefined();
});

// Issue 12: an unknown mode used to show an error that stayed until the next success; like any invalid
// attribute value it now means the default, with one warning naming the valid ones.
test('an unknown mode means imagenet, with one warning naming the valid ones and no error left on screen', async ({
  customPage: page,
}) => {
  const warnings: string[] = [];
  page.on('console', (message) => message.type() === 'warning' && warnings.push(message.text()));
  const el = await mountClassifier(page, { ...ON_WASM, mode: 'mine' });
  expect(warnings.filter((w) => w.includes('mode="mine"'))).toEqual([
    '<mobilenet-classifier mode="mine">: not one of imagenet, custom, both; using the default, imagenet.',
  ]);
  await expect(el.locator('[part=error]')).toHaveCount(0);
  await expect(el.locator('[part=teach]')).toHaveCount(0);
  expect(await recordedEvents(page, 'mobilenet-error')).toEqual([]);
});

test.describe('the teaching panel', () => {
  test('adds a class, adds uploaded images to it, renames it, deletes it and undoes that', async ({
    customPage: page,
  }) => {
    const changes = await watchExampleChanges(page);
    const el = await mountClassifier(page, { ...ON_WASM, mode: 'custom' });
    await expect(el.locator('[part=teach]')).toContainText('Add a class, then show it a few examples');

    await el.getByLabel('New class').fill('  my   mug ');
    await el.getByRole('button', { name: 'Add class' }).click();
    await expect.poll(() => panelCounts(el)).toEqual({ 'my mug': 0 });
    await expect(el.getByLabel('New class'), 'the name field is emptied for the next class').toHaveValue('');

    await el.getByRole('button', { name: 'Add class' }).click();
    await expect(el.locator('[part=error]')).toHaveText(/A class needs a name/);
    await el.getByLabel('New class').fill('my mug');
    await el.getByRole('button', { name: 'Add class' }).click();
    await expect(el.locator('[part=error]')).toHaveText('There is already a class called "my mug".');

    const chooser = await nextFileChooser(page, () => el.getByRole('button', { name: 'Add images to my mug' }).click());
    await chooser.setFiles([
      jpeg(strawberry),
      { name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('not an image') },
      jpeg(lorikeet),
    ]);
    await expect.poll(() => panelCounts(el)).toEqual({ 'my mug': 2 });
    await expect(el.locator('[part=error]')).toHaveText(
      /1 file could not be read as images and was not added: notes\.txt/,
    );

    await el.getByRole('button', { name: 'Rename my mug' }).click();
    const rename = el.getByLabel('New name for my mug');
    await expect(rename).toBeFocused();
    await rename.fill('coffee mug');
    await rename.press('Enter');
    await expect.poll(() => panelCounts(el)).toEqual({ 'coffee mug': 2 });

    await el.getByRole('button', { name: 'Delete coffee mug' }).click();
    await expect.poll(() => panelCounts(el)).toEqual({});
    await expect(el.locator('.undo')).toHaveText(/Deleted "coffee mug" \(2 examples\)/);
    await el.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => panelCounts(el)).toEqual({ 'coffee mug': 2 });

    // mobilenet-classes-change comes once the write has committed: after the panel shows the change.
    await expect
      .poll(async () => (await changes()).map((c) => c.reason))
      .toEqual(['load', 'add', 'add', 'add', 'rename', 'remove', 'undo']);
    const last = (await changes()).at(-1)!;
    expect(last).toEqual({ reason: 'undo', classes: [{ label: 'coffee mug', examples: 2 }], persisted: true });
  });

  test('keeps the picture on screen ranked as classes change', async ({ customPage: page }) => {
    const el = await mountClassifier(page, { ...ON_WASM, mode: 'custom' });
    await teach(el, 'bird', lorikeet.file, TEACH_VIEWS);
    await el.evaluate(
      async (host: MobilenetClassifier, url) => host.classify(url),
      `/shared/test-images/${strawberry.file}`,
    );
    await expect.poll(() => renderedCustomLabels(el)).toEqual(['bird']);
    await teach(el, 'berry', strawberry.file, TEACH_VIEWS);
    await expect
      .poll(() => renderedCustomLabels(el), 'the strawberry on screen should now be "berry"')
      .toEqual(['berry', 'bird']);
  });

  test('axe finds no serious or critical violations in the panel with classes and a result', async ({
    customPage: page,
  }) => {
    const el = await mountClassifier(page, { ...ON_WASM, mode: 'both' });
    await teachDogs(el);
    await classifyViews(el, DOGS.Rex.file, HELD_OUT_VIEWS.slice(0, 1));
    await el.getByRole('button', { name: 'Forget everything' }).click();
    await expect(el.getByRole('button', { name: 'Yes, forget everything' })).toBeVisible();
    const { violations } = await new AxeBuilder({ page }).analyze();
    for (const v of violations) console.log(`axe: [${v.impact}] ${v.id}: ${v.help} (${v.nodes.length} node(s))`);
    const severe = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    expect(severe.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  });
});

test.describe('export and import', () => {
  test('round-trip exactly, through the methods and through the Export and Import buttons', async ({
    customPage: page,
  }) => {
    const el = await mountClassifier(page, { ...ON_WASM, mode: 'custom' });
    await teachDogs(el);
    const exported = await el.evaluate((host: MobilenetClassifier) => host.exportClasses());
    const file = JSON.parse(exported);
    expect(file).toMatchObject({
      format: 'mobilenet-classifier/classes',
      version: 2,
      encoding: 'float32-le-base64',
      model: { featureSize: 1280 },
    });
    expect(file.model.contentHash).toMatch(/^[0-9a-f]{64}$/);

    const downloading = page.waitForEvent('download');
    await el.getByRole('button', { name: 'Export' }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toBe('mobilenet-classes.json');
    const downloaded = readFileSync(await download.path(), 'utf8');
    expect(withoutTime(downloaded), 'the downloaded file holds the same classes as exportClasses()').toEqual(
      withoutTime(exported),
    );

    await el.evaluate((host: MobilenetClassifier) => host.clearClasses());
    expect(await panelCounts(el)).toEqual({});
    const chooser = await nextFileChooser(page, () => el.getByRole('button', { name: 'Import' }).click());
    await chooser.setFiles(json('mobilenet-classes.json', downloaded));
    await expect.poll(() => panelCounts(el)).toEqual({ Rex: 3, Bella: 3, Max: 3 });
    const again = await el.evaluate((host: MobilenetClassifier) => host.exportClasses());
    expect(withoutTime(again), 'export → import → export changed the file').toEqual(withoutTime(exported));

    // And through the methods alone, in a second element with its own key.
    const other = await mountClassifier(page, { ...ON_WASM, mode: 'custom', 'classes-key': 'copy' });
    await other.evaluate((host: MobilenetClassifier, text) => host.importClasses(text), exported);
    expect(withoutTime(await other.evaluate((host: MobilenetClassifier) => host.exportClasses()))).toEqual(
      withoutTime(exported),
    );
    const tops = await classifyViews(other, DOGS.Bella.file, HELD_OUT_VIEWS);
    expect(tops.map((t) => t.label)).toEqual(HELD_OUT_VIEWS.map(() => 'Bella'));
  });

  test('bad files are refused with a clear message, and nothing taught is lost', async ({ customPage: page }) => {
    const el = await mountClassifier(page, { ...ON_WASM, mode: 'custom' });
    await teach(el, 'Rex', DOGS.Rex.file, TEACH_VIEWS);
    await teach(el, 'Bella', DOGS.Bella.file, TEACH_VIEWS);
    const good = JSON.parse(await el.evaluate((host: MobilenetClassifier) => host.exportClasses()));
    const variant = (change: (file: typeof good) => void) => {
      const copy = structuredClone(good);
      change(copy);
      return JSON.stringify(copy);
    };
    const nan = new Float32Array(1280);
    nan[100] = Number.NaN;
    const cases: [string, string | Buffer, RegExp][] = [
      ['photo.json', 'GIF89a…', /This file is not JSON, so it is not a classes file/],
      ['other.json', '{"values":[0.1,0.2]}', /This is not a classes file/],
      [
        'v3.json',
        variant((f) => (f.version = 3)),
        /version 3, made by a newer mobilenet-classifier; this one reads up to version 2/,
      ],
      [
        'model.json',
        variant((f) => (f.model.contentHash = '0'.repeat(64))),
        /These examples were taught to another model .* teach the classes again here/,
      ],
      [
        'short.json',
        variant((f) => (f.classes[1].examples[0] = vectorBase64(new Float32Array(1000)))),
        /Example 1 of class "Bella" has 1000 values; this model's feature vectors have 1280/,
      ],
      [
        'nan.json',
        variant((f) => (f.classes[0].examples[2] = vectorBase64(nan))),
        /Example 3 of class "Rex" contains NaN or Infinity/,
      ],
      ['huge.json', Buffer.alloc(17 * 1024 * 1024, 32), /huge\.json is 17\.0 MB; a classes file is at most 16 MB/],
    ];
    for (const [name, content, message] of cases) {
      await el.locator('input[data-import]').setInputFiles(json(name, content));
      await expect(el.locator('[part=error]'), name).toHaveText(message);
      expect(await panelCounts(el), `importing ${name} changed the classes`).toEqual({ Rex: 3, Bella: 3 });
    }
    const errors = await waitForErrors(page, cases.length);
    expect(errors.map((e) => e.phase)).toEqual(cases.map(() => 'custom'));

    // The method refuses the same way, and the classes still recognise what they did.
    const refused = await el.evaluate(
      (host: MobilenetClassifier, text) =>
        host.importClasses(text).then(
          () => 'accepted',
          (e: Error) => e.message,
        ),
      variant((f) => (f.version = 3)),
    );
    expect(refused).toMatch(/version 3/);
    expect((await classifyViews(el, DOGS.Rex.file, HELD_OUT_VIEWS.slice(0, 2))).map((t) => t.label)).toEqual([
      'Rex',
      'Rex',
    ]);
  });
});

test.describe('kept in the browser', () => {
  test('a reload keeps the classes, per classes-key, and they still recognise', async ({ customPage: page }) => {
    const el = await mountClassifier(page, { ...ON_WASM, mode: 'custom' });
    await teachDogs(el);
    await page.reload();
    await page.waitForFunction(() => document.body.dataset.ready === 'true');
    const [again, elsewhere] = [
      await mountClassifier(page, { ...ON_WASM, mode: 'custom' }),
      await mountClassifier(page, { ...ON_WASM, mode: 'custom', 'classes-key': 'garage' }),
    ];
    await expect.poll(() => panelCounts(again)).toEqual({ Rex: 3, Bella: 3, Max: 3 });
    expect(await again.evaluate((host: MobilenetClassifier) => host.customClasses)).toEqual([
      { label: 'Rex', examples: 3 },
      { label: 'Bella', examples: 3 },
      { label: 'Max', examples: 3 },
    ]);
    expect(await panelCounts(elsewhere), 'another classes-key starts empty').toEqual({});
    const tops = await classifyViews(again, DOGS.Max.file, HELD_OUT_VIEWS);
    expect(tops.map((t) => t.label)).toEqual(HELD_OUT_VIEWS.map(() => 'Max'));
  });

  test('a model with another content hash starts empty, and the first model keeps its classes', async ({
    customPage: page,
  }) => {
    const el = await mountClassifier(page, { ...ON_WASM, mode: 'custom' });
    await teach(el, 'Rex', DOGS.Rex.file, TEACH_VIEWS);
    // The same weights under another content hash: what a rebuilt model looks like.
    await page.route('**/model/model.json?rebuilt', async (route) => {
      const response = await route.fetch({ url: route.request().url().replace('?rebuilt', '') });
      const model = await response.json();
      model.userDefinedMetadata.contentHash = 'f'.repeat(64);
      await route.fulfill({ response, json: model });
    });
    const rebuilt = await mountClassifier(page, {
      ...ON_WASM,
      mode: 'custom',
      'model-url': '/model/model.json?rebuilt',
    });
    await expectReady(rebuilt);
    expect(await panelCounts(rebuilt)).toEqual({});
    const imported = await rebuilt.evaluate(
      async (host: MobilenetClassifier, text) =>
        host.importClasses(text).then(
          () => 'accepted',
          (e: Error) => e.message,
        ),
      await el.evaluate((host: MobilenetClassifier) => host.exportClasses()),
    );
    expect(imported).toMatch(/another model .*weights ffffffffffff…/);
    expect(await panelCounts(el)).toEqual({ Rex: 3 });
  });

  test('"Forget everything" asks first, then deletes every class of every key, also after a reload', async ({
    customPage: page,
  }) => {
    const [el, other] = [
      await mountClassifier(page, { ...ON_WASM, mode: 'custom' }),
      await mountClassifier(page, { ...ON_WASM, mode: 'custom', 'classes-key': 'b' }),
    ];
    await teach(el, 'Rex', DOGS.Rex.file, TEACH_VIEWS.slice(0, 1));
    await teach(other, 'Max', DOGS.Max.file, TEACH_VIEWS.slice(0, 1));
    await el.getByRole('button', { name: 'Forget everything' }).click();
    await el.getByRole('button', { name: 'Keep them' }).click();
    expect(await panelCounts(el)).toEqual({ Rex: 1 });
    await el.getByRole('button', { name: 'Forget everything' }).click();
    await el.getByRole('button', { name: 'Yes, forget everything' }).click();
    await expect.poll(() => panelCounts(el)).toEqual({});
    expect(await panelCounts(other), 'the other element on the page forgot too').toEqual({});
    await expect(el.locator('.undo'), 'forgetting offers no undo').toHaveCount(0);

    await page.reload();
    await page.waitForFunction(() => document.body.dataset.ready === 'true');
    const [a, b] = [
      await mountClassifier(page, { ...ON_WASM, mode: 'custom' }),
      await mountClassifier(page, { ...ON_WASM, mode: 'custom', 'classes-key': 'b' }),
    ];
    await expect(a.locator('.storage')).toHaveText(/0 classes, 0 examples, kept in this browser/);
    expect(await panelCounts(a)).toEqual({});
    expect(await panelCounts(b), 'the other key was forgotten too').toEqual({});
  });
});

test.describe('the softmax head', () => {
  /** Records, in the page, every value the training progress bar shows and how often a 0 ms timer ran meanwhile. */
  async function watchTraining(
    el: Locator,
    options: { cancelAt?: number } = {},
  ): Promise<() => Promise<{ values: number[]; ticks: number }>> {
    await el.evaluate((host, cancelAt) => {
      const state = { values: [] as number[], ticks: 0, ticking: false };
      (window as unknown as { training: typeof state }).training = state;
      const tick = () => {
        if (!state.ticking) return;
        state.ticks++;
        setTimeout(tick, 0);
      };
      new MutationObserver(() => {
        const bar = host.shadowRoot?.querySelector<HTMLProgressElement>('[part=training-progress]');
        if (bar && !state.ticking) {
          state.ticking = true;
          setTimeout(tick, 0);
        }
        if (!bar) state.ticking = false;
        if (bar && state.values.at(-1) !== bar.value) state.values.push(bar.value);
        if (bar && cancelAt !== undefined && state.values.length >= cancelAt) {
          host.shadowRoot?.querySelector<HTMLButtonElement>('.train button')?.click();
        }
      }).observe(host.shadowRoot!, { subtree: true, childList: true, characterData: true, attributes: true });
    }, options.cancelAt);
    return () =>
      el.page().evaluate(() => {
        const { values, ticks } = (window as unknown as { training: { values: number[]; ticks: number } }).training;
        return { values, ticks };
      });
  }

  test('trains with a progress bar while the page keeps running, then ranks with the head; a reload keeps it', async ({
    customPage: page,
  }) => {
    const el = await mountClassifier(page, { ...ON_WASM, mode: 'custom' });
    const train = el.getByRole('button', { name: 'Train', exact: true });
    await teachDogs(el);
    await expect(train).toBeDisabled();
    await expect(el.locator('[part=teach]')).toContainText(
      'Training needs 5 examples in every class; add more to "Rex", "Bella", "Max".',
    );
    expect(await teachDogs(el, MORE_VIEWS)).toEqual([5, 5, 5]);

    const seen = await watchTraining(el);
    await train.click();
    await expect(el.locator('[part=teach]')).toContainText('Recognising with the trained head.', { timeout: 60_000 });
    const { values, ticks } = await seen();
    expect(values.length, `the progress bar showed ${JSON.stringify(values)}`).toBeGreaterThan(2);
    expect(values, 'progress only goes up').toEqual([...values].sort((a, b) => a - b));
    expect(ticks, 'no timer ran while training: it held the main thread').toBeGreaterThan(0);
    await expect(el.locator('[part=training-progress]')).toHaveCount(0);

    for (const [label, image] of Object.entries(DOGS)) {
      const tops = await classifyViews(el, image.file, HELD_OUT_VIEWS);
      expect(tops.map((t) => `${t.label} (${t.method})`)).toEqual(HELD_OUT_VIEWS.map(() => `${label} (head)`));
    }

    await page.reload();
    await page.waitForFunction(() => document.body.dataset.ready === 'true');
    const again = await mountClassifier(page, { ...ON_WASM, mode: 'custom' });
    await expect(again.locator('[part=teach]')).toContainText('Recognising with the trained head.');
    expect((await classifyViews(again, DOGS.Rex.file, HELD_OUT_VIEWS.slice(0, 1)))[0]).toMatchObject({
      label: 'Rex',
      method: 'head',
    });

    // A new example makes the head out of date: k-NN ranks until it is trained again.
    await teach(again, 'Rex', DOGS.Rex.file, HELD_OUT_VIEWS.slice(0, 1));
    await expect(again.locator('[part=teach]')).toContainText('The examples changed since training');
    await expect(again.getByRole('button', { name: 'Train again' })).toBeEnabled();
    expect((await classifyViews(again, DOGS.Rex.file, HELD_OUT_VIEWS.slice(1, 2)))[0]).toMatchObject({
      label: 'Rex',
      method: 'knn',
    });
  });

  test('an export carries the trained head and the threshold: imported elsewhere, it ranks with the head at once', async ({
    customPage: page,
  }) => {
    const [el, other] = await mountClassifiers(page, [
      { ...ON_WASM, mode: 'custom', 'classes-key': 'exporter', 'min-similarity': '0.4' },
      { ...ON_WASM, mode: 'custom', 'classes-key': 'importer' },
    ]);
    await teachDogs(el);
    expect(await teachDogs(el, MORE_VIEWS)).toEqual([5, 5, 5]);
    await el.evaluate((host: MobilenetClassifier) => host.trainHead());
    const text = await el.evaluate((host: MobilenetClassifier) => host.exportClasses());
    const file = JSON.parse(text);
    expect(file).toMatchObject({ version: 2, minSimilarity: 0.4, head: { labels: ['Rex', 'Bella', 'Max'] } });

    expect(await other.evaluate((host: MobilenetClassifier) => host.minSimilarity)).toBe(0.5);
    await other.evaluate((host: MobilenetClassifier, text) => host.importClasses(text), text);
    expect(await other.evaluate((host: MobilenetClassifier) => host.minSimilarity), 'the threshold came along').toBe(
      0.4,
    );
    await expect(other.locator('[part=teach]')).toContainText('Recognising with the trained head.');
    expect((await classifyViews(other, DOGS.Bella.file, HELD_OUT_VIEWS.slice(0, 1)))[0]).toMatchObject({
      label: 'Bella',
      method: 'head',
    });

    // A version 1 file (no head, no threshold) imports as before: k-NN, and the threshold stays.
    const { head: _head, minSimilarity: _threshold, ...rest } = file;
    await other.evaluate((host: MobilenetClassifier, v1) => host.importClasses(v1), { ...rest, version: 1 });
    await expect(other.locator('[part=teach]')).not.toContainText('Recognising with the trained head.');
    expect(await other.evaluate((host: MobilenetClassifier) => host.minSimilarity)).toBe(0.4);
    expect((await classifyViews(other, DOGS.Bella.file, HELD_OUT_VIEWS.slice(0, 1)))[0]).toMatchObject({
      label: 'Bella',
      method: 'knn',
    });
  });

  test('Cancel stops training at once and keeps k-NN; an aborted signal rejects trainHead()', async ({
    customPage: page,
  }) => {
    const el = await mountClassifier(page, { ...ON_WASM, mode: 'custom' });
    await teach(el, 'Rex', DOGS.Rex.file, [...TEACH_VIEWS, ...MORE_VIEWS]);
    await teach(el, 'Bella', DOGS.Bella.file, [...TEACH_VIEWS, ...MORE_VIEWS]);
    // Cancel once the bar is first shown: the element renders once per animation frame, and several
    // epochs may pass in one.
    const seen = await watchTraining(el, { cancelAt: 1 });
    await el.getByRole('button', { name: 'Train', exact: true }).click();
    await expect(el.locator('[part=training-progress]')).toHaveCount(0);
    const { values } = await seen();
    expect(values.length, `training went on after Cancel: ${JSON.stringify(values)}`).toBeLessThan(5);
    expect(values.at(-1)).toBeLessThan(1);
    await expect(el.locator('[part=teach]')).not.toContainText('Recognising with the trained head.');
    await expect(el.locator('[part=error]'), 'a cancellation is not an error').toHaveCount(0);
    expect((await classifyViews(el, DOGS.Bella.file, HELD_OUT_VIEWS.slice(0, 1)))[0]).toMatchObject({
      label: 'Bella',
      method: 'knn',
    });

    const outcome = await el.evaluate((host: MobilenetClassifier) => {
      const controller = new AbortController();
      const training = host.trainHead({ signal: controller.signal });
      controller.abort();
      return training.then(
        () => 'trained',
        (e: Error) => e.name,
      );
    });
    expect(outcome).toBe('AbortError');
    expect((await recordedEvents(page, 'mobilenet-error')).length).toBe(0);
  });
});

test('a class added in the panel while the model is still loading appears once it has loaded', async ({
  customPage: page,
}) => {
  // Hold the weights back so that the panel's Add class runs before the model is there.
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route('**/model/*.bin', async (route) => {
    await held;
    await route.continue();
  });
  const el = await mountClassifier(page, { ...ON_WASM, mode: 'custom' }, { waitReady: false });
  await el.getByLabel('New class').fill('my mug');
  await el.getByRole('button', { name: 'Add class' }).click();
  release();
  await expectReady(el);
  await expect
    .poll(() => panelCounts(el), { message: 'the class added during the load never appeared' })
    .toEqual({
      'my mug': 0,
    });
  // A method call during a load completes too.
  expect(
    await el.evaluate((host: MobilenetClassifier) => host.exportClasses().then((t) => JSON.parse(t).classes.length)),
  ).toBe(1);
});
