// Issue 12: `ready` always settles. It is pending while the current load runs, rejected once that load has
// failed (however late it is read), and renewed only when a new load starts (Retry, model-url, backend).
// Before the fix a failed load swapped in a new pending promise that waited for Retry, so code that read
// `ready` after the failure never settled.
import type { Page } from '@playwright/test';
import type { MobilenetClassifier } from '../src/components/mobilenet-classifier/mobilenet-classifier.component';
import { expect, expectReady, ON_WASM, test, waitForErrors } from './element-harness';

/** Uncaught errors and unhandled rejections in the page from now on, as they are reported. */
async function watchUnhandled(page: Page): Promise<string[]> {
  const unhandled: string[] = [];
  page.on('pageerror', (error) => unhandled.push(error.message));
  await page.evaluate(() =>
    window.addEventListener('unhandledrejection', (event) => console.error(`unhandled: ${event.reason}`)),
  );
  page.on('console', (message) => message.text().startsWith('unhandled:') && unhandled.push(message.text()));
  return unhandled;
}

/** How `ready` settles within `ms`: 'resolved', the rejection's message, or 'pending'. */
const settles = (host: MobilenetClassifier, ms: number) =>
  Promise.race([
    host.ready.then(
      () => 'resolved',
      (error: Error) => `rejected: ${error.message}`,
    ),
    new Promise((resolve) => setTimeout(() => resolve('pending'), ms)),
  ]);

test('ready rejects once the load failed, however late it is read, and is renewed by Retry', async ({
  elementPage: page,
  addClassifier,
}) => {
  const unhandled = await watchUnhandled(page);

  let modelThere = false;
  await page.route('**/late/**', async (route) => {
    if (!modelThere) return route.fulfill({ status: 404, body: 'not here' });
    const real = new URL(route.request().url());
    real.pathname = real.pathname.replace('/late/', '/model/');
    return route.fulfill({ response: await route.fetch({ url: real.href }) });
  });
  const el = await addClassifier({ ...ON_WASM, 'model-url': '/late/model.json' }, { waitReady: false });
  // Read while loading: it rejects when the load fails.
  const early = el.evaluate(settles, 30_000);
  await waitForErrors(page, 1);
  expect(await early).toMatch(/^rejected: .*\/late\/model\.json.*404/);
  // Read long after the failure: still rejected, not pending until someone presses Retry.
  await page.waitForTimeout(500);
  const late = await el.evaluate(settles, 3000);
  expect(late, 'ready read after the failure never settled').toBe(await early);
  // The same promise each time until a new load starts.
  expect(await el.evaluate((host: MobilenetClassifier) => host.ready === host.ready)).toBe(true);

  modelThere = true;
  await el.getByRole('alert').getByRole('button', { name: 'Retry' }).click();
  expect(await el.evaluate(settles, 30_000), 'ready after Retry').toBe('resolved');
  await expectReady(el);
  expect(unhandled, 'a rejected ready that nobody read was reported as unhandled').toEqual([]);
});

test('a failed load nobody waits on raises no unhandled rejection, and a backend change renews ready', async ({
  elementPage: page,
  addClassifier,
}) => {
  const unhandled = await watchUnhandled(page);
  const el = await addClassifier({ ...ON_WASM, 'model-url': '/nowhere/model.json' }, { waitReady: false });
  await waitForErrors(page, 1);
  await page.waitForTimeout(300);
  expect(await el.evaluate(settles, 3000)).toMatch(/^rejected: /);
  const renewed = await el.evaluate(async (host: MobilenetClassifier) => {
    const before = host.ready;
    host.removeAttribute('model-url');
    host.backend = 'cpu';
    await host.updateComplete;
    const after = host.ready;
    await after;
    return { renewed: before !== after, backend: (await host.classify(new ImageData(32, 32))).backend };
  });
  expect(renewed).toEqual({ renewed: true, backend: 'cpu' });
  expect(unhandled).toEqual([]);
});
