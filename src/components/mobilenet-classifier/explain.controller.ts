import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { mobilenetEvent, type MobilenetExplanation } from '../../events';
import type { Terms } from '../../i18n';
import { classifierError, hottestArea, type Classifier } from '../../model';
import type { ShownResult } from './classify.controller';
import { explainSummary } from './explain-summary';
import { LatestOnly } from './latest-only';
import type { PredictionPicker } from './results.template';

/** Cells per side of the element's heat map: 49 greyed copies, one model run. */
export const EXPLAIN_GRID = 7;

/** What the explanation needs from the element. */
export interface ExplainInputs {
  /** The element's strings, in its language. */
  t: Terms;
  classifier(): Promise<Classifier>;
  /** The name of ImageNet class `index` from `labels-url`; undefined: the model's own. */
  labelOf(index: number): string | undefined;
  /** Whether the element shows explanations (its `explain` attribute). */
  enabled(): boolean;
  /** The result on screen, with the 96×96 pixels the model saw. */
  shown(): ShownResult | undefined;
  /** Whether camera frames are classified continuously: then explanations wait for the user to ask. */
  live(): boolean;
  /** Says something to screen-reader users, worded when said. */
  announce(text: () => string): void;
  failed(error: unknown): void;
}

/** An explanation on screen: of which result, and of which pixels. */
export interface ShownExplanation {
  result: ShownResult;
  value: MobilenetExplanation;
  pixels: ImageData;
}

/**
 * The heat map over the crop (attribute `explain`): explains the result on screen by occlusion, for
 * its top class or the one the user picked in the list, one run at a time and only for the newest
 * result. In live mode it waits for the user to ask (a button), since every frame is a new result.
 * Paints the heat (part `heat`) and, for a camera frame, the frame explained.
 */
