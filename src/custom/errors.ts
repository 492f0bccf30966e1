import { CodedError } from '../util/coded-error';

/** Why taught classes could not be changed, imported, kept or trained: the broad kind of failure. */
export type CustomClassErrorReason =
  | 'label'
  | 'limit'
  | 'not-json'
  | 'not-a-classes-file'
  | 'version'
  | 'model'
  | 'vector'
  | 'too-large'
  | 'storage'
  | 'training'
  | 'setting'
  | 'changed';

/** Where a class of an export file is: its 1-based position in the file's `classes`. */
interface InFile {
  /** Set when the class is read from an export file: its 1-based position there. */
  position?: number;
}

/** An example of an export file: its 1-based position in its class, and the class's name. */
interface ExampleOf {
  position: number;
  label: string;
}

/**
 * Every failure about custom classes, by stable `code` (finer than `reason`), with the values its
 * message needs. The English messages are in `./messages`; the element's strings table has one entry
 * per code in each language.
 */
export interface CustomClassErrorValues {
  /** A class name that is not a string; `type` is its `typeof`. */
  'label-not-text': InFile & { type: string };
  /** An empty class name. */
  'label-empty': InFile;
  /** A class name longer than `max`; `start` is its first 20 characters. */
  'label-too-long': InFile & { start: string; length: number; max: number };
  /** More classes than one element keeps. `inFile`: counted in an export file being imported. */
  'too-many-classes': { count: number; max: number; inFile?: boolean };
  /** More examples than one element keeps. */
  'too-many-examples': { count: number; max: number; inFile?: boolean };
  /** An export file's text is larger than `maxMegabytes` (MiB). */
  'file-too-large': { megabytes: number; maxMegabytes: number; maxExamples: number };
  /** An export file is not JSON. */
  'file-not-json': Record<string, never>;
  /** JSON whose `format` is not `format`. */
  'not-a-classes-file': { format: string };
  /** An export file without a valid `version`; `found` is what it has, as JSON. */
  'file-version-invalid': { found: string };
  /** An export file of a newer version than this element reads. */
  'file-version-newer': { version: number; supported: number };
  /** An export file's vectors are not in the encoding `expected`; `found` is its encoding, as JSON. */
  'file-encoding': { found: string; expected: string };
  /** An export file without a `classes` list. */
  'file-no-classes': Record<string, never>;
  /** An export file whose `minSimilarity` is not a number in [-1, 1]; `found` is what it has, as JSON. */
  'file-threshold': { found: string };
  /** An export file's `head` without a `labels` list. */
  'head-no-labels': Record<string, never>;
  /** An export file's head whose labels are not its classes, each once. */
  'head-mismatch': Record<string, never>;
  /** An export file's head whose weights (or with `weights: false`, bias) are not base64 of `expected` finite float32 values. */
  'head-damaged': { weights: boolean; expected: number };
  /** An export file with more classes than one element keeps. */
  'file-too-many-classes': { count: number; max: number };
  /** A class of an export file that is not `{ label, examples }`. */
  'file-class-not-object': { position: number };
  /** Two classes of an export file have the same name. */
  'file-duplicate-class': { label: string };
  /** A class of an export file has no `examples` list. */
  'file-no-examples': { label: string };
  /** An example of an export file is not a string. */
  'example-not-text': ExampleOf;
  /** An example of an export file is not base64. */
  'example-not-base64': ExampleOf;
  /** An example of an export file is not a whole number of float32 values. */
  'example-bytes': ExampleOf & { bytes: number };
  /** An example of an export file has `length` values, not the model's `expected`. */
  'example-length': ExampleOf & { length: number; expected: number };
  /** An example of an export file holds NaN or Infinity. */
  'example-not-finite': ExampleOf;
  /** An export file does not say which model made it. */
  'file-no-model': Record<string, never>;
  /** An export file of another model: `theirs` and `ours` name the models (id, hash prefix). */
  'file-other-model': { theirs: string; ours: string };
  /** IndexedDB failed while doing `action`. `full`: the site's storage is full; else `detail` is the browser's message. */
  'storage-failed': { action: 'read' | 'keep' | 'forget'; full: boolean; detail: string };
  /** No IndexedDB in this browser context. */
  'no-indexeddb': Record<string, never>;
  /** The model has no content hash, so its classes are not kept. */
  'no-content-hash': Record<string, never>;
  /** Training needs two classes with examples. */
  'head-needs-two-classes': Record<string, never>;
  /** Training needs `min` examples in each class; `labels` are those with fewer. */
  'head-needs-examples': { min: number; labels: string[] };
  // Thrown by the element (its custom-classes controller):
  /** A feature vector of `length` values, not the model's `expected`. */
  'vector-length': { length: number; expected: number };
  /** A class of that name exists already. */
  'class-exists': { label: string };
  /** No class of that name. */
  'class-missing': { label: string };
  /** A head is being trained already. */
  'training-busy': Record<string, never>;
  /** "Hold to record" without the camera. */
  'record-needs-camera': Record<string, never>;
  /** Files added to a class could not be read as images. */
  'files-unreadable': { files: string[] };
  /** A chosen export file is larger than a classes file can be, before reading it. */
  'import-file-too-large': { name: string; megabytes: number; maxMegabytes: number };
  /** A custom-classes action before the model is loaded. */
  'model-not-loaded': Record<string, never>;
  /** classes-key or model-url changed while the example for `label` was read. */
  'set-changed': { label: string };
  /** Classes kept in this browser that could not be read. */
  'classes-damaged': { labels: string[] };
}

/** The stable identifier of a custom-classes failure: see {@link CustomClassErrorValues}. */
export type CustomClassErrorCode = keyof CustomClassErrorValues;

/**
 * An error about the user's classes, with a message fit to show: what is wrong and what to do. Nothing
 * already taught is lost when one is thrown. `reason` is the broad kind; `code` and `values` identify
 * the message exactly, so that it can be shown in another language.
 */
export class CustomClassError extends CodedError<CustomClassErrorValues> {
  override readonly name = 'CustomClassError';

  constructor(
    readonly reason: CustomClassErrorReason,
    message: string,
    options?: { cause?: unknown; code?: CustomClassErrorCode; values?: CustomClassErrorValues[CustomClassErrorCode] },
  ) {
    super(message, options);
  }
}
