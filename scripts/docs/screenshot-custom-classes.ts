// Takes docs/custom-classes.png, the README's picture of custom classes: the real element in a real
// Chromium, taught three dogs from crops and flips of the test images, with the head trained, showing a
// view it never saw.
//   npm run docs:screenshot
import { statSync } from 'node:fs';
import path from 'node:path';
import { chromium } from '@playwright/test';
import { createServer } from 'vite';
import { routeShared } from '../../e2e/fixtures';
import type { MobilenetClassifier } from '../../src/components/mobilenet-classifier/mobilenet-classifier.component';
import { ROOT } from './manifest';

const OUT = path.join(ROOT, 'docs/custom-classes.png');
const TEACH = {
  Rex: 'n02085936_maltese_dog.jpg',
  Bella: 'n02096437_dandie_dinmont.jpg',
  Max: 'n02105641_old_english_sheepdog.jpg',
};

async function main(): Promise<void> {
  const server = await createServer({ root: ROOT, logLevel: 'warn', server: { port: 5199, host: '127.0.0.1' } });
  await server.listen();
  const base = server.resolvedUrls?.local[0];
  if (!base) throw new Error('the Vite dev server did not say where it listens');
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium' });
  try {
    const page = await browser.newPage({ viewport: { width: 720, height: 1000 }, deviceScaleFactor: 1 });
    await routeShared(page);
    // tsx compiles this file with keepNames, which wraps the named functions inside evaluate() in __name().
    await page.addInitScript('globalThis.__name = (f) => f');
    await page.goto(new URL('e2e/element.html', base).href);
    await page.waitForFunction(() => document.body.dataset.ready === 'true');
    await page.evaluate(async (teach) => {
      const el = document.createElement('mobilenet-classifier') as MobilenetClassifier;
      el.setAttribute('mode', 'custom');
      el.setAttribute('backend', 'wasm');
      el.style.margin = '16px';
      document.body.style.margin = '0';
      document.body.append(el);
      await el.ready;
      const views = async (file: string, boxes: number[][]) => {
        const image = await createImageBitmap(await (await fetch(`/shared/test-images/${file}`)).blob());
        return boxes.map(([x, y, w, flip]) => {
          const canvas = document.createElement('canvas');
          canvas.width = Math.round(image.width * w);
          canvas.height = Math.round(image.height * w);
          const context = canvas.getContext('2d')!;
          if (flip) context.setTransform(-1, 0, 0, 1, canvas.width, 0);
          context.drawImage(
            image,
            image.width * x,
            image.height * y,
            canvas.width,
            canvas.height,
            0,
            0,
            canvas.width,
            canvas.height,
          );
          return canvas;
        });
      };
      for (const [label, file] of Object.entries(teach)) {
        for (const canvas of await views(file, [
          [0, 0, 1, 0],
          [0.1, 0.1, 0.8, 1],
          [0, 0, 0.75, 0],
          [0.25, 0, 0.75, 1],
          [0.05, 0.15, 0.85, 0],
        ])) {
          await el.addExample(label, canvas);
        }
      }
      await el.trainHead();
      const [unseen] = await views(teach.Bella, [[0.2, 0.2, 0.6, 0]]);
      await el.classify(unseen);
      await el.updateComplete;
    }, TEACH);
    await page.locator('mobilenet-classifier').screenshot({ path: OUT });
  } finally {
    await browser.close();
    await server.close();
  }
  console.log(`${path.relative(ROOT, OUT)}: ${statSync(OUT).size} bytes`);
}

await main();
