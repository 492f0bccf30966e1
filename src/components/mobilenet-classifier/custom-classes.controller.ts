import type { ReactiveController, ReactiveControllerHost } from 'lit';
import {
  checkLimits,
  customClassError,
  DEFAULT_K,
  DEFAULT_MIN_SIMILARITY,
  headNotReady,
  KnnIndex,
  modelIdentity,
  normaliseLabel,
  parseClassesFile,
  predictWithHead,
  toClassesFile,
  type ClassesFile,
  type CustomClass,
  type CustomPrediction,
  type LoadedSet,
  type ModelIdentity,
  type SetChange,
  type SoftmaxHead,
} from '../../custom';
import { mobilenetEvent, type ClassesChangeReason } from '../../events';
import type { Localizer, Terms } from '../../i18n';
import { type ClassifierInput } from '../../model';
import { ClassesStorage } from './custom-classes.storage';
import { damagedError, setChangedError } from './errors';
import type { Phrase } from './notices';

/** What the element shows: the ImageNet classes, the user's own, or both. */
export type CustomMode = 'imagenet' | 'custom' | 'both';
export const CUSTOM_MODES: readonly CustomMode[] = ['imagenet', 'custom', 'both'];

/** The controllers of the elements on the page, so that "Forget everything" empties them all. */
const connected = new Set<CustomClassesController>();

/** What the controller needs from the element. */
export interface CustomClassesHost {
  /** The element's strings, in its language. */
  t: Terms;
  /** Words errors in the element's language. */
  l: Localizer;
  /** The feature vector of a picture, cropped as the element crops. */
  embed(source: ClassifierInput): Promise<Float32Array>;
  /** The camera preview when the camera is on, else undefined. */
  cameraVideo(): HTMLVideoElement | undefined;
  /** Shows the error in the element and fires `mobilenet-error` (phase `custom` for a CustomClassError). */
  showError(error: unknown): void;
  /** Takes down a `custom` error shown earlier, after something worked. */
  clearCustomError(): void;
  /** Says something to screen-reader users (the element's polite live region), worded when said. */
  announce(text: Phrase): void;
  /** An imported file brought the threshold its classes were used with: the element takes it. */
  adoptThreshold(minSimilarity: number): void;
}

/** What interrupts work on the classes (training, recording): they changed, the set switched, or all were forgotten. */
export type Interruption = 'changed' | 'switched' | 'forgotten';

interface Undo {
  message: Phrase;
  classes: CustomClass[];
  head?: SoftmaxHead;
}

/**
 * The custom classes of one `<mobilenet-classifier>`: the examples taught for the current model, k-NN
 * and the optional softmax head over them, and every change to them, kept in IndexedDB by
 * {@link ClassesStorage}. The panel's longer actions (training, recording, uploads) are in
 * TeachPanelController, which hears of changes through {@link onInterrupt}.
 *
 * Examples are kept per (classes key, model content hash); {@link setModel} switches to the set of
 * a newly loaded model. Every change is saved at once, so a reload right after keeps it.
 */
export class CustomClassesController implements ReactiveController {
  /** The classes, in the order they were added. Replaced (never mutated) on every change. */
  classes: readonly CustomClass[] = [];
  /** A softmax head trained on exactly {@link classes}; dropped when they change. */
  head?: SoftmaxHead;
  /** A head was dropped because the examples changed since it was trained. */
  headStale = false;
  /** The last destructive change, which the UI offers to undo. */
  undo?: Undo;
  /** The custom predictions on screen, recomputed when the classes change. */
  shown?: CustomPrediction[];
  /** The similarity from which a picture matches a class (the element's `min-similarity`). */
  minSimilarity = DEFAULT_MIN_SIMILARITY;
  /** Called when work on the classes must stop (set by the panel's controller). */
  onInterrupt?: (why: Interruption) => void;

