// A small harness for the <mobilenet-classifier> browser tests: opens e2e/element.html with ../shared
// routed in, records every event the element fires, and mounts elements that are ready to use.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FileChooser, Locator, Page } from '@playwright/test';
import { test as base, expect } from './console-guard';
import { routeShared, TEST_IMAGES, TEST_IMAGES_DIR, type TestImage } from './fixtures';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** The short display names the element renders (`[part=label]`), by class index. */
const DISPLAY_LABELS: string[] = (
  JSON.parse(readFileSync(path.join(root, 'public/model/labels.json'), 'utf8')) as { label: string }[]
).map((entry) => entry.label);

/** A test image the model gets right at top-1 with confidence (see ../shared/test-images/README.md). */
export function testImage(fileStart: string): TestImage & { path: string; displayLabel: string } {
  const image = TEST_IMAGES.find((t) => t.file.startsWith(fileStart));
  if (!image) throw new Error(`no test image whose name starts with "${fileStart}" in ${TEST_IMAGES_DIR}`);
  return { ...image, path: path.join(TEST_IMAGES_DIR, image.file), displayLabel: DISPLAY_LABELS[image.index] };
}

/** A `mobilenet-*` event as recorded in the page, with the feature vector reduced to its length. */
export interface RecordedEvent {
  type: 'mobilenet-ready' | 'mobilenet-result' | 'mobilenet-error';
  /** Index of the element that fired it among the page's <mobilenet-classifier> elements. */
  element: number;
  ready?: { backend: string; loadMs: number };
  result?: {
    predictions: { index: number; label: string; probability: number }[];
    backend: string;
    timings: { preprocess: number; inference: number; total: number };
    source: { kind: string; name?: string };
    featuresLength?: number;
    featuresIsFloat32Array?: boolean;
  };
  error?: { phase: string; message: string };
}

declare global {
  interface Window {
    /** Filled by the init script below; read with {@link recordedEvents}. */
    mobilenetEvents: RecordedEvent[];
    /** The raw `detail` of each recorded event, same order as `mobilenetEvents`. */
    mobilenetDetails: unknown[];
    /** A DataTransfer holding the image at `url` as a File called `name`, for drop and paste events. */
    imageTransfer(url: string, name: string): Promise<DataTransfer>;
  }
}

/**
 * Runs before any page script. Listens on the document, so every bubbling, composed event is caught,
 * and adds the page-side helpers.
 */
function installPageHelpers(): void {
  sessionStorage.setItem('elementPageLoads', String(Number(sessionStorage.getItem('elementPageLoads') ?? 0) + 1));
  window.imageTransfer = async (url, name) => {
    const response = await fetch(url);
    if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
    const blob = await response.blob();
    const data = new DataTransfer();
    data.items.add(new File([blob], name, { type: blob.type }));
    return data;
  };
  window.mobilenetEvents = [];
  window.mobilenetDetails = [];
  for (const type of ['mobilenet-ready', 'mobilenet-result', 'mobilenet-error'] as const) {
    document.addEventListener(type, (event) => {
      const detail = (event as CustomEvent).detail;
      const element = Array.from(document.querySelectorAll('mobilenet-classifier')).indexOf(
        event.target as HTMLElement,
      );
      const recorded: RecordedEvent = { type, element };
      if (type === 'mobilenet-ready') recorded.ready = { backend: detail.backend, loadMs: detail.loadMs };
      if (type === 'mobilenet-error') recorded.error = { phase: detail.phase, message: detail.message };
      if (type === 'mobilenet-result') {
        const { features, ...rest } = detail.result;
        recorded.result = {
          ...structuredClone(rest),
          featuresLength: features?.length,
          featuresIsFloat32Array: features instanceof Float32Array,
        };
      }
      window.mobilenetEvents.push(recorded);
      window.mobilenetDetails.push(detail);
    });
  }
}

export async function recordedEvents(page: Page, type?: RecordedEvent['type']): Promise<RecordedEvent[]> {
  const events = await page.evaluate(() => window.mobilenetEvents);
  return type ? events.filter((e) => e.type === type) : events;
}

/** The recorded `mobilenet-result` details, once there are at least `count`; fails naming what arrived instead. */
export async function waitForResults(
  page: Page,
  count: number,
  timeout = 30_000,
): Promise<NonNullable<RecordedEvent['result']>[]> {
  try {
    await page.waitForFunction(
      (n) => window.mobilenetEvents.filter((e) => e.type === 'mobilenet-result').length >= n,
      count,
      { timeout },
    );
  } catch {
    const seen = await recordedEvents(page);
    throw new Error(
      `expected ${count} mobilenet-result event(s) within ${timeout} ms; recorded: ` +
        JSON.stringify(seen.map((e) => ({ type: e.type, source: e.result?.source, error: e.error?.message }))),
    );
  }
  return (await recordedEvents(page, 'mobilenet-result')).map((e) => e.result!);
}

/** The recorded `mobilenet-error` details, once there are at least `count`. */
export async function waitForErrors(
  page: Page,
  count: number,
  timeout = 30_000,
): Promise<NonNullable<RecordedEvent['error']>[]> {
  try {
    await page.waitForFunction(
      (n) => window.mobilenetEvents.filter((e) => e.type === 'mobilenet-error').length >= n,
      count,
      { timeout },
    );
  } catch {
    const seen = await recordedEvents(page);
    throw new Error(
      `expected ${count} mobilenet-error event(s) within ${timeout} ms; recorded: ${JSON.stringify(seen.map((e) => e.type))}`,
    );
  }
  return (await recordedEvents(page, 'mobilenet-error')).map((e) => e.error!);
}

