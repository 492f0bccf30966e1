/**
 * The benchmark page. scripts/bench.ts opens it in a fresh Chromium for each scenario and calls
 * one `window.bench.*` function, which returns plain JSON.
 *
 * Every timed comparison runs in the same page, interleaved (A, B, C, then B, C, A…), so that a
 * change of machine load hits all variants alike: the ratios are what counts, not the absolute ms.
 */
import * as tf from '@tensorflow/tfjs-core';
import { GraphModel, loadGraphModel } from '@tensorflow/tfjs-converter';
import { loadClassifier, readAutoBackendChoice, type Backend, type Classifier } from '../src/model';
import { compileModel, startBackend } from '../src/model/backend';
import { setWasmThreads } from '../src/model/wasm-settings';
import { toModelInput, toModelPixels } from '../src/model/preprocess';
import { naiveClassify, topKOfScores } from './naive';
import { pairedOverhead, stats, timeInterleaved, timeOnce, type Stats } from './timing';
import type { ClassifyReply, WorkerReply, WorkerRequest } from './worker';

/** The picture used for every single-image measurement: the same strawberry the camera tests use. */
const FRAME_IMAGE = 'n07745940_strawberry.jpg';
const IMAGES_URL = '/shared/test-images/';

interface TestImage {
  file: string;
  index: number;
}

interface Loaded {
  file: string;
  index: number;
  bitmap: ImageBitmap;
}

async function loadTestImages(): Promise<Loaded[]> {
  const list = (await (await fetch(`${IMAGES_URL}labels.json`)).json()) as TestImage[];
  list.sort((a, b) => a.file.localeCompare(b.file));
  return Promise.all(
    list.map(async ({ file, index }) => {
      const blob = await (await fetch(IMAGES_URL + file)).blob();
      return { file, index, bitmap: await createImageBitmap(blob, { imageOrientation: 'from-image' }) };
    }),
  );
}

async function loadTestImage(file: string): Promise<ImageBitmap> {
  const blob = await (await fetch(IMAGES_URL + file)).blob();
  return createImageBitmap(blob, { imageOrientation: 'from-image' });
}

/** A `width`×`height` canvas with `image` scaled to cover it, centred: a video frame or a photo. */
function drawnCanvas(image: ImageBitmap, width: number, height: number): HTMLCanvasElement {
  const canvas = Object.assign(document.createElement('canvas'), { width, height });
  const context = canvas.getContext('2d');
  if (!context) throw new Error('no 2D canvas');
  const scale = Math.max(width / image.width, height / image.height);
  const w = image.width * scale;
  const h = image.height * scale;
  context.drawImage(image, (width - w) / 2, (height - h) / 2, w, h);
  return canvas;
}

/** [n, 96, 96, 3] in [0, 1], prepared by the core's own crop and resize. */
async function inputBatch(images: ImageBitmap[]): Promise<tf.Tensor4D> {
  const size = 96 * 96 * 3;
  const data = new Float32Array(images.length * size);
  for (let i = 0; i < images.length; i++) {
    toModelInput(await toModelPixels(images[i]), data.subarray(i * size, (i + 1) * size));
  }
  return tf.tensor4d(data, [images.length, 96, 96, 3]);
}

async function bare(model: GraphModel, input: tf.Tensor): Promise<void> {
  const logits = model.execute({ images: input }, 'logits') as tf.Tensor;
  try {
    await logits.data();
  } finally {
    logits.dispose();
  }
}

function bareSync(model: GraphModel, input: tf.Tensor): void {
  const logits = model.execute({ images: input }, 'logits') as tf.Tensor;
  logits.dataSync();
  logits.dispose();
}

/** Fetch window of the model files, from Resource Timing. */
function modelFetchMs(modelUrl: string): { fetchMs: number; files: number; transferBytes: number } | undefined {
  const base = new URL(modelUrl, location.href).href.replace(/[^/]*$/, '');
  const entries = (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).filter(
    (e) => e.name.startsWith(base) && !e.name.endsWith('labels.json'),
  );
  if (entries.length === 0) return undefined;
  const start = Math.min(...entries.map((e) => e.fetchStart));
  const end = Math.max(...entries.map((e) => e.responseEnd));
  return {
    fetchMs: end - start,
    files: entries.length,
    transferBytes: entries.reduce((s, e) => s + e.transferSize, 0),
  };
}

function memory(): { numTensors: number; numBytes: number; numDataBuffers: number } {
  const { numTensors, numBytes, numDataBuffers } = tf.memory();
  return { numTensors, numBytes, numDataBuffers };
}

type ChromeMemory = { usedJSHeapSize: number; totalJSHeapSize: number };

async function jsHeap(): Promise<{ usedJSHeapSize: number; totalJSHeapSize: number } | undefined> {
  const gc = (globalThis as { gc?: () => void }).gc;
  // Twice: the first collection can leave garbage that only finalisers released.
  gc?.();
  await new Promise((r) => setTimeout(r, 20));
  gc?.();
  await new Promise((r) => setTimeout(r, 50));
  const m = (performance as Performance & { memory?: ChromeMemory }).memory;
  return m ? { usedJSHeapSize: m.usedJSHeapSize, totalJSHeapSize: m.totalJSHeapSize } : undefined;
}

/** `performance.measureUserAgentSpecificMemory()`: only on cross-origin-isolated pages; may take seconds. */
async function userAgentMemory(
  timeoutMs: number,
): Promise<{ bytes: number; breakdown: unknown[] } | { unavailable: string }> {
  const measure = (
    performance as Performance & {
      measureUserAgentSpecificMemory?: () => Promise<{ bytes: number; breakdown: unknown[] }>;
    }
  ).measureUserAgentSpecificMemory;
  if (!measure) return { unavailable: 'performance.measureUserAgentSpecificMemory is missing' };
  if (!crossOriginIsolated) return { unavailable: 'page is not cross-origin isolated' };
  const gc = (globalThis as { gc?: () => void }).gc;
  const pending = measure.call(performance);
  gc?.();
  const timeout = new Promise<{ unavailable: string }>((resolve) =>
    setTimeout(() => resolve({ unavailable: `no answer within ${timeoutMs} ms` }), timeoutMs),
  );
  const result = await Promise.race([pending, timeout]);
  return 'bytes' in result ? { bytes: result.bytes, breakdown: result.breakdown } : result;
}

function environment() {
  let webglRenderer: string | undefined;
  try {
    const gl = document.createElement('canvas').getContext('webgl2');
    const info = gl?.getExtension('WEBGL_debug_renderer_info');
    webglRenderer =
      gl && info
        ? String(gl.getParameter(info.UNMASKED_RENDERER_WEBGL))
        : gl
          ? 'webgl2 (renderer hidden)'
          : 'no webgl2';
  } catch (error) {
    webglRenderer = `error: ${(error as Error).message}`;
  }
  return {
    userAgent: navigator.userAgent,
    hardwareConcurrency: navigator.hardwareConcurrency,
    crossOriginIsolated,
    webglRenderer,
  };
}

function tfFlags(): Record<string, unknown> {
  const flags: Record<string, unknown> = { backend: tf.getBackend() };
  for (const name of [
    'WEBGL_VERSION',
    'WEBGL_RENDER_FLOAT32_ENABLED',
    'WEBGL_PACK',
    'WASM_HAS_SIMD_SUPPORT',
    'WASM_HAS_MULTITHREAD_SUPPORT',
  ]) {
    try {
      flags[name] = tf.env().get(name);
    } catch {
      // Flag of a backend that is not registered.
    }
  }
  return flags;
}

function top1(predictions: { index: number }[]): number {
  return predictions[0]?.index ?? -1;
}

// ---------------------------------------------------------------------------------------------
// Scenarios
// ---------------------------------------------------------------------------------------------

/** Cold start of the core on a fresh page: loadClassifier (fetch + load + its warm-up), then the first classify(). */
async function coldCore({ backend, modelUrl }: { backend: Backend; modelUrl: string }) {
  const frame = drawnCanvas(await loadTestImage(FRAME_IMAGE), 1280, 720);
  const { ms: loadMs, value: classifier } = await timeOnce(() => loadClassifier({ modelUrl, backend }));
  const fetched = modelFetchMs(modelUrl);
  const { ms: firstClassifyMs, value: first } = await timeOnce(() => classifier.classify(frame));
  const { ms: secondClassifyMs } = await timeOnce(() => classifier.classify(frame));
  classifier.dispose();
  return {
    backend: classifier.backend,
    loadMs,
    fetch: fetched,
    networkBytes: classifier.networkBytes,
    firstClassifyMs,
    firstClassifyTimings: first.timings,
    secondClassifyMs,
    top1: top1(first.predictions),
    env: environment(),
    flags: tfFlags(),
  };
}

