// The user's classes, kept in this browser's IndexedDB under (examples key, model content hash). Keying by
// the hash means a rebuilt or different model never reads vectors it cannot use; its own classes start
// empty and the old ones stay for the model they belong to.
//
// One record per class (layout 2), so that two elements or tabs with the same key merge per class: every
// change is a small operation applied in one transaction to what is stored now (add these examples to
// this class, rename, delete), never a whole set written over another tab's. IndexedDB runs transactions
// on one store one after another, across tabs, so no saved example is lost. A damaged record is skipped
// and named; the others load and save as usual.
import { openDB, type DBSchema, type IDBPDatabase, type IDBPTransaction } from 'idb';
import { CustomClassError } from './errors';
import { customClassError } from './messages';
import type { CustomClass, ModelIdentity, SoftmaxHead } from './types';

export const DB_NAME = 'mobilenet-classifier';
const DB_VERSION = 2;
/** Layout 1: one record per set (key, hash) holding every class. Read once by the upgrade to layout 2. */
const SETS_V1 = 'example-sets';
const CLASSES = 'classes';
const HEADS = 'heads';
/** Version of the record layout below, for a later change of it. */
const RECORD_VERSION = 2;

/** What is kept for one model under one key. Float32Arrays are stored as they are (structured clone). */
export interface StoredSet {
  classes: CustomClass[];
  /** The softmax head trained on exactly these classes and examples, if one was. */
  head?: SoftmaxHead;
}

/** A stored set, with the classes whose records could not be read (skipped). */
export interface LoadedSet extends StoredSet {
  /** Names of the damaged records that were skipped (a label, or `?` when even that is unreadable). */
  damaged: string[];
}

/** One change of a stored set, applied to what is stored at the time it runs. */
export type SetChange =
  /** Adds examples to a class, creating it (last in order) if it is not there. */
  | { type: 'add'; label: string; examples: Float32Array[] }
  /** Renames a class, merging it into a class of the new name if one exists meanwhile; a head follows. */
  | { type: 'rename'; from: string; to: string }
  | { type: 'remove'; label: string }
  /** Replaces every class (clear, import, undo). */
  | { type: 'replace'; classes: CustomClass[] }
  /** Keeps a head trained on classes with these numbers of examples; dropped if the stored ones differ. */
  | { type: 'head'; head: SoftmaxHead; trainedOn: Record<string, number> };

interface ClassRecord {
  version: number;
  model: ModelIdentity;
  label: string;
  examples: Float32Array[];
  /** When the class was created: classes load in this order. */
  order: number;
  updatedAt: number;
}

interface HeadRecord {
  version: number;
  head: SoftmaxHead;
  trainedOn: Record<string, number>;
}

interface V1Record extends StoredSet {
  model: ModelIdentity;
  updatedAt: number;
}

interface Schema extends DBSchema {
  [CLASSES]: { key: [string, string, string]; value: ClassRecord };
  [HEADS]: { key: [string, string]; value: HeadRecord };
}

type Tx = IDBPTransaction<Schema, (typeof CLASSES | typeof HEADS)[], 'readwrite'>;

/**
 * Where the classes live between visits.
 *
 * Every failure (no IndexedDB in this context, storage full or refused) is an {@link CustomClassError}
 * with reason `storage`, so that the caller can keep working in memory and say so.
 */
export class ClassStore {
  private db?: Promise<IDBPDatabase<Schema>>;

  constructor(private readonly name = DB_NAME) {}

  /** The classes kept under `key` for `model` (undefined when there are none), skipping damaged records. */
  async load(key: string, model: ModelIdentity): Promise<LoadedSet | undefined> {
    const hash = requireHash(model);
    return this.run('read', async (db) => {
      const tx = db.transaction([CLASSES, HEADS], 'readonly');
      const [records, head] = await Promise.all([
        tx.objectStore(CLASSES).getAll(setRange(key, hash)),
        tx.objectStore(HEADS).get([key, hash]),
      ]);
      if (!records.length) return undefined;
      const { classes, damaged } = readClasses(records, model);
      return { classes, damaged, ...(head && headFits(head, classes) ? { head: head.head } : {}) };
    });
  }

