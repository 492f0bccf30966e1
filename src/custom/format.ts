// The export file of the user's classes: a JSON document that another browser (or this one, later)
// can import. Vectors are kept as the bytes of little-endian float32, in base64, so that an export
// imports back bit for bit and takes a third of the space decimal text would.
import { CustomClassError } from './errors';
import { checkLimits, MAX_CLASSES, MAX_EXAMPLES, normaliseLabel } from './limits';
import type { CustomClass, ModelIdentity, SoftmaxHead } from './types';
import { allFinite } from './vectors';

/** The `format` field of an export file. */
export const CLASSES_FORMAT = 'mobilenet-classifier/classes';
/** The `format` of files written before the 0.1 renames; read as the same format. */
const LEGACY_FORMAT = 'mobilenet-classifier/examples';
/** The version this code writes. It reads every version up to this one. */
export const CLASSES_VERSION = 2;
/** The `encoding` of each vector: base64 of its float32 values, little-endian. */
export const VECTOR_ENCODING = 'float32-le-base64';
/** A longer file than this is refused before parsing: 2000 base64 vectors of 1280 values are ~14 MB. */
export const MAX_FILE_CHARS = 16 * 1024 * 1024;

/**
 * An export file, version 2. Version 1 files are the same without `minSimilarity` and `head`.
 *
 * @example
 * {
 *   "format": "mobilenet-classifier/classes",
 *   "version": 2,
 *   "model": { "id": "mobilenet_v2_050_96-fv3+qat-head", "contentHash": "ce55…", "featureSize": 1280 },
 *   "encoding": "float32-le-base64",
 *   "exportedAt": "2025-01-31T12:00:00.000Z",
 *   "minSimilarity": 0.5,
 *   "classes": [{ "label": "my mug", "examples": ["AAB…", "…"] }],
 *   "head": { "labels": ["my mug", "my keys"], "weights": "…", "bias": "…" }
 * }
 */
export interface ClassesFile {
  format: typeof CLASSES_FORMAT;
  version: typeof CLASSES_VERSION;
  /** The model whose feature vectors these are. */
  model: ModelIdentity;
  encoding: typeof VECTOR_ENCODING;
  /** When the file was written (ISO 8601). Informative only. */
  exportedAt: string;
  /** The similarity from which a picture matches a class (see `CustomPrediction.match`), in [-1, 1]. */
  minSimilarity?: number;
  /** In the order they were added; each example is one base64 vector of `model.featureSize` values. */
  classes: { label: string; examples: string[] }[];
  /**
   * The trained softmax head, when there is one: its labels in output order (the file's classes), and
   * its weights (`featureSize × labels.length`, row-major) and bias, encoded as the examples are.
   */
  head?: { labels: string[]; weights: string; bias: string };
}

/** What an export file holds, read and checked. */
export interface ParsedClassesFile {
  classes: CustomClass[];
  /** Present in version 2 files. */
  minSimilarity?: number;
  /** Present when the file was exported with a trained head. */
  head?: SoftmaxHead;
}

/** The export file of `classes`, taught on `model`, with the head trained on them and the threshold in use. */
export function toClassesFile(
  classes: readonly CustomClass[],
  model: ModelIdentity,
  options: { head?: SoftmaxHead; minSimilarity?: number; now?: Date } = {},
): ClassesFile {
  const { head, minSimilarity, now = new Date() } = options;
  return {
    format: CLASSES_FORMAT,
    version: CLASSES_VERSION,
    model: {
      id: model.id,
      ...(model.contentHash ? { contentHash: model.contentHash } : {}),
      featureSize: model.featureSize,
    },
    encoding: VECTOR_ENCODING,
    exportedAt: now.toISOString(),
    ...(minSimilarity === undefined ? {} : { minSimilarity }),
    classes: classes.map((c) => ({ label: c.label, examples: c.examples.map(encodeVector) })),
    ...(head
      ? { head: { labels: [...head.labels], weights: encodeVector(head.weights), bias: encodeVector(head.bias) } }
      : {}),
  };
}

/**
 * Reads and checks an export file for `model`. Nothing is changed anywhere: the caller replaces or
 * merges the classes once this returns.
 *
 * @param input the file's text, or its parsed JSON.
 * @throws CustomClassError saying what is wrong (not JSON, another format or version, another model,
 *   a vector of the wrong length or with NaN/Infinity, a bad class name, too large).
 */