/** Cold start of the bare model on a fresh page: backend start, loadGraphModel (fetch + parse), first execute. */
async function coldRaw({
  backend,
  modelUrl,
  parallelCompile = false,
}: {
  backend: Backend;
  modelUrl: string;
  /** The first execute as the core's WebGL warm-up does it: shaders compiled with KHR_parallel_shader_compile. */
  parallelCompile?: boolean;
}) {
  const { ms: backendStartMs, value: started } = await timeOnce(() => startBackend(backend));
  const { ms: fetchLoadMs, value: model } = await timeOnce(() => loadGraphModel(modelUrl));
  const fetched = modelFetchMs(modelUrl);
  const input = tf.zeros([1, 96, 96, 3]);
  const parallelExtension =
    backend === 'webgl' &&
    Boolean(
      (tf.backend() as unknown as { gpgpu?: { parallelCompilationExtension?: unknown } }).gpgpu
        ?.parallelCompilationExtension,
    );
  // The longest the main thread was held during the first execute: a 1 ms timer's largest gap.
  let last = performance.now();
  let longestGapMs = 0;
  const ticker = setInterval(() => {
    const now = performance.now();
    longestGapMs = Math.max(longestGapMs, now - last);
    last = now;
  }, 1);
  const { ms: firstInferenceMs } = await timeOnce(() => (parallelCompile ? compileModel(model) : bare(model, input)));
  clearInterval(ticker);
  const { ms: secondInferenceMs } = await timeOnce(() => bare(model, input));
  input.dispose();
  model.dispose();
  return {
    backend: started,
    backendStartMs,
    fetchLoadMs,
    fetch: fetched,
    firstInferenceMs,
    secondInferenceMs,
    parallelCompile,
    parallelExtension,
    longestGapMs,
  };
}

interface SteadyOptions {
  backend: Backend;
  modelUrl: string;
  warmup: number;
  iterations: number;
  batch8Iterations: number;
  photoIterations: number;
  throughputImages: number;
}

/** Everything warm, on one backend: batch 1 and 8, pipeline overhead, 720p and 12 MP end to end, throughput. */
async function steady(o: SteadyOptions) {
  // The page is isolated for its fine timer; wasm with threads has its own scenario (wasmWithThreads).
  setWasmThreads(1);
  const images = await loadTestImages();
  const strawberry = images.find((i) => i.file === FRAME_IMAGE)!.bitmap;
  const classifier = await loadClassifier({ modelUrl: o.modelUrl, backend: o.backend, cache: false });
  if (classifier.backend !== o.backend) throw new Error(`asked for ${o.backend}, got ${classifier.backend}`);
  const raw = await loadGraphModel(o.modelUrl);

  const canvas96 = drawnCanvas(strawberry, 96, 96);
  const frame720 = drawnCanvas(strawberry, 1280, 720);
  const photo = await createImageBitmap(drawnCanvas(strawberry, 4000, 3000));
  const x1 = await inputBatch([strawberry]);
  const x8 = await inputBatch(images.slice(0, 8).map((i) => i.bitmap));
  const result: Record<string, unknown> = { backend: classifier.backend, flags: tfFlags() };

  // Batch 1: the bare graph against the whole classify() on a ready 96×96 picture.
  const timings: { preprocess: number[]; inference: number[] } = { preprocess: [], inference: [] };
  const batch1Samples: { bare?: number[]; classify96?: number[] } = {};
  const batch1 = await timeInterleaved(
    {
      bare: () => bare(raw, x1),
      bareSync: async () => bareSync(raw, x1),
      classify96: async () => {
        const r = await classifier.classify(canvas96);
        timings.preprocess.push(r.timings.preprocess);
        timings.inference.push(r.timings.inference);
      },
    },
    o.warmup,
    o.iterations,
    batch1Samples,
  );
  result.batch1 = {
    ...batch1,
    classify96Timings: { preprocess: stats(timings.preprocess), inference: stats(timings.inference) },
    pairedOverhead: pairedOverhead(batch1Samples.classify96 ?? [], batch1Samples.bare ?? []),
  };

  // Where the overhead of classify() over the bare model goes, piece by piece.
  const pixels96 = await toModelPixels(canvas96);
  const logits = raw.execute({ images: x1 }, 'logits') as tf.Tensor2D;
  await logits.data();
  result.overheadParts = await timeInterleaved(
    {
      // drawImage of the centred square to 96×96 + getImageData (timings.preprocess of classify()).
      crop: async () => toModelPixels(canvas96),
      // RGBA → float [0, 1] in JS, and the tensor (on WebGL the texture upload happens at first use, in execute).
      toTensor: async () => tf.tensor4d(toModelInput(pixels96), [1, 96, 96, 3]).dispose(),
      // The graph with logits only, as classify() runs it without features (same as batch1.bare, here
      // interleaved with the next one so the two compare fairly).
      bareLogitsOnly: () => bare(raw, x1),
      // The graph with both outputs, as classify({ features: true }) runs it, reading logits back.
      bareBothOutputs: async () => {
        const outputs = raw.execute({ images: x1 }, ['logits', 'feature_vector']) as tf.Tensor[];
        await outputs[0].data();
        tf.dispose(outputs);
      },
      // softmax + topk(5) on the device and reading 2×5 numbers, on logits already computed.
      softmaxTopK: async () => {
        const { values, indices } = tf.tidy(() => tf.topk(tf.softmax(logits), 5, true));
        await Promise.all([values.data(), indices.data()]);
        tf.dispose([values, indices]);
      },
      // The alternative: read the 1001 logits back and rank them in JS.
      readAllTopKInJs: async () => {
        const copy = tf.tidy(() => tf.mul(logits, 1));
        const scores = await copy.data();
        copy.dispose();
        topKOfScores(scores, 5);
      },
    },
    o.warmup,
    o.iterations,
  );
  logits.dispose();

  // Batches 2, 4 and 8 through the raw GraphModel: the core has no batch API.
  const x2 = tf.slice(x8, [0, 0, 0, 0], [2, 96, 96, 3]);
  const x4 = tf.slice(x8, [0, 0, 0, 0], [4, 96, 96, 3]);
  const batches = await timeInterleaved(
    { bare2: () => bare(raw, x2), bare4: () => bare(raw, x4), bare8: () => bare(raw, x8) },
    Math.min(o.warmup, 3),
    o.batch8Iterations,
  );
  tf.dispose([x2, x4]);
  result.batch8 = { bare8: batches.bare8, perImageP50: batches.bare8.p50 / 8 };
  // t(n) ≈ fixed + n × perImage, fitted through batch 1 and batch 8 p50s: the fixed part is per-call cost.
  const perImage = (batches.bare8.p50 - batch1.bare.p50) / 7;
  result.batchCurve = {
    p50: { 1: batch1.bare.p50, 2: batches.bare2.p50, 4: batches.bare4.p50, 8: batches.bare8.p50 },
    fit: { perImageMs: perImage, fixedPerCallMs: batch1.bare.p50 - perImage },
  };

  // Per-kernel time of one bare batch-1 run (tf.profile): the kernels themselves vs everything around them.
  result.profile = await kernelProfile(raw, x1);

  // End to end per 1280×720 frame.
  result.frame720 = await timeInterleaved(
    {
      ours: () => classifier.classify(frame720),
      naive: async () => naiveClassify(raw, frame720),
    },
    o.warmup,
    o.iterations,
  );
  // End to end per 4000×3000 photo (already decoded: an ImageBitmap).
  result.photo = await timeInterleaved(
    {
      ours: () => classifier.classify(photo),
      naive: async () => naiveClassify(raw, photo),
    },
    Math.min(o.warmup, 2),
    o.photoIterations,
  );
  result.agreement = {
    frame720: {
      ours: top1((await classifier.classify(frame720)).predictions),
      naive: top1(naiveClassify(raw, frame720)),
    },
    photo: { ours: top1((await classifier.classify(photo)).predictions), naive: top1(naiveClassify(raw, photo)) },
  };

  // Throughput over N test images one by one (native sizes, decoded), and batched by 8 through the raw model.
  result.throughput = await throughput(classifier, raw, images, o.throughputImages);

  tf.dispose([x1, x8]);
  photo.close();
  raw.dispose();
  classifier.dispose();
  return result;
}

