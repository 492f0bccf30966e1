import { describe, expect, it } from 'vitest';
import { DEFAULT_MIN_SIMILARITY, KnnIndex, l2Normalise } from '../src/custom';
import { syntheticClasses, view } from './custom-helpers';

describe('KnnIndex', () => {
  it('recognises held-out views of 3 classes taught with 3 examples each', () => {
    const { classes, prototypes, random } = syntheticClasses(3, 3);
    const index = new KnnIndex(classes);
    for (const [i, proto] of prototypes.entries()) {
      for (let n = 0; n < 5; n++) {
        const [best] = index.predict(view(proto, random));
        expect(best.label).toBe(`class-${i}`);
        expect(best.method).toBe('knn');
      }
    }
  });

  it('gives every class a probability, adding up to 1, best first', () => {
    const { classes, prototypes, random } = syntheticClasses(4, 2);
    const predictions = new KnnIndex(classes).predict(view(prototypes[2], random), 3);
    expect(predictions.map((p) => p.label).sort()).toEqual(['class-0', 'class-1', 'class-2', 'class-3']);
    expect(predictions.reduce((sum, p) => sum + p.probability, 0)).toBeCloseTo(1, 6);
    expect(predictions.map((p) => p.probability)).toEqual(
      [...predictions.map((p) => p.probability)].sort((a, b) => b - a),
    );
  });

  it('weights the k nearest by cosine similarity', () => {
    const a = Float32Array.of(1, 0, 0);
    const b = Float32Array.of(0, 1, 0);
    const index = new KnnIndex([
      { label: 'a', examples: [a, Float32Array.of(2, 0, 0)] },
      { label: 'b', examples: [b] },
    ]);
    // Query at 60° from a, 30° from b: cos 0.5 to each a, cos √3/2 to b.
    const query = Float32Array.of(0.5, Math.sqrt(3) / 2, 0);
    const byLabel = Object.fromEntries(index.predict(query, 3).map((p) => [p.label, p]));
    const total = 0.5 + 0.5 + Math.sqrt(3) / 2;
    expect(byLabel.a.probability).toBeCloseTo(1 / total, 6);
    expect(byLabel.b.probability).toBeCloseTo(Math.sqrt(3) / 2 / total, 6);
    expect(byLabel.a.similarity).toBeCloseTo(0.5, 6);
    expect(byLabel.b.similarity).toBeCloseTo(Math.sqrt(3) / 2, 6);
  });

  it('ignores the length of vectors (cosine), so a brighter view of a class is the same class', () => {
    const index = new KnnIndex([
      { label: 'x', examples: [Float32Array.of(1, 0.1)] },
      { label: 'y', examples: [Float32Array.of(0.1, 1)] },
    ]);
    expect(index.predict(Float32Array.of(10, 1), 1)[0]).toMatchObject({ label: 'x', probability: 1 });
    expect(index.predict(Float32Array.of(0.01, 0.1), 1)[0]).toMatchObject({ label: 'y', probability: 1 });
  });

  it('lists a class without examples last, with probability 0', () => {
    const index = new KnnIndex([
      { label: 'empty', examples: [] },
      { label: 'full', examples: [Float32Array.of(1, 0)] },
    ]);
    expect(index.predict(Float32Array.of(1, 1))).toEqual([
      { label: 'full', probability: 1, similarity: expect.closeTo(Math.SQRT1_2, 6), match: true, method: 'knn' },
      { label: 'empty', probability: 0, similarity: 0, match: false, method: 'knn' },
    ]);
  });

  it('uses every example when there are fewer than k', () => {
    const index = new KnnIndex([
      { label: 'a', examples: [Float32Array.of(1, 0)] },
      { label: 'b', examples: [Float32Array.of(0, 1)] },
    ]);
    const [first, second] = index.predict(Float32Array.of(1, 1), 10);
    expect(first.probability).toBeCloseTo(0.5, 6);
    expect(second.probability).toBeCloseTo(0.5, 6);
  });

  it('matches a class only when the nearest example reaches the threshold, however high the probability', () => {
    const index = new KnnIndex([
      { label: 'animal', examples: [Float32Array.of(1, 0, 0)] },
      { label: 'thing', examples: [Float32Array.of(0, 1, 0)] },
    ]);
    // Mostly along a third direction that no class covers: the vote still goes all to one class.
    const [unknown] = index.predict(Float32Array.of(0.3, 0, 1));
    expect(unknown).toMatchObject({ label: 'animal', probability: 1, match: false });
    expect(unknown!.similarity).toBeLessThan(DEFAULT_MIN_SIMILARITY);
    const [known] = index.predict(Float32Array.of(1, 0.1, 0.2));
    expect(known).toMatchObject({ label: 'animal', match: true });
    // A threshold of the caller's: the same picture matches at 0.2.
    expect(index.predict(Float32Array.of(0.3, 0, 1), 3, 0.2)[0]!.match).toBe(true);
  });

  it.each([-1.5, 2, Number.NaN])('refuses a minSimilarity of %s', (min) => {
    const index = new KnnIndex([{ label: 'a', examples: [Float32Array.of(1)] }]);
    expect(() => index.predict(Float32Array.of(1), 3, min)).toThrow(/minSimilarity must be a number from -1 to 1/);
  });

  it('refuses a k that is not a positive whole number', () => {
    const index = new KnnIndex([{ label: 'a', examples: [Float32Array.of(1)] }]);
    expect(() => index.predict(Float32Array.of(1), 0)).toThrow(RangeError);
    expect(() => index.predict(Float32Array.of(1), 1.5)).toThrow(/whole number/);
  });
});

describe('l2Normalise', () => {
  it('scales to length 1 and leaves a zero vector at zero', () => {
    const unit = l2Normalise(Float32Array.of(3, 4));
    expect(Array.from(unit)).toEqual([expect.closeTo(0.6, 6), expect.closeTo(0.8, 6)]);
    expect(Array.from(l2Normalise(Float32Array.of(0, 0)))).toEqual([0, 0]);
  });
});