export function parseClassesFile(input: unknown, model: ModelIdentity): ParsedClassesFile {
  let data = input;
  if (typeof input === 'string') {
    if (input.length > MAX_FILE_CHARS) {
      throw new CustomClassError(
        'too-large',
        `This file is ${megabytes(input.length)} MB; a classes file is at most ${megabytes(MAX_FILE_CHARS)} MB ` +
          `(${MAX_EXAMPLES} examples). Is it the right file?`,
      );
    }
    try {
      data = JSON.parse(input);
    } catch (error) {
      throw new CustomClassError(
        'not-json',
        'This file is not JSON, so it is not a classes file. Choose a file made with Export.',
        { cause: error },
      );
    }
  }
  if (!isRecord(data) || (data.format !== CLASSES_FORMAT && data.format !== LEGACY_FORMAT)) {
    throw new CustomClassError(
      'not-a-classes-file',
      `This is not a classes file (its "format" is not "${CLASSES_FORMAT}"). Choose a file made with Export.`,
    );
  }
  const { version } = data;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    throw new CustomClassError('version', `This classes file has no valid "version" (got ${JSON.stringify(version)}).`);
  }
  if (version > CLASSES_VERSION) {
    throw new CustomClassError(
      'version',
      `This classes file is version ${version}, made by a newer mobilenet-classifier; this one reads up to version ${CLASSES_VERSION}. Update the element.`,
    );
  }
  checkModel(data.model, model);
  if (data.encoding !== VECTOR_ENCODING) {
    throw new CustomClassError(
      'vector',
      `This classes file stores its vectors as ${JSON.stringify(data.encoding)}; files of versions 1 and 2 use "${VECTOR_ENCODING}".`,
    );
  }
  if (!Array.isArray(data.classes))
    throw new CustomClassError('not-a-classes-file', 'This classes file has no "classes" list.');
  if (data.classes.length > MAX_CLASSES) {
    throw new CustomClassError(
      'too-large',
      `This file has ${data.classes.length} classes; one element keeps at most ${MAX_CLASSES}.`,
    );
  }
  const seen = new Set<string>();
  const classes = data.classes.map((entry: unknown, i: number): CustomClass => {
    if (!isRecord(entry))
      throw new CustomClassError(
        'not-a-classes-file',
        `Class ${i + 1} of this file is not an object with a label and examples.`,
      );
    let label: string;
    try {
      label = normaliseLabel(entry.label);
    } catch (error) {
      throw new CustomClassError('label', `Class ${i + 1} of this file: ${(error as Error).message}`, { cause: error });
    }
    if (seen.has(label))
      throw new CustomClassError('label', `This file has two classes called "${label}"; class names must differ.`);
    seen.add(label);
    if (!Array.isArray(entry.examples))
      throw new CustomClassError('not-a-classes-file', `Class "${label}" of this file has no "examples" list.`);
    return {
      label,
      examples: entry.examples.map((text: unknown, j: number) =>
        decodeChecked(text, model.featureSize, `Example ${j + 1} of class "${label}"`),
      ),
    };
  });
  try {
    checkLimits(classes);
  } catch (error) {
    throw new CustomClassError('too-large', `This file is too large: ${(error as Error).message}`, { cause: error });
  }
  // Version 1 files have neither; in a version 2 file each is optional.
  const minSimilarity = data.minSimilarity === undefined ? undefined : checkThreshold(data.minSimilarity);
  const head = data.head === undefined ? undefined : readHead(data.head, classes, model.featureSize);
  return { classes, ...(minSimilarity === undefined ? {} : { minSimilarity }), ...(head ? { head } : {}) };
}

function checkThreshold(value: unknown): number {
  if (typeof value !== 'number' || !(value >= -1 && value <= 1))
    throw new CustomClassError(
      'setting',
      `This classes file's "minSimilarity" must be a number from -1 to 1, got ${JSON.stringify(value)}.`,
    );
  return value;
}

