// <mobilenet-classifier> in a real browser: every way in (upload, drop, paste, src, methods), the
// feature export, stale results, the attributes, keyboard use, accessibility and registration.
import { readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import type { Locator, Page } from '@playwright/test';
import type { MobilenetClassifier } from '../src/components/mobilenet-classifier/mobilenet-classifier.component';
import {
  type Attributes,
  expect,
  expectReady,
  mountClassifier,
  mountClassifiers,
  ON_WASM,
  openElementPage,
  recordedEvents,
  renderedLabels,
  test,
  testImage,
  waitForErrors,
  waitForResults,
  nextFileChooser,
} from './element-harness';
import { watchContext } from './console-guard';

// Images the model gets right at top-1 with confidence, so "top-1 is X" tells one result from another.
const strawberry = testImage('n07745940_strawberry');
const lorikeet = testImage('n01820546_lorikeet');
const fireboat = testImage('n03344393_fireboat');

const sharedUrl = (file: string) => `/shared/test-images/${file}`;
const payload = (image: { file: string; path: string }) => ({
  name: image.file,
  mimeType: 'image/jpeg',
  buffer: readFileSync(image.path),
});

function maxAbsDiff(a: ArrayLike<number>, b: ArrayLike<number>): number {
  expect(a.length, 'vectors of different length').toBe(b.length);
  let max = 0;
  for (let i = 0; i < a.length; i++) max = Math.max(max, Math.abs(a[i] - b[i]));
  return max;
}

/** Reads the 96×96 `[part=crop]` canvas back; fails if the element has not rendered one. */
async function cropPixels(el: Locator): Promise<number[]> {
  const pixels = await el.evaluate(async (host: MobilenetClassifier) => {
    await host.updateComplete;
    const canvas = host.shadowRoot?.querySelector<HTMLCanvasElement>('[part=crop]');
    return canvas ? Array.from(canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data) : null;
  });
  if (!pixels) throw new Error('no <canvas part=crop> rendered');
  return pixels;
}

/** Fraction of RGBA bytes that differ by more than 8 levels. */
function differingFraction(a: number[], b: number[]): number {
  expect(a.length, 'crops of different size').toBe(b.length);
  return a.filter((v, i) => Math.abs(v - b[i]) > 8).length / a.length;
}

/** Presses Tab until the focused control (through shadow roots) is called `name`; fails listing where focus went. */
async function tabTo(page: Page, name: string, maxPresses = 12): Promise<string[]> {
  const visited: string[] = [];
  for (let i = 0; i < maxPresses; i++) {
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => {
      let active = document.activeElement;
      while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
      if (!active || active === document.body) return '(nothing)';
      return (active.getAttribute('aria-label') ?? active.textContent ?? '').trim() || `<${active.localName}>`;
    });
    visited.push(focused);
    if (focused === name) return visited;
  }
  throw new Error(`Tab never reached "${name}" in ${maxPresses} presses; focus went: ${visited.join(' → ')}`);
}

/** Dispatches a paste of a test image at the focused element, as the browser does (document.body when nothing has focus). */
async function pasteImage(page: Page, image: { file: string }): Promise<void> {
  await page.evaluate(
    async ({ url, name }) => {
      const clipboardData = await window.imageTransfer(url, name);
      let target = document.activeElement ?? document.body;
      while (target.shadowRoot?.activeElement) target = target.shadowRoot.activeElement;
      target.dispatchEvent(
        new ClipboardEvent('paste', { clipboardData, bubbles: true, composed: true, cancelable: true }),
      );
    },
    { url: sharedUrl(image.file), name: image.file },
  );
}

/** Records every text `[part=progress]` shows, including ones too brief to poll for. */
async function watchProgress(el: Locator): Promise<() => Promise<string[]>> {
  await el.evaluate((host) => {
    const seen: string[] = [];
    (window as unknown as { progressSeen: string[] }).progressSeen = seen;
    const note = () => {
      const text = host.shadowRoot?.querySelector('[part=progress]')?.textContent?.trim();
      if (text && seen.at(-1) !== text) seen.push(text);
    };
    new MutationObserver(note).observe(host.shadowRoot!, { subtree: true, childList: true, characterData: true });
  });
  return () => el.page().evaluate(() => (window as unknown as { progressSeen: string[] }).progressSeen);
}

