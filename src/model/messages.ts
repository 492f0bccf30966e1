// The core's error messages in English, one per code: the messages the core throws, and the English
// entries of the element's strings table (src/i18n/en.ts), so the two never drift apart.
import { MISSING_MODEL_HINT } from './assets';
import {
  ClassifierError,
  type ClassifierErrorCode,
  type ClassifierErrorPhase,
  type ClassifierErrorValues,
  type NamedFiles,
  type PictureName,
} from './errors';

/** One English message per core error code. */
export type ClassifierMessages = { [C in ClassifierErrorCode]: (values: ClassifierErrorValues[C]) => string };

/** "“cat.jpg”", "The file" or "The image", at the start of a sentence. */
const subject = ({ name, isFile }: PictureName) => (name ? `"${name}"` : isFile ? 'The file' : 'The image');
const typeOf = (type?: string) => (type ? ` (${type})` : '');
/** The start of a wrong-input message: the core's, or that of the element's method. */
const cannot = (method?: string) => (method ? `${method} cannot use` : 'Cannot classify');
const NAME_ROLES = { name: 'the class name', 'rename-from': 'the class to rename', 'rename-to': 'the new name' };
/** A labels file named by its URL, when it has one. */
const from = (url?: string) => (url ? `${url}: ` : '');