/** tf.profile of one bare run: kernel time summed by kernel name, against the wall time of the same run. */
async function kernelProfile(model: GraphModel, input: tf.Tensor) {
  try {
    const start = performance.now();
    const info = await tf.profile(async () => {
      const out = model.execute({ images: input }, 'logits') as tf.Tensor;
      await out.data();
      out.dispose();
    });
    const wallMs = performance.now() - start;
    const byKernel: Record<string, { count: number; ms: number }> = {};
    let kernelMs = 0;
    // Entries named `<op>__op` are the op wrappers around the kernels that follow them: counting both would count twice.
    const kernels = info.kernels.filter((k) => !k.name.endsWith('__op'));
    for (const k of kernels) {
      const t = typeof k.kernelTimeMs === 'number' ? k.kernelTimeMs : NaN;
      const entry = (byKernel[k.name] ??= { count: 0, ms: 0 });
      entry.count++;
      entry.ms += t;
      kernelMs += t;
    }
    const top = Object.entries(byKernel)
      .sort((a, b) => b[1].ms - a[1].ms)
      .slice(0, 8)
      .map(([name, v]) => ({ name, count: v.count, ms: Math.round(v.ms * 1000) / 1000 }));
    return {
      kernels: kernels.length,
      kernelMs,
      wallMs,
      top,
      note: 'wall time includes tf.profile bookkeeping; WebGL kernel times need GPU timer queries',
    };
  } catch (error) {
    return { error: (error as Error).message };
  }
}

async function throughput(classifier: Classifier, raw: GraphModel, images: Loaded[], count: number) {
  const batchOf = 8;
  const sequence = Array.from({ length: count }, (_, i) => images[i % images.length].bitmap);
  const batched = async (list: ImageBitmap[]) => {
    const input = await inputBatch(list);
    const { values, indices } = tf.tidy(() => {
      const logits = raw.execute({ images: input }, 'logits') as tf.Tensor2D;
      return tf.topk(tf.softmax(logits), 5);
    });
    try {
      await Promise.all([values.data(), indices.data()]);
    } finally {
      tf.dispose([input, values, indices]);
    }
  };
  const pipelines: Record<'ours' | 'naive' | 'batched8', (group: ImageBitmap[]) => Promise<unknown>> = {
    ours: async (group) => {
      for (const bitmap of group) await classifier.classify(bitmap);
    },
    naive: async (group) => {
      for (const bitmap of group) naiveClassify(raw, bitmap);
    },
    batched8: batched,
  };
  const names = Object.keys(pipelines) as (keyof typeof pipelines)[];
  /** Groups of 8 images; in each group every pipeline takes the same 8, in an order rotated per group. */
  const pass = async (list: ImageBitmap[]) => {
    const ms = { ours: 0, naive: 0, batched8: 0 };
    for (let g = 0, at = 0; at < list.length; g++, at += batchOf) {
      const group = list.slice(at, at + batchOf);
      for (let j = 0; j < names.length; j++) {
        const name = names[(g + j) % names.length];
        const start = performance.now();
        await pipelines[name](group);
        ms[name] += performance.now() - start;
      }
    }
    return ms;
  };
  // A first pass over the distinct images (at most `count`): each input size is new once.
  const first = await pass(images.slice(0, count).map((i) => i.bitmap));
  const timed = await pass(sequence);
  const row = (name: keyof typeof first) => ({
    firstPassMs: first[name],
    ms: timed[name],
    imagesPerSecond: (count * 1000) / timed[name],
  });
  return {
    images: count,
    note: 'pipelines interleaved by groups of 8 images; batched8 = raw model, core crop/resize per image, one execute per 8, top-k on device',
    ours: row('ours'),
    naive: row('naive'),
    batched8: row('batched8'),
  };
}

/** tf.memory() and the JS heap before and after `frames` classify() calls on a 720p frame. */
async function memoryAfterFrames({
  backend,
  modelUrl,
  frames,
  uaMemoryTimeoutMs,
}: {
  backend: Backend;
  modelUrl: string;
  frames: number;
  uaMemoryTimeoutMs: number;
}) {
  const frame720 = drawnCanvas(await loadTestImage(FRAME_IMAGE), 1280, 720);
  const classifier = await loadClassifier({ modelUrl, backend, cache: false });
  await classifier.classify(frame720);
  const before = { tf: memory(), heap: await jsHeap() };
  // A reading after the first tenth tells steady growth (a leak) from a one-off warm-up allocation.
  const early = Math.max(1, Math.round(frames / 10));
  let atTenth: { frames: number; tf: ReturnType<typeof memory>; heap: Awaited<ReturnType<typeof jsHeap>> } | undefined;
  let ms = 0;
  for (let i = 0; i < frames; i++) {
    const start = performance.now();
    await classifier.classify(frame720);
    ms += performance.now() - start;
    if (i + 1 === early) atTenth = { frames: early, tf: memory(), heap: await jsHeap() };
  }
  const after = { tf: memory(), heap: await jsHeap(), userAgentSpecific: await userAgentMemory(uaMemoryTimeoutMs) };
  classifier.dispose();
  const disposed = memory();
  return {
    backend: classifier.backend,
    frames,
    ms,
    before,
    atTenth,
    after,
    afterDispose: disposed,
    crossOriginIsolated,
  };
}

/** A live pipeline of the long-task scenario. */
type LivePipeline = 'ours' | 'worker' | 'workerVideoFrame' | 'naive' | 'asyncReadback' | 'control';

/**
 * The core in a dedicated module worker (bench/worker.ts). `classify(video)` grabs the current
 * frame as an ImageBitmap (`createImageBitmap(video)`, a copy of the frame made for the main
 * thread) or as a VideoFrame (`new VideoFrame(video)`, a handle on the decoder's frame, turned
 * into a bitmap in the worker), transfers it and waits for the answer; the caller keeps one frame
 * in flight at most. Records where each frame's time went.
 */
async function startClassifierWorker(backend: Backend, modelUrl: string, grab: 'bitmap' | 'videoFrame') {
  const worker = new Worker(new URL('./worker.ts', import.meta.url), { type: 'module' });
  let nextId = 0;
  const pending = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();
  const failed = new Promise<never>((_, reject) =>
    worker.addEventListener('error', (event) =>
      reject(new Error(`the benchmark worker failed: ${event.message || 'no message (did it load?)'}`)),
    ),
  );
  failed.catch(() => {});
  worker.addEventListener('message', (event: MessageEvent<WorkerReply>) => {
    const call = pending.get(event.data.id);
    if (!call) return;
    pending.delete(event.data.id);
    if ('error' in event.data) call.reject(new Error(`in the worker: ${event.data.error}`));
    else call.resolve(event.data.value);
  });
  const send = <T>(request: DistributiveOmit<WorkerRequest, 'id'>, transfer: Transferable[] = []): Promise<T> => {
    const id = nextId++;
    const answer = new Promise<T>((resolve, reject) =>
      pending.set(id, { resolve: resolve as (value: unknown) => void, reject }),
    );
    worker.postMessage({ ...request, id }, transfer);
    return Promise.race([answer, failed]);
  };
  const clock = () => performance.timeOrigin + performance.now();
  const phases = {
    grab: [] as number[],
    postMessage: [] as number[],
    toWorker: [] as number[],
    inWorker: [] as number[],
    back: [] as number[],
  };
  const loaded = await send<{ backend: Backend }>({ op: 'load', backend, modelUrl });
  return {
    backend: loaded.backend,
    phases,
    async classify(video: HTMLVideoElement): Promise<ClassifyReply> {
      const t0 = clock();
      const frame = grab === 'bitmap' ? await createImageBitmap(video) : new VideoFrame(video);
      const t1 = clock();
      const reply = send<ClassifyReply>({ op: 'classify', frame }, [frame]);
      const t2 = clock();
      const answer = await reply;
      const t3 = clock();
      phases.grab.push(t1 - t0);
      phases.postMessage.push(t2 - t1);
      phases.toWorker.push(answer.receivedAt - t1);
      phases.inWorker.push(answer.classifyMs);
      phases.back.push(t3 - answer.sentAt);
      return answer;
    },
    memory: () => send<number>({ op: 'memory' }),
    async terminate(): Promise<number> {
      const left = await send<number>({ op: 'dispose' });
      worker.terminate();
      return left;
    },
  };
}

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

/** Median gap between animation frames while nothing else runs: the display's refresh interval here. */
async function refreshInterval(ms: number): Promise<number> {
  const gaps: number[] = [];
  await new Promise<void>((resolve) => {
    const start = performance.now();
    let last = start;
    const onRaf = (now: number) => {
      gaps.push(now - last);
      last = now;
      if (now - start < ms) requestAnimationFrame(onRaf);
      else resolve();
    };
    requestAnimationFrame((now) => {
      last = now;
      requestAnimationFrame(onRaf);
    });
  });
  return stats(gaps).p50;
}

/**
 * Long tasks (> 50 ms) on the main thread while a 1280×720 camera video is classified continuously,
 * and what the page's animation frames suffered meanwhile: frames missed against the refresh
 * interval measured just before, and the longest gap.
 */
