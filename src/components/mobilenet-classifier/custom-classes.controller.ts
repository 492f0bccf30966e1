import type { ReactiveController, ReactiveControllerHost } from 'lit';
import {
  checkLimits,
  CustomClassError,
  ClassStore,
  ClassesSync,
  headNotReadyReason,
  KnnIndex,
  MAX_FILE_CHARS,
  modelIdentity,
  normaliseLabel,
  parseClassesFile,
  predictWithHead,
  toClassesFile,
  trainSoftmaxHead,
  type CustomClass,
  type CustomPrediction,
  type ClassesFile,
  type ModelIdentity,
  type SetChange,
  type SetChanged,
  type SoftmaxHead,
} from '../../custom';
import { mobilenetEvent, type ClassesChangeReason } from '../../events';
import { isAbortError, type ClassifierInput } from '../../model';

/** What the element shows: the ImageNet classes, the user's own, or both. */
export type CustomMode = 'imagenet' | 'custom' | 'both';
export const CUSTOM_MODES: readonly CustomMode[] = ['imagenet', 'custom', 'both'];

/** Camera frames taken per second while "Hold to record" is held. */
const RECORD_FPS = 5;

/** One connection for every element of the page. */
const store = new ClassStore();
/** Changes committed by one element reach the others with the same key and model, here and in other tabs. */
const sync = new ClassesSync();
/** The controllers of the elements on the page, so that "Forget everything" empties them all. */
const connected = new Set<CustomClassesController>();

/** What the controller needs from the element. */
export interface CustomClassesHost {
  /** The feature vector of a picture, cropped as the element crops. */
  embed(source: ClassifierInput): Promise<Float32Array>;
  /** The camera preview when the camera is on, else undefined. */
  cameraVideo(): HTMLVideoElement | undefined;
  /** Shows the error in the element and fires `mobilenet-error` (phase `custom` for an CustomClassError). */
  showError(error: unknown): void;
  /** Takes down a `custom` error shown earlier, after something worked. */
  clearCustomError(): void;
  /** Says something to screen-reader users (the element's polite live region). */
  announce(text: string): void;
}

interface Undo {
  message: string;
  classes: CustomClass[];
  head?: SoftmaxHead;
}

/**
 * The custom classes of one `<mobilenet-classifier>`: the examples taught for the current model,
 * k-NN and the optional softmax head over them, their IndexedDB copy, training, recording from
 * the camera, and the state of the teaching UI (see custom-classes.template.ts).
 *
 * Examples are kept per (examples key, model content hash); {@link setModel} switches to the set of
 * a newly loaded model. Every change is saved at once, so a reload right after keeps it.
 */
export class CustomClassesController implements ReactiveController {
  /** The classes, in the order they were added. Replaced (never mutated) on every change. */
  classes: readonly CustomClass[] = [];
  /** A softmax head trained on exactly {@link classes}; dropped when they change. */
  head?: SoftmaxHead;
  /** A head was dropped because the examples changed since it was trained. */
  headStale = false;
  /** Whether the classes are kept in IndexedDB, and if not, why. */
  storage: { kept: boolean; note?: string } = { kept: false };
  training?: { fraction: number; controller: AbortController };
  /** The class the camera is recording into while "Hold to record" is held. */
  recording?: string;
  /** The last destructive change, which the UI offers to undo. */
  undo?: Undo;
  /** The custom predictions on screen, recomputed when the classes change. */
  shown?: CustomPrediction[];
  /** UI: the class whose name is being edited. */
  renaming?: string;
  /** UI: "Forget everything" was pressed once and waits for confirmation. */
  confirmingForget = false;
  /** UI: what uploads into a class are doing. */
  uploadLine = '';

