/**
 * The DOM-framework-free core: load MobileNet V2 (0.5, 96×96) and classify or embed images. Nothing
 * here imports tf.js: it loads with the first classifier.
 *
 * @example
 * import { loadClassifier } from './model';
 * const classifier = await loadClassifier();
 * const { predictions } = await classifier.classify(file);
 */
export { defaultModelUrl } from './assets';
// The class as a type: its code, with tf.js, loads with the first classifier (./load).
export type { Classifier } from './classifier';
export { loadClassifier } from './load';
export { AUTO_BACKEND_STORAGE_KEY, readChoice as readAutoBackendChoice, type AutoBackendChoice } from './auto-choice';
export { BACKENDS, setWasmPath, setWasmThreads } from './wasm-settings';
export { leaseClassifier, type ClassifierLease } from './shared';
export { centreCrop, regionCrop, MODEL_INPUT_SIZE, type CropRect, type Region } from './crop';
export { hottestArea, type PictureArea } from './explain';
export type { ClassSelector } from './filters';
export {
  ClassifierError,
  isAbortError,
  type ClassifierErrorCode,
  type ClassifierErrorPhase,
  type ClassifierErrorValues,
  type NamedFiles,
  type PictureName,
} from './errors';
export { classifierError, classifierMessages, type ClassifierMessages } from './messages';
export { fetchTranslatedLabels, MAX_LABELS_FILE_CHARS, parseTranslatedLabels } from './labels-file';
export { ACCEPTED_INPUTS, checkInput, describeValue } from './input-check';
export { DEFAULT_BATCH_SIZE } from './types';
export type {
  AreaOptions,
  Backend,
  ClassifierInput,
  ClassifyBatchOptions,
  ClassifyOptions,
  ClassifyResult,
  Explanation,
  ExplainOptions,
  Label,
  LoadClassifierOptions,
  LoadProgress,
  Prediction,
  Timings,
} from './types';
