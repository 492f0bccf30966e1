// <mobilenet-classifier> keeps everything on the device (issue 5, "Privacy and security"): every request the
// page makes while loading, classifying uploads, running the camera and exporting features goes to the page's
// own origin, and none carries data. Labels and messages are rendered as text: HTML in a labels.json or in a
// file name is shown literally and never becomes markup.
import type { Request } from '@playwright/test';
import type { MobilenetClassifier } from '../src/components/mobilenet-classifier/mobilenet-classifier.component';
import { BASE_ARGS } from './camera-harness';
import {
  expect,
  mountClassifiers,
  ON_WASM,
  openElementPage,
  recordedEvents,
  renderedLabels,
  test,
  testImage,
  waitForErrors,
  waitForResults,
} from './element-harness';
import { expectUploadClassified, type LoggedRequest, recordRequests } from './hardening-fixtures';

const strawberry = testImage('n07745940_strawberry');

// Chromium's fake webcam (a generated test pattern), with the permission prompt answered yes.
test.use({
  launchOptions: {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [...BASE_ARGS, '--use-fake-ui-for-media-stream', '--use-fake-device-for-media-stream'],
  },
});

/** Where a request goes: its origin, or for blob: URLs the origin that created the blob. */
function originOf(url: string): string {
  return new URL(url).origin;
}

function describe(request: LoggedRequest): string {
  return `${request.phase}: ${request.method} ${request.url.slice(0, 160)} (${request.resourceType}, ${request.bodyBytes} body bytes)`;
}

test('every request during load, upload, camera and feature export goes to the page’s own origin and carries no data', async ({
  page,
  context,
  baseURL,
}) => {
  const log = recordRequests(context);
  const sockets: string[] = [];
  page.on('websocket', (socket) => sockets.push(socket.url()));
  const beacons: string[] = [];
  page.on('request', (request: Request) => {
    if (request.resourceType() === 'ping') beacons.push(request.url());
  });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseURL });

  log.phase = 'load';
  await openElementPage(page);
  // The default (WebGL) and wasm, so that every file either backend fetches is seen.
  const [onWebgl, onWasm] = await mountClassifiers(page, [{ features: true }, { ...ON_WASM, features: true }]);

  log.phase = 'upload';
  await onWebgl.locator('input[type=file]').setInputFiles(strawberry.path);
  await onWasm.locator('input[type=file]').setInputFiles(strawberry.path);
  await waitForResults(page, 2);

  log.phase = 'camera';
  await onWasm.evaluate((host: MobilenetClassifier) => {
    host.live = true;
    return host.startCamera();
  });
  await expect
    .poll(
      async () =>
        (await recordedEvents(page, 'mobilenet-result')).filter((e) => e.result?.source.kind === 'camera').length,
      {
        message: 'no camera frame was classified',
      },
    )
    .toBeGreaterThanOrEqual(3);
  await onWasm.evaluate((host: MobilenetClassifier) => host.stopCamera());

  log.phase = 'export';
  for (const name of ['Download features (JSON)', 'Download features (.bin)']) {
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      onWebgl.getByRole('button', { name }).click(),
    ]);
    expect(await download.failure(), `${name} failed`).toBeNull();
  }
  await onWebgl.getByRole('button', { name: 'Copy features as JSON' }).click();
  await expect(onWebgl.locator('[aria-live=polite]')).toHaveText('Feature vector copied as JSON.');
  await onWebgl.evaluate(async (host: MobilenetClassifier) => host.embed(host.shadowRoot!.querySelector('canvas')!));
  log.phase = 'done';

  const own = new URL(baseURL!).origin;
  const load = log.requests.filter((r) => r.phase === 'load');
  // The log works and saw the model, the labels and the wasm binary being fetched.
  for (const file of ['/model/model.json', '/model/group1-shard1of1.bin', '/model/labels.json', '.wasm']) {
    expect(
      load.some((r) => new URL(r.url).pathname.includes(file)),
      `no request for ${file} while loading: ${load.map((r) => r.url).join(', ')}`,
    ).toBe(true);
  }

  const elsewhere = log.requests.filter((r) => !r.url.startsWith('data:') && originOf(r.url) !== own);
  expect(elsewhere.map(describe), `requests that left ${own}`).toEqual([]);
  const withData = log.requests.filter((r) => !['GET', 'HEAD'].includes(r.method) || r.bodyBytes > 0);
  expect(withData.map(describe), 'requests that send something (a method with a body, or a body)').toEqual([]);
  // Image data could also ride in a URL: every query here is a short cache-busting tag.
  const longQueries = log.requests.filter((r) => !r.url.startsWith('data:') && new URL(r.url).search.length > 64);
  expect(longQueries.map(describe), 'requests with a query long enough to carry data').toEqual([]);
  expect(beacons, 'beacons or pings sent').toEqual([]);
  // The only socket is Vite's dev-server HMR channel (answered by a stand-in), never the element's.
  expect(
    sockets.filter((url) => new URL(url).host !== new URL(own).host),
    'WebSockets to another host',
  ).toEqual([]);

  // Nothing at all is fetched for an upload, a camera frame or an export: the pixels never reach the network.
  const afterLoad = log.requests.filter((r) => r.phase !== 'load' && !r.url.startsWith('blob:'));
  expect(afterLoad.map(describe), 'requests made after the model was loaded').toEqual([]);
  test.info().annotations.push({
    type: 'requests',
    description: ['load', 'upload', 'camera', 'export']
      .map((phase) => `${phase}: ${log.requests.filter((r) => r.phase === phase).length}`)
      .join(', '),
  });
});

