// "Hold to record" on a fake webcam that shows a strawberry (see camera-harness.ts): frames are added to
// a class while the button is held, by mouse or keyboard, and the class then recognises the camera.
import type { Locator } from '@playwright/test';
import type { MobilenetClassifier } from '../src/components/mobilenet-classifier/mobilenet-classifier.component';
import { expect, expectCameraOn, mountClassifier, test } from './camera-harness';
import { panelCounts, sharedUrl } from './custom-harness';
import { testImage } from './element-harness';
import { routeShared } from './fixtures';

const lorikeet = testImage('n01820546_lorikeet');

/** Waits until the class has at least `n` examples; returns how many it has then. */
async function atLeast(el: Locator, label: string, n: number): Promise<number> {
  await expect
    .poll(async () => (await panelCounts(el))[label] ?? 0, {
      message: `"${label}" never reached ${n} examples`,
      timeout: 20_000,
    })
    .toBeGreaterThanOrEqual(n);
  return (await panelCounts(el))[label];
}

test('holding "Hold to record" adds camera frames to the class until released; the class then recognises the camera', async ({
  elementPage: page,
}) => {
  await routeShared(page);
  const el = await mountClassifier(page, { backend: 'wasm', mode: 'custom', camera: true });
  await expectCameraOn(el);
  await el.getByLabel('New class').fill('berry');
  await el.getByRole('button', { name: 'Add class' }).click();
  await el.evaluate((host: MobilenetClassifier, url) => host.addExample('bird', url), sharedUrl(lorikeet.file));

  const record = el.getByRole('button', { name: 'Hold to record berry' });
  await record.hover();
  await page.mouse.down();
  await expect(record).toHaveAttribute('aria-pressed', 'true');
  const whileHeld = await atLeast(el, 'berry', 3);
  await page.mouse.up();
  await expect(record).toHaveAttribute('aria-pressed', 'false');
  const released = (await panelCounts(el)).berry;
  expect(released).toBeGreaterThanOrEqual(whileHeld);
  // Frames come 5 a second while held: a second after release there must be none new.
  await page.waitForTimeout(1000);
  expect((await panelCounts(el)).berry, 'frames were still added after the button was released').toBe(released);

  // Keyboard: Space held down records, released stops.
  await record.focus();
  await page.keyboard.down(' ');
  await atLeast(el, 'berry', released + 2);
  await page.keyboard.up(' ');
  await expect(record).toHaveAttribute('aria-pressed', 'false');

  await el.getByRole('button', { name: 'Classify this frame' }).click();
  await expect(el.locator('[part=custom-results] [part=label]').first()).toHaveText('berry');
});

test('"Hold to record" is disabled, and says why, while the camera is off', async ({ elementPage: page }) => {
  await routeShared(page);
  const el = await mountClassifier(page, { backend: 'wasm', mode: 'custom' });
  await el.evaluate((host: MobilenetClassifier, url) => host.addExample('bird', url), sharedUrl(lorikeet.file));
  await expect(el.getByRole('button', { name: 'Hold to record bird' })).toBeDisabled();
  await expect(el.locator('[part=teach]')).toContainText('Turn the camera on to record examples');
});
