import * as tf from '@tensorflow/tfjs-core';
import type { Label, Prediction } from './types';

/**
 * Checks a requested top-k against the number of classes.
 *
 * @returns k itself, or `numClasses` when more were asked for than exist.
 * @throws RangeError when k is not a positive integer.
 */
export function normaliseTopK(k: number, numClasses: number): number {
  if (!Number.isInteger(k) || k < 1) {
    throw new RangeError(`topK must be a whole number of at least 1, got ${k}.`);
  }
  return Math.min(k, numClasses);
}

/**
 * Softmax probabilities and the indices of the k most probable classes, computed on the device.
 * Call inside `tf.tidy`: the intermediate softmax is not disposed here.
 *
 * `tf.topk` ranks on the backend, so only 2k numbers come back to JS instead of the 1001 that a
 * sort in JS would need to read first.
 */
export function topKOnDevice(logits: tf.Tensor2D, k: number): { values: tf.Tensor2D; indices: tf.Tensor2D } {
  const { values, indices } = tf.topk(tf.softmax(logits), k, /* sorted= */ true);
  return { values: values as tf.Tensor2D, indices: indices as tf.Tensor2D };
}

/**
 * Pairs top-k indices and probabilities (one row, as read back from the device) with their labels.
 *
 * @throws Error when an index has no label: the labels do not belong to this model.
 */
export function toPredictions(
  indices: ArrayLike<number>,
  probabilities: ArrayLike<number>,
  labels: readonly Label[],
): Prediction[] {
  return Array.from(indices, (index, rank) => {
    const entry = labels[index];
    if (entry === undefined) {
      throw new Error(`Class ${index} has no label: labels.json has ${labels.length} entries.`);
    }
    return { index, label: entry.label, probability: probabilities[rank] };
  });
}

/**
 * Validates a parsed `labels.json`: an array of `{ index, wnid, label, fullName }` in index order.
 *
 * @throws Error naming the first bad entry.
 */
export function parseLabels(json: unknown, expected: number): Label[] {
  if (!Array.isArray(json)) throw new Error('labels.json is not a JSON array.');
  if (json.length !== expected) {
    throw new Error(`labels.json has ${json.length} entries but the model has ${expected} classes.`);
  }
  return json.map((entry: unknown, i): Label => {
    const e = entry as Partial<Label> | null;
    if (e?.index !== i || typeof e.label !== 'string' || typeof e.wnid !== 'string') {
      throw new Error(`labels.json entry ${i} is not { index: ${i}, wnid, label, fullName }.`);
    }
    return { index: i, wnid: e.wnid, label: e.label, fullName: typeof e.fullName === 'string' ? e.fullName : e.label };
  });
}
