// The trainer of the softmax head (./head), loaded when training starts. The head is small (1280 ×
// classes weights), so a step takes a few milliseconds; the trainer hands the event loop back after
// every step, so that the page keeps drawing, and stops at once when its AbortSignal fires.
import * as tf from '@tensorflow/tfjs-core';
// tfjs-core registers no gradients by itself (the `@tensorflow/tfjs` bundle does): training needs them.
import '@tensorflow/tfjs-core/dist/register_all_gradients.js';
import type { TrainOptions } from './head';
import type { CustomClass, SoftmaxHead } from './types';
import { seededRandom } from '../util/seeded-random';
import { l2Normalise } from './vectors';

/** @internal `trainSoftmaxHead` (./head) once the classes are checked: see its documentation. */
export async function trainHead(classes: readonly CustomClass[], options: TrainOptions = {}): Promise<SoftmaxHead> {
  const { epochs = 60, batchSize = 32, learningRate = 0.01, weightDecay = 1e-3, signal, onProgress } = options;
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