  /** Applies one change to what is kept under `key` for `model`, in one transaction; resolves once it is committed. */
  async apply(key: string, model: ModelIdentity, change: SetChange): Promise<void> {
    const hash = requireHash(model);
    await this.run('keep', async (db) => {
      const tx = db.transaction([CLASSES, HEADS], 'readwrite');
      await applyChange(tx, key, hash, model, change);
      await tx.done;
    });
  }

  /** Replaces what is kept under `key` for `model`. */
  async save(key: string, model: ModelIdentity, set: StoredSet): Promise<void> {
    await this.apply(key, model, { type: 'replace', classes: set.classes });
    if (set.head) {
      const trainedOn = Object.fromEntries(set.classes.map((c) => [c.label, c.examples.length]));
      await this.apply(key, model, { type: 'head', head: set.head, trainedOn });
    }
  }

  /** Deletes every class of every key and model that this site kept. */
  async forgetAll(): Promise<void> {
    await this.run('forget', async (db) => {
      const tx = db.transaction([CLASSES, HEADS], 'readwrite');
      await Promise.all([tx.objectStore(CLASSES).clear(), tx.objectStore(HEADS).clear(), tx.done]);
    });
  }

  /** Closes the connection (a later call opens it again). */
  close(): void {
    const db = this.db;
    this.db = undefined;
    db?.then(
      (d) => d.close(),
      () => {},
    );
  }

  private async run<T>(action: 'read' | 'keep' | 'forget', work: (db: IDBPDatabase<Schema>) => Promise<T>): Promise<T> {
    try {
      return await work(await this.open());
    } catch (error) {
      if (error instanceof CustomClassError) throw error;
      const full = (error as Error)?.name === 'QuotaExceededError';
      const detail = (error as Error)?.message ?? String(error);
      throw customClassError('storage', 'storage-failed', { action, full, detail }, error);
    }
  }

  private open(): Promise<IDBPDatabase<Schema>> {
    if (typeof indexedDB === 'undefined') {
      return Promise.reject(customClassError('storage', 'no-indexeddb', {}));
    }
    this.db ??= openDB<Schema>(this.name, DB_VERSION, {
      upgrade(db, oldVersion, _newVersion, transaction) {
        db.createObjectStore(CLASSES);
        db.createObjectStore(HEADS);
        if (oldVersion >= 1) return upgradeFromV1(db as unknown as IDBPDatabase, transaction as unknown as Tx);
      },
      // Another tab opens a newer layout: let it, and reopen on our next call.
      blocking: () => this.close(),
      terminated: () => {
        this.db = undefined;
      },
    });
    const opening = this.db;
    // A failed open is not kept: the next call tries again.
    opening.catch(() => {
      if (this.db === opening) this.db = undefined;
    });
    return opening;
  }
}

/** Every class record of one set: keys [key, hash, label], and arrays sort after every string. */
function setRange(key: string, hash: string): IDBKeyRange {
  return IDBKeyRange.bound([key, hash], [key, hash, []]);
}

