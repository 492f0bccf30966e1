// The published package as a user gets it: `npm pack`, installed into a fresh app, built by that
// app's Vite (plain HTML and React 19), webpack 5, Rollup, esbuild and Next.js, and the single-file
// drop-in copied beside a static page; each page must classify a test image in Chromium with the model
// and wasm files served by the app itself. The same install imports the package in plain Node and
// type-checks the tag in React, Vue and Svelte templates.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { test as base, expect, type Page } from '@playwright/test';
import ts from 'typescript';
import { TEST_IMAGES, TEST_IMAGES_DIR } from '../e2e/fixtures';
import { exec, setUpConsumer, type AppName, type Consumer, type ServedApp } from './consumer';

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
    // npm pack builds dist/lib (~25 s), the install of every bundler takes ~1 min on a warm npm cache,
    // and the five builds ~2–3 min side by side.
    { scope: 'worker', timeout: 900_000 },
  ],
});

interface PageRecord {
  ready: { backend: string }[];
  results: { index: number; label: string }[][];
  errors: string[];
}

/** Records the element's events (they bubble and are composed) before any page script runs. */
async function openApp(
  page: Page,
  app: ServedApp,
): Promise<{ requests: URL[]; pageErrors: string[]; consoleErrors: string[] }> {
  const requests: URL[] = [];
  const pageErrors: string[] = [];
  const consoleErrors: string[] = [];
  page.on('request', (request) => requests.push(new URL(request.url())));
  page.on('pageerror', (error) => pageErrors.push(error.message));
  page.on('console', (message) => {
    // A browser may ask for /favicon.ico, which none of the apps has.
    if (message.type() === 'error' && !message.location().url.endsWith('/favicon.ico'))
      consoleErrors.push(`${message.text()} (${message.location().url})`);
  });
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
  return { requests, pageErrors, consoleErrors };
}

const record = (page: Page) => page.evaluate(() => (window as unknown as { record: PageRecord }).record);

/** Waits for the first result or error event. */
async function firstOutcome(page: Page): Promise<void> {
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
}

/** Waits for the first result and checks it; the message names what the page did instead. */
async function expectClassified(page: Page, backend: string): Promise<void> {
  await firstOutcome(page);
  expect((await record(page)).errors, 'mobilenet-error events').toEqual([]);
  const { ready, results } = await record(page);
  expect(ready, 'mobilenet-ready detail').toEqual([{ backend }]);
  expect(results[0], 'three predictions (top-k 3)').toHaveLength(3);
  expect(results[0][0].index, `top-1 of ${IMAGE.file}: ${JSON.stringify(results[0][0])}`).toBe(IMAGE.index);
  await expect(page.locator('mobilenet-classifier [part=result]')).toHaveCount(3);
  await expect(page.locator('mobilenet-classifier [part=label]').first()).toHaveText(results[0][0].label);
}

/**
 * Every request went to the app's own origin, and the model and wasm files were among them. webpack
 * names the files it copies by their hash alone, so `hashedNames` looks for their extensions instead.
 */