/** Labels the way an attacker who controls labels.json would write them. */
const hostileLabel = (index: number) => `<img src=x onerror=alert(${index})><b>class ${index}</b>`;

test('a hostile labels.json shows its HTML as literal text: no element injected, no script run', async ({
  elementPage: page,
}) => {
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  const fetchedX: string[] = [];
  page.on('request', (request) => {
    if (new URL(request.url()).pathname === '/x') fetchedX.push(request.url());
  });
  await page.route('**/model/labels.json', async (route) => {
    const real = await route.fetch();
    const labels = (await real.json()) as { index: number; label: string; fullName: string }[];
    await route.fulfill({
      response: real,
      json: labels.map((entry) => ({
        ...entry,
        label: hostileLabel(entry.index),
        fullName: hostileLabel(entry.index),
      })),
    });
  });
  const [el] = await mountClassifiers(page, [ON_WASM]);
  await el.locator('input[type=file]').setInputFiles(strawberry.path);
  const [result] = await waitForResults(page, 1);
  expect(result.predictions[0].index).toBe(strawberry.index);

  const expected = result.predictions.map((p) => hostileLabel(p.index));
  expect(await renderedLabels(el), 'the labels are not shown as the literal text of labels.json').toEqual(expected);
  await expect(el.locator('[part=label]').first()).toHaveAttribute('title', expected[0]);
  await expect(el.locator('[aria-live=polite]')).toContainText(expected[0]);
  const injected = await el.evaluate((host) => ({
    shadow: host.shadowRoot!.querySelectorAll('img, b, script').length,
    document: document.querySelectorAll('img, b, script:not([type=module])').length,
  }));
  expect(injected, 'elements from the labels were created').toEqual({ shadow: 0, document: 0 });
  // onerror would have run by now: the image request and its failure take milliseconds.
  await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 300)));
  expect(dialogs, 'a dialog opened: script from labels.json ran').toEqual([]);
  expect(fetchedX, 'the page requested /x: an <img> from labels.json was created').toEqual([]);
});

test('a file name with HTML in it shows as literal text in the error message', async ({ elementPage: page }) => {
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  const [el] = await mountClassifiers(page, [ON_WASM]);
  const name = '<img src=x onerror=alert(2)>.txt';
  await el
    .locator('input[type=file]')
    .setInputFiles({ name, mimeType: 'text/plain', buffer: Buffer.from('not an image') });
  const [error] = await waitForErrors(page, 1);
  expect(error.message).toContain(name);
  await expect(el.getByRole('alert')).toContainText(name);
  expect(
    await el.evaluate((host) => host.shadowRoot!.querySelectorAll('[part=error] img').length),
    'an <img> was created from the file name',
  ).toBe(0);
  await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 300)));
  expect(dialogs, 'a dialog opened: script from the file name ran').toEqual([]);
  await expectUploadClassified(el, strawberry);
});

test('an element in imagenet mode opens no IndexedDB; custom classes open it only once they are used', async ({
  elementPage: page,
}) => {
  const [el] = await mountClassifiers(page, [ON_WASM]);
  await el.locator('input[type=file]').setInputFiles(strawberry.path);
  await waitForResults(page, 1);
  const databases = () => page.evaluate(async () => (await indexedDB.databases()).map((d) => d.name));
  expect(await databases(), 'an imagenet-mode element created an IndexedDB database').toEqual([]);

  await el.evaluate((host: MobilenetClassifier) => (host.mode = 'custom'));
  await expect
    .poll(databases, { message: 'custom mode never read its stored classes' })
    .toEqual(['mobilenet-classifier']);
});
