// The export file of the user's classes: a JSON document that another browser (or this one, later)
// can import. Vectors are kept as the bytes of little-endian float32, in base64, so that an export
// imports back bit for bit and takes a third of the space decimal text would.
import { customClassError } from './messages';
import { checkLimits, MAX_CLASSES, MAX_EXAMPLES, normaliseLabel } from './limits';
import type { CustomClass, ModelIdentity, SoftmaxHead } from './types';
import { allFinite } from './vectors';

/** An example of an export file, as messages name it: its 1-based position in its class. */
interface ExampleOf {
  position: number;
  label: string;
}

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
      throw customClassError('too-large', 'file-too-large', {
        megabytes: mebibytes(input.length),
        maxMegabytes: mebibytes(MAX_FILE_CHARS),
        maxExamples: MAX_EXAMPLES,
      });
    }
    try {
      data = JSON.parse(input);
    } catch (error) {
      throw customClassError('not-json', 'file-not-json', {}, error);
    }
  }
  if (!isRecord(data) || (data.format !== CLASSES_FORMAT && data.format !== LEGACY_FORMAT)) {
    throw customClassError('not-a-classes-file', 'not-a-classes-file', { format: CLASSES_FORMAT });
  }
  const { version } = data;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    throw customClassError('version', 'file-version-invalid', { found: String(JSON.stringify(version)) });
  }
  if (version > CLASSES_VERSION) {
    throw customClassError('version', 'file-version-newer', { version, supported: CLASSES_VERSION });
  }
  checkModel(data.model, model);
  if (data.encoding !== VECTOR_ENCODING) {
    throw customClassError('vector', 'file-encoding', {
      found: String(JSON.stringify(data.encoding)),
      expected: VECTOR_ENCODING,
    });
  }
  if (!Array.isArray(data.classes)) throw customClassError('not-a-classes-file', 'file-no-classes', {});
  if (data.classes.length > MAX_CLASSES) {
    throw customClassError('too-large', 'file-too-many-classes', { count: data.classes.length, max: MAX_CLASSES });
  }
  const seen = new Set<string>();
  const classes = data.classes.map((entry: unknown, i: number): CustomClass => {
    if (!isRecord(entry)) throw customClassError('not-a-classes-file', 'file-class-not-object', { position: i + 1 });
    const label = normaliseLabel(entry.label, i + 1);
    if (seen.has(label)) throw customClassError('label', 'file-duplicate-class', { label });
    seen.add(label);
    if (!Array.isArray(entry.examples)) throw customClassError('not-a-classes-file', 'file-no-examples', { label });
    return {
      label,
      examples: entry.examples.map((text: unknown, j: number) =>
        decodeChecked(text, model.featureSize, { position: j + 1, label }),
      ),
    };
  });
  checkLimits(classes, /* inFile= */ true);
  // Version 1 files have neither; in a version 2 file each is optional.
  const minSimilarity = data.minSimilarity === undefined ? undefined : checkThreshold(data.minSimilarity);
  const head = data.head === undefined ? undefined : readHead(data.head, classes, model.featureSize);
  return { classes, ...(minSimilarity === undefined ? {} : { minSimilarity }), ...(head ? { head } : {}) };
}

function checkThreshold(value: unknown): number {
  if (typeof value !== 'number' || !(value >= -1 && value <= 1))
    throw customClassError('setting', 'file-threshold', { found: String(JSON.stringify(value)) });
  return value;
}

/** The head of a file, checked against its classes: one output per class, weights and bias of the right sizes. */
function readHead(value: unknown, classes: readonly CustomClass[], featureSize: number): SoftmaxHead {
  if (!isRecord(value) || !Array.isArray(value.labels))
    throw customClassError('not-a-classes-file', 'head-no-labels', {});
  const labels = value.labels;
  const names = new Set(classes.map((c) => c.label));
  if (
    labels.length !== classes.length ||
    new Set(labels).size !== labels.length ||
    !labels.every((l) => typeof l === 'string' && names.has(l))
  ) {
    throw customClassError('label', 'head-mismatch', {});
  }
  const weights = headPart(value.weights, featureSize * labels.length, 'weights');
  const bias = headPart(value.bias, labels.length, 'bias');
  return { labels: labels as string[], featureSize, weights, bias };
}

/** The head's weights or bias: base64 of exactly `expected` finite float32 values. */
function headPart(text: unknown, expected: number, part: 'weights' | 'bias'): Float32Array {
  let vector: Float32Array | undefined;
  try {
    vector = typeof text === 'string' ? decodeVector(text, { position: 1, label: part }) : undefined;
  } catch {
    vector = undefined;
  }
  if (!vector || vector.length !== expected || !allFinite(vector))
    throw customClassError('vector', 'head-damaged', { weights: part === 'weights', expected });
  return vector;
}

function checkModel(value: unknown, model: ModelIdentity): void {
  if (!isRecord(value) || typeof value.id !== 'string' || typeof value.featureSize !== 'number') {
    throw customClassError('model', 'file-no-model', {});
  }
  const sameHash =
    model.contentHash && typeof value.contentHash === 'string'
      ? value.contentHash === model.contentHash
      : value.id === model.id;
  if (!sameHash || value.featureSize !== model.featureSize) {
    const theirs =
      typeof value.contentHash === 'string' ? `${value.id}, weights ${value.contentHash.slice(0, 12)}…` : value.id;
    const ours = model.contentHash ? `${model.id}, weights ${model.contentHash.slice(0, 12)}…` : model.id;
    throw customClassError('model', 'file-other-model', { theirs, ours });
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

/**
 * @param example which example of the file this is, for the message.
 * @throws CustomClassError when `text` is not base64 of whole float32 values.
 */
export function decodeVector(text: string, example: ExampleOf): Float32Array {
  let binary: string;
  try {
    binary = atob(text);
  } catch (error) {
    throw customClassError('vector', 'example-not-base64', example, error);
  }
  if (binary.length % 4 !== 0) throw customClassError('vector', 'example-bytes', { ...example, bytes: binary.length });
  const view = new DataView(new ArrayBuffer(binary.length));
  for (let i = 0; i < binary.length; i++) view.setUint8(i, binary.charCodeAt(i));
  const out = new Float32Array(binary.length / 4);
  for (let i = 0; i < out.length; i++) out[i] = view.getFloat32(i * 4, /* littleEndian= */ true);
  return out;
}

function decodeChecked(text: unknown, featureSize: number, example: ExampleOf): Float32Array {
  if (typeof text !== 'string') throw customClassError('vector', 'example-not-text', example);
  const vector = decodeVector(text, example);
  if (vector.length !== featureSize) {
    throw customClassError('vector', 'example-length', { ...example, length: vector.length, expected: featureSize });
  }
  if (!allFinite(vector)) throw customClassError('vector', 'example-not-finite', example);
  return vector;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function mebibytes(chars: number): number {
  return chars / (1024 * 1024);
}