/** The rendered top-k labels (`[part=label]` texts) of an element. */
export async function renderedLabels(element: Locator): Promise<string[]> {
  // The element renders in the animation frame after a result (its mobilenet-result comes first).
  await element.evaluate((host: HTMLElement & { updateComplete: Promise<boolean> }) => host.updateComplete);
  return (await element.locator('[part=label]').allTextContents()).map((text) => text.trim());
}

/** Waits until the element says Ready; fails with its status and error text otherwise. */
export async function expectReady(element: Locator, timeout = 60_000): Promise<void> {
  const status = element.locator('[part=status]');
  try {
    await expect(status).toContainText('Ready', { timeout });
  } catch {
    const said = (await status.textContent({ timeout: 1000 }).catch(() => null))?.trim() ?? 'no [part=status] rendered';
    const error = (
      await element
        .locator('[part=error]')
        .textContent({ timeout: 1000 })
        .catch(() => null)
    )?.trim();
    const loads = await element
      .page()
      .evaluate(() => sessionStorage.getItem('elementPageLoads'))
      .catch(() => '?');
    throw new Error(
      `<mobilenet-classifier> never said Ready within ${timeout} ms: status "${said}"${error ? `, error "${error}"` : ''}` +
        (Number(loads) > 1 ? ` (the page was loaded ${loads} times: a reload wipes the elements a test added)` : ''),
    );
  }
}

/**
 * For tests whose subject is not the backend: wasm loads and warms up in under a second here, WebGL
 * under SwiftShader in about three, which would take this file past two minutes. The tests of the
 * default path (upload, classify(), features, keyboard) keep WebGL.
 */
export const ON_WASM = { backend: 'wasm' } as const;

/** Attribute values; `true` sets a boolean attribute. */
export type Attributes = Record<string, string | true>;

/**
 * Adds a <mobilenet-classifier> with the given attributes to the page and returns a locator for it.
 * Waits for Ready unless `waitReady: false`.
 */
export async function mountClassifier(
  page: Page,
  attributes: Attributes = {},
  options: { waitReady?: boolean } = {},
): Promise<Locator> {
  const [element] = await mountClassifiers(page, [attributes], options);
  return element;
}

/**
 * Adds several elements in one task, so that they all start loading the model together, and waits
 * until each is Ready (unless `waitReady: false`).
 */
export async function mountClassifiers(
  page: Page,
  attributeList: Attributes[],
  options: { waitReady?: boolean } = {},
): Promise<Locator[]> {
  const first = await page.evaluate((list) => {
    for (const attrs of list) {
      const element = document.createElement('mobilenet-classifier');
      for (const [name, value] of Object.entries(attrs)) element.setAttribute(name, value === true ? '' : value);
      document.body.append(element);
    }
    return document.querySelectorAll('mobilenet-classifier').length - list.length;
  }, attributeList);
  const elements = attributeList.map((_, i) => page.locator('mobilenet-classifier').nth(first + i));
  if (options.waitReady ?? true) for (const element of elements) await expectReady(element);
  return elements;
}

/**
 * Opens e2e/element.html with ../shared routed under /shared/ and the event recorder installed.
 *
 * Vite's HMR socket is answered by a silent stand-in: other people edit this checkout while tests run,
 * and Vite full-reloads every open page when e.g. index.html changes, which would wipe the elements
 * a test has set up.
 */
export async function openElementPage(page: Page): Promise<void> {
  await page.routeWebSocket(
    () => true,
    () => {},
  );
  await routeShared(page);
  await page.addInitScript(installPageHelpers);
  await page.goto('/e2e/element.html');
  await page
    .waitForFunction(() => document.body.dataset.ready === 'true', undefined, { timeout: 60_000 })
    .catch(() => {
      throw new Error(
        'e2e/element.html never set body[data-ready]: /src/define.ts did not load or define <mobilenet-classifier>',
      );
    });
}

export const test = base.extend<{
  elementPage: Page;
  /** Adds an element with these attributes to the element page and waits for Ready. */
  addClassifier: (attributes?: Attributes, options?: { waitReady?: boolean }) => Promise<Locator>;
}>({
  elementPage: async ({ page }, use) => {
    await openElementPage(page);
    await use(page);
  },
  addClassifier: async ({ elementPage }, use) => {
    await use((attributes, options) => mountClassifier(elementPage, attributes, options));
  },
});

export { expect };

/**
 * The file chooser that `action` opens. Interception is switched on (by listening) before `action`
 * runs: `Promise.all([page.waitForEvent('filechooser'), press])` races the browser's interception
 * set-up against the key press, and lost it here about one run in four (puppeteer#6040 describes it).
 */
export async function nextFileChooser(page: Page, action: () => Promise<void>): Promise<FileChooser> {
  const choosers: FileChooser[] = [];
  const listener = (chooser: FileChooser) => choosers.push(chooser);
  page.on('filechooser', listener);
  try {
    await page.evaluate(() => new Promise(requestAnimationFrame));
    await action();
    await expect.poll(() => choosers.length, { message: 'no file chooser opened', timeout: 5000 }).toBeGreaterThan(0);
    return choosers[0];
  } finally {
    page.off('filechooser', listener);
  }
}
