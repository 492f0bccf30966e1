// The page's settings of the tf.js backends, kept apart from tf.js so that a page can set them before
// tf.js has downloaded (it loads with the first classifier: src/model/load.ts).
import type { Backend } from './types';

/**
 * Fallback order: a backend that cannot start falls back to the ones after it. WebGPU is only ever
 * used when asked for (or when `auto` measured it fastest); WebGL is the default.
 */
export const BACKENDS: readonly Backend[] = ['webgpu', 'webgl', 'wasm', 'cpu'];

let wasmFolder: URL | undefined;

/**
 * Where the wasm backend fetches its binaries (`tfjs-backend-wasm.wasm`, `tfjs-backend-wasm-simd.wasm`):
 * a folder URL, resolved against the page. Only needed when they are not served next to the package's
 * code (a bundler that copies `new URL(…, import.meta.url)` files needs nothing; see the README for
 * esbuild). tf.js loads one wasm backend per page, so this is a setting of the page: call it before the
 * first classifier starts on wasm.
 *
 * @throws TypeError when the URL does not end in `/`; Error once the wasm backend has started.
 * @example
 * setWasmPath('/vendor/mobilenet/wasm/');
 */
export function setWasmPath(folder: string | URL): void {
  const url = new URL(folder, globalThis.document?.baseURI);
  if (!url.pathname.endsWith('/')) throw new TypeError(`setWasmPath() takes a folder ending in "/", not ${url}.`);
  if (locked)
    throw new Error(
      'setWasmPath() came too late: the wasm backend has started, so call it before the first classifier.',
    );
  wasmFolder = url;
}

let wasmThreadCount: number | undefined;

/**
 * How many threads the wasm backend may use on a cross-origin-isolated page (elsewhere it always runs
 * on one). By default tf.js picks half the logical cores, at most 8, and only where its threaded build
 * works on the page (see "Threads" in the README). `1` keeps wasm on one thread, with no workers and
 * without fetching the threaded binary; a larger number is still capped at half the logical cores. Like
 * {@link setWasmPath}, a setting of the page: call it before the first classifier starts on wasm.
 *
 * @throws RangeError unless `count` is a whole number of at least 1; Error once the wasm backend has started.
 * @example
 * setWasmThreads(1); // an isolated page that needs its cores for something else
 */
export function setWasmThreads(count: number): void {
  if (!Number.isInteger(count) || count < 1)
    throw new RangeError(`setWasmThreads() takes a whole number of at least 1, not ${count}.`);
  if (locked)
    throw new Error(
      'setWasmThreads() came too late: the wasm backend has started, so call it before the first classifier.',
    );
  wasmThreadCount = count;
}

/** Set once the wasm backend starts: from then on its settings are fixed. */
let locked = false;

/** The wasm settings, fixed from now on: the wasm backend is starting. */
export function lockWasmSettings(): { folder?: URL; threads?: number } {
  locked = true;
  return { folder: wasmFolder, threads: wasmThreadCount };
}
