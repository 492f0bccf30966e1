/**
 * `npm run bench [-- --quick | --smoke] [--out <file>] [--backends webgl,wasm,cpu] [--only <regex>] [--no-build]`
 *
 * Builds the benchmark page (bench/) with Vite, serves it and the model from a local server, and
 * runs each scenario in a fresh headless Chromium. Prints markdown tables and writes everything
 * to bench/results/<timestamp>.json (and .md). See docs/benchmarks.md.
 *
 * Absolute times on a machine without a GPU are not what users see; every claim is a ratio of
 * two numbers measured in the same run.
 */
import { execFileSync, execSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { chromium, type Browser, type Page } from '@playwright/test';
import { markdown, targets, type Backend, type ModelSize, type ScenarioRecord } from '../bench/report';
import { StaticServer } from '../bench/server';
import { WEBGPU_ARGS } from '../e2e/webgpu-flags';
import { buildModel } from './model/build-model';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const RESULTS = join(ROOT, 'bench/results');
const BUILD_DIR = join(RESULTS, '.build');
const F16_DIR = join(RESULTS, '.model-f16');
const F32_DIR = join(RESULTS, '.model-f32');
const ORIGINAL_DIR = join(RESULTS, '.model-f32-original');
/** The drop-in as shipped (a first script and chunks) and as one file, for the first-paint scenario. */
const DROP_IN_DIRS = { split: join(RESULTS, '.drop-in'), single: join(RESULTS, '.drop-in-single') } as const;
const SHARED = resolve(ROOT, process.env.SHARED_DIR ?? '../shared');
const MODEL_SOURCES = resolve(ROOT, process.env.MODEL_SOURCES ?? join(SHARED, 'model-sources'));
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const TFLITE_FILE = join(MODEL_SOURCES, 'mobilenet_v2_0_5_96_quant.tflite');

const USAGE = `usage: npm run bench -- [--quick | --smoke] [--out <file>] [--backends webgl,wasm,cpu] [--only <regex>] [--no-build]

  (default)   full run, about 9 minutes on an idle 2-core machine
  --quick     fewer iterations and no probes, about 2 minutes
  --smoke     a few iterations of every scenario on wasm only, to check that the benchmark runs (no timing claims)
  --out       write the JSON here instead of bench/results/<timestamp>.json
  --backends  only these tf.js backends (default webgl,wasm,cpu; wasm for --smoke)
  --no-build  reuse the last build of the bench page (bench/results/.build)
  --only <re> only the scenarios whose name matches this regular expression (e.g. 'tflite|steady:wasm')`;

type Mode = 'full' | 'quick' | 'smoke';

/** Iteration counts per mode. WebGL and cpu cost ~50 ms an image here, wasm ~5 ms, hence two columns. */
const PLANS = {
  full: {
    slow: { warmup: 8, iterations: 40, batch8: 12, photo: 10 },
    fast: { warmup: 20, iterations: 200, batch8: 60, photo: 30 },
    throughput: 200,
    frames: 1000,
    longTaskSeconds: 30,
    longTaskProbeSeconds: 10,
    decode: 10,
    batchFiles: 1000,
    firstPaintRounds: 5,
  },
  quick: {
    slow: { warmup: 3, iterations: 10, batch8: 4, photo: 3 },
    fast: { warmup: 10, iterations: 60, batch8: 20, photo: 10 },
    throughput: 16,
    frames: 60,
    longTaskSeconds: 5,
    longTaskProbeSeconds: 2,
    decode: 3,
    batchFiles: 200,
    firstPaintRounds: 2,
  },
  smoke: {
    slow: { warmup: 1, iterations: 2, batch8: 1, photo: 1 },
    fast: { warmup: 1, iterations: 2, batch8: 1, photo: 1 },
    throughput: 8,
    frames: 3,
    longTaskSeconds: 1,
    longTaskProbeSeconds: 1,
    decode: 1,
    batchFiles: 48,
    firstPaintRounds: 1,
  },
} as const;

const LAUNCH_ARGS = [
  // As in playwright.config.ts: this machine's closed network refuses Google's services.
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  // Exact performance.memory values, and gc() for a heap reading after collection.
  '--enable-precise-memory-info',
  '--js-flags=--expose-gc',
  // Nothing in the benchmark may be throttled as a background page.
  '--disable-background-timer-throttling',
  '--disable-renderer-backgrounding',
];
const CAMERA_ARGS = ['--use-fake-ui-for-media-stream', '--use-fake-device-for-media-stream'];
/** measureUserAgentSpecificMemory() otherwise answers only after some later garbage collection, up to ~20 s. */
const EAGER_MEMORY_ARGS = ['--enable-blink-features=ForceEagerMeasureMemory'];

interface Context {
  origin: string;
  /** Browsers now open: a scenario that times out closes them. */
  browsers: Set<Browser>;
  /** `bench:` console messages of the current scenario's page: where a hung page got to. */
  progress: string[];
  only?: RegExp;
  server: StaticServer;
  scenarios: Record<string, ScenarioRecord>;
}

async function withPage<T>(
  ctx: Context,
  options: { coi?: boolean; camera?: boolean; args?: string[]; logicalCores?: number },
  run: (page: Page, browser: Browser) => Promise<T>,
): Promise<{ value: T; pageErrors: string[] }> {
  const args = [...LAUNCH_ARGS, ...(options.camera ? CAMERA_ARGS : []), ...(options.args ?? [])];
  const browser = await launch(ctx, args);
  const pageErrors: string[] = [];
  try {
    const context = await browser.newContext();
    const page = await context.newPage();
    if (options.logicalCores) {
      const cdp = await context.newCDPSession(page);
      await cdp.send('Emulation.setHardwareConcurrencyOverride', { hardwareConcurrency: options.logicalCores });
    }
    page.on('pageerror', (error) => pageErrors.push(String(error)));
    page.on('console', (message) => {
      if (message.type() === 'error') pageErrors.push(`console.error: ${message.text()}`);
      if (message.text().startsWith('bench:')) ctx.progress.push(message.text());
    });
    await openBench(ctx, page, options.coi);
    return { value: await run(page, browser), pageErrors };
  } finally {
    await browser.close();
  }
}

async function launch(ctx: Context, args: string[]): Promise<Browser> {
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args });
  ctx.browsers.add(browser);
  browser.on('disconnected', () => ctx.browsers.delete(browser));
  return browser;
}