test.describe('upload', () => {
  test('shows the true class of an uploaded image in the rendered top-5 and fires the same predictions', async ({
    elementPage: page,
    addClassifier,
  }) => {
    const el = await addClassifier();
    await el.locator('input[type=file]').setInputFiles(strawberry.path);
    const [result] = await waitForResults(page, 1);

    const labels = await renderedLabels(el);
    expect(labels, 'no [part=label] rendered, or not the top 5').toHaveLength(5);
    expect(labels).toContain(strawberry.displayLabel);
    expect(
      result.predictions.map((p) => p.label),
      'the event and the screen disagree',
    ).toEqual(labels);
    expect(result.predictions.map((p) => p.index)).toContain(strawberry.index);
    expect(result.source).toEqual({ kind: 'upload', name: strawberry.file });
    expect(result.backend).toBe('webgl');
  });

  // Issue 15 changed this on purpose: several files no longer go one by one through the main view (each
  // firing mobilenet-result, a failure mobilenet-error); they become the results list of
  // e2e/batch-list.spec.ts, and the batch events carry them.
  test('classifies several files into a list, in order, reporting progress and the one that is not an image', async ({
    elementPage: page,
    addClassifier,
  }) => {
    const el = await addClassifier(ON_WASM);
    const progress = await watchProgress(el);
    const notAnImage = { name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('not a picture') };
    await el.locator('input[type=file]').setInputFiles([payload(strawberry), notAnImage, payload(lorikeet)]);

    await expect(el.locator('[part=progress]')).toHaveText('Classified 2 of 3 images; 1 could not be classified.');
    const rows = el.locator('[part=batch-row]');
    await expect(rows.locator('[part=file-name]')).toHaveText([strawberry.file, 'notes.txt', lorikeet.file]);
    await expect(rows.nth(0).locator('[part=row-label]')).toHaveText(strawberry.displayLabel);
    await expect(rows.nth(1).locator('[part=row-error]')).toContainText('"notes.txt"');
    await expect(rows.nth(2).locator('[part=row-label]')).toHaveText(lorikeet.displayLabel);
    const events = (await recordedEvents(page)).filter((e) => e.type !== 'mobilenet-ready');
    expect(events, 'a batch fires no mobilenet-result or mobilenet-error per file').toEqual([]);
    const results = await el.evaluate((host: MobilenetClassifier) =>
      host.results.map((r) =>
        r.status === 'classified'
          ? { status: r.status, source: r.result.source, top: r.result.predictions[0].index }
          : { status: r.status, message: r.message },
      ),
    );
    expect(results).toEqual([
      { status: 'classified', source: { kind: 'upload', name: strawberry.file }, top: strawberry.index },
      { status: 'failed', message: expect.stringContaining('"notes.txt"') },
      { status: 'classified', source: { kind: 'upload', name: lorikeet.file }, top: lorikeet.index },
    ]);
    expect(await renderedLabels(el), 'the main view waits for a row to be chosen').toEqual([]);
    // The element renders once per animation frame: a count passed within one frame is not shown.
    const seen = await progress();
    expect(seen[0]).toBe('Classifying… 0 of 3.');
    expect(seen.at(-1)).toBe('Classified 2 of 3 images; 1 could not be classified.');
    for (const line of seen.slice(1, -1))
      expect(line).toMatch(/^Classifying… [1-3] of 3(, 1 could not be classified)?\.$/);
  });
});

test('classifies an image file dropped on it, showing the drop target while dragging', async ({
  elementPage: page,
  addClassifier,
}) => {
  const el = await addClassifier(ON_WASM);
  const outcome = await el.evaluate(
    async (host, { url, name }) => {
      const dataTransfer = await window.imageTransfer(url, name);
      const fire = (type: string) =>
        host.dispatchEvent(new DragEvent(type, { dataTransfer, bubbles: true, composed: true, cancelable: true }));
      const enterAccepted = !fire('dragenter');
      const overAccepted = !fire('dragover');
      await (host as MobilenetClassifier).updateComplete;
      const highlighted = host.shadowRoot!.querySelector('[part=stage]')!.classList.contains('dragging');
      const dropHandled = !fire('drop');
      await (host as MobilenetClassifier).updateComplete;
      const highlightedAfter = host.shadowRoot!.querySelector('[part=stage]')!.classList.contains('dragging');
      return { enterAccepted, overAccepted, highlighted, dropHandled, highlightedAfter };
    },
    { url: sharedUrl(fireboat.file), name: fireboat.file },
  );
  expect(outcome, 'drag events not accepted (preventDefault) or the stage not highlighted').toEqual({
    enterAccepted: true,
    overAccepted: true,
    highlighted: true,
    dropHandled: true,
    highlightedAfter: false,
  });
  const [result] = await waitForResults(page, 1);
  expect(result.source).toEqual({ kind: 'drop', name: fireboat.file });
  expect((await renderedLabels(el))[0]).toBe(fireboat.displayLabel);
});

test.describe('several elements on a page', () => {
  // Regression: leaseClassifier() used to replay progress synchronously, before the element had its
  // lease, and the element threw from willUpdate and never rendered.
  test('an element added after another one is ready becomes ready too', async ({
    elementPage: page,
    addClassifier,
  }) => {
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await addClassifier(ON_WASM);
    // The model is loaded and warm already: the second element needs no time to be ready.
    const second = await mountClassifier(page, ON_WASM, { waitReady: false });
    await page.evaluate(() => new Promise(requestAnimationFrame));
    expect(errors, 'adding the second element threw').toEqual([]);
    await expectReady(second, 5000);
    await second.locator('input[type=file]').setInputFiles(strawberry.path);
    const [result] = await waitForResults(page, 1);
    expect(result.predictions[0].index).toBe(strawberry.index);
  });
});

