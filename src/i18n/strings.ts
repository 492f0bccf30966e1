// The type of the element's strings table: every text it shows, reads out or puts in an aria label.
// Entries with values are functions; their last argument is always the Format of the element's locale.
import type { CustomClassErrorValues } from '../custom/errors';
import type { ClassifierErrorValues } from '../model/errors';
import type { Format } from './format';

/** An entry that takes `P` (and, last, the locale's Format). */
type Fn<P extends unknown[]> = (...args: [...P, Format]) => string;

/** The texts of the element's interface, by where they appear. */
export interface UiStrings {
  // The status line (part="status").
  /** The model is loading, size not known yet. */
  loading: string;
  /** The model is loading: `loaded` of `total` bytes (format with f.megabytes). */
  loadingBytes: Fn<[loaded: number, total: number]>;
  /** The model is ready; `backend` is a tf.js backend name (webgl, wasm, …), shown as is. */
  ready: Fn<[backend: string]>;
  /** The model could not be loaded (the error says why, below). */
  notLoaded: string;

  // The drop zone (part="stage").
  /** aria-label of the drop zone. */
  stageLabel: string;
  /** The hint shown in the drop zone before the first picture. */
  emptyHint: string;
  /** aria-label of the 96×96 crop the model saw. */
  cropLabel: string;

  // The buttons (part="controls").
  uploadImages: string;
  camera: string;
  /** aria-label of the camera picker. */
  chooseCamera: string;
  /** A camera without a name (no permission yet): its 1-based number. */
  cameraNumber: Fn<[n: number]>;
  classifyFrame: string;
  /** The button of the load error. */
  retry: string;
  /** The button of a camera error. */
  tryAgain: string;
  /** The button after the camera stopped (unplugged). */
  turnCameraOn: string;

  // A multi-file upload (part="progress").
  /** While classifying file `index` of `total`, named `name`. */
  classifying: Fn<[index: number, total: number, name: string]>;
  /** Done: all `total` files classified. */
  classified: Fn<[total: number]>;
  /** Done: `classified` of `total` files classified; `failed` lists the names of those that could not be read. */
  classifiedSome: Fn<[classified: number, total: number, failed: readonly string[]]>;

  // Results.
  /** aria-label of the ImageNet predictions list. */
  predictions: string;
  /** Read out for a new top result: its class name and probability (format with f.percent). */
  announceResult: Fn<[label: string, probability: number]>;

  // Feature vector export (part="features").
  featuresLabel: string;
  downloadJson: string;
  downloadBin: string;
  copyJson: string;
  /** Read out once the vector is on the clipboard. */
  copied: string;

  // Custom classes: results (part="custom-results").
  /** Heading of the teaching panel, and aria-label of the custom predictions list. */
  yourClasses: string;
  /** Shown instead of custom predictions while no class has an example. */
  noExamplesYet: string;
  /** Shown when the picture matches none of the user's classes. */
  noneMatch: string;
  /** Under noneMatch: the closest class and its similarity in [-1, 1] (format with f.number(s, 2)). */
  closest: Fn<[label: string, similarity: number]>;

  // Custom classes: the teaching panel (part="teach").
  newClass: string;
  /** Placeholder of the new class's name: an example of a name. */
  newClassPlaceholder: string;
  addClass: string;
  /** Shown while there is no class. */
  teachHint: string;
  /** Shown while there are classes and the camera is off. */
  cameraHint: string;
  /** The number of examples of a class. */
  exampleCount: Fn<[count: number]>;
  holdToRecord: string;
  recording: string;
  /** aria-label of "Hold to record" for class `label`. */
  holdToRecordLabel: Fn<[label: string]>;
  addImages: string;
  addImagesLabel: Fn<[label: string]>;
  rename: string;
  renameLabel: Fn<[label: string]>;
  /** aria-label of the rename field of class `label`. */
  newNameLabel: Fn<[label: string]>;
  save: string;
  cancel: string;
  delete: string;
  deleteLabel: Fn<[label: string]>;
  undo: string;
  train: string;
  trainAgain: string;
  /** aria-label of the training progress bar. */
  trainingProgress: string;
  /** While training: `fraction` in [0, 1] done (format with f.percent(fraction, 0)). */
  training: Fn<[fraction: number]>;
  cancelTraining: string;
  /** Next to Train, before any training. */
  trainOptional: string;
  /** Next to Train, once a head is trained. */
  trainedHeadInUse: string;
  /** Next to Train, once the examples changed after training. */
  trainedHeadStale: string;
  exportClasses: string;
  importClasses: string;
  forgetEverything: string;
  /** aria-label of the confirmation. */
  confirmForgetLabel: string;
  confirmForget: string;
  confirmForgetYes: string;
  keepThem: string;
  /** The storage line: `classes` classes and `examples` examples, kept in IndexedDB. */
  storageKept: Fn<[classes: number, examples: number]>;
  /**
   * The storage line when the classes are not kept: `why` is the translated error, or undefined
   * while the store is still opening.
   */
  storageNotKept: Fn<[classes: number, examples: number, why: string | undefined]>;
  /** While adding file `index` of `total`, named `name`, to class `label`. */
  adding: Fn<[index: number, total: number, label: string, name: string]>;

  // Announcements and undo lines.
  deletedClass: Fn<[label: string, examples: number]>;
  deletedClasses: Fn<[classes: number]>;
  imported: Fn<[classes: number, examples: number]>;
  forgotten: string;
  trainedOn: Fn<[examples: number]>;
  trainingStopped: string;
  /** After recording into `label`: it now has `examples`. */
  recorded: Fn<[label: string, examples: number]>;
  added: Fn<[examples: number, label: string]>;
}

/** Failures of the element itself and of its camera, with the values their messages need. */
export interface ElementErrorValues {
  /** The camera needs a secure context (https or localhost) and getUserMedia. */
  'camera-insecure': Record<string, never>;
  /** Permission denied (NotAllowedError, SecurityError). */
  'camera-denied': Record<string, never>;
  /** No camera (NotFoundError, OverconstrainedError). */
  'camera-not-found': Record<string, never>;
  /** The camera is in use or blocked (NotReadableError, AbortError). */
  'camera-busy': Record<string, never>;
  /** Any other getUserMedia failure; `detail` is the browser's (English) message. */
  'camera-failed': { detail: string };
  /** The camera's track ended: unplugged, or taken by another app. */
  'camera-stopped': Record<string, never>;
  /** startCamera() found the camera off, with no error to tell why. */
  'camera-not-started': Record<string, never>;
  /** An unexpected failure during classification; `detail` is its (English) message. */
  'classification-failed': { detail: string };
}

/** Every error code the element can show, with its values. */
export type ErrorValues = ClassifierErrorValues & CustomClassErrorValues & ElementErrorValues;
export type ErrorCode = keyof ErrorValues;

/** One message per error code: `(values, f) => text`. */
export type ErrorStrings = { [C in ErrorCode]: (values: ErrorValues[C], f: Format) => string };

/**
 * The element's strings table: every text it shows (UI strings by name, error messages by code). A
 * locale's table has every entry; a `strings` override on the element may have any of them.
 */
export type MobilenetStrings = UiStrings & ErrorStrings;

/** A key of the table. */
export type StringKey = keyof MobilenetStrings;

/** A built-in locale's table, with the names the language picker of a page could show. */
export interface LocaleTable {
  /** BCP 47 language code, e.g. `de`. */
  code: string;
  /** The language's name in itself, e.g. `Deutsch`. */
  name: string;
  strings: MobilenetStrings;
}