async function longTasks({
  backend,
  modelUrl,
  seconds,
  pipeline,
}: {
  backend: Backend | 'none';
  modelUrl: string;
  seconds: number;
  pipeline: LivePipeline;
}) {
  const stream = await navigator.mediaDevices.getUserMedia({ video: { width: 1280, height: 720 } });
  const video = Object.assign(document.createElement('video'), { muted: true, playsInline: true, srcObject: stream });
  document.body.append(video);
  await video.play();
  let run: () => Promise<unknown>;
  let cleanup: () => unknown;
  let workerSide: Awaited<ReturnType<typeof startClassifierWorker>> | undefined;
  const loadStart = performance.now();
  if (pipeline === 'control' || backend === 'none') {
    // Nothing classified: the frame loop and the rAF probe alone.
    if (pipeline !== 'control') throw new Error(`pipeline ${pipeline} needs a backend`);
    run = async () => undefined;
    cleanup = () => undefined;
  } else if (pipeline === 'ours') {
    const classifier = await loadClassifier({ modelUrl, backend, cache: false });
    run = () => classifier.classify(video);
    cleanup = () => classifier.dispose();
  } else if (pipeline === 'worker' || pipeline === 'workerVideoFrame') {
    const remote = await startClassifierWorker(backend, modelUrl, pipeline === 'worker' ? 'bitmap' : 'videoFrame');
    if (remote.backend !== backend) throw new Error(`the worker asked for ${backend}, got ${remote.backend}`);
    workerSide = remote;
    run = () => remote.classify(video);
    cleanup = () => remote.terminate();
  } else if (pipeline === 'naive') {
    await startBackend(backend);
    const raw = await loadGraphModel(modelUrl);
    run = async () => naiveClassify(raw, video);
    cleanup = () => raw.dispose();
  } else {
    // A probe, not the product: the core's crop, then execute and an asynchronous read of the 1001
    // logits, ranked in JS. On WebGL tf.topk of 1001 values runs on the CPU after a blocking readSync.
    await startBackend(backend);
    const raw = await loadGraphModel(modelUrl);
    run = async () => {
      const input = tf.tensor4d(toModelInput(await toModelPixels(video)), [1, 96, 96, 3]);
      const logits = raw.execute({ images: input }, 'logits') as tf.Tensor;
      input.dispose();
      const scores = await logits.data();
      logits.dispose();
      return topKOfScores(scores, 5);
    };
    cleanup = () => raw.dispose();
  }
  const loadMs = performance.now() - loadStart;
  // Warm up on this input size before the window opens.
  for (let i = 0; i < 3; i++) await run();
  if (workerSide) for (const phase of Object.values(workerSide.phases)) phase.length = 0;
  const workerTensorsBefore = await workerSide?.memory();
  const refreshMs = await refreshInterval(500);

  const tasks: { start: number; duration: number }[] = [];
  const observer = new PerformanceObserver((list) => {
    for (const e of list.getEntries()) tasks.push({ start: e.startTime, duration: e.duration });
  });
  observer.observe({ type: 'longtask', buffered: false });
  const frameGaps: number[] = [];
  let lastRaf = performance.now();
  const onRaf = (now: number) => {
    frameGaps.push(now - lastRaf);
    lastRaf = now;
    rafHandle = requestAnimationFrame(onRaf);
  };
  let rafHandle = requestAnimationFrame(onRaf);

  const start = performance.now();
  const end = start + seconds * 1000;
  let frames = 0;
  let skipped = 0;
  const latencies: number[] = [];
  await new Promise<void>((resolve, reject) => {
    let busy = false;
    let finished = false;
    const onFrame = () => {
      const frameAt = performance.now();
      if (frameAt >= end) {
        finished = true;
        if (!busy) resolve();
        return;
      }
      video.requestVideoFrameCallback(onFrame);
      if (busy) {
        skipped++;
        return;
      }
      busy = true;
      run().then(() => {
        latencies.push(performance.now() - frameAt);
        frames++;
        busy = false;
        if (finished) resolve();
      }, reject);
    };
    video.requestVideoFrameCallback(onFrame);
  });
  const elapsed = performance.now() - start;
  cancelAnimationFrame(rafHandle);
  // Long-task entries are delivered asynchronously.
  await new Promise((r) => setTimeout(r, 200));
  observer.disconnect();
  const workerTensorsAfter = await workerSide?.memory();
  const leftAfterDispose = await cleanup();
  for (const track of stream.getTracks()) track.stop();
  const inWindow = tasks.filter((t) => t.start >= start && t.start < start + elapsed);
  const durations = inWindow.map((t) => t.duration);
  // A gap of n refresh intervals means n − 1 frames were not drawn.
  const missedFrames = frameGaps.reduce((sum, gap) => sum + Math.max(0, Math.round(gap / refreshMs) - 1), 0);
  return {
    backend,
    pipeline,
    seconds: elapsed / 1000,
    videoSize: [video.videoWidth, video.videoHeight],
    loadMs,
    framesClassified: frames,
    framesSkippedBusy: skipped,
    classificationsPerSecond: frames / (elapsed / 1000),
    latency: stats(latencies),
    longTasks: inWindow.length,
    longTasksPerMinute: inWindow.length / (elapsed / 60000),
    longTaskMsPerMinute: durations.reduce((a, b) => a + b, 0) / (elapsed / 60000),
    longTaskDuration: durations.length ? stats(durations) : undefined,
    animationFrameGap: stats(frameGaps),
    refreshMs,
    missedFrames,
    missedFrameShare: missedFrames / (elapsed / refreshMs),
    ...(workerSide
      ? {
          worker: {
            phases: Object.fromEntries(
              Object.entries(workerSide.phases).map(([name, sample]) => [name, stats(sample)]),
            ),
            tensors: { before: workerTensorsBefore, after: workerTensorsAfter, afterDispose: leftAfterDispose },
          },
        }
      : {}),
  };
}

interface TfliteOptions {
  tfliteUrl: string;
  wasmPath: string;
  numThreads?: number;
  warmup: number;
  iterations: number;
}

/** Google's TFLite web runtime (XNNPACK in wasm) on the official uint8 tflite, on the same inputs. */
async function tfliteRuntime(o: TfliteOptions) {
  const tflite = await import('@tensorflow/tfjs-tflite');
  tflite.setWasmPath(o.wasmPath);
  // tfjs-tflite wraps predict()'s outputs in tf.js tensors: a CPU backend is enough for that.
  await startBackend('cpu');
  const features = await tflite.getWasmFeatures();
  const { ms: loadMs, value: model } = await timeOnce(() =>
    tflite.loadTFLiteModel(o.tfliteUrl, o.numThreads === undefined ? {} : { numThreads: o.numThreads }),
  );
  const runner = (model as unknown as { modelRunner: import('@tensorflow/tfjs-tflite').TFLiteWebModelRunner })
    .modelRunner;
  const [inputInfo] = runner.getInputs();
  const [outputInfo] = runner.getOutputs();

  const images = await loadTestImages();
  const strawberry = images.find((i) => i.file === FRAME_IMAGE)!.bitmap;
  const frame720 = drawnCanvas(strawberry, 1280, 720);
  const canvas96 = drawnCanvas(strawberry, 96, 96);
  const pixels96 = await toModelPixels(strawberry);
  const rgb = rgbOf(pixels96);

  /** Copies 96×96 RGBA into the model's uint8 input, runs, returns the top-5 of the uint8 scores. */
  const inferRgb = (input: Uint8Array, k = 5) => {
    // data() is a view on the wasm heap: taken again on every call in case the heap grew.
    (runner.getInputs()[0].data() as Uint8Array).set(input);
    if (!runner.infer()) throw new Error('TFLite infer() failed');
    return topKOfScores(runner.getOutputs()[0].data() as ArrayLike<number>, k);
  };
  const { ms: firstInferenceMs } = await timeOnce(async () => inferRgb(rgb));

  const warn = console.warn;
  // predict() warns "converting 'int32' to 'uint8'" on every call (tf.js has no uint8 dtype).
  console.warn = () => {};
  const x1 = tf.tensor4d(rgb, [1, 96, 96, 3], 'int32');
  try {
    const batch1 = await timeInterleaved(
      {
        bare: async () => inferRgb(rgb),
        predict: async () => {
          const out = model.predict(x1) as tf.Tensor;
          await out.data();
          out.dispose();
        },
        classify96: async () => inferRgb(rgbOf(await toModelPixels(canvas96))),
      },
      o.warmup,
      o.iterations,
    );
    const frame720Stats = await timeInterleaved(
      { sameCrop: async () => inferRgb(rgbOf(await toModelPixels(frame720))) },
      o.warmup,
      o.iterations,
    );
    return {
      features,
      numThreads: o.numThreads ?? 'default',
      crossOriginIsolated,
      input: { name: inputInfo.name, dataType: inputInfo.dataType, shape: inputInfo.shape },
      output: { name: outputInfo.name, dataType: outputInfo.dataType, shape: outputInfo.shape },
      loadMs,
      fetch: modelFetchMs(o.tfliteUrl),
      firstInferenceMs,
      batch1,
      frame720: frame720Stats,
      top1Frame720: inferRgb(rgbOf(await toModelPixels(frame720)))[0]?.index,
    };
  } finally {
    console.warn = warn;
    x1.dispose();
  }
}