test.describe('paste', () => {
  test('a paste with focus on an element’s stage goes to that element only', async ({ elementPage: page }) => {
    const [first, second] = await mountClassifiers(page, [ON_WASM, ON_WASM]);
    await second.locator('[part=stage]').focus();
    await pasteImage(page, lorikeet);

    const events = await waitForResults(page, 1);
    const recorded = await recordedEvents(page, 'mobilenet-result');
    expect(
      recorded.map((e) => e.element),
      'the result came from the wrong element',
    ).toEqual([1]);
    expect(events[0].source).toEqual({ kind: 'paste', name: lorikeet.file });
    expect((await renderedLabels(second))[0]).toBe(lorikeet.displayLabel);
    expect(await renderedLabels(first), 'the unfocused element classified the paste too').toEqual([]);
  });

  test('a paste with nothing focused goes to the first element on the page', async ({ elementPage: page }) => {
    const [first, second] = await mountClassifiers(page, [ON_WASM, ON_WASM]);
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    expect(await page.evaluate(() => document.activeElement === document.body), 'something still had the focus').toBe(
      true,
    );
    await pasteImage(page, strawberry);

    const [result] = await waitForResults(page, 1);
    expect((await recordedEvents(page, 'mobilenet-result')).map((e) => e.element)).toEqual([0]);
    expect(result.source).toEqual({ kind: 'paste', name: strawberry.file });
    expect((await renderedLabels(first))[0]).toBe(strawberry.displayLabel);
    expect(await renderedLabels(second)).toEqual([]);
  });

  test('a paste of text only, with focus inside, shows an input error', async ({
    elementPage: page,
    addClassifier,
  }) => {
    const el = await addClassifier(ON_WASM);
    await el.locator('[part=stage]').focus();
    await page.evaluate(() => {
      const clipboardData = new DataTransfer();
      clipboardData.setData('text/plain', 'just some words');
      let target = document.activeElement!;
      while (target.shadowRoot?.activeElement) target = target.shadowRoot.activeElement;
      target.dispatchEvent(
        new ClipboardEvent('paste', { clipboardData, bubbles: true, composed: true, cancelable: true }),
      );
    });
    const [error] = await waitForErrors(page, 1);
    expect(error).toEqual({
      phase: 'input',
      message: 'The clipboard holds no image. Copy an image, then paste again.',
    });
    await expect(el.getByRole('alert')).toContainText('The clipboard holds no image');
    expect(await recordedEvents(page, 'mobilenet-result')).toEqual([]);
  });
});

test.describe('src', () => {
  test('classifies the image at src, and the new one when src changes', async ({
    elementPage: page,
    addClassifier,
  }) => {
    const el = await addClassifier({ ...ON_WASM, src: sharedUrl(strawberry.file) });
    const [first] = await waitForResults(page, 1);
    expect(first.source).toEqual({ kind: 'src', name: sharedUrl(strawberry.file) });
    expect((await renderedLabels(el))[0]).toBe(strawberry.displayLabel);

    await el.evaluate((host, url) => host.setAttribute('src', url), sharedUrl(lorikeet.file));
    const [, second] = await waitForResults(page, 2);
    expect(second.source).toEqual({ kind: 'src', name: sharedUrl(lorikeet.file) });
    await expect(el.locator('[part=label]').first()).toHaveText(lorikeet.displayLabel);
  });

  test('a src that 404s shows an error naming the URL and keeps the previous result on screen', async ({
    elementPage: page,
    addClassifier,
  }) => {
    const el = await addClassifier({ ...ON_WASM, src: sharedUrl(strawberry.file) });
    await waitForResults(page, 1);
    const before = await renderedLabels(el);

    const missing = '/shared/test-images/no-such-image.jpg';
    await el.evaluate((host, url) => host.setAttribute('src', url), missing);
    const [error] = await waitForErrors(page, 1);
    expect(error.phase).toBe('input');
    expect(error.message).toContain(missing);
    expect(error.message).toContain('404');
    await expect(el.locator('[part=error]')).toContainText(`Could not load the image at ${missing} (HTTP 404).`);
    expect(await renderedLabels(el), 'the previous result was cleared').toEqual(before);
    expect(await recordedEvents(page, 'mobilenet-result')).toHaveLength(1);
  });
});

