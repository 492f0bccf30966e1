// The IndexedDB store, on fake-indexeddb (an in-memory IndexedDB for Node). The browser tests
// (e2e/custom-classes.spec.ts) check the same through a real reload.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { CustomClassError, ClassStore } from '../src/custom';
import { MODEL, syntheticClasses } from './custom-helpers';

let opened: ClassStore[] = [];
let dbCount = 0;

/** A store on a database of its own, so tests do not see each other's records. */
function freshStore(name = `test-${++dbCount}`): ClassStore {
  const store = new ClassStore(name);
  opened.push(store);
  return store;
}

afterEach(() => {
  opened.forEach((store) => store.close());
  opened = [];
});

describe('ClassStore', () => {
  it('gives back what was saved, vectors bit for bit, from a new connection', async () => {
    const name = `persist-${++dbCount}`;
    const { classes } = syntheticClasses(2, 3);
    await freshStore(name).save('default', MODEL, { classes });
    const loaded = await freshStore(name).load('default', MODEL);
    expect(loaded?.classes.map((c) => c.label)).toEqual(['class-0', 'class-1']);
    expect(loaded?.classes[1].examples[2]).toBeInstanceOf(Float32Array);
    expect(Array.from(loaded!.classes[1].examples[2])).toEqual(Array.from(classes[1].examples[2]));
    expect(loaded?.head).toBeUndefined();
  });

  it('keeps each model apart by content hash: another model starts empty', async () => {
    const store = freshStore();
    await store.save('default', MODEL, syntheticClasses(1, 1));
    expect(await store.load('default', { ...MODEL, contentHash: 'c'.repeat(64) })).toBeUndefined();
    expect(await store.load('default', MODEL)).toBeDefined();
  });

  it('keeps each examples key apart', async () => {
    const store = freshStore();
    await store.save('kitchen', MODEL, syntheticClasses(1, 1));
    expect(await store.load('garage', MODEL)).toBeUndefined();
  });

  it('replaces the record on save, and keeps a head with it', async () => {
    const store = freshStore();
    await store.save('default', MODEL, syntheticClasses(3, 1));
    const head = {
      labels: ['a', 'b'],
      featureSize: 1280,
      weights: new Float32Array(2560),
      bias: Float32Array.of(0.5, -0.5),
    };
    await store.save('default', MODEL, { classes: [{ label: 'a', examples: [] }], head });
    const loaded = await store.load('default', MODEL);
    expect(loaded?.classes.map((c) => c.label)).toEqual(['a']);
    expect(Array.from(loaded!.head!.bias)).toEqual([0.5, -0.5]);
  });

  it('forgets everything: every key and every model', async () => {
    const store = freshStore();
    const other = { ...MODEL, contentHash: 'd'.repeat(64) };
    await store.save('default', MODEL, syntheticClasses(1, 1));
    await store.save('other', other, syntheticClasses(1, 1));
    await store.forgetAll();
    expect(await store.load('default', MODEL)).toBeUndefined();
    expect(await store.load('other', other)).toBeUndefined();
  });

  it('refuses to keep classes of a model without a content hash, saying why', async () => {
    const error = await freshStore()
      .save('default', { id: 'x', featureSize: 1280 }, { classes: [] })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CustomClassError);
    expect((error as CustomClassError).message).toMatch(/no content hash.*not kept between visits/);
  });

  // Issue 12: a damaged record used to fail the whole load, and the element then stopped saving.
  it('skips a damaged class record and names it; the other classes load, and saving goes on', async () => {
    const store = freshStore();
    const { classes } = syntheticClasses(2, 2);
    await store.save('default', MODEL, { classes });
    await store.apply('default', MODEL, { type: 'add', label: 'short', examples: [new Float32Array(3)] });
    const loaded = await store.load('default', MODEL);
    expect(loaded?.damaged).toEqual(['short']);
    expect(loaded?.classes.map((c) => c.label)).toEqual(['class-0', 'class-1']);
    await store.apply('default', MODEL, { type: 'add', label: 'class-0', examples: [classes[1].examples[0]] });
    expect((await store.load('default', MODEL))?.classes.map((c) => c.examples.length)).toEqual([3, 2]);
  });

  // Issue 12: two elements or tabs with the same key overwrote each other's set (the last save won).
  it('merges changes per class: two writers adding to one set both keep every example', async () => {
    const name = `merge-${++dbCount}`;
    const [a, b] = [freshStore(name), freshStore(name)];
    const { classes } = syntheticClasses(2, 4);
    const one = (i: number) => [classes[0].examples[i]];
    await Promise.all([
      a.apply('default', MODEL, { type: 'add', label: 'mug', examples: one(0) }),
      b.apply('default', MODEL, { type: 'add', label: 'mug', examples: one(1) }),
      b.apply('default', MODEL, { type: 'add', label: 'keys', examples: one(2) }),
      a.apply('default', MODEL, { type: 'add', label: 'mug', examples: one(3) }),
    ]);
    const loaded = await a.load('default', MODEL);
    expect(Object.fromEntries(loaded!.classes.map((c) => [c.label, c.examples.length]))).toEqual({ mug: 3, keys: 1 });
    await b.apply('default', MODEL, { type: 'rename', from: 'keys', to: 'car keys' });
    await a.apply('default', MODEL, { type: 'remove', label: 'mug' });
    expect((await b.load('default', MODEL))?.classes.map((c) => c.label)).toEqual(['car keys']);
  });

  it('keeps a head only while the stored classes are the ones it was trained on', async () => {
    const store = freshStore();
    const { classes } = syntheticClasses(2, 1);
    const head = {
      labels: ['class-0', 'class-1'],
      featureSize: 1280,
      weights: new Float32Array(2560),
      bias: new Float32Array(2),
    };
    await store.save('default', MODEL, { classes, head });
    expect((await store.load('default', MODEL))?.head?.labels).toEqual(['class-0', 'class-1']);
    await store.apply('default', MODEL, { type: 'rename', from: 'class-1', to: 'renamed' });
    expect((await store.load('default', MODEL))?.head?.labels).toEqual(['class-0', 'renamed']);
    await store.apply('default', MODEL, { type: 'add', label: 'class-0', examples: [classes[1].examples[0]] });
    expect((await store.load('default', MODEL))?.head).toBeUndefined();
  });

  it('turns an IndexedDB failure into a storage error that says the classes still work', async () => {
    const store = freshStore();
    const { indexedDB: saved } = globalThis;
    (globalThis as { indexedDB?: IDBFactory }).indexedDB = undefined;
    try {
      const error = await store.load('default', MODEL).catch((e: unknown) => e);
      expect(error).toMatchObject({ reason: 'storage', message: expect.stringMatching(/no IndexedDB.*Export/) });
    } finally {
      globalThis.indexedDB = saved;
    }
    // It tries again on the next call.
    expect(await store.load('default', MODEL)).toBeUndefined();
  });
});

