import * as tf from '@tensorflow/tfjs-core';
import { GraphModel } from '@tensorflow/tfjs-converter';
import { startBackend } from './backend';
import { MODEL_INPUT_SIZE } from './crop';
import type { Backend } from './types';

/** What `backend: 'auto'` measured and chose, remembered per browser in localStorage. */
export interface AutoBackendChoice {
  backend: Backend;
  /** Median milliseconds per inference of each backend that could start. */
  medians: Partial<Record<Backend, number>>;
  /** The browser it was measured in: an update measures again. */
  userAgent: string;
}

export const AUTO_BACKEND_STORAGE_KEY = 'mobilenet-classifier:auto-backend';

/**
 * cpu never wins against wasm (plain JS against SIMD); between WebGL and wasm the winner depends on
 * the device: a software-rendered WebGL (no GPU) was ~10× slower than wasm here, a real GPU may win.
 */
const CANDIDATES: readonly Backend[] = ['wasm', 'webgl'];
const TIMED_RUNS = 5;

/**
 * Picks the fastest backend for this model on this device, measuring once per browser, and leaves
 * it active in tf.js.
 *
 * @param artifacts the model, already fetched: each candidate runs it after a warm-up.
 */
export async function chooseBackend(artifacts: tf.io.ModelArtifacts): Promise<Backend> {
  const remembered = readChoice();
  if (remembered && (await startsExactly(remembered.backend))) return remembered.backend;

  const medians: Partial<Record<Backend, number>> = {};
  for (const name of CANDIDATES) {
    if (await startsExactly(name)) medians[name] = await medianInferenceMs(artifacts);
  }
  const ranked = (Object.entries(medians) as [Backend, number][]).sort((a, b) => a[1] - b[1]);
  const backend = ranked[0]?.[0] ?? (await startBackend('cpu'));
  await tf.setBackend(backend);
  writeChoice({ backend, medians, userAgent: navigator.userAgent });
  return backend;
}

/** The remembered choice, if it was made in this browser. */
export function readChoice(): AutoBackendChoice | undefined {
  try {
    const choice = JSON.parse(localStorage.getItem(AUTO_BACKEND_STORAGE_KEY) ?? 'null') as AutoBackendChoice | null;
    return choice?.userAgent === navigator.userAgent ? choice : undefined;
  } catch {
    return undefined;
  }
}

function writeChoice(choice: AutoBackendChoice): void {
  try {
    localStorage.setItem(AUTO_BACKEND_STORAGE_KEY, JSON.stringify(choice));
  } catch {
    // No storage (private mode, workers): measure again next time.
  }
}

async function startsExactly(name: Backend): Promise<boolean> {
  try {
    return (await startBackend(name)) === name;
  } catch {
    return false;
  }
}

async function medianInferenceMs(artifacts: tf.io.ModelArtifacts): Promise<number> {
  const model = new GraphModel({ load: async () => artifacts });
  await model.load();
  const input = tf.zeros([1, MODEL_INPUT_SIZE, MODEL_INPUT_SIZE, 3]);
  const run = async () => {
    const output = model.execute({ images: input }, 'logits') as tf.Tensor;
    try {
      await output.data();
    } finally {
      output.dispose();
    }
  };
  try {
    // The first run compiles shaders or wasm kernels: not what later calls cost.
    await run();
    const times: number[] = [];
    for (let i = 0; i < TIMED_RUNS; i++) {
      const start = performance.now();
      await run();
      times.push(performance.now() - start);
    }
    return times.sort((a, b) => a - b)[Math.floor(TIMED_RUNS / 2)];
  } finally {
    input.dispose();
    model.dispose();
  }
}
