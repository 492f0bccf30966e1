// The type of the element's strings table: every text it shows, reads out or puts in an aria label.
// Entries with values are functions; their last argument is always the Format of the element's locale.
import type { CameraErrorValues } from '../capture/camera-errors';
import type { CustomClassErrorValues } from '../custom/errors';
import type { ClassifierErrorValues, NamedFiles } from '../model/errors';
import type { PictureArea } from '../model/explain';
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
  /** A picture was given while the model loads: it is classified once the model is ready. */
  waitingForModel: string;
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
  /** aria-label of the camera preview. */
  cameraPreview: string;

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

  /** The button that opens a folder chooser. */
  uploadFolder: string;

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
  /** aria-label of the predictions list when each can be picked to be explained (attribute `explain`). */
  predictionsPickable: string;
  /** A prediction's probability as shown next to its bar, in [0, 1] (format with f.percent). */
  probability: Fn<[probability: number]>;
  /** Read out for a new top result: its class name and probability (format with f.percent). */
  announceResult: Fn<[label: string, probability: number]>;
  /**
   * Shown (part="not-sure") and read out when no prediction reaches `min-probability`, in [0, 1]
   * (format with f.percent(p, 1, 0): 20%, 12.5%).
   */
  notSure: Fn<[minProbability: number]>;

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
  /**
   * Shown (part="custom-none") when the picture matches none of the user's classes: the closest class
   * and its similarity in [-1, 1] (format with f.number(s, 2)).
   */
  noneMatch: Fn<[label: string, similarity: number]>;
  /** Read out when the picture matches none of the user's classes, naming the closest. */
  announceNoneMatch: Fn<[label: string]>;

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

  // The results list of several files or a folder (part="batch").
  /** aria-label of the list's section: `files` files. */
  batchLabel: Fn<[files: number]>;
  /** aria-label of the progress bar. */
  filesClassified: string;
  /** Label of the filter field. */
  filterByLabel: string;
  /** Label of the order picker, and its options. */
  sortBy: string;
  sortOrder: string;
  sortLabel: string;
  sortProbability: string;
  sortProbabilityAsc: string;
  /** aria-label of the export buttons. */
  exportResultsLabel: string;
  exportCsv: string;
  exportJson: string;
  /** Under a filter: `shown` rows of the `done` files classified match it. */
  filterShowing: Fn<[shown: number, done: number]>;
  /** aria-label of the list of rows. */
  batchFiles: string;
  /** A row whose file has no prediction (all under `min-probability`). */
  noPrediction: string;
  /** The button that expands a row's `k` predictions. */
  rowTopK: Fn<[k: number]>;
  /** Its aria-label, naming the file. */
  rowTopKLabel: Fn<[k: number, file: string]>;
  /** While the batch runs: `done` of `total` files settled, `failed` of them failed. */
  batchProgress: Fn<[done: number, total: number, failed: number]>;
  /** The batch is done, every file classified; `skipped`: the folder's files that are not images. */
  batchDone: Fn<[total: number, skipped: NamedFiles]>;
  /** The batch is done; `failed` of the `total` files could not be classified. */
  batchDoneSome: Fn<[classified: number, total: number, failed: number, skipped: NamedFiles]>;
  /** The batch was cancelled after `done` of `total` files. */
  batchCancelled: Fn<[done: number, total: number, skipped: NamedFiles]>;

  // The explanation (attribute `explain`, part="explanation").
  /** The button that explains the camera frame on screen (live mode). */
  explainFrame: string;
  /** The summary line while an explanation is computed. */
  explaining: string;
  /** aria-label of the camera frame that was explained. */
  frameExplained: string;
  /** The ends of the heat map's colour scale. */
  lessImportant: string;
  moreImportant: string;
  /** The summary: the part of the picture that mattered most for class `label`. */
  explainArea: Fn<[label: string, area: PictureArea]>;
  /** The summary when no part stands out for class `label`. */
  explainNoArea: Fn<[label: string]>;

  // The region (attribute `region`, part="region").
  /** aria-label of the square. */
  regionLabel: string;
  /**
   * aria-valuetext of the square: its left and top edges as fractions of the picture's width and
   * height, its side as a fraction of the short side (format with f.percent(v, 0)).
   */
  regionValue: Fn<[x: number, y: number, size: number]>;
  /** How to move the square, read out with it. */
  regionHelp: string;
  /** aria-label of the photo under the square. */
  pictureLabel: string;
}

/** Failures of the element's camera (the CameraError codes) and of the element itself. */
export interface ElementErrorValues extends CameraErrorValues {
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