/**
 * Google's current web runtime, LiteRT.js (@litertjs/core, XNNPACK in wasm), on the same uint8 tflite
 * and the same inputs as {@link tfliteRuntime}: load, first run, batch-1 latency, and the top-1 of
 * the 30 test images (the bytes it downloads are counted by the server, scripts/bench.ts).
 */
async function litertRuntime(o: TfliteOptions) {
  const litert = await import('@litertjs/core');
  const { ms: runtimeLoadMs } = await timeOnce(() => litert.loadLiteRt(o.wasmPath));
  const { ms: compileMs, value: model } = await timeOnce(() =>
    litert.loadAndCompile(o.tfliteUrl, {
      accelerator: 'wasm',
      ...(o.numThreads === undefined ? {} : { cpuOptions: { numThreads: o.numThreads } }),
    }),
  );
  const [inputDetails] = model.getInputDetails();
  const infer = async (rgb: Uint8Array<ArrayBuffer>, k = 5) => {
    const input = new litert.Tensor(rgb, [1, 96, 96, 3]);
    try {
      const [output] = await model.run(input);
      try {
        return topKOfScores(output!.toTypedArray() as ArrayLike<number>, k);
      } finally {
        output!.delete();
      }
    } finally {
      input.delete();
    }
  };
  const images = await loadTestImages();
  const strawberry = images.find((i) => i.file === FRAME_IMAGE)!.bitmap;
  const canvas96 = drawnCanvas(strawberry, 96, 96);
  const rgb = rgbOf(await toModelPixels(strawberry));
  const { ms: firstInferenceMs } = await timeOnce(() => infer(rgb));
  const batch1 = await timeInterleaved(
    {
      bare: () => infer(rgb),
      classify96: async () => infer(rgbOf(await toModelPixels(canvas96))),
    },
    o.warmup,
    o.iterations,
  );
  let correct = 0;
  // tflite's classes are the same 1001 (0 = background) as ours.
  for (const { bitmap, index } of images)
    if ((await infer(rgbOf(await toModelPixels(bitmap)), 1))[0]?.index === index) correct++;
  model.delete();
  return {
    numThreads: o.numThreads ?? 'default',
    crossOriginIsolated,
    input: inputDetails,
    loadMs: runtimeLoadMs + compileMs,
    runtimeLoadMs,
    compileMs,
    firstInferenceMs,
    batch1,
    top1: { images: images.length, correct },
  };
}

function rgbOf(pixels: ImageData): Uint8Array<ArrayBuffer> {
  const rgba = pixels.data;
  const rgb = new Uint8Array((rgba.length / 4) * 3);
  for (let p = 0, q = 0; p < rgba.length; p += 4, q += 3) {
    rgb[q] = rgba[p];
    rgb[q + 1] = rgba[p + 1];
    rgb[q + 2] = rgba[p + 2];
  }
  return rgb;
}

/**
 * The fused graph (depthwise conv + bias + Relu6 as one node) against the source graph's nodes, same
 * weights: bare execute interleaved, and the largest difference of their logits on the 30 test images.
 */
async function compareGraphs(o: {
  backend: Backend;
  fusedUrl: string;
  originalUrl: string;
  warmup: number;
  iterations: number;
}) {
  await startBackend(o.backend);
  const fused = await loadGraphModel(o.fusedUrl);
  const original = await loadGraphModel(o.originalUrl);
  const images = await loadTestImages();
  const x = await inputBatch(images.map((i) => i.bitmap));
  const [a, b] = [fused, original].map((m) => m.execute({ images: x }, 'logits') as tf.Tensor);
  const maxLogitDiff = (await tf.max(tf.abs(tf.sub(a, b))).data())[0];
  tf.dispose([a, b, x]);
  const x1 = await inputBatch([images.find((i) => i.file === FRAME_IMAGE)!.bitmap]);
  const samples: { fused?: number[]; original?: number[] } = {};
  const times = await timeInterleaved(
    { fused: () => bare(fused, x1), original: () => bare(original, x1) },
    o.warmup,
    o.iterations,
    samples,
  );
  x1.dispose();
  const nodes = async (url: string) =>
    ((await (await fetch(url)).json()) as { modelTopology: { node: unknown[] } }).modelTopology.node.length;
  const result = {
    backend: tf.getBackend(),
    nodes: { fused: await nodes(o.fusedUrl), original: await nodes(o.originalUrl) },
    ...times,
    speedup: times.original.p50 / times.fused.p50,
    pairedSpeedup: 1 / (1 + pairedOverhead(samples.fused ?? [], samples.original ?? [])),
    maxLogitDiff,
    images: images.length,
  };
  fused.dispose();
  original.dispose();
  return result;
}

/** Top-1 agreement and probability differences of two models (float32 and float16 backbone) on the 30 test images. */
async function compareModels({
  backend,
  referenceUrl,
  candidateUrl,
}: {
  backend: Backend;
  referenceUrl: string;
  candidateUrl: string;
}) {
  const images = await loadTestImages();
  const reference = await loadClassifier({ modelUrl: referenceUrl, backend, cache: false });
  const candidate = await loadClassifier({ modelUrl: candidateUrl, backend, cache: false });
  const rows = [];
  for (const image of images) {
    const [a, b] = [
      await reference.classify(image.bitmap, { topK: 1001 }),
      await candidate.classify(image.bitmap, { topK: 1001 }),
    ];
    const pa = new Float64Array(1001);
    const pb = new Float64Array(1001);
    for (const p of a.predictions) pa[p.index] = p.probability;
    for (const p of b.predictions) pb[p.index] = p.probability;
    let maxDiff = 0;
    for (let i = 0; i < 1001; i++) maxDiff = Math.max(maxDiff, Math.abs(pa[i] - pb[i]));
    rows.push({
      file: image.file,
      truth: image.index,
      referenceTop1: a.predictions[0].index,
      candidateTop1: b.predictions[0].index,
      referenceTop1Probability: a.predictions[0].probability,
      candidateTop1Probability: b.predictions[0].probability,
      maxProbabilityDiff: maxDiff,
      referenceTop5: a.predictions.slice(0, 5).map((p) => p.index),
      candidateTop5: b.predictions.slice(0, 5).map((p) => p.index),
    });
  }
  reference.dispose();
  candidate.dispose();
  return {
    backend,
    images: rows.length,
    top1Agreement: rows.filter((r) => r.referenceTop1 === r.candidateTop1).length,
    top5SetAgreement: rows.filter((r) => [...r.referenceTop5].sort().join() === [...r.candidateTop5].sort().join())
      .length,
    referenceTop1Correct: rows.filter((r) => r.referenceTop1 === r.truth).length,
    candidateTop1Correct: rows.filter((r) => r.candidateTop1 === r.truth).length,
    maxProbabilityDiff: Math.max(...rows.map((r) => r.maxProbabilityDiff)),
    rows,
  };
}

/** Time from <mobilenet-classifier> being connected to its first `mobilenet-result`, on this visit. */
async function elementFirstResult({ backend, modelUrl, src }: { backend: string; modelUrl: string; src: string }) {
  await import('../src/define');
  const element = document.createElement('mobilenet-classifier');
  element.setAttribute('backend', backend);
  element.setAttribute('model-url', modelUrl);
  element.setAttribute('src', src);
  const started = performance.now();
  const outcome = await new Promise<{ ms: number; ready?: number; error?: string; top1?: number; backend?: string }>(
    (resolve) => {
      let ready: number | undefined;
      element.addEventListener('mobilenet-ready', () => (ready = performance.now() - started));
      element.addEventListener('mobilenet-result', (e) =>
        resolve({
          ms: performance.now() - started,
          ready,
          top1: e.detail.result.predictions[0]?.index,
          backend: e.detail.result.backend,
        }),
      );
      element.addEventListener('mobilenet-error', (e) =>
        resolve({ ms: performance.now() - started, error: e.detail.message }),
      );
      document.body.append(element);
    },
  );
  const base = new URL(modelUrl, location.href).href.replace(/[^/]*$/, '');
  const modelEntries = (performance.getEntriesByType('resource') as PerformanceResourceTiming[])
    .filter((e) => e.name.startsWith(base))
    .map((e) => ({
      name: e.name.slice(base.length),
      transferSize: e.transferSize,
      encodedBodySize: e.encodedBodySize,
      status: e.responseStatus,
    }));
  return { ...outcome, autoChoice: readAutoBackendChoice(), modelEntries };
}

