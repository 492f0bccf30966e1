import { html, LitElement, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { ref } from 'lit/directives/ref.js';
import { CameraController, CameraError, type FacingMode } from '../../capture/camera-controller';
import { LiveLoop } from '../../capture/live-loop';
import { CustomClassError } from '../../custom';
import { mobilenetEvent, type MobilenetErrorPhase, type MobilenetResult, type SourceKind } from '../../events';
import {
  ClassifierError,
  defaultModelUrl,
  isAbortError,
  leaseClassifier,
  type Backend,
  type Classifier,
  type ClassifierInput,
  type ClassifierLease,
  type LoadProgress,
} from '../../model';
import { checkClassesFile, checkOptions, checkSource, checkText } from './arguments';
import { type AttributeRule, converterOf, readProperty, RULES } from './attributes';
import { CustomClassesController, setChangedError, type CustomMode } from './custom-classes.controller';
import customClassesStyles from './custom-classes.styles';
import { renderCustomResults, renderTeachPanel } from './custom-classes.template';
import { barWidth } from './bar-width';
import styles from './mobilenet-classifier.styles';

/** The element's palette: see {@link MobilenetClassifier.theme}. */
export type Theme = 'auto' | 'light' | 'dark';

/** Anything `classify()` and `embed()` take: what the core takes, or an image URL. */
export type MobilenetSource = ClassifierInput | string;

interface ShownError {
  phase: MobilenetErrorPhase;
  message: string;
  retry?: { label: string; run: () => void };
}

/** In live mode the screen reader hears at most one new top label this often. */
const LIVE_ANNOUNCE_INTERVAL_MS = 4000;

/**
 * Classifies images on the device with MobileNet V2 (0.5, 96×96): from the camera, an upload, a drop,
 * a paste or a URL. Shows the 96×96 crop the model saw and the top-k ImageNet labels.
 *
 * @summary One tag that classifies what the camera sees or what the user gives it. Nothing leaves the device.
 *
 * @fires {MobilenetReadyEvent} mobilenet-ready - The model is loaded and warm. Detail: `{ backend, loadMs }`.
 * @fires {MobilenetResultEvent} mobilenet-result - A classification was rendered. Detail: `{ result }`.
 * @fires {MobilenetErrorEvent} mobilenet-error - Something failed. Detail: `{ phase: 'load' | 'camera' | 'input' | 'inference' | 'custom', message, error }`.
 * @fires {MobilenetClassesChangeEvent} mobilenet-classes-change - The custom classes changed, or were loaded from the browser for a new model. Detail: `{ reason, classes: { label, examples }[], persisted }`.
 *
 * @slot header - Shown above everything else, e.g. a title.
 * @slot empty - Shown in the preview area before the first result. Default: a hint on how to give an image.
 *
 * @csspart status - The line that shows load progress, then the backend in use.
 * @csspart stage - The drop zone holding the camera preview and the crop.
 * @csspart video - The camera preview.
 * @csspart crop - The 96×96 image the model saw.
 * @csspart controls - The row of buttons.
 * @csspart upload-button - The button that opens the file chooser.
 * @csspart camera-button - The camera toggle.
 * @csspart camera-select - The camera picker, shown when there is more than one camera.
 * @csspart capture-button - Classifies the current camera frame (camera on, `live` off).
 * @csspart progress - The progress line of a multi-file upload.
 * @csspart error - The error message (`role="alert"`).
 * @csspart results - The list of predictions.
 * @csspart result - One prediction.
 * @csspart label - The class name of a prediction.
 * @csspart probability - The probability of a prediction, as text.
 * @csspart bar - The probability bar of a prediction.
 * @csspart features - The feature-vector export buttons.
 * @csspart custom-results - The list of the user's own classes for the picture (`mode` custom or both); its items use the `result`, `label`, `probability` and `bar` parts.
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
 */
export class MobilenetClassifier extends LitElement {
  static override styles = [styles, customClassesStyles];

  @query('input[type=file]') private fileInput!: HTMLInputElement;
  @query('[part=crop]') private cropCanvas?: HTMLCanvasElement;

  @state() private modelState: 'loading' | 'ready' | 'error' = 'loading';
  @state() private progress?: LoadProgress;
  @state() private result?: MobilenetResult & { pixels: ImageData };
  @state() private error?: ShownError;
  @state() private progressLine = '';
  @state() private announcement = '';
  @state() private dragging = false;
  /**
   * The photo's result that was on screen when the camera turned on: hidden while the camera is on (the
   * preview is all there is to see), and shown again if the camera goes off before a new result.
   */
  @state() private setAside?: MobilenetResult & { pixels: ImageData };

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

  private readonly cameraControl = new CameraController(this, () => this.handleCameraEnded());
  private readonly liveLoop = new LiveLoop(this, () => this.classifyLiveFrame());
  private readonly teach = new CustomClassesController(this, {
    embed: (source) => this.embed(source),
    cameraVideo: () => (this.cameraControl.state === 'on' ? this.cameraControl.video : undefined),
    showError: (error) => this.showError(phaseOf(error), error),
    clearCustomError: () => this.error?.phase === 'custom' && (this.error = undefined),
    announce: (text) => (this.announcement = text),
  });
  /** The latest camera start, which startCamera() waits for. */
  private cameraStart: Promise<void> = Promise.resolve();
  private lease?: ClassifierLease;
  /** A load was started (or refused) for the current model-url and backend: a failure must not be retried on every update. */
  private modelRequested = false;
  /** Why the current model is not available, when its load failed or was refused. */
  private loadFailure?: unknown;
  private classifier?: Classifier;
  private loadStarted = 0;
  private readyPromise!: Promise<void>;
  private settleReady?: { resolve: () => void; reject: (error: unknown) => void };
  /** What the crop canvas shows. */
  private painted?: { canvas: HTMLCanvasElement; result: MobilenetResult };
  /** Bumped by every classification: only the newest may render. */
  private latest = 0;
  /** Bumped by every upload or drop of files, which stops the previous batch. */
  private batch = 0;
  private lastAnnounced = { at: Number.NEGATIVE_INFINITY, label: '' };
  /** The picture on screen, unless it is a camera frame: re-classified when top-k, crop or features change. */
  private lastSource?: { source: MobilenetSource; origin: MobilenetResult['source'] };
  private readonly onDocumentPaste = (event: ClipboardEvent) => this.handlePaste(event);
  private readonly onVisibilityChange = () => this.handleVisibilityChange();
  private readonly onDeviceChange = () => void this.handleDeviceChange();
  /** The camera failed for want of a device (unplugged, or none found): it comes back on when one is plugged in. */
  private awaitingCamera = false;
  /** The cameras present when the camera was lost (see handleDeviceChange). */
  private camerasWhenLost?: Promise<string[]>;
  private readonly retryLoad = { label: 'Retry', run: () => this.loadModel() };

  constructor() {
    super();
    this.resetReady();
    this.addEventListener('dragenter', (event) => this.handleDragOver(event));
    this.addEventListener('dragover', (event) => this.handleDragOver(event));
    this.addEventListener('dragleave', (event) => this.handleDragLeave(event));
    this.addEventListener('drop', (event) => this.handleDrop(event));
  }

  /**
   * Settles when the model is loaded and warm, and rejects once loading has failed (however late it is
   * read). Renewed only when a new load starts: Retry, or a change of `model-url` or `backend`.
   */
  get ready(): Promise<void> {
    return this.readyPromise;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    document.addEventListener('paste', this.onDocumentPaste);
    document.addEventListener('visibilitychange', this.onVisibilityChange);
    navigator.mediaDevices?.addEventListener?.('devicechange', this.onDeviceChange);
    // The model loads in willUpdate once connected; a reconnected element needs an update for that.
    if (!this.modelRequested) this.requestUpdate();
    // A camera element moved in the page was stopped on disconnect: it comes back on.
    if (this.camera && this.hasUpdated) void this.startCameraStream();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    document.removeEventListener('paste', this.onDocumentPaste);
    document.removeEventListener('visibilitychange', this.onVisibilityChange);
    navigator.mediaDevices?.removeEventListener?.('devicechange', this.onDeviceChange);
    this.latest++;
    this.batch++;
    this.releaseModel();
    this.modelRequested = false;
  }

  override willUpdate(changed: PropertyValues<this>): void {
    this.normaliseProperties(changed);
    if (this.isConnected && (!this.modelRequested || changed.has('modelUrl') || changed.has('backend'))) {
      this.loadModel();
    }
    if (changed.has('classesKey') && this.classifier) this.teach.setModel(this.classifier.metadata, this.classesKey);
    // The panel shows the stored classes: load them once custom classes are on screen.
    if (this.mode === 'custom' || this.mode === 'both') this.teach.want();
    this.liveLoop.maxFps = this.maxFps;
    // Here rather than in updated(): the camera's state change asks for a render, which belongs in this one.
    if (changed.has('camera') || (this.camera && changed.has('facingMode'))) {
      if (this.camera) {
        if (changed.has('camera') && this.result?.source.kind !== 'camera') this.setAside = this.result;
        void this.startCameraStream();
      } else {
        this.setAside = undefined;
        this.cameraControl.stop();
      }
    }
  }

  /**
   * Properties set to null or undefined (as frameworks unbind them) take their default; an invalid value
   * is ignored with a warning, like a native element's, so that one bad value never stops the element.
   */
  private normaliseProperties(changed: PropertyValues<this>): void {
    for (const [key, rule] of Object.entries(RULES) as [keyof typeof RULES & keyof this, AttributeRule<unknown>][]) {
      if (!changed.has(key)) continue;
      const previous = changed.get(key) ?? rule.fallback;
      const value = readProperty(rule, this[key], previous);
      if (value === this[key]) continue;
      (this as Record<string, unknown>)[key as string] = value;
      // Set back to what it was: nothing changed.
      if (value === previous) changed.delete(key);
    }
  }

  override updated(changed: PropertyValues): void {
    this.syncLiveLoop();
    this.cameraControl.video.classList.toggle('mirror', this.mirror);
    const optionsChanged = ['topK', 'crop', 'features', 'mode'].some(
      (key) => changed.has(key) && changed.get(key) !== undefined,
    );
    if (optionsChanged && this.lastSource && !this.liveLoop.running) {
      // Show the effect of the new option on the picture already on screen.
      const { source, origin } = this.lastSource;
      void this.classifyFrom(source, origin).catch(() => {});
    }
    if (changed.has('src') && this.src) {
      void this.classifyFrom(this.src, { kind: 'src', name: this.src }).catch(() => {});
    }
    // A new result, or a set-aside one back on screen in a new canvas.
    const shown = this.shownResult;
    if (shown && this.cropCanvas && (this.painted?.canvas !== this.cropCanvas || this.painted.result !== shown)) {
      this.cropCanvas.getContext('2d')?.putImageData(shown.pixels, 0, 0);
      this.painted = { canvas: this.cropCanvas, result: shown };
    }
  }

  /**
   * Classifies a picture, renders the result and fires `mobilenet-result`.
   *
   * @param source a Blob or File, an image, video or canvas element, an ImageBitmap, ImageData, or an image URL.
   * @returns the result; when a newer source arrived meanwhile, the result is still returned but not rendered.
   * @throws ClassifierError when the source cannot be read or the model is not available (also shown and fired as `mobilenet-error`).
   */
  classify(source: MobilenetSource): Promise<MobilenetResult> {
    return this.classifyFrom(source, { kind: 'method', name: typeof source === 'string' ? source : undefined });
  }

  /** The 1280-d feature vector of a picture (the layer before the classifier head). Renders nothing. */
  async embed(source: MobilenetSource): Promise<Float32Array> {
    checkSource(source, 'embed()');
    const classifier = await this.currentClassifier();
    return classifier.embed(await this.toInput(source), { crop: this.crop });
  }

  /** Turns the camera on (same as setting `camera`). Resolves when the preview runs; rejects if the camera cannot start. */
  async startCamera(): Promise<void> {
    this.camera = true;
    await this.updateComplete;
    await this.cameraStart;
    if (this.cameraControl.state !== 'on') throw new CameraError(this.error?.message ?? 'The camera did not start.');
  }

  /** Turns the camera off and stops every track. */
  stopCamera(): void {
    this.awaitingCamera = false;
    this.camera = false;
    this.cameraControl.stop();
    this.liveLoop.stop();
  }

  /** The custom classes of the current model, in the order they were added, with their number of examples. */
  get customClasses(): { label: string; examples: number }[] {
    return this.teach.classes.map((c) => ({ label: c.label, examples: c.examples.length }));
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
    const target = { key: this.classesKey, modelUrl: this.modelUrl };
    return this.customAction(
      async () => {
        const set = this.teach.set;
        const vector = await this.embed(source);
        // The example belongs to the key and model of the call: if either changed meanwhile, it is
        // refused rather than added to another set.
        if (this.classesKey !== target.key || this.modelUrl !== target.modelUrl) throw setChangedError(label);
        return this.teach.add(label, [vector], set);
      },
      () => {
        checkText(label, 'addExample()', 'the class name');
        checkSource(source, 'addExample()');
      },
    );
  }

  /** Renames a custom class, keeping its examples. */
  renameClass(from: string, to: string): Promise<void> {
    return this.customAction(
      () => this.teach.rename(from, to),
      () => {
        checkText(from, 'renameClass()', 'the class to rename');
        checkText(to, 'renameClass()', 'the new name');
      },
    );
  }

  /** Deletes a custom class and its examples. Resolves to false when there was no such class. */
  removeClass(label: string): Promise<boolean> {
    return this.customAction(
      () => this.teach.remove(label),
      () => checkText(label, 'removeClass()', 'the class name'),
    );
  }

  /** Deletes every custom class of the current model (under this `classes-key`). */
  clearClasses(): Promise<void> {
    return this.customAction(() => this.teach.clear());
  }

  /**
   * The custom classes as an export file (JSON text, format `mobilenet-classifier/classes` version 1;
   * see the README), for `importClasses()` here or in another browser.
   */
  exportClasses(): Promise<string> {
    return this.customAction(async () => JSON.stringify(await this.teach.export()));
  }

  /**
   * Replaces the custom classes with those of an export file (with `merge`, adds them to the classes
   * of the same name instead). A bad file is refused with a message saying what is wrong, and nothing
   * taught so far is lost.
   *
   * @param json the file's text, or its parsed JSON.
   */
  importClasses(json: string | object, options: { merge?: boolean } = {}): Promise<void> {
    return this.customAction(
      () => this.teach.import(json, options.merge),
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
    return this.customAction(
      () => this.teach.train(options.signal),
      () => checkOptions(options, 'trainHead()'),
    );
  }

  /** Forgets every custom class this site kept in this browser, for every model and key. */
  forgetAllClasses(): Promise<void> {
    return this.customAction(() => this.teach.forgetEverything());
  }

  /**
   * Runs a custom-classes method once the model and its classes are loaded; shows what fails. `check`
   * refuses arguments of the wrong type first, whatever the state of the model.
   */
  private async customAction<T>(work: () => Promise<T>, check?: () => void): Promise<T> {
    try {
      check?.();
      await this.currentClassifier();
      await this.teach.whenLoaded();
      return await work();
    } catch (error) {
      // A failed model load is shown already.
      if (error !== this.loadFailure && !isAbortError(error)) this.showError(phaseOf(error), error);
      throw error;
    }
  }

  private loadModel(): void {
    this.modelRequested = true;
    this.loadFailure = undefined;
    this.releaseModel();
    this.classifier = undefined;
    this.teach.setModel(undefined);
    this.progress = undefined;
    this.modelState = 'loading';
    // `ready` waits for this model, not the previous one.
    if (!this.settleReady) this.resetReady();
    if (this.error?.phase === 'load') this.error = undefined;
    let url: URL;
    try {
      url = this.modelUrl ? new URL(this.modelUrl, document.baseURI) : defaultModelUrl();
    } catch {
      // Like an invalid value of any other attribute: the default, and a warning.
      url = defaultModelUrl();
      console.warn(`<mobilenet-classifier model-url="${this.modelUrl}">: not a URL; using the default model, ${url}.`);
    }
    const lease = leaseClassifier(url, this.backend, (progress) => {
      if (this.lease === lease) this.progress = progress;
    });
    this.lease = lease;
    this.loadStarted = performance.now();
    lease.classifier.then(
      (classifier) => {
        if (this.lease !== lease) return;
        this.classifier = classifier;
        this.teach.setModel(classifier.metadata, this.classesKey);
        this.modelState = 'ready';
        this.settleReady?.resolve();
        this.settleReady = undefined;
        this.dispatchEvent(
          mobilenetEvent('mobilenet-ready', {
            backend: classifier.backend,
            loadMs: performance.now() - this.loadStarted,
          }),
        );
      },
      (error: unknown) => {
        if (this.lease !== lease || isAbortError(error)) return;
        this.failLoad(error);
      },
    );
  }

  private failLoad(error: unknown): void {
    this.loadFailure = error;
    this.teach.modelFailed();
    this.modelState = 'error';
    this.showError('load', error, this.retryLoad);
    // `ready` stays rejected, however late it is read, until a new load starts (Retry, model-url, backend).
    this.settleReady?.reject(error);
    this.settleReady = undefined;
  }

  private releaseModel(): void {
    this.lease?.release();
    this.lease = undefined;
  }

  private resetReady(): void {
    this.readyPromise = new Promise<void>((resolve, reject) => {
      this.settleReady = { resolve, reject };
    });
    // Nobody may be waiting on `ready`; its failure is shown and fired anyway.
    this.readyPromise.catch(() => {});
  }

  /** The classifier of the current model, waiting for it if it is still loading. */
  private async currentClassifier(): Promise<Classifier> {
    // Connected but not yet updated (e.g. classify() right after appendChild): the first update starts the load.
    if (!this.modelRequested && this.isConnected) await this.updateComplete;
    for (;;) {
      const lease = this.lease;
      if (!lease) {
        throw (
          this.loadFailure ??
          new ClassifierError('load', 'The element is not on the page: add it to the document before classifying.')
        );
      }
      const classifier = await lease.classifier;
      if (lease === this.lease) return classifier;
      // model-url changed while we waited: use the new model.
    }
  }

  private async classifyFrom(
    source: MobilenetSource,
    origin: MobilenetResult['source'],
    options: { live?: boolean } = {},
  ): Promise<MobilenetResult> {
    const ticket = ++this.latest;
    // A newer source makes this answer stale, and so does stopping the camera a frame came from
    // (the read-back of a frame in flight can finish after stopCamera()).
    const isCurrent = () => ticket === this.latest && (origin.kind !== 'camera' || this.cameraControl.state === 'on');
    try {
      checkSource(source, 'classify()');
      const classifier = await this.currentClassifier();
      const input = await this.toInput(source);
      const custom = this.mode === 'custom' || this.mode === 'both';
      const { pixels, features, ...core } = await classifier.classify(input, {
        topK: this.topK,
        crop: this.crop,
        features: this.features || custom,
      });
      if (custom) await this.teach.whenLoaded();
      const result: MobilenetResult = {
        ...core,
        ...(this.features ? { features } : {}),
        source: origin,
        ...(custom && features ? { custom: this.teach.predict(features) } : {}),
      };
      if (isCurrent()) {
        if (result.custom && features) this.teach.show(features, result.custom);
        // The set-aside photo classified again (top-k, crop or features changed) stays aside.
        const aside =
          this.setAside !== undefined && this.setAside === this.result && origin === this.lastSource?.origin;
        this.result = { ...result, pixels };
        if (aside) this.setAside = this.result;
        this.lastSource = origin.kind === 'camera' ? undefined : { source, origin };
        if (!options.live || this.error?.phase !== 'camera') this.error = undefined;
        this.announce(result, options.live ?? false);
        this.dispatchEvent(mobilenetEvent('mobilenet-result', { result }));
      }
      return result;
    } catch (error) {
      if (isCurrent()) {
        // Without a model, keep offering the load's Retry.
        this.showError(phaseOf(error), error, this.modelState === 'error' ? this.retryLoad : undefined);
      }
      throw error;
    }
  }

  private async toInput(source: MobilenetSource): Promise<ClassifierInput> {
    if (typeof source !== 'string') return source;
    let response: Response;
    try {
      response = await fetch(new URL(source, document.baseURI));
    } catch (error) {
      throw new ClassifierError(
        'input',
        `Could not load the image at ${source}: the network failed, or its site does not allow other pages to read it ` +
          '(CORS). Serve it with Access-Control-Allow-Origin, or download it and upload the file.',
        { cause: error },
      );
    }
    if (!response.ok)
      throw new ClassifierError('input', `Could not load the image at ${source} (HTTP ${response.status}).`);
    return response.blob();
  }

  private classifyLiveFrame(): Promise<void> {
    return this.classifyFrom(this.cameraControl.video, { kind: 'camera' }, { live: true }).then(
      () => {},
      () => {},
    );
  }

  private async classifyFiles(files: File[], kind: SourceKind): Promise<void> {
    const batch = ++this.batch;
    // The user moved on from the lost camera: a camera plugged in later does not switch on by itself.
    this.awaitingCamera = false;
    const failed: string[] = [];
    for (const [i, file] of files.entries()) {
      if (batch !== this.batch) return;
      if (files.length > 1) this.progressLine = `Classifying ${i + 1} of ${files.length}: ${file.name}`;
      try {
        await this.classifyFrom(file, { kind, name: file.name });
      } catch {
        failed.push(file.name);
      }
    }
    if (batch !== this.batch || files.length < 2) {
      if (batch === this.batch) this.progressLine = '';
      return;
    }
    // Each failure was shown as it happened, but a later success replaced it: name them all here.
    this.progressLine =
      failed.length === 0
        ? `Classified ${files.length} images.`
        : `Classified ${files.length - failed.length} of ${files.length} images; ${failed.length} could not be read: ${failed.join(', ')}.`;
  }

  private showError(phase: MobilenetErrorPhase, error: unknown, retry?: ShownError['retry']): void {
    const message = messageOf(error);
    this.error = { phase, message, retry };
    this.dispatchEvent(mobilenetEvent('mobilenet-error', { phase, message, error }));
  }

  private announce(result: MobilenetResult, live: boolean): void {
    const top =
      this.mode === 'custom'
        ? result.custom?.[0] && { label: result.custom[0].label, probability: result.custom[0].probability }
        : result.predictions[0];
    if (!top) return;
    const now = performance.now();
    if (live && (top.label === this.lastAnnounced.label || now - this.lastAnnounced.at < LIVE_ANNOUNCE_INTERVAL_MS))
      return;
    this.lastAnnounced = { at: now, label: top.label };
    this.announcement = `${top.label}, ${formatPercent(top.probability)}`;
  }

  private async startCameraStream(): Promise<void> {
    this.cameraStart = this.cameraControl
      .start({ facingMode: this.facingMode })
      .then(() => {
        if (this.cameraControl.state === 'on') this.awaitingCamera = false;
        if (this.error?.phase === 'camera') this.error = undefined;
        // camera may have been switched off while permission was pending.
        if (!this.camera) this.cameraControl.stop();
      })
      .catch((error: unknown) => {
        this.camera = false;
        const cause = (error as Error).cause;
        this.awaitingCamera = cause instanceof DOMException && cause.name === 'NotFoundError';
        if (this.awaitingCamera) this.camerasWhenLost = listCameras();
        this.showError('camera', error, { label: 'Try again', run: () => (this.camera = true) });
      });
    await this.cameraStart;
  }

  private syncLiveLoop(): void {
    if (this.live && this.camera && this.cameraControl.state === 'on') this.liveLoop.start(this.cameraControl.video);
    else this.liveLoop.stop();
  }

  private handleCameraEnded(): void {
    this.camera = false;
    this.awaitingCamera = true;
    this.camerasWhenLost = listCameras();
    this.showError(
      'camera',
      new CameraError(
        'The camera stopped (it was unplugged or taken by another app). Turn it on again when it is back.',
      ),
      {
        label: 'Turn camera on',
        run: () => (this.camera = true),
      },
    );
  }

  /** A hidden tab holds no camera: its light goes off and other apps can use it. `camera` stays set, so it comes back with the tab. */
  private handleVisibilityChange(): void {
    if (!this.camera) return;
    if (document.visibilityState === 'hidden') this.cameraControl.stop();
    else if (this.cameraControl.state === 'off') void this.startCameraStream();
  }

  /**
   * A media device changed: turn the camera back on if it was lost for want of one and a camera that
   * was not there when it was lost has appeared, in a visible tab. A camera that stayed (a laptop's own,
   * after its USB camera was pulled out) does not switch on by itself.
   */
  private async handleDeviceChange(): Promise<void> {
    if (!this.awaitingCamera || this.camera || document.visibilityState !== 'visible') return;
    const [before, now] = await Promise.all([this.camerasWhenLost ?? Promise.resolve([]), listCameras()]);
    if (!this.awaitingCamera || this.camera) return;
    if (now.some((camera) => !before.includes(camera))) this.camera = true;
    // The unplug's own devicechange may come after the track ended: what is left is the new baseline.
    else this.camerasWhenLost = Promise.resolve(now);
  }

  private handleCameraSelect(event: Event): void {
    const deviceId = (event.target as HTMLSelectElement).value;
    void this.cameraControl.start({ deviceId }).catch((error: unknown) => this.showError('camera', error));
  }

  private handleFileChange(): void {
    const files = Array.from(this.fileInput.files ?? []);
    // Cleared so that choosing the same file again fires change again.
    this.fileInput.value = '';
    if (files.length) void this.classifyFiles(files, 'upload');
  }

  private handleDragOver(event: DragEvent): void {
    if (!event.dataTransfer) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'copy';
    this.dragging = true;
  }

  private handleDragLeave(event: DragEvent): void {
    if (event.relatedTarget instanceof Node && this.contains(event.relatedTarget)) return;
    this.dragging = false;
  }

  private handleDrop(event: DragEvent): void {
    event.preventDefault();
    this.dragging = false;
    const data = event.dataTransfer;
    if (!data) return;
    const files = Array.from(data.files);
    if (files.length) {
      void this.classifyFiles(files, 'drop');
      return;
    }
    // An image dragged from another page arrives as a URL.
    const url = data
      .getData('text/uri-list')
      .split(/\r?\n/)
      .find((line) => line && !line.startsWith('#'));
    if (url) void this.classifyFrom(url, { kind: 'drop', name: url }).catch(() => {});
    else
      this.showError(
        'input',
        new ClassifierError('input', 'Nothing usable was dropped. Drop an image file or an image from another page.'),
      );
  }

  /**
   * Pastes go to the element that holds the focus, or, when nothing on the page has it, to the first
   * <mobilenet-classifier> of the page, so that Ctrl/Cmd+V works without clicking first.
   */
  private handlePaste(event: ClipboardEvent): void {
    const inside = event.composedPath().includes(this);
    const unfocused = document.activeElement === null || document.activeElement === document.body;
    if (!inside && !(unfocused && document.querySelector(this.localName) === this)) return;
    const files = Array.from(event.clipboardData?.files ?? []).filter((file) => file.type.startsWith('image/'));
    if (!files.length) {
      if (inside)
        this.showError(
          'input',
          new ClassifierError('input', 'The clipboard holds no image. Copy an image, then paste again.'),
        );
      return;
    }
    event.preventDefault();
    void this.classifyFiles(files, 'paste');
  }

  private handleStageKeydown(event: KeyboardEvent): void {
    if (event.target !== event.currentTarget || (event.key !== 'Enter' && event.key !== ' ')) return;
    event.preventDefault();
    this.fileInput.click();
  }

  private async handleDownload(format: 'json' | 'bin'): Promise<void> {
    const values = this.result?.features;
    if (!values) return;
    const blob =
      format === 'json'
        ? new Blob([this.featuresJson(values)], { type: 'application/json' })
        : new Blob([littleEndianFloat32(values)], { type: 'application/octet-stream' });
    const link = document.createElement('a');
    link.href = URL.createObjectURL(blob);
    link.download = `${baseName(this.result?.source.name)}-features.${format}`;
    link.click();
    setTimeout(() => URL.revokeObjectURL(link.href), 0);
  }

  private async handleCopy(): Promise<void> {
    const values = this.result?.features;
    if (!values) return;
    try {
      await navigator.clipboard.writeText(this.featuresJson(values));
      this.announcement = 'Feature vector copied as JSON.';
    } catch (error) {
      this.showError(
        'input',
        new ClassifierError(
          'input',
          'Could not copy to the clipboard: the browser refused. Use Download JSON instead.',
          { cause: error },
        ),
      );
    }
  }

  private featuresJson(values: Float32Array): string {
    return JSON.stringify({
      model: this.classifier?.metadata.modelId ?? 'mobilenet_v2_050_96',
      length: values.length,
      values: Array.from(values),
    });
  }

  private renderStatus() {
    if (this.modelState === 'ready') return html`Ready · runs on ${this.classifier?.backend}`;
    if (this.modelState === 'error') return html`The model is not loaded.`;
    const p = this.progress;
    return p
      ? html`Loading the model… ${formatMegabytes(p.loadedBytes)} of ${formatMegabytes(p.totalBytes)}`
      : html`Loading the model…`;
  }

  /** The result on screen: none while the camera is on and the last result is the photo it replaced. */
  private get shownResult(): (MobilenetResult & { pixels: ImageData }) | undefined {
    return this.camera && this.result === this.setAside ? undefined : this.result;
  }

  private renderResults() {
    const predictions = this.shownResult?.predictions;
    if (this.mode === 'custom' || this.mode === 'both') {
      return html`${renderCustomResults(this.shownResult?.custom && this.teach.shown)}${this.mode === 'both' ? this.renderImagenet(predictions) : nothing}`;
    }
    return this.renderImagenet(predictions);
  }

  private renderImagenet(predictions?: MobilenetResult['predictions']) {
    if (!predictions) return nothing;
    return html`<ol part="results" aria-label="Predictions">
      ${predictions.map(
        (p) =>
          html`<li part="result">
            <span part="label" title=${p.label}>${p.label}</span>
            <span part="probability">${formatPercent(p.probability)}</span>
            <span part="bar" aria-hidden="true"><span ${ref(barWidth(p.probability))}></span></span>
          </li>`,
      )}
    </ol>`;
  }

  private renderFeatures() {
    if (!this.features || !this.shownResult?.features) return nothing;
    return html`<div part="features" role="group" aria-label="Feature vector export">
      <button type="button" @click=${() => this.handleDownload('json')}>Download features (JSON)</button>
      <button type="button" @click=${() => this.handleDownload('bin')}>Download features (.bin)</button>
      <button type="button" @click=${this.handleCopy}>Copy features as JSON</button>
    </div>`;
  }

  override render(): TemplateResult {
    const cameraOn = this.cameraControl.state !== 'off';
    const devices = this.cameraControl.devices;
    return html`
      <slot name="header"></slot>
      <p part="status" role="status">${this.renderStatus()}</p>
      <div
        part="stage"
        class=${this.dragging ? 'dragging' : ''}
        tabindex="0"
        role="group"
        aria-label="Image input: drop or paste an image here, or press Enter to choose files"
        @keydown=${this.handleStageKeydown}
      >
        ${cameraOn ? this.cameraControl.video : nothing}
        ${
          this.shownResult
            ? html`<canvas
                part="crop"
                width="96"
                height="96"
                role="img"
                aria-label="The 96 by 96 pixel crop the model saw"
              ></canvas>`
            : cameraOn
              ? nothing
              : html`<slot name="empty"
                  ><p class="empty">Drop an image here, paste one, upload files or turn on the camera.</p></slot
                >`
        }
      </div>
      <div part="controls">
        <button type="button" part="upload-button" class="primary" @click=${() => this.fileInput.click()}>
          Upload images
        </button>
        <input type="file" accept="image/*" multiple hidden @change=${this.handleFileChange} />
        <button
          type="button"
          part="camera-button"
          aria-pressed=${this.camera ? 'true' : 'false'}
          @click=${() => (this.camera = !this.camera)}
        >
          Camera
        </button>
        ${
          cameraOn && devices.length > 1
            ? html`<select part="camera-select" aria-label="Choose a camera" @change=${this.handleCameraSelect}>
                ${devices.map(
                  (d, i) =>
                    html`<option value=${d.deviceId} ?selected=${d.deviceId === this.cameraControl.deviceId}>
                      ${d.label || `Camera ${i + 1}`}
                    </option>`,
                )}
              </select>`
            : nothing
        }
        ${
          cameraOn && !this.live
            ? html`<button
                type="button"
                part="capture-button"
                ?disabled=${this.cameraControl.state !== 'on'}
                @click=${() => this.classifyFrom(this.cameraControl.video, { kind: 'camera' }).catch(() => {})}
              >
                Classify this frame
              </button>`
            : nothing
        }
      </div>
      ${this.progressLine ? html`<p part="progress">${this.progressLine}</p>` : nothing}
      ${
        this.error
          ? html`<p part="error" role="alert">
              ${this.error.message}${
                this.error.retry
                  ? html`<button type="button" @click=${this.error.retry.run}>${this.error.retry.label}</button>`
                  : nothing
              }
            </p>`
          : nothing
      }
      ${this.renderResults()} ${this.renderFeatures()}
      ${this.mode === 'custom' || this.mode === 'both' ? renderTeachPanel(this.teach, this.cameraControl.state === 'on') : nothing}
      <div class="visually-hidden" aria-live="polite">${this.announcement}</div>
    `;
  }
}

function phaseOf(error: unknown): MobilenetErrorPhase {
  if (error instanceof ClassifierError) return error.phase;
  if (error instanceof CameraError) return 'camera';
  if (error instanceof CustomClassError) return 'custom';
  return 'inference';
}

function messageOf(error: unknown): string {
  if (error instanceof ClassifierError || error instanceof CameraError || error instanceof CustomClassError)
    return error.message;
  if (error instanceof RangeError) return error.message;
  return `Classification failed: ${(error as Error)?.message ?? String(error)}`;
}

/** The ids of the cameras present now; without camera permission ids are empty, so their positions stand in. */
async function listCameras(): Promise<string[]> {
  const devices = (await navigator.mediaDevices?.enumerateDevices?.().catch(() => [])) ?? [];
  return devices.filter((device) => device.kind === 'videoinput').map((device, i) => device.deviceId || `#${i}`);
}

function formatPercent(probability: number): string {
  return `${(probability * 100).toFixed(1)}%`;
}

function formatMegabytes(bytes: number): string {
  return `${(bytes / 1e6).toFixed(1)} MB`;
}

/** The vector as raw little-endian float32, whatever the platform's byte order. */
function littleEndianFloat32(values: Float32Array): ArrayBuffer {
  const view = new DataView(new ArrayBuffer(values.length * 4));
  values.forEach((v, i) => view.setFloat32(i * 4, v, /* littleEndian= */ true));
  return view.buffer;
}

function baseName(name: string | undefined): string {
  const last = name
    ?.split(/[\\/]/)
    .pop()
    ?.replace(/\.[^.]*$/, '');
  return last?.replace(/[^\w.-]+/g, '_') || 'image';
}
