// Helpers for the custom-classes tests: "new views" of the test images (crops and flips, drawn on
// canvases in the page), teaching an element through its API, and reading its teaching panel.
import type { Locator, Page } from '@playwright/test';
import type { MobilenetClassifier } from '../src/components/mobilenet-classifier/mobilenet-classifier.component';
import { openElementPage, testImage } from './element-harness';

/** A view of an image: the rectangle (fractions of width and height) and whether it is mirrored. */
export interface ViewSpec {
  x: number;
  y: number;
  w: number;
  h: number;
  flip?: boolean;
}

/** The views a class is taught with: the whole picture, a mirrored 80% centre, the top-left 75%. */
export const TEACH_VIEWS: ViewSpec[] = [
  { x: 0, y: 0, w: 1, h: 1 },
  { x: 0.1, y: 0.1, w: 0.8, h: 0.8, flip: true },
  { x: 0, y: 0, w: 0.75, h: 0.75 },
];

/** Views never taught: other crops, mirrored or not. */
export const HELD_OUT_VIEWS: ViewSpec[] = [
  { x: 0.25, y: 0.25, w: 0.75, h: 0.75, flip: true },
  { x: 0.2, y: 0.2, w: 0.6, h: 0.6 },
  { x: 0, y: 0.25, w: 0.75, h: 0.75 },
  { x: 0, y: 0, w: 1, h: 1, flip: true },
];

/** Two more views, for classes that need five examples (training the head). */
export const MORE_VIEWS: ViewSpec[] = [
  { x: 0.25, y: 0, w: 0.75, h: 0.75, flip: true },
  { x: 0.05, y: 0.15, w: 0.85, h: 0.85 },
];

/** Three dog breeds: near each other in ImageNet, so the custom classes have to tell them apart. */
export const DOGS = {
  Rex: testImage('n02085936_maltese_dog'),
  Bella: testImage('n02096437_dandie_dinmont'),
  Max: testImage('n02105641_old_english_sheepdog'),
};

export const sharedUrl = (file: string) => `/shared/test-images/${file}`;

declare global {
  interface Window {
    /** Canvases of views of the image at `url`, drawn by the init script below. */
    makeViews(url: string, specs: ViewSpec[]): Promise<HTMLCanvasElement[]>;
  }
}

function installViewHelpers(): void {
  window.makeViews = async (url, specs) => {
    const response = await fetch(url);
    if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
    const image = await createImageBitmap(await response.blob());
    return specs.map((spec) => {
      const sw = Math.round(image.width * spec.w);
      const sh = Math.round(image.height * spec.h);
      const canvas = document.createElement('canvas');
      canvas.width = sw;
      canvas.height = sh;
      const context = canvas.getContext('2d')!;
      if (spec.flip) {
        context.translate(sw, 0);
        context.scale(-1, 1);
      }
      context.drawImage(
        image,
        Math.round(image.width * spec.x),
        Math.round(image.height * spec.y),
        sw,
        sh,
        0,
        0,
        sw,
        sh,
      );
      return canvas;
    });
  };
}

/** The element page with ../shared routed in, the event recorder and the view helpers. */
export async function openCustomPage(page: Page): Promise<void> {
  await page.addInitScript(installViewHelpers);
  await openElementPage(page);
}

/** Teaches `label` one example per view of `file`, through `addExample()`. Returns the class's final count. */
export async function teach(el: Locator, label: string, file: string, specs: ViewSpec[]): Promise<number> {
  return el.evaluate(
    async (host: MobilenetClassifier, { label, url, specs }) => {
      let count = 0;
      for (const canvas of await window.makeViews(url, specs)) count = await host.addExample(label, canvas);
      return count;
    },
    { label, url: sharedUrl(file), specs },
  );
}

/** The top custom label `classify()` gives each view of `file`, and its probability. */
export async function classifyViews(
  el: Locator,
  file: string,
  specs: ViewSpec[],
): Promise<{ label?: string; probability?: number; method?: string }[]> {
  return el.evaluate(
    async (host: MobilenetClassifier, { url, specs }) => {
      const tops = [];
      for (const canvas of await window.makeViews(url, specs)) {
        const top = (await host.classify(canvas)).custom?.[0];
        tops.push({ label: top?.label, probability: top?.probability, method: top?.method });
      }
      return tops;
    },
    { url: sharedUrl(file), specs },
  );
}

/**
 * Class name → number of examples, as the teaching panel shows them: read at once, after the render
 * under way (the element renders in the animation frame after a change).
 */
export async function panelCounts(el: Locator): Promise<Record<string, number>> {
  const rows = await el.evaluate(async (host: HTMLElement & { updateComplete: Promise<boolean> }) => {
    await host.updateComplete;
    return Array.from(host.shadowRoot?.querySelectorAll('[part=custom-class]') ?? [], (row) => ({
      label: row.getAttribute('data-label'),
      text: row.querySelector('.count')?.textContent?.trim() ?? '',
    }));
  });
  const counts: Record<string, number> = {};
  for (const { label, text } of rows) {
    const match = /^(\d+) examples?$/.exec(text);
    if (!label || !match)
      throw new Error(`a [part=custom-class] row without a data-label or "N examples": ${label} / "${text}"`);
    counts[label] = Number(match[1]);
  }
  return counts;
}

/** The custom labels rendered in `[part=custom-results]`, best first. */
export async function renderedCustomLabels(el: Locator): Promise<string[]> {
  await el.evaluate((host: HTMLElement & { updateComplete: Promise<boolean> }) => host.updateComplete);
  return (await el.locator('[part=custom-results] [part=label]').allTextContents()).map((text) => text.trim());
}

/** Every `mobilenet-classes-change` detail the page heard, oldest first. */
export async function watchExampleChanges(
  page: Page,
): Promise<() => Promise<{ reason: string; classes: { label: string; examples: number }[]; persisted: boolean }[]>> {
  await page.evaluate(() => {
    const seen: unknown[] = [];
    (window as unknown as { exampleChanges: unknown[] }).exampleChanges = seen;
    document.addEventListener('mobilenet-classes-change', (event) => seen.push(structuredClone(event.detail)));
  });
  return () => page.evaluate(() => (window as unknown as { exampleChanges: never[] }).exampleChanges);
}
