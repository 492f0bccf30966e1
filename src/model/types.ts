/** A tf.js backend the classifier can run on. */
export type Backend = 'webgpu' | 'webgl' | 'wasm' | 'cpu';

/** Anything the classifier can take a picture from. */
export type ClassifierInput =
  HTMLImageElement | HTMLVideoElement | HTMLCanvasElement | OffscreenCanvas | ImageBitmap | ImageData | Blob;

/** One entry of the model's `labels.json`. */
export interface Label {
  /** Position in the 1001-class output; 0 is `background`. */
  index: number;
  /** WordNet id such as `n01440764`, or `background`. */
  wnid: string;
  /** Short display name: the first synonym, e.g. `tench`. */
  label: string;
  /** The whole ImageNet class name, e.g. `tench, Tinca tinca`. */
  fullName: string;
}

/** One ranked answer. */
export interface Prediction {
  /** Index in the 1001-class space (0 = background, which may win). */
  index: number;
  /** Display name of the class. */
  label: string;
  /** Softmax probability in [0, 1]. */
  probability: number;
}

/** Where the time of one call went, in milliseconds. */
export interface Timings {
  /** Decode, crop and resize to 96×96, and build the input tensor. */
  preprocess: number;
  /** Model execution, top-k on the device and reading the answer back. */
  inference: number;
  total: number;
}

export interface ClassifyOptions {
  /** How many predictions to return, 1–1001. Default 5. */
  topK?: number;
  /** Side of the centred square crop as a fraction of the short side, in (0, 1]. Default 1. */
  crop?: number;
  /** Also return the 1280-d feature vector of the same pass. Default false. */
  features?: boolean;
}

export interface ClassifyBatchOptions extends ClassifyOptions {
  /** Images per model run, 1–64. Default 8. */
  batchSize?: number;
  /** Stops before the next run; the call then rejects with the signal's AbortError. */
  signal?: AbortSignal;
  /** Called after each run with how many inputs are settled so far. */
  onProgress?: (progress: { done: number; total: number }) => void;
}

export interface ClassifyResult {
  predictions: Prediction[];
  /** The backend that ran this call. */
  backend: Backend;
  timings: Timings;
  /** The exact 96×96 RGBA pixels the model saw. */
  pixels: ImageData;
  /** Present when `features: true` was asked for. */
  features?: Float32Array;
}

/** Bytes of the model fetched so far. */
export interface LoadProgress {
  loadedBytes: number;
  totalBytes: number;
  /** loadedBytes / totalBytes, in [0, 1]. */
  fraction: number;
}

export interface LoadClassifierOptions {
  /** URL of the graph model's `model.json`. Default: the model shipped with the package, next to its code. */
  modelUrl?: string | URL;
  /**
   * Preferred backend. Default `webgl`; falls back to wasm, then cpu, if it cannot start. `webgpu`
   * (tf.js's WebGPU backend, loaded only when asked for) falls back to webgl, then wasm, then cpu.
   * `auto` starts on wasm at once and, after the first result, times wasm, WebGL and WebGPU (where the
   * browser has it) in idle time; it moves to a faster one between calls and remembers the choice per
   * browser (see {@link Classifier.backendChoice}).
   */
  backend?: Backend | 'auto';
  /** Aborts the download and the load. */
  signal?: AbortSignal;
  /** Called as model bytes arrive. */
  onProgress?: (progress: LoadProgress) => void;
  /**
   * Keep the weights in the browser's Cache API, keyed by the model's content hash, so that later
   * visits load them without the network. Default true.
   */
  cache?: boolean;
}
