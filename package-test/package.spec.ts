// The published package as a user gets it: `npm pack`, installed into a fresh app, built by that
// app's Vite (plain HTML and React 19), and the single-file drop-in copied beside a static page; each
// page must classify a test image in Chromium with the model and wasm files served by the app itself.
import path from 'node:path';
import { test as base, expect, type Page } from '@playwright/test';
import ts from 'typescript';
import { TEST_IMAGES, TEST_IMAGES_DIR } from '../e2e/fixtures';
import { setUpConsumer, type Consumer, type ServedApp } from './consumer';

/** The image every page classifies; the model gets it right at top-1 (see e2e/element.spec.ts). */
const IMAGE = TEST_IMAGES.find((image) => image.file.startsWith('n07745940_strawberry'))!;

const test = base.extend<object, { consumer: Consumer }>({
  consumer: [
    async ({}, use) => {
      const { consumer, close } = await setUpConsumer(path.join(TEST_IMAGES_DIR, IMAGE.file), (line) =>
        console.log(`[package] ${line}`),
      );
      try {
        await use(consumer);
      } finally {
        await close();
      }
    },
    // npm pack builds dist/lib (~15 s); the install takes longer on a cold npm cache.
    { scope: 'worker', timeout: 600_000 },
  ],
});

interface PageRecord {
  ready: { backend: string }[];
  results: { index: number; label: string }[][];
  errors: string[];
}

/** Records the element's events (they bubble and are composed) before any page script runs. */
async function openApp(page: Page, app: ServedApp): Promise<{ requests: URL[]; pageErrors: string[] }> {
  const requests: URL[] = [];
  const pageErrors: string[] = [];
  page.on('request', (request) => requests.push(new URL(request.url())));
  page.on('pageerror', (error) => pageErrors.push(error.message));
  await page.addInitScript(() => {
    const record: PageRecord = { ready: [], results: [], errors: [] };
    Object.assign(window, { record });
    type Detail = {
      backend: string;
      result: { predictions: { index: number; label: string }[] };
      phase: string;
      message: string;
    };
    const on = (type: string, listener: (detail: Detail) => void) =>
      document.addEventListener(type, (event) => listener((event as CustomEvent<Detail>).detail));
    on('mobilenet-ready', ({ backend }) => record.ready.push({ backend }));
    on('mobilenet-result', ({ result }) =>
      record.results.push(result.predictions.map(({ index, label }) => ({ index, label }))),
    );
    on('mobilenet-error', ({ phase, message }) => record.errors.push(`${phase}: ${message}`));
  });
  await page.goto(app.url);
  return { requests, pageErrors };
}

/** Waits for the first result and checks it; the message names what the page did instead. */
async function expectClassified(page: Page, backend: string): Promise<void> {
  const record = () => page.evaluate(() => (window as unknown as { record: PageRecord }).record);
  await page
    .waitForFunction(
      () => {
        const { results, errors } = (window as unknown as { record: PageRecord }).record;
        return results.length > 0 || errors.length > 0;
      },
      undefined,
      { timeout: 120_000 },
    )
    .catch(() => {
      throw new Error('the element fired neither mobilenet-result nor mobilenet-error');
    });
  expect((await record()).errors, 'mobilenet-error events').toEqual([]);
  const { ready, results } = await record();
  expect(ready, 'mobilenet-ready detail').toEqual([{ backend }]);
  expect(results[0], 'three predictions (top-k 3)').toHaveLength(3);
  expect(results[0][0].index, `top-1 of ${IMAGE.file}: ${JSON.stringify(results[0][0])}`).toBe(IMAGE.index);
  await expect(page.locator('mobilenet-classifier [part=result]')).toHaveCount(3);
  await expect(page.locator('mobilenet-classifier [part=label]').first()).toHaveText(results[0][0].label);
}

/** Every request went to the app's own origin, and the model and wasm files were among them. */
function expectServedByApp(requests: URL[], app: ServedApp, wasm: boolean): void {
  const origin = new URL(app.url).origin;
  expect(
    requests.filter((url) => url.origin !== origin && url.protocol !== 'data:').map(String),
    'requests to other origins',
  ).toEqual([]);
  const paths = requests.map((url) => url.pathname);
  const expected = [
    /model.*\.json$/,
    /group1-shard1of1.*\.bin$/,
    /labels.*\.json$/,
    ...(wasm ? [/tfjs-backend-wasm.*\.wasm$/] : []),
  ];
  for (const pattern of expected)
    expect(
      paths.some((p) => pattern.test(p)),
      `a request matching ${pattern} in ${paths.join(', ')}`,
    ).toBe(true);
}

test.describe.configure({ mode: 'serial' });