async function openBench(ctx: Context, page: Page, coi = false): Promise<void> {
  await page.goto(`${ctx.origin}/index.html${coi ? '?coi=1' : ''}`);
  await page.waitForFunction(() => document.body.dataset.ready === 'true', undefined, { timeout: 60_000 });
}

/** Share of all cores busy over `ms`, from /proc/stat: what the machine does while no benchmark browser runs. */
async function cpuBusy(ms: number): Promise<number | undefined> {
  const sample = () => {
    const fields = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1).map(Number);
    const idle = fields[3] + (fields[4] ?? 0);
    return { idle, total: fields.reduce((a, b) => a + b, 0) };
  };
  try {
    const a = sample();
    await new Promise((r) => setTimeout(r, ms));
    const b = sample();
    return Math.round((1 - (b.idle - a.idle) / Math.max(1, b.total - a.total)) * 1000) / 1000;
  } catch {
    return undefined;
  }
}

/** Runs one scenario and records its result or error; never throws. */
async function scenario(
  ctx: Context,
  name: string,
  run: () => Promise<{ value: unknown; pageErrors: string[] }>,
  timeoutMs = 300_000,
): Promise<void> {
  if (ctx.only && !ctx.only.test(name)) return;
  const idleCpuBusy = await cpuBusy(300);
  ctx.progress = [];
  const before = loadavg().map((x) => Math.round(x * 100) / 100);
  const started = performance.now();
  process.stderr.write(`  ${name.padEnd(28)} `);
  let timer: NodeJS.Timeout | undefined;
  try {
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`timed out after ${timeoutMs / 1000} s`)), timeoutMs);
    });
    const { value, pageErrors } = await Promise.race([run(), timeout]);
    ctx.scenarios[name] = {
      wallMs: performance.now() - started,
      loadavg: { before, after: loadavg() },
      cpuBusyBefore: idleCpuBusy,
      result: value,
      ...(pageErrors.length ? { pageErrors } : {}),
    };
    process.stderr.write(`${((performance.now() - started) / 1000).toFixed(1)} s\n`);
  } catch (error) {
    const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
    ctx.scenarios[name] = {
      wallMs: performance.now() - started,
      loadavg: { before, after: loadavg() },
      cpuBusyBefore: idleCpuBusy,
      error: message,
      ...(ctx.progress.length ? { progress: [...ctx.progress] } : {}),
    };
    // A hung page keeps its browser (and this process) alive: close what is open.
    await Promise.all([...ctx.browsers].map((browser) => browser.close().catch(() => {})));
    process.stderr.write(`FAILED: ${message.split('\n')[0]}\n`);
  } finally {
    clearTimeout(timer);
  }
}

