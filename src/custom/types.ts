/** Which model a set of feature vectors belongs to: vectors of another model mean nothing to this one. */
export interface ModelIdentity {
  /** `modelId` of the model's metadata, e.g. `mobilenet_v2_050_96-fv3+qat-head`. */
  id: string;
  /**
   * sha256 of the model's weights (`contentHash` of its metadata), or undefined for a model built
   * without one. Examples are kept in the browser only for a model that has one.
   */
  contentHash?: string;
  /** Length of the feature vector, 1280 for MobileNet V2. */
  featureSize: number;
}

/** One class the user taught: a name and the feature vectors of its examples, as the model gave them. */
export interface CustomClass {
  label: string;
  examples: Float32Array[];
}

/** How a custom prediction was made. */
export type CustomMethod = 'knn' | 'head';

/** How much a picture looks like one of the user's classes. */
export interface CustomPrediction {
  /** The class name the user gave. */
  label: string;
  /**
   * In [0, 1]; the probabilities of all classes add up to 1. With `knn`: the similarity-weighted share of
   * the k nearest examples that belong to this class. With `head`: the softmax probability.
   */
  probability: number;
  /** Cosine similarity to the nearest example of this class, in [-1, 1]: low for every class means "none of them". */
  similarity: number;
  /**
   * Whether the picture is near enough to this class's examples to be it: `similarity` reaches the
   * threshold (0.5 by default, see `DEFAULT_MIN_SIMILARITY`). When no class matches, the picture is
   * none of the user's classes, however high a probability says otherwise. A trained head is held to
   * the same test.
   */
  match: boolean;
  method: CustomMethod;
}

/** A softmax layer trained in the page on the examples (see `trainSoftmaxHead`). */
export interface SoftmaxHead {
  /** Class names, in output order. */
  labels: string[];
  featureSize: number;
  /** featureSize × labels.length, row-major: weight of input i for class j at `i * labels.length + j`. */
  weights: Float32Array;
  bias: Float32Array;
}
