// An optional softmax layer on top of the feature vector, trained in the page with tf.js. It is small
// (1280 × classes weights), so a step takes a few milliseconds; the trainer hands the event loop back
// after every step, so that the page keeps drawing, and stops at once when its AbortSignal fires.
import * as tf from '@tensorflow/tfjs-core';
import type { CustomClassError } from './errors';
import { customClassError } from './messages';
import type { CustomClass, SoftmaxHead } from './types';
import { seededRandom } from '../util/seeded-random';
import { l2Normalise } from './vectors';

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

let gradients: Promise<unknown> | undefined;

/**
 * tfjs-core registers no gradients by itself (the `@tensorflow/tfjs` bundle does): training needs them.
 * They load on the first training, not with this module, so that importing the package in Node (server
 * rendering) reaches no file of tfjs-core's ES build, whose extensionless imports Node refuses.
 */
function registerGradients(): Promise<unknown> {
  gradients ??= import('@tensorflow/tfjs-core/dist/register_all_gradients.js').catch((error: unknown) => {
    gradients = undefined; // a failed chunk load is tried again next time
    throw error;
  });
  return gradients;
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
  const { epochs = 60, batchSize = 32, learningRate = 0.01, weightDecay = 1e-3, signal, onProgress } = options;
  const notReady = headNotReady(classes);
  if (notReady) throw notReady;
  signal?.throwIfAborted();
  await registerGradients();
  signal?.throwIfAborted();
  const taught = classes.filter((c) => c.examples.length > 0);
  const labels = taught.map((c) => c.label);
  const featureSize = taught[0].examples[0].length;
  const rows = taught.flatMap((c, classIndex) =>
    c.examples.map((example) => ({ unit: l2Normalise(example), classIndex })),
  );
  const xs = new Float32Array(rows.length * featureSize);
  rows.forEach((row, i) => xs.set(row.unit, i * featureSize));
  const ys = Int32Array.from(rows, (row) => row.classIndex);

  const random = seededRandom(0x5eed);
  const batchesPerEpoch = Math.ceil(rows.length / batchSize);
  const totalSteps = epochs * batchesPerEpoch;
  // Variables outlive tidy; the zeros they start from do not.
  const [weights, bias] = tf.tidy(() => [
    tf.variable(tf.zeros([featureSize, labels.length])),
    tf.variable(tf.zeros([labels.length])),
  ]);
  const optimizer = tf.train.adam(learningRate);
  const inputs = tf.tensor2d(xs, [rows.length, featureSize]);
  const targets = tf.tidy(() => tf.cast(tf.oneHot(tf.tensor1d(ys, 'int32'), labels.length), 'float32'));
  try {
    let step = 0;
    for (let epoch = 0; epoch < epochs; epoch++) {
      const order = shuffled(rows.length, random);
      for (let start = 0; start < rows.length; start += batchSize) {
        signal?.throwIfAborted();
        const batch = order.subarray(start, start + batchSize);
        const cost = tf.tidy((): tf.Scalar => {
          const indices = tf.tensor1d(batch, 'int32');
          const x = tf.gather(inputs, indices);
          const y = tf.gather(targets, indices);
          return optimizer.minimize(() => {
            const logits = tf.add(tf.matMul(x, weights), bias);
            const crossEntropy = tf.losses.softmaxCrossEntropy(y, logits);
            return tf.add(crossEntropy, tf.mul(weightDecay, tf.sum(tf.square(weights)))) as tf.Scalar;
          }, /* returnCost= */ true)!;
        });
        // Reading the loss waits for the step to finish on the device without blocking: on WebGL the
        // steps would otherwise queue up and the first synchronous read would stall the page.
        const [loss] = await cost.data();
        cost.dispose();
        step++;
        onProgress?.({ fraction: step / totalSteps, loss });
        await yieldToEventLoop();
      }
    }
    signal?.throwIfAborted();
    const [w, b] = await Promise.all([weights.data(), bias.data()]);
    // The classes may have changed while the weights were read: such a head is for other classes.
    signal?.throwIfAborted();
    return { labels, featureSize, weights: w as Float32Array, bias: b as Float32Array };
  } finally {
    tf.dispose([weights, bias, inputs, targets]);
    optimizer.dispose();
  }
}

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

/** Hands the event loop back: input, rendering and timers run before the next step. */
function yieldToEventLoop(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (scheduler?.yield) return scheduler.yield();
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/** 0 … n-1 in a random order (Fisher–Yates). */
function shuffled(n: number, random: () => number): Int32Array {
  const order = Int32Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [order[i], order[j]] = [order[j], order[i]];
  }
  return order;
}