/** Calls window.bench[fn](arg) in the page. */
function call(page: Page, fn: string, arg: unknown): Promise<unknown> {
  return page.evaluate(
    ([fn, arg]) =>
      (window as unknown as { bench: Record<string, (a: unknown) => Promise<unknown>> }).bench[fn as string](arg),
    [fn, arg] as const,
  );
}

function modelSize(dir: string): ModelSize {
  const modelJson = JSON.parse(readFileSync(join(dir, 'model.json'), 'utf8')) as {
    weightsManifest: { paths: string[] }[];
  };
  const names = ['model.json', ...modelJson.weightsManifest.flatMap((g) => g.paths), 'labels.json'];
  const files: Record<string, number> = {};
  let gzipBytes = 0;
  let jsonGzipBytes = 0;
  for (const name of names) {
    const data = readFileSync(join(dir, name));
    const gzipped = gzipSync(data, { level: 9 }).byteLength;
    files[name] = data.byteLength;
    gzipBytes += gzipped;
    jsonGzipBytes += name.endsWith('.json') ? gzipped : data.byteLength;
  }
  return {
    dir: relative(ROOT, dir),
    files,
    downloadBytes: Object.values(files).reduce((a, b) => a + b, 0),
    gzipBytes,
    jsonGzipBytes,
  };
}

function machine() {
  let topProcesses: string[] = [];
  try {
    topProcesses = execSync('ps -eo pcpu,etime,comm --sort=-pcpu | head -6', { encoding: 'utf8' }).trim().split('\n');
  } catch {
    // ps missing: not essential.
  }
  return {
    cpuModel: cpus()[0]?.model,
    cpus: cpus().length,
    memoryGiB: Math.round((totalmem() / 2 ** 30) * 10) / 10,
    loadavg: loadavg(),
    topProcesses,
  };
}

function git(): { commit?: string; dirty?: boolean } {
  try {
    const commit = execFileSync('git', ['rev-parse', 'HEAD'], { cwd: ROOT, encoding: 'utf8' }).trim();
    const dirty =
      execFileSync('git', ['status', '--porcelain', '--', 'src'], { cwd: ROOT, encoding: 'utf8' }).trim() !== '';
    return { commit, dirty };
  } catch {
    return {};
  }
}

