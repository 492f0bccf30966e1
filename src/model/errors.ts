import { CodedError } from '../util/coded-error';

/** The stage of the work that failed. */
export type ClassifierErrorPhase = 'load' | 'input' | 'inference';

/**
 * A picture named in a message: a file by its name, else "the file" (a Blob) or "the image" (anything
 * else).
 */
export interface PictureName {
  /** The file's name, when it is a File with one. */
  name?: string;
  /** True for a Blob or File, false for an element, bitmap or ImageData. */
  isFile: boolean;
}

/**
 * Every failure the core reports, by stable `code`, with the values its message needs. The English
 * messages are in `./messages`; the element's strings table has one entry per code in each language.
 * URLs are strings; every other value is what the message shows, unformatted.
 */
export interface ClassifierErrorValues {
  /** The classifier was used after dispose(). */
  disposed: Record<string, never>;
  /** No tf.js backend could start. */
  'no-backend': Record<string, never>;
  /** The classifier's own code (tf.js and its backend, loaded with the first model) could not be imported. */
  'code-failed': { detail: string };
  /** model.json could not be fetched at all: network, CORS or an address that does not resolve. */
  'fetch-failed': { url: string };
  /** A model file answered with an HTTP error. */
  'http-status': { url: string; status: number };
  /** The server sent an HTML page (a single-page app's fallback) where a model file was expected. */
  'html-instead': { url: string };
  /** A model file is not valid JSON. */
  'invalid-json': { url: string };
  /** model.json has no modelTopology or weightsManifest. */
  'not-graph-model': { url: string };
  /** tf.js refused the graph; `detail` is its own (English) message. */
  'graph-load-failed': { url: string; detail: string };
  /** A weight of model.json has a dtype the loader does not know. */
  'weight-dtype': { url: string; name: string; dtype: string };
  /** The weight shards hold fewer or more bytes than model.json declares. */
  'weights-truncated': { url: string; expected: number; received: number };
  /** The model's input is not [N, 96, 96, 3]. */
  'model-input-shape': { url: string; shape: string };
  /** The model lacks an output this package reads. */
  'model-output-missing': { url: string; output: string; outputs: string };
  /** A labels file is not a JSON array. `url` is absent when the file was given as data. */
  'labels-not-array': { url?: string };
  /** A labels file has not one entry per class of the model. */
  'labels-count': { url?: string; entries: number; classes: number };
  /** Entry `index` of a labels file is not `{ index, wnid, label, fullName }` with that index. */
  'labels-entry': { url?: string; index: number };
  /** A translated labels file: not JSON. */
  'labels-not-json': { url?: string };
  /** A translated labels file: larger than `maxMegabytes`. */
  'labels-too-large': { url?: string; megabytes: number; maxMegabytes: number };
  /** A translated labels file: entry `index` has another WordNet id than the model's class `index`. */
  'labels-wnid': { url?: string; index: number; expected: string; found: string };
  /** A translated labels file: entry `index` has an empty name. */
  'labels-empty-name': { url?: string; index: number };
  /** A translated labels file could not be fetched: network, CORS or an address that does not resolve. */
  'labels-fetch-failed': { url: string };
  /** A translated labels file answered with an HTTP error. */
  'labels-http-status': { url: string; status: number };
  /** The browser cannot create a 2D canvas. */
  'no-canvas': Record<string, never>;
  /** The picture is 0×0 (or reports no size). */
  'no-pixels': { width: number; height: number };
  /** The picture's classified square is smaller than `minSide` pixels. */
  'image-too-small': PictureName & { width: number; height: number; minSide: number; cropped: boolean };
  /** A picture from another origin without CORS taints the canvas. */
  'cross-origin': Record<string, never>;
  /** The file has 0 bytes. */
  'empty-file': PictureName;
  /** The picture is larger than the browser could decode. `type` is the file's MIME type, if any. */
  'image-too-large': PictureName & {
    type?: string;
    width: number;
    height: number;
    megapixels: number;
    maxMegapixels: number;
  };
  /** The file could not be decoded as an image. */
  'undecodable-image': PictureName & { type?: string };
  /** An <img> could not be loaded or decoded. */
  'image-load-failed': { url?: string };
  /** A <video> showed no frame in time. */
  'video-no-frame': Record<string, never>;
  /**
   * A value of the wrong type was given (a developer's mistake). `given` describes it and `accepted`
   * lists what is taken; both are technical descriptions in English (see describeValue()).
   */
  'input-wrong-type': { given: string; accepted: string; method?: string };
  /** A closed (or transferred) ImageBitmap was given. `method`: the element's method that was given it. */
  'input-closed-bitmap': { accepted: string; method?: string };
  /** An OffscreenCanvas of 0×0 (transferred to a worker, or never sized) was given. */
  'input-detached-canvas': { accepted: string; method?: string };
  // Thrown by the element:
  /** A drop that held neither a file nor a URL. */
  'drop-nothing': Record<string, never>;
  /** A paste into the element without an image. */
  'paste-no-image': Record<string, never>;
  /** The browser refused to write the clipboard. */
  'copy-failed': Record<string, never>;
  /** An image URL could not be fetched: network or CORS. */
  'image-url-failed': { url: string };
  /** An image URL answered with an HTTP error. */
  'image-url-status': { url: string; status: number };
  /** A method that needs the model, on an element that is not in the document. */
  'not-on-page': Record<string, never>;
  /** A method was given an empty URL. */
  'method-empty-url': { method: string; accepted: string };
  /** A method was given something other than text as a class name (`what`: which name). */
  'method-not-text': { method: string; given: string; what: 'name' | 'rename-from' | 'rename-to' };
  /** importClasses() was given neither text nor a plain object. */
  'method-not-classes-file': { method: string; given: string };
  /** A method's options are not an object. */
  'method-options': { method: string; given: string };
  /** A method's options.signal is not an AbortSignal. */
  'method-signal': { method: string; given: string };
  /** A method was given a format it does not write; `accepted` lists those it does. */
  'method-format': { method: string; given: string; accepted: readonly string[] };
  /** explainResult() was called with no picture on screen. */
  'explain-nothing': { method: string };
  /** A folder (chosen or dropped) could not be read. */
  'folder-unreadable': Record<string, never>;
  /** A folder holds no file at all. */
  'folder-empty': Record<string, never>;
  /** A folder holds files but no image: `names` are the first of them, `more` how many others. */
  'folder-no-images': NamedFiles;
}

/** Files named in a message: the first few by name, and how many more there are. */
export interface NamedFiles {
  names: readonly string[];
  more: number;
}

/** The stable identifier of a core failure: see {@link ClassifierErrorValues}. */
export type ClassifierErrorCode = keyof ClassifierErrorValues;

/**
 * An error whose message says what went wrong and what to do next, in words fit for the user.
 * `code` and `values` identify it, so that it can be shown in another language; `cause` keeps the
 * original error for developers.
 */
export class ClassifierError extends CodedError<ClassifierErrorValues> {
  override readonly name = 'ClassifierError';

  constructor(
    readonly phase: ClassifierErrorPhase,
    message: string,
    options?: { cause?: unknown; code?: ClassifierErrorCode; values?: ClassifierErrorValues[ClassifierErrorCode] },
  ) {
    super(message, options);
  }
}

/** True for the error an aborted fetch or an aborted load rejects with. */
export function isAbortError(error: unknown): boolean {
  return error instanceof DOMException && error.name === 'AbortError';
}