test('classify() takes a Blob or a URL, resolves with the result and renders it; embed() gives 1280 floats', async ({
  addClassifier,
}) => {
  const el = await addClassifier();
  const fromBlob = await el.evaluate(async (host: MobilenetClassifier, url) => {
    const result = await host.classify(await (await fetch(url)).blob());
    await host.updateComplete;
    const shown = host.shadowRoot!.querySelector('[part=label]')?.textContent;
    return {
      keys: Object.keys(result).sort(),
      top: result.predictions[0].index,
      backend: result.backend,
      timings: result.timings,
      source: result.source,
      shown,
    };
  }, sharedUrl(strawberry.file));
  expect(fromBlob.keys).toEqual(['backend', 'predictions', 'source', 'timings']);
  expect(fromBlob).toMatchObject({
    top: strawberry.index,
    backend: 'webgl',
    source: { kind: 'method' },
    shown: strawberry.displayLabel,
  });
  expect(fromBlob.timings.total).toBeGreaterThan(0);

  const fromUrl = await el.evaluate(async (host: MobilenetClassifier, url) => {
    const result = await host.classify(url);
    await host.updateComplete;
    return {
      top: result.predictions[0].index,
      source: result.source,
      shown: host.shadowRoot!.querySelector('[part=label]')?.textContent,
    };
  }, sharedUrl(lorikeet.file));
  expect(fromUrl).toEqual({
    top: lorikeet.index,
    source: { kind: 'method', name: sharedUrl(lorikeet.file) },
    shown: lorikeet.displayLabel,
  });

  const embedding = await el.evaluate(async (host: MobilenetClassifier, url) => {
    const vector = await host.embed(url);
    return {
      isFloat32Array: vector instanceof Float32Array,
      length: vector.length,
      finite: vector.every(Number.isFinite),
    };
  }, sharedUrl(strawberry.file));
  expect(embedding).toEqual({ isFloat32Array: true, length: 1280, finite: true });
});

test.describe('features', () => {
  /** Adds a `features` element, uploads the strawberry and returns `embed()` of the same image as reference. */
  async function classifiedWithFeatures(
    page: Page,
    addClassifier: (a: Attributes) => Promise<Locator>,
    attributes: Attributes = {},
  ) {
    const el = await addClassifier({ ...attributes, features: true });
    await el.locator('input[type=file]').setInputFiles(strawberry.path);
    const [result] = await waitForResults(page, 1);
    const reference = await el.evaluate(
      async (host: MobilenetClassifier, url) => Array.from(await host.embed(url)),
      sharedUrl(strawberry.file),
    );
    return { el, result, reference };
  }

  test('a result carries the 1280-d vector and "Download features (JSON)" saves the same values as embed()', async ({
    elementPage: page,
    addClassifier,
  }) => {
    const { el, result, reference } = await classifiedWithFeatures(page, addClassifier);
    expect(result.featuresLength, 'no features in the mobilenet-result detail').toBe(1280);
    expect(result.featuresIsFloat32Array).toBe(true);
    const features = el.getByRole('group', { name: 'Feature vector export' });
    await expect(features.getByRole('button')).toHaveText([
      'Download features (JSON)',
      'Download features (.bin)',
      'Copy features as JSON',
    ]);

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      el.getByRole('button', { name: 'Download features (JSON)' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('n07745940_strawberry-features.json');
    expect(await download.failure(), 'the download failed').toBeNull();
    const saved = JSON.parse(readFileSync(await download.path(), 'utf8')) as {
      model: string;
      length: number;
      values: number[];
    };
    expect(Object.keys(saved).sort()).toEqual(['length', 'model', 'values']);
    expect(saved.model).toMatch(/^mobilenet_v2/);
    expect(saved.length).toBe(1280);
    expect(maxAbsDiff(saved.values, reference)).toBeLessThan(1e-6);
  });

  test('"Download features (.bin)" saves 5120 bytes of little-endian float32, the same values', async ({
    elementPage: page,
    addClassifier,
  }) => {
    const { el, reference } = await classifiedWithFeatures(page, addClassifier, ON_WASM);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      el.getByRole('button', { name: 'Download features (.bin)' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('n07745940_strawberry-features.bin');
    expect(await download.failure(), 'the download failed').toBeNull();
    const bytes = readFileSync(await download.path());
    expect(bytes.length).toBe(5120);
    const values = Array.from({ length: 1280 }, (_, i) => bytes.readFloatLE(i * 4));
    expect(maxAbsDiff(values, reference)).toBeLessThan(1e-6);
  });

  test('"Copy features as JSON" writes the same JSON to the clipboard', async ({
    elementPage: page,
    addClassifier,
    context,
    baseURL,
  }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseURL });
    const { el, reference } = await classifiedWithFeatures(page, addClassifier, ON_WASM);
    await el.getByRole('button', { name: 'Copy features as JSON' }).click();
    await expect(el.locator('[aria-live=polite]')).toHaveText('Feature vector copied as JSON.');
    const copied = JSON.parse(await page.evaluate(() => navigator.clipboard.readText())) as {
      model: string;
      length: number;
      values: number[];
    };
    expect(copied.length).toBe(1280);
    expect(copied.model).toMatch(/^mobilenet_v2/);
    expect(maxAbsDiff(copied.values, reference)).toBeLessThan(1e-6);
  });
});

test.describe('stale results', () => {
  /** /slow/<file> answers with the test image after 1.5 s. */
  async function routeSlow(page: Page, image: { path: string }): Promise<void> {
    await page.route('**/slow/**', async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 1500));
      await route.fulfill({ path: image.path, contentType: 'image/jpeg' }).catch(() => {});
    });
  }

  test('a slow src followed by a fast upload renders the upload, and the slow result is neither rendered nor fired', async ({
    elementPage: page,
    addClassifier,
  }) => {
    await routeSlow(page, lorikeet);
    const el = await addClassifier(ON_WASM);
    const slowAnswered = page.waitForResponse('**/slow/**');
    await el.evaluate((host) => host.setAttribute('src', '/slow/lorikeet.jpg'));
    await el.locator('input[type=file]').setInputFiles(strawberry.path);
    await waitForResults(page, 1);
    await slowAnswered;
    // The stale image still has to decode and run (~0.3 s here) before it could show up: give it ample time.
    await page.waitForTimeout(1200);

    const results = await recordedEvents(page, 'mobilenet-result');
    expect(
      results.map((e) => e.result?.source),
      'the stale src result was fired',
    ).toEqual([{ kind: 'upload', name: strawberry.file }]);
    expect((await renderedLabels(el))[0], 'the stale src result was rendered over the upload').toBe(
      strawberry.displayLabel,
    );
  });

  test('a classify() call overtaken by a newer source still resolves with its own result, unrendered', async ({
    elementPage: page,
    addClassifier,
  }) => {
    await routeSlow(page, lorikeet);
    const el = await addClassifier(ON_WASM);
    await el.evaluate((host: MobilenetClassifier) => {
      (window as unknown as { stale: Promise<number> }).stale = host
        .classify('/slow/lorikeet.jpg')
        .then((r) => r.predictions[0].index);
    });
    await el.locator('input[type=file]').setInputFiles(strawberry.path);
    await waitForResults(page, 1);
    const staleTop = await page.evaluate(() => (window as unknown as { stale: Promise<number> }).stale);
    expect(staleTop, 'the overtaken classify() resolved with another image’s result').toBe(lorikeet.index);

    const results = await recordedEvents(page, 'mobilenet-result');
    expect(results.map((e) => e.result?.source.kind)).toEqual(['upload']);
    expect((await renderedLabels(el))[0]).toBe(strawberry.displayLabel);
  });
});

