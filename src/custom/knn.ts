import type { CustomClass, CustomPrediction } from './types';
import { dot, l2Normalise } from './vectors';

/** Neighbours that vote, unless there are fewer examples. */
export const DEFAULT_K = 3;

/**
 * Cosine k-nearest-neighbours over the user's examples. The examples are L2-normalised once, when the
 * index is built, so that a query costs one dot product per example.
 *
 * @example
 * const index = new KnnIndex(classes);
 * const [best] = index.predict(vector); // { label: 'my mug', confidence: 1, similarity: 0.91, method: 'knn' }
 */
export class KnnIndex {
  private readonly labels: string[];
  private readonly vectors: { classIndex: number; unit: Float32Array }[] = [];

  constructor(classes: readonly CustomClass[]) {
    this.labels = classes.map((c) => c.label);
    classes.forEach((c, classIndex) => {
      for (const example of c.examples) this.vectors.push({ classIndex, unit: l2Normalise(example) });
    });
  }

  /** Number of examples in the index. */
  get size(): number {
    return this.vectors.length;
  }

  /**
   * Every class of the index (those without examples included), most likely first.
   *
   * A class's confidence is the sum of the similarities of its examples among the k nearest, over the
   * sum for all k: three equally near neighbours split 2:1 give 0.67:0.33, a nearer one counts for more.
   * MobileNet's feature vector is an average of ReLU6 outputs, so its values are ≥ 0 and cosine
   * similarities between them are too; a negative one (another model) is counted as 0.
   *
   * @param vector a feature vector of the same model, normalised or not.
   * @param k how many nearest examples vote, 1 or more.
   */
  predict(vector: ArrayLike<number>, k = DEFAULT_K): CustomPrediction[] {
    if (!Number.isInteger(k) || k < 1) throw new RangeError(`k must be a whole number of at least 1, got ${k}.`);
    const query = l2Normalise(vector);
    const nearest = this.labels.map(() => Number.NEGATIVE_INFINITY);
    const scored = this.vectors.map(({ classIndex, unit }) => {
      const similarity = dot(query, unit);
      if (similarity > nearest[classIndex]) nearest[classIndex] = similarity;
      return { classIndex, similarity };
    });
    scored.sort((a, b) => b.similarity - a.similarity);
    const voters = scored.slice(0, k);
    const votes = this.labels.map(() => 0);
    let total = 0;
    for (const { classIndex, similarity } of voters) {
      const weight = Math.max(similarity, 0);
      votes[classIndex] += weight;
      total += weight;
    }
    if (total === 0) {
      // Every voter is orthogonal to the query: they share the vote equally.
      for (const { classIndex } of voters) votes[classIndex] += 1 / voters.length;
      total = voters.length ? 1 : 0;
    }
    return this.labels
      .map((label, i) => ({
        label,
        confidence: total ? votes[i] / total : 0,
        similarity: Number.isFinite(nearest[i]) ? nearest[i] : 0,
        method: 'knn' as const,
      }))
      .sort((a, b) => b.confidence - a.confidence || b.similarity - a.similarity);
  }
}
