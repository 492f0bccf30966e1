import type { Region } from './crop';
import type { ClassSelector } from './filters';

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

/** Which part of the picture the model sees. */
export interface AreaOptions {
  /** Side of the centred square crop as a fraction of the short side, in (0, 1]. Default 1. */
  crop?: number;
  /**
   * A square chosen anywhere in the picture (as MediaPipe's `regionOfInterest`), instead of the centred
   * crop: `{ x, y }` its top-left corner as fractions of the width and height, `size` its side as a
   * fraction of the short side. `null` or absent: the centred `crop`.
   */
  region?: Region | null;
}

export interface ClassifyOptions extends AreaOptions {
  /** How many predictions to return, 1–1001. Default 5. Taken after the filters below. */
  topK?: number;
  /** Also return the 1280-d feature vector of the same pass. Default false. */
  features?: boolean;
  /**
   * Leave out predictions whose probability is below this, in [0, 1] (MediaPipe's `scoreThreshold`).
   * Default 0. Fewer than `topK` predictions, or none, may then come back.
   */
  minProbability?: number;
  /**
   * Only these classes may be returned: indices, labels (`'tabby'`, every class of that name) or WordNet
   * ids (MediaPipe's `categoryAllowlist`). Not together with `excludeClasses`.
   */
  includeClasses?: readonly ClassSelector[];
  /** These classes are never returned (MediaPipe's `categoryDenylist`). Not together with `includeClasses`. */
  excludeClasses?: readonly ClassSelector[];
}

export interface ExplainOptions extends AreaOptions {
  /** The class to explain. Default: the top class of the picture. */
  classIndex?: number;
  /** Cells per side of the occlusion grid, 2–16. Default 7. */
  grid?: number;
}

/** What {@link Classifier.explain} found: how much each part of the picture mattered for one class. */
export interface Explanation {
  /** The class explained. */
  classIndex: number;
  /** Its label. */
  label: string;
  /** Its probability for the whole picture. */
  probability: number;
  /** Cells per side. */
  grid: number;
  /** Side of the image the grid lies on (the model's input, 96). */
  size: number;
  /**
   * Row-major, `grid × grid`: for each cell, how far the class's probability drops when that cell of
   * the 96×96 input is greyed out. Positive means the cell supports the class; near 0, it does not
   * matter; negative, it speaks against it.
   */
  heat: Float32Array;
  /** The 96×96 pixels the heat lies on. */
  pixels: ImageData;
}

/** Default images per model run in `Classifier.classifyBatch`. */
export const DEFAULT_BATCH_SIZE = 8;

export interface ClassifyBatchOptions extends ClassifyOptions {
  /** Images per model run, 1–64. Default {@link DEFAULT_BATCH_SIZE}. */
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
