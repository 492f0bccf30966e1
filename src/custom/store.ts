// The user's classes, kept in this browser's IndexedDB: one record per (examples key, model content
// hash). Keying by the hash means a rebuilt or different model never reads vectors it cannot use;
// its own record starts empty and the old one stays for the model it belongs to.
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import { ExamplesError } from './errors';
import type { CustomClass, ModelIdentity, SoftmaxHead } from './types';

export const DB_NAME = 'mobilenet-classifier';
const DB_VERSION = 1;
const SETS = 'example-sets';
/** Version of the record layout below, for a later change of it. */
const RECORD_VERSION = 1;

/** What is kept for one model under one key. Float32Arrays are stored as they are (structured clone). */
export interface StoredSet {
  classes: CustomClass[];
  /** The softmax head trained on exactly these classes and examples, if one was. */
  head?: SoftmaxHead;
}

interface StoredRecord extends StoredSet {
  version: number;
  model: ModelIdentity;
  updatedAt: number;
}

interface Schema extends DBSchema {
  [SETS]: { key: [string, string]; value: StoredRecord };
}

/**
 * Where the classes live between visits.
 *
 * Every failure (no IndexedDB in this context, storage full or refused) is an {@link ExamplesError}
 * with reason `storage`, so that the caller can keep working in memory and say so.
 */
export class ExampleStore {
  private db?: Promise<IDBPDatabase<Schema>>;

  constructor(private readonly name = DB_NAME) {}

  /** The classes kept under `key` for `model`, or undefined when there are none. */
  async load(key: string, model: ModelIdentity): Promise<StoredSet | undefined> {
    const hash = requireHash(model);
    const record = await this.run('read the classes kept in this browser', async (db) => db.get(SETS, [key, hash]));
    if (!record) return undefined;
    if (!isValidRecord(record, model)) {
      throw new ExamplesError(
        'storage',
        'The classes kept in this browser for this model are damaged and were not loaded. Teach them again, or import an export.',
      );
    }
    return { classes: record.classes, ...(record.head ? { head: record.head } : {}) };
  }

  /** Replaces what is kept under `key` for `model`. */
  async save(key: string, model: ModelIdentity, set: StoredSet): Promise<void> {
    const hash = requireHash(model);
    const record: StoredRecord = {
      version: RECORD_VERSION,
      model,
      classes: set.classes,
      updatedAt: Date.now(),
      ...(set.head ? { head: set.head } : {}),
    };
    await this.run('keep the classes in this browser', async (db) => {
      await db.put(SETS, record, [key, hash]);
    });
  }

  /** Deletes every class of every key and model that this site kept. */
  async forgetAll(): Promise<void> {
    await this.run('forget the classes kept in this browser', async (db) => db.clear(SETS));
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

  private async run<T>(what: string, work: (db: IDBPDatabase<Schema>) => Promise<T>): Promise<T> {
    try {
      return await work(await this.open());
    } catch (error) {
      if (error instanceof ExamplesError) throw error;
      const detail =
        (error as Error)?.name === 'QuotaExceededError'
          ? 'the browser storage for this site is full'
          : ((error as Error)?.message ?? String(error));
      throw new ExamplesError(
        'storage',
        `Could not ${what} (${detail}). The classes still work until the page is closed; use Export to keep a copy.`,
        {
          cause: error,
        },
      );
    }
  }

  private open(): Promise<IDBPDatabase<Schema>> {
    if (typeof indexedDB === 'undefined') {
      return Promise.reject(
        new ExamplesError(
          'storage',
          'This browser context has no IndexedDB, so the classes are not kept between visits. Use Export to keep a copy.',
        ),
      );
    }
    this.db ??= openDB<Schema>(this.name, DB_VERSION, {
      upgrade(db) {
        db.createObjectStore(SETS);
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

function requireHash(model: ModelIdentity): string {
  if (!model.contentHash) {
    throw new ExamplesError(
      'storage',
      'This model has no content hash in its metadata, so its classes are not kept between visits. Build it with `npm run model`.',
    );
  }
  return model.contentHash;
}

function isValidRecord(record: StoredRecord, model: ModelIdentity): boolean {
  const vectorOk = (v: unknown) => v instanceof Float32Array && v.length === model.featureSize;
  return (
    record.version === RECORD_VERSION &&
    record.model?.featureSize === model.featureSize &&
    Array.isArray(record.classes) &&
    record.classes.every((c) => typeof c?.label === 'string' && Array.isArray(c.examples) && c.examples.every(vectorOk))
  );
}
