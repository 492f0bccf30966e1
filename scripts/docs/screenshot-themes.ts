// Takes docs/themes.png, the README's picture of the two palettes: the real element twice, theme="light"
// on a light page and theme="dark" on a dark one, each showing its answer for the same test photo.
//   npm run docs:screenshot
import path from 'node:path';
import type { MobilenetClassifier } from '../../src/components/mobilenet-classifier/mobilenet-classifier.component';
import { screenshotElementPage } from './element-page';
import { ROOT } from './manifest';

const OUT = path.join(ROOT, 'docs/themes.png');
const PHOTO = 'n07745940_strawberry.jpg';

await screenshotElementPage(OUT, { width: 760, height: 560 }, async (page) => {
  await page.evaluate(async (photo) => {
    document.body.style.cssText = 'margin: 0; display: flex;';
    const blob = await (await fetch(`/shared/test-images/${photo}`)).blob();
    for (const theme of ['light', 'dark'] as const) {
      const backdrop = document.createElement('div');
      backdrop.style.cssText = `padding: 16px; flex: 1; color-scheme: ${theme}; background: ${theme === 'dark' ? '#121212' : '#f7f6f2'}`;
      const el = document.createElement('mobilenet-classifier') as MobilenetClassifier;
      el.setAttribute('theme', theme);
      el.setAttribute('backend', 'wasm');
      el.setAttribute('top-k', '3');
      el.innerHTML = `<strong slot="header">theme="${theme}"</strong>`;
      backdrop.append(el);
      document.body.append(backdrop);
      await el.ready;
      await el.classify(blob);
      await el.updateComplete;
    }
  }, PHOTO);
  await page.locator('body').screenshot({ path: OUT });
});