test.describe('attributes', () => {
  test('top-k sets how many predictions render, also when it changes later', async ({
    elementPage: page,
    addClassifier,
  }) => {
    const el = await addClassifier({ ...ON_WASM, 'top-k': '3' });
    await el.locator('input[type=file]').setInputFiles(strawberry.path);
    const [first] = await waitForResults(page, 1);
    expect(first.predictions).toHaveLength(3);
    await expect(el.locator('[part=result]')).toHaveCount(3);

    await el.evaluate((host) => host.setAttribute('top-k', '7'));
    // The picture on screen is classified again with the new option.
    const [, again] = await waitForResults(page, 2);
    expect(again.predictions).toHaveLength(7);
    await expect(el.locator('[part=result]')).toHaveCount(7);

    await el.locator('input[type=file]').setInputFiles(lorikeet.path);
    const [, , next] = await waitForResults(page, 3);
    expect(next.predictions).toHaveLength(7);
    await expect(el.locator('[part=label]').first()).toHaveText(lorikeet.displayLabel);
    await expect(el.locator('[part=result]')).toHaveCount(7);
  });

  test('crop changes the square the model sees, read back from the crop canvas', async ({
    elementPage: page,
    addClassifier,
  }) => {
    const el = await addClassifier(ON_WASM);
    await el.locator('input[type=file]').setInputFiles(fireboat.path);
    await waitForResults(page, 1);
    const whole = await cropPixels(el);

    await el.evaluate((host) => host.setAttribute('crop', '0.5'));
    await waitForResults(page, 2);
    const centre = await cropPixels(el);
    expect(differingFraction(whole, centre), 'the crop canvas did not change with crop="0.5"').toBeGreaterThan(0.3);
  });

  test('backend="wasm" runs on wasm and says so in the status and in mobilenet-ready', async ({
    elementPage: page,
    addClassifier,
  }) => {
    const el = await addClassifier({ backend: 'wasm' });
    await expect(el.locator('[part=status]')).toHaveText('Ready · runs on wasm');
    const [ready] = await recordedEvents(page, 'mobilenet-ready');
    expect(ready.ready?.backend).toBe('wasm');
    expect(ready.ready?.loadMs).toBeGreaterThan(0);
    await el.locator('input[type=file]').setInputFiles(strawberry.path);
    const [result] = await waitForResults(page, 1);
    expect(result.backend).toBe('wasm');
    expect(result.predictions[0].index).toBe(strawberry.index);
  });

  // Issue 12: an invalid backend is ignored like a native element's invalid attribute (it used to stop every
  // classification until fixed): the default loads, with one warning naming the valid ones.
  test('an unknown backend means the default, webgl, with one warning naming the valid ones; a valid one then loads', async ({
    elementPage: page,
    addClassifier,
  }) => {
    const warnings: string[] = [];
    page.on('console', (message) => message.type() === 'warning' && warnings.push(message.text()));
    const el = await addClassifier({ backend: 'gpu' });
    await expect(el.locator('[part=status]')).toHaveText('Ready · runs on webgl');
    expect(warnings.filter((w) => w.includes('backend="gpu"'))).toEqual([
      '<mobilenet-classifier backend="gpu">: not one of webgpu, webgl, wasm, cpu, auto; using the default, webgl.',
    ]);
    expect(await recordedEvents(page, 'mobilenet-error')).toHaveLength(0);
    await el.evaluate((host: MobilenetClassifier) => host.setAttribute('backend', 'wasm'));
    await expect(el.locator('[part=status]')).toHaveText('Ready · runs on wasm');
  });

  test('a model-url that 404s shows the load error with Retry; Retry loads it once it is there', async ({
    elementPage: page,
    addClassifier,
  }) => {
    let modelThere = false;
    await page.route('**/flaky/**', async (route) => {
      if (!modelThere) return route.fulfill({ status: 404, body: 'not here' });
      const real = new URL(route.request().url());
      real.pathname = real.pathname.replace('/flaky/', '/model/');
      return route.fulfill({ response: await route.fetch({ url: real.href }) });
    });
    const el = await addClassifier({ ...ON_WASM, 'model-url': '/flaky/model.json' }, { waitReady: false });
    const [error] = await waitForErrors(page, 1);
    expect(error.phase).toBe('load');
    await expect(el.locator('[part=status]')).toHaveText('The model is not loaded.');
    const alert = el.getByRole('alert');
    await expect(alert).toContainText('/flaky/model.json');
    await expect(alert).toContainText('404');

    modelThere = true;
    await alert.getByRole('button', { name: 'Retry' }).click();
    await expectReady(el);
    await expect(el.locator('[part=error]'), 'the load error stayed after a successful retry').toHaveCount(0);
  });

  // Regression: an upload while the model was missing replaced the load error with one without Retry.
  test('an upload while the model is missing keeps the Retry button of the load error', async ({
    elementPage: page,
    addClassifier,
  }) => {
    const el = await addClassifier({ ...ON_WASM, 'model-url': '/missing-model/model.json' }, { waitReady: false });
    await waitForErrors(page, 1);
    await expect(el.getByRole('alert').getByRole('button', { name: 'Retry' })).toBeVisible();
    await el.locator('input[type=file]').setInputFiles(strawberry.path);
    const [, second] = await waitForErrors(page, 2);
    expect(second.phase).toBe('load');
    await expect(
      el.getByRole('alert').getByRole('button', { name: 'Retry' }),
      'the Retry button went away',
    ).toBeVisible({ timeout: 2000 });
  });

  // Regression: `ready` stayed resolved while the next model was still loading.
  test('ready is renewed when model-url changes and settles once the new model is loaded', async ({
    addClassifier,
  }) => {
    const el = await addClassifier({ backend: 'wasm' });
    const statusWhenReady = await el.evaluate(async (host: MobilenetClassifier) => {
      host.setAttribute('model-url', '/model/model.json?copy=2');
      await host.updateComplete;
      await host.ready;
      await host.updateComplete;
      return host.shadowRoot!.querySelector('[part=status]')!.textContent!.trim();
    });
    expect(statusWhenReady, 'ready settled before the new model was loaded').toBe('Ready · runs on wasm');
  });

  test('setting model-url back to /model/model.json after a 404 loads the model', async ({
    elementPage: page,
    addClassifier,
  }) => {
    const el = await addClassifier({ ...ON_WASM, 'model-url': '/missing-model/model.json' }, { waitReady: false });
    await waitForErrors(page, 1);
    await expect(el.getByRole('alert')).toContainText('/missing-model/model.json');
    await expect(el.getByRole('alert').getByRole('button', { name: 'Retry' })).toBeVisible();

    await el.evaluate((host) => host.setAttribute('model-url', '/model/model.json'));
    await expectReady(el);
    await expect(el.locator('[part=error]')).toHaveCount(0);
    await el.locator('input[type=file]').setInputFiles(strawberry.path);
    const [result] = await waitForResults(page, 1);
    expect(result.predictions[0].index).toBe(strawberry.index);
  });
});

