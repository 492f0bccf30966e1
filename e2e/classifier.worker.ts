/**
 * A dedicated module worker that runs the core (src/model) off the main thread, for
 * e2e/worker.spec.ts. Requests are `{ id, op, ...args }`; every reply is `{ id, value }` or
 * `{ id, error }`, so a failure in the worker reaches the test with its message.
 */
import * as tf from '@tensorflow/tfjs-core';
import {
  loadClassifier,
  readAutoBackendChoice,
  type Backend,
  type Classifier,
  type ClassifierInput,
} from '../src/model';

let classifier: Classifier | undefined;

const ops = {
  /** What this global scope has: proves the tests run where no DOM exists. */
  scope: () => ({
    document: typeof document,
    window: typeof window,
    localStorage: typeof localStorage,
    offscreenCanvas: typeof OffscreenCanvas,
  }),
  async load({ backend, modelUrl }: { backend: Backend | 'auto'; modelUrl?: string }) {
    classifier?.dispose();
    classifier = await loadClassifier({ backend, modelUrl, cache: false });
    return { backend: classifier.backend, tfBackend: tf.getBackend(), remembered: readAutoBackendChoice() ?? null };
  },
  async classify({ input, features }: { input: ClassifierInput; features?: boolean }) {
    if (!classifier) throw new Error('load first');
    try {
      const result = await classifier.classify(input, { topK: 5, features });
      return {
        backend: result.backend,
        predictions: result.predictions,
        features: result.features ? Array.from(result.features) : undefined,
      };
    } finally {
      if (input instanceof ImageBitmap) input.close();
    }
  },
  async embed({ input }: { input: ClassifierInput }) {
    if (!classifier) throw new Error('load first');
    return Array.from(await classifier.embed(input));
  },
  memory: () => tf.memory().numTensors,
  dispose() {
    classifier?.dispose();
    classifier = undefined;
  },
};

export type WorkerOps = typeof ops;

self.addEventListener(
  'message',
  async (event: MessageEvent<{ id: number; op: keyof WorkerOps } & Record<string, unknown>>) => {
    const { id, op, ...args } = event.data;
    try {
      const run = ops[op] as (args: unknown) => unknown;
      if (!run) throw new Error(`unknown op ${op}`);
      self.postMessage({ id, value: await run(args) });
    } catch (error) {
      self.postMessage({ id, error: error instanceof Error ? `${error.name}: ${error.message}` : String(error) });
    }
  },
);
self.postMessage({ ready: true });
