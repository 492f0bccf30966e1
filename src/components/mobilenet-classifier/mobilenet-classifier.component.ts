import { LitElement, type PropertyValues, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { CameraError, cameraError, type FacingMode } from '../../capture/camera-controller';
import { DEFAULT_MIN_SIMILARITY } from '../../custom';
import type { MobilenetBatchEntry, MobilenetResult } from '../../events';
import type { MobilenetStrings } from '../../i18n';
import { type Backend, type ClassSelector, type Region } from '../../model';
import { checkClassesFile, checkFormat, checkOptions, checkSource, checkText } from './arguments';
import batchStyles from './batch.styles';
import { nextAnimationFrame } from './animation-frame';
import { converterOf, normaliseProperties, RULES } from './attributes';
import type { CustomMode } from './custom-classes.controller';
import { connectControllers, type ElementControllers } from './controllers';
import customClassesStyles from './custom-classes.styles';
import { renderElement } from './element.template';
import type { MobilenetExplanation } from '../../events';
import explainStyles from './explain.styles';
import { readSource, type MobilenetSource } from './input.controller';
import styles from './mobilenet-classifier.styles';
import { RESULTS_FORMATS } from './results-export';
import regionStyles from './region.styles';

export type { MobilenetSource } from './input.controller';

/** The element's palette: see {@link MobilenetClassifier.theme}. */
export type Theme = 'auto' | 'light' | 'dark';

/**
 * Classifies images on the device with MobileNet V2 (0.5, 96×96): from the camera, an upload, a drop,
 * a paste or a URL. Shows the 96×96 crop the model saw and the top-k ImageNet labels.
 *
 * @summary One tag that classifies what the camera sees or what the user gives it. Nothing leaves the device.
 *
 * @fires {MobilenetReadyEvent} mobilenet-ready - The model is loaded and warm. Detail: `{ backend, loadMs }`.
 * @fires {MobilenetResultEvent} mobilenet-result - A classification became the result on screen; the render that shows it follows in the next animation frame (`updateComplete`). Detail: `{ result }`.
 * @fires {MobilenetErrorEvent} mobilenet-error - Something failed. Detail: `{ phase: 'load' | 'camera' | 'input' | 'inference' | 'custom', message, error }`.
 * @fires {MobilenetClassesChangeEvent} mobilenet-classes-change - The custom classes changed, or were loaded from the browser for a new model. Detail: `{ reason, classes: { label, examples }[], persisted }`.
 * @fires {MobilenetRegionChangeEvent} mobilenet-region-change - The user moved or resized the region's square. Detail: `{ region }`.
 * @fires {MobilenetExplainEvent} mobilenet-explain - An explanation was computed (`explain` on, or `explainResult()` called). Detail: `{ explanation: { classIndex, label, probability, grid, size, heat, area } }`.
 * @fires {MobilenetBatchProgressEvent} mobilenet-batch-progress - Several files (or a folder) are being classified: at the start, then after each model run. A batch fires no `mobilenet-result` or `mobilenet-error` per file: its rows, `results` and `mobilenet-batch-done` hold them. Detail: `{ done, total, failed }`.
 * @fires {MobilenetBatchDoneEvent} mobilenet-batch-done - A batch ended, or was cancelled (Cancel, a new batch or a single file, or the element left the page), with the entries of `results`. Detail: `{ results, cancelled }`.
 *
 * @slot header - Shown above everything else, e.g. a title.
 * @slot empty - Shown in the preview area before the first result. Default: a hint on how to give an image.
 *
 * @csspart status - The line that shows load progress, then the backend in use.
 * @csspart stage - The drop zone holding the camera preview and the crop.
 * @csspart video - The camera preview.
 * @csspart crop - The 96×96 image the model saw.
 * @csspart picture - The photo under the region's square (`region` set, camera off).
 * @csspart region - The square the model sees (`region` set), over the photo or the camera preview: drag it, or use the arrow keys.
 * @csspart region-handle - The corner of the region's square that resizes it.
 * @csspart heat - The heat map over the crop (`explain`): the more a part mattered to the class, the redder.
 * @csspart explanation - The legend, the summary and, in live mode, the Explain button (`explain`).
 * @csspart heat-legend - The heat map's colour scale.
 * @csspart explain-summary - Which part of the picture mattered most, in words.
 * @csspart explain-button - Explains the camera frame on screen (`explain` and `live`).
 * @csspart explain-pick - The button of each prediction that picks the class explained (`explain`); it holds the `label`, `probability` and `bar` parts.
 * @csspart controls - The row of buttons.
 * @csspart upload-button - The button that opens the file chooser.
 * @csspart folder-button - The button that opens a folder chooser (where the browser has one).
 * @csspart camera-button - The camera toggle.
 * @csspart camera-select - The camera picker, shown when there is more than one camera.
 * @csspart capture-button - Classifies the current camera frame (camera on, `live` off).
 * @csspart progress - The progress line of a multi-file upload.
 * @csspart batch - The results list of several files: progress, tools and rows.
 * @csspart batch-progress - The progress bar of a batch.
 * @csspart cancel-button - Stops the batch.
 * @csspart batch-filter - The text field that filters the rows by top label.
 * @csspart batch-sort - The order of the rows.
 * @csspart batch-export - The CSV and JSON export buttons.
 * @csspart batch-list - The list of rows.
 * @csspart batch-row - One file: its button (thumbnail, name, top label) shows it above; `Top k` expands its predictions.
 * @csspart thumbnail - A row's small picture of the crop the model saw.
 * @csspart file-name - A row's file name (its path inside a folder).
 * @csspart row-label - A row's top label.
 * @csspart row-probability - A row's top probability.
 * @csspart row-error - Why a row's file could not be classified.
 * @csspart row-predictions - A row's top-k, when expanded.
 * @csspart error - The error message (`role="alert"`).
 * @csspart results - The list of predictions.
 * @csspart not-sure - Says that no prediction reaches `min-probability`.
 * @csspart result - One prediction.
 * @csspart label - The class name of a prediction.
 * @csspart probability - The probability of a prediction, as text.
 * @csspart bar - The probability bar of a prediction.
 * @csspart features - The feature-vector export buttons.
 * @csspart custom-results - The list of the user's own classes for the picture (`mode` custom or both); its items use the `result`, `label`, `probability` and `bar` parts.
 * @csspart custom-none - Says that the picture is none of the user's classes, naming the closest (`mode` custom or both, when no class reaches `min-similarity`).
 * @csspart teach - The panel that teaches custom classes (`mode` custom or both).
 * @csspart add-class - The form that adds a class.
 * @csspart custom-class - One custom class: name, number of examples and its buttons.
 * @csspart record-button - Records camera frames into a class while held.
 * @csspart train-button - Trains the optional softmax head on the examples.
 * @csspart training-progress - The progress bar of training.
 *
 * @cssprop [--mobilenet-font=system-ui, sans-serif] - Font family.
 * @cssprop [--mobilenet-fg=light-dark(#1d1d1f, #e8eaed)] - Text colour.
 * @cssprop [--mobilenet-bg=light-dark(#ffffff, #1f1f1f)] - Background colour.
 * @cssprop [--mobilenet-muted=light-dark(#5f6368, #9aa0a6)] - Secondary text colour.
 * @cssprop [--mobilenet-border=light-dark(#c7c7cc, #5f6368)] - Border colour.
 * @cssprop [--mobilenet-accent=light-dark(#0b57d0, #a8c7fa)] - Accent colour of buttons and focus rings.
 * @cssprop [--mobilenet-accent-fg=light-dark(#ffffff, #062e6f)] - Text on the accent colour.
 * @cssprop [--mobilenet-bar=light-dark(#0b57d0, #a8c7fa)] - Probability bar colour.
 * @cssprop [--mobilenet-bar-track=light-dark(#e8eaed, #3c4043)] - Probability bar background.
 * @cssprop [--mobilenet-error=light-dark(#b3261e, #f2b8b5)] - Error colour.
 * @cssprop [--mobilenet-radius=8px] - Corner radius.
 * @cssprop [--mobilenet-gap=0.75rem] - Spacing.
 * @cssprop [--mobilenet-preview-size=16rem] - Width of the camera preview.
 * @cssprop [--mobilenet-heat-opacity=0.85] - Opacity of the heat map over the crop.
 */
export class MobilenetClassifier extends LitElement {
  static override styles = [styles, customClassesStyles, batchStyles, regionStyles, explainStyles];

  /** URL of the model's `model.json`. Default: the model shipped with the package, next to its code. */
  @property({ attribute: 'model-url' }) modelUrl?: string;

  /**
   * Preferred tf.js backend: `webgpu`, `webgl`, `wasm` or `cpu`, falling back in that order when it
   * cannot start; or `auto`, which starts on wasm at once, then times WebGL and WebGPU between calls and
   * moves to the fastest (remembered for the next visit).
   */
  @property({ converter: converterOf(RULES.backend) }) backend: Backend | 'auto' = 'webgl';

  /** How many predictions to show, 1–1001 (an attribute out of range is clamped). */
  @property({ attribute: 'top-k', converter: converterOf(RULES.topK) }) topK = 5;

  /** Side of the centred square that is classified, as a fraction of the short side, in (0, 1]. */
  @property({ converter: converterOf(RULES.crop) }) crop = 1;

  /** Whether the camera is on. */
  @property({ type: Boolean, reflect: true }) camera = false;

  /** Which camera to prefer: `user` (front) or `environment` (back). */
  @property({ attribute: 'facing-mode', converter: converterOf(RULES.facingMode) }) facingMode: FacingMode = 'user';

  /** Classify camera frames continuously. */
  @property({ type: Boolean }) live = false;

  /** The most camera frames classified per second in live mode, above 0 and up to 60. */
  @property({ attribute: 'max-fps', converter: converterOf(RULES.maxFps) }) maxFps = 15;

  /** An image URL to classify. The server must allow this page to read it (same origin or CORS). */
  @property() src?: string;

  /** Show the feature-vector export and include the 1280-d vector in results. */
  @property({ type: Boolean }) features = false;

  /** Mirror the camera preview (only the preview: the model always sees the true image). */
  @property({ type: Boolean }) mirror = false;

  /**
   * Colours: `auto` follows the page (its `color-scheme`, and through it the user's light or dark
   * preference, as the browser's own controls do), `light` or `dark` pins one palette. Reflected to the
   * attribute, which the styles read; an invalid value acts as `auto`.
   */
  @property({ reflect: true, converter: converterOf(RULES.theme) }) theme: Theme = 'auto';

  /**
   * Which classes to recognise: `imagenet` (the model's 1000), `custom` (the user's own, taught in the
   * panel this mode shows or with `addExample()`), or `both`. Results always carry the ImageNet
   * predictions; in `custom` and `both` they also carry `custom`.
   */
  @property({ converter: converterOf(RULES.mode) }) mode: CustomMode = 'imagenet';

  /**
   * Name under which custom classes are kept in this browser, with the model's content hash: elements
   * with different keys keep different classes.
   */
  @property({ attribute: 'classes-key', converter: converterOf(RULES.classesKey) }) classesKey = 'default';

  /**
   * Predictions under this probability (0–1) are not shown or returned, as MediaPipe's
   * `scoreThreshold`; when none is left the element says "Not sure: nothing above 20%". Default 0.
   */
  @property({ attribute: 'min-probability', converter: converterOf(RULES.minProbability) }) minProbability = 0;

  /**
   * Only these classes may be predicted: labels (`tabby`, case-insensitive), WordNet ids or indices;
   * the attribute is comma-separated. Top-k is taken among them. Not together with `excludeClasses`
   * (then neither applies, with a warning); an entry no class has is left out with a warning.
   */
  @property({ attribute: 'include-classes', converter: converterOf(RULES.includeClasses) })
  includeClasses: readonly ClassSelector[] = [];

  /** These classes are never predicted (same form as `includeClasses`), e.g. `background`. */
  @property({ attribute: 'exclude-classes', converter: converterOf(RULES.excludeClasses) })
  excludeClasses: readonly ClassSelector[] = [];

  /**
   * How similar a picture must be to a custom class's nearest example to be that class (cosine
   * similarity, -1 to 1; default 0.5). Under it for every class, the element says "Not one of your
   * classes" and each custom prediction has `match: false`. An imported file brings its own.
   */
  @property({ attribute: 'min-similarity', converter: converterOf(RULES.minSimilarity) })
  minSimilarity = DEFAULT_MIN_SIMILARITY;

  /** Show which parts of the picture made the model say its top class (or the one picked in the list), as a heat map over the crop. In live mode, on request. */
  @property({ type: Boolean }) explain = false;

  /**
   * The square the model sees, `{ x, y, size }`: `x`, `y` its top-left corner as fractions of the picture's width and height, `size` its side as a fraction of the short side;
   * the user can drag and resize it over the photo or the preview. `null`: the centred `crop`. Attribute: `region="x y size"`. A square past an edge is moved inside.
   */
  @property({ converter: converterOf(RULES.region) }) region: Region | null = null;

  /**
   * Changes any of the element's texts, in every language: `{ uploadImages: 'Choose photos' }`. Entries
   * with values are functions whose last argument formats numbers and plurals in the element's
   * locale; error messages are entries by their `code`. See the README's Languages section.
   */
  @property({ attribute: false }) strings?: Partial<MobilenetStrings>;

  /**
   * URL of the ImageNet class names in another language: a file like the model's `labels.json` (1001
   * entries, same `index` and `wnid`, translated `label`). Results, the batch list, explanations and
   * exports then use those names; a wrong file is refused with a message and the English names stay.
   */
  @property({ attribute: 'labels-url' }) labelsUrl?: string;

  private readonly ctrl: ElementControllers = connectControllers(this);

  /**
   * Settles when the model is loaded and warm, and rejects once loading has failed (however late it is
   * read). Renewed only when a new load starts: Retry, or a change of `model-url` or `backend`.
   */
  get ready(): Promise<void> {
    return this.ctrl.model.ready;
  }

  /**
   * Renders at most once per animation frame: a burst of results (live frames, files, option changes)
   * makes one render, in the frame that shows it, instead of one in a microtask after each, on the
   * classify path. The first render is not held back for a frame, only (briefly) for the strings of a
   * language other than English. `updateComplete` waits for the frame.
   */
  protected override async scheduleUpdate(): Promise<void> {
    if (this.hasUpdated) await nextAnimationFrame();
    else await this.ctrl.l.stringsLoaded();
    await super.scheduleUpdate();
  }

  override willUpdate(changed: PropertyValues<this>): void {
    normaliseProperties(this, changed);
    this.ctrl.propertiesChanging(changed);
  }

  override updated(changed: PropertyValues<this>): void {
    this.ctrl.propertiesChanged(changed);
  }

  /**
   * Classifies a picture, renders the result and fires `mobilenet-result`.
   *
   * @param source a Blob or File, an image, video or canvas element, an ImageBitmap, ImageData, or an image URL.
   * @returns the result; when a newer source arrived meanwhile, the result is still returned but not rendered.
   * @throws ClassifierError when the source cannot be read or the model is not available (also shown and fired as `mobilenet-error`).
   */
  classify(source: MobilenetSource): Promise<MobilenetResult> {
    return this.ctrl.pipeline.run(source, { kind: 'method', name: typeof source === 'string' ? source : undefined });
  }

  /** The 1280-d feature vector of a picture (the layer before the classifier head). Renders nothing. */
  async embed(source: MobilenetSource): Promise<Float32Array> {
    checkSource(source, 'embed()');
    const classifier = await this.ctrl.model.current();
    return classifier.embed(await readSource(source), { crop: this.crop });
  }

  /**
   * Explains the result on screen by occlusion: how far the probability of `classIndex` (default: the
   * class picked in the list, else the top one) falls when each cell of a 7 × 7 grid over the crop is
   * greyed. Shown over the crop when `explain` is on; fires `mobilenet-explain`.
   *
   * @throws ClassifierError when no picture is on screen; RangeError for a bad `classIndex`.
   */
  explainResult(classIndex?: number): Promise<MobilenetExplanation> {
    return this.ctrl.explainer.explain(classIndex);
  }

  /** Turns the camera on (same as setting `camera`). Resolves when the preview runs; rejects if the camera cannot start. */
  async startCamera(): Promise<void> {
    this.camera = true;
    await this.updateComplete;
    await this.ctrl.cameraControl.starting;
    if (this.ctrl.cameraControl.state !== 'on') {
      const shown = this.ctrl.notices.error?.error;
      throw shown instanceof CameraError ? shown : cameraError('camera-not-started', {});
    }
  }

  /** Turns the camera off and stops every track. */
  stopCamera(): void {
    this.camera = false;
    this.ctrl.cameraControl.switchOff();
    this.ctrl.liveLoop.stop();
  }

  /** The custom classes of the current model, in the order they were added, with their number of examples. */
  get customClasses(): { label: string; examples: number }[] {
    return this.ctrl.teach.classes.map((c) => ({ label: c.label, examples: c.examples.length }));
  }

  /**
   * Teaches a custom class one example: the picture's feature vector is kept under `label`, in this
   * browser. The class is created if it is new.
   *
   * @param label the class name, e.g. `my mug`.
   * @param source a picture of it, as `classify()` takes.
   * @returns the number of examples the class now has.
   */
  addExample(label: string, source: MobilenetSource): Promise<number> {
    return this.ctrl.addExample(label, source, () => {
      checkText(label, 'addExample()', 'name');
      checkSource(source, 'addExample()');
    });
  }

  /** Renames a custom class, keeping its examples. */
  renameClass(from: string, to: string): Promise<void> {
    return this.ctrl.customAction(
      () => this.ctrl.teach.rename(from, to),
      () => {
        checkText(from, 'renameClass()', 'rename-from');
        checkText(to, 'renameClass()', 'rename-to');
      },
    );
  }

  /** Deletes a custom class and its examples. Resolves to false when there was no such class. */
  removeClass(label: string): Promise<boolean> {
    return this.ctrl.customAction(
      () => this.ctrl.teach.remove(label),
      () => checkText(label, 'removeClass()', 'name'),
    );
  }

  /** Deletes every custom class of the current model (under this `classes-key`). */
  clearClasses(): Promise<void> {
    return this.ctrl.customAction(() => this.ctrl.teach.clear());
  }

  /**
   * The custom classes as an export file (JSON text, format `mobilenet-classifier/classes` version 2, with the trained head and `min-similarity`;
   * see the README), for `importClasses()` here or in another browser.
   */
  exportClasses(): Promise<string> {
    return this.ctrl.customAction(async () => JSON.stringify(await this.ctrl.teach.export()));
  }

  /**
   * Replaces the custom classes with those of an export file (with `merge`, adds them to the classes
   * of the same name instead). A bad file is refused with a message saying what is wrong, and nothing
   * taught so far is lost.
   *
   * @param json the file's text, or its parsed JSON.
   */
  importClasses(json: string | object, options: { merge?: boolean } = {}): Promise<void> {
    return this.ctrl.customAction(
      () => this.ctrl.teach.import(json, options.merge),
      () => {
        checkClassesFile(json, 'importClasses()');
        checkOptions(options, 'importClasses()');
      },
    );
  }

  /**
   * Trains the optional softmax head on the custom examples (every class needs 5), in this page with
   * tf.js, while the page stays responsive. Until examples change, it then ranks the custom classes
   * instead of k-NN. Rejects with an AbortError when `signal` fires, Cancel is pressed, or the
   * examples change meanwhile.
   */
  trainHead(options: { signal?: AbortSignal } = {}): Promise<void> {
    return this.ctrl.customAction(
      () => this.ctrl.panel.train(options.signal),
      () => checkOptions(options, 'trainHead()'),
    );
  }

  /** Forgets every custom class this site kept in this browser, for every model and key. */
  forgetAllClasses(): Promise<void> {
    return this.ctrl.customAction(() => this.ctrl.teach.forgetEverything());
  }

  /**
   * Every file of the last batch (several files uploaded, dropped or pasted at once, or a folder)
   * settled so far, in the order given: `{ file, status: 'classified', result }` or `{ file, status:
   * 'failed', message, error }`. Empty when the last upload was a single file. A new array each read.
   */
  get results(): MobilenetBatchEntry[] {
    return this.ctrl.batchList.entries;
  }

  /**
   * The batch's results as text, as the Export buttons save them. `csv`: one row per file, columns
   * `file, status, error`, then `label_i, index_i, probability_i` for the top-k, then (with `features`)
   * `feature_0…feature_1279`; text cells that start with `=`, `+`, `-` or `@` are prefixed with `'`
   * against formula injection. `json`: `{ format: 'mobilenet-classifier/results', version: 1, model,
   * results: [{ file, status, predictions: [{ label, index, probability }], features? }] }`.
   *
   * @throws ClassifierError (phase `input`) for a format other than `csv` or `json`.
   */
  exportResults(format: 'csv' | 'json'): string {
    checkFormat(format, RESULTS_FORMATS, 'exportResults()');
    return this.ctrl.batchList.export(format);
  }

  override render(): TemplateResult {
    return renderElement(this, this.ctrl);
  }
}
