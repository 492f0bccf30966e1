// Starts e2e/classifier.worker.ts and lets Playwright tests call into it with page.evaluate.
import * as core from '../src/model';
import type { WorkerOps } from './classifier.worker';
import { fetchBlob } from './fetch-blob';

const worker = new Worker(new URL('./classifier.worker.ts', import.meta.url), { type: 'module' });
let nextId = 0;
const pending = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();
const started = new Promise<void>((resolve, reject) => {
  worker.addEventListener(
    'error',
    (event) => reject(new Error(`the worker failed to start: ${event.message || 'no message'}`)),
    { once: true },
  );
  const onReady = (event: MessageEvent) => {
    if (event.data?.ready) {
      worker.removeEventListener('message', onReady);
      resolve();
    }
  };
  worker.addEventListener('message', onReady);
});
worker.addEventListener('message', (event: MessageEvent<{ id?: number; value?: unknown; error?: string }>) => {
  const { id, value, error } = event.data;
  const call = id === undefined ? undefined : pending.get(id);
  if (!call) return;
  pending.delete(id!);
  if (error !== undefined) call.reject(new Error(`in the worker: ${error}`));
  else call.resolve(value);
});

const workerHarness = {
  /** The same core on the main thread, to compare with. */
  core,
  /** Runs `op` in the worker; `transfer` moves ImageBitmaps there instead of copying them. */
  async call<K extends keyof WorkerOps>(
    op: K,
    args: Parameters<WorkerOps[K]>[0] = {} as never,
    transfer: Transferable[] = [],
  ) {
    await started;
    const id = nextId++;
    return new Promise<Awaited<ReturnType<WorkerOps[K]>>>((resolve, reject) => {
      pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
      worker.postMessage({ id, op, ...(args as object) }, transfer);
    });
  },
  /** Fetches a file as a Blob (test images are routed from ../shared by the fixture). */
  blob: fetchBlob,
};

declare global {
  interface Window {
    workerHarness: typeof workerHarness;
  }
}

window.workerHarness = workerHarness;
document.body.dataset.ready = 'true';
