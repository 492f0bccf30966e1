import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { beforeAll, describe, expect, it } from 'vitest';
import { headNotReadyReason, predictWithHead, trainSoftmaxHead, type TrainProgress } from '../src/custom';
import { syntheticClasses, view } from './custom-helpers';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

describe('trainSoftmaxHead', () => {
  it('learns 3 classes from 5 examples each and recognises held-out views', async () => {
    const { classes, prototypes, random } = syntheticClasses(3, 5, 7);
    const progress: TrainProgress[] = [];
    const head = await trainSoftmaxHead(classes, { epochs: 30, onProgress: (p) => progress.push(p) });
    expect(head.labels).toEqual(['class-0', 'class-1', 'class-2']);
    expect(head.weights).toHaveLength(1280 * 3);
    for (const [i, proto] of prototypes.entries()) {
      for (let n = 0; n < 5; n++) {
        const probabilities = Array.from(predictWithHead(head, view(proto, random)));
        expect(probabilities.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 5);
        expect(probabilities.indexOf(Math.max(...probabilities))).toBe(i);
      }
    }
    expect(progress).toHaveLength(30);
    expect(progress.at(-1)?.fraction).toBe(1);
    expect(progress.at(-1)!.loss).toBeLessThan(progress[0].loss);
  });

  it('hands the event loop back between steps: a timer set during training runs before it ends', async () => {
    const { classes } = syntheticClasses(2, 5);
    let timerRanAtStep = -1;
    let step = 0;
    setTimeout(() => (timerRanAtStep = step), 0);
    await trainSoftmaxHead(classes, { epochs: 20, onProgress: () => step++ });
    expect(timerRanAtStep).toBeGreaterThanOrEqual(0);
    expect(timerRanAtStep).toBeLessThan(20);
  });

  it('stops when aborted, rejects with the AbortError and frees its tensors', async () => {
    const { classes } = syntheticClasses(2, 5);
    const before = tf.memory().numTensors;
    const controller = new AbortController();
    let steps = 0;
    const training = trainSoftmaxHead(classes, {
      epochs: 100,
      signal: controller.signal,
      onProgress: () => {
        if (++steps === 3) controller.abort();
      },
    });
    await expect(training).rejects.toMatchObject({ name: 'AbortError' });
    expect(steps).toBe(3);
    expect(tf.memory().numTensors).toBe(before);
  });

  it('leaves no tensor behind after a whole run', async () => {
    const before = tf.memory().numTensors;
    await trainSoftmaxHead(syntheticClasses(2, 5).classes, { epochs: 3 });
    expect(tf.memory().numTensors).toBe(before);
  });

  it('gives the same head for the same examples', async () => {
    const { classes } = syntheticClasses(2, 6, 3);
    const [a, b] = [await trainSoftmaxHead(classes, { epochs: 5 }), await trainSoftmaxHead(classes, { epochs: 5 })];
    expect(Array.from(a.weights)).toEqual(Array.from(b.weights));
  });

  it('refuses too few examples, saying what to add', async () => {
    const { classes } = syntheticClasses(2, 5);
    classes[1].examples.pop();
    await expect(trainSoftmaxHead(classes)).rejects.toThrow(
      'Training needs 5 examples in every class; add more to "class-1".',
    );
    expect(headNotReadyReason(classes.slice(0, 1))).toBe('Training needs at least two classes with examples.');
    expect(headNotReadyReason([...syntheticClasses(2, 5).classes, { label: 'empty', examples: [] }])).toBeUndefined();
  });
});
