import * as tf from '@tensorflow/tfjs-core';
import { classifierError } from './messages';
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
export function topKOnDevice(
  logits: tf.Tensor2D,
  k: number,
  allowed?: Uint8Array,
): { values: tf.Tensor2D; indices: tf.Tensor2D } {
  const probabilities = tf.softmax(logits);
  // Classes left out by a filter sink below every probability (which are ≥ 0); k never exceeds the
  // allowed count, so none of them can reach the top k, and the allowed ones keep their exact values.
  const ranked = allowed
    ? tf.add(probabilities, tf.tensor1d(Float32Array.from(allowed, (flag) => (flag ? 0 : -2))))
    : probabilities;
  const { values, indices } = tf.topk(ranked, k, /* sorted= */ true);
  return { values: values as tf.Tensor2D, indices: indices as tf.Tensor2D };
}

/**
 * The k largest scores of each row, best first, with their class indices; ties go to the lower index.
 *
 * Used on WebGL instead of {@link topKOnDevice}: tf.js's WebGL `topk` hands inputs under 100,000
 * values to the CPU with a blocking `readSync`, which stalls the page for the whole inference; an
 * asynchronous read of the 1001 probabilities and a sort here take well under a millisecond.
 *
 * @param scores - `rows × classes` values, row-major
 * @param allowed - when given, only the classes whose flag is 1 are ranked
 */
export function topKOfRows(
  scores: ArrayLike<number>,
  rows: number,
  k: number,
  allowed?: Uint8Array,
): { values: Float32Array; indices: Int32Array } {
  const classes = rows > 0 ? scores.length / rows : 0;
  const candidates = allowed ? allowed.reduce((n, flag) => n + flag, 0) : classes;
  if (!Number.isInteger(classes) || k > candidates || (allowed && allowed.length !== classes)) {
    throw new RangeError(`topKOfRows: ${scores.length} scores do not split into ${rows} rows of at least ${k}.`);
  }
  const values = new Float32Array(rows * k);
  const indices = new Int32Array(rows * k);
  const order = new Int32Array(candidates);
  for (let row = 0; row < rows; row++) {
    const base = row * classes;
    for (let i = 0, n = 0; i < classes; i++) if (!allowed || allowed[i]) order[n++] = i;
    order.sort((a, b) => scores[base + b]! - scores[base + a]! || a - b);
    for (let rank = 0; rank < k; rank++) {
      indices[row * k + rank] = order[rank]!;
      values[row * k + rank] = scores[base + order[rank]!]!;
    }
  }
  return { values, indices };
}

/**
 * Pairs top-k indices and probabilities (one row, as read back from the device) with their labels,
 * leaving out those below `minProbability`.
 *
 * @throws Error when an index has no label: the labels do not belong to this model.
 */
export function toPredictions(
  indices: ArrayLike<number>,
  probabilities: ArrayLike<number>,
  labels: readonly Label[],
  minProbability = 0,
): Prediction[] {
  const predictions = Array.from(indices, (index, rank) => {
    const entry = labels[index];
    if (entry === undefined) {
      throw new Error(`Class ${index} has no label: labels.json has ${labels.length} entries.`);
    }
    return { index, label: entry.label, probability: probabilities[rank]! };
  });
  return predictions.filter((p) => p.probability >= minProbability);
}

/**
 * Validates a parsed `labels.json`: an array of `{ index, wnid, label, fullName }` in index order.
 *
 * @throws ClassifierError (phase `load`, codes `labels-*`) naming the first bad entry.
 */
export function parseLabels(json: unknown, expected: number): Label[] {
  if (!Array.isArray(json)) throw classifierError('load', 'labels-not-array', {});
  if (json.length !== expected) {
    throw classifierError('load', 'labels-count', { entries: json.length, classes: expected });
  }
  return json.map((entry: unknown, i): Label => {
    const e = entry as Partial<Label> | null;
    if (e?.index !== i || typeof e.label !== 'string' || typeof e.wnid !== 'string') {
      throw classifierError('load', 'labels-entry', { index: i });
    }
    return { index: i, wnid: e.wnid, label: e.label, fullName: typeof e.fullName === 'string' ? e.fullName : e.label };
  });
}
