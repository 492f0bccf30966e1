// A small harness for the camera tests of <mobilenet-classifier>: a browser whose fake webcam shows a test
// image, a page that records the element's events (and every camera frame the model reads), and helpers
// that fail saying what was missing.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Locator, Page } from '@playwright/test';
import { test as base, expect } from './console-guard';
import { makeFakeCameraY4m } from '../scripts/make-y4m';
import type { MobilenetClassifier } from '../src/components/mobilenet-classifier/mobilenet-classifier.component';
import { TEST_IMAGES, TEST_IMAGES_DIR } from './fixtures';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** The flags the config passes to every browser (playwright.config.ts), kept when a file launches its own. */
export const BASE_ARGS = [
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** A test image with its true class index and the short name the element renders in `[part=label]`. */
export function cameraImage(file: string): { file: string; path: string; index: number; displayLabel: string } {
  const image = TEST_IMAGES.find((t) => t.file === file);
  if (!image) throw new Error(`no test image "${file}" in ${TEST_IMAGES_DIR}/labels.json`);
  const labels = JSON.parse(readFileSync(path.join(root, 'public/model/labels.json'), 'utf8')) as { label: string }[];
  return { file, path: path.join(TEST_IMAGES_DIR, file), index: image.index, displayLabel: labels[image.index].label };
}

/** What the fake camera shows in camera.spec.ts: the model gets it right at top-1 through the camera too. */
export const CAMERA_IMAGE = cameraImage('n07745940_strawberry.jpg');

/** One entry of the page's log: an event of the element, or a camera frame drawn for the model. */
export interface LogEntry {
  type: 'mobilenet-ready' | 'mobilenet-result' | 'mobilenet-error' | 'video-draw';
  /** performance.now() when it happened. */
  t: number;
  /** mobilenet-result: where the picture came from, the top-k class indices and labels, top-1 probability, classify() time. */
  kind?: string;
  indices?: number[];
  labels?: string[];
  probability?: number;
  total?: number;
  /** mobilenet-error; `cause` is the name of the error underneath, e.g. the getUserMedia DOMException's. */
  phase?: string;
  message?: string;
  cause?: string;
}

declare global {
  interface Window {
    cameraLog: LogEntry[];
    /** Tracks and preview saved by {@link captureCamera}, read back after the element let go of them. */
    captured?: { tracks: MediaStreamTrack[]; video: HTMLVideoElement };
  }
}

/**
 * Runs before any page script. Records the element's events (they bubble and are composed, so the document
 * hears them) and every drawImage of a <video>: preprocessing draws the camera frame onto its 96×96 canvas
 * once per inference, so a draw marks the start of one inference, and its result event the end.
 */
function installRecorder(): void {
  window.cameraLog = [];
  for (const type of ['mobilenet-ready', 'mobilenet-result', 'mobilenet-error'] as const) {
    document.addEventListener(type, (event) => {
      const detail = (event as CustomEvent).detail;
      const entry: LogEntry = { type, t: performance.now() };
      if (type === 'mobilenet-result') {
        entry.kind = detail.result.source.kind;
        entry.indices = detail.result.predictions.map((p: { index: number }) => p.index);
        entry.labels = detail.result.predictions.map((p: { label: string }) => p.label);
        entry.probability = detail.result.predictions[0]?.probability;
        entry.total = detail.result.timings.total;
      }
      if (type === 'mobilenet-error')
        Object.assign(entry, { phase: detail.phase, message: detail.message, cause: detail.error?.cause?.name });
      window.cameraLog.push(entry);
    });
  }
  for (const proto of [CanvasRenderingContext2D.prototype, OffscreenCanvasRenderingContext2D.prototype]) {
    const drawImage = proto.drawImage as (...args: unknown[]) => void;
    proto.drawImage = function (this: unknown, ...args: unknown[]) {
      if (args[0] instanceof HTMLVideoElement) window.cameraLog.push({ type: 'video-draw', t: performance.now() });
      return drawImage.apply(this, args);
    } as typeof proto.drawImage;
  }
}

/**
 * Opens e2e/element.html with the recorder installed. Vite's HMR socket gets a silent stand-in: others edit
 * this checkout while tests run, and a full reload would wipe the elements a test set up.
 */
export async function openElementPage(page: Page): Promise<void> {
  await page.routeWebSocket(
    () => true,
    () => {},
  );
  await page.addInitScript(installRecorder);
  await page.goto('/e2e/element.html');
  await page
    .waitForFunction(() => document.body.dataset.ready === 'true', undefined, { timeout: 60_000 })
    .catch(() => {
      throw new Error(
        'e2e/element.html never set body[data-ready]: /src/define.ts did not load or define <mobilenet-classifier>',
      );
    });
}

export async function log(page: Page, type?: LogEntry['type']): Promise<LogEntry[]> {
  const entries = await page.evaluate(() => window.cameraLog);
  return type ? entries.filter((e) => e.type === type) : entries;
}

/** Waits until the page has logged at least `count` entries of `type`; fails listing what it logged instead. */
export async function waitForLogged(
  page: Page,
  type: LogEntry['type'],
  count: number,
  timeout = 30_000,
): Promise<LogEntry[]> {
  try {
    await page.waitForFunction(
      ([t, n]) => window.cameraLog.filter((e) => e.type === t).length >= n,
      [type, count] as const,
      { timeout },
    );
  } catch {
    const seen = (await log(page)).filter((e) => e.type !== 'video-draw');
    throw new Error(
      `expected ${count} ${type} event(s) within ${timeout} ms; the page logged ${seen.length}: ` +
        JSON.stringify(
          seen
            .slice(-8)
            .map((e) => ({ type: e.type, kind: e.kind, top: e.labels?.[0], phase: e.phase, message: e.message })),
        ),
    );
  }
  return log(page, type);
}

export { expectReady, mountClassifier } from './element-harness';

/** What the element's camera preview is doing, read from its shadow root. */
export interface PreviewState {
  rendered: boolean;
  hasStream: boolean;
  trackStates: string[];
  paused: boolean;
  videoWidth: number;
  cameraAttribute: boolean;
}

export async function previewState(element: Locator): Promise<PreviewState> {
  return element.evaluate((host: MobilenetClassifier) => {
    const video = host.shadowRoot?.querySelector('video');
    const stream = video?.srcObject instanceof MediaStream ? video.srcObject : null;
    return {
      rendered: Boolean(video),
      hasStream: Boolean(stream),
      trackStates: stream?.getTracks().map((t) => t.readyState) ?? [],
      paused: video?.paused ?? true,
      videoWidth: video?.videoWidth ?? 0,
      cameraAttribute: host.hasAttribute('camera'),
    };
  });
}

/** Waits until the preview plays a live camera stream; fails describing the preview otherwise. */
export async function expectCameraOn(element: Locator, timeout = 15_000): Promise<void> {
  const on = (s: PreviewState) =>
    s.hasStream &&
    s.trackStates.length > 0 &&
    s.trackStates.every((r) => r === 'live') &&
    !s.paused &&
    s.videoWidth > 0;
  let last: PreviewState | undefined;
  await expect
    .poll(async () => on((last = await previewState(element))), { timeout })
    .toBe(true)
    .catch(() => {
      throw new Error(`the camera preview never played a live stream within ${timeout} ms: ${JSON.stringify(last)}`);
    });
}

/**
 * Saves the preview <video> and the tracks of its stream in the page, so that they can be checked after the
 * element stopped them (or removed the preview). Returns how many tracks there were.
 */
export async function captureCamera(element: Locator): Promise<number> {
  const count = await element.evaluate((host: MobilenetClassifier) => {
    const video = host.shadowRoot?.querySelector('video');
    if (!video) return 'no <video> in the shadow root: the camera is not on';
    if (!(video.srcObject instanceof MediaStream)) return 'the preview <video> has no MediaStream as srcObject';
    window.captured = { tracks: video.srcObject.getTracks(), video };
    return window.captured.tracks.length;
  });
  if (typeof count === 'string') throw new Error(count);
  expect(count, 'the camera stream has no tracks').toBeGreaterThan(0);
  return count;
}

/** The captured tracks' readyStates and whether the captured preview still holds a srcObject. */
export async function capturedCamera(page: Page): Promise<{ trackStates: string[]; srcObjectIsNull: boolean }> {
  const state = await page.evaluate(() =>
    window.captured
      ? {
          trackStates: window.captured.tracks.map((t) => t.readyState),
          srcObjectIsNull: window.captured.video.srcObject === null,
        }
      : null,
  );
  if (!state) throw new Error('no camera captured: call captureCamera(element) first');
  return state;
}

/** Launch flags for Chromium's fake webcam. `autoAccept` adds the flag that grants camera permission without asking. */
export function fakeCameraArgs(options: { y4m?: string; autoAccept: boolean }): string[] {
  return [
    '--use-fake-device-for-media-stream',
    ...(options.autoAccept ? ['--use-fake-ui-for-media-stream'] : []),
    ...(options.y4m ? [`--use-file-for-fake-video-capture=${options.y4m}`] : []),
  ];
}

/** Empties the element page between tests: removing the elements releases their cameras. */
async function resetElementPage(page: Page): Promise<void> {
  await page.evaluate(() => {
    document.body.replaceChildren();
    window.scrollTo(0, 0);
    window.cameraLog = [];
    window.captured = undefined;
    // Undo setTabHidden() and getUserMedia stubs: own properties that shadow the real getters and method.
    Reflect.deleteProperty(document, 'visibilityState');
    Reflect.deleteProperty(document, 'hidden');
    Reflect.deleteProperty(navigator.mediaDevices, 'getUserMedia');
  });
}

/**
 * Tells the page that its tab was hidden or shown again. Headless Chromium never hides a page (another tab
 * in front changes nothing, and CDP has no visibility emulation), so the page is told the way a tab switch
 * tells it: `document.visibilityState`, `document.hidden` and a `visibilitychange` event.
 */
export async function setTabHidden(page: Page, hidden: boolean): Promise<void> {
  await page.evaluate((isHidden) => {
    Object.defineProperty(document, 'visibilityState', {
      configurable: true,
      get: () => (isHidden ? 'hidden' : 'visible'),
    });
    Object.defineProperty(document, 'hidden', { configurable: true, get: () => isHidden });
    document.dispatchEvent(new Event('visibilitychange'));
  }, hidden);
}

/**
 * Tests in a browser whose fake webcam shows {@link CAMERA_IMAGE}, with camera permission granted.
 *
 * launchOptions is a worker fixture that depends on `fakeCamera`, so the .y4m exists before the browser is
 * launched with its path (a plain `test.use({ launchOptions })` would need the file at load time).
 *
 * `elementPage` is one page per worker, emptied before and after each test: a fresh page loads the model and
 * compiles its shaders again (~4 s under SwiftShader), while the next element on the same page is ready in
 * ~0.5 s. A failed test makes Playwright start a new worker, so a broken page is not reused.
 */
export const test = base.extend<{ elementPage: Page }, { fakeCamera: string; sharedElementPage: Page }>({
  fakeCamera: [async ({}, use) => use(await makeFakeCameraY4m(CAMERA_IMAGE.path)), { scope: 'worker' }],
  launchOptions: [
    async ({ launchOptions, fakeCamera }, use) =>
      use({
        ...launchOptions,
        args: [...(launchOptions.args ?? BASE_ARGS), ...fakeCameraArgs({ y4m: fakeCamera, autoAccept: true })],
      }),
    { scope: 'worker' },
  ],
  sharedElementPage: [
    async ({ browser }, use, workerInfo) => {
      const context = await browser.newContext({ baseURL: workerInfo.project.use.baseURL });
      const page = await context.newPage();
      await openElementPage(page);
      await use(page);
      await context.close();
    },
    { scope: 'worker' },
  ],
  elementPage: async ({ sharedElementPage: page }, use) => {
    await resetElementPage(page);
    await use(page);
    await resetElementPage(page);
  },
});

export { expect };

/** The element's camera messages, as the camera fault tests expect them word for word. */
export const CAMERA_MESSAGES = {
  denied: 'Camera permission denied. Use Upload instead, or allow the camera in the site settings.',
  notFound: 'No camera was found. Connect one and try again, or use Upload instead.',
  busy: 'The camera is busy or blocked: close other apps or tabs that use it, then try again.',
  stopped: 'The camera stopped (it was unplugged or taken by another app). Turn it on again when it is back.',
} as const;

/**
 * The element page for tests that never classify. The model's request is left unanswered, so that its
 * load (seconds of shader compiles under SwiftShader, on the page's main thread) does not delay what the
 * tests check.
 */
export const testWithoutModel = base.extend<{ elementPage: Page }>({
  elementPage: async ({ page }, use) => {
    await page.route('**/model/model.json', () => {});
    await openElementPage(page);
    await use(page);
  },
});
