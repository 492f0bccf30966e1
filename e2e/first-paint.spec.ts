// Issue 14, target 4: the element paints, and takes a picture, before any tf.js code has arrived. tf.js,
// the classifier and the backends are imported with the first model (src/model/load.ts); here every
// request for them is held back until the test lets it go. Before the change /src/define.ts imported
// tf.js itself, so the page never defined the element while tf.js was held.
import type { Route } from '@playwright/test';
import { expect, mountClassifier, openElementPage, test, testImage, waitForResults } from './element-harness';

/** Vite serves tf.js as pre-bundled `@tensorflow_…` dependencies; the classifier is the module that imports it. */
const TFJS = /@tensorflow|\/src\/model\/classifier\.ts|\/src\/custom\/head-training\.ts/;

test('the element paints and takes an upload before any tf.js code has arrived, and classifies it once it has', async ({
  page,
}) => {
  const held: Route[] = [];
  let holding = true;
  await page.route(TFJS, (route) => (holding ? held.push(route) : route.continue()));
  await openElementPage(page);
  const el = await mountClassifier(page, { backend: 'wasm' }, { waitReady: false });

  await expect(el.getByRole('button', { name: 'Upload images' })).toBeVisible();
  await expect(el.locator('[part=status]')).toContainText('Loading the model');
  // The element asked for tf.js as soon as it started loading: it is held, not missing.
  await expect.poll(() => held.length, { message: 'requests for tf.js held back' }).toBeGreaterThan(0);

  const image = testImage('n07745940');
  await el.locator('input[type=file]').setInputFiles(image.path);
  await expect(el.locator('[part=progress]')).toHaveText(
    'Your picture will be classified as soon as the model is ready.',
  );
  expect(await page.evaluate(() => window.mobilenetEvents.map((e) => e.type))).toEqual([]);

  holding = false;
  for (const route of held.splice(0)) await route.continue();
  const [result] = await waitForResults(page, 1, 60_000);
  expect(result!.source).toEqual({ kind: 'upload', name: image.file });
  expect(result!.predictions[0]!.index).toBe(image.index);
  await expect(el.locator('[part=progress]')).toHaveCount(0);
  await expect(el.locator('[part=status]')).toContainText('Ready');
});

test('a failed import of the classifier’s code is a load error that says what to do', async ({ page }) => {
  await page.route(/\/src\/model\/classifier\.ts/, (route) => route.abort('failed'));
  await openElementPage(page);
  const el = await mountClassifier(page, { backend: 'wasm' }, { waitReady: false });
  const alert = el.getByRole('alert');
  await expect(alert).toContainText("Could not load the classifier's code");
  await expect(alert).toContainText('Check the connection and reload the page.');
  await expect(el.locator('[part=status]')).toHaveText('The model is not loaded.');
  // Chromium keeps the failed module in its module map until the page reloads (see src/model/load.ts):
  // Retry fails the same way, at once, rather than hanging.
  await alert.getByRole('button', { name: 'Retry' }).click();
  await expect(alert).toContainText("Could not load the classifier's code");
});

test('the German table loads only for an element that speaks German, whose first render waits for it', async ({
  page,
}) => {
  const held: Route[] = [];
  const requested: string[] = [];
  await page.route(/\/src\/i18n\/(de|fr|es|ja)\.ts/, (route) => {
    requested.push(new URL(route.request().url()).pathname);
    held.push(route);
  });
  await openElementPage(page);
  const english = await mountClassifier(page, { backend: 'wasm' }, { waitReady: false });
  await expect(english.locator('[part=status]')).toContainText('Loading the model');
  expect(requested, 'tables fetched for an English page').toEqual([]);

  await page.evaluate(() => document.documentElement.setAttribute('lang', 'de'));
  await expect.poll(() => requested).toEqual(['/src/i18n/de.ts']);
  const german = await mountClassifier(page, { backend: 'wasm' }, { waitReady: false });
  // Held back: neither element shows English in the meantime as if it were German.
  await page.waitForTimeout(300);
  expect(await german.evaluate((host) => host.shadowRoot?.querySelector('[part=status]') ?? null)).toBeNull();

  for (const route of held.splice(0)) await route.continue();
  await expect(german.locator('[part=status]')).toContainText(/Modell wird geladen|Bereit/);
  await expect(english.locator('[part=status]')).toContainText(/Modell wird geladen|Bereit/);
  expect(requested).toEqual(['/src/i18n/de.ts']);
});