/** backend 'auto': what it picks, what it measured, and what the second load (remembered choice) costs. */
async function autoBackend({ modelUrl }: { modelUrl: string }) {
  const first = await timeOnce(() => loadClassifier({ modelUrl, backend: 'auto', cache: false }));
  const startedOn = first.value.backend;
  // auto starts on wasm and measures the others in idle time, after its first result.
  const photo = await loadTestImage(FRAME_IMAGE);
  const firstResult = await timeOnce(() => first.value.classify(photo));
  photo.close();
  const settled = await timeOnce(() => first.value.backendChoice);
  const chosen = settled.value;
  first.value.dispose();
  const choice = readAutoBackendChoice();
  const second = await timeOnce(() => loadClassifier({ modelUrl, backend: 'auto', cache: false }));
  second.value.dispose();
  return {
    chosen,
    measured: choice?.medians,
    firstLoadMs: first.ms,
    startedOn,
    firstResultMs: firstResult.ms,
    firstResultBackend: firstResult.value.backend,
    settleMs: settled.ms,
    secondLoadMs: second.ms,
    secondChosen: second.value.backend,
  };
}

/**
 * `explain()` with the default 7 × 7 grid (issue 15, target ≤ 150 ms on wasm) against one plain
 * `classify()` of the same 96×96 picture, interleaved in the same page.
 */
async function explainCost({
  modelUrl,
  backend,
  warmup,
  iterations,
}: {
  modelUrl: string;
  backend: Backend;
  warmup: number;
  iterations: number;
}) {
  const images = await loadTestImages();
  const canvas96 = drawnCanvas(images.find((i) => i.file === FRAME_IMAGE)!.bitmap, 96, 96);
  const classifier = await loadClassifier({ modelUrl, backend, cache: false });
  if (classifier.backend !== backend) throw new Error(`asked for ${backend}, got ${classifier.backend}`);
  const samples: { explain7?: number[]; classify?: number[] } = {};
  const times = await timeInterleaved(
    { classify: () => classifier.classify(canvas96), explain7: () => classifier.explain(canvas96) },
    warmup,
    iterations,
    samples,
  );
  classifier.dispose();
  return {
    backend,
    ...times,
    ratio: times.explain7.p50 / times.classify.p50,
    pairedRatio: pairedOverhead(samples.explain7 ?? [], samples.classify ?? []) + 1,
  };
}

/**
 * The results list (issue 15): `files` photos (the 30 test images, cycled, as JPEG files) given to the
 * element's file input at once, until `mobilenet-batch-done`, against the core's classifyBatch and a
 * one-by-one classify() loop over the same files in the same page. Also when the first row settled, the
 * longest main-thread task during the element's batch, and the rows rendered.
 */
async function batchList({ modelUrl, backend, files: count }: { modelUrl: string; backend: Backend; files: number }) {
  const list = (await (await fetch(`${IMAGES_URL}labels.json`)).json()) as TestImage[];
  const blobs = await Promise.all(list.map(async ({ file }) => (await fetch(IMAGES_URL + file)).blob()));
  const files = Array.from(
    { length: count },
    (_, i) => new File([blobs[i % blobs.length]!], `${i}-${list[i % list.length]!.file}`, { type: 'image/jpeg' }),
  );
  const classifier = await loadClassifier({ modelUrl, backend, cache: false });
  const element = await readyElement(backend, modelUrl);
  // Warm both with one small batch.
  await classifier.classifyBatch(files.slice(0, 16));

  const longest = { ms: 0 };
  const observer = new PerformanceObserver((entries) => {
    for (const entry of entries.getEntries()) longest.ms = Math.max(longest.ms, entry.duration);
  });
  const started = performance.now();
  let firstRowMs = 0;
  const done = new Promise<{ cancelled: boolean; failed: number }>((resolve) => {
    element.addEventListener('mobilenet-batch-progress', (e) => {
      if (!firstRowMs && e.detail.done > 0) firstRowMs = performance.now() - started;
    });
    element.addEventListener(
      'mobilenet-batch-done',
      (e) =>
        resolve({
          cancelled: e.detail.cancelled,
          failed: e.detail.results.filter((r) => r.status === 'failed').length,
        }),
      { once: true },
    );
  });
  observer.observe({ type: 'longtask' });
  const input = element.shadowRoot!.querySelector<HTMLInputElement>('input[type=file][multiple]')!;
  const transfer = new DataTransfer();
  for (const file of files) transfer.items.add(file);
  input.files = transfer.files;
  input.dispatchEvent(new Event('change', { bubbles: true }));
  const outcome = await done;
  await element.updateComplete;
  const elementMs = performance.now() - started;
  observer.disconnect();
  const rows = element.shadowRoot!.querySelectorAll('[part=batch-row]').length;

  const coreStarted = performance.now();
  const settled = await classifier.classifyBatch(files);
  const coreBatchMs = performance.now() - coreStarted;
  // One by one over a fifth of the files, scaled: the loop a page would write without classifyBatch.
  const fifth = files.slice(0, Math.ceil(count / 5));
  const oneStarted = performance.now();
  for (const file of fifth) await classifier.classify(file);
  const oneByOneMs = ((performance.now() - oneStarted) * count) / fifth.length;
  element.remove();
  classifier.dispose();
  return {
    backend,
    files: count,
    elementMs,
    firstRowMs,
    longestTaskMs: longest.ms,
    rows,
    ...outcome,
    coreBatchMs,
    coreFailed: settled.filter((s) => s.status === 'rejected').length,
    oneByOneMs,
    elementVsCoreBatch: elementMs / coreBatchMs,
    elementVsOneByOne: elementMs / oneByOneMs,
  };
}

async function decodeCost({ width, height, iterations }: { width: number; height: number; iterations: number }) {
  const images = await loadTestImages();
  const canvas = drawnCanvas(images.find((i) => i.file === FRAME_IMAGE)!.bitmap, width, height);
  const blob = await new Promise<Blob>((resolve, reject) =>
    canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('toBlob'))), 'image/jpeg', 0.9),
  );
  const times: number[] = [];
  for (let i = 0; i < iterations; i++) {
    const t = performance.now();
    const bitmap = await createImageBitmap(blob, { imageOrientation: 'from-image' });
    times.push(performance.now() - t);
    bitmap.close();
  }
  return { width, height, jpegBytes: blob.size, decode: stats(times) };
}

/** `canvas` encoded as `type` (JPEG and WebP at 0.9). */
function encoded(canvas: HTMLCanvasElement, type: string): Promise<Blob> {
  return new Promise<Blob>((resolve, reject) =>
    canvas.toBlob((b) => (b?.type === type ? resolve(b) : reject(new Error(`toBlob ${type}`))), type, 0.9),
  );
}

/** Runs `run` with WebCodecs' ImageDecoder hidden, as in WebKit: the core's fallback decode. */
async function withoutImageDecoder<T>(run: () => Promise<T>): Promise<T> {
  const saved = window.ImageDecoder;
  delete (window as { ImageDecoder?: unknown }).ImageDecoder;
  try {
    return await run();
  } finally {
    window.ImageDecoder = saved;
  }
}

/** An element on `backend`, ready to classify. */
async function readyElement(backend: Backend, modelUrl: string) {
  await import('../src/define');
  const element = document.createElement('mobilenet-classifier');
  element.setAttribute('backend', backend);
  element.setAttribute('model-url', modelUrl);
  const ready = new Promise<void>((resolve, reject) => {
    element.addEventListener('mobilenet-ready', () => resolve(), { once: true });
    element.addEventListener('mobilenet-error', (e) => reject(new Error(e.detail.message)), { once: true });
  });
  document.body.append(element);
  await ready;
  return element;
}

/**
 * Phone photos given as files (issue 14, target 1): a 4032×3024 JPEG end to end through the core's
 * classify(blob) (reduced decode), the same with ImageDecoder hidden (the WebKit path), the previous
 * pipeline (the whole photo decoded, then classified), the naive tf.js pipeline on the decoded photo,
 * and the element's classify(blob). Then the decode alone, and what PNG and WebP allow.
 */
