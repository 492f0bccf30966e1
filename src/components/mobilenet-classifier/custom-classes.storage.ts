import {
  ClassesSync,
  ClassStore,
  type LoadedSet,
  type ModelIdentity,
  type SetChange,
  type SetChanged,
  type SoftmaxHead,
} from '../../custom';

/** One connection for every element of the page. */
const store = new ClassStore();
/** Changes committed by one element reach the others with the same key and model, here and in other tabs. */
const sync = new ClassesSync();

/** What the stored set tells the classes it keeps. */
export interface ClassesStorageEvents {
  /** The set was read: first for a new model or key (`load`), or again after another element or tab changed it (`sync`). */
  read(set: LoadedSet | undefined, why: 'load' | 'sync'): void;
  /** Reading or writing failed: the classes are not kept in this browser any more (see {@link ClassesStorage.storage}). */
  failed(error: unknown, why: 'load' | 'write'): void;
}

/**
 * One element's set of classes in IndexedDB, under its key and its model's content hash: reads it,
 * writes each change as an operation (so that another tab's changes meanwhile are kept), one at a
 * time and in order, and reads it again when another element or tab with the same key and model
 * changed it. IndexedDB is opened only once custom classes are {@link want}ed.
 */
export class ClassesStorage {
  /** Whether the classes are kept in IndexedDB, and if not, why (undefined while the store opens). */
  storage: { kept: boolean; why?: unknown } = { kept: false };
  model?: ModelIdentity;
  key = 'default';
  /** Bumped when the model or key changes: work for the previous set is dropped. */
  generation = 0;

  private loaded!: Promise<void>;
  private markLoaded!: () => void;
  private loadPending = false;
  /** Writes and re-reads of the stored set, one at a time, in order. */
  private queue: Promise<unknown> = Promise.resolve();
  private readonly onStoredChange = (change: SetChanged) => this.storedChanged(change);
  private unsubscribe?: () => void;
  /** Own writes queued and not yet committed: what another tab stored is read again only after them. */
  private writesPending = 0;
  /** Another element or tab changed the stored set while own writes were pending. */
  private staleChange?: SetChanged;
  /** True once custom classes were used: stored sets are then loaded for every model. */
  private wanted = false;
  /** The set to load when custom classes are first used. */
  private deferred?: { model: ModelIdentity; key: string; generation: number };

  constructor(private readonly events: ClassesStorageEvents) {
    this.resetLoaded();
  }

  /** Starts hearing of other elements' and tabs' changes. */
  listen(): void {
    this.unsubscribe ??= sync.subscribe(this.onStoredChange);
  }

  stopListening(): void {
    this.unsubscribe?.();
    this.unsubscribe = undefined;
  }

  /** Switches to the set of `model` under `key`; false when that is the current set already. */
  switchTo(model: ModelIdentity | undefined, key: string): boolean {
    if (model && this.model && key === this.key && sameModel(model, this.model)) return false;
    this.generation++;
    this.model = model;
    this.key = key;
    this.resetLoaded();
    this.deferred = model ? { model, key, generation: this.generation } : undefined;
    if (this.wanted) this.want();
    return true;
  }

  /** Starts loading the stored classes of the current model, now and for every later model. */
  want(): void {
    this.wanted = true;
    const deferred = this.deferred;
    this.deferred = undefined;
    if (deferred) void this.load(deferred.model, deferred.key, deferred.generation);
  }

  /** The model could not be loaded: whoever waits for the classes is released. */
  modelFailed(): void {
    this.deferred = undefined;
    this.markLoaded();
  }

  /** Resolves once the classes of the current model are loaded (waits for a model if none is). */
  whenLoaded(): Promise<void> {
    this.want();
    return this.loaded;
  }

  /** Whether changes are written: the model has a content hash and storage works. */
  get canStore(): boolean {
    return Boolean(this.model?.contentHash) && this.storage.kept;
  }

  /**
   * Writes `change`, then the head trained on `classes` if there is one; resolves to whether it was
   * kept (false when storage is off or the write failed, which {@link ClassesStorageEvents.failed} reports).
   */
  async save(
    change: SetChange,
    head?: { head: SoftmaxHead; classes: readonly { label: string; examples: unknown[] }[] },
  ): Promise<boolean> {
    if (!this.canStore) return false;
    const written = this.write(change).then(async () => {
      if (head && change.type !== 'rename') await this.saveHead(head.head, head.classes);
    });
    return written.then(
      () => true,
      () => false,
    );
  }

  /** Writes a head trained on `classes`. */
  saveHead(head: SoftmaxHead, classes: readonly { label: string; examples: unknown[] }[]): Promise<void> {
    const trainedOn = Object.fromEntries(classes.map((c) => [c.label, c.examples.length]));
    return this.write({ type: 'head', head, trainedOn });
  }

  /** Resolves once every write and read queued so far is done. */
  settled(): Promise<unknown> {
    return this.queue;
  }

  /** Deletes every class kept in this browser, for every model and key, and tells other tabs. */
  async forgetAll(): Promise<void> {
    await store.forgetAll();
    sync.announce({}, this.onStoredChange);
  }

  private async load(model: ModelIdentity, key: string, generation: number): Promise<void> {
    let set: LoadedSet | undefined;
    try {
      set = await this.enqueue(() => store.load(key, model));
      if (generation !== this.generation) return;
      this.storage = { kept: true };
    } catch (error) {
      if (generation !== this.generation) return;
      this.storage = { kept: false, why: error };
      // A model without a hash is a choice of whoever built it: the panel says so, not an alert.
      if (model.contentHash) this.events.failed(error, 'load');
    }
    this.markLoaded();
    this.events.read(set, 'load');
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
          this.storage = { kept: false, why: error };
          this.events.failed(error, 'write');
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
        this.events.read(set, 'sync');
      })
      .catch(() => {
        // Could not read them: this element keeps what it has, and its next write reports the failure.
      });
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

function sameModel(a: ModelIdentity, b: ModelIdentity): boolean {
  return a.id === b.id && a.contentHash === b.contentHash && a.featureSize === b.featureSize;
}
