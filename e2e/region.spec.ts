// Issue 15, part 3: a square the user moves over the photo or the camera preview, which the model then
// sees. A 600×300 picture holds a strawberry on the left and a golf ball on the right: moving the square
// from one half to the other, by mouse, touch or keyboard, must change `region`, fire
// mobilenet-region-change and change the prediction to what is inside. Runs in the fake-camera browser
// (its webcam shows a strawberry), so that the square over the preview is tested too.
import type { Locator, Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import type { MobilenetClassifier } from '../src/components/mobilenet-classifier/mobilenet-classifier.component';
import type { Region } from '../src/model';
import { expect, expectCameraOn, mountClassifier, openElementPage, test } from './camera-harness';
import { buildPictures, GOLF_BALL, STRAWBERRY } from './pictures';

declare global {
  interface Window {
    regionChanges: Region[];
  }
}

/** Mounts an element on wasm with these attributes, records its region changes and shows the side-by-side picture. */
async function mountWithPicture(page: Page, attributes: Record<string, string | true>): Promise<Locator> {
  const el = await mountClassifier(page, { backend: 'wasm', ...attributes });
  await buildPictures(page);
  await el.evaluate(async (host: MobilenetClassifier) => {
    window.regionChanges = [];
    host.addEventListener('mobilenet-region-change', (event) => window.regionChanges.push(event.detail.region));
    await host.classify(window.pictures.sideBySide!);
  });
  await expect(el.locator('[part=region]')).toBeVisible();
  return el;
}

/** Waits until the top prediction on screen is class `index`. */
async function expectTop(el: Locator, index: number, label: string): Promise<void> {
  await expect(el.locator('[part=label]').first(), `the top prediction is ${label}`).toHaveText(
    (await el.page().evaluate(async (i) => {
      const labels = (await (await fetch('/model/labels.json')).json()) as { label: string }[];
      return labels[i]!.label;
    }, index)) as string,
  );
}

const region = (el: Locator) => el.evaluate((host: MobilenetClassifier) => host.region);
const changes = (page: Page) => page.evaluate(() => window.regionChanges);

test('the square follows the mouse: dragging it right shows the golf ball, dragging its corner resizes it', async ({
  elementPage: page,
}) => {
  const el = await mountWithPicture(page, { region: '0 0 1' });
  await expectTop(el, STRAWBERRY.index, 'strawberry');
  await expect(el.locator('[part=crop]')).toBeVisible();
  const square = el.locator('[part=region]');
  const frame = (await el.locator('[part=picture]').boundingBox())!;
  const box = (await square.boundingBox())!;
  // The square covers the left half: drag it by half the picture's width.
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.down();
  for (let step = 1; step <= 5; step++)
    await page.mouse.move(box.x + box.width / 2 + (step * frame.width) / 10, box.y + box.height / 2);
  await page.mouse.up();
  expect(await region(el)).toEqual({ x: 0.5, y: 0, size: 1 });
  await expectTop(el, GOLF_BALL.index, 'golf ball');
  const seen = await changes(page);
  expect(seen.length, 'one event per move').toBeGreaterThanOrEqual(2);
  expect(seen.at(-1)).toEqual({ x: 0.5, y: 0, size: 1 });
  // The corner, dragged up-left by a quarter of the picture's height, makes the square smaller.
  await el.evaluate((host: MobilenetClassifier) => host.updateComplete); // the square drawn where it now is
  const handle = (await el.locator('[part=region-handle]').boundingBox())!;
  const corner = { x: handle.x + handle.width / 2, y: handle.y + handle.height / 2 };
  await page.mouse.move(corner.x, corner.y);
  await page.mouse.down();
  await page.mouse.move(corner.x - frame.height / 4, corner.y - frame.height / 4, { steps: 3 });
  await page.mouse.up();
  const resized = (await region(el))!;
  expect(resized.size).toBeCloseTo(0.75, 1);
  expect(resized).toMatchObject({ x: 0.5, y: 0 });
  expect((await changes(page)).at(-1)).toEqual(resized);
});

test('the keyboard moves the square (arrows) and resizes it (Shift+arrows); the slider says where it is', async ({
  elementPage: page,
}) => {
  const el = await mountWithPicture(page, { region: '0.5 0 1' });
  await expectTop(el, GOLF_BALL.index, 'golf ball');
  const square = el.getByRole('slider', { name: 'Region the model sees' });
  await expect(square).toHaveAttribute('aria-valuetext', 'Left 50%, top 0%, size 100% of the short side');
  await square.focus();
  for (let i = 0; i < 25; i++) await page.keyboard.press('ArrowLeft');
  expect(await region(el)).toEqual({ x: 0, y: 0, size: 1 });
  await expectTop(el, STRAWBERRY.index, 'strawberry');
  await expect(square).toHaveAttribute('aria-valuetext', 'Left 0%, top 0%, size 100% of the short side');
  // Already at the left edge: one more press changes nothing and fires nothing.
  const before = (await changes(page)).length;
  await page.keyboard.press('ArrowLeft');
  expect((await changes(page)).length).toBe(before);
  await page.keyboard.press('Shift+ArrowDown');
  await page.keyboard.press('Shift+ArrowDown');
  const smaller = (await region(el))!;
  expect(smaller.size).toBeCloseTo(0.96, 5);
  // Resized about its centre: 0.04 of the short side is 0.02 of the width and 0.04 of the height.
  expect(smaller.x).toBeCloseTo(0.01, 5);
  expect(smaller.y).toBeCloseTo(0.02, 5);
  // Down to the bottom edge, and no further.
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  expect((await region(el))!.y).toBeCloseTo(0.04, 5);
  expect((await changes(page)).at(-1)).toEqual(await region(el));
  expect((await changes(page)).length).toBe(before + 3);
});

test('the square follows a finger (touch events in a touch context)', async ({ browser }, testInfo) => {
  const context = await browser.newContext({ hasTouch: true, baseURL: testInfo.project.use.baseURL });
  try {
    const page = await context.newPage();
    await openElementPage(page);
    const el = await mountWithPicture(page, { region: '0 0 1' });
    await expectTop(el, STRAWBERRY.index, 'strawberry');
    const frame = (await el.locator('[part=picture]').boundingBox())!;
    const box = (await el.locator('[part=region]').boundingBox())!;
    const cdp = await context.newCDPSession(page);
    const touch = (type: 'touchStart' | 'touchMove' | 'touchEnd', x: number) =>
      cdp.send('Input.dispatchTouchEvent', {
        type,
        touchPoints: type === 'touchEnd' ? [] : [{ x, y: box.y + box.height / 2, id: 1 }],
      });
    const start = box.x + box.width / 2;
    await touch('touchStart', start);
    for (let step = 1; step <= 5; step++) await touch('touchMove', start + (step * frame.width) / 10);
    await touch('touchEnd', 0);
    expect(await region(el)).toEqual({ x: 0.5, y: 0, size: 1 });
    expect((await changes(page)).at(-1)).toEqual({ x: 0.5, y: 0, size: 1 });
    await expectTop(el, GOLF_BALL.index, 'golf ball');
  } finally {
    await context.close();
  }
});

test('region attribute: "x y size", removed means the centred crop, invalid means that plus one warning', async ({
  elementPage: page,
}) => {
  const el = await mountClassifier(page, { backend: 'wasm' });
  const read = (value: string | null) =>
    el.evaluate(async (host: MobilenetClassifier, value) => {
      const warnings: string[] = [];
      const warn = console.warn;
      console.warn = (...args: unknown[]) => warnings.push(args.map(String).join(' '));
      try {
        if (value === null) host.removeAttribute('region');
        else host.setAttribute('region', value);
        await host.updateComplete;
        return { region: host.region, warnings };
      } finally {
        console.warn = warn;
      }
    }, value);
  expect(await read('0.5 0 1')).toEqual({ region: { x: 0.5, y: 0, size: 1 }, warnings: [] });
  expect(await read('0.25, 0.1, 0.5')).toEqual({ region: { x: 0.25, y: 0.1, size: 0.5 }, warnings: [] });
  expect(await read(null)).toEqual({ region: null, warnings: [] });
  for (const bad of ['0.5 0', 'left', '0 0 0', '1 0 0.5', '0 0 2'])
    expect(await read(bad)).toEqual({
      region: null,
      warnings: [
        `<mobilenet-classifier region="${bad}">: not three fractions "x y size" (x and y in [0, 1), size in (0, 1]); using the default, null.`,
      ],
    });
  // A property set to a bad region is ignored with a warning, like the others.
  const property = await el.evaluate(async (host: MobilenetClassifier) => {
    const warnings: string[] = [];
    const warn = console.warn;
    console.warn = (...args: unknown[]) => warnings.push(args.map(String).join(' '));
    try {
      host.region = { x: 0.1, y: 0, size: 0.5 };
      await host.updateComplete;
      host.region = { x: 0, y: 0, size: 5 };
      await host.updateComplete;
      return { region: host.region, warnings };
    } finally {
      console.warn = warn;
    }
  });
  expect(property).toEqual({
    region: { x: 0.1, y: 0, size: 0.5 },
    warnings: [
      '<mobilenet-classifier>.region = an object: not three fractions "x y size" (x and y in [0, 1), size in (0, 1]); keeping [object Object].',
    ],
  });
});

test('over the camera preview: the square shows and moves, and frames are classified inside it; axe passes', async ({
  elementPage: page,
}) => {
  const el = await mountClassifier(page, { backend: 'wasm', region: '0 0 0.5', camera: true, explain: true });
  await expectCameraOn(el);
  const square = el.locator('.region-frame video ~ [part=region]');
  await expect(square).toBeVisible();
  await square.focus();
  await page.keyboard.press('ArrowRight');
  expect((await region(el))!.x).toBeCloseTo(0.02, 5);
  // The frame classified is the square's: its crop differs from the centred crop of the same still frame.
  const capture = () =>
    el.evaluate(async (host: MobilenetClassifier) => {
      const done = new Promise((resolve) => host.addEventListener('mobilenet-result', resolve, { once: true }));
      host.shadowRoot!.querySelector<HTMLButtonElement>('[part=capture-button]')!.click();
      await done;
      await host.updateComplete;
      const crop = host.shadowRoot!.querySelector<HTMLCanvasElement>('[part=crop]')!;
      return Array.from(crop.getContext('2d')!.getImageData(0, 0, 96, 96).data);
    });
  const inSquare = await capture();
  const axe = await new AxeBuilder({ page }).analyze();
  await el.evaluate((host: MobilenetClassifier) => (host.region = null));
  await expect(square).toHaveCount(0);
  const centred = await capture();
  const difference = inSquare.reduce((sum, value, i) => sum + Math.abs(value - centred[i]!), 0) / inSquare.length;
  expect(difference, 'mean difference of the two crops, 0–255').toBeGreaterThan(10);
  const { violations } = axe;
  const severe = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(severe.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
});
