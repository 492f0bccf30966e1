import type { Classifier } from './classifier';
import { loadClassifier } from './load';
import type { Backend, LoadProgress } from './types';

interface Entry {
  classifier: Promise<Classifier>;
  controller: AbortController;
  users: number;
  progress?: LoadProgress;
  listeners: Set<(progress: LoadProgress) => void>;
}

const entries = new Map<string, Entry>();

/** A hold on a shared classifier. Call `release()` when done; the last release frees the model. */
export interface ClassifierLease {
  classifier: Promise<Classifier>;
  release(): void;
}

/**
 * Gives every caller asking for the same model URL and backend the same classifier, loaded once.
 *
 * The load is aborted if every lease is released before it finishes: when `model-url` changes
 * quickly, only the last URL is still downloading.
 */
export function leaseClassifier(
  modelUrl: URL,
  backend: Backend | 'auto',
  onProgress?: (progress: LoadProgress) => void,
): ClassifierLease {
  const key = `${backend} ${modelUrl.href}`;
  let entry = entries.get(key);
  if (!entry) {
    const controller = new AbortController();
    const created: Entry = {
      controller,
      users: 0,
      listeners: new Set(),
      classifier: loadClassifier({
        modelUrl,
        backend,
        signal: controller.signal,
        onProgress: (progress) => {
          created.progress = progress;
          created.listeners.forEach((listener) => listener(progress));
        },
      }),
    };
    // A failed load is not cached: the next lease (a retry) starts afresh.
    created.classifier.catch(() => {
      if (entries.get(key) === created) entries.delete(key);
    });
    entries.set(key, created);
    entry = created;
  }
  const held = entry;
  held.users++;
  let released = false;
  if (onProgress) {
    held.listeners.add(onProgress);
    // Replayed later, not during this call: the caller has not received its lease yet.
    queueMicrotask(() => {
      if (!released && held.progress) onProgress(held.progress);
    });
  }
  return {
    classifier: held.classifier,
    release() {
      if (released) return;
      released = true;
      if (onProgress) held.listeners.delete(onProgress);
      if (--held.users > 0) return;
      if (entries.get(key) === held) entries.delete(key);
      held.controller.abort();
      // A load that fails or is aborted has already been reported to its callers.
      held.classifier.then(
        (classifier) => classifier.dispose(),
        () => {},
      );
    },
  };
}