describe('ClassStore upgrade', () => {
  it('reads the classes and head a layout-1 database kept (one record per set), and keeps saving', async () => {
    const name = `v1-${++dbCount}`;
    const { classes } = syntheticClasses(2, 2);
    const head = {
      labels: ['class-0', 'class-1'],
      featureSize: 1280,
      weights: new Float32Array(2560),
      bias: new Float32Array(2),
    };
    await new Promise<void>((resolve, reject) => {
      const request = indexedDB.open(name, 1);
      request.onupgradeneeded = () => request.result.createObjectStore('example-sets');
      request.onsuccess = () => {
        const db = request.result;
        const tx = db.transaction('example-sets', 'readwrite');
        tx.objectStore('example-sets').put({ version: 1, model: MODEL, classes, head, updatedAt: 1 }, [
          'default',
          MODEL.contentHash!,
        ]);
        tx.oncomplete = () => {
          db.close();
          resolve();
        };
        tx.onerror = () => reject(tx.error);
      };
      request.onerror = () => reject(request.error);
    });
    const store = freshStore(name);
    const loaded = await store.load('default', MODEL);
    expect(loaded?.classes.map((c) => [c.label, c.examples.length])).toEqual([
      ['class-0', 2],
      ['class-1', 2],
    ]);
    expect(Array.from(loaded!.classes[1].examples[1])).toEqual(Array.from(classes[1].examples[1]));
    expect(loaded?.head?.labels).toEqual(['class-0', 'class-1']);
    expect(loaded?.damaged).toEqual([]);
    await store.apply('default', MODEL, { type: 'add', label: 'class-1', examples: [classes[0].examples[0]] });
    expect((await store.load('default', MODEL))?.classes.map((c) => c.examples.length)).toEqual([2, 3]);
  });
});
