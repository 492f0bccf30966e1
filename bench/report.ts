/**
 * Turns the raw results of a benchmark run into the issue's ratios and markdown tables (Node side).
 * Every ratio compares two numbers measured in the same run, mostly in the same page.
 */

export interface Stats {
  n: number;
  p50: number;
  p95: number;
  mean: number;
  min: number;
  max: number;
}

export type Backend = 'webgl' | 'wasm' | 'cpu';

/** One scenario: what the page returned, or why it failed. */
export interface ScenarioRecord {
  wallMs: number;
  loadavg: { before: number[]; after: number[] };
  /** Share of the machine's CPU busy in the 300 ms before the scenario's browser started (other work). */
  cpuBusyBefore?: number;
  /** JSON from the page; its shape depends on the scenario. */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- one shape per scenario, read where each is reported
  result?: any;
  error?: string;
  pageErrors?: string[];
  /** The `bench:` progress messages of a page that failed or hung. */
  progress?: string[];
}

export interface ModelSize {
  dir: string;
  files: Record<string, number>;
  /** model.json + weight shards + labels.json: what a first visit downloads for the model. */
  downloadBytes: number;
  /** The same files gzip-compressed (level 9), for a host that compresses. */
  gzipBytes: number;
  /** What a typical static host sends: the JSON files gzip-compressed, the binary shards as they are. */
  jsonGzipBytes: number;
}

export interface Target {
  id: string;
  what: string;
  goal: string;
  value: string;
  met: boolean | undefined;
  detail: string;
}

const BACKENDS: Backend[] = ['webgl', 'wasm', 'cpu'];

export function ms(x: number | undefined): string {
  if (x === undefined || Number.isNaN(x)) return '–';
  if (x >= 100) return x.toFixed(0);
  if (x >= 10) return x.toFixed(1);
  return x.toFixed(2);
}

function ratio(x: number | undefined): string {
  return x === undefined || !Number.isFinite(x) ? '–' : `${x.toFixed(2)}×`;
}

function pct(x: number | undefined): string {
  return x === undefined || !Number.isFinite(x) ? '–' : `${(x * 100).toFixed(1)}%`;
}

function bytes(n: number | undefined): string {
  if (n === undefined) return '–';
  return `${n.toLocaleString('en-US')} B (${(n / 1e6).toFixed(3)} MB, ${(n / 2 ** 20).toFixed(3)} MiB)`;
}

function table(header: string[], rows: string[][]): string {
  return [
    `| ${header.join(' | ')} |`,
    `|${header.map(() => '---').join('|')}|`,
    ...rows.map((r) => `| ${r.join(' | ')} |`),
  ].join('\n');
}

type Scenarios = Record<string, ScenarioRecord>;

const get = (scenarios: Scenarios, name: string) => scenarios[name]?.result;
const failed = (scenarios: Scenarios, name: string) =>
  scenarios[name]?.error ? `error: ${scenarios[name].error?.split('\n')[0]}` : '–';

