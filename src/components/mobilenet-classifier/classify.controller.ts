import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { closestUnmatched, type CustomPrediction } from '../../custom';
import { mobilenetEvent, type MobilenetResult, type SourceKind } from '../../events';
import type { BatchOutcome } from './batch.controller';
import type { NamedFile } from './folder-files';
import type { Classifier, ClassifierInput, ClassifyResult, Region } from '../../model';
import { AnnounceThrottle } from './announce-throttle';
import { checkSource } from './arguments';
import { ClassFilters, type FilterSettings } from './class-filters';
import type { CustomMode } from './custom-classes.controller';
import type { Terms } from '../../i18n';
import { readSource, type GivenPicture, type MobilenetSource } from './input.controller';
import type { Notices } from './notices';

/** A result and the 96×96 pixels the model saw, which the crop canvas shows. */
export type ShownResult = MobilenetResult & { pixels: ImageData };

/** The element's settings that change what a classification returns. */
export interface ClassifySettings extends FilterSettings {
  topK: number;
  crop: number;
  features: boolean;
  mode: CustomMode;
  /** The square the model sees, or null for the centred `crop`. */
  region: Region | null;
}

/** What the pipeline reads from the element and the other controllers. */
export interface ClassifyInputs {
  /** The element's strings, in its language. */
  t: Terms;
  /** The current model's classifier, waiting while it loads. */
  classifier(): Promise<Classifier>;
  /** Whether the model is still loading: a picture given now waits for it. */
  modelLoading(): boolean;
  settings(): ClassifySettings;
  /** The user's classes for a feature vector, once they are loaded. */
  customPredictions(features: Float32Array): Promise<CustomPrediction[]>;
  /** A result with custom predictions went on screen: they follow later changes of the classes. */
  customShown(features: Float32Array, predictions: CustomPrediction[]): void;
  /** Whether camera frames are coming: a frame read after the camera stopped is not shown. */
  cameraRunning(): boolean;
  /**
   * The names of `labels-url`, once its file settled: the name of ImageNet class `index`, or undefined
   * where the model's own (English) name stands.
   */
  translatedLabels(): Promise<(index: number) => string | undefined>;
  /** The user gave pictures of their own (a camera lost earlier stays off when plugged in again). */
  picturesGiven(): void;
  /**
   * The picture to give the core, and the region of it the model sees: the element's region fitted
   * into that picture (reading the source with `read` when it needs it).
   */
  picture(
    source: MobilenetSource,
    read: () => Promise<ClassifierInput>,
    region: Region | null,
  ): Promise<{ input: ClassifierInput; region: Region | null }>;
  /** Shows a failure: the element adds the load's Retry when there is no model. */
  failed(error: unknown): void;
}

/**
 * The classify pipeline and the result state: a source goes to the core, and its result, if it is
 * still the newest, becomes the result on screen, is announced and fired as `mobilenet-result`.
 * Paints the crop canvas (part `crop`) after each render that shows a new result.
 */
