/**
 * The DOM-framework-free core: load MobileNet V2 (0.5, 96×96) and classify or embed images.
 *
 * @example
 * import { loadClassifier } from './model';
 * const classifier = await loadClassifier();
 * const { predictions } = await classifier.classify(file);
 */
export { defaultModelUrl } from './assets';
export { Classifier, DEFAULT_BATCH_SIZE, loadClassifier } from './classifier';
export { AUTO_BACKEND_STORAGE_KEY, readChoice as readAutoBackendChoice, type AutoBackendChoice } from './auto-backend';
export { BACKENDS, setWasmPath } from './backend';
export { leaseClassifier, type ClassifierLease } from './shared';
export { centreCrop, MODEL_INPUT_SIZE, type CropRect } from './crop';
export { ClassifierError, isAbortError, type ClassifierErrorPhase } from './errors';
export type {
  Backend,
  ClassifierInput,
  ClassifyBatchOptions,
  ClassifyOptions,
  ClassifyResult,
  Label,
  LoadClassifierOptions,
  LoadProgress,
  Prediction,
  Timings,
} from './types';