async function phonePhoto({
  backend,
  modelUrl,
  warmup,
  iterations,
}: {
  backend: Backend;
  modelUrl: string;
  warmup: number;
  iterations: number;
}) {
  const strawberry = await loadTestImage(FRAME_IMAGE);
  const canvas = drawnCanvas(strawberry, 4032, 3024);
  const jpeg = await encoded(canvas, 'image/jpeg');
  const classifier = await loadClassifier({ modelUrl, backend, cache: false });
  if (classifier.backend !== backend) throw new Error(`asked for ${backend}, got ${classifier.backend}`);
  const raw = await loadGraphModel(modelUrl);
  const element = await readyElement(backend, modelUrl);
  const small = await (await fetch(IMAGES_URL + FRAME_IMAGE)).blob();

  const fullDecode = () => createImageBitmap(jpeg, { imageOrientation: 'from-image' });
  const decodedAt = async (eighths: number) => {
    const decoder = new ImageDecoder({
      data: jpeg.stream(),
      type: 'image/jpeg',
      desiredWidth: Math.ceil((4032 * eighths) / 8),
      desiredHeight: Math.ceil((3024 * eighths) / 8),
    });
    const { image } = await decoder.decode();
    const bitmap = await createImageBitmap(image);
    image.close();
    decoder.close();
    bitmap.close();
  };
  const endToEnd = await timeInterleaved(
    {
      ours: () => classifier.classify(jpeg),
      oursNoImageDecoder: () => withoutImageDecoder(() => classifier.classify(jpeg)),
      oursFullDecode: async () => {
        const bitmap = await fullDecode();
        await classifier.classify(bitmap);
        bitmap.close();
      },
      naive: async () => {
        const bitmap = await fullDecode();
        naiveClassify(raw, bitmap);
        bitmap.close();
      },
    },
    warmup,
    iterations,
  );
  // Target 2, per photo: the element's classify() against the core's, alone in their own rounds, each
  // followed (untimed) by the element's render, which comes in the next animation frame. In the rounds
  // above each variant would inherit the garbage of the one before it (the element's, the naive
  // pipeline's 12 MP decode).
  const photoPair = await timeInterleaved(
    { core: () => classifier.classify(jpeg), element: () => element.classify(jpeg) },
    warmup,
    iterations,
    undefined,
    () => element.updateComplete,
  );
  // Target 2: the 500×375 photo as a file and a 1280×720 camera-sized frame, the core against the
  // element: classify() alone, and until the result is on screen (updateComplete, the next frame).
  const frame720 = drawnCanvas(strawberry, 1280, 720);
  let renders = 0;
  const render = element.render.bind(element);
  element.render = () => (renders++, render());
  const smallPhoto = await timeInterleaved(
    {
      core: () => classifier.classify(small),
      element: () => element.classify(small),
      elementShown: async () => {
        await element.classify(small);
        await element.updateComplete;
      },
      frameCore: () => classifier.classify(frame720),
      frameElement: () => element.classify(frame720),
    },
    warmup,
    iterations,
    undefined,
    () => element.updateComplete,
  );
  // A burst: camera-sized frames back to back, as live mode gives them. Several results within one
  // frame make one render.
  renders = 0;
  const results = 20;
  for (let i = 0; i < results; i++) await element.classify(frame720);
  await element.updateComplete;
  const burst = { results, renders };
  const decode = await timeInterleaved(
    {
      createImageBitmap: async () => (await fullDecode()).close(),
      createImageBitmapResized: async () =>
        (
          await createImageBitmap(jpeg, {
            imageOrientation: 'from-image',
            resizeWidth: 1008,
            resizeHeight: 756,
            resizeQuality: 'low',
          })
        ).close(),
      imageDecoder1of8: () => decodedAt(1),
      imageDecoder2of8: () => decodedAt(2),
      imageDecoder8of8: () => decodedAt(8),
    },
    Math.min(warmup, 2),
    iterations,
  );
  // PNG and WebP: does ImageDecoder scale them while decoding? (It does for JPEG only in Chromium.)
  const formats: Record<string, unknown> = {};
  for (const type of ['image/png', 'image/webp']) {
    const blob = await encoded(canvas, type);
    const decoder = new ImageDecoder({ data: blob.stream(), type, desiredWidth: 1008, desiredHeight: 756 });
    const { image } = await decoder.decode();
    const decodedSize = `${image.codedWidth}×${image.codedHeight}`;
    image.close();
    decoder.close();
    formats[type] = {
      bytes: blob.size,
      imageDecoderAsked: '1008×756',
      imageDecoderGave: decodedSize,
      ...(await timeInterleaved(
        {
          createImageBitmap: async () => (await createImageBitmap(blob)).close(),
          classify: () => classifier.classify(blob),
        },
        1,
        Math.max(1, Math.floor(iterations / 3)),
      )),
    };
  }
  const top1Of = async (input: Blob | ImageBitmap) => (await classifier.classify(input)).predictions[0]?.index;
  const full = await fullDecode();
  const agreement = {
    ours: await top1Of(jpeg),
    oursNoImageDecoder: await withoutImageDecoder(() => top1Of(jpeg)),
    fullDecode: await top1Of(full),
    naive: naiveClassify(raw, full)[0]?.index,
  };
  full.close();
  element.remove();
  raw.dispose();
  classifier.dispose();
  strawberry.close();
  return { backend, jpegBytes: jpeg.size, endToEnd, photoPair, smallPhoto, burst, decode, formats, agreement };
}

/**
 * backend 'webgpu' (issue 14, target 6) against wasm in the same page: cold load (with its first
 * execute), batch-1 classify() of a 96×96 picture and of a 720p frame, and top-1 on the 30 test images.
 */
async function webgpuTrial({ modelUrl, warmup, iterations }: { modelUrl: string; warmup: number; iterations: number }) {
  const adapter = await (
    navigator as unknown as { gpu?: { requestAdapter(): Promise<{ info?: { architecture?: string } } | null> } }
  ).gpu?.requestAdapter();
  const gpuLoad = await timeOnce(() => loadClassifier({ modelUrl, backend: 'webgpu', cache: false }));
  const gpu = gpuLoad.value;
  if (gpu.backend !== 'webgpu') throw new Error(`asked for webgpu, got ${gpu.backend}`);
  const wasmLoad = await timeOnce(() => loadClassifier({ modelUrl, backend: 'wasm', cache: false }));
  const wasm = wasmLoad.value;
  const images = await loadTestImages();
  const strawberry = images.find((i) => i.file === FRAME_IMAGE)!.bitmap;
  const canvas96 = drawnCanvas(strawberry, 96, 96);
  const frame720 = drawnCanvas(strawberry, 1280, 720);
  const timed = await timeInterleaved(
    {
      webgpu96: () => gpu.classify(canvas96),
      wasm96: () => wasm.classify(canvas96),
      webgpu720: () => gpu.classify(frame720),
      wasm720: () => wasm.classify(frame720),
    },
    warmup,
    iterations,
  );
  let agree = 0;
  let correct = 0;
  for (const { bitmap, index } of images) {
    const [a, b] = [await gpu.classify(bitmap, { topK: 1 }), await wasm.classify(bitmap, { topK: 1 })];
    if (a.predictions[0]!.index === b.predictions[0]!.index) agree++;
    if (a.predictions[0]!.index === index) correct++;
  }
  gpu.dispose();
  wasm.dispose();
  return {
    adapter: adapter?.info?.architecture ?? (adapter ? 'unknown' : 'none'),
    loadMs: { webgpu: gpuLoad.ms, wasm: wasmLoad.ms },
    ...timed,
    top1: { images: images.length, agreeWithWasm: agree, correct },
  };
}

/**
 * The core on wasm with threads: a cross-origin-isolated page, where the core starts tf.js's threaded SIMD
 * build (bench.ts makes the page see 4 logical cores, so tf.js runs 2 threads). Batch 1 as steady() times
 * it (bare model and classify() on a ready 96×96 picture) and the bare batch 8.
 */
