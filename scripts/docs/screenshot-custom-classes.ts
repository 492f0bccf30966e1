// Takes docs/custom-classes.png, the README's picture of custom classes: the real element in a real
// Chromium, taught three dogs from crops and flips of the test images, with the head trained, showing a
// view it never saw.
//   npm run docs:screenshot
import path from 'node:path';
import type { MobilenetClassifier } from '../../src/components/mobilenet-classifier/mobilenet-classifier.component';
import { screenshotElementPage } from './element-page';
import { ROOT } from './manifest';

const OUT = path.join(ROOT, 'docs/custom-classes.png');
const TEACH = {
  Rex: 'n02085936_maltese_dog.jpg',
  Bella: 'n02096437_dandie_dinmont.jpg',
  Max: 'n02105641_old_english_sheepdog.jpg',
};

await screenshotElementPage(OUT, { width: 720, height: 1000 }, async (page) => {
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
});
