import * as tf from '@tensorflow/tfjs-core';
import { wasmPaths } from './assets';
import type { Backend } from './types';

/** Preference order: WebGL first, then wasm, then plain JS. */
export const BACKENDS: readonly Backend[] = ['webgl', 'wasm', 'cpu'];

/** Each backend is imported only when asked for, so a WebGL page never downloads the wasm glue. */
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
  if (started.has('wasm'))
    throw new Error(
      'setWasmPath() came too late: the wasm backend has started, so call it before the first classifier.',
    );
  wasmFolder = url;
}

/** The binaries in `folder`; the threaded entry is never fetched, see src/model/assets.ts. */
function wasmPathsIn(folder: URL): Record<string, string> {
  const simd = new URL('tfjs-backend-wasm-simd.wasm', folder).href;
  return {
    'tfjs-backend-wasm.wasm': new URL('tfjs-backend-wasm.wasm', folder).href,
    'tfjs-backend-wasm-simd.wasm': simd,
    'tfjs-backend-wasm-threaded-simd.wasm': simd,
  };
}

const registrations: Record<Backend, () => Promise<void>> = {
  webgl: async () => {
    await import('@tensorflow/tfjs-backend-webgl');
  },
  wasm: async () => {
    const [wasm, paths] = await Promise.all([
      import('@tensorflow/tfjs-backend-wasm'),
      wasmFolder ? wasmPathsIn(wasmFolder) : wasmPaths(),
    ]);
    // The binaries are served by the app itself (next to the package's code, or as Vite assets), never
    // from a CDN.
    wasm.setWasmPaths(paths);
    // The threaded build hangs in a minified bundle on cross-origin-isolated pages (measured here);
    // SIMD alone runs this network in ~4 ms.
    tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);
  },
  cpu: async () => {
    await import('@tensorflow/tfjs-backend-cpu');
  },
};

const started = new Map<Backend, Promise<boolean>>();

async function tryStart(name: Backend): Promise<boolean> {
  try {
    await registrations[name]();
    return await tf.setBackend(name);
  } catch {
    return false;
  }
}

/**
 * Starts the preferred backend, or the next one in {@link BACKENDS} order that starts.
 *
 * @returns the backend now active in tf.js.
 * @throws Error when none can start.
 */
export async function startBackend(preferred: Backend = 'webgl'): Promise<Backend> {
  const chain = BACKENDS.slice(BACKENDS.indexOf(preferred));
  for (const name of chain) {
    if (name === 'webgl' && webglContextLost()) continue;
    let attempt = started.get(name);
    if (!attempt) {
      attempt = tryStart(name);
      started.set(name, attempt);
    }
    if (await attempt) {
      await tf.setBackend(name);
      return name;
    }
  }
  throw new Error(`No tf.js backend could start (tried ${chain.join(', ')}).`);
}

/**
 * True once tf.js's WebGL context has been lost (GPU reset, driver crash, too many contexts, or
 * WEBGL_lose_context). tf.js does not recover from it: its kernels then return zeros.
 */
export function webglContextLost(): boolean {
  const webgl = tf.findBackend('webgl') as { gpgpu?: { gl?: WebGLRenderingContext } } | null;
  return webgl?.gpgpu?.gl?.isContextLost() ?? false;
}

/**
 * Makes `name` the active tf.js backend. tf.js has one active backend per page, and two
 * classifiers on one page may use different ones, so each call re-selects its own.
 */
export async function useBackend(name: Backend): Promise<void> {
  if (tf.getBackend() !== name) await tf.setBackend(name);
}
