// Custom classes in <mobilenet-classifier>: taught from crops and flips of the test images, recognised
// on held-out views; the teaching panel; export/import; IndexedDB across reloads; bad files; training.
import { expect, test as base, mountClassifier, ON_WASM } from './element-harness';
import { classifyViews, DOGS, HELD_OUT_VIEWS, openCustomPage, panelCounts, renderedCustomLabels, teach, TEACH_VIEWS } from './custom-harness';
import type { Page } from '@playwright/test';

const test = base.extend<{ customPage: Page }>({
  customPage: async ({ page }, use) => {
    await openCustomPage(page);
    await use(page);
  },
});

test('taught 3 classes with 3 examples each (crops and flips), it recognises held-out views of each', async ({ customPage: page }) => {
  const el = await mountClassifier(page, { ...ON_WASM, mode: 'custom' });
  for (const [label, image] of Object.entries(DOGS)) {
    expect(await teach(el, label, image.file, TEACH_VIEWS)).toBe(3);
  }
  expect(await panelCounts(el)).toEqual({ Rex: 3, Bella: 3, Max: 3 });

  for (const [label, image] of Object.entries(DOGS)) {
    const tops = await classifyViews(el, image.file, HELD_OUT_VIEWS);
    expect(tops.map((t) => t.label), `held-out views of ${image.file} (taught as ${label})`).toEqual(HELD_OUT_VIEWS.map(() => label));
    for (const top of tops) expect(top.method).toBe('knn');
  }
  // The last one classified is on screen.
  await expect.poll(() => renderedCustomLabels(el)).toEqual(['Max', expect.any(String), expect.any(String)]);
});