test('mirror flips the camera preview only, never the crop canvas or its pixels', async ({ playwright, baseURL }) => {
  // A browser of its own with a fake camera, so that the preview exists; the rest of the file runs without one.
  const browser = await playwright.chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
      '--use-fake-device-for-media-stream',
      '--use-fake-ui-for-media-stream',
    ],
  });
  try {
    const page = await watchContext(await browser.newContext({ baseURL })).newPage();
    await openElementPage(page);
    const [mirrored, plain] = await mountClassifiers(page, [{ ...ON_WASM, mirror: true }, ON_WASM]);
    await mirrored.locator('input[type=file]').setInputFiles(lorikeet.path);
    await plain.locator('input[type=file]').setInputFiles(lorikeet.path);
    await waitForResults(page, 2);

    const canvas = mirrored.locator('[part=crop]');
    await expect(canvas).not.toHaveClass(/mirror/);
    await expect(canvas).toHaveCSS('transform', 'none');
    const [mirroredPixels, plainPixels] = [await cropPixels(mirrored), await cropPixels(plain)];
    expect(differingFraction(mirroredPixels, plainPixels), 'the mirror element saw different pixels').toBe(0);
    // The comparison can fail: this crop differs from its own left-right flip.
    const flipped = plainPixels.map((_, i) => {
      const [pixel, channel] = [Math.floor(i / 4), i % 4];
      const [y, x] = [Math.floor(pixel / 96), pixel % 96];
      return plainPixels[(y * 96 + (95 - x)) * 4 + channel];
    });
    expect(differingFraction(plainPixels, flipped)).toBeGreaterThan(0.1);

    const cameras = await page.evaluate(
      async () => (await navigator.mediaDevices.enumerateDevices()).filter((d) => d.kind === 'videoinput').length,
    );
    if (cameras === 0) {
      test.info().annotations.push({
        type: 'not covered',
        description: 'no camera even with the fake-camera flags: the preview part of mirror was not checked',
      });
      return;
    }
    await mirrored.getByRole('button', { name: 'Camera' }).click();
    await plain.getByRole('button', { name: 'Camera' }).click();
    await expect(mirrored.locator('[part=video]')).toHaveClass(/\bmirror\b/);
    await expect(mirrored.locator('[part=video]')).toHaveCSS('transform', 'matrix(-1, 0, 0, 1, 0, 0)');
    await expect(plain.locator('[part=video]')).toBeVisible();
    await expect(plain.locator('[part=video]')).not.toHaveClass(/mirror/);
    // With the camera on, the crop is that of a camera frame (the photo's is put away meanwhile).
    await mirrored.getByRole('button', { name: 'Classify this frame' }).click();
    await waitForResults(page, 3);
    await expect(mirrored.locator('[part=crop]')).toHaveCSS('transform', 'none');
    await mirrored.evaluate((host: MobilenetClassifier) => host.stopCamera());
    await plain.evaluate((host: MobilenetClassifier) => host.stopCamera());
  } finally {
    await browser.close();
  }
});

