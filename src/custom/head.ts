// An optional softmax layer on top of the feature vector, trained in the page with tf.js
// (./head-training, loaded when training starts) and applied in plain JS.
import type { CustomClassError } from './errors';
import { customClassError } from './messages';
import type { CustomClass, SoftmaxHead } from './types';
import { l2Normalise } from './vectors';
import { importOnce } from '../util/import-once';

/** A class needs this many examples before a head is worth training: fewer, and k-NN is as good. */
export const HEAD_MIN_EXAMPLES = 5;

export interface TrainProgress {
  /** Steps done, over all steps: in (0, 1]. */
  fraction: number;
  /** Mean cross-entropy of the last batch. */
  loss: number;
}

export interface TrainOptions {
  /** Passes over all examples. Default 60. */
  epochs?: number;
  /** Examples per step. Default 32. */
  batchSize?: number;
  /** Adam's learning rate. Default 0.01. */
  learningRate?: number;
  /** L2 penalty on the weights, which keeps a head taught on few examples from trusting single features. Default 1e-3. */
  weightDecay?: number;
  /** Stops training; the promise then rejects with the signal's reason (an AbortError) and nothing is kept. */
  signal?: AbortSignal;
  onProgress?: (progress: TrainProgress) => void;
}

/**
 * Whether `classes` have enough examples for a head: at least two classes with examples, each of
 * them with at least {@link HEAD_MIN_EXAMPLES}. Classes without examples are left out of the head.
 *
 * @returns undefined when they do, else what is missing, in words fit to show.
 */
export function headNotReadyReason(classes: readonly CustomClass[]): string | undefined {
  return headNotReady(classes)?.message;
}

/**
 * Why a head cannot be trained on `classes` yet, as the error training would throw (its `code` and
 * `values` let the UI say it in the page's language), or undefined when it can.
 */
export function headNotReady(classes: readonly CustomClass[]): CustomClassError | undefined {
  const taught = classes.filter((c) => c.examples.length > 0);
  if (taught.length < 2) return customClassError('training', 'head-needs-two-classes', {});
  const short = taught.filter((c) => c.examples.length < HEAD_MIN_EXAMPLES).map((c) => c.label);
  if (short.length)
    return customClassError('training', 'head-needs-examples', { min: HEAD_MIN_EXAMPLES, labels: short });
  return undefined;
}

/**
 * Trains softmax regression on the L2-normalised examples, on the active tf.js backend. Weights start
 * at zero and batches are shuffled with a fixed seed, so the same examples give the same head.
 *
 * @throws CustomClassError (reason `training`) when the classes are not enough for a head; the signal's
 *   reason when aborted.
 * @example
 * const controller = new AbortController();
 * const head = await trainSoftmaxHead(classes, { signal: controller.signal, onProgress: (p) => (bar.value = p.fraction) });
 */
export async function trainSoftmaxHead(
  classes: readonly CustomClass[],
  options: TrainOptions = {},
): Promise<SoftmaxHead> {
  const notReady = headNotReady(classes);
  if (notReady) throw notReady;
  options.signal?.throwIfAborted();
  const { trainHead } = await importTrainer();
  return trainHead(classes, options);
}

/**
 * The trainer, with tf.js and the gradients (tfjs-core registers none by itself; the `@tensorflow/tfjs`
 * bundle does), loads on the first training: a page that never trains downloads none of it, and
 * importing the package in Node (server rendering) reaches no file of tfjs-core's ES build, whose
 * extensionless imports Node refuses.
 */
const importTrainer = importOnce(() => import('./head-training'));

/**
 * The head's probabilities for one feature vector, in `head.labels` order. Plain JS: 1280 × classes
 * multiply-adds cost less than a round trip to the device.
 */
export function predictWithHead(head: SoftmaxHead, vector: ArrayLike<number>): Float32Array {
  const x = l2Normalise(vector);
  const classes = head.labels.length;
  const logits = Float64Array.from(head.bias);
  for (let i = 0; i < head.featureSize; i++) {
    const xi = x[i];
    if (xi === 0) continue;
    const row = i * classes;
    for (let j = 0; j < classes; j++) logits[j] += xi * head.weights[row + j];
  }
  const max = Math.max(...logits);
  const exps = logits.map((l) => Math.exp(l - max));
  const sum = exps.reduce((a, b) => a + b, 0);
  return Float32Array.from(exps, (e) => e / sum);
}
