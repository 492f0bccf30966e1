// Issue 15, part 2: the element's explanation overlay. A grey picture holds a strawberry in its top-right
// cell and nothing else: the heat over the crop must be hottest there, and the summary must say so.
// Picking another class in the list explains that class; live mode explains only when asked. Runs in the
// fake-camera browser (its webcam shows a strawberry) for the live-mode test.
import type { Locator } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import type { MobilenetClassifier } from '../src/components/mobilenet-classifier/mobilenet-classifier.component';
import type { MobilenetExplanation } from '../src/events';
import { expect, expectCameraOn, mountClassifier, test } from './camera-harness';
import { buildPictures, STRAWBERRY } from './pictures';

declare global {
  interface Window {
    explained: { classIndex: number; label: string; heat: number[] }[];
  }
}

/** The overlay's hottest cell (row, column) and the class it shows, read from the heat canvas's pixels. */
function hottestShown(el: Locator) {
  return el.evaluate((host: MobilenetClassifier) => {
    const canvas = host.shadowRoot!.querySelector<HTMLCanvasElement>('[part=heat]')!;
    const { data, width } = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height);
    let best = 0;
    for (let i = 0; i < data.length / 4; i++) if (data[i * 4 + 3]! > data[best * 4 + 3]!) best = i;
    return {
      row: Math.floor(best / width),
      column: best % width,
      grid: width,
      classIndex: Number(canvas.dataset.classIndex),
    };
  });
}

test('the heat is hottest where the object is, the summary says where, and picking a class explains it', async ({
  elementPage: page,
}) => {
  const el = await mountClassifier(page, { backend: 'wasm', explain: true });
  await buildPictures(page);
  await el.evaluate(async (host: MobilenetClassifier) => {
    window.explained = [];
    host.addEventListener('mobilenet-explain', ({ detail: { explanation: e } }) =>
      window.explained.push({ classIndex: e.classIndex, label: e.label, heat: Array.from(e.heat) }),
    );
    await host.classify(window.pictures.oneCell!);
  });
  const summary = el.locator('[part=explain-summary]');
  await expect(summary).toHaveText('Most important for “strawberry”: the top-right of the picture.');
  await expect(el.locator('[part=heat-legend]')).toBeVisible();
  const hot = await hottestShown(el);
  expect(hot).toEqual({ row: hot.row, column: hot.column, grid: 7, classIndex: STRAWBERRY.index });
  // The strawberry fills the top-right third: rows 0–2, columns 5–6 of the 7 × 7 grid.
  expect(hot.row).toBeLessThanOrEqual(2);
  expect(hot.column).toBeGreaterThanOrEqual(5);
  const picks = el.locator('[part=explain-pick]');
  await expect(picks.first()).toHaveAttribute('aria-pressed', 'true');
  // The parts users style are still there, inside the buttons.
  await expect(el.locator('[part=result] [part=explain-pick] [part=label]')).toHaveCount(5);
  // Mouse: the second class.
  const second = (await picks.nth(1).locator('[part=label]').textContent())!.trim();
  await picks.nth(1).click();
  await expect(summary).toContainText(`“${second}”`);
  await expect(picks.nth(1)).toHaveAttribute('aria-pressed', 'true');
  await expect(picks.first()).toHaveAttribute('aria-pressed', 'false');
  const explained = await page.evaluate(() => window.explained);
  expect(explained.map((e) => e.label)).toEqual(['strawberry', second]);
  expect((await hottestShown(el)).classIndex).toBe(explained[1]!.classIndex);
  expect(explained[1]!.heat, 'another class, another heat').not.toEqual(explained[0]!.heat);
  // Keyboard: Tab to the third, Enter.
  await picks.nth(2).focus();
  await page.keyboard.press('Enter');
  await expect(picks.nth(2)).toHaveAttribute('aria-pressed', 'true');
  await expect.poll(() => page.evaluate(() => window.explained.length)).toBe(3);
  // The method: the picked class by default, any class by index; a bad index is the core's RangeError.
  const method = await el.evaluate(async (host: MobilenetClassifier) => {
    const picked = await host.explainResult();
    const tench = await host.explainResult(1);
    const bad = await host.explainResult(5000).then(
      () => 'resolved',
      (e: Error) => `${e.name}: ${e.message}`,
    );
    return { picked: picked.classIndex, tench: { classIndex: tench.classIndex, cells: tench.heat.length }, bad };
  });
  expect(method.picked).toBe((await page.evaluate(() => window.explained))[2]!.classIndex);
  expect(method.tench).toEqual({ classIndex: 1, cells: 49 });
  expect(method.bad).toBe('RangeError: classIndex must be a class index from 0 to 1000, got 5000.');
  // A new picture starts again from its top class.
  await el.evaluate(async (host: MobilenetClassifier) => void (await host.classify(window.pictures.sideBySide!)));
  await expect(picks.first()).toHaveAttribute('aria-pressed', 'true');
  const { violations } = await new AxeBuilder({ page }).analyze();
  const severe = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(severe.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
});

test('in live mode the heat waits for the button, then shows the frame it explains', async ({ elementPage: page }) => {
  const el = await mountClassifier(page, { backend: 'wasm', explain: true, camera: true, live: true, 'max-fps': '5' });
  await expectCameraOn(el);
  await el.evaluate((host: MobilenetClassifier) => {
    window.explained = [];
    host.addEventListener(
      'mobilenet-explain',
      ({ detail: { explanation: e } }: { detail: { explanation: MobilenetExplanation } }) =>
        window.explained.push({ classIndex: e.classIndex, label: e.label, heat: Array.from(e.heat) }),
    );
  });
  await expect(el.locator('[part=label]').first()).toHaveText('strawberry');
  // Frames keep coming, none is explained unasked.
  await page.waitForTimeout(1000);
  expect(await page.evaluate(() => window.explained.length)).toBe(0);
  await el.getByRole('button', { name: 'Explain this frame' }).click();
  await expect(el.locator('[part=explain-summary]')).toContainText('Most important for “strawberry”');
  await expect(el.locator('canvas.explained-frame')).toBeVisible();
  await expect(el.locator('[part=heat]')).toHaveCount(1);
  await page.waitForTimeout(1000);
  expect(await page.evaluate(() => window.explained.length), 'one explanation, for one press').toBe(1);
});