export const classifierMessages: ClassifierMessages = {
  disposed: () => 'This classifier has been disposed.',
  'no-backend': () => 'No TensorFlow.js backend could start in this browser.',
  'code-failed': ({ detail }) =>
    `Could not load the classifier's code (${detail}). Check the connection and reload the page.`,
  'fetch-failed': ({ url }) =>
    `Could not fetch ${url}: the network failed or the server does not allow this page to read it (CORS). ` +
    'Check the address, or serve the model from this site.',
  'http-status': ({ url, status }) =>
    `Model file ${status === 404 ? 'not found' : 'could not be fetched'} at ${url} (HTTP ${status}). ${MISSING_MODEL_HINT}`,
  'html-instead': ({ url }) =>
    `Model file not found at ${url}: the server sent an HTML page instead. ${MISSING_MODEL_HINT}`,
  'invalid-json': ({ url }) => `${url} is not valid JSON: the model file is corrupt.`,
  'not-graph-model': ({ url }) => `${url} is not a TF.js graph model (no modelTopology or weightsManifest).`,
  'graph-load-failed': ({ url, detail }) => `${url} could not be loaded as a graph model: ${detail}`,
  'weight-dtype': ({ url, name, dtype }) => `${url}: weight ${name} has unsupported dtype ${dtype}.`,
  'weights-truncated': ({ url, expected, received }) =>
    `The weights of ${url} are truncated or do not match model.json: expected ${expected} bytes, got ${received}.`,
  'model-input-shape': ({ url, shape }) =>
    `${url} takes input of shape [${shape}], but this element needs [N, 96, 96, 3]: ` +
    'it is not a MobileNet V2 96×96 model like the one this package ships.',
  'model-output-missing': ({ url, output, outputs }) => `${url} has no output named "${output}" (outputs: ${outputs}).`,
  'labels-not-array': ({ url }) => `${from(url)}labels.json is not a JSON array.`,
  'labels-count': ({ url, entries, classes }) =>
    `${from(url)}labels.json has ${entries} entries but the model has ${classes} classes.`,
  'labels-entry': ({ url, index }) =>
    `${from(url)}labels.json entry ${index} is not { index: ${index}, wnid, label, fullName }.`,
  'labels-not-json': ({ url }) =>
    `${from(url)}the labels file is not valid JSON. Give a file like the model's labels.json.`,
  'labels-too-large': ({ url, megabytes, maxMegabytes }) =>
    `${from(url)}the labels file is ${megabytes.toFixed(1)} MB; a labels file is at most ${maxMegabytes} MB. Is it the right file?`,
  'labels-wnid': ({ url, index, expected, found }) =>
    `${from(url)}labels file entry ${index} is for class ${found}, but the model's class ${index} is ${expected}: ` +
    "the entries must be in the order of the model's labels.json.",
  'labels-empty-name': ({ url, index }) =>
    `${from(url)}labels file entry ${index} has an empty label: give every class a name.`,
  'labels-fetch-failed': ({ url }) =>
    `Could not fetch the labels file ${url}: the network failed or the server does not allow this page to read it (CORS). ` +
    'The English class names are shown.',
  'labels-http-status': ({ url, status }) =>
    `The labels file ${url} ${status === 404 ? 'was not found' : 'could not be fetched'} (HTTP ${status}). The English class names are shown.`,
  'no-canvas': () => 'This browser cannot create a 2D canvas to prepare images.',
  'no-pixels': ({ width, height }) => `The image has no pixels (${width}×${height}).`,
  'image-too-small': (v) =>
    `${subject(v)} is only ${v.width}×${v.height} pixels: its centred square is too small to classify. ` +
    `Use an image at least ${v.minSide} pixels on its shorter side${v.cropped ? ' after the crop' : ''}.`,
  'cross-origin': () =>
    'The image comes from another site that does not allow it to be read (no CORS). ' +
    'Serve it with Access-Control-Allow-Origin, or set crossorigin="anonymous" on the image.',
  'empty-file': (v) => `${subject(v)} is empty (0 bytes). Choose another image.`,
  'image-too-large': (v) =>
    `${subject(v)}${typeOf(v.type)} is ${v.width}×${v.height} pixels (${v.megapixels} megapixels) and could not be decoded: ` +
    `it is too large for this browser, or damaged. Try a copy of at most ${v.maxMegapixels} megapixels.`,
  'undecodable-image': (v) =>
    `${subject(v)}${typeOf(v.type)} could not be read as an image: it is damaged or in a format this browser cannot decode. ` +
    'Try a JPEG, PNG or WebP.',
  'image-load-failed': ({ url }) => `The image ${url ? `at ${url} ` : ''}could not be loaded or decoded.`,
  'video-no-frame': () => 'The video has shown no frame yet. Start the camera or the video, then try again.',
  'input-wrong-type': ({ given, accepted, method }) => `${cannot(method)} ${given}: give ${accepted}.`,
  'input-closed-bitmap': ({ accepted, method }) =>
    `${cannot(method)} a closed ImageBitmap: close() was called on it or it was transferred, so it has no pixels. Give a new one, or ${accepted}.`,
  'input-detached-canvas': ({ accepted, method }) =>
    `${cannot(method)} an OffscreenCanvas of 0×0 pixels: it was transferred to a worker (detached) or never given a size. Give ${accepted}.`,
  'drop-nothing': () => 'Nothing usable was dropped. Drop an image file or an image from another page.',
  'paste-no-image': () => 'The clipboard holds no image. Copy an image, then paste again.',
  'copy-failed': () => 'Could not copy to the clipboard: the browser refused. Use "Download features (JSON)" instead.',
  'image-url-failed': ({ url }) =>
    `Could not load the image at ${url}: the network failed, or its site does not allow other pages to read it ` +
    '(CORS). Serve it with Access-Control-Allow-Origin, or download it and upload the file.',
  'image-url-status': ({ url, status }) => `Could not load the image at ${url} (HTTP ${status}).`,
  'not-on-page': () => 'The element is not on the page: add it to the document before classifying.',
  'method-empty-url': ({ method, accepted }) => `${method} was given an empty URL: give ${accepted}.`,
  'method-not-text': ({ method, given, what }) =>
    `${method} was given ${given} as ${NAME_ROLES[what]}: give its name as text.`,
  'method-not-classes-file': ({ method, given }) =>
    `${method} was given ${given}: give an export file's text, or its parsed JSON object.`,
  'method-options': ({ method, given }) => `${method} was given ${given} as options: give an object.`,
  'method-signal': ({ method, given }) => `${method} was given ${given} as options.signal: give an AbortSignal.`,
  'method-format': ({ method, given, accepted }) =>
    `${method} was given ${given}: give ${accepted.map((f) => `'${f}'`).join(' or ')}.`,
  'explain-nothing': ({ method }) => `Nothing to explain yet: classify a picture first, then call ${method}.`,
  'folder-unreadable': () => 'The folder could not be read.',
  'folder-empty': () => 'The folder is empty. Choose a folder with JPEG, PNG or WebP files.',
  'folder-no-images': (files) =>
    `The folder holds no images, only: ${namedFiles(files)}. Choose a folder with JPEG, PNG or WebP files.`,
};

/** "a.txt, b.txt and 3 more". */
function namedFiles({ names, more }: NamedFiles): string {
  return more ? `${names.join(', ')} and ${more} more` : names.join(', ');
}

/**
 * A ClassifierError with the English message of `code`, its code and its values.
 *
 * @example
 * throw classifierError('load', 'http-status', { url: String(url), status: response.status });
 */
export function classifierError<C extends ClassifierErrorCode>(
  phase: ClassifierErrorPhase,
  code: C,
  values: ClassifierErrorValues[C],
  cause?: unknown,
): ClassifierError {
  const message = (classifierMessages[code] as (v: ClassifierErrorValues[C]) => string)(values);
  return new ClassifierError(phase, message, { code, values, ...(cause === undefined ? {} : { cause }) });
}
