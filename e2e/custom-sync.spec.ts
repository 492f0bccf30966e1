// Issue 12: custom classes are safe across elements and tabs with the same classes-key. Each change is
// merged per class into what is stored (IndexedDB, one record per class) and announced to the others
// (same page directly, other tabs through a BroadcastChannel), which read the classes again. Before the
// fix every element wrote its whole set on each change, so the last save won and examples were lost.
import type { Locator, Page } from '@playwright/test';
import type { MobilenetClassifier } from '../src/components/mobilenet-classifier/mobilenet-classifier.component';
import { openCustomPage, watchExampleChanges } from './custom-harness';
import { expect, expectReady, mountClassifier, ON_WASM, test } from './element-harness';

const CUSTOM = { ...ON_WASM, mode: 'custom', 'classes-key': 'shared' } as const;

/** Adds `count` examples to `label` through addExample(), each a different drawing; resolves with the last count. */
function addDrawings(el: Locator, label: string, count: number, seed: number): Promise<number> {
  return el.evaluate(
    async (host: MobilenetClassifier, { label, count, seed }) => {
      let last = 0;
      for (let i = 0; i < count; i++) {
        const canvas = Object.assign(document.createElement('canvas'), { width: 64, height: 64 });
        const context = canvas.getContext('2d')!;
        context.fillStyle = `hsl(${(seed * 97 + i * 37) % 360} 80% 50%)`;
        context.fillRect(0, 0, 64, 64);
        context.fillStyle = '#fff';
        context.fillRect(i * 3, seed * 5, 20, 20);
        last = await host.addExample(label, canvas);
      }
      return last;
    },
    { label, count, seed },
  );
}

const classesOf = (el: Locator) => el.evaluate((host: MobilenetClassifier) => host.customClasses);

async function openTwo(page: Page): Promise<[Locator, Locator]> {
  await openCustomPage(page);
  const a = await mountClassifier(page, CUSTOM);
  const b = await mountClassifier(page, CUSTOM);
  return [a, b];
}

test('two elements with the same key see each other’s changes and keep every example', async ({ page }) => {
  const [a, b] = await openTwo(page);
  const changes = await watchExampleChanges(page);
  await addDrawings(a, 'mug', 1, 1);
  await expect
    .poll(() => classesOf(b), 'the other element did not see the new class')
    .toEqual([{ label: 'mug', examples: 1 }]);
  expect((await changes()).some((c) => c.reason === 'sync')).toBe(true);

  // Both add at the same time, to the same class and to one each.
  await Promise.all([addDrawings(a, 'mug', 4, 2), addDrawings(b, 'mug', 4, 3), addDrawings(b, 'keys', 2, 4)]);
  const expected = [
    { label: 'mug', examples: 9 },
    { label: 'keys', examples: 2 },
  ];
  await expect.poll(() => classesOf(a)).toEqual(expected);
  await expect.poll(() => classesOf(b)).toEqual(expected);

  await b.evaluate((host: MobilenetClassifier) => host.renameClass('keys', 'car keys'));
  await expect
    .poll(() => classesOf(a))
    .toEqual([
      { label: 'mug', examples: 9 },
      { label: 'car keys', examples: 2 },
    ]);
  // What is stored has every example: a fresh page reads the same.
  await page.reload();
  await page.waitForFunction(() => document.body.dataset.ready === 'true');
  const fresh = await mountClassifier(page, CUSTOM);
  await expect
    .poll(() => classesOf(fresh))
    .toEqual([
      { label: 'mug', examples: 9 },
      { label: 'car keys', examples: 2 },
    ]);
});

test('two pages of one browser with the same key see each other’s changes and lose no example', async ({ context }) => {
  const [one, two] = [await context.newPage(), await context.newPage()];
  await openCustomPage(one);
  await openCustomPage(two);
  const [a, b] = [await mountClassifier(one, CUSTOM), await mountClassifier(two, CUSTOM)];
  await addDrawings(a, 'plant', 2, 5);
  await expect
    .poll(() => classesOf(b), 'the other tab did not hear of the change')
    .toEqual([{ label: 'plant', examples: 2 }]);
  await Promise.all([addDrawings(a, 'plant', 5, 6), addDrawings(b, 'plant', 5, 7), addDrawings(b, 'lamp', 3, 8)]);
  const expected = [
    { label: 'plant', examples: 12 },
    { label: 'lamp', examples: 3 },
  ];
  await expect.poll(() => classesOf(a)).toEqual(expected);
  await expect.poll(() => classesOf(b)).toEqual(expected);
  await b.evaluate((host: MobilenetClassifier) => host.removeClass('lamp'));
  await expect.poll(() => classesOf(a)).toEqual([{ label: 'plant', examples: 12 }]);
  await one.reload();
  await one.waitForFunction(() => document.body.dataset.ready === 'true');
  await expect.poll(() => classesOf(mountClassifierSync(one))).toEqual([{ label: 'plant', examples: 12 }]);
});