async function applyChange(tx: Tx, key: string, hash: string, model: ModelIdentity, change: SetChange): Promise<void> {
  const classes = tx.objectStore(CLASSES);
  const heads = tx.objectStore(HEADS);
  const now = Date.now();
  const record = (label: string, examples: Float32Array[], order: number): ClassRecord => ({
    version: RECORD_VERSION,
    model,
    label,
    examples,
    order,
    updatedAt: now,
  });
  const readable = async (label: string) => {
    const found = await classes.get([key, hash, label]);
    return found && isValidRecord(found, model) ? found : undefined;
  };
  switch (change.type) {
    case 'add': {
      const existing = await readable(change.label);
      const examples = [...(existing?.examples ?? []), ...change.examples];
      await classes.put(record(change.label, examples, existing?.order ?? now), [key, hash, change.label]);
      break;
    }
    case 'rename': {
      const [from, to] = await Promise.all([readable(change.from), readable(change.to)]);
      if (!from) break;
      const examples = [...(to?.examples ?? []), ...from.examples];
      await classes.put(record(change.to, examples, to?.order ?? from.order), [key, hash, change.to]);
      await classes.delete([key, hash, change.from]);
      const head = await heads.get([key, hash]);
      if (head && !to) {
        const { [change.from]: count, ...others } = head.trainedOn;
        const labels = head.head.labels.map((l) => (l === change.from ? change.to : l));
        await heads.put({ ...head, head: { ...head.head, labels }, trainedOn: { ...others, [change.to]: count! } }, [
          key,
          hash,
        ]);
        return;
      }
      break;
    }
    case 'remove':
      await classes.delete([key, hash, change.label]);
      break;
    case 'replace':
      await classes.delete(setRange(key, hash));
      await Promise.all(
        change.classes.map((c, i) => classes.put(record(c.label, c.examples, now + i), [key, hash, c.label])),
      );
      break;
    case 'head': {
      const stored = readClasses(await classes.getAll(setRange(key, hash)), model).classes;
      const kept: HeadRecord = { version: RECORD_VERSION, head: change.head, trainedOn: change.trainedOn };
      // Trained on what another tab has changed since: it would rank classes it never saw.
      if (headFits(kept, stored)) await heads.put(kept, [key, hash]);
      else await heads.delete([key, hash]);
      return;
    }
  }
  // The examples changed: a head trained on the old ones no longer fits.
  await heads.delete([key, hash]);
}

function readClasses(records: ClassRecord[], model: ModelIdentity): { classes: CustomClass[]; damaged: string[] } {
  const good = records.filter((r) => isValidRecord(r, model)).sort((a, b) => a.order - b.order);
  const damaged = records
    .filter((r) => !isValidRecord(r, model))
    .map((r) => (typeof r?.label === 'string' ? r.label : '?'));
  return { classes: good.map((r) => ({ label: r.label, examples: r.examples })), damaged };
}

function headFits(record: HeadRecord, classes: CustomClass[]): boolean {
  const trained = Object.entries(record.trainedOn ?? {});
  return (
    trained.length === classes.length &&
    classes.every((c) => record.trainedOn[c.label] === c.examples.length) &&
    Array.isArray(record.head?.labels)
  );
}

/** Layout 1 kept every class of a set in one record: each becomes a record of its own. */
async function upgradeFromV1(db: IDBPDatabase, tx: Tx): Promise<void> {
  if (!db.objectStoreNames.contains(SETS_V1)) return;
  const old = (tx as unknown as IDBPTransaction<unknown, string[], 'versionchange'>).objectStore(SETS_V1);
  const [keys, sets] = await Promise.all([old.getAllKeys(), old.getAll() as Promise<V1Record[]>]);
  const classes = tx.objectStore(CLASSES);
  for (const [i, set] of sets.entries()) {
    const [key, hash] = keys[i] as [string, string];
    if (!Array.isArray(set?.classes)) continue;
    for (const [order, c] of set.classes.entries()) {
      if (typeof c?.label !== 'string') continue;
      const record = {
        version: RECORD_VERSION,
        model: set.model,
        label: c.label,
        examples: c.examples,
        order,
        updatedAt: set.updatedAt,
      };
      await classes.put(record, [key, hash, c.label]);
    }
    if (set.head) {
      const trainedOn = Object.fromEntries(set.classes.map((c) => [c.label, c.examples?.length ?? 0]));
      await tx.objectStore(HEADS).put({ version: RECORD_VERSION, head: set.head, trainedOn }, [key, hash]);
    }
  }
  db.deleteObjectStore(SETS_V1);
}

function requireHash(model: ModelIdentity): string {
  if (!model.contentHash) {
    throw customClassError('storage', 'no-content-hash', {});
  }
  return model.contentHash;
}

function isValidRecord(record: ClassRecord | undefined, model: ModelIdentity): boolean {
  const vectorOk = (v: unknown) => v instanceof Float32Array && v.length === model.featureSize;
  return (
    record?.version === RECORD_VERSION &&
    record.model?.featureSize === model.featureSize &&
    typeof record.label === 'string' &&
    typeof record.order === 'number' &&
    Array.isArray(record.examples) &&
    record.examples.every(vectorOk)
  );
}
