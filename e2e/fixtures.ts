import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import { test as base } from './console-guard';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** ../shared, which holds the model sources and the test images. */
export const SHARED_DIR = path.resolve(root, process.env.SHARED_DIR ?? '../shared');
export const MODEL_SOURCES = path.resolve(root, process.env.MODEL_SOURCES ?? path.join(SHARED_DIR, 'model-sources'));
export const TEST_IMAGES_DIR = path.join(SHARED_DIR, 'test-images');

export interface TestImage {
  file: string;
  index: number;
  wnid: string;
  label: string;
}

/** The 30 ImageNet test images and their true classes (index in the 1001-class space). */
export const TEST_IMAGES: TestImage[] = JSON.parse(readFileSync(path.join(TEST_IMAGES_DIR, 'labels.json'), 'utf8'));

/** The built model the dev server serves at /model/ (npm run model). */
export const MODEL_DIR = path.join(root, 'public/model');
const builtModel = JSON.parse(readFileSync(path.join(MODEL_DIR, 'model.json'), 'utf8')) as {
  weightsManifest: { paths: string[] }[];
};
/** Bytes of all weight shards of the built model, read from disk: what a cold load must download. */
export const MODEL_WEIGHT_BYTES = builtModel.weightsManifest
  .flatMap((group) => group.paths)
  .reduce((sum, shard) => sum + readFileSync(path.join(MODEL_DIR, shard)).length, 0);
/** The backbone precision public/model was built with. */
export const MODEL_BACKBONE = (
  JSON.parse(readFileSync(path.join(MODEL_DIR, 'build.json'), 'utf8')) as {
    options: { backbone: 'float32' | 'float16' };
  }
).options.backbone;

/**
 * Serves ../shared under /shared/ on the page's own origin, without copying it into the app.
 * Only files under SHARED_DIR are served.
 */
export async function routeShared(page: Page): Promise<void> {
  await page.route('**/shared/**', async (route) => {
    const relative = decodeURIComponent(new URL(route.request().url()).pathname.replace(/^\/shared\//, ''));
    const file = path.resolve(SHARED_DIR, relative);
    if (!file.startsWith(SHARED_DIR + path.sep)) return route.fulfill({ status: 403 });
    try {
      return await route.fulfill({ path: file });
    } catch {
      return route.fulfill({ status: 404 });
    }
  });
}

/** Opens the harness page with ../shared routed in; fails with a message if the harness does not come up. */
export async function openHarness(page: Page): Promise<void> {
  await routeShared(page);
  await page.goto('/e2e/harness.html');
  await page
    .waitForFunction(() => document.body.dataset.ready === 'true', undefined, { timeout: 60_000 })
    .catch(() => {
      throw new Error('the test harness (e2e/harness.ts) never set body[data-ready]: did the Vite server start?');
    });
}

export const test = base.extend<{ harnessPage: Page }>({
  harnessPage: async ({ page }, use) => {
    await openHarness(page);
    await use(page);
  },
});

export { expect } from '@playwright/test';