  private readonly storage = new ClassesStorage({
    read: (set, why) => this.read(set, why),
    failed: (error) => {
      this.element.showError(error);
      this.host.requestUpdate();
    },
  });
  private index?: KnnIndex;
  private shownFeatures?: Float32Array;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    readonly element: CustomClassesHost,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    connected.add(this);
    this.storage.listen();
  }

  hostDisconnected(): void {
    connected.delete(this);
    this.storage.stopListening();
  }

  requestUpdate(): void {
    this.host.requestUpdate();
  }

  /** Whether the classes are kept in IndexedDB, and if not, why (undefined while the store opens). */
  get storageStatus(): { kept: boolean; why?: unknown } {
    return this.storage.storage;
  }

  /**
   * Which set of classes is current: an example read (embedded) under one set is added only if the set
   * is still current (see {@link add}).
   */
  get set(): number {
    return this.storage.generation;
  }

  /** The number of examples of every class together. */
  get exampleCount(): number {
    return this.classes.reduce((sum, c) => sum + c.examples.length, 0);
  }

  /** Why a head cannot be trained now, or undefined when it can. */
  get trainBlocker(): Error | undefined {
    return headNotReady(this.classes);
  }

  /**
   * Switches to the classes of this model under this key, read from IndexedDB. `metadata` is the
   * loaded classifier's; undefined while no model is loaded.
   */
  setModel(metadata: Readonly<Record<string, unknown>> | undefined, key = this.storage.key): void {
    const model = metadata ? modelIdentity(metadata) : undefined;
    if (!this.storage.switchTo(model, key)) return;
    this.onInterrupt?.('switched');
    Object.assign(this, { classes: [], head: undefined, headStale: false, undo: undefined });
    this.shown = this.shownFeatures = this.index = undefined;
    this.host.requestUpdate();
  }

  /** Starts loading the stored classes of the current model, now and for every later model. */
  want(): void {
    this.storage.want();
  }

  /** The model could not be loaded: whoever waits for the classes is released (and told there is no model). */
  modelFailed(): void {
    this.storage.modelFailed();
  }

  /** Resolves once the classes of the current model are loaded (waits for a model if none is). */
  whenLoaded(): Promise<void> {
    return this.storage.whenLoaded();
  }

  /**
   * The user's classes for one feature vector, most likely first; [] while no class has an example.
   * Uses the trained head when there is one, k-NN otherwise; `similarity` is always k-NN's.
   */
  predict(features: Float32Array): CustomPrediction[] {
    this.index ??= new KnnIndex(this.classes);
    if (this.index.size === 0) return [];
    const knn = this.index.predict(features, DEFAULT_K, this.minSimilarity);
    const head = this.head;
    if (!head) return knn;
    const probabilities = predictWithHead(head, features);
    return knn
      .map((p) => {
        const i = head.labels.indexOf(p.label);
        return { ...p, probability: i < 0 ? 0 : probabilities[i], method: 'head' as const };
      })
      .sort((a, b) => b.probability - a.probability || b.similarity - a.similarity);
  }

  /** Changes the threshold of `match`; the predictions on screen follow. */
  setThreshold(minSimilarity: number): void {
    if (minSimilarity === this.minSimilarity) return;
    this.minSimilarity = minSimilarity;
    this.refreshShown();
    this.host.requestUpdate();
  }

  /** Keeps the features of the picture on screen, so that its custom predictions follow later changes. */
  show(features: Float32Array, predictions: CustomPrediction[]): void {
    this.shownFeatures = features;
    this.shown = predictions;
  }

  /**
   * Adds examples to a class, creating it if needed. Returns the class's number of examples.
   *
   * @param set the {@link set} the examples were read under: when the classes key or the model changed
   *   meanwhile, they are refused rather than added to the new set.
   */
  async add(label: string, vectors: Float32Array[], set = this.set): Promise<number> {
    const name = normaliseLabel(label);
    const model = await this.currentModel();
    if (set !== this.set) throw setChangedError(name);
    for (const vector of vectors) {
      if (vector.length !== model.featureSize) {
        throw customClassError('vector', 'vector-length', { length: vector.length, expected: model.featureSize });
      }
    }
    const existing = this.classes.find((c) => c.label === name);
    const updated = existing
      ? this.classes.map((c) => (c === existing ? { label: c.label, examples: [...c.examples, ...vectors] } : c))
      : [...this.classes, { label: name, examples: vectors }];
    await this.commit(updated, 'add', { change: { type: 'add', label: name, examples: vectors } });
    return updated.find((c) => c.label === name)!.examples.length;
  }

  /** Adds a class with no examples yet. */
  async addClass(label: string): Promise<void> {
    const name = normaliseLabel(label);
    await this.currentModel();
    if (this.classes.some((c) => c.label === name)) throw customClassError('label', 'class-exists', { label: name });
    await this.commit([...this.classes, { label: name, examples: [] }], 'add', {
      change: { type: 'add', label: name, examples: [] },
    });
  }

  async rename(from: string, to: string): Promise<void> {
    const name = normaliseLabel(to);
    await this.currentModel();
    if (!this.classes.some((c) => c.label === from)) throw customClassError('label', 'class-missing', { label: from });
    if (name === from) return;
    if (this.classes.some((c) => c.label === name)) throw customClassError('label', 'class-exists', { label: name });
    const head = this.head && { ...this.head, labels: this.head.labels.map((l) => (l === from ? name : l)) };
    await this.commit(
      this.classes.map((c) => (c.label === from ? { label: name, examples: c.examples } : c)),
      'rename',
      { keepHead: head, change: { type: 'rename', from, to: name } },
    );
  }

  /** Deletes a class and its examples. Returns false when there was no such class. */
  async remove(label: string): Promise<boolean> {
    await this.currentModel();
    const gone = this.classes.find((c) => c.label === label);
    if (!gone) return false;
    const { t } = this.element;
    const undo = {
      message: () => t.deletedClass(gone.label, gone.examples.length),
      classes: [...this.classes],
      head: this.head,
    };
    await this.commit(
      this.classes.filter((c) => c !== gone),
      'remove',
      { undo, change: { type: 'remove', label } },
    );
    return true;
  }

  /** Deletes every class of this model under this key. */
  async clear(): Promise<void> {
    await this.currentModel();
    if (!this.classes.length) return;
    const { t } = this.element;
    const count = this.classes.length;
    const undo = {
      message: () => t.deletedClasses(count),
      classes: [...this.classes],
      head: this.head,
    };
    await this.commit([], 'clear', { undo });
  }

  /** The export file of the current classes, with their trained head and the threshold in use. */
  async export(): Promise<ClassesFile> {
    return toClassesFile(this.classes, await this.currentModel(), {
      head: this.head,
      minSimilarity: this.minSimilarity,
    });
  }

  /**
   * Imports an export file: replaces the classes (and the head, when the file has one), or with
   * `merge` adds its examples to the classes of the same name (a merge changes the classes, so no
   * head is kept). The file's threshold goes to the element. A bad file changes nothing.
   *
   * @throws CustomClassError saying what is wrong with the file.
   */
  async import(file: unknown, merge = false): Promise<void> {
    const model = await this.currentModel();
    const parsed = parseClassesFile(file, model);
    const imported = parsed.classes;
    let classes = imported;
    if (merge) {
      classes = this.classes.map((c) => {
        const more = imported.find((i) => i.label === c.label);
        return more ? { label: c.label, examples: [...c.examples, ...more.examples] } : c;
      });
      classes.push(...imported.filter((i) => !this.classes.some((c) => c.label === i.label)));
    }
    const total = imported.reduce((sum, c) => sum + c.examples.length, 0);
    const { t } = this.element;
    const summary = () => t.imported(imported.length, total);
    const undo = this.classes.length ? { message: summary, classes: [...this.classes], head: this.head } : undefined;
    const keepHead = merge && this.classes.length ? undefined : parsed.head;
    await this.commit(classes, 'import', { undo, keepHead });
    if (parsed.minSimilarity !== undefined) this.element.adoptThreshold(parsed.minSimilarity);
    this.element.announce(summary);
  }

  async undoLast(): Promise<void> {
    const undo = this.undo;
    if (!undo) return;
    // What was deleted comes back, merged into what is stored now: examples another tab added meanwhile stay.
    const now = new Map(this.classes.map((c) => [c.label, c]));
    const restored = undo.classes.map((c) => now.get(c.label) ?? c);
    restored.push(...this.classes.filter((c) => !undo.classes.some((u) => u.label === c.label)));
    await this.commit(restored, 'undo', { keepHead: undo.head });
  }

  /** Deletes every class kept in this browser, for every model and key, and the classes in memory. */
  async forgetEverything(): Promise<void> {
    // The other elements of the page forget too, or their next save would write their classes back.
    const everyone = new Set([this, ...connected]);
    for (const controller of everyone) {
      controller.onInterrupt?.('forgotten');
      if (controller.storage.model) await controller.commit([], 'forget', { save: false });
    }
    // A failure is shown by the caller (the panel's button or forgetAllClasses()), once.
    await Promise.all([...everyone].map((controller) => controller.storage.settled()));
    await this.storage.forgetAll();
    this.element.announce(() => this.element.t.forgotten());
  }

  /**
   * Makes `head`, trained on `trainedOn` (still the current classes: any change interrupts training),
   * the head that ranks the classes, and keeps it.
   */
  async adoptHead(head: SoftmaxHead, trainedOn: readonly CustomClass[]): Promise<void> {
    this.head = head;
    this.headStale = false;
    this.refreshShown();
    this.host.requestUpdate();
    await this.storage.saveHead(head, trainedOn).catch(() => {});
  }

  /** The model the classes belong to, once loaded. */
  async currentModel(): Promise<ModelIdentity> {
    await this.whenLoaded();
    const model = this.storage.model;
    if (!model) throw customClassError('label', 'model-not-loaded', {});
    return model;
  }

  /** The stored set was read: for a new model, or again after another element or tab changed it. */
  private read(set: LoadedSet | undefined, why: 'load' | 'sync'): void {
    const classes = set?.classes ?? [];
    if (why === 'sync') {
      if (sameCounts(classes, this.classes) && Boolean(set?.head) === Boolean(this.head)) return;
      this.onInterrupt?.('changed');
      this.undo = undefined;
    }
    this.classes = classes;
    this.head = set?.head;
    if (why === 'load' && set?.damaged.length) this.element.showError(damagedError(set.damaged));
    this.refreshShown();
    this.host.requestUpdate();
    this.fireChange(why, why === 'sync' ? true : this.storage.storage.kept);
  }

  /**
   * Makes `classes` the current classes: drops the head (unless told which to keep), interrupts
   * training, updates what is shown and saves `change` (the same change, as an operation on what is
   * stored, so that another tab's changes meanwhile are kept); then fires `mobilenet-classes-change`,
   * once the write has committed. Without `change` the whole set replaces what is stored.
   */
  private async commit(
    classes: CustomClass[],
    reason: ClassesChangeReason,
    options: { undo?: Undo; keepHead?: SoftmaxHead; save?: boolean; change?: SetChange } = {},
  ): Promise<void> {
    checkLimits(classes);
    this.onInterrupt?.('changed');
    // "Train again" is offered while a head was dropped by a change and there is still something to train on.
    this.headStale = !options.keepHead && classes.length > 0 && (this.head !== undefined || this.headStale);
    this.head = options.keepHead;
    this.classes = classes;
    this.undo = options.undo;
    this.refreshShown();
    this.element.clearCustomError();
    this.host.requestUpdate();
    if (!(options.save ?? true) || !this.storage.canStore) {
      this.fireChange(reason, false);
      return;
    }
    const change = options.change ?? { type: 'replace', classes };
    const head = options.keepHead && { head: options.keepHead, classes };
    this.fireChange(reason, await this.storage.save(change, head));
  }

  private refreshShown(): void {
    this.index = undefined;
    if (this.shownFeatures) this.shown = this.predict(this.shownFeatures);
  }

  private fireChange(reason: ClassesChangeReason, persisted: boolean): void {
    this.host.dispatchEvent(
      mobilenetEvent('mobilenet-classes-change', {
        reason,
        classes: this.classes.map((c) => ({ label: c.label, examples: c.examples.length })),
        persisted,
      }),
    );
  }
}

/** Whether two sets have the same classes, in the same order, with the same numbers of examples. */
function sameCounts(a: readonly CustomClass[], b: readonly CustomClass[]): boolean {
  return (
    a.length === b.length && a.every((c, i) => c.label === b[i]!.label && c.examples.length === b[i]!.examples.length)
  );
}