test.describe('keyboard only', () => {
  test('Enter on the stage opens the file chooser', async ({ elementPage: page, addClassifier }) => {
    await addClassifier(ON_WASM);
    const stage = 'Image input: drop or paste an image here, or press Enter to choose files';
    expect(await tabTo(page, stage), 'the stage is not the first stop from the page').toEqual([stage]);
    const fromStage = await nextFileChooser(page, () => page.keyboard.press('Enter'));
    await fromStage.setFiles(lorikeet.path);
    const [result] = await waitForResults(page, 1);
    expect(result.source).toEqual({ kind: 'upload', name: lorikeet.file });
  });

  test('Enter on Upload opens the file chooser; Enter on Download features (JSON) downloads', async ({
    elementPage: page,
    addClassifier,
  }) => {
    const el = await addClassifier({ features: true });
    const stage = 'Image input: drop or paste an image here, or press Enter to choose files';
    expect(await tabTo(page, 'Upload images'), 'Upload is not the next stop after the stage').toEqual([
      stage,
      'Upload images',
    ]);
    const chooser = await nextFileChooser(page, () => page.keyboard.press('Enter'));
    expect(chooser.isMultiple()).toBe(true);
    await chooser.setFiles(strawberry.path);
    const [result] = await waitForResults(page, 1);
    expect(result.source).toEqual({ kind: 'upload', name: strawberry.file });
    await expect(el.locator('[part=label]').first()).toHaveText(strawberry.displayLabel);

    await tabTo(page, 'Download features (JSON)');
    const [download] = await Promise.all([
      page.waitForEvent('download', { timeout: 5000 }),
      page.keyboard.press('Enter'),
    ]);
    expect(download.suggestedFilename()).toBe('n07745940_strawberry-features.json');
  });

  test('Space on the camera toggle turns it on, or, with no camera here, turns it back off and says why', async ({
    elementPage: page,
    addClassifier,
  }) => {
    const el = await addClassifier(ON_WASM);
    const toggle = el.getByRole('button', { name: 'Camera' });
    await expect(toggle).toHaveAttribute('aria-pressed', 'false');
    await toggle.evaluate((button) => {
      const states: string[] = [];
      (window as unknown as { pressedStates: string[] }).pressedStates = states;
      new MutationObserver(() => states.push(button.getAttribute('aria-pressed') ?? '')).observe(button, {
        attributeFilter: ['aria-pressed'],
      });
    });
    await tabTo(page, 'Camera');
    await page.keyboard.press(' ');

    await expect
      .poll(() => page.evaluate(() => (window as unknown as { pressedStates: string[] }).pressedStates[0]), {
        message: 'Space did not press the toggle',
      })
      .toBe('true');
    const cameras = await page.evaluate(
      async () => (await navigator.mediaDevices.enumerateDevices()).filter((d) => d.kind === 'videoinput').length,
    );
    if (cameras > 0) {
      await expect(toggle).toHaveAttribute('aria-pressed', 'true');
      await el.evaluate((host: MobilenetClassifier) => host.stopCamera());
      return;
    }
    // The element turns `camera` off again when the camera cannot start, and shows the reason.
    const [error] = await waitForErrors(page, 1);
    expect(error.phase).toBe('camera');
    await expect(el.getByRole('alert')).toContainText(error.message);
    await expect(el.getByRole('alert').getByRole('button', { name: 'Try again' })).toBeVisible();
    await expect(toggle).toHaveAttribute('aria-pressed', 'false');
  });

  test('every control has an accessible name', async ({ elementPage: page, addClassifier }) => {
    const el = await addClassifier({ ...ON_WASM, features: true });
    await el.locator('input[type=file]').setInputFiles(strawberry.path);
    await waitForResults(page, 1);
    for (const name of [
      'Upload images',
      'Upload folder',
      'Camera',
      'Download features (JSON)',
      'Download features (.bin)',
      'Copy features as JSON',
    ]) {
      await expect(el.getByRole('button', { name, exact: true }), `no button named "${name}"`).toHaveCount(1);
    }
    await expect(el.getByRole('group', { name: /Image input/ })).toHaveCount(1);
    await expect(el.getByRole('list', { name: 'Predictions' })).toHaveCount(1);
    await expect(el.getByRole('img', { name: /crop the model saw/ })).toHaveCount(1);
    const buttons = el.getByRole('button');
    expect(await buttons.count()).toBe(6);
    for (const button of await buttons.all()) await expect(button).toHaveAccessibleName(/\S/);
  });
});

