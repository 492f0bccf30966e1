import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { beforeAll, describe, expect, it } from 'vitest';
import { normaliseTopK, parseLabels, toPredictions, topKOfRows, topKOnDevice } from '../src/model/predictions';
import { fakeLabels } from './fake-labels';

const labels = fakeLabels(['background', 'tench', 'goldfish', 'great white shark']);

beforeAll(async () => {
  await tf.setBackend('cpu');
});

describe('topKOnDevice', () => {
  it('returns softmax probabilities of the k largest logits, best first', async () => {
    const logits = tf.tensor2d([[0.5, 3, -1, 2]]);
    const { values, indices } = topKOnDevice(logits, 2);
    const expSum = [0.5, 3, -1, 2].reduce((s, l) => s + Math.exp(l), 0);
    expect(Array.from(await indices.data())).toEqual([1, 3]);
    const probs = Array.from(await values.data());
    expect(probs[0]).toBeCloseTo(Math.exp(3) / expSum, 6);
    expect(probs[1]).toBeCloseTo(Math.exp(2) / expSum, 6);
    tf.dispose([logits, values, indices]);
  });

  it('lets background (index 0) win when its logit is highest', async () => {
    const logits = tf.tensor2d([[9, 1, 2, 3]]);
    const { values, indices } = topKOnDevice(logits, 1);
    expect(Array.from(await indices.data())).toEqual([0]);
    tf.dispose([logits, values, indices]);
  });
});

describe('toPredictions', () => {
  it('pairs each index with its label and probability in rank order', () => {
    expect(toPredictions([3, 0], [0.7, 0.2], labels)).toEqual([
      { index: 3, label: 'great white shark', probability: 0.7 },
      { index: 0, label: 'background', probability: 0.2 },
    ]);
  });

  it('names the index that has no label', () => {
    expect(() => toPredictions([4], [1], labels)).toThrow(/Class 4 has no label: labels.json has 4 entries/);
  });
});

describe('normaliseTopK', () => {
  it('clamps k to the number of classes', () => {
    expect(normaliseTopK(5, 1001)).toBe(5);
    expect(normaliseTopK(5000, 1001)).toBe(1001);
  });

  it.each([0, -1, 2.5, Number.NaN])('refuses k = %s', (k) => {
    expect(() => normaliseTopK(k, 1001)).toThrow(/topK must be a whole number of at least 1/);
  });
});

describe('parseLabels', () => {
  it('accepts entries in index order', () => {
    expect(parseLabels(labels, 4)).toEqual(labels);
  });

  it('refuses a label count that does not match the model', () => {
    expect(() => parseLabels(labels, 1001)).toThrow(/4 entries but the model has 1001 classes/);
  });

  it('refuses an entry out of order or without a label', () => {
    const swapped = [labels[0], labels[2], labels[1], labels[3]];
    expect(() => parseLabels(swapped, 4)).toThrow(/entry 1 is not/);
    expect(() => parseLabels([{ index: 0, wnid: 'background' }], 1)).toThrow(/entry 0 is not/);
    expect(() => parseLabels({ labels }, 4)).toThrow(/not a JSON array/);
  });
});

describe('topKOfRows', () => {
  it('ranks each row best first, with the class index, like tf.topk', () => {
    const scores = [0.1, 0.5, 0.2, 0.2, /* row 2 */ 0.9, 0.0, 0.05, 0.05];
    const { values, indices } = topKOfRows(scores, 2, 3);
    expect(Array.from(indices)).toEqual([1, 2, 3, 0, 2, 3]);
    expect(Array.from(values)).toEqual([0.5, 0.2, 0.2, 0.9, 0.05, 0.05].map(Math.fround));
  });

  it('gives ties to the lower index and can return every class', () => {
    const { indices } = topKOfRows([0.25, 0.25, 0.25, 0.25], 1, 4);
    expect(Array.from(indices)).toEqual([0, 1, 2, 3]);
  });

  it('agrees with a full sort on 1001 random scores', () => {
    let seed = 7;
    const random = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
    const scores = Float32Array.from({ length: 2002 }, random);
    const { indices } = topKOfRows(scores, 2, 5);
    for (const row of [0, 1]) {
      const expected = Array.from(scores.subarray(row * 1001, (row + 1) * 1001))
        .map((v, i) => [v, i] as const)
        .sort((a, b) => b[0] - a[0])
        .slice(0, 5)
        .map(([, i]) => i);
      expect(Array.from(indices.subarray(row * 5, row * 5 + 5))).toEqual(expected);
    }
  });

  it('refuses scores that do not split into the rows, or a k above the classes', () => {
    expect(() => topKOfRows([1, 2, 3], 2, 1)).toThrow(RangeError);
    expect(() => topKOfRows([1, 2, 3, 4], 2, 3)).toThrow(/do not split into 2 rows of at least 3/);
  });
});
