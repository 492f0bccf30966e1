import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { beforeAll, describe, expect, it } from 'vitest';
import { resolveFilters } from '../src/model/filters';
import { toPredictions, topKOfRows, topKOnDevice } from '../src/model/predictions';
import { fakeLabels } from './fake-labels';

// ImageNet has names twice: 'crane' is class 135 (the bird) and 518 (the machine).
const labels = fakeLabels(['background', 'crane', 'goldfish', 'crane', 'tabby']);

beforeAll(async () => {
  await tf.setBackend('cpu');
});

describe('resolveFilters', () => {
  it('allows every class when no list is given, and when a list is empty (as MediaPipe)', () => {
    expect(resolveFilters({}, labels)).toEqual({ minProbability: 0, allowedCount: 5 });
    expect(resolveFilters({ includeClasses: [] }, labels)).toEqual({ minProbability: 0, allowedCount: 5 });
  });

  it('turns an include list of indices, labels (every class of the name, any case) and WordNet ids into a mask', () => {
    const { allowed, allowedCount } = resolveFilters({ includeClasses: [4, 'CRANE', 'n00000002'] }, labels);
    expect(Array.from(allowed!)).toEqual([0, 1, 1, 1, 1]);
    expect(allowedCount).toBe(4);
  });

  it('inverts an exclude list', () => {
    const { allowed, allowedCount } = resolveFilters({ excludeClasses: ['background', 'crane'] }, labels);
    expect(Array.from(allowed!)).toEqual([0, 0, 1, 0, 1]);
    expect(allowedCount).toBe(2);
  });

  it.each([
    [{ minProbability: -0.1 }, /minProbability must be a number from 0 to 1, got -0.1/],
    [{ minProbability: 1.5 }, /got 1.5/],
    [{ minProbability: Number.NaN }, /got NaN/],
    [{ minProbability: '0.5' as unknown as number }, /got "0.5"/],
    [{ includeClasses: [1], excludeClasses: [2] }, /cannot be used together/],
    [{ includeClasses: [5] }, /includeClasses: 5 is not a class index \(0–4\)/],
    [{ excludeClasses: [1.5] }, /excludeClasses: 1.5 is not a class index/],
    [{ includeClasses: ['unicorn'] }, /includeClasses: no class is named "unicorn"/],
    [{ includeClasses: [null as unknown as number] }, /null is neither a class index nor a label/],
    [{ includeClasses: 'tabby' as unknown as string[] }, /must be an array of class indices or labels, got "tabby"/],
  ])('refuses %j', (options, message) => {
    expect(() => resolveFilters(options, labels)).toThrow(RangeError);
    expect(() => resolveFilters(options, labels)).toThrow(message);
  });
});

describe('ranking with filters', () => {
  const scores = [0.05, 0.4, 0.3, 0.15, 0.1];

  it('topKOfRows ranks only the allowed classes', () => {
    const { allowed } = resolveFilters({ excludeClasses: [1] }, labels);
    const { indices, values } = topKOfRows(scores, 1, 3, allowed);
    expect(Array.from(indices)).toEqual([2, 3, 4]);
    expect(Array.from(values)).toEqual([0.3, 0.15, 0.1].map(Math.fround));
    expect(() => topKOfRows(scores, 1, 5, allowed)).toThrow(RangeError);
  });

  it('topKOnDevice ranks only the allowed classes and keeps their exact probabilities', async () => {
    const logits = tf.tensor2d([[0.5, 3, 2, 1, -1]]);
    const { allowed } = resolveFilters({ includeClasses: [0, 3, 4] }, labels);
    const full = tf.tidy(() => tf.softmax(logits));
    const { values, indices } = topKOnDevice(logits, 3, allowed);
    const p = await full.data();
    expect(Array.from(await indices.data())).toEqual([3, 0, 4]);
    expect(Array.from(await values.data())).toEqual([p[3], p[0], p[4]].map((v) => expect.closeTo(v!, 6)));
    tf.dispose([logits, full, values, indices]);
  });

  it('toPredictions leaves out those under minProbability, possibly all', () => {
    expect(toPredictions([1, 2, 3], [0.4, 0.3, 0.15], labels, 0.3).map((p) => p.index)).toEqual([1, 2]);
    expect(toPredictions([1, 2], [0.4, 0.3], labels, 0.5)).toEqual([]);
  });
});
