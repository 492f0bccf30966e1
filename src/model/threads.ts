// Whether tf.js's wasm backend may run its threaded build on this page.
//
// Threads need a cross-origin-isolated page (SharedArrayBuffer), and they need tf.js's threaded glue to
// survive the page's minifier. tf.js starts each pthread worker from the text of the glue's factory
// (`factory.toString()` in a Blob, tfjs-backend-wasm/src/backend_wasm.ts), where the factory no longer
// sees the variables of the closure it was written in. Its guard `typeof _scriptDir !== "undefined" &&
// _scriptDir` is safe there, but a minifier that knows `_scriptDir` is declared rewrites it to
// `e !== void 0 && e` (Oxc, Vite 8's default; terser with its default `typeofs`; tf.js's README, "JS
// Minification"). In the worker `e` is undeclared, the worker throws before it reports back, and
// `setBackend('wasm')` waits forever. That is what an app's own build may do to tf.js, so the page
// checks the glue it was given before it asks for threads.

/**
 * What tf.js's pthread worker does with that text, minus the wasm: it loads it with importScripts (so a
 * CSP without `blob:` in script-src stops it here too), defines `startWorker`, which the factory calls
 * once it has set itself up, and runs the factory as a pthread.
 */
const probe = (factoryUrl: string) => `
self.startWorker = function () { postMessage(null); };
try {
  importScripts(${JSON.stringify(factoryUrl)});
  WasmBackendModuleThreadedSimd({
    ENVIRONMENT_IS_PTHREAD: true,
    wasmMemory: new WebAssembly.Memory({ initial: 1, maximum: 1, shared: true }),
    instantiateWasm: function () { return {}; },
  });
} catch (error) {
  postMessage(String(error));
}`;

/** A worker that never answers (blocked, say, by a CSP with no `worker-src blob:`) means no threads. */
const PROBE_TIMEOUT_MS = 5_000;

let verdict: Promise<ThreadsVerdict> | undefined;

/** Whether threads are on for the wasm backend, and why not when they are off. */
export interface ThreadsVerdict {
  threads: boolean;
  /** Why threads are off; undefined when they are on. */
  reason?: string;
}

/**
 * Runs the threaded factory's text in a worker's global scope, as tf.js's pthread workers do, and
 * reports whether it ran. Resolves, never rejects.
 */
function probeFactory(source: string): Promise<string | null> {
  return new Promise((resolve) => {
    const urls: string[] = [];
    let worker: Worker | undefined;
    const done = (outcome: string | null) => {
      clearTimeout(timer);
      worker?.terminate();
      for (const url of urls) URL.revokeObjectURL(url);
      resolve(outcome);
    };
    const timer = setTimeout(() => done(`no answer within ${PROBE_TIMEOUT_MS / 1000} s`), PROBE_TIMEOUT_MS);
    const script = (text: string) => {
      const url = URL.createObjectURL(new Blob([text], { type: 'text/javascript' }));
      urls.push(url);
      return url;
    };
    try {
      worker = new Worker(script(probe(script(`var WasmBackendModuleThreadedSimd = ${source};`))));
      worker.onmessage = (event: MessageEvent<string | null>) => done(event.data);
      worker.onerror = (event) => {
        event.preventDefault();
        done(event.message || 'the worker failed to start');
      };
    } catch (error) {
      done(String(error));
    }
  });
}

async function decide(): Promise<ThreadsVerdict> {
  if (!globalThis.crossOriginIsolated) return { threads: false, reason: 'the page is not cross-origin isolated' };
  if (typeof Worker === 'undefined') return { threads: false, reason: 'no Worker here' };
  // tf.js runs half the logical cores (tfjs-backend-wasm/src/cc/backend.cc, num_cores): below 4 that is
  // one thread, with no gain for its pool of 8 workers and the larger binary.
  const cores = navigator.hardwareConcurrency ?? 1;
  if (cores < 4) return { threads: false, reason: `${cores} logical cores: tf.js would run one thread` };
  // The same module tf.js's backend imports, so the same text its workers will run.
  const glue = await import('@tensorflow/tfjs-backend-wasm/wasm-out/tfjs-backend-wasm-threaded-simd.js');
  const factory = (glue.default ?? glue) as unknown as (...args: unknown[]) => unknown;
  const failure = await probeFactory(factory.toString());
  if (failure === null) return { threads: true };
  const reason = `tf.js's threaded wasm glue does not run in a worker on this page (${failure})`;
  // Only an isolated page gets here: its author asked for threads, so say why there are none.
  console.warn(
    `mobilenet-classifier: wasm runs without threads: ${reason}. Either the page's minifier rewrote ` +
      '`typeof x !== "undefined"` in tf.js, or its Content-Security-Policy refuses blob: workers; ' +
      'see "Threads" in the README.',
  );
  return { threads: false, reason };
}

/**
 * Whether the wasm backend should start its threaded build on this page: only on a cross-origin-isolated
 * page with at least 4 logical cores, and only when tf.js's threaded glue, as this page's build left it,
 * runs in a worker. Decided once per page.
 */
export function wasmThreads(): Promise<ThreadsVerdict> {
  verdict ??= decide().catch((error: unknown) => ({ threads: false, reason: String(error) }));
  return verdict;
}