export class ClassifyController implements ReactiveController {
  /** The newest result, with its pixels. */
  result?: ShownResult;
  /**
   * The photo's result that was on screen when the camera turned on: hidden while the camera is on (the
   * preview is all there is to see), and shown again if the camera goes off before a new result.
   */
  private setAside?: ShownResult;
  /** The picture on screen, unless it is a camera frame: classified again when the settings change. */
  private lastSource?: { source: MobilenetSource; origin: MobilenetResult['source'] };
  /** Bumped by every classification: only the newest may render. */
  private latest = 0;
  /** Bumped by every set of pictures, which stops the previous set. */
  private batch = 0;
  private painted?: { canvas: HTMLCanvasElement; result: MobilenetResult };
  private readonly throttle = new AnnounceThrottle();
  private readonly filters = new ClassFilters();

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly notices: Notices,
    private readonly inputs: ClassifyInputs,
  ) {
    host.addController(this);
  }

  hostDisconnected(): void {
    this.latest++;
    this.batch++;
  }

  /** A new result, or a set-aside one back on screen in a new canvas: paint the crop. */
  hostUpdated(): void {
    const canvas = this.host.shadowRoot?.querySelector<HTMLCanvasElement>('[part=crop]');
    const shown = this.shown(false);
    if (!canvas || !shown || (this.painted?.canvas === canvas && this.painted.result === shown)) return;
    canvas.getContext('2d')?.putImageData(shown.pixels, 0, 0);
    this.painted = { canvas, result: shown };
  }

  /** The result on screen: none while the camera is on and the last result is the photo it replaced. */
  shown(cameraOn: boolean): ShownResult | undefined {
    return cameraOn && this.result === this.setAside ? undefined : this.result;
  }

  /** The camera turned on: the photo on screen is put aside until it goes off. */
  cameraTurnedOn(): void {
    if (this.result?.source.kind !== 'camera') this.setAside = this.result;
  }

  cameraTurnedOff(): void {
    this.setAside = undefined;
  }

  /**
   * Classifies a picture; renders the result and fires `mobilenet-result` if no newer picture came
   * meanwhile. A failure is shown (if still current) and rethrown.
   */
  async run(
    source: MobilenetSource,
    origin: MobilenetResult['source'],
    options: { live?: boolean } = {},
  ): Promise<MobilenetResult> {
    const ticket = ++this.latest;
    // A newer source makes this answer stale, and so does stopping the camera a frame came from
    // (the read-back of a frame in flight can finish after stopCamera()).
    const isCurrent = () => ticket === this.latest && (origin.kind !== 'camera' || this.inputs.cameraRunning());
    try {
      checkSource(source, 'classify()');
      const classifier = await this.inputs.classifier();
      const settings = this.inputs.settings();
      const { input, region } = await this.inputs.picture(source, () => readSource(source), settings.region);
      const classified = await classifier.classify(input, { ...this.options(settings, classifier), region });
      const { pixels, features } = classified;
      const result = await this.toResult(classified, origin, settings);
      if (isCurrent()) this.render(result, pixels, source, options.live ?? false, features);
      return result;
    } catch (error) {
      if (isCurrent()) this.inputs.failed(error);
      throw error;
    }
  }

  /**
   * Classifies several files in one model run (the core's `classifyBatch`), with the element's
   * settings; each file settles in its own place. Renders nothing: the results list does.
   */
  async runBatch(files: readonly NamedFile[], kind: SourceKind, signal: AbortSignal): Promise<BatchOutcome[]> {
    const classifier = await this.inputs.classifier();
    const settings = this.inputs.settings();
    const settled = await classifier.classifyBatch(
      files.map((f) => f.file),
      { ...this.options(settings, classifier), batchSize: files.length, signal },
    );
    return Promise.all(
      settled.map(async (s, i): Promise<BatchOutcome> => {
        if (s.status === 'rejected') return s;
        const result = await this.toResult(s.value, { kind, name: files[i]!.name }, settings);
        return { status: 'fulfilled', value: { result, pixels: s.value.pixels } };
      }),
    );
  }

  /** A batch starts: the picture on screen (not the camera's) goes, and so does an error about it. */
  batchStarted(): void {
    this.inputs.picturesGiven();
    this.latest++;
    this.lastSource = undefined;
    if (this.result?.source.kind !== 'camera') this.result = this.setAside = undefined;
    const phase = this.notices.error?.phase;
    if (phase === 'input' || phase === 'inference') this.notices.clearError();
    this.host.requestUpdate();
  }

  /** Classifies a camera frame; never rejects, since a failure is shown already. */
  frame(video: HTMLVideoElement, live = false): Promise<void> {
    return this.run(video, { kind: 'camera' }, { live }).then(
      () => {},
      () => {},
    );
  }

  /** Classifies the pictures the user gave, in order; several get a progress line naming any that failed. */
  async runAll(pictures: GivenPicture[]): Promise<void> {
    const batch = ++this.batch;
    this.inputs.picturesGiven();
    const failed: string[] = [];
    for (const [i, { source, origin }] of pictures.entries()) {
      if (batch !== this.batch) return;
      if (pictures.length > 1)
        this.notices.setProgress(() => this.inputs.t.classifying(i + 1, pictures.length, origin.name));
      else if (this.inputs.modelLoading()) this.notices.setProgress(() => this.inputs.t.waitingForModel());
      try {
        await this.run(source, origin);
      } catch {
        failed.push(origin.name);
      }
    }
    if (batch !== this.batch || pictures.length < 2) {
      if (batch === this.batch) this.notices.setProgress(undefined);
      return;
    }
    // Each failure was shown as it happened, but a later success replaced it: name them all here.
    const { t } = this.inputs;
    this.notices.setProgress(() =>
      failed.length === 0
        ? t.classified(pictures.length)
        : t.classifiedSome(pictures.length - failed.length, pictures.length, failed),
    );
  }

  /**
   * The settings changed: show their effect on the picture on screen (not on a camera frame). Resolves
   * when that is done; never rejects, since a failure is shown already.
   */
  async refresh(): Promise<void> {
    if (!this.lastSource) return;
    const { source, origin } = this.lastSource;
    await this.run(source, origin).catch(() => {});
  }

  /** The core's options for the element's settings; custom classes need the feature vector. */
  private options(settings: ClassifySettings, classifier: Classifier) {
    const custom = settings.mode === 'custom' || settings.mode === 'both';
    return {
      ...this.filters.options(settings, classifier.labels),
      topK: settings.topK,
      crop: settings.crop,
      features: settings.features || custom,
    };
  }

  /** The element's result of a core result: the features only if asked for, and the custom classes. */
  private async toResult(
    { pixels: _, features, ...core }: ClassifyResult,
    origin: MobilenetResult['source'],
    settings: ClassifySettings,
  ): Promise<MobilenetResult> {
    const custom = settings.mode === 'custom' || settings.mode === 'both';
    const translated = await this.inputs.translatedLabels();
    const predictions = core.predictions.map((p) => ({ ...p, label: translated(p.index) ?? p.label }));
    return {
      ...core,
      predictions,
      ...(settings.features ? { features } : {}),
      source: origin,
      ...(custom && features ? { custom: await this.inputs.customPredictions(features) } : {}),
    };
  }

  private render(
    result: MobilenetResult,
    pixels: ImageData,
    source: MobilenetSource,
    live: boolean,
    features?: Float32Array,
  ): void {
    if (result.custom && features) this.inputs.customShown(features, result.custom);
    // The set-aside photo classified again (the settings changed) stays aside.
    const aside =
      this.setAside !== undefined && this.setAside === this.result && result.source === this.lastSource?.origin;
    this.result = { ...result, pixels };
    if (aside) this.setAside = this.result;
    this.lastSource = result.source.kind === 'camera' ? undefined : { source, origin: result.source };
    if (!live || this.notices.error?.phase !== 'camera') this.notices.clearError();
    this.announce(result, live);
    this.host.requestUpdate();
    this.host.dispatchEvent(mobilenetEvent('mobilenet-result', { result }));
  }

  private announce(result: MobilenetResult, live: boolean): void {
    const { t } = this.inputs;
    const none = result.custom && this.inputs.settings().mode === 'custom' && closestUnmatched(result.custom);
    if (none) {
      if (this.throttle.admit('', live)) this.notices.announce(() => t.announceNoneMatch(none.label));
      return;
    }
    const top =
      this.inputs.settings().mode === 'custom'
        ? result.custom?.[0] && { label: result.custom[0].label, probability: result.custom[0].probability }
        : result.predictions[0];
    if (top && this.throttle.admit(top.label, live))
      this.notices.announce(() => t.announceResult(top.label, top.probability));
    // Every prediction was under min-probability.
    else if (!top && this.throttle.admit('', live)) {
      const { minProbability } = this.inputs.settings();
      this.notices.announce(() => t.notSure(minProbability));
    }
  }
}