test('the tarball holds the library, its types, the drop-in, the model and the wasm binaries, and nothing else', async ({
  consumer,
}) => {
  const files = consumer.pack.files.map((file) => file.path).sort();
  console.log(
    `[package] ${consumer.pack.filename}: ${consumer.pack.size} bytes packed, ${consumer.pack.unpackedSize} unpacked, ${files.length} files`,
  );
  for (const file of [
    'package.json',
    'README.md',
    'LICENSE',
    'CHANGELOG.md',
    'custom-elements.json',
    'dist/lib/index.js',
    'dist/lib/index.d.ts',
    'dist/lib/define.js',
    'dist/lib/define.d.ts',
    'dist/lib/mobilenet-classifier.bundle.js',
    'dist/lib/model/model.json',
    'dist/lib/model/group1-shard1of1.bin',
    'dist/lib/model/labels.json',
    'dist/lib/model/MODEL_CARD.md',
    'dist/lib/wasm/tfjs-backend-wasm.wasm',
    'dist/lib/wasm/tfjs-backend-wasm-simd.wasm',
  ]) {
    expect(files, `${file} in the tarball`).toContain(file);
  }
  const unexpected = files.filter(
    (file) =>
      !/^(package\.json|README\.md|LICENSE|CHANGELOG\.md|custom-elements\.json|dist\/lib\/.+)$/.test(file) ||
      /\.map$|site\//.test(file),
  );
  expect(unexpected, 'files that do not belong in the package').toEqual([]);
});

test('plain HTML page built by Vite classifies the test image on the default backend', async ({ consumer, page }) => {
  const app = consumer.apps.plain;
  const { requests, pageErrors } = await openApp(page, app);
  await expectClassified(page, 'webgl');
  expectServedByApp(requests, app, false);
  // Vite copied the model into the app's own assets under hashed names: the package's files are not served from node_modules.
  expect(
    requests.some((url) => /^\/assets\/group1-shard1of1-[\w-]+\.bin$/.test(url.pathname)),
    'the shard as a hashed asset',
  ).toBe(true);
  expect(pageErrors).toEqual([]);
});

test('the same page on the app’s Vite dev server classifies with the files straight from node_modules', async ({
  consumer,
  page,
}) => {
  const app = consumer.apps['plain-dev'];
  const { requests, pageErrors } = await openApp(page, app);
  await expectClassified(page, 'webgl');
  expectServedByApp(requests, app, false);
  // Vite's dependency optimizer rewrote the package's new URL(...) to point back into the package.
  expect(
    requests.some((url) =>
      url.pathname.endsWith('/node_modules/mobilenet-classifier/dist/lib/model/group1-shard1of1.bin'),
    ),
    'the shard from the installed package',
  ).toBe(true);
  expect(pageErrors).toEqual([]);
});

test('React 19 component built by Vite sets a property, listens to the events and classifies on wasm', async ({
  consumer,
  page,
}) => {
  const app = consumer.apps.react;
  const { requests, pageErrors } = await openApp(page, app);
  await expectClassified(page, 'wasm');
  await expect(page.getByTestId('backend')).toHaveText('wasm');
  await expect(page.getByTestId('top')).toHaveText(new RegExp(`^${IMAGE.index} `));
  expectServedByApp(requests, app, true);
  expect(pageErrors).toEqual([]);
});

test('the single-file drop-in, copied beside a static page, classifies on wasm with no bundler', async ({
  consumer,
  page,
}) => {
  const app = consumer.apps['drop-in'];
  const { requests, pageErrors } = await openApp(page, app);
  await expectClassified(page, 'wasm');
  expectServedByApp(requests, app, true);
  const scripts = requests.filter((url) => url.pathname.endsWith('.js')).map((url) => url.pathname);
  expect(scripts, 'one JavaScript file').toEqual(['/mobilenet-classifier/mobilenet-classifier.bundle.js']);
  expect(pageErrors).toEqual([]);
});

test('the installed types resolve under moduleResolution bundler and nodenext', async ({ consumer }) => {
  const file = path.join(consumer.dir, 'types.ts');
  const base: ts.CompilerOptions = {
    target: ts.ScriptTarget.ES2022,
    lib: ['lib.es2022.d.ts', 'lib.dom.d.ts', 'lib.dom.iterable.d.ts'],
    types: [],
    strict: true,
    noEmit: true,
    skipLibCheck: true,
  };
  for (const [name, options] of Object.entries({
    bundler: { module: ts.ModuleKind.ESNext, moduleResolution: ts.ModuleResolutionKind.Bundler },
    nodenext: { module: ts.ModuleKind.NodeNext, moduleResolution: ts.ModuleResolutionKind.NodeNext },
  })) {
    const program = ts.createProgram([file], { ...base, ...options });
    const diagnostics = ts
      .getPreEmitDiagnostics(program)
      .map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
    expect(diagnostics, `type errors with moduleResolution ${name}`).toEqual([]);
  }
});
