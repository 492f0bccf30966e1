/**
 * The worker half of the benchmark's `worker` pipeline (bench/page.ts `longTasks`): the core runs
 * here, off the main thread. The page transfers each camera frame as an ImageBitmap (or a
 * VideoFrame, which this worker turns into one); this worker
 * crops it on its own OffscreenCanvas (the core's preprocess), runs classify() on its backend
 * (WebGL on an OffscreenCanvas, or wasm), closes the bitmap and answers with the top-1 and
 * timestamps.
 *
 * Plain postMessage rather than an RPC library: the transfer is the thing being measured, so
 * nothing else should sit between the two threads.
 */
import * as tf from '@tensorflow/tfjs-core';
import { loadClassifier, type Backend, type Classifier } from '../src/model';

export type WorkerRequest =
  | { id: number; op: 'load'; backend: Backend; modelUrl: string }
  | { id: number; op: 'classify'; frame: ImageBitmap | VideoFrame }
  | { id: number; op: 'memory' }
  | { id: number; op: 'dispose' };

/** Times are on the shared clock `performance.timeOrigin + performance.now()` (ms since the epoch). */
export interface ClassifyReply {
  top1: number;
  backend: Backend;
  /** When the worker took the message off its queue. */
  receivedAt: number;
  /** classify() in the worker (after turning a VideoFrame into a bitmap): crop on OffscreenCanvas, inference, top-k read-back. */
  classifyMs: number;
  preprocessMs: number;
  sentAt: number;
}

export type WorkerReply = { id: number; value: unknown } | { id: number; error: string };

let classifier: Classifier | undefined;

const clock = () => performance.timeOrigin + performance.now();

async function handle(request: WorkerRequest): Promise<unknown> {
  switch (request.op) {
    case 'load':
      classifier?.dispose();
      classifier = await loadClassifier({ backend: request.backend, modelUrl: request.modelUrl, cache: false });
      return { backend: classifier.backend, tfBackend: tf.getBackend() };
    case 'classify': {
      const receivedAt = clock();
      if (!classifier) throw new Error('classify before load');
      let bitmap: ImageBitmap | undefined;
      try {
        const start = performance.now();
        // The core takes no VideoFrame: it becomes a bitmap here, off the main thread.
        bitmap = request.frame instanceof ImageBitmap ? request.frame : await createImageBitmap(request.frame);
        const result = await classifier.classify(bitmap);
        const classifyMs = performance.now() - start;
        const reply: ClassifyReply = {
          top1: result.predictions[0]?.index ?? -1,
          backend: result.backend,
          receivedAt,
          classifyMs,
          preprocessMs: result.timings.preprocess,
          sentAt: clock(),
        };
        return reply;
      } finally {
        bitmap?.close();
        request.frame.close();
      }
    }
    case 'memory':
      return tf.memory().numTensors;
    case 'dispose':
      classifier?.dispose();
      classifier = undefined;
      return tf.memory().numTensors;
  }
}

self.addEventListener('message', async (event: MessageEvent<WorkerRequest>) => {
  const { id } = event.data;
  try {
    self.postMessage({ id, value: await handle(event.data) } satisfies WorkerReply);
  } catch (error) {
    self.postMessage({
      id,
      error: error instanceof Error ? `${error.name}: ${error.message}` : String(error),
    } satisfies WorkerReply);
  }
});
