/**
 * The DOM-free core of custom classes: k-NN over the feature vector, the export file, the IndexedDB
 * store and the optional softmax head.
 */
export { closestUnmatched, DEFAULT_K, DEFAULT_MIN_SIMILARITY, KnnIndex } from './knn';
export {
  CustomClassError,
  type CustomClassErrorCode,
  type CustomClassErrorReason,
  type CustomClassErrorValues,
} from './errors';
export { customClassError, customClassMessages, type CustomClassMessages } from './messages';
export {
  CLASSES_FORMAT,
  CLASSES_VERSION,
  MAX_FILE_CHARS,
  parseClassesFile,
  toClassesFile,
  VECTOR_ENCODING,
  type ClassesFile,
  type ParsedClassesFile,
} from './format';
export {
  headNotReady,
  headNotReadyReason,
  HEAD_MIN_EXAMPLES,
  predictWithHead,
  trainSoftmaxHead,
  type TrainOptions,
  type TrainProgress,
} from './head';
export { modelIdentity } from './identity';
export { checkLimits, MAX_CLASSES, MAX_EXAMPLES, MAX_LABEL_LENGTH, normaliseLabel } from './limits';
export { DB_NAME, ClassStore, type LoadedSet, type SetChange, type StoredSet } from './store';
export { ClassesSync, SYNC_CHANNEL, type SetChanged } from './sync';
export type { CustomClass, CustomMethod, CustomPrediction, ModelIdentity, SoftmaxHead } from './types';
export { l2Normalise } from './vectors';