/** The head of a file, checked against its classes: one output per class, weights and bias of the right sizes. */
function readHead(value: unknown, classes: readonly CustomClass[], featureSize: number): SoftmaxHead {
  if (!isRecord(value) || !Array.isArray(value.labels))
    throw new CustomClassError('not-a-classes-file', 'The "head" of this classes file has no "labels" list.');
  const labels = value.labels;
  const names = new Set(classes.map((c) => c.label));
  if (
    labels.length !== classes.length ||
    new Set(labels).size !== labels.length ||
    !labels.every((l) => typeof l === 'string' && names.has(l))
  ) {
    throw new CustomClassError(
      'label',
      "The trained head of this classes file does not match its classes: each class must be one of the head's labels, once.",
    );
  }
  const size = featureSize * labels.length;
  const weights = decodeChecked(value.weights, size, 'The weights of the trained head', `${size} were expected`);
  const bias = decodeChecked(
    value.bias,
    labels.length,
    'The bias of the trained head',
    `${labels.length} were expected`,
  );
  return { labels: labels as string[], featureSize, weights, bias };
}

function checkModel(value: unknown, model: ModelIdentity): void {
  if (!isRecord(value) || typeof value.id !== 'string' || typeof value.featureSize !== 'number') {
    throw new CustomClassError(
      'model',
      'This classes file does not say which model made it ("model" with "id" and "featureSize").',
    );
  }
  const sameHash =
    model.contentHash && typeof value.contentHash === 'string'
      ? value.contentHash === model.contentHash
      : value.id === model.id;
  if (!sameHash || value.featureSize !== model.featureSize) {
    const theirs =
      typeof value.contentHash === 'string' ? `${value.id}, weights ${value.contentHash.slice(0, 12)}…` : value.id;
    const ours = model.contentHash ? `${model.id}, weights ${model.contentHash.slice(0, 12)}…` : model.id;
    throw new CustomClassError(
      'model',
      `These examples were taught to another model (${theirs}); this element runs ${ours}. ` +
        'Feature vectors of one model mean nothing to another: teach the classes again here.',
    );
  }
}

/** The vector as base64 of its little-endian float32 bytes. */
export function encodeVector(vector: Float32Array): string {
  const bytes = new Uint8Array(vector.length * 4);
  const view = new DataView(bytes.buffer);
  vector.forEach((v, i) => view.setFloat32(i * 4, v, /* littleEndian= */ true));
  let binary = '';
  // String.fromCharCode takes its arguments on the stack: 8 KB at a time stays far below any limit.
  for (let i = 0; i < bytes.length; i += 0x2000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x2000));
  return btoa(binary);
}

/** @throws CustomClassError when `text` is not base64 of whole float32 values. */
export function decodeVector(text: string): Float32Array {
  let binary: string;
  try {
    binary = atob(text);
  } catch (error) {
    throw new CustomClassError('vector', 'is not valid base64', { cause: error });
  }
  if (binary.length % 4 !== 0)
    throw new CustomClassError('vector', `has ${binary.length} bytes, not a whole number of float32 values`);
  const view = new DataView(new ArrayBuffer(binary.length));
  for (let i = 0; i < binary.length; i++) view.setUint8(i, binary.charCodeAt(i));
  const out = new Float32Array(binary.length / 4);
  for (let i = 0; i < out.length; i++) out[i] = view.getFloat32(i * 4, /* littleEndian= */ true);
  return out;
}

/** `expected` says what the length should be, when it is not one feature vector's. */
function decodeChecked(text: unknown, featureSize: number, what: string, expected?: string): Float32Array {
  if (typeof text !== 'string') throw new CustomClassError('vector', `${what} is not a base64 string.`);
  let vector: Float32Array;
  try {
    vector = decodeVector(text);
  } catch (error) {
    throw new CustomClassError('vector', `${what} ${(error as Error).message}.`, { cause: error });
  }
  if (vector.length !== featureSize) {
    throw new CustomClassError(
      'vector',
      `${what} has ${vector.length} values; ${expected ?? `this model's feature vectors have ${featureSize}`}.`,
    );
  }
  if (!allFinite(vector))
    throw new CustomClassError('vector', `${what} contains NaN or Infinity: the file is damaged.`);
  return vector;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function megabytes(chars: number): string {
  return (chars / (1024 * 1024)).toFixed(1);
}