async function main(argv: string[]): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        quick: { type: 'boolean', default: false },
        smoke: { type: 'boolean', default: false },
        out: { type: 'string' },
        backends: { type: 'string' },
        'no-build': { type: 'boolean', default: false },
        only: { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    console.error(`error: ${(error as Error).message}\n\n${USAGE}`);
    return 2;
  }
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const mode: Mode = values.smoke ? 'smoke' : values.quick ? 'quick' : 'full';
  // The smoke run checks that every scenario runs, on the backend that starts fastest.
  const backends = (values.backends ?? (mode === 'smoke' ? 'wasm' : 'webgl,wasm,cpu'))
    .split(',')
    .map((b) => b.trim()) as Backend[];
  const unknown = backends.filter((b) => !['webgl', 'wasm', 'cpu'].includes(b));
  if (unknown.length) {
    console.error(`error: unknown backend ${unknown.join(', ')}\n\n${USAGE}`);
    return 2;
  }
  const plan = PLANS[mode];
  const startedAt = new Date();
  const loadAtStart = loadavg();
  mkdirSync(RESULTS, { recursive: true });

  // 1. The page, built as the app ships (minified), and the float16 model.
  if (!values['no-build']) {
    process.stderr.write('bench: building the bench page (vite build bench/)\n');
    const { build } = await import('vite');
    await build({ configFile: join(ROOT, 'bench/vite.config.ts'), logLevel: 'warn', build: { outDir: BUILD_DIR } });
  } else if (!existsDir(BUILD_DIR)) {
    console.error(`error: --no-build, but ${relative(ROOT, BUILD_DIR)} does not exist`);
    return 1;
  }
  // Both precisions, and the float32 model with the TF-Hub graph's nodes unfused, whatever the app's default is.
  for (const [dir, options] of [
    [F32_DIR, { backbone: 'float32' }],
    [F16_DIR, { backbone: 'float16' }],
    [ORIGINAL_DIR, { backbone: 'float32', graph: 'original' }],
  ] as const) {
    const built = await buildModel({ sources: MODEL_SOURCES, out: dir, ifStale: true, ...options });
    process.stderr.write(
      `bench: model variant in ${relative(ROOT, dir)} (${built.skipped ? 'up to date' : 'built'})\n`,
    );
  }
  const sizes = { float32: modelSize(F32_DIR), float16: modelSize(F16_DIR) };
  const firstPaintWanted = !values.only || new RegExp(values.only).test('first-paint');
  if (firstPaintWanted && !values['no-build']) {
    for (const [variant, dir] of Object.entries(DROP_IN_DIRS)) {
      process.stderr.write(`bench: building the drop-in (${variant}) into ${relative(ROOT, dir)}\n`);
      const flags = variant === 'single' ? ['--single-file'] : [];
      execFileSync('npx', ['tsx', 'scripts/build/lib.ts', '--drop-in', dir, ...flags], { cwd: ROOT, stdio: 'ignore' });
      writeFileSync(join(dir, 'first-paint.html'), FIRST_PAINT_PAGE);
    }
  }

  // 2. One server for everything, on a free port.
  const server = new StaticServer([
    { prefix: '/model/', path: join(ROOT, 'public/model') },
    { prefix: '/model-f16/', path: F16_DIR },
    { prefix: '/model-f32/', path: F32_DIR },
    { prefix: '/model-f32-original/', path: ORIGINAL_DIR },
    { prefix: '/shared/test-images/', path: join(SHARED, 'test-images') },
    { prefix: '/tflite/model.tflite', path: TFLITE_FILE, file: true },
    { prefix: '/tflite-wasm/', path: join(ROOT, 'node_modules/@tensorflow/tfjs-tflite/wasm') },
    { prefix: '/litert-wasm/', path: join(ROOT, 'node_modules/@litertjs/core/wasm') },
    // Compressed, as a static host sends them: the first-paint scenario counts what crosses the network.
    { prefix: '/drop-in/', path: DROP_IN_DIRS.split, gzip: true },
    { prefix: '/drop-in-single/', path: DROP_IN_DIRS.single, gzip: true },
    { prefix: '/', path: BUILD_DIR },
  ]);
  const origin = await server.start();
  const ctx: Context = {
    origin,
    server,
    scenarios: {},
    browsers: new Set(),
    progress: [],
    ...(values.only ? { only: new RegExp(values.only) } : {}),
  };
  const browserVersion = await (async () => {
    const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: LAUNCH_ARGS });
    try {
      return browser.version();
    } finally {
      await browser.close();
    }
  })();
  process.stderr.write(
    `bench: ${mode} run, Chromium ${browserVersion}, ${origin}, load average ${loadavg()
      .map((x) => x.toFixed(2))
      .join(' ')}\n`,
  );

  const modelUrl = '/model/model.json';
  const countsFor = (backend: Backend) => (backend === 'wasm' ? plan.fast : plan.slow);
  try {
    // Cold: a fresh browser per measurement, so no shader or HTTP cache is shared.
    for (const backend of backends) {
      await scenario(ctx, `cold-raw:${backend}`, () =>
        withPage(ctx, {}, (page) => call(page, 'coldRaw', { backend, modelUrl })),
      );
      await scenario(ctx, `cold-core:${backend}`, () =>
        withPage(ctx, {}, (page) => call(page, 'coldCore', { backend, modelUrl })),
      );
    }
    // WebGL's first execute with the shaders compiled in parallel (KHR_parallel_shader_compile), as the core warms up.
    if (backends.includes('webgl')) {
      await scenario(ctx, 'cold-raw-parallel:webgl', () =>
        withPage(ctx, {}, (page) => call(page, 'coldRaw', { backend: 'webgl', modelUrl, parallelCompile: true })),
      );
    }
    for (const backend of backends) {
      const c = countsFor(backend);
      // Cross-origin isolated for 5 µs performance.now() (100 µs otherwise); the core runs wasm without threads either way.
      await scenario(
        ctx,
        `steady:${backend}`,
        () =>
          withPage(ctx, { coi: true }, (page) =>
            call(page, 'steady', {
              backend,
              modelUrl,
              warmup: c.warmup,
              iterations: c.iterations,
              batch8Iterations: c.batch8,
              photoIterations: c.photo,
              throughputImages: plan.throughput,
            }),
          ),
        900_000,
      );
    }
    // Phone photos as files (issue 14): cpu would only repeat wasm's decode at ten times the model cost.
    for (const backend of backends.filter((b) => b !== 'cpu')) {
      const c = countsFor(backend);
      await scenario(ctx, `photo:${backend}`, () =>
        withPage(ctx, {}, (page) =>
          call(page, 'phonePhoto', { backend, modelUrl, warmup: Math.min(c.warmup, 3), iterations: c.photo }),
        ),
      );
    }
    if (backends.includes('wasm')) {
      // The core's own threads: an isolated page, where the core starts tf.js's threaded build. tf.js runs
      // half the logical cores (tfjs-backend-wasm/src/cc/backend.cc): this 2-core machine would get one
      // thread, so the page is told it has 4, for 2 threads on the 2 real cores.
      await scenario(
        ctx,
        'wasm-threads',
        () =>
          withPage(ctx, { coi: true, logicalCores: 4 }, (page) =>
            call(page, 'wasmWithThreads', { modelUrl, warmup: plan.fast.warmup, iterations: plan.fast.iterations }),
          ),
        // It starts within seconds or, as before the fix of the minified glue, never: a verdict, not a guess.
        120_000,
      );
    }
    if (backends.includes('wasm')) {
      // Target 5's floor: where the fixed time of a batch-1 run goes (converter, engine, kernels).
      await scenario(ctx, 'floor:wasm', () =>
        withPage(ctx, { coi: true }, (page) =>
          // Three times the usual rounds: the differences sought are tenths of a millisecond.
          call(page, 'wasmFloor', { modelUrl, warmup: plan.fast.warmup, iterations: 3 * plan.fast.iterations }),
        ),
      );
    }
    const tfliteArgs = {
      tfliteUrl: '/tflite/model.tflite',
      wasmPath: '/tflite-wasm/',
      warmup: plan.fast.warmup,
      iterations: plan.fast.iterations,
    };
    // What each runtime downloads, counted by the server (its wasm, glue and the tflite).
    const withBytes = async (prefixes: string[], run: () => Promise<{ value: unknown; pageErrors: string[] }>) => {
      ctx.server.resetLog();
      const { value, pageErrors } = await run();
      const requests = ctx.server.log.filter((r) => prefixes.some((p) => r.path.startsWith(p)));
      return {
        value: { ...(value as object), downloadBytes: requests.reduce((a, r) => a + r.bytes, 0), requests },
        pageErrors,
      };
    };
    await scenario(ctx, 'tflite', () =>
      withBytes(['/tflite'], () => withPage(ctx, {}, (page) => call(page, 'tfliteRuntime', tfliteArgs))),
    );
    // Google's current web runtime on the same tflite, beside tfjs-tflite.
    await scenario(ctx, 'litert', () =>
      withBytes(['/litert-wasm/', '/tflite/'], () =>
        withPage(ctx, {}, (page) => call(page, 'litertRuntime', { ...tfliteArgs, wasmPath: '/litert-wasm/' })),
      ),
    );
    // Threads need a cross-origin-isolated page (COOP + COEP), which most sites are not.
    for (const numThreads of mode === 'full' ? [1, 2] : []) {
      await scenario(ctx, `tflite-isolated-${numThreads}-thread${numThreads > 1 ? 's' : ''}`, () =>
        withPage(ctx, { coi: true }, (page) => call(page, 'tfliteRuntime', { ...tfliteArgs, numThreads })),
      );
    }
    // The graph rewrite alone: same weights, fused depthwise + bias + Relu6 nodes against the TF-Hub graph's.
    for (const backend of backends) {
      const { warmup, iterations } = countsFor(backend);
      await scenario(ctx, `graph:${backend}`, () =>
        withPage(ctx, {}, (page) =>
          call(page, 'compareGraphs', {
            backend,
            fusedUrl: '/model-f32/model.json',
            originalUrl: '/model-f32-original/model.json',
            warmup,
            iterations,
          }),
        ),
      );
    }
    await scenario(ctx, 'float16', () =>
      withPage(ctx, {}, (page) =>
        call(page, 'compareModels', {
          backend: backends.includes('wasm') ? 'wasm' : backends[0],
          referenceUrl: '/model-f32/model.json',
          candidateUrl: '/model-f16/model.json',
        }),
      ),
    );
    for (const backend of backends) {
      await scenario(
        ctx,
        `memory:${backend}`,
        () =>
          withPage(ctx, { coi: true, args: EAGER_MEMORY_ARGS }, (page) =>
            call(page, 'memoryAfterFrames', {
              backend,
              modelUrl,
              frames: plan.frames,
              uaMemoryTimeoutMs: mode === 'smoke' ? 5000 : 30_000,
            }),
          ),
        900_000,
      );
    }
    // 30 s for what ships (wasm, the auto choice), the default backend (webgl) and the naive baseline;
    // shorter probes for cpu and for an asynchronous read-back on WebGL. Each backend's worker trial
    // (the core in a Worker, frames transferred as ImageBitmaps) runs right after its main-thread
    // pipeline, so that the two see the same machine load as nearly as separate browsers can.
    const naiveBackend: Backend = backends.includes('webgl') ? 'webgl' : backends[0];
    // The control classifies nothing: what the frame loop alone and the machine's other load cost the
    // main thread (on a busy machine any task can pass 50 ms).
    // workerVideoFrame transfers a VideoFrame instead of a bitmap copy: a shorter probe, not on cpu.
    const live: {
      pipeline: 'ours' | 'worker' | 'workerVideoFrame' | 'naive' | 'asyncReadback' | 'control';
      backend: Backend | 'none';
      seconds: number;
    }[] = [
      { pipeline: 'control', backend: 'none', seconds: plan.longTaskProbeSeconds },
      ...backends.flatMap((backend) => [
        ...(['ours', 'worker'] as const).map((pipeline) => ({
          pipeline,
          backend,
          seconds: backend === 'cpu' ? plan.longTaskProbeSeconds : plan.longTaskSeconds,
        })),
        ...(backend === 'cpu'
          ? []
          : [{ pipeline: 'workerVideoFrame' as const, backend, seconds: plan.longTaskProbeSeconds }]),
      ]),
      { pipeline: 'naive', backend: naiveBackend, seconds: plan.longTaskSeconds },
      ...(backends.includes('webgl')
        ? [{ pipeline: 'asyncReadback' as const, backend: 'webgl' as const, seconds: plan.longTaskProbeSeconds }]
        : []),
    ];
    for (const { pipeline, backend, seconds } of live) {
      await scenario(ctx, `longtasks:${pipeline}:${backend}`, () =>
        withPage(ctx, { camera: true }, (page) => call(page, 'longTasks', { backend, modelUrl, seconds, pipeline })),
      );
    }
    // Software WebGPU here runs ~100× slower than wasm: a few rounds say enough.
    await scenario(ctx, 'webgpu', () =>
      withPage(ctx, { args: WEBGPU_ARGS }, (page) =>
        call(page, 'webgpuTrial', { modelUrl, warmup: 1, iterations: Math.min(5, plan.slow.iterations) }),
      ),
    );
    for (const variant of ['wasm', 'auto']) {
      await scenario(ctx, `second-visit:${variant}`, () => twoVisits(ctx, variant, modelUrl));
    }
    await scenario(ctx, 'auto', () => withPage(ctx, {}, (page) => call(page, 'autoBackend', { modelUrl })));
    await scenario(ctx, 'explain:wasm', () =>
      withPage(ctx, {}, (page) =>
        call(page, 'explainCost', {
          modelUrl,
          backend: 'wasm',
          warmup: plan.fast.warmup,
          iterations: plan.fast.iterations,
        }),
      ),
    );
    await scenario(ctx, 'batch-list:wasm', () =>
      withPage(ctx, {}, (page) => call(page, 'batchList', { modelUrl, backend: 'wasm', files: plan.batchFiles })),
    );
    await scenario(ctx, 'first-paint', () => firstPaint(ctx, plan.firstPaintRounds));
    await scenario(ctx, 'decode-12mp', () =>
      withPage(ctx, {}, (page) => call(page, 'decodeCost', { width: 4000, height: 3000, iterations: plan.decode })),
    );
  } finally {
    await server.stop();
  }

  const finishedAt = new Date();
  const options = { mode, backends, ...plan };
  const targetList = targets(ctx.scenarios, sizes);
  const env = ctx.scenarios[`cold-core:${backends[0]}`]?.result?.env;
  const run = {
    schema: 1,
    startedAt: startedAt.toISOString(),
    finishedAt: finishedAt.toISOString(),
    durationS: (finishedAt.getTime() - startedAt.getTime()) / 1000,
    mode,
    git: git(),
    machine: { ...machine(), loadavgAtStart: loadAtStart, loadavgAtEnd: loadavg() },
    chromium: browserVersion,
    node: process.version,
    page: env,
    options,
    sizes,
    targets: targetList,
    scenarios: ctx.scenarios,
  };
  const report = markdown({
    scenarios: ctx.scenarios,
    sizes,
    options: { frames: plan.frames, throughputImages: plan.throughput },
    targets: targetList,
  });
  const busy = Object.values(ctx.scenarios)
    .map((sc) => sc.cpuBusyBefore)
    .filter((x): x is number => x !== undefined)
    .sort((a, b) => a - b);
  const busyLine = busy.length
    ? `Other work on the machine (CPU busy in the 300 ms before each scenario's browser started): median ${(busy[Math.floor(busy.length / 2)] * 100).toFixed(0)}%, max ${(busy[busy.length - 1] * 100).toFixed(0)}%` +
      (busy[Math.floor(busy.length / 2)] > 0.2
        ? ' — **the machine was busy: absolute times are inflated; same-page ratios less so.**'
        : '.')
    : '';
  const header =
    `## ${mode} run, ${startedAt.toISOString()}\n\n` +
    `Chromium ${browserVersion} headless, ${machine().cpus} × ${machine().cpuModel}, WebGL renderer: ${env?.webglRenderer ?? '?'}; ` +
    `load average ${loadAtStart.map((x) => x.toFixed(2)).join(' ')} at start, ${loadavg()
      .map((x) => x.toFixed(2))
      .join(' ')} at the end; ${run.durationS.toFixed(0)} s.\n` +
    `${busyLine}\n`;
  console.log(`\n${header}\n${report}\n`);

  const stamp = startedAt.toISOString().replace(/[:.]/g, '-');
  const jsonPath = values.out ? resolve(values.out) : join(RESULTS, `${stamp}.json`);
  mkdirSync(dirname(jsonPath), { recursive: true });
  writeFileSync(jsonPath, `${JSON.stringify(run, null, 2)}\n`);
  writeFileSync(jsonPath.replace(/\.json$/, '') + '.md', `${header}\n${report}\n`);
  // A probe tries something the core does not do; its failure is a finding, not a broken benchmark.
  const failures = Object.entries(ctx.scenarios).filter(([name, s]) => s.error && !name.startsWith('probe:'));
  console.log(
    `bench: wrote ${relative(process.cwd(), jsonPath)}${failures.length ? `; ${failures.length} scenario(s) failed: ${failures.map(([n]) => n).join(', ')}` : ''}`,
  );
  return failures.length ? 1 : 0;
}

