import type { CustomClass, CustomPrediction } from './types';
import { dot, l2Normalise } from './vectors';

/** Neighbours that vote, unless there are fewer examples. */
export const DEFAULT_K = 3;

/**
 * The cosine similarity to a class's nearest example at which a picture counts as that class.
 *
 * Calibrated on the 30 test images (e2e/custom-unknown.spec.ts, wasm): in three folds, 10 images were
 * taught from 3 views each and 4 other views of every image were shown. Held-out views of taught
 * images had a nearest similarity of 0.58–0.97 (median 0.82); views of the 20 images not taught,
 * 0.05–0.55 (median 0.27), the highest being one dog breed against another (Maltese vs Dandie
 * Dinmont, 0.53); unrelated objects stayed under 0.45. At 0.5, 120/120 taught views were accepted and
 * 238/240 unknown ones rejected (both: the Dandie Dinmont taken for the Maltese).
 */
export const DEFAULT_MIN_SIMILARITY = 0.5;

/**
 * Cosine k-nearest-neighbours over the user's examples. The examples are L2-normalised once, when the
 * index is built, so that a query costs one dot product per example.
 *
 * @example
 * const index = new KnnIndex(classes);
 * const [best] = index.predict(vector); // { label: 'my mug', probability: 1, similarity: 0.91, match: true, method: 'knn' }
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
   * A class's probability is the sum of the similarities of its examples among the k nearest, over the
   * sum for all k: three equally near neighbours split 2:1 give 0.67:0.33, a nearer one counts for more.
   * MobileNet's feature vector is an average of ReLU6 outputs, so its values are ≥ 0 and cosine
   * similarities between them are too; a negative one (another model) is counted as 0.
   *
   * The probabilities always share the vote among the taught classes, so a picture of something else
   * still gets one class at a high probability: `match` says whether the picture is near enough to a
   * class's examples to be it (similarity ≥ `minSimilarity`).
   *
   * @param vector a feature vector of the same model, normalised or not.
   * @param k how many nearest examples vote, 1 or more.
   * @param minSimilarity the similarity from which a class matches, in [-1, 1].
   */
  predict(vector: ArrayLike<number>, k = DEFAULT_K, minSimilarity = DEFAULT_MIN_SIMILARITY): CustomPrediction[] {
    if (!Number.isInteger(k) || k < 1) throw new RangeError(`k must be a whole number of at least 1, got ${k}.`);
    if (typeof minSimilarity !== 'number' || !(minSimilarity >= -1 && minSimilarity <= 1)) {
      throw new RangeError(`minSimilarity must be a number from -1 to 1, got ${String(minSimilarity)}.`);
    }
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
        probability: total ? votes[i] / total : 0,
        similarity: Number.isFinite(nearest[i]) ? nearest[i] : 0,
        match: Number.isFinite(nearest[i]) && nearest[i] >= minSimilarity,
        method: 'knn' as const,
      }))
      .sort((a, b) => b.probability - a.probability || b.similarity - a.similarity);
  }
}

/**
 * When no prediction matches (the picture is none of the user's classes), the class nearest to it;
 * undefined when one matches or there are none.
 */
export function closestUnmatched(predictions: readonly CustomPrediction[]): CustomPrediction | undefined {
  if (!predictions.length || predictions.some((p) => p.match)) return undefined;
  return predictions.reduce((best, p) => (p.similarity > best.similarity ? p : best));
}