/** The backend with the lowest p50 of `pick`, among those measured. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a scenario's result, see Scenario.result
function best(scenarios: Scenarios, pick: (steady: any) => number | undefined, among: Backend[] = BACKENDS) {
  let winner: { backend: Backend; value: number } | undefined;
  for (const backend of among) {
    const steady = get(scenarios, `steady:${backend}`);
    const value = steady ? pick(steady) : undefined;
    if (value !== undefined && (!winner || value < winner.value)) winner = { backend, value };
  }
  return winner;
}

export function targets(scenarios: Scenarios, sizes: { float32?: ModelSize; float16?: ModelSize }): Target[] {
  const list: Target[] = [];

  // 1. 720p end to end vs the naive pipeline.
  const oursBest = best(scenarios, (s) => s.frame720?.ours?.p50);
  const naiveBest = best(scenarios, (s) => s.frame720?.naive?.p50);
  const sameBackend = BACKENDS.map((b) => {
    const s = get(scenarios, `steady:${b}`);
    return s ? `${b} ${ratio(s.frame720.naive.p50 / s.frame720.ours.p50)}` : `${b} –`;
  }).join(', ');
  const speedup = oursBest && naiveBest ? naiveBest.value / oursBest.value : undefined;
  list.push({
    id: 'frame720-vs-naive',
    what: 'End to end per 1280×720 frame, faster than the naive tf.js pipeline (best backend of each)',
    goal: '≥ 3×',
    value:
      oursBest && naiveBest
        ? `${ratio(speedup)} (ours ${oursBest.backend} ${ms(oursBest.value)} ms vs naive ${naiveBest.backend} ${ms(naiveBest.value)} ms)`
        : '–',
    met: speedup === undefined ? undefined : speedup >= 3,
    detail: `same backend, naive p50 / ours p50: ${sameBackend}`,
  });

  // 2. Pipeline overhead over the bare model.
  const overheads = BACKENDS.map((b) => {
    const s = get(scenarios, `steady:${b}`);
    return s
      ? {
          backend: b,
          overhead: s.batch1.classify96.p50 / s.batch1.bare.p50 - 1,
          paired: s.batch1.pairedOverhead as number | undefined,
        }
      : undefined;
  }).filter((x): x is { backend: Backend; overhead: number; paired: number | undefined } => x !== undefined);
  const bestBackend = best(scenarios, (s) => s.batch1?.classify96?.p50);
  const headline = overheads.find((o) => o.backend === bestBackend?.backend);
  list.push({
    id: 'overhead-vs-bare',
    what: 'classify() on a ready 96×96 picture (crop + upload + top-k) over bare model.execute + read-back, on our best backend',
    goal: '≤ 15%',
    value: headline
      ? `${pct(headline.overhead)} (${headline.backend}; paired per round: ${pct(headline.paired)})`
      : '–',
    met: headline ? headline.overhead <= 0.15 : undefined,
    detail:
      `ratio of p50s per backend: ${overheads.map((o) => `${o.backend} ${pct(o.overhead)}`).join(', ')}; ` +
      `median of per-round ratios: ${overheads.map((o) => `${o.backend} ${pct(o.paired)}`).join(', ')}; ` +
      `a whole 1280×720 frame over the bare model: ${BACKENDS.map((b) => {
        const s = get(scenarios, `steady:${b}`);
        return s ? `${b} ${pct(s.frame720.ours.p50 / s.batch1.bare.p50 - 1)}` : undefined;
      })
        .filter(Boolean)
        .join(', ')}`,
  });

  // 3. Our best backend at batch 1 vs the TFLite runtime.
  const tflite = get(scenarios, 'tflite');
  const oursBare = best(scenarios, (s) => s.batch1?.bare?.p50);
  const oursClassify = bestBackend;
  if (tflite) {
    const pipelineRatio = oursClassify ? oursClassify.value / tflite.batch1.classify96.p50 : undefined;
    const bareRatio = oursBare ? oursBare.value / tflite.batch1.bare.p50 : undefined;
    list.push({
      id: 'batch1-vs-tflite',
      what: 'Our best backend at batch 1 vs the TFLite web runtime (uint8 tflite, XNNPACK), same 96×96 crop and top-k',
      goal: '≤ 1.3× (issue 14)',
      value: `${ratio(pipelineRatio)} (ours ${oursClassify?.backend} ${ms(oursClassify?.value)} ms vs TFLite ${ms(tflite.batch1.classify96.p50)} ms)`,
      met: pipelineRatio === undefined ? undefined : pipelineRatio <= 1.3,
      detail: `bare model vs bare runtime (ready input, read-back): ${ratio(bareRatio)} (ours ${oursBare?.backend} ${ms(oursBare?.value)} ms vs TFLite infer() ${ms(tflite.batch1.bare.p50)} ms)`,
    });
  } else {
    list.push({
      id: 'batch1-vs-tflite',
      what: 'Our best backend at batch 1 vs the TFLite web runtime',
      goal: '≤ 1.3× (issue 14)',
      value: failed(scenarios, 'tflite'),
      met: undefined,
      detail: '',
    });
  }

  // 3b. LiteRT.js, Google's current web runtime, on the same tflite.
  const litert = get(scenarios, 'litert');
  if (litert) {
    const r = oursClassify ? oursClassify.value / litert.batch1.classify96.p50 : undefined;
    list.push({
      id: 'batch1-vs-litert',
      what: 'Our best backend at batch 1 vs LiteRT.js (@litertjs/core, wasm/XNNPACK) on the same uint8 tflite, same crop and top-k',
      goal: 'report',
      value: `${ratio(r)} (ours ${oursClassify?.backend} ${ms(oursClassify?.value)} ms vs LiteRT.js ${ms(litert.batch1.classify96.p50)} ms)`,
      met: undefined,
      detail:
        `LiteRT.js: load ${ms(litert.loadMs)} ms (runtime ${ms(litert.runtimeLoadMs)}, compile ${ms(litert.compileMs)}), first run ${ms(litert.firstInferenceMs)} ms, bare ${ms(litert.batch1.bare.p50)} ms, downloads ${bytes(litert.downloadBytes)}, top-1 ${litert.top1.correct}/${litert.top1.images}; ` +
        (tflite
          ? `tfjs-tflite: load ${ms(tflite.loadMs)} ms, bare ${ms(tflite.batch1.bare.p50)} ms, downloads ${bytes(tflite.downloadBytes)}`
          : ''),
    });
  }

  // 3c. wasm with threads (isolated pages) beside one thread and the TFLite runtimes, at batch 1.
  const threads = get(scenarios, 'wasm-threads');
  const single = get(scenarios, 'steady:wasm');
  if (threads) {
    const over = (a: number | undefined, b: number | undefined) => (a && b ? ratio(a / b) : '–');
    const t = threads.batch1;
    list.push({
      id: 'batch1-wasm-threads',
      what: `wasm with ${threads.threads} threads (cross-origin-isolated page) at batch 1, classify() on a ready 96×96 picture: over one thread, TFLite, LiteRT.js`,
      goal: 'report',
      value:
        `${over(t.classify96.p50, single?.batch1.classify96.p50)} of one thread; ` +
        `${over(t.classify96.p50, tflite?.batch1.classify96.p50)} of tfjs-tflite; ${over(t.classify96.p50, litert?.batch1.classify96.p50)} of LiteRT.js`,
      met: undefined,
      detail:
        `${ms(t.classify96.p50)} ms threaded vs ${ms(single?.batch1.classify96.p50)} ms one thread; bare model ${ms(t.bare.p50)} vs ${ms(single?.batch1.bare.p50)} ms ` +
        `(${over(t.bare.p50, single?.batch1.bare.p50)}); bare batch 8 ${ms(threads.bare8.p50)} ms; top-1 ${threads.top1.label}`,
    });
  } else if (scenarios['wasm-threads']) {
    list.push({
      id: 'batch1-wasm-threads',
      what: 'wasm with threads (cross-origin-isolated page) at batch 1',
      goal: 'report',
      value: failed(scenarios, 'wasm-threads'),
      met: undefined,
      detail: '',
    });
  }

  // 4. float16 download size and agreement.
  const f16 = sizes.float16;
  const compare = get(scenarios, 'float16');
  list.push({
    id: 'float16-size',
    what: 'Model download with the float16 backbone: model.json + shards + labels.json',
    goal: '≤ 2.7 MB',
    value: f16 ? bytes(f16.downloadBytes) : '–',
    met: f16 ? f16.downloadBytes <= 2.7e6 : undefined,
    detail: f16
      ? `${f16.downloadBytes <= 2.7 * 2 ** 20 ? 'within' : 'over'} 2.7 MiB; with the JSON files gzip-compressed (shards as they are) ${bytes(f16.jsonGzipBytes)}; ` +
        `everything gzip-9 ${bytes(f16.gzipBytes)}; float32 model ${bytes(sizes.float32?.downloadBytes)}`
      : '',
  });
  list.push({
    id: 'float16-agreement',
    what: 'float16 model: top-1 agreement with float32 on the 30 test images; max probability difference',
    goal: '30/30',
    value: compare
      ? `${compare.top1Agreement}/${compare.images}, max |Δp| ${compare.maxProbabilityDiff.toExponential(2)}`
      : failed(scenarios, 'float16'),
    met: compare ? compare.top1Agreement === compare.images : undefined,
    detail: compare
      ? `backend ${compare.backend}; top-5 sets equal on ${compare.top5SetAgreement}/${compare.images}; top-1 correct: float32 ${compare.referenceTop1Correct}, float16 ${compare.candidateTop1Correct}`
      : '',
  });

  // 5. Second visit.
  for (const variant of ['wasm', 'auto']) {
    const visit = get(scenarios, `second-visit:${variant}`);
    if (!visit) continue;
    const [first, second] = visit.visits;
    list.push({
      id: `second-visit-${variant}`,
      what: `Second visit, <mobilenet-classifier backend="${variant}">: model bytes over the network, and connected → first result`,
      goal: '0 model bytes',
      value: `${second.modelBytes} B (first visit ${first.modelBytes} B); ${ms(first.page.ms)} ms → ${ms(second.page.ms)} ms`,
      met: second.modelBytes === 0,
      detail: `second-visit requests for the model: ${second.modelRequests.map((r: { path: string; status: number }) => `${r.path} ${r.status}`).join(', ') || 'none'}`,
    });
  }

  // 6. backend auto.
  const auto = get(scenarios, 'auto');
  const fastest = best(scenarios, (s) => s.batch1?.bare?.p50, ['wasm', 'webgl']);
  if (auto) {
    list.push({
      id: 'auto-backend',
      what: 'backend "auto" picks the faster backend on this device (by the benchmark\'s own bare batch-1 p50)',
      goal: `= ${fastest?.backend ?? '?'}`,
      value: `${auto.chosen} (its own medians: ${Object.entries(auto.measured ?? {})
        .map(([b, v]) => `${b} ${ms(v as number)} ms`)
        .join(', ')})`,
      met: fastest ? auto.chosen === fastest.backend : undefined,
      detail:
        `first load ${ms(auto.firstLoadMs)} ms (on ${auto.startedOn ?? '?'}), first classify() ${ms(auto.firstResultMs)} ms on ${auto.firstResultBackend ?? '?'}, ` +
        `settled ${ms(auto.settleMs)} ms later; second load (remembered) ${ms(auto.secondLoadMs)} ms`,
    });
  }

  // 8. Phone photos as files (issue 14, target 1), and what the element adds (target 2).
  const photo = get(scenarios, 'photo:wasm');
  if (photo) {
    const e = photo.endToEnd;
    const speedup = e.naive.p50 / e.ours.p50;
    list.push({
      id: 'phone-photo-vs-naive',
      what: '4032×3024 JPEG file end to end, core classify(blob) on wasm, faster than the naive pipeline (decode whole, fromPixels, resizeBilinear…)',
      goal: '≥ 8×, ≤ 25 ms here',
      value: `${ratio(speedup)} (${ms(e.ours.p50)} ms vs ${ms(e.naive.p50)} ms)`,
      met: speedup >= 8 && e.ours.p50 <= 25,
      detail:
        `without ImageDecoder (WebKit's path) ${ms(e.oursNoImageDecoder.p50)} ms (${ratio(e.naive.p50 / e.oursNoImageDecoder.p50)}); ` +
        `previous pipeline (whole decode, then classify) ${ms(e.oursFullDecode.p50)} ms (${ratio(e.naive.p50 / e.oursFullDecode.p50)}); ` +
        `top-1 ours ${photo.agreement.ours}, no ImageDecoder ${photo.agreement.oursNoImageDecoder}, full decode ${photo.agreement.fullDecode}, naive ${photo.agreement.naive}`,
    });
  } else {
    list.push({
      id: 'phone-photo-vs-naive',
      what: '4032×3024 JPEG file end to end on wasm vs the naive pipeline',
      goal: '≥ 8×',
      value: failed(scenarios, 'photo:wasm'),
      met: undefined,
      detail: '',
    });
  }
  const elementRows = BACKENDS.map((b) => [b, get(scenarios, `photo:${b}`)] as const).filter(([, r]) => r);
  if (elementRows.length) {
    const over = (r: { photoPair: Record<string, Stats>; smallPhoto: Record<string, Stats> }) => ({
      photo: r.photoPair.element.p50 / r.photoPair.core.p50 - 1,
      small: r.smallPhoto.element.p50 / r.smallPhoto.core.p50 - 1,
      frame: r.smallPhoto.frameElement.p50 / r.smallPhoto.frameCore.p50 - 1,
    });
    const worst = Math.max(...elementRows.flatMap(([, r]) => Object.values(over(r))));
    list.push({
      id: 'element-overhead',
      what: "The element's classify() over the core's, per photo and per camera-sized frame; its render follows in the next animation frame, once per frame",
      goal: '≤ 10%',
      value: `worst ${pct(worst)}`,
      met: worst <= 0.1,
      detail: elementRows
        .map(([b, r]) => {
          const o = over(r);
          const { photoPair: e, smallPhoto: s, burst } = r;
          return (
            `${b}: 4032×3024 ${pct(o.photo)} (${ms(e.element.p50)} vs ${ms(e.core.p50)} ms), ` +
            `500×375 ${pct(o.small)} (${ms(s.element.p50)} vs ${ms(s.core.p50)} ms; on screen ${ms(s.elementShown.p50)} ms), ` +
            `1280×720 frame ${pct(o.frame)} (${ms(s.frameElement.p50)} vs ${ms(s.frameCore.p50)} ms); ` +
            `a burst of ${burst.results} frames back to back made ${burst.renders} renders`
          );
        })
        .join('; '),
    });
  }

  // 9. First visit on auto (issue 14, target 3): connected → first result against wasm's.
  const autoVisit = get(scenarios, 'second-visit:auto')?.visits?.[0];
  const wasmVisit = get(scenarios, 'second-visit:wasm')?.visits?.[0];
  if (autoVisit && wasmVisit) {
    const r = autoVisit.page.ms / wasmVisit.page.ms;
    list.push({
      id: 'auto-first-result',
      what: 'First visit, <mobilenet-classifier backend="auto">: connected → first result, against backend="wasm" (separate fresh browsers)',
      goal: '≤ 1.3×',
      value: `${ratio(r)} (${ms(autoVisit.page.ms)} ms vs ${ms(wasmVisit.page.ms)} ms)`,
      met: r <= 1.3,
      detail:
        `first result on ${autoVisit.page.backend}; ` +
        (auto
          ? `auto then settled on ${auto.chosen} ${ms(auto.settleMs)} ms after its load (medians ${Object.entries(
              auto.measured ?? {},
            )
              .map(([b, v]) => `${b} ${ms(v as number)} ms`)
              .join(', ')})`
          : ''),
    });
  }
  const serial = get(scenarios, 'cold-raw:webgl');
  const parallel = get(scenarios, 'cold-raw-parallel:webgl');
  if (serial && parallel) {
    list.push({
      id: 'webgl-parallel-compile',
      what: "WebGL cold first execute, shaders compiled in parallel (ENGINE_COMPILE_ONLY + KHR_parallel_shader_compile) vs tf.js's default",
      goal: 'report',
      // Without the extension the core's warm-up is one ordinary run: the two rows then time the same thing.
      value: parallel.parallelExtension
        ? `${ratio(serial.firstInferenceMs / parallel.firstInferenceMs)} faster (${ms(parallel.firstInferenceMs)} vs ${ms(serial.firstInferenceMs)} ms)`
        : `not measurable here: no KHR_parallel_shader_compile (${ms(parallel.firstInferenceMs)} vs ${ms(serial.firstInferenceMs)} ms, the same code path)`,
      met: undefined,
      detail: `extension present: ${parallel.parallelExtension}; longest main-thread block during it ${ms(parallel.longestGapMs)} vs ${ms(serial.longestGapMs)} ms (separate fresh browsers)`,
    });
  }

  // 10. WebGPU (issue 14, target 6).
  const webgpu = get(scenarios, 'webgpu');
  list.push({
    id: 'webgpu',
    what: "backend 'webgpu' (tf.js WebGPU backend; software SwiftShader/Vulkan here): top-1 on the 30 test images as on wasm, and its speed against wasm in the same page",
    goal: '30/30 same top-1',
    value: webgpu ? `${webgpu.top1.agreeWithWasm}/${webgpu.top1.images}` : failed(scenarios, 'webgpu'),
    met: webgpu ? webgpu.top1.agreeWithWasm === webgpu.top1.images : undefined,
    detail: webgpu
      ? `adapter ${webgpu.adapter}; classify 96×96 p50 ${ms(webgpu.webgpu96.p50)} vs wasm ${ms(webgpu.wasm96.p50)} ms (${ratio(webgpu.webgpu96.p50 / webgpu.wasm96.p50)}), 720p ${ms(webgpu.webgpu720.p50)} vs ${ms(webgpu.wasm720.p50)} ms; ` +
        `load (incl. first execute) ${ms(webgpu.loadMs.webgpu)} vs ${ms(webgpu.loadMs.wasm)} ms; top-1 correct ${webgpu.top1.correct}/${webgpu.top1.images}`
      : '',
  });

  // 7. Long tasks.
  const longTasks = Object.entries(scenarios).filter(([name, s]) => name.startsWith('longtasks:ours:') && s.result);
  if (longTasks.length) {
    const rows = longTasks.map(([name, s]) => `${name.split(':')[2]} ${s.result.longTasksPerMinute.toFixed(1)}/min`);
    const bestLive = best(scenarios, (s) => s.frame720?.ours?.p50);
    const onBest = scenarios[`longtasks:ours:${bestLive?.backend}`]?.result;
    list.push({
      id: 'long-tasks',
      what: 'Long tasks (> 50 ms) per minute, live classification of a 1280×720 video on the main thread',
      goal: 'report (0 is the aim)',
      value: onBest ? `${onBest.longTasksPerMinute.toFixed(1)}/min on ${bestLive?.backend}` : '–',
      met: onBest ? onBest.longTasks === 0 : undefined,
      detail: rows.join(', '),
    });
  }

  // 8. explain() by occlusion, 7 × 7 (issue 15).
  const explain = get(scenarios, 'explain:wasm');
  if (explain) {
    list.push({
      id: 'explain-wasm',
      what: 'explain() with a 7 × 7 grid (49 occluded copies + the whole picture) on wasm, p50',
      goal: '≤ 150 ms',
      value: `${ms(explain.explain7.p50)} ms (${ratio(explain.ratio)} one classify() of ${ms(explain.classify.p50)} ms)`,
      met: explain.explain7.p50 <= 150,
      detail: `paired ratio ${ratio(explain.pairedRatio)}; p95 ${ms(explain.explain7.p95)} ms`,
    });
  }

  // 9. The results list (issue 15): a batch of files through the element, against the core in the same page.
  const batch = get(scenarios, 'batch-list:wasm');
  if (batch) {
    list.push({
      id: 'batch-list-wasm',
      what: `${batch.files} files given to the element at once, on wasm, until mobilenet-batch-done, against the core's classifyBatch of the same files`,
      goal: 'the element adds little; the page stays responsive',
      value: `${(batch.elementMs / 1000).toFixed(1)} s, ${ratio(batch.elementVsCoreBatch)} the core's ${(batch.coreBatchMs / 1000).toFixed(1)} s`,
      met: undefined,
      detail:
        `${Math.round((batch.files * 1000) / batch.elementMs)} files/s; first row after ${ms(batch.firstRowMs)} ms; ` +
        `longest main-thread task ${ms(batch.longestTaskMs)} ms; ${batch.rows} rows, ${batch.failed} failed${batch.cancelled ? ', cancelled' : ''}; ` +
        `one by one with classify() ${(batch.oneByOneMs / 1000).toFixed(1)} s (${ratio(batch.elementVsOneByOne)} of it)`,
    });
  }
  // 10. First paint before tf.js (issue 14, target 4): the drop-in as shipped against it in one file.
  const paint = get(scenarios, 'first-paint');
  if (paint) {
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
    const of = (network: string, variant: string, key: string) =>
      median((paint.visits[network]?.[variant] ?? []).map((v: Record<string, number>) => v[key]));
    const { entryGzipBytes, withImportsGzipBytes } = paint.firstScript;
    const kb = (n: number) => `${(n / 1000).toFixed(1)} KB`;
    const on = (network: string) =>
      ['painted', 'ready', 'firstResult']
        .map(
          (key) =>
            `${key} ${ms(of(network, 'split', key))} vs ${ms(of(network, 'single', key))} ms (${ratio(of(network, 'split', key) / of(network, 'single', key))})`,
        )
        .join(', ');
    list.push({
      id: 'first-paint',
      what: 'The drop-in: its first script, gzipped, and navigation → element painted, ready and first result, against the same code as one file (fresh browser each, median)',
      goal: 'first script ≤ 60 KB gzipped; paints before tf.js',
      value: `first script ${kb(entryGzipBytes)}, ${kb(withImportsGzipBytes)} with its static imports; painted ${ratio(of('local', 'split', 'painted') / of('local', 'single', 'painted'))} locally, ${ratio(of('slow-4g', 'split', 'painted') / of('slow-4g', 'single', 'painted'))} on slow 4G`,
      met: withImportsGzipBytes <= 60_000,
      detail:
        `local: ${on('local')}; slow 4G: ${on('slow-4g')}; ` +
        `JS fetched on the wasm page ${kb(of('local', 'split', 'jsGzipBytes'))} in ${of('local', 'split', 'jsFiles')} files vs ${kb(of('local', 'single', 'jsGzipBytes'))} in 1 (gzipped); ${paint.rounds} rounds`,
    });
  }
  return list;
}

export function markdown(run: {
  scenarios: Scenarios;
  sizes: { float32?: ModelSize; float16?: ModelSize };
  options: { frames: number; throughputImages: number };
  targets: Target[];
}): string {
  const { scenarios: sc } = run;
  const out: string[] = [];
  const backends = BACKENDS.filter((b) => sc[`steady:${b}`] || sc[`cold-raw:${b}`]);

  out.push('### Targets\n');
  out.push(
    table(
      ['target', 'goal', 'this run', 'met', 'detail'],
      run.targets.map((t) => [t.what, t.goal, t.value, t.met === undefined ? '?' : t.met ? 'yes' : '**no**', t.detail]),
    ),
  );

  out.push('\n### Load and first inference (fresh browser each, ms)\n');
  out.push(
    table(
      [
        'backend',
        'backend start',
        'loadGraphModel (fetch + parse)',
        'of which fetch',
        'first execute (cold)',
        'second execute',
        'loadClassifier (fetch + load + warm-up)',
        'first classify() 720p after it',
        'second classify()',
      ],
      backends.map((b) => {
        const raw = get(sc, `cold-raw:${b}`);
        const core = get(sc, `cold-core:${b}`);
        return [
          b,
          ms(raw?.backendStartMs),
          ms(raw?.fetchLoadMs),
          ms(raw?.fetch?.fetchMs),
          ms(raw?.firstInferenceMs),
          ms(raw?.secondInferenceMs),
          ms(core?.loadMs),
          ms(core?.firstClassifyMs),
          ms(core?.secondClassifyMs),
        ];
      }),
    ),
  );

  out.push('\n### Steady state per image (ms, p50 / p95)\n');
  out.push(
    table(
      [
        'backend',
        'bare execute b1 (await data)',
        'bare b1 (dataSync)',
        'bare b8, per image',
        'classify() 96×96',
        'of which preprocess',
        'overhead vs bare (p50s / paired)',
      ],
      backends.map((b) => {
        const s = get(sc, `steady:${b}`);
        if (!s) return [b, failed(sc, `steady:${b}`), '', '', '', '', ''];
        return [
          b,
          `${ms(s.batch1.bare.p50)} / ${ms(s.batch1.bare.p95)}`,
          `${ms(s.batch1.bareSync.p50)} / ${ms(s.batch1.bareSync.p95)}`,
          `${ms(s.batch8.bare8.p50 / 8)} / ${ms(s.batch8.bare8.p95 / 8)}`,
          `${ms(s.batch1.classify96.p50)} / ${ms(s.batch1.classify96.p95)}`,
          ms(s.batch1.classify96Timings.preprocess.p50),
          `${pct(s.batch1.classify96.p50 / s.batch1.bare.p50 - 1)} / ${pct(s.batch1.pairedOverhead)}`,
        ];
      }),
    ),
  );

  const steadyBackends = backends.filter((b) => get(sc, `steady:${b}`));
  out.push('\n### Where classify() spends its time beyond the bare model (ms, p50 of each piece measured alone)\n');
  out.push(
    table(
      [
        'backend',
        'crop: drawImage + getImageData',
        'RGBA → float tensor',
        'execute with both outputs (vs logits only)',
        'softmax + topk + read 2×5',
        'read 1001 logits + top-5 in JS',
      ],
      steadyBackends.map((b) => {
        const s = get(sc, `steady:${b}`);
        const p = s.overheadParts;
        return [
          b,
          ms(p.crop.p50),
          ms(p.toTensor.p50),
          `${ms(p.bareBothOutputs.p50)} (${ms(s.batch1.bare.p50)})`,
          ms(p.softmaxTopK.p50),
          ms(p.readAllTopKInJs.p50),
        ];
      }),
    ),
  );
  out.push('\n### Batch size (bare model, ms per call p50) and per-call fixed cost\n');
  out.push(
    table(
      ['backend', 'batch 1', 'batch 2', 'batch 4', 'batch 8', 'per image at 8', 'fit: fixed per call + per image'],
      steadyBackends.map((b) => {
        const c = get(sc, `steady:${b}`).batchCurve;
        return [
          b,
          ms(c.p50[1]),
          ms(c.p50[2]),
          ms(c.p50[4]),
          ms(c.p50[8]),
          ms(c.p50[8] / 8),
          `${ms(c.fit.fixedPerCallMs)} + n × ${ms(c.fit.perImageMs)}`,
        ];
      }),
    ),
  );
  out.push('\n### Kernel profile of one bare batch-1 run (tf.profile)\n');
  out.push(
    table(
      ['backend', 'kernels', 'sum of kernel times', 'wall time', 'top kernels (ms)'],
      steadyBackends.map((b) => {
        const p = get(sc, `steady:${b}`).profile;
        if (!p || p.error) return [b, p?.error ?? '–', '', '', ''];
        return [
          b,
          String(p.kernels),
          Number.isFinite(p.kernelMs) ? ms(p.kernelMs) : 'n/a',
          ms(p.wallMs),
          p.top
            .map(
              (k: { name: string; count: number; ms: number }) =>
                `${k.name}×${k.count} ${Number.isFinite(k.ms) ? ms(k.ms) : 'n/a'}`,
            )
            .join(', '),
        ];
      }),
    ),
  );

  out.push('\n### End to end per frame (ms, p50 / p95; ImageBitmap/canvas already decoded)\n');
  out.push(
    table(
      [
        'backend',
        '1280×720 ours',
        '1280×720 naive',
        'speed-up',
        '4000×3000 ours',
        '4000×3000 naive',
        'speed-up',
        'top-1 ours / naive (720p)',
      ],
      backends.map((b) => {
        const s = get(sc, `steady:${b}`);
        if (!s) return [b, failed(sc, `steady:${b}`), '', '', '', '', '', ''];
        return [
          b,
          `${ms(s.frame720.ours.p50)} / ${ms(s.frame720.ours.p95)}`,
          `${ms(s.frame720.naive.p50)} / ${ms(s.frame720.naive.p95)}`,
          ratio(s.frame720.naive.p50 / s.frame720.ours.p50),
          `${ms(s.photo.ours.p50)} / ${ms(s.photo.ours.p95)}`,
          `${ms(s.photo.naive.p50)} / ${ms(s.photo.naive.p95)}`,
          ratio(s.photo.naive.p50 / s.photo.ours.p50),
          `${s.agreement.frame720.ours} / ${s.agreement.frame720.naive}`,
        ];
      }),
    ),
  );
  const decode = get(sc, 'decode-12mp');
  if (decode)
    out.push(
      `\nDecoding a ${decode.width}×${decode.height} JPEG (${decode.jpegBytes} B) with createImageBitmap, not included above: p50 ${ms(decode.decode.p50)} ms.`,
    );

  const photos = BACKENDS.map((b) => [b, get(sc, `photo:${b}`)] as const).filter(([, r]) => r);
  if (photos.length) {
    out.push('\n### Phone photo as a file: 4032×3024 JPEG end to end (p50 ms, same page, interleaved)\n');
    out.push(
      table(
        [
          'backend',
          'core classify(blob)',
          'same, no ImageDecoder',
          'whole decode, then classify (before)',
          'naive pipeline',
          "element's classify(blob) / core's, in their own rounds",
          '500×375 file: core / element / element on screen',
          '1280×720 frame: core / element',
        ],
        photos.map(([b, r]) => [
          b,
          ms(r.endToEnd.ours.p50),
          ms(r.endToEnd.oursNoImageDecoder.p50),
          ms(r.endToEnd.oursFullDecode.p50),
          ms(r.endToEnd.naive.p50),
          `${ms(r.photoPair.element.p50)} / ${ms(r.photoPair.core.p50)}`,
          `${ms(r.smallPhoto.core.p50)} / ${ms(r.smallPhoto.element.p50)} / ${ms(r.smallPhoto.elementShown.p50)}`,
          `${ms(r.smallPhoto.frameCore.p50)} / ${ms(r.smallPhoto.frameElement.p50)}`,
        ]),
      ),
    );
    // The decode alone, from the wasm page where there is one (the WebGL page's decodes compete with its GPU work).
    const [decodePage, decodeRun] = photos.find(([b]) => b === 'wasm') ?? photos[0]!;
    const d = decodeRun.decode;
    out.push(
      `\nDecode alone (${decodePage} page, p50 ms): createImageBitmap ${ms(d.createImageBitmap.p50)}, with resizeWidth/Height to 1008×756 ${ms(d.createImageBitmapResized.p50)}; ` +
        `ImageDecoder at 1/8 ${ms(d.imageDecoder1of8.p50)}, 2/8 ${ms(d.imageDecoder2of8.p50)}, 8/8 ${ms(d.imageDecoder8of8.p50)} (each + createImageBitmap of the frame).`,
    );
    const f = decodeRun.formats as Record<
      string,
      { bytes: number; imageDecoderGave: string; createImageBitmap: Stats; classify: Stats }
    >;
    out.push(
      `PNG and WebP of the same photo: ${Object.entries(f)
        .map(
          ([type, x]) =>
            `${type} (${x.bytes} B): ImageDecoder asked for 1008×756 gave ${x.imageDecoderGave}; createImageBitmap ${ms(x.createImageBitmap.p50)} ms, classify(blob) ${ms(x.classify.p50)} ms`,
        )
        .join('; ')}.`,
    );
  }

  out.push(`\n### Throughput over ${run.options.throughputImages} test images, one by one (images/s)\n`);
  out.push(
    table(
      [
        'backend',
        'ours classify()',
        'naive',
        'raw model, batches of 8',
        'first pass over the 30 sizes: ours / naive / batched (ms)',
      ],
      backends.map((b) => {
        const t = get(sc, `steady:${b}`)?.throughput;
        if (!t) return [b, failed(sc, `steady:${b}`), '', '', ''];
        return [
          b,
          t.ours.imagesPerSecond.toFixed(1),
          t.naive.imagesPerSecond.toFixed(1),
          t.batched8.imagesPerSecond.toFixed(1),
          `${ms(t.ours.firstPassMs)} / ${ms(t.naive.firstPassMs)} / ${ms(t.batched8.firstPassMs)}`,
        ];
      }),
    ),
  );

  out.push(`\n### Memory after ${run.options.frames} classify() calls on a 720p frame\n`);
  out.push(
    table(
      [
        'backend',
        'tf tensors before → after',
        'tf bytes before → after',
        'JS heap used before → after 1/10 → after all (after gc)',
        'measureUserAgentSpecificMemory',
        'tensors after dispose()',
      ],
      BACKENDS.filter((b) => sc[`memory:${b}`]).map((b) => {
        const m = get(sc, `memory:${b}`);
        if (!m) return [b, failed(sc, `memory:${b}`), '', '', '', ''];
        const heap = (h: { usedJSHeapSize: number } | undefined) =>
          h ? `${(h.usedJSHeapSize / 2 ** 20).toFixed(1)} MiB` : '–';
        const ua = m.after.userAgentSpecific;
        return [
          b,
          `${m.before.tf.numTensors} → ${m.after.tf.numTensors}`,
          `${m.before.tf.numBytes} → ${m.after.tf.numBytes}`,
          `${heap(m.before.heap)} → ${heap(m.atTenth?.heap)} → ${heap(m.after.heap)}`,
          'bytes' in ua ? `${(ua.bytes / 2 ** 20).toFixed(1)} MiB` : ua.unavailable,
          String(m.afterDispose.numTensors),
        ];
      }),
    ),
  );

  const longTasks = Object.entries(sc).filter(([name]) => name.startsWith('longtasks:'));
  if (longTasks.length) {
    out.push(
      '\n### Main thread during live classification (1280×720 fake camera; one classification per new frame, none overlapping)\n',
    );
    out.push(
      table(
        [
          'pipeline',
          'backend',
          'seconds',
          'classifications/s',
          'frame → result p50 / p95',
          'long tasks/min',
          'long-task ms/min',
          'longest task',
          'rAF gap p95 / max',
          'frames missed',
        ],
        longTasks.map(([name, s]) => {
          const [, pipeline, backend] = name.split(':');
          const r = s.result;
          if (!r) return [pipeline, backend, '', failed(sc, name), '', '', '', '', '', ''];
          return [
            pipeline,
            backend,
            r.seconds.toFixed(0),
            r.classificationsPerSecond.toFixed(1),
            r.latency ? `${ms(r.latency.p50)} / ${ms(r.latency.p95)}` : '–',
            r.longTasksPerMinute.toFixed(1),
            ms(r.longTaskMsPerMinute),
            r.longTaskDuration ? ms(r.longTaskDuration.max) : '–',
            `${ms(r.animationFrameGap.p95)} / ${ms(r.animationFrameGap.max)}`,
            r.missedFrames === undefined ? '–' : pct(r.missedFrameShare),
          ];
        }),
      ),
    );
    out.push(...workerTrial(sc));
  }

  const tfliteRows = Object.entries(sc).filter(([name]) => name.startsWith('tflite'));
  if (tfliteRows.length) {
    out.push('\n### TFLite web runtime on the official mobilenet_v2_0_5_96_quant.tflite (ms, p50 / p95)\n');
    out.push(
      table(
        [
          'variant',
          'wasm build',
          'load (fetch + init)',
          'first infer()',
          'bare infer() + read',
          'predict() (tf.js tensors)',
          'same crop + infer + top-5, 96×96',
          'same, 1280×720',
          'top-1 720p',
        ],
        tfliteRows.map(([name, s]) => {
          const r = s.result;
          if (!r) return [name, failed(sc, name), '', '', '', '', '', '', ''];
          const build = r.features
            ? `${r.features.simd ? 'simd' : 'plain'}${r.features.multiThreading ? '+threads' : ''}`
            : '?';
          return [
            `${name} (threads: ${r.numThreads})`,
            build,
            ms(r.loadMs),
            ms(r.firstInferenceMs),
            `${ms(r.batch1.bare.p50)} / ${ms(r.batch1.bare.p95)}`,
            `${ms(r.batch1.predict.p50)} / ${ms(r.batch1.predict.p95)}`,
            `${ms(r.batch1.classify96.p50)} / ${ms(r.batch1.classify96.p95)}`,
            `${ms(r.frame720.sameCrop.p50)} / ${ms(r.frame720.sameCrop.p95)}`,
            String(r.top1Frame720),
          ];
        }),
      ),
    );
  }

  const floor = sc['floor:wasm'];
  if (floor) {
    out.push('\n### Where a batch-1 run on wasm goes (one thread; the same kernels three ways, interleaved)\n');
    const f = floor.result;
    if (f) {
      out.push('| run | batch 1 p50 / min | batch 8 p50 / min | share at batch 1 (median of per-round differences) |');
      out.push('|---|---|---|---|');
      out.push(
        `| GraphModel.execute + dataSync | ${ms(f.execute.p50)} / ${ms(f.execute.min)} | ${ms(f.execute8.p50)} / ${ms(f.execute8.min)} | converter: ${ms(f.converterMs)} ms (${ms((f.converterMs / f.graphNodes) * 1000)} µs a graph node) |`,
      );
      out.push(
        `| the recorded kernels through tf.engine().runKernel | ${ms(f.engine.p50)} / ${ms(f.engine.min)} | | engine: ${ms(f.engineMs)} ms (${ms((f.engineMs / f.kernelCalls) * 1000)} µs a kernel) |`,
      );
      out.push(
        `| the same kernels straight on the wasm backend | ${ms(f.direct.p50)} / ${ms(f.direct.min)} | ${ms(f.direct8.p50)} / ${ms(f.direct8.min)} | kernels: ${ms(f.kernelsFixedMs)} ms fixed + ${ms(f.kernelsPerImageMs)} ms an image |`,
      );
      out.push(
        `\n${f.graphNodes} graph nodes, ${f.kernelCalls} kernel calls (${Object.entries(
          f.byKernel as Record<string, number>,
        )
          .map(([k, n]) => `${k}×${n}`)
          .join(', ')}); tf.profile: ${f.profile.kernels} kernels, ${ms(f.profile.kernelMs)} ms in kernels. ` +
          `Largest difference of the replays' logits from execute's: ${JSON.stringify(f.agreement)}.`,
      );
    } else out.push(`Did not work: ${floor.error?.split('\n')[0]}.`);
  }
  const threaded = sc['wasm-threads'];
  if (threaded) {
    out.push('\n### wasm with threads (the core on a cross-origin-isolated page, threaded SIMD build)\n');
    const r = threaded.result;
    out.push(
      r
        ? `${r.threads} thread(s) (page sees ${r.hardwareConcurrency} logical cores, multithread ${r.multithread}), load ${ms(r.loadMs)} ms: ` +
            `bare batch 1 p50 ${ms(r.batch1.bare.p50)} ms, classify() batch 1 p50 ${ms(r.batch1.classify96.p50)} ms, bare batch 8 p50 ${ms(r.bare8.p50)} ms; top-1 of the strawberry: ${r.top1.label}.`
        : `Did not work: ${threaded.error?.split('\n')[0]}; got as far as: ${(threaded.progress ?? []).join(' → ') || 'nothing logged'}.`,
    );
  }

  out.push('\n### Model download\n');
  out.push(
    table(
      ['model', 'model.json', 'shards', 'labels.json', 'total', 'JSON gzip-9, shards raw', 'all gzip -9'],
      (['float32', 'float16'] as const).flatMap((k) => {
        const s = run.sizes[k];
        if (!s) return [];
        const shards = Object.entries(s.files)
          .filter(([f]) => f.endsWith('.bin'))
          .reduce((a, [, n]) => a + n, 0);
        return [
          [
            k,
            String(s.files['model.json']),
            String(shards),
            String(s.files['labels.json']),
            bytes(s.downloadBytes),
            bytes(s.jsonGzipBytes),
            bytes(s.gzipBytes),
          ],
        ];
      }),
    ),
  );

  const visits = Object.entries(sc).filter(([name]) => name.startsWith('second-visit:'));
  if (visits.length) {
    out.push('\n### First and second visit (same browser profile; element connected → first mobilenet-result)\n');
    out.push(
      table(
        [
          'element backend',
          'visit',
          'connected → first result (ms)',
          'model bytes sent by the server',
          'all bytes sent',
          'model requests (status)',
        ],
        visits.flatMap(([name, s]) => {
          const variant = name.split(':')[1];
          if (!s.result) return [[variant, '', failed(sc, name), '', '', '']];
          // eslint-disable-next-line @typescript-eslint/no-explicit-any -- a scenario's result, see Scenario.result
          return s.result.visits.map((v: any, i: number) => [
            variant,
            i === 0 ? 'first' : 'second',
            `${ms(v.page.ms)}${v.page.error ? ` (error: ${v.page.error})` : ''}`,
            String(v.modelBytes),
            String(v.allBytes),
            v.modelRequests
              .map((r: { path: string; status: number }) => `${r.path.split('/').pop()} ${r.status}`)
              .join(', ') || 'none',
          ]);
        }),
      ),
    );
  }
  return out.join('\n');
}

/**
 * The worker trial side by side with the main-thread pipeline, per backend: what moving classify()
 * into a Worker saves on the main thread and what the frame transfer costs in latency.
 */
