import * as tf from '@tensorflow/tfjs-core';
import { GraphModel } from '@tensorflow/tfjs-converter';
import { activateNow, compileModel, startBackend } from './backend';
import { MODEL_INPUT_SIZE } from './crop';
import { readChoice, writeChoice } from './auto-choice';
import type { Backend } from './types';

/**
 * The backend `auto` starts on before it has measured anything: cpu never wins against wasm (plain
 * JS against SIMD), and wasm is ready in a few hundred ms where WebGL first compiles its shaders
 * (1.5 s here in software). The others are timed in idle time, after the first result.
 */
export const AUTO_FIRST_BACKEND: Backend = 'wasm';

/**
 * Timed against the first in idle time: between the GPU backends and wasm the winner depends on the
 * device (a software-rendered WebGL, no GPU, was ~10× slower than wasm here; a real GPU may win).
 * WebGPU is timed only where the browser has it and gives an adapter.
 */
const CHALLENGERS: readonly Backend[] = ['webgl', 'webgpu'];
const TIMED_RUNS = 5;
/** Longest wait for an idle moment before measuring anyway. */
const IDLE_TIMEOUT_MS = 1000;

/** Runs `run` with none of the classifier's calls under way, holding new ones until it ends. */
export type Alone = <T>(run: () => Promise<T>) => Promise<T>;

/** The remembered choice, started, or undefined when there is none for this browser or it no longer starts. */
export async function rememberedBackend(): Promise<Backend | undefined> {
  const remembered = readChoice();
  return remembered && (await startsExactly(remembered.backend)) ? remembered.backend : undefined;
}

/** A challenger that measured faster than the backend in use, with its model loaded and compiled. */
export interface FasterBackend {
  backend: Backend;
  model: GraphModel;
}

/**
 * Measures the backend in use and each challenger in idle time, remembers the fastest, and returns
 * the challenger's ready model when one won (undefined when the backend in use stays).
 *
 * Every run selects its backend synchronously right before it executes, as the classifier's own
 * calls do, so that calls made meanwhile run on theirs and nothing is mixed. Each timed run runs
 * `alone`, between the classifier's calls (it holds them for one run, ~10–100 ms), so that a page
 * busy classifying does not add its own calls to the times.
 *
 * @param stopped true once the classifier is gone: the measurement ends and frees what it made.
 */
export async function measureInIdle(
  artifacts: tf.io.ModelArtifacts,
  current: Backend,
  stopped: () => boolean,
  alone: Alone,
): Promise<FasterBackend | undefined> {
  const medians: Partial<Record<Backend, number>> = {};
  let winner: FasterBackend | undefined;
  try {
    for (const name of [current, ...CHALLENGERS.filter((c) => c !== current)]) {
      await idle();
      if (stopped()) return undefined;
      if (!(await worthTiming(name)) || !(await startsExactly(name))) continue;
      const model = new GraphModel({ load: async () => artifacts });
      await model.load();
      try {
        await compileModel(model);
        medians[name] = await medianInferenceMs(model, name, stopped, alone);
      } catch {
        // A backend that fails to run the model is not a candidate.
      }
      // Other tf.js code on the page (a custom head's training) uses the active backend: give it back.
      activateNow(current);
      const best = Math.min(...Object.values(medians));
      if (name !== current && medians[name] === best && medians[name]! < (medians[current] ?? Infinity)) {
        winner?.model.dispose();
        winner = { backend: name, model };
      } else {
        model.dispose();
      }
    }
    if (stopped()) {
      winner?.model.dispose();
      return undefined;
    }
    if (winner) activateNow(winner.backend);
    writeChoice({ backend: winner?.backend ?? current, medians, userAgent: navigator.userAgent });
    return winner;
  } catch (error) {
    winner?.model.dispose();
    throw error;
  }
}

/**
 * False for a WebGPU whose only adapter is a software fallback (SwiftShader): there the model took
 * 119× wasm's time and its first run ~57 s (`npm run bench`, webgpu scenario), too much to spend
 * even in idle time. `backend: 'webgpu'` asked for explicitly still runs on it.
 */
async function worthTiming(name: Backend): Promise<boolean> {
  if (name !== 'webgpu') return true;
  try {
    const gpu = (navigator as unknown as { gpu?: { requestAdapter(): Promise<GpuAdapterLike | null> } }).gpu;
    const adapter = await gpu?.requestAdapter();
    if (!adapter) return false;
    const fallback = adapter.info?.isFallbackAdapter ?? adapter.isFallbackAdapter ?? false;
    return !fallback && adapter.info?.architecture !== 'swiftshader';
  } catch {
    return false;
  }
}

/** The parts of a GPUAdapter read here (not in TypeScript's DOM types). */
interface GpuAdapterLike {
  isFallbackAdapter?: boolean;
  info?: { isFallbackAdapter?: boolean; architecture?: string };
}

async function startsExactly(name: Backend): Promise<boolean> {
  try {
    return (await startBackend(name)) === name;
  } catch {
    return false;
  }
}

/** Resolves in an idle moment of the page (or after a short timeout where there is no requestIdleCallback, as in workers). */
function idle(): Promise<void> {
  return new Promise((resolve) => {
    if (typeof requestIdleCallback === 'function') requestIdleCallback(() => resolve(), { timeout: IDLE_TIMEOUT_MS });
    else setTimeout(resolve, 50);
  });
}

async function medianInferenceMs(
  model: GraphModel,
  backend: Backend,
  stopped: () => boolean,
  alone: Alone,
): Promise<number> {
  const run = async () => {
    activateNow(backend);
    const output = tf.tidy(
      () => model.execute({ images: tf.zeros([1, MODEL_INPUT_SIZE, MODEL_INPUT_SIZE, 3]) }, 'logits') as tf.Tensor,
    );
    try {
      await output.data();
    } finally {
      output.dispose();
    }
  };
  // The first run compiles shaders or wasm kernels: not what later calls cost.
  await run();
  const times: number[] = [];
  for (let i = 0; i < TIMED_RUNS && !stopped(); i++) {
    times.push(
      await alone(async () => {
        const start = performance.now();
        await run();
        return performance.now() - start;
      }),
    );
  }
  return times.sort((a, b) => a - b)[Math.floor(times.length / 2)] ?? Infinity;
}