function existsDir(path: string): boolean {
  try {
    return statSync(path).isDirectory() && readdirSync(path).length > 0;
  } catch {
    return false;
  }
}

/** Two visits of the element in one browser profile; the server counts what each visit downloaded. */
async function twoVisits(ctx: Context, backend: string, modelUrl: string) {
  const browser = await launch(ctx, LAUNCH_ARGS);
  const pageErrors: string[] = [];
  try {
    const context = await browser.newContext();
    const visits = [];
    for (let i = 0; i < 2; i++) {
      const page = await context.newPage();
      page.on('pageerror', (error) => pageErrors.push(String(error)));
      ctx.server.resetLog();
      await openBench(ctx, page);
      const result = (await call(page, 'elementFirstResult', {
        backend,
        modelUrl,
        src: '/shared/test-images/n07745940_strawberry.jpg',
      })) as { ms: number };
      const log = [...ctx.server.log];
      const modelRequests = log.filter((r) => r.path.startsWith('/model/'));
      visits.push({
        page: result,
        modelBytes: modelRequests.reduce((a, r) => a + r.bytes, 0),
        allBytes: log.reduce((a, r) => a + r.bytes, 0),
        modelRequests,
        requests: log.length,
      });
      await page.close();
    }
    return { value: { backend, visits }, pageErrors };
  } finally {
    await browser.close();
  }
}