function workerTrial(sc: Scenarios): string[] {
  const pipelines = [
    ['ours', 'main thread'],
    ['worker', 'worker, ImageBitmap'],
    ['workerVideoFrame', 'worker, VideoFrame'],
  ] as const;
  const rows: string[][] = [];
  const phased: string[][] = [];
  const pair = (x: Stats | undefined) => (x ? `${ms(x.p50)} / ${ms(x.p95)}` : '–');
  for (const backend of BACKENDS) {
    const main = get(sc, `longtasks:ours:${backend}`);
    for (const [pipeline, label] of pipelines) {
      const name = `longtasks:${pipeline}:${backend}`;
      if (!sc[name]) continue;
      const r = get(sc, name);
      if (!r) {
        rows.push([backend, label, failed(sc, name), '', '', '', '', '']);
        continue;
      }
      const vsMain = main && pipeline !== 'ours' ? ` (${ratio(r.latency.p50 / main.latency.p50)})` : '';
      rows.push([
        backend,
        label,
        r.longTasksPerMinute.toFixed(1),
        ms(r.longTaskMsPerMinute),
        `${r.classificationsPerSecond.toFixed(1)}${main && pipeline !== 'ours' ? ` (${ratio(r.classificationsPerSecond / main.classificationsPerSecond)})` : ''}`,
        `${pair(r.latency)}${vsMain}`,
        pct(r.missedFrameShare),
        ms(r.animationFrameGap.max),
      ]);
      if (r.worker) {
        const p = r.worker.phases;
        const t = r.worker.tensors;
        phased.push([
          backend,
          label,
          pair(p.grab),
          pair(p.postMessage),
          pair(p.toWorker),
          pair(p.inWorker),
          pair(p.back),
          `${t.before} → ${t.after} → ${t.afterDispose}`,
        ]);
      }
    }
  }
  if (!rows.length) return [];
  const out = [
    '\n### Worker trial: classify() on the main thread vs in a dedicated Worker (frames transferred, cropped on OffscreenCanvas there)\n',
  ];
  out.push(
    table(
      [
        'backend',
        'pipeline',
        'main-thread long tasks/min',
        'long-task ms/min',
        'results/s (vs main)',
        'frame → result ms p50 / p95 (p50 vs main)',
        'rAF frames missed',
        'max rAF gap',
      ],
      rows,
    ),
  );
  const control = get(sc, 'longtasks:control:none');
  if (control) {
    out.push(
      `\nControl, same page and camera with nothing classified (what the machine's other load costs the main thread): ` +
        `${control.longTasksPerMinute.toFixed(1)} long tasks/min, ${pct(control.missedFrameShare)} frames missed, max rAF gap ${ms(control.animationFrameGap.max)} ms.`,
    );
  }
  if (phased.length) {
    out.push(
      "\nWhere a worker frame's time goes (ms, p50 / p95): the grab on the main thread (createImageBitmap(video) or new VideoFrame(video)), " +
        'the postMessage call, until the worker takes the message, classify() in the worker (with the VideoFrame → bitmap there), the reply back; ' +
        "the worker's tensor count after warm-up → after the window → after dispose().\n",
    );
    out.push(
      table(
        [
          'backend',
          'pipeline',
          'grab',
          'postMessage',
          'to worker',
          'classify() in worker',
          'reply back',
          'worker tensors',
        ],
        phased,
      ),
    );
  }
  return out;
}
