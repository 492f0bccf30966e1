import * as tf from '@tensorflow/tfjs-core';
import type { GraphModel } from '@tensorflow/tfjs-converter';
import { MODEL_INPUT_SIZE } from './crop';
import { wasmPaths } from './assets';
import { wasmThreads } from './threads';
import { BACKENDS, lockWasmSettings } from './wasm-settings';
import type { Backend } from './types';

/** The binaries in `folder`: tf.js fetches one of them (threaded only on a cross-origin-isolated page). */
function wasmPathsIn(folder: URL): Record<string, string> {
  const file = (name: string) => new URL(name, folder).href;
  return {
    'tfjs-backend-wasm.wasm': file('tfjs-backend-wasm.wasm'),
    'tfjs-backend-wasm-simd.wasm': file('tfjs-backend-wasm-simd.wasm'),
    'tfjs-backend-wasm-threaded-simd.wasm': file('tfjs-backend-wasm-threaded-simd.wasm'),
  };
}

const registrations: Record<Backend, () => Promise<void>> = {
  webgpu: async () => {
    // tf.js's WebGPU backend registers itself even where navigator.gpu is missing, and then fails in
    // setBackend: fail here first, without downloading it.
    if (typeof navigator === 'undefined' || !('gpu' in navigator)) throw new Error('No WebGPU in this browser.');
    await import('@tensorflow/tfjs-backend-webgpu');
  },
  webgl: async () => {
    await import('@tensorflow/tfjs-backend-webgl');
  },
  wasm: async () => {
    const { folder: wasmFolder, threads: wasmThreadCount } = lockWasmSettings();
    const [wasm, paths, threads] = await Promise.all([
      import('@tensorflow/tfjs-backend-wasm'),
      wasmFolder ? wasmPathsIn(wasmFolder) : wasmPaths(),
      wasmThreadCount === 1 ? false : wasmThreads().then((verdict) => verdict.threads),
    ]);
    // The binaries are served by the app itself (next to the package's code, or as Vite assets), never
    // from a CDN.
    wasm.setWasmPaths(paths);
    // tf.js would try threads wherever SharedArrayBuffer exists; src/model/threads.ts says where they work.
    tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', threads);
    if (threads && wasmThreadCount !== undefined) wasm.setThreadsCount(wasmThreadCount);
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
 * Resolves when no backend is starting. tf.js's engine refuses every operation, on any backend, while a
 * backend's asynchronous start is pending (wasm's binary, say, started by another element on the page).
 */
export async function backendsStarted(): Promise<void> {
  await Promise.all(started.values());
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

/**
 * Makes `name` the active tf.js backend before the next line runs. tf.js's setBackend switches
 * synchronously to a backend that has started (it is async only for a first start), so a call that
 * selects its backend this way and then executes without an await in between cannot be moved to
 * another backend by a concurrent call (another classifier, or `auto` measuring in idle time).
 *
 * @throws Error when `name` has not started.
 */
export function activateNow(name: Backend): void {
  if (tf.getBackend() !== name) void tf.setBackend(name);
  if (tf.getBackend() !== name || tf.findBackend(name) === null) {
    throw new Error(`The ${name} backend is not ready to run the model.`);
  }
}

/** The parts of tf.js's WebGL backend that compile shader programs in parallel. */
interface ParallelCompiler {
  gpgpu?: { parallelCompilationExtension?: unknown };
  checkCompileCompletionAsync?: () => Promise<unknown>;
  getUniformLocations?: () => void;
}

/**
 * Compiles every WebGL shader program `model` needs without running it. With KHR_parallel_shader_compile
 * the driver compiles them off the main thread: tf.js's ENGINE_COMPILE_ONLY pass only issues the compiles,
 * and the main thread waits for them frame by frame instead of blocking on each one in turn. Without the
 * extension this is one ordinary run. Call it with the WebGL backend active.
 */
export async function compileModel(model: GraphModel, outputs: string | string[] = 'logits'): Promise<void> {
  const webgl = tf.backend() as unknown as ParallelCompiler;
  const parallel =
    tf.getBackend() === 'webgl' &&
    Boolean(webgl.gpgpu?.parallelCompilationExtension) &&
    typeof webgl.checkCompileCompletionAsync === 'function' &&
    typeof webgl.getUniformLocations === 'function';
  const input = [1, MODEL_INPUT_SIZE, MODEL_INPUT_SIZE, 3];
  if (parallel) {
    tf.env().set('ENGINE_COMPILE_ONLY', true);
    try {
      tf.dispose(tf.tidy(() => model.execute({ images: tf.zeros(input) }, outputs)));
    } finally {
      tf.env().set('ENGINE_COMPILE_ONLY', false);
    }
    await webgl.checkCompileCompletionAsync!();
    webgl.getUniformLocations!();
  }
  // One real run: with the programs compiled it uploads the weights and allocates the textures.
  const result = tf.tidy(() => model.execute({ images: tf.zeros(input) }, outputs));
  const tensors = Array.isArray(result) ? result : [result];
  try {
    await Promise.all(tensors.map((t) => t.data()));
  } finally {
    tf.dispose(tensors);
  }
}