async function wasmWithThreads({
  modelUrl,
  warmup,
  iterations,
}: {
  modelUrl: string;
  warmup: number;
  iterations: number;
}) {
  const started = performance.now();
  const classifier = await loadClassifier({ modelUrl, backend: 'wasm', cache: false });
  const loadMs = performance.now() - started;
  if (classifier.backend !== 'wasm') throw new Error(`asked for wasm, got ${classifier.backend}`);
  const wasm = await import('@tensorflow/tfjs-backend-wasm');
  const multithread = tf.env().getBool('WASM_HAS_MULTITHREAD_SUPPORT');
  console.info(`bench: wasm-threads: multithread ${multithread}, threads ${wasm.getThreadsCount()}`);
  const images = await loadTestImages();
  const strawberry = images.find((i) => i.file === FRAME_IMAGE)!.bitmap;
  const raw = await loadGraphModel(modelUrl);
  const canvas96 = drawnCanvas(strawberry, 96, 96);
  const x1 = await inputBatch([strawberry]);
  const x8 = await inputBatch(images.slice(0, 8).map((i) => i.bitmap));
  const batch1 = await timeInterleaved(
    { bare: () => bare(raw, x1), classify96: async () => void (await classifier.classify(canvas96)) },
    warmup,
    iterations,
  );
  const batch8 = await timeInterleaved({ bare8: () => bare(raw, x8) }, Math.min(warmup, 3), Math.ceil(iterations / 4));
  const top1 = (await classifier.classify(strawberry, { topK: 1 })).predictions[0]!;
  tf.dispose([x1, x8]);
  raw.dispose();
  classifier.dispose();
  return {
    crossOriginIsolated,
    hardwareConcurrency: navigator.hardwareConcurrency,
    multithread,
    threads: wasm.getThreadsCount(),
    loadMs,
    batch1,
    ...batch8,
    top1: { index: top1.index, label: top1.label },
  };
}

/** One kernel call as the converter made it during an execute, for a replay without the converter. */
interface KernelCall {
  name: string;
  inputs: Record<string, tf.Tensor>;
  attrs: tf.NamedAttrMap;
  outputs: tf.Tensor[];
}

/** What the wasm backend's kernels take and return: tensors without the engine's bookkeeping. */
type TensorInfo = { dataId: object; shape: number[]; dtype: string };

/**
 * Records the top-level kernel calls of one `model.execute` on `input` (a kernel that calls others is
 * recorded once), and returns two replays of them, each giving the logits: through tf.engine().runKernel,
 * and straight on the wasm backend's kernel functions. The recorded tensors stay alive until `dispose`:
 * the replays look their inputs up by them.
 */
function recordKernels(model: GraphModel, input: tf.Tensor) {
  const engine = tf.engine();
  const runKernel = engine.runKernel.bind(engine);
  const calls: KernelCall[] = [];
  let depth = 0;
  engine.runKernel = ((name: string, inputs: Record<string, tf.Tensor>, attrs: tf.NamedAttrMap) => {
    depth++;
    try {
      const out = runKernel(name, inputs, attrs) as tf.Tensor | tf.Tensor[];
      if (depth === 1) calls.push({ name, inputs: { ...inputs }, attrs: { ...attrs }, outputs: [out].flat() });
      return out;
    } finally {
      depth--;
    }
  }) as typeof engine.runKernel;
  let logits: tf.Tensor;
  try {
    logits = model.execute({ images: input }, 'logits') as tf.Tensor;
  } finally {
    engine.runKernel = runKernel;
  }
  const expected = logits.dataSync().slice();
  const produced = new Set(calls.flatMap((c) => c.outputs));
  const inputsOf = <T>(call: KernelCall, live: Map<tf.Tensor, T>) =>
    Object.fromEntries(Object.entries(call.inputs).map(([k, t]) => [k, produced.has(t) ? live.get(t)! : t]));

  const viaEngine = () => {
    const live = new Map<tf.Tensor, tf.Tensor>();
    const made: tf.Tensor[] = [];
    for (const call of calls) {
      const out = [runKernel(call.name, inputsOf(call, live), call.attrs) as tf.Tensor | tf.Tensor[]].flat();
      call.outputs.forEach((t, i) => live.set(t, out[i]!));
      made.push(...out);
    }
    const data = live.get(logits)!.dataSync();
    tf.dispose(made);
    return data;
  };

  const backend = tf.backend() as unknown as {
    disposeData(dataId: object): void;
    readSync(dataId: object): Float32Array;
  };
  const kernels = calls.map((c) => tf.getKernel(c.name, 'wasm')!.kernelFunc);
  const direct = () => {
    const live = new Map<tf.Tensor, TensorInfo>();
    const made: TensorInfo[] = [];
    calls.forEach((call, n) => {
      const args = { inputs: inputsOf(call, live), attrs: call.attrs, backend };
      const out = [kernels[n]!(args as never) as TensorInfo | TensorInfo[]].flat();
      call.outputs.forEach((t, i) => live.set(t, out[i]!));
      made.push(...out);
    });
    const data = backend.readSync(live.get(logits)!.dataId);
    // A Reshape output shares its input's buffer and counts one more reference to it: one release each.
    for (const info of made) backend.disposeData(info.dataId);
    return data;
  };
  const maxDiff = (a: ArrayLike<number>) => Math.max(...Array.from(a, (v, i) => Math.abs(v - expected[i]!)));
  return {
    calls,
    viaEngine,
    direct,
    agreement: { engine: maxDiff(viaEngine()), direct: maxDiff(direct()) },
    dispose: () => tf.dispose([logits, ...produced]),
  };
}

/**
 * Where the fixed time of a batch-1 run on wasm goes (issue 14, target 5's floor). The same kernels, on
 * the same tensors, three ways, interleaved in one page, at batch 1 and 8:
 * - `execute`: the converter's GraphModel.execute, then dataSync of the logits (what the core runs);
 * - `engine`: the kernels the converter called, replayed through tf.engine().runKernel (the engine's
 *   bookkeeping, without the graph executor and the ops' argument checks);
 * - `direct`: the same kernels called straight on the wasm backend (its JS wrappers and the wasm code).
 * execute − engine is the converter's share, engine − direct the engine's; direct at batch 1 and 8 splits
 * the kernels' own time into a fixed part per run and a part per image.
 */
async function wasmFloor({ modelUrl, warmup, iterations }: { modelUrl: string; warmup: number; iterations: number }) {
  setWasmThreads(1);
  await startBackend('wasm');
  const model = await loadGraphModel(modelUrl);
  const graphNodes = ((await (await fetch(modelUrl)).json()) as { modelTopology: { node: unknown[] } }).modelTopology
    .node.length;
  const images = await loadTestImages();
  const x1 = await inputBatch([images.find((i) => i.file === FRAME_IMAGE)!.bitmap]);
  const x8 = await inputBatch(images.slice(0, 8).map((i) => i.bitmap));
  bareSync(model, x1);
  bareSync(model, x8);
  const one = recordKernels(model, x1);
  const eight = recordKernels(model, x8);

  const samples: Partial<Record<'execute' | 'engine' | 'direct' | 'execute8' | 'direct8', number[]>> = {};
  const timed = await timeInterleaved(
    {
      execute: async () => bareSync(model, x1),
      engine: async () => void one.viaEngine(),
      direct: async () => void one.direct(),
      execute8: async () => bareSync(model, x8),
      direct8: async () => void eight.direct(),
    },
    warmup,
    iterations,
    samples,
  );
  // Medians of the per-round differences: a change of load over the run hits both sides of each.
  const paired = (a: number[] = [], b: number[] = []) => {
    const d = a.map((x, i) => x - b[i]!).sort((x, y) => x - y);
    return d[Math.floor(d.length / 2)] ?? NaN;
  };
  const kernelsPerImage = paired(samples.direct8, samples.direct) / 7;
  const profile = await tf.profile(() => bareSync(model, x1));
  const byKernel: Record<string, number> = {};
  for (const call of one.calls) byKernel[call.name] = (byKernel[call.name] ?? 0) + 1;
  const result = {
    graphNodes,
    kernelCalls: one.calls.length,
    byKernel,
    agreement: { batch1: one.agreement, batch8: eight.agreement },
    ...timed,
    converterMs: paired(samples.execute, samples.engine),
    engineMs: paired(samples.engine, samples.direct),
    kernelsPerImageMs: kernelsPerImage,
    kernelsFixedMs: timed.direct.p50 - kernelsPerImage,
    profile: {
      kernels: profile.kernels.length,
      kernelMs: profile.kernels.reduce((a, k) => a + Number(k.kernelTimeMs), 0),
    },
    threads: (await import('@tensorflow/tfjs-backend-wasm')).getThreadsCount(),
  };
  one.dispose();
  eight.dispose();
  tf.dispose([x1, x8]);
  model.dispose();
  return result;
}

const bench = {
  coldCore,
  coldRaw,
  steady,
  memoryAfterFrames,
  longTasks,
  tfliteRuntime,
  litertRuntime,
  compareModels,
  compareGraphs,
  elementFirstResult,
  autoBackend,
  decodeCost,
  explainCost,
  batchList,
  phonePhoto,
  webgpuTrial,
  wasmWithThreads,
  wasmFloor,
  environment,
};

export type Bench = typeof bench;
export type { Stats };

declare global {
  interface Window {
    bench: Bench;
  }
}

window.bench = bench;
document.body.dataset.ready = 'true';
