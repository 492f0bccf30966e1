// The custom-classes error messages in English, one per code: what the core throws, and the English
// entries of the element's strings table (src/i18n/en.ts).
import {
  CustomClassError,
  type CustomClassErrorCode,
  type CustomClassErrorReason,
  type CustomClassErrorValues,
} from './errors';

/** One English message per custom-classes error code. */
export type CustomClassMessages = { [C in CustomClassErrorCode]: (values: CustomClassErrorValues[C]) => string };

/** "Class 3 of this file: " for a class read from an export file. */
const inFile = (position?: number) => (position === undefined ? '' : `Class ${position} of this file: `);
const tooLarge = (inFile?: boolean) => (inFile ? 'This file is too large: ' : '');
const example = ({ position, label }: { position: number; label: string }) => `Example ${position} of class "${label}"`;
const quoted = (labels: readonly string[]) => labels.map((l) => `"${l}"`).join(', ');
const count = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
const ACTIONS = {
  read: 'read the classes kept in this browser',
  keep: 'keep the classes in this browser',
  forget: 'forget the classes kept in this browser',
};

export const customClassMessages: CustomClassMessages = {
  'label-not-text': ({ position, type }) => `${inFile(position)}A class name must be text, got ${type}.`,
  'label-empty': ({ position }) => `${inFile(position)}A class needs a name: type one, e.g. "my mug".`,
  'label-too-long': ({ position, start, length, max }) =>
    `${inFile(position)}The class name "${start}…" is ${length} characters long; use at most ${max}.`,
  'too-many-classes': ({ count, max, inFile }) =>
    `${tooLarge(inFile)}${count} classes is more than the ${max} one element keeps: delete some first.`,
  'too-many-examples': ({ count, max, inFile }) =>
    `${tooLarge(inFile)}${count} examples is more than the ${max} one element keeps: delete some first.`,
  'file-too-large': ({ megabytes, maxMegabytes, maxExamples }) =>
    `This file is ${megabytes.toFixed(1)} MB; a classes file is at most ${maxMegabytes.toFixed(1)} MB ` +
    `(${maxExamples} examples). Is it the right file?`,
  'file-not-json': () => 'This file is not JSON, so it is not a classes file. Choose a file made with Export.',
  'not-a-classes-file': ({ format }) =>
    `This is not a classes file (its "format" is not "${format}"). Choose a file made with Export.`,
  'file-version-invalid': ({ found }) => `This classes file has no valid "version" (got ${found}).`,
  'file-version-newer': ({ version, supported }) =>
    `This classes file is version ${version}, made by a newer mobilenet-classifier; this one reads up to version ${supported}. Update the element.`,
  'file-encoding': ({ found, expected }) =>
    `This classes file stores its vectors as ${found}; files of versions 1 and 2 use "${expected}".`,
  'file-no-classes': () => 'This classes file has no "classes" list.',
  'file-threshold': ({ found }) => `This classes file's "minSimilarity" must be a number from -1 to 1, got ${found}.`,
  'head-no-labels': () => 'The "head" of this classes file has no "labels" list.',
  'head-mismatch': () =>
    "The trained head of this classes file does not match its classes: each class must be one of the head's labels, once.",
  'head-damaged': ({ weights, expected }) =>
    `The ${weights ? 'weights' : 'bias'} of the trained head in this file are damaged: they must be base64 of ${expected} float32 values, none NaN or Infinity.`,
  'file-too-many-classes': ({ count, max }) => `This file has ${count} classes; one element keeps at most ${max}.`,
  'file-class-not-object': ({ position }) =>
    `Class ${position} of this file is not an object with a label and examples.`,
  'file-duplicate-class': ({ label }) => `This file has two classes called "${label}"; class names must differ.`,
  'file-no-examples': ({ label }) => `Class "${label}" of this file has no "examples" list.`,
  'example-not-text': (v) => `${example(v)} is not a base64 string.`,
  'example-not-base64': (v) => `${example(v)} is not valid base64.`,
  'example-bytes': (v) => `${example(v)} has ${v.bytes} bytes, not a whole number of float32 values.`,
  'example-length': (v) => `${example(v)} has ${v.length} values; this model's feature vectors have ${v.expected}.`,
  'example-not-finite': (v) => `${example(v)} contains NaN or Infinity: the file is damaged.`,
  'file-no-model': () => 'This classes file does not say which model made it ("model" with "id" and "featureSize").',
  'file-other-model': ({ theirs, ours }) =>
    `These examples were taught to another model (${theirs}); this element runs ${ours}. ` +
    'Feature vectors of one model mean nothing to another: teach the classes again here.',
  'storage-failed': ({ action, full, detail }) =>
    `Could not ${ACTIONS[action]} (${full ? 'the browser storage for this site is full' : detail}). ` +
    'The classes still work until the page is closed; use Export to keep a copy.',
  'no-indexeddb': () =>
    'This browser context has no IndexedDB, so the classes are not kept between visits. Use Export to keep a copy.',
  'no-content-hash': () =>
    'This model has no content hash in its metadata, so its classes are not kept between visits. Build it with `npm run model`.',
  'head-needs-two-classes': () => 'Training needs at least two classes with examples.',
  'head-needs-examples': ({ min, labels }) =>
    `Training needs ${min} examples in every class; add more to ${quoted(labels)}.`,
  'vector-length': ({ length, expected }) =>
    `A feature vector of ${length} values cannot be added: this model's have ${expected}.`,
  'class-exists': ({ label }) => `There is already a class called "${label}".`,
  'class-missing': ({ label }) => `There is no class called "${label}".`,
  'training-busy': () => 'A head is already being trained: wait for it or cancel it.',
  'record-needs-camera': () => 'Turn the camera on to record examples, or use Add images.',
  'files-unreadable': ({ files }) =>
    `${count(files.length, 'file')} could not be read as images and ${files.length === 1 ? 'was' : 'were'} not added: ${files.join(', ')}.`,
  'import-file-too-large': ({ name, megabytes, maxMegabytes }) =>
    `${name} is ${megabytes.toFixed(1)} MB; a classes file is at most ${maxMegabytes} MB. Is it the right file?`,
  'model-not-loaded': () => 'The model is not loaded yet.',
  'set-changed': ({ label }) =>
    `The example for "${label}" was not added: classes-key or model-url changed while it was being read, so it belongs to another set of classes. Add it again.`,
  'classes-damaged': ({ labels }) =>
    labels.length === 1
      ? `The class ${quoted(labels)} kept in this browser is damaged and was not loaded; the other classes were. Teach it again, or import an export.`
      : `${labels.length} classes kept in this browser are damaged and were not loaded (${quoted(labels)}); the other classes were. Teach them again, or import an export.`,
};

/**
 * A CustomClassError with the English message of `code`, its code and its values.
 *
 * @example
 * throw customClassError('label', 'class-exists', { label });
 */
export function customClassError<C extends CustomClassErrorCode>(
  reason: CustomClassErrorReason,
  code: C,
  values: CustomClassErrorValues[C],
  cause?: unknown,
): CustomClassError {
  const message = (customClassMessages[code] as (v: CustomClassErrorValues[C]) => string)(values);
  return new CustomClassError(reason, message, { code, values, ...(cause === undefined ? {} : { cause }) });
}