function expectServedByApp(requests: URL[], app: ServedApp, wasm: boolean, hashedNames = false): void {
  const origin = new URL(app.url).origin;
  expect(
    requests.filter((url) => url.origin !== origin && url.protocol !== 'data:').map(String),
    'requests to other origins',
  ).toEqual([]);
  const paths = requests.map((url) => url.pathname);
  if (hashedNames) {
    const count = (extension: string) => paths.filter((p) => p.endsWith(extension)).length;
    expect(
      [count('.json'), count('.bin'), count('.wasm')],
      `model.json and labels.json, the shard, the wasm binary in ${paths.join(', ')}`,
    ).toEqual([2, 1, wasm ? 1 : 0]);
    return;
  }
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
    'dist/lib/wasm/tfjs-backend-wasm-threaded-simd.wasm',
    'dist/lib/assets.js',
    'dist/lib/assets.d.ts',
    'dist/lib/assets-cli.js',
    'dist/frameworks/react.d.ts',
    'dist/frameworks/vue.d.ts',
    'dist/frameworks/svelte.d.ts',
  ]) {
    expect(files, `${file} in the tarball`).toContain(file);
  }
  const unexpected = files.filter(
    (file) =>
      !/^(package\.json|README\.md|LICENSE|CHANGELOG\.md|custom-elements\.json|dist\/(lib|frameworks)\/.+)$/.test(
        file,
      ) || /\.map$|site\//.test(file),
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

test('the drop-in, copied beside a static page, classifies on wasm with no bundler, fetching only what wasm needs', async ({
  consumer,
  page,
}) => {
  const app = consumer.apps['drop-in'];
  const { requests, pageErrors } = await openApp(page, app);
  await expectClassified(page, 'wasm');
  expectServedByApp(requests, app, true);
  const scripts = requests.filter((url) => url.pathname.endsWith('.js')).map((url) => url.pathname);
  // The first script, then what a wasm page needs from bundle/ beside it: no other backend, no trainer,
  // no table but English (inside the first script).
  expect(scripts[0], 'the first script').toBe('/mobilenet-classifier/mobilenet-classifier.bundle.js');
  const chunks = scripts.slice(1).map((script) => script.replace(/^\/mobilenet-classifier\/bundle\//, ''));
  expect(
    chunks.filter((chunk) => chunk.startsWith('/')),
    'scripts from elsewhere',
  ).toEqual([]);
  const names = chunks.map((chunk) => chunk.replace(/-[\w-]{8}\.js$/, ''));
  expect(names).toEqual(expect.arrayContaining(['tfjs', 'tfjs-backend-wasm', 'classifier']));
  expect(names.filter((name) => /webgl|webgpu|cpu|head-training|^(de|fr|es|ja)$/.test(name))).toEqual([]);
  // Not cross-origin isolated: no threads, no threaded binary, no worker.
  expect(await wasmThreads(page)).toEqual({ isolated: false, pthreads: false, threads: 1 });
  expect(requests.filter((url) => url.protocol === 'blob:' || /threaded/.test(url.pathname)).map(String)).toEqual([]);
  expect(page.workers(), 'workers').toEqual([]);
  expect(pageErrors).toEqual([]);
});

/** What tf.js's wasm backend runs on, read from tf.js's engine, which it keeps on `window`. */
async function wasmThreads(page: Page): Promise<{ isolated: boolean; pthreads: boolean; threads: number }> {
  return page.evaluate(() => {
    type Wasm = { wasm: { PThread?: unknown; tfjs: { getThreadsCount(): number } } };
    const wasm = (window as unknown as { _tfengine: { registry: { wasm?: Wasm } } })._tfengine.registry.wasm;
    if (!wasm) throw new Error('the wasm backend has not started');
    return {
      isolated: crossOriginIsolated,
      pthreads: 'PThread' in wasm.wasm,
      threads: wasm.wasm.tfjs.getThreadsCount(),
    };
  });
}

/**
 * tf.js runs `navigator.hardwareConcurrency / 2` threads (tfjs-backend-wasm/src/cc/backend.cc): on this
 * 2-core machine that is 1. Four logical cores, as on most laptops, make it 2.
 */
async function logicalCores(page: Page, count: number): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setHardwareConcurrencyOverride', { hardwareConcurrency: count });
}

const threadedBinary = (requests: URL[]) => requests.filter((url) => /threaded-simd.*\.wasm$/.test(url.pathname));

/**
 * Each app again, served with the two headers. tf.js's pthread workers run the text of its threaded
 * glue's factory, which a minifier that rewrites `typeof` breaks: the core checks it first, so an app
 * whose build broke it warns and runs on one thread instead of hanging.
 */
const ISOLATED: { app: AppName; threaded: boolean; build: string }[] = [
  { app: 'drop-in-isolated', threaded: true, build: 'the drop-in, minified by esbuild, which keeps typeof' },
  { app: 'esbuild-isolated', threaded: true, build: 'esbuild with no minifier' },
  { app: 'react-isolated', threaded: false, build: "Vite 8's Oxc minifier rewrites the glue's typeof guard" },
  { app: 'webpack-isolated', threaded: false, build: "webpack's terser rewrites the glue's typeof guard" },
];

for (const { app: name, threaded, build } of ISOLATED) {
  test(`${name.replace('-isolated', '')} on a cross-origin-isolated page: ${threaded ? 'wasm on 2 threads' : 'one thread and a warning'} (${build}), the right top-1`, async ({
    consumer,
    page,
  }) => {
    const warnings: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'warning' && message.text().startsWith('mobilenet-classifier: wasm runs without threads'))
        warnings.push(message.text());
    });
    await logicalCores(page, 4);
    const app = consumer.apps[name];
    const { requests, pageErrors, consoleErrors } = await openApp(page, app);
    // Before the fix every pthread worker of the drop-in threw "e is not defined" and this waited
    // forever: the test's timeout is the verdict, not a time limit on the run.
    await expectClassified(page, 'wasm');
    expect(await wasmThreads(page), 'tf.js wasm on an isolated page').toEqual(
      threaded ? { isolated: true, pthreads: true, threads: 2 } : { isolated: true, pthreads: false, threads: 1 },
    );
    expect(threadedBinary(requests), 'requests for the threaded binary').toHaveLength(threaded ? 1 : 0);
    expect(warnings, 'the warning').toEqual(
      threaded
        ? []
        : [expect.stringMatching(/threaded wasm glue does not run in a worker on this page \(ReferenceError: /)],
    );
    expect(pageErrors).toEqual([]);
    expect(consoleErrors).toEqual([]);
  });
}