/**
 * The first-paint page: the drop-in on wasm, given a photo as soon as it is defined. It records, from
 * navigation start, when the element was defined, painted (its first render and the frame after it, and
 * the page's first contentful paint, which is the element's), ready, and showed the photo's result.
 */
const FIRST_PAINT_PAGE = `<!doctype html>
<html lang="en">
  <head><meta charset="utf-8" /><title>first paint</title></head>
  <body>
    <mobilenet-classifier backend="wasm"></mobilenet-classifier>
    <script type="module">
      const times = {};
      const element = document.querySelector('mobilenet-classifier');
      element.addEventListener('mobilenet-ready', () => (times.ready = performance.now()), { once: true });
      import('./mobilenet-classifier.bundle.js');
      await customElements.whenDefined('mobilenet-classifier');
      times.defined = performance.now();
      const result = element.classify('/shared/test-images/n07745940_strawberry.jpg');
      await element.updateComplete;
      await new Promise(requestAnimationFrame);
      times.painted = performance.now();
      try {
        times.top1 = (await result).predictions[0].index;
        times.firstResult = performance.now();
      } catch (error) {
        times.error = String(error);
      }
      times.fcp = performance.getEntriesByName('first-contentful-paint')[0]?.startTime;
      window.firstPaint = times;
    </script>
  </body>
</html>
`;

