// English: the source table. The core's and the camera's error messages are their own
// (src/model/messages.ts, src/custom/messages.ts, src/capture/camera-errors.ts), so what they throw and
// what the element shows in English are one text.
import { cameraMessages } from '../capture/camera-errors';
import { customClassMessages } from '../custom/messages';
import type { NamedFiles } from '../model/errors';
import type { PictureArea } from '../model/explain';
import { classifierMessages } from '../model/messages';
import type { Format } from './format';
import type { LocaleTable, MobilenetStrings } from './strings';

const examples = { one: '# example', other: '# examples' };
const classes = { one: '# class', other: '# classes' };
const images = { one: '# image', other: '# images' };
/** The sentence after a batch's summary that names the folder's files that are not images. */
const leftOut = ({ names, more }: NamedFiles, f: Format) => {
  const count = names.length + more;
  if (!count) return '';
  const what = count === 1 ? 'a file that is not an image' : `${f.number(count)} files that are not images`;
  return ` Left out ${what}: ${names.join(', ')}${more ? ` and ${f.number(more)} more` : ''}.`;
};
/** "the top-left", "the centre", "the bottom centre"… */
const areaWords = ({ row, column }: PictureArea) =>
  column === 'centre' ? (row === 'centre' ? 'the centre' : `the ${row} centre`) : `the ${row}-${column}`;

export const en: MobilenetStrings = {
  loading: 'Loading the model…',
  loadingBytes: (loaded, total, f) => `Loading the model… ${f.megabytes(loaded)} of ${f.megabytes(total)}`,
  waitingForModel: 'Your picture will be classified as soon as the model is ready.',
  ready: (backend) => `Ready · runs on ${backend}`,
  notLoaded: 'The model is not loaded.',

  stageLabel: 'Image input: drop or paste an image here, or press Enter to choose files',
  emptyHint: 'Drop an image here, paste one, upload files or turn on the camera.',
  cropLabel: 'The 96 by 96 pixel crop the model saw',
  cameraPreview: 'Camera preview',

  uploadImages: 'Upload images',
  camera: 'Camera',
  chooseCamera: 'Choose a camera',
  cameraNumber: (n, f) => `Camera ${f.number(n)}`,
  classifyFrame: 'Classify this frame',
  retry: 'Retry',
  tryAgain: 'Try again',
  turnCameraOn: 'Turn camera on',
  uploadFolder: 'Upload folder',

  classifying: (index, total, name, f) => `Classifying ${f.number(index)} of ${f.number(total)}: ${name}`,
  classified: (total, f) => `Classified ${f.plural(total, images)}.`,
  classifiedSome: (classified, total, failed, f) =>
    `Classified ${f.number(classified)} of ${f.plural(total, images)}; ` +
    `${f.number(failed.length)} could not be read: ${failed.join(', ')}.`,

  predictions: 'Predictions',
  predictionsPickable: 'Predictions: pick one to see why',
  probability: (probability, f) => f.percent(probability),
  announceResult: (label, probability, f) => `${label}, ${f.percent(probability)}`,
  notSure: (minProbability, f) => `Not sure: nothing above ${f.percent(minProbability, 1, 0)}`,

  featuresLabel: 'Feature vector export',
  downloadJson: 'Download features (JSON)',
  downloadBin: 'Download features (.bin)',
  copyJson: 'Copy features as JSON',
  copied: 'Feature vector copied as JSON.',

  yourClasses: 'Your classes',
  noExamplesYet: 'No class has examples yet: add one below and show it a few pictures.',
  noneMatch: (label, similarity, f) =>
    `Not one of your classes. Closest: ${label} (similarity ${f.number(similarity, 2)}).`,
  announceNoneMatch: (label) => `Not one of your classes; closest: ${label}.`,

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

  batchLabel: (n, f) => `Results of ${f.plural(n, { one: '# file', other: '# files' })}`,
  filesClassified: 'Files classified',
  filterByLabel: 'Filter by label',
  sortBy: 'Sort',
  sortOrder: 'File order',
  sortLabel: 'Label (A–Z)',
  sortProbability: 'Probability (highest first)',
  sortProbabilityAsc: 'Probability (lowest first)',
  exportResultsLabel: 'Export the results',
  exportCsv: 'Export CSV',
  exportJson: 'Export JSON',
  filterShowing: (shown, done, f) =>
    `Showing ${f.number(shown)} of ${f.plural(done, { one: '# file', other: '# files' })} whose top label matches.`,
  batchFiles: 'Files',
  noPrediction: 'No prediction',
  rowTopK: (k, f) => `Top ${f.number(k)}`,
  rowTopKLabel: (k, file, f) => `Top ${f.number(k)} of ${file}`,
  batchProgress: (done, total, failed, f) =>
    `Classifying… ${f.number(done)} of ${f.number(total)}${failed ? `, ${f.number(failed)} could not be classified` : ''}.`,
  batchDone: (total, skipped, f) => `Classified ${f.plural(total, images)}.${leftOut(skipped, f)}`,
  batchDoneSome: (classified, total, failed, skipped, f) =>
    `Classified ${f.number(classified)} of ${f.plural(total, images)}; ${f.number(failed)} could not be classified.${leftOut(skipped, f)}`,
  batchCancelled: (done, total, skipped, f) =>
    `Cancelled after ${f.number(done)} of ${f.plural(total, images)}.${leftOut(skipped, f)}`,

  explainFrame: 'Explain this frame',
  explaining: 'Working out why…',
  frameExplained: 'The frame explained',
  lessImportant: 'Less important',
  moreImportant: 'More important',
  explainArea: (label, area) => `Most important for “${label}”: ${areaWords(area)} of the picture.`,
  explainNoArea: (label) => `No part of the picture stands out for “${label}”.`,

  regionLabel: 'Region the model sees',
  regionValue: (x, y, size, f) =>
    `Left ${f.percent(x, 0)}, top ${f.percent(y, 0)}, size ${f.percent(size, 0)} of the short side`,
  regionHelp: 'Drag the square, or its corner to resize it. Arrow keys move it, Shift and arrow keys resize it.',
  pictureLabel: 'The picture; the square marks what the model sees',

  ...classifierMessages,
  ...customClassMessages,
  ...cameraMessages,
  'classification-failed': ({ detail }) => `Classification failed: ${detail}`,
};

export const english: LocaleTable = { code: 'en', name: 'English', strings: en };