  private model?: ModelIdentity;
  private key = 'default';
  /** Bumped when the model or key changes: work for the previous set is dropped. */
  private generation = 0;
  private loaded!: Promise<void>;
  private markLoaded!: () => void;
  private index?: KnnIndex;
  private shownFeatures?: Float32Array;
  /** Writes and re-reads of the stored set, one at a time, in order. */
  private queue: Promise<unknown> = Promise.resolve();
  private readonly onStoredChange = (change: SetChanged) => this.storedChanged(change);
  private unsubscribe?: () => void;
  /** Own writes queued and not yet committed: what another tab stored is read again only after them. */
  private writesPending = 0;
  /** Another element or tab changed the stored set while own writes were pending. */
  private staleChange?: SetChanged;
  private loadPending = false;
  /** True once custom classes were used: stored sets are then loaded for every model. */
  private wanted = false;
  /** The set to load when custom classes are first used. */
  private deferred?: { model: ModelIdentity; key: string; generation: number };

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly element: CustomClassesHost,
  ) {
    host.addController(this);
    this.resetLoaded();
  }

  hostConnected(): void {
    connected.add(this);
    this.unsubscribe ??= sync.subscribe(this.onStoredChange);
  }

  hostDisconnected(): void {
    connected.delete(this);
    this.unsubscribe?.();
    this.unsubscribe = undefined;
    this.stopRecording();
    this.training?.controller.abort();
  }

  /** Shows a failed action's error in the element, except a cancellation, which is no failure. */
  report(error: unknown): void {
    if (!isAbortError(error)) this.element.showError(error);
  }

  requestUpdate(): void {
    this.host.requestUpdate();
  }

  /**
   * Which set of classes is current: an example read (embedded) under one set is added only if the set
   * is still current (see {@link add}).
   */
  get set(): number {
    return this.generation;
  }

  /** The number of examples of every class together. */
  get exampleCount(): number {
    return this.classes.reduce((sum, c) => sum + c.examples.length, 0);
  }

  /** Why a head cannot be trained now, or undefined when it can. */
  get trainBlocker(): string | undefined {
    return headNotReadyReason(this.classes);
  }

  /**
   * Switches to the classes of this model under this key, read from IndexedDB. `metadata` is the
   * loaded classifier's; undefined while no model is loaded.
   */
  setModel(metadata: Readonly<Record<string, unknown>> | undefined, key = this.key): void {
    const model = metadata ? modelIdentity(metadata) : undefined;
    if (model && this.model && key === this.key && sameModel(model, this.model)) return;
    this.generation++;
    this.stopRecording();
    this.training?.controller.abort();
    Object.assign(this, {
      model,
      key,
      classes: [],
      head: undefined,
      headStale: false,
      undo: undefined,
      renaming: undefined,
    });
    this.shown = this.shownFeatures = this.index = undefined;
    this.host.requestUpdate();
    this.resetLoaded();
    // IndexedDB is opened only once custom classes are used (custom or both mode, or a method call):
    // an element in imagenet mode stores nothing.
    this.deferred = model ? { model, key, generation: this.generation } : undefined;
    if (this.wanted) this.want();
  }

  /** Starts loading the stored classes of the current model, now and for every later model. */
  want(): void {
    this.wanted = true;
    const deferred = this.deferred;
    this.deferred = undefined;
    if (deferred) void this.load(deferred.model, deferred.key, deferred.generation);
  }

  /** The model could not be loaded: whoever waits for the classes is released (and told there is no model). */
  modelFailed(): void {
    this.deferred = undefined;
    this.markLoaded();
  }

  /** Resolves once the classes of the current model are loaded (waits for a model if none is). */
  whenLoaded(): Promise<void> {
    this.want();
    return this.loaded;
  }

  /**
   * The user's classes for one feature vector, most likely first; [] while no class has an example.
   * Uses the trained head when there is one, k-NN otherwise; `similarity` is always k-NN's.
   */
  predict(features: Float32Array): CustomPrediction[] {
    this.index ??= new KnnIndex(this.classes);
    if (this.index.size === 0) return [];
    const knn = this.index.predict(features);
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

  /** Keeps the features of the picture on screen, so that its custom predictions follow later changes. */
  show(features: Float32Array, predictions: CustomPrediction[]): void {
    this.shownFeatures = features;
    this.shown = predictions;
  }

  /**
   * Adds examples to a class, creating it if needed. Returns the class's number of examples.
   *
   * @param set the {@link set} the examples were read under: when the examples key or the model changed
   *   meanwhile, they are refused rather than added to the new set.
   */
  async add(label: string, vectors: Float32Array[], set = this.generation): Promise<number> {
    const name = normaliseLabel(label);
    const model = await this.currentModel();
    if (set !== this.generation) throw setChangedError(name);
    for (const vector of vectors) {
      if (vector.length !== model.featureSize) {
        throw new CustomClassError(
          'vector',
          `A feature vector of ${vector.length} values cannot be added: this model's have ${model.featureSize}.`,
        );
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
    if (this.classes.some((c) => c.label === name))
      throw new CustomClassError('label', `There is already a class called "${name}".`);
    await this.commit([...this.classes, { label: name, examples: [] }], 'add', {
      change: { type: 'add', label: name, examples: [] },
    });
  }

  async rename(from: string, to: string): Promise<void> {
    const name = normaliseLabel(to);
    await this.currentModel();
    if (!this.classes.some((c) => c.label === from))
      throw new CustomClassError('label', `There is no class called "${from}".`);
    if (name === from) return;
    if (this.classes.some((c) => c.label === name))
      throw new CustomClassError('label', `There is already a class called "${name}".`);
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
    const undo = {
      message: `Deleted "${gone.label}" (${plural(gone.examples.length, 'example')}).`,
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
    const undo = {
      message: `Deleted ${plural(this.classes.length, 'class', 'classes')}.`,
      classes: [...this.classes],
      head: this.head,
    };
    await this.commit([], 'clear', { undo });
  }

  /** The export file of the current classes. */
  async export(): Promise<ClassesFile> {
    return toClassesFile(this.classes, await this.currentModel());
  }

  /**
   * Imports an export file: replaces the classes, or with `merge` adds its examples to the classes of
   * the same name. A bad file changes nothing.
   *
   * @throws CustomClassError saying what is wrong with the file.
   */
  async import(file: unknown, merge = false): Promise<void> {
    const model = await this.currentModel();
    const imported = parseClassesFile(file, model);
    let classes = imported;
    if (merge) {
      classes = this.classes.map((c) => {
        const more = imported.find((i) => i.label === c.label);
        return more ? { label: c.label, examples: [...c.examples, ...more.examples] } : c;
      });
      classes.push(...imported.filter((i) => !this.classes.some((c) => c.label === i.label)));
    }
    const total = imported.reduce((sum, c) => sum + c.examples.length, 0);
    const undo = this.classes.length
      ? {
          message: `Imported ${plural(imported.length, 'class', 'classes')} with ${plural(total, 'example')}.`,
          classes: [...this.classes],
          head: this.head,
        }
      : undefined;
    await this.commit(classes, 'import', { undo });
    this.element.announce(`Imported ${plural(imported.length, 'class', 'classes')} with ${plural(total, 'example')}.`);
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
      controller.stopRecording();
      controller.training?.controller.abort();
      controller.confirmingForget = false;
      if (controller.model) await controller.commit([], 'forget', { save: false });
    }
    // A failure is shown by the caller (the panel's button or forgetAllClasses()), once.
    await Promise.all([...everyone].map((controller) => controller.queue));
    await store.forgetAll();
    // Other tabs forget too.
    sync.announce({}, this.onStoredChange);
    this.element.announce('Every class kept in this browser was forgotten.');
  }

  /**
   * Trains a softmax head on the examples, on the page's tf.js backend, reporting progress in
   * {@link training}. A change of the examples, {@link cancelTraining} or `signal` stops it.
   *
   * @throws CustomClassError when there are not enough examples; an AbortError when stopped.
   */
  async train(signal?: AbortSignal): Promise<void> {
    await this.currentModel();
    if (this.training)
      throw new CustomClassError('training', 'A head is already being trained: wait for it or cancel it.');
    const blocker = this.trainBlocker;
    if (blocker) throw new CustomClassError('training', blocker);
    const controller = new AbortController();
    const stop = () => controller.abort(signal?.reason);
    signal?.addEventListener('abort', stop, { once: true });
    if (signal?.aborted) stop();
    const classes = this.classes;
    this.training = { fraction: 0, controller };
    this.host.requestUpdate();
    try {
      const head = await trainSoftmaxHead(classes, {
        signal: controller.signal,
        onProgress: ({ fraction }) => {
          if (this.training?.controller !== controller) return;
          this.training = { fraction, controller };
          this.host.requestUpdate();
        },
      });
      // commit() aborts training when the classes change, so these are still the classes trained on.
      controller.signal.throwIfAborted();
      this.head = head;
      this.headStale = false;
      this.refreshShown();
      this.element.announce(`Trained on ${plural(this.exampleCount, 'example')}.`);
      const trainedOn = Object.fromEntries(classes.map((c) => [c.label, c.examples.length]));
      await this.write({ type: 'head', head, trainedOn }).catch(() => {});
    } catch (error) {
      if (isAbortError(error) || controller.signal.aborted) this.element.announce('Training stopped.');
      throw error;
    } finally {
      signal?.removeEventListener('abort', stop);
      if (this.training?.controller === controller) this.training = undefined;
      this.host.requestUpdate();
    }
  }

  cancelTraining(): void {
    this.training?.controller.abort(new DOMException('Training was cancelled.', 'AbortError'));
  }

  /**
   * Adds camera frames to `label` while held: one every 1/{@link RECORD_FPS} s, until
   * {@link stopRecording}. Frames never overlap: a slow one delays the next.
   */
  async startRecording(label: string): Promise<void> {
    if (this.recording) return;
    const video = this.element.cameraVideo();
    if (!video) {
      this.element.showError(
        new CustomClassError('label', 'Turn the camera on to record examples, or use Add images.'),
      );
      return;
    }
    this.recording = label;
    this.host.requestUpdate();
    const generation = this.generation;
    while (this.recording === label && generation === this.generation) {
      const started = performance.now();
      try {
        const set = this.generation;
        const vector = await this.element.embed(video);
        // Released (or switched model) while this frame was read: it is not kept, so that nothing is added after release.
        if (this.recording !== label || generation !== this.generation) break;
        await this.add(label, [vector], set);
      } catch (error) {
        this.element.showError(error);
        break;
      }
      const wait = 1000 / RECORD_FPS - (performance.now() - started);
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    }
    if (this.recording === label) this.stopRecording();
  }

  stopRecording(): void {
    if (this.recording === undefined) return;
    const label = this.recording;
    this.recording = undefined;
    this.host.requestUpdate();
    const count = this.classes.find((c) => c.label === label)?.examples.length;
    if (count !== undefined) this.element.announce(`"${label}" has ${plural(count, 'example')}.`);
  }

  /** Adds image files to a class, one at a time; names the files that could not be read. */
  async addFiles(label: string, files: File[]): Promise<void> {
    const failed: string[] = [];
    let added = 0;
    for (const [i, file] of files.entries()) {
      this.uploadLine = files.length > 1 ? `Adding ${i + 1} of ${files.length} to "${label}": ${file.name}` : '';
      this.host.requestUpdate();
      try {
        const set = this.generation;
        await this.add(label, [await this.element.embed(file)], set);
        added++;
      } catch (error) {
        if (error instanceof CustomClassError && error.reason === 'limit') {
          this.element.showError(error);
          break;
        }
        failed.push(file.name);
      }
    }
    this.uploadLine = '';
    this.host.requestUpdate();
    if (failed.length) {
      this.element.showError(
        new CustomClassError(
          'vector',
          `${plural(failed.length, 'file')} could not be read as images and ${failed.length === 1 ? 'was' : 'were'} not added: ${failed.join(', ')}.`,
        ),
      );
    } else if (added) {
      this.element.announce(`Added ${plural(added, 'example')} to "${label}".`);
    }
  }

  /** Reads an export file chosen by the user and imports it (see {@link import}). */
  async importFile(file: File): Promise<void> {
    if (file.size > MAX_FILE_CHARS) {
      // Refused before reading: a wrong, huge file would otherwise be read into memory whole.
      throw new CustomClassError(
        'too-large',
        `${file.name} is ${(file.size / 1048576).toFixed(1)} MB; a classes file is at most ${MAX_FILE_CHARS / 1048576} MB. Is it the right file?`,
      );
    }
    await this.import(await file.text());
  }

  private async currentModel(): Promise<ModelIdentity> {
    await this.whenLoaded();
    if (!this.model) throw new CustomClassError('label', 'The model is not loaded yet.');
    return this.model;
  }

  private async load(model: ModelIdentity, key: string, generation: number): Promise<void> {
    try {
      const set = await this.enqueue(() => store.load(key, model));
      if (generation !== this.generation) return;
      this.classes = set?.classes ?? [];
      this.head = set?.head;
      this.storage = { kept: true };
      if (set?.damaged.length) this.element.showError(damagedError(set.damaged));
    } catch (error) {
      if (generation !== this.generation) return;
      this.storage = { kept: false, note: (error as Error).message };
      // A model without a hash is a choice of whoever built it: say so in the panel, not as an alert.
      if (model.contentHash) this.element.showError(error);
    }
    this.index = undefined;
    this.markLoaded();
    this.host.requestUpdate();
    this.fireChange('load');
  }

  /**
   * Makes `classes` the current classes: drops the head (unless told which to keep), stops training,
   * updates what is shown and saves `change` (the same change, as an operation on what is stored, so that
   * another tab's changes meanwhile are kept); then fires `mobilenet-classes-change`, once the write has
   * committed. Without `change` the whole set replaces what is stored.
   */
  private async commit(
    classes: CustomClass[],
    reason: ClassesChangeReason,
    options: { undo?: Undo; keepHead?: SoftmaxHead; save?: boolean; change?: SetChange } = {},
  ): Promise<void> {
    checkLimits(classes);
    if (this.training)
      this.training.controller.abort(new DOMException('The examples changed during training.', 'AbortError'));
    // "Train again" is offered while a head was dropped by a change and there is still something to train on.
    this.headStale = !options.keepHead && classes.length > 0 && (this.head !== undefined || this.headStale);
    this.head = options.keepHead;
    this.classes = classes;
    this.undo = options.undo;
    this.index = undefined;
    this.refreshShown();
    this.element.clearCustomError();
    this.host.requestUpdate();
    if (!(options.save ?? true) || !this.canStore()) {
      this.fireChange(reason, false);
      return;
    }
    const change = options.change ?? { type: 'replace', classes };
    const head = options.keepHead;
    const written = this.write(change).then(async () => {
      if (head && change.type !== 'rename') {
        const trainedOn = Object.fromEntries(classes.map((c) => [c.label, c.examples.length]));
        await this.write({ type: 'head', head, trainedOn });
      }
    });
    const persisted = await written.then(
      () => true,
      () => false,
    );
    this.fireChange(reason, persisted);
  }

  private canStore(): boolean {
    return Boolean(this.model?.contentHash) && this.storage.kept;
  }

  /** Runs `work` after every write and read queued before it. */
  private enqueue<T>(work: () => Promise<T>): Promise<T> {
    const next = this.queue.then(work);
    this.queue = next.catch(() => {});
    return next;
  }

  /**
   * Applies one change to the stored set of the current key and model and tells the others. A failure
   * turns storage off for this element, says so, and rejects.
   */
  private write(change: SetChange): Promise<void> {
    const key = this.key;
    const model = this.model;
    if (!model?.contentHash || !this.storage.kept) return Promise.resolve();
    this.writesPending++;
    return this.enqueue(async () => {
      try {
        await store.apply(key, model, change);
        sync.announce({ key, contentHash: model.contentHash }, this.onStoredChange);
      } catch (error) {
        if (this.key === key && this.model === model && this.storage.kept) {
          this.storage = { kept: false, note: (error as Error).message };
          this.element.showError(error);
          this.host.requestUpdate();
        }
        throw error;
      } finally {
        // The classes in memory hold this element's own changes: another's are read once all of its own are in.
        if (--this.writesPending === 0 && this.staleChange) {
          const stale = this.staleChange;
          this.staleChange = undefined;
          this.storedChanged(stale);
        }
      }
    });
  }

  /** Another element or tab changed the stored classes: read them again if they are this element's. */
  private storedChanged(change: SetChanged): void {
    const model = this.model;
    if (!model?.contentHash || !this.storage.kept || this.deferred) return;
    const forgotten = change.key === undefined;
    if (!forgotten && (change.key !== this.key || change.contentHash !== model.contentHash)) return;
    if (this.writesPending > 0) {
      this.staleChange = change;
      return;
    }
    const generation = this.generation;
    const key = this.key;
    void this.enqueue(() => store.load(key, model))
      .then((set) => {
        if (generation !== this.generation) return;
        // A change of this element's own came meanwhile: read again after it, not over it.
        if (this.writesPending > 0) {
          this.staleChange = change;
          return;
        }
        const classes = set?.classes ?? [];
        if (sameCounts(classes, this.classes) && Boolean(set?.head) === Boolean(this.head)) return;
        if (this.training)
          this.training.controller.abort(new DOMException('The examples changed during training.', 'AbortError'));
        this.classes = classes;
        this.head = set?.head;
        this.undo = undefined;
        this.refreshShown();
        this.host.requestUpdate();
        this.fireChange('sync', true);
      })
      .catch(() => {
        // Could not read them: this element keeps what it has, and its next write reports the failure.
      });
  }

  private refreshShown(): void {
    this.index = undefined;
    if (this.shownFeatures) this.shown = this.predict(this.shownFeatures);
  }

  private fireChange(reason: ClassesChangeReason, persisted = this.storage.kept): void {
    this.host.dispatchEvent(
      mobilenetEvent('mobilenet-classes-change', {
        reason,
        classes: this.classes.map((c) => ({ label: c.label, examples: c.examples.length })),
        persisted,
      }),
    );
  }

  /**
   * A new "classes loaded" promise, unless one is still pending: callers already waiting (an action
   * started while the model was loading) must be released by whichever set loads next.
   */
  private resetLoaded(): void {
    if (this.loadPending) return;
    this.loadPending = true;
    this.loaded = new Promise((resolve) => {
      this.markLoaded = () => {
        this.loadPending = false;
        resolve();
      };
    });
  }
}

/** Whether two sets have the same classes, in the same order, with the same numbers of examples. */
function sameCounts(a: readonly CustomClass[], b: readonly CustomClass[]): boolean {
  return (
    a.length === b.length && a.every((c, i) => c.label === b[i]!.label && c.examples.length === b[i]!.examples.length)
  );
}

/** Why an example read under one examples key or model was not added after either changed. */
export function setChangedError(label: string): CustomClassError {
  return new CustomClassError(
    'changed',
    `The example for "${label}" was not added: classes-key or model-url changed while it was being read, so it belongs to another set of classes. Add it again.`,
  );
}

function damagedError(labels: string[]): CustomClassError {
  const names = labels.map((l) => `"${l}"`).join(', ');
  return new CustomClassError(
    'storage',
    labels.length === 1
      ? `The class ${names} kept in this browser is damaged and was not loaded; the other classes were. Teach it again, or import an export.`
      : `${labels.length} classes kept in this browser are damaged and were not loaded (${names}); the other classes were. Teach them again, or import an export.`,
  );
}

function sameModel(a: ModelIdentity, b: ModelIdentity): boolean {
  return a.id === b.id && a.contentHash === b.contentHash && a.featureSize === b.featureSize;
}

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}