/** Mounts without waiting for Ready (classesOf polls until the classes have loaded). */
function mountClassifierSync(page: Page): Locator {
  void mountClassifier(page, CUSTOM, { waitReady: false });
  return page.locator('mobilenet-classifier').first();
}

test('an example added while classes-key changes is refused with a message, and lands in neither set', async ({
  page,
}) => {
  await openCustomPage(page);
  const el = await mountClassifier(page, { ...CUSTOM, 'classes-key': 'kitchen' });
  await addDrawings(el, 'mug', 1, 9);
  const outcome = await el.evaluate(async (host: MobilenetClassifier) => {
    const canvas = Object.assign(document.createElement('canvas'), { width: 64, height: 64 });
    canvas.getContext('2d')!.fillRect(0, 0, 30, 30);
    const adding = host.addExample('mug', canvas);
    host.setAttribute('classes-key', 'garage');
    const message = await adding.then(
      () => 'added',
      (error: Error) => error.message,
    );
    await host.updateComplete;
    const garage = host.customClasses;
    host.setAttribute('classes-key', 'kitchen');
    await host.updateComplete;
    await host.exportClasses();
    return { message, garage, kitchen: host.customClasses };
  });
  expect(outcome).toEqual({
    message:
      'The example for "mug" was not added: classes-key or model-url changed while it was being read, so it belongs to another set of classes. Add it again.',
    garage: [],
    kitchen: [{ label: 'mug', examples: 1 }],
  });
  await expect(el.getByRole('alert')).toContainText('was not added');
});

test('mobilenet-classes-change says persisted only once the write has committed', async ({ page }) => {
  await openCustomPage(page);
  const el = await mountClassifier(page, CUSTOM);
  await addDrawings(el, 'cup', 1, 10);
  // A connection of the test's own, and a read started inside the event: it sees what was committed by then.
  const seen = await el.evaluate(async (host: MobilenetClassifier) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('mobilenet-classifier');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const stored = () =>
      new Promise<number>((resolve) => {
        const request = db.transaction('classes').objectStore('classes').getAll();
        request.onsuccess = () =>
          resolve(
            (request.result as { label: string; examples: unknown[] }[]).find((r) => r.label === 'cup')?.examples
              .length ?? 0,
          );
      });
    const reads: Promise<{ persisted: boolean; shown: number; stored: number }>[] = [];
    host.addEventListener('mobilenet-classes-change', (event) => {
      const { persisted, classes } = event.detail;
      const shown = classes.find((c) => c.label === 'cup')?.examples ?? 0;
      reads.push(stored().then((count) => ({ persisted, shown, stored: count })));
    });
    const canvas = Object.assign(document.createElement('canvas'), { width: 64, height: 64 });
    canvas.getContext('2d')!.fillRect(10, 10, 30, 30);
    await host.addExample('cup', canvas);
    await host.addExample('cup', canvas);
    const out = await Promise.all(reads);
    db.close();
    return out;
  });
  expect(seen).toEqual([
    { persisted: true, shown: 2, stored: 2 },
    { persisted: true, shown: 3, stored: 3 },
  ]);
});

test('one damaged stored class is skipped and named; the others load, and saving goes on', async ({ page }) => {
  await openCustomPage(page);
  const el = await mountClassifier(page, CUSTOM);
  await addDrawings(el, 'mug', 2, 11);
  await addDrawings(el, 'keys', 1, 12);
  // Damage the stored "keys": a vector of the wrong length, as a bug or another version might leave.
  await page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve) => {
      const request = indexedDB.open('mobilenet-classifier');
      request.onsuccess = () => resolve(request.result);
    });
    const store = db.transaction('classes', 'readwrite').objectStore('classes');
    await new Promise<void>((resolve) => {
      const cursor = store.openCursor();
      cursor.onsuccess = () => {
        const at = cursor.result;
        if (!at) return resolve();
        if ((at.value as { label: string }).label === 'keys')
          at.update({ ...at.value, examples: [new Float32Array(3)] });
        at.continue();
      };
    });
    db.close();
  });
  await page.reload();
  await page.waitForFunction(() => document.body.dataset.ready === 'true');
  const fresh = await mountClassifier(page, CUSTOM);
  await expect.poll(() => classesOf(fresh)).toEqual([{ label: 'mug', examples: 2 }]);
  await expect(fresh.getByRole('alert')).toContainText(
    'The class "keys" kept in this browser is damaged and was not loaded; the other classes were.',
  );
  const changes = await watchExampleChanges(page);
  await addDrawings(fresh, 'mug', 1, 13);
  expect((await changes()).at(-1)).toEqual({
    reason: 'add',
    classes: [{ label: 'mug', examples: 3 }],
    persisted: true,
  });
  await page.reload();
  await page.waitForFunction(() => document.body.dataset.ready === 'true');
  const again = await mountClassifier(page, CUSTOM);
  await expectReady(again);
  await expect.poll(() => classesOf(again)).toEqual([{ label: 'mug', examples: 3 }]);
});