test('axe finds no serious or critical violations, before and after a result with features', async ({
  elementPage: page,
  addClassifier,
}) => {
  const el = await addClassifier({ ...ON_WASM, features: true });
  const check = async (when: string) => {
    const { violations } = await new AxeBuilder({ page }).analyze();
    for (const v of violations)
      console.log(`axe (${when}): [${v.impact}] ${v.id}: ${v.help} (${v.nodes.length} node(s)) ${v.helpUrl}`);
    const severe = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    expect(
      severe.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
      `serious or critical axe violations ${when}`,
    ).toEqual([]);
  };
  await check('in the initial state');
  await el.locator('input[type=file]').setInputFiles(strawberry.path);
  await waitForResults(page, 1);
  await expect(el.locator('[part=features]')).toBeVisible();
  await check('after a result with features');
});

test.describe('registration', () => {
  /** A blank page on the app's origin, so /src modules load through Vite. */
  async function blankPage(page: Page): Promise<void> {
    await page.route('**/e2e/__blank.html', (route) =>
      route.fulfill({
        contentType: 'text/html',
        body: '<!doctype html><html lang="en"><title>blank</title><body></body></html>',
      }),
    );
    await page.goto('/e2e/__blank.html');
  }

  /** Runs a module script in the page and returns what it stored in window.outcome, or the error it threw. */
  async function runModule(page: Page, code: string): Promise<unknown> {
    await page.addScriptTag({
      type: 'module',
      content: `try { window.outcome = await (async () => { ${code} })(); } catch (error) { window.outcome = { threw: String(error) }; }`,
    });
    await page
      .waitForFunction(() => 'outcome' in window, undefined, { timeout: 30_000 })
      .catch(() => {
        throw new Error(`the module script never finished: ${code}`);
      });
    return page.evaluate(() => (window as unknown as { outcome: unknown }).outcome);
  }

  test('importing /src/index.ts defines nothing', async ({ page }) => {
    await blankPage(page);
    const outcome = await runModule(
      page,
      `const api = await import('/src/index.ts');
       return { exported: typeof api.MobilenetClassifier, defined: customElements.get('mobilenet-classifier') !== undefined };`,
    );
    expect(outcome).toEqual({ exported: 'function', defined: false });
  });

  test('a second registration, of the same class or another one, does not throw', async ({ page }) => {
    await blankPage(page);
    const outcome = await runModule(
      page,
      `await import('/src/define.ts');
       const first = customElements.get('mobilenet-classifier');
       // A second copy of the registration module, as when an app and a widget both bundle it.
       await import('/src/components/mobilenet-classifier/mobilenet-classifier.ts?second-copy');
       return { defined: first !== undefined, unchanged: customElements.get('mobilenet-classifier') === first };`,
    );
    expect(outcome).toEqual({ defined: true, unchanged: true });

    await blankPage(page);
    const foreign = await runModule(
      page,
      `class Other extends HTMLElement {}
       customElements.define('mobilenet-classifier', Other);
       await import('/src/define.ts');
       return { kept: customElements.get('mobilenet-classifier') === Other };`,
    );
    expect(foreign).toEqual({ kept: true });
  });
});
