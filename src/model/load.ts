// The first half of loading a classifier, without tf.js: tf.js and the backend (a few hundred KB) are
// imported on the first load, while the model's files download, so that an element paints, and takes
// a picture to classify, before any of it has arrived.
import { defaultModelUrl } from './assets';
import type { Classifier } from './classifier';
import { fetchModel } from './loader';
import { classifierError } from './messages';
import type { LoadClassifierOptions } from './types';
import { importOnce } from '../util/import-once';

/**
 * tf.js and the classifier, imported once. A failed import is tried again by the next load, but
 * Chromium 150 still answers it from its module map (HTML now says a failed fetch is not kept there:
 * whatwg/html#10327), so the message asks for a reload.
 */
const importCore = importOnce(() =>
  import('./classifier').catch((error: unknown) => {
    throw classifierError('load', 'code-failed', { detail: (error as Error)?.message ?? String(error) }, error);
  }),
);

/**
 * Downloads the model and its labels, starts a backend and warms the model up. The first call also
 * imports tf.js and the backend, while the model's files download.
 *
 * @throws ClassifierError (phase `load`) naming the URL and what is wrong; the AbortError of
 *   `signal` when aborted.
 * @example
 * const classifier = await loadClassifier({ onProgress: (p) => console.log(p.fraction) });
 * const { predictions, backend } = await classifier.classify(imageElement);
 */
export async function loadClassifier(options: LoadClassifierOptions = {}): Promise<Classifier> {
  const { signal } = options;
  const url = new URL(options.modelUrl ?? defaultModelUrl(), globalThis.location?.href);
  signal?.throwIfAborted();
  const fetching = fetchModel(url, signal, options.onProgress, options.cache ?? true);
  // Awaited by loadFetched; a failure there is this load's, not an unhandled rejection.
  fetching.catch(() => {});
  // A model that cannot be fetched says so at once, without waiting for tf.js.
  const fetchFailed = fetching.then(() => new Promise<never>(() => {}));
  const { loadFetched } = await Promise.race([importCore(), fetchFailed]);
  return loadFetched(url, fetching, options);
}
