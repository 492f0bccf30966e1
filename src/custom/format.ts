// The export file of the user's classes: a JSON document that another browser (or this one, later)
// can import. Vectors are kept as the bytes of little-endian float32, in base64, so that an export
// imports back bit for bit and takes a third of the space decimal text would.
import { customClassError } from './messages';
import { checkLimits, MAX_CLASSES, MAX_EXAMPLES, normaliseLabel } from './limits';
import type { CustomClass, ModelIdentity } from './types';
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
export const CLASSES_VERSION = 1;
/** The `encoding` of each vector: base64 of its float32 values, little-endian. */
export const VECTOR_ENCODING = 'float32-le-base64';
/** A longer file than this is refused before parsing: 2000 base64 vectors of 1280 values are ~14 MB. */
export const MAX_FILE_CHARS = 16 * 1024 * 1024;

/**
 * An export file, version 1.
 *
 * @example
 * {
 *   "format": "mobilenet-classifier/classes",
 *   "version": 1,
 *   "model": { "id": "mobilenet_v2_050_96-fv3+qat-head", "contentHash": "ce55…", "featureSize": 1280 },
 *   "encoding": "float32-le-base64",
 *   "exportedAt": "2025-01-31T12:00:00.000Z",
 *   "classes": [{ "label": "my mug", "examples": ["AAB…", "…"] }]
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
  /** In the order they were added; each example is one base64 vector of `model.featureSize` values. */
  classes: { label: string; examples: string[] }[];
}

/** The export file of `classes`, taught on `model`. */
export function toClassesFile(classes: readonly CustomClass[], model: ModelIdentity, now = new Date()): ClassesFile {
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
    classes: classes.map((c) => ({ label: c.label, examples: c.examples.map(encodeVector) })),
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
export function parseClassesFile(input: unknown, model: ModelIdentity): CustomClass[] {
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
  return classes;
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