/**
 * Lighthouse's mobile preset ("Slow 4G": 150 ms round trip, 1.6 Mbit/s down, 750 kbit/s up), with the
 * factors Lighthouse applies when DevTools throttles the network (3.75 × the latency, 0.9 × the
 * throughput): lighthouse core/config/constants.js, `throttling.mobileSlow4G`.
 */
const SLOW_4G = {
  offline: false,
  latency: 150 * 3.75,
  downloadThroughput: (1.6 * 1024 * 1024 * 0.9) / 8,
  uploadThroughput: (750 * 1024 * 0.9) / 8,
};

/**
 * Target 4: the drop-in as shipped against the same code in one file, each visit in a fresh browser,
 * the two alternating, on the local server and on an emulated 4G network. Also the JS each visit
 * fetched, compressed, as the server sent it.
 */
async function firstPaint(ctx: Context, rounds: number) {
  const pageErrors: string[] = [];
  const visits: Record<string, Record<string, Record<string, number | string | undefined>[]>> = {};
  for (const network of ['local', 'slow-4g'] as const) {
    for (let round = 0; round < rounds; round++) {
      const order = round % 2 ? (['single', 'split'] as const) : (['split', 'single'] as const);
      for (const variant of order) {
        const browser = await launch(ctx, LAUNCH_ARGS);
        try {
          const page = await browser.newPage();
          page.on('pageerror', (error) => pageErrors.push(String(error)));
          if (network === 'slow-4g') {
            const cdp = await page.context().newCDPSession(page);
            await cdp.send('Network.enable');
            await cdp.send('Network.emulateNetworkConditions', SLOW_4G);
          }
          ctx.server.resetLog();
          await page.goto(`${ctx.origin}/${variant === 'split' ? 'drop-in' : 'drop-in-single'}/first-paint.html`);
          await page.waitForFunction(() => 'firstPaint' in window, undefined, { timeout: 240_000 });
          const times = (await page.evaluate(() => (window as unknown as { firstPaint: object }).firstPaint)) as Record<
            string,
            number | string | undefined
          >;
          const scripts = ctx.server.log.filter((r) => r.path.endsWith('.js'));
          times.jsGzipBytes = scripts.reduce((sum, r) => sum + r.bytes, 0);
          times.jsFiles = scripts.length;
          times.firstScriptGzipBytes = scripts.find((r) => r.path.endsWith('/mobilenet-classifier.bundle.js'))?.bytes;
          ((visits[network] ??= {})[variant] ??= []).push(times);
        } finally {
          await browser.close();
        }
      }
    }
  }
  return { value: { rounds, network: { 'slow-4g': SLOW_4G }, firstScript: firstScriptBytes(), visits }, pageErrors };
}

/** The drop-in's first script gzipped (gzip -9), alone and with the chunks it imports statically. */
function firstScriptBytes(): { entryGzipBytes: number; withImportsGzipBytes: number; imports: string[] } {
  const gzipped = (file: string) => gzipSync(readFileSync(join(DROP_IN_DIRS.split, file)), { level: 9 }).byteLength;
  const entry = 'mobilenet-classifier.bundle.js';
  const code = readFileSync(join(DROP_IN_DIRS.split, entry), 'utf8');
  // Its static imports open the file: `import { a as b } from "./bundle/x.js";` or `import "./bundle/x.js";`.
  const imports = [...code.matchAll(/^import\s*(?:[^;'"]*?from\s*)?"\.\/([^"]+)";?$/gm)].map((match) => match[1]!);
  const entryGzipBytes = gzipped(entry);
  return {
    entryGzipBytes,
    withImportsGzipBytes: imports.reduce((sum, file) => sum + gzipped(file), entryGzipBytes),
    imports,
  };
}

process.exitCode = await main(process.argv.slice(2));