test('the drop-in on an isolated page with 2 logical cores stays on one thread: no workers, no threaded binary', async ({
  consumer,
  page,
}) => {
  await logicalCores(page, 2);
  const { requests, pageErrors } = await openApp(page, consumer.apps['drop-in-isolated']);
  await expectClassified(page, 'wasm');
  // tf.js would run 2 / 2 = 1 thread: its pool of 8 workers would gain nothing.
  expect(await wasmThreads(page)).toEqual({ isolated: true, pthreads: false, threads: 1 });
  expect(threadedBinary(requests), 'requests for the threaded binary').toEqual([]);
  expect(page.workers(), 'workers').toEqual([]);
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

test('the published package.json runs nothing at install, and installing it prints nothing about it', async ({
  consumer,
}) => {
  const manifest = JSON.parse(
    await readFile(path.join(consumer.dir, 'node_modules/mobilenet-classifier/package.json'), 'utf8'),
  ) as { scripts?: Record<string, string> };
  const installScripts = ['preinstall', 'install', 'postinstall', 'prepare'].filter((name) => manifest.scripts?.[name]);
  expect(installScripts, 'install-time scripts in the published package.json').toEqual([]);
  // npm 11 lists every package with an install script it has not been allowed to run; ours must not be one.
  const ours = consumer.installOutput.split('\n').filter((line) => line.includes('mobilenet-classifier'));
  expect(ours, `lines of npm install's output naming the package:\n${consumer.installOutput}`).toEqual([]);
});

/** Runs an ES module in plain Node 20 (no DOM) in the consumer app; it prints JSON. */
async function inNode(code: string, dir: string): Promise<unknown> {
  const { stdout } = await exec(process.execPath, ['--input-type=module', '-e', code], dir);
  return JSON.parse(stdout);
}

test('both entries import in plain Node with no DOM, and define registers nothing where there is no registry', async ({
  consumer,
}) => {
  // As a server renderer does. Lit's Node build brings a stand-in registry (its SSR story), so define
  // registers the class there; tf.js and the rest of the package only touch the DOM when used.
  expect(
    await inNode(
      `const index = await import('mobilenet-classifier');
       await import('mobilenet-classifier/define');
       console.log(JSON.stringify({
         exports: ['MobilenetClassifier', 'loadClassifier', 'setWasmPath'].filter((name) => typeof index[name] === 'function'),
         document: typeof document,
         registered: globalThis.customElements?.get('mobilenet-classifier') === index.MobilenetClassifier,
       }));`,
      consumer.dir,
    ),
  ).toEqual({
    exports: ['MobilenetClassifier', 'loadClassifier', 'setWasmPath'],
    document: 'undefined',
    registered: true,
  });
  // A runtime with no customElements at all (the getter keeps Lit's stand-in out): define does nothing.
  expect(
    await inNode(
      `Object.defineProperty(globalThis, 'customElements', { get: () => undefined, set() {}, configurable: true });
       await import('mobilenet-classifier/define');
       console.log(JSON.stringify({ customElements: typeof customElements }));`,
      consumer.dir,
    ),
  ).toEqual({ customElements: 'undefined' });
});

for (const name of ['webpack', 'rollup', 'esbuild'] as const) {
  test(`${name} builds the define entry with no configuration for the package, and the page classifies on wasm`, async ({
    consumer,
    page,
  }) => {
    const app = consumer.apps[name];
    const { requests, pageErrors } = await openApp(page, app);
    await expectClassified(page, 'wasm');
    expectServedByApp(requests, app, true, name === 'webpack');
    expect(pageErrors).toEqual([]);
  });
}

test('esbuild with the files copied to /vendor/: model-url and setWasmPath() point the element there', async ({
  consumer,
  page,
}) => {
  const app = consumer.apps['esbuild-elsewhere'];
  const { requests, pageErrors } = await openApp(page, app);
  await expectClassified(page, 'wasm');
  expectServedByApp(requests, app, true);
  const fetched = requests.map((url) => url.pathname).filter((p) => /\.(json|bin|wasm)$/.test(p));
  expect(
    fetched.filter((p) => !p.startsWith('/vendor/')),
    'model and wasm files outside /vendor/',
  ).toEqual([]);
  expect(pageErrors).toEqual([]);
});

test('a package user whose model files are missing is told where they are expected and what to do', async ({
  consumer,
  page,
}) => {
  const app = consumer.apps.esbuild;
  await page.route(/\/model\/model\.json$/, (route) => route.fulfill({ status: 404, body: 'not found' }));
  await openApp(page, app);
  await firstOutcome(page);
  const [error] = (await record(page)).errors;
  expect(error).toMatch(/^load: Model file not found at http:\/\/[^ ]+\/model\/model\.json \(HTTP 404\)\./);
  expect(error).toContain('npx mobilenet-classifier-assets <folder>');
  expect(error).toContain('model-url');
  expect(error).not.toContain('npm run model');
});

test('Next.js (App Router, a client component) renders the tag on the server, hydrates and classifies', async ({
  consumer,
  page,
}) => {
  const app = consumer.apps.next;
  const response = await fetch(app.url);
  expect(response.status, 'the server-rendered page').toBe(200);
  expect(await response.text()).toMatch(/<mobilenet-classifier src="\/test-image\.jpg" top-k="3">/);
  const { requests, pageErrors, consoleErrors } = await openApp(page, app);
  await expectClassified(page, 'webgl');
  expectServedByApp(requests, app, false);
  expect(pageErrors).toEqual([]);
  // React reports a hydration mismatch on the console.
  expect(consoleErrors, 'console errors (hydration)').toEqual([]);
  expect(consumer.nextServerOutput(), 'next start printed an error').not.toMatch(/error|⨯/i);
});

/** The diagnostics' lines, as "file:line", relative to `dir`. */
function lines(entries: { file: string; line: number }[]): string[] {
  return entries.map(({ file, line }) => `${path.basename(file)}:${line}`).sort();
}

/** The line of each fixture marked `wrong:`; only those may fail to type-check. */
async function markedLines(dir: string, files: string[]): Promise<string[]> {
  const marked: { file: string; line: number }[] = [];
  for (const file of files) {
    const text = await readFile(path.join(dir, file), 'utf8');
    text.split('\n').forEach((line, index) => {
      if (line.includes('wrong:')) marked.push({ file, line: index + 1 });
    });
  }
  return lines(marked);
}

test('React 19 JSX: mobilenet-classifier/react types the tag, a wrong prop type fails', async ({ consumer }) => {
  const dir = path.join(consumer.dir, 'types-react');
  const program = ts.createProgram(
    ['ok.tsx', 'bad.tsx'].map((file) => path.join(dir, file)),
    {
      target: ts.ScriptTarget.ES2022,
      lib: ['lib.es2022.d.ts', 'lib.dom.d.ts'],
      module: ts.ModuleKind.ESNext,
      moduleResolution: ts.ModuleResolutionKind.Bundler,
      jsx: ts.JsxEmit.ReactJSX,
      types: [],
      strict: true,
      noEmit: true,
      skipLibCheck: true,
    },
  );
  const diagnostics = ts.getPreEmitDiagnostics(program);
  const found = diagnostics.map((d) => ({
    file: d.file?.fileName ?? '?',
    line: d.file && d.start !== undefined ? d.file.getLineAndCharacterOfPosition(d.start).line + 1 : 0,
  }));
  expect(lines(found), diagnostics.map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n')).join('\n')).toEqual(
    await markedLines(dir, ['ok.tsx', 'bad.tsx']),
  );
});

test('Vue 3 templates: mobilenet-classifier/vue types the tag for vue-tsc, a wrong prop type fails', async ({
  consumer,
}) => {
  const dir = path.join(consumer.dir, 'types-vue');
  const output = await exec(path.join(consumer.dir, 'node_modules/.bin/vue-tsc'), ['-p', 'tsconfig.json'], dir).then(
    () => '',
    (error: Error) => error.message,
  );
  // e.g. "bad.vue(7,26): error TS2322: Type 'string' is not assignable to type 'number'."
  const found = [...output.matchAll(/^(\S+\.vue)\((\d+),\d+\): error/gm)].map(([, file, line]) => ({
    file,
    line: Number(line),
  }));
  expect(lines(found), output).toEqual(await markedLines(dir, ['ok.vue', 'bad.vue']));
});

test('Svelte 5 templates: mobilenet-classifier/svelte types the tag for svelte-check, a wrong prop type fails', async ({
  consumer,
}) => {
  const dir = path.join(consumer.dir, 'types-svelte');
  const output = await exec(
    path.join(consumer.dir, 'node_modules/.bin/svelte-check'),
    ['--tsconfig', './tsconfig.json', '--output', 'machine'],
    dir,
  ).then(
    ({ stdout }) => stdout,
    (error: Error) => error.message,
  );
  // e.g. '1796150978058 ERROR "bad.svelte" 6:23 "Type 'string' is not assignable to type 'number'."'
  const found = [...output.matchAll(/ ERROR "([^"]+\.svelte)" (\d+):\d+/g)].map(([, file, line]) => ({
    file,
    line: Number(line),
  }));
  expect(lines(found), output).toEqual(await markedLines(dir, ['ok.svelte', 'bad.svelte']));
});