export class ExplainController implements ReactiveController {
  explanation?: ShownExplanation;
  /** The class the user picked in the list; undefined: the top class. */
  selected?: number;
  /** Whether an explanation is being computed. */
  working = false;
  /** The result the pick belongs to: a new picture starts again from its top class. */
  private pickedFor?: ShownResult['source'];
  /** Whether the next explanation is announced (the user asked for it). */
  private announceNext = false;
  /** The result and class whose explanation failed: not tried again on its own (the user may ask). */
  private failedFor?: { result: ShownResult; classIndex?: number };
  private painted = new WeakMap<HTMLCanvasElement, ImageData>();
  private readonly runs = new LatestOnly(() => this.explainShown());

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly inputs: ExplainInputs,
  ) {
    host.addController(this);
  }

  hostDisconnected(): void {
    this.explanation = undefined;
  }

  hostUpdated(): void {
    const shown = this.inputs.shown();
    if (shown && shown.source !== this.pickedFor && shown.source.kind !== 'camera') this.selected = undefined;
    if (shown) this.pickedFor = shown.source;
    // After this update, not in it: the run asks for renders of its own.
    if (this.inputs.enabled() && shown && !this.inputs.live() && !this.isExplained(shown))
      queueMicrotask(() => void this.runs.request());
    this.paint();
  }

  /** The element's strings, for the explanation's template. */
  get t(): Terms {
    return this.inputs.t;
  }

  /** The class the list shows as picked: the one explained, or about to be. */
  get picked(): number | undefined {
    return this.selected ?? this.explanation?.value.classIndex;
  }

  /** The predictions list's picker: which class is picked, and what picking one does. */
  get picker(): PredictionPicker {
    return { picked: this.picked, pick: (classIndex) => this.ask(classIndex) };
  }

  /** The user picked a class in the list, or asked to explain the frame on screen: explain it now. */
  ask(classIndex?: number): void {
    if (classIndex !== undefined) this.selected = classIndex;
    this.announceNext = true;
    this.host.requestUpdate();
    void this.runs.request();
  }

  /**
   * Explains the result on screen for `classIndex` (default: the picked class, else the top one), shows
   * it when the element has `explain`, and fires `mobilenet-explain`.
   *
   * @throws ClassifierError when no picture is on screen; RangeError for a bad `classIndex`.
   */
  async explain(classIndex?: number): Promise<MobilenetExplanation> {
    const shown = this.inputs.shown();
    if (!shown) throw classifierError('input', 'explain-nothing', { method: 'explainResult()' });
    if (classIndex !== undefined && this.inputs.enabled()) this.selected = classIndex;
    return this.run(shown, classIndex ?? this.selected);
  }

  private isExplained(shown: ShownResult): boolean {
    const done = this.explanation;
    return (
      done !== undefined &&
      done.result === shown &&
      (this.selected === undefined || done.value.classIndex === this.selected)
    );
  }

  /** One auto or asked run: the newest result on screen, unless it is explained already. */
  private async explainShown(): Promise<void> {
    const shown = this.inputs.shown();
    if (!shown || !this.inputs.enabled() || this.isExplained(shown)) return;
    const failed = this.failedFor;
    if (!this.announceNext && failed?.result === shown && failed.classIndex === this.selected) return;
    await this.run(shown, this.selected).catch(() => (this.failedFor = { result: shown, classIndex: this.selected }));
  }

  private async run(shown: ShownResult, classIndex: number | undefined): Promise<MobilenetExplanation> {
    this.working = true;
    this.host.requestUpdate();
    try {
      const classifier = await this.inputs.classifier();
      const { pixels, ...core } = await classifier.explain(shown.pixels, { classIndex, grid: EXPLAIN_GRID });
      const label = this.inputs.labelOf(core.classIndex) ?? core.label;
      const value: MobilenetExplanation = { ...core, label, area: hottestArea(core.heat, core.grid) };
      // A photo replaced meanwhile is not explained on screen; a live frame is, next to the crop.
      const current = this.inputs.shown();
      if (this.inputs.enabled() && (current === shown || shown.source.kind === 'camera')) {
        this.explanation = { result: shown, value, pixels };
        if (this.announceNext) this.inputs.announce(() => explainSummary(this.inputs.t, value));
        this.announceNext = false;
      }
      this.host.dispatchEvent(mobilenetEvent('mobilenet-explain', { explanation: value }));
      return value;
    } catch (error) {
      this.inputs.failed(error);
      throw error;
    } finally {
      this.working = false;
      this.host.requestUpdate();
    }
  }

  /** Paints the heat of the explanation on screen, and the frame it explains when that is not the crop. */
  private paint(): void {
    const done = this.explanation;
    const root = this.host.shadowRoot;
    if (!done || !root) return;
    const heat = root.querySelector<HTMLCanvasElement>('[part=heat]');
    if (heat) this.paintOnce(heat, () => heatImage(done.value.heat, done.value.grid));
    const frame = root.querySelector<HTMLCanvasElement>('canvas.explained-frame');
    if (frame) this.paintOnce(frame, () => done.pixels);
  }

  private paintOnce(canvas: HTMLCanvasElement, image: () => ImageData): void {
    const done = this.explanation!;
    const key = done.pixels;
    if (this.painted.get(canvas) === key && canvas.dataset.classIndex === String(done.value.classIndex)) return;
    const data = image();
    canvas.width = data.width;
    canvas.height = data.height;
    canvas.getContext('2d')?.putImageData(data, 0, 0);
    canvas.dataset.classIndex = String(done.value.classIndex);
    this.painted.set(canvas, key);
  }
}

/**
 * The heat as a `grid` × `grid` image, one pixel per cell: clear where a cell does not support the
 * class, from pale yellow to opaque red as it matters more (relative to the cell that matters most).
 */
export function heatImage(heat: Float32Array, grid: number): ImageData {
  const image = new ImageData(grid, grid);
  const top = Math.max(0, ...heat);
  for (let cell = 0; cell < grid * grid; cell++) {
    const t = top > 0 ? Math.max(0, heat[cell]!) / top : 0;
    image.data.set([255, Math.round(220 * (1 - t)), 0, t > 0 ? Math.round(255 * (0.15 + 0.6 * t)) : 0], cell * 4);
  }
  return image;
}
