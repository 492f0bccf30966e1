// English: the source table. The core's error messages are its own (src/model/messages.ts,
// src/custom/messages.ts), so what the core throws and what the element shows in English are one text.
import { customClassMessages } from '../custom/messages';
import { classifierMessages } from '../model/messages';
import type { ElementErrorValues, LocaleTable, MobilenetStrings } from './strings';

const examples = { one: '# example', other: '# examples' };
const classes = { one: '# class', other: '# classes' };

const elementErrors: { [C in keyof ElementErrorValues]: (values: ElementErrorValues[C]) => string } = {
  'camera-insecure': () =>
    'The camera needs a secure page (https or localhost) in a browser that supports it. Use Upload instead.',
  'camera-denied': () => 'Camera permission denied. Use Upload instead, or allow the camera in the site settings.',
  'camera-not-found': () => 'No camera was found. Connect one and try again, or use Upload instead.',
  'camera-busy': () => 'The camera is busy or blocked: close other apps or tabs that use it, then try again.',
  'camera-failed': ({ detail }) => `The camera could not start (${detail}). Use Upload instead.`,
  'camera-stopped': () =>
    'The camera stopped (it was unplugged or taken by another app). Turn it on again when it is back.',
  'camera-not-started': () => 'The camera did not start.',
  'classification-failed': ({ detail }) => `Classification failed: ${detail}`,
};

export const en: MobilenetStrings = {
  loading: 'Loading the model…',
  loadingBytes: (loaded, total, f) => `Loading the model… ${f.megabytes(loaded)} of ${f.megabytes(total)}`,
  ready: (backend) => `Ready · runs on ${backend}`,
  notLoaded: 'The model is not loaded.',

  stageLabel: 'Image input: drop or paste an image here, or press Enter to choose files',
  emptyHint: 'Drop an image here, paste one, upload files or turn on the camera.',
  cropLabel: 'The 96 by 96 pixel crop the model saw',

  uploadImages: 'Upload images',
  camera: 'Camera',
  chooseCamera: 'Choose a camera',
  cameraNumber: (n, f) => `Camera ${f.number(n)}`,
  classifyFrame: 'Classify this frame',
  retry: 'Retry',
  tryAgain: 'Try again',
  turnCameraOn: 'Turn camera on',

  classifying: (index, total, name, f) => `Classifying ${f.number(index)} of ${f.number(total)}: ${name}`,
  classified: (total, f) => `Classified ${f.plural(total, { one: '# image', other: '# images' })}.`,
  classifiedSome: (classified, total, failed, f) =>
    `Classified ${f.number(classified)} of ${f.plural(total, { one: '# image', other: '# images' })}; ` +
    `${f.number(failed.length)} could not be read: ${failed.join(', ')}.`,

  predictions: 'Predictions',
  announceResult: (label, probability, f) => `${label}, ${f.percent(probability)}`,

  featuresLabel: 'Feature vector export',
  downloadJson: 'Download features (JSON)',
  downloadBin: 'Download features (.bin)',
  copyJson: 'Copy features as JSON',
  copied: 'Feature vector copied as JSON.',

  yourClasses: 'Your classes',
  noExamplesYet: 'No class has examples yet: add one below and show it a few pictures.',
  noneMatch: 'Not one of your classes',
  closest: (label, similarity, f) => `Closest: ${label} (similarity ${f.number(similarity, 2)})`,

  newClass: 'New class',
  newClassPlaceholder: 'e.g. my mug',
  addClass: 'Add class',
  teachHint: 'Add a class, then show it a few examples: hold to record from the camera, or add images.',
  cameraHint: 'Turn the camera on to record examples by holding a button.',
  exampleCount: (count, f) => f.plural(count, examples),
  holdToRecord: 'Hold to record',
  recording: 'Recording…',
  holdToRecordLabel: (label) => `Hold to record ${label}`,
  addImages: 'Add images',
  addImagesLabel: (label) => `Add images to ${label}`,
  rename: 'Rename',
  renameLabel: (label) => `Rename ${label}`,
  newNameLabel: (label) => `New name for ${label}`,
  save: 'Save',
  cancel: 'Cancel',
  delete: 'Delete',
  deleteLabel: (label) => `Delete ${label}`,
  undo: 'Undo',
  train: 'Train',
  trainAgain: 'Train again',
  trainingProgress: 'Training progress',
  training: (fraction, f) => `Training… ${f.percent(fraction, 0)}`,
  cancelTraining: 'Cancel training',
  trainOptional:
    'Optional: train a small layer on your examples. Until then, nearest neighbours (k-NN) recognise them.',
  trainedHeadInUse: 'Recognising with the trained head.',
  trainedHeadStale: 'The examples changed since training: recognising with k-NN until you train again.',
  exportClasses: 'Export',
  importClasses: 'Import',
  forgetEverything: 'Forget everything',
  confirmForgetLabel: 'Confirm forgetting',
  confirmForget: 'Forget every class this site kept in this browser, for every model? This cannot be undone.',
  confirmForgetYes: 'Yes, forget everything',
  keepThem: 'Keep them',
  storageKept: (n, m, f) => `${f.plural(n, classes)}, ${f.plural(m, examples)}, kept in this browser only.`,
  storageNotKept: (n, m, why, f) =>
    `${f.plural(n, classes)}, ${f.plural(m, examples)}, not kept after this page closes: ${why ?? 'loading…'}`,
  adding: (index, total, label, name, f) => `Adding ${f.number(index)} of ${f.number(total)} to "${label}": ${name}`,

  deletedClass: (label, n, f) => `Deleted "${label}" (${f.plural(n, examples)}).`,
  deletedClasses: (n, f) => `Deleted ${f.plural(n, classes)}.`,
  imported: (n, m, f) => `Imported ${f.plural(n, classes)} with ${f.plural(m, examples)}.`,
  forgotten: 'Every class kept in this browser was forgotten.',
  trainedOn: (n, f) => `Trained on ${f.plural(n, examples)}.`,
  trainingStopped: 'Training stopped.',
  recorded: (label, n, f) => `"${label}" has ${f.plural(n, examples)}.`,
  added: (n, label, f) => `Added ${f.plural(n, examples)} to "${label}".`,

  ...classifierMessages,
  ...customClassMessages,
  ...elementErrors,
};

export const english: LocaleTable = { code: 'en', name: 'English', strings: en };
