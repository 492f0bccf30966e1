// Smoke tests of the demo page (index.html + src/demo/) with the real model, in Debian's Chromium.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Locator, Page } from '@playwright/test';
import { expect, test } from './console-guard';
import { DRAWINGS } from '../src/demo/drawings';
import { TEST_IMAGES_DIR } from './fixtures';
import type { MobilenetClassifier } from '../src/index';

interface LoggedResult {
  element: string;
  labels: string[];
}

declare global {
  interface Window {
    /** Filled by {@link recordResults}: every mobilenet-result that reached the document. */
    demoResults: LoggedResult[];
  }
}

/** Runs before the page's scripts, so no result is missed. */
function recordResults(): void {
  window.demoResults = [];
  document.addEventListener('mobilenet-result', (event) => {
    window.demoResults.push({
      element: (event.target as Element).id,
      labels: event.detail.result.predictions.map((p) => p.label),
    });
  });
}

async function liveResults(page: Page): Promise<LoggedResult[]> {
  return (await page.evaluate(() => window.demoResults)).filter((r) => r.element === 'live');
}

/** Waits for the next mobilenet-result of the live example after `action`, and returns its labels. */
async function nextLiveResult(page: Page, action: () => Promise<void>): Promise<string[]> {
  const before = (await liveResults(page)).length;
  await action();
  try {
    await expect.poll(async () => (await liveResults(page)).length, { timeout: 30_000 }).toBeGreaterThan(before);
  } catch {
    const log = await page.locator('#event-log').innerText();
    throw new Error(`the live example fired no mobilenet-result within 30 s; event log:\n${log}`);
  }
  return (await liveResults(page)).at(-1)!.labels;
}

/** Opens the demo and waits until the live example is ready; fails with its status and error otherwise. */
async function openDemo(page: Page): Promise<Locator> {
  await page.addInitScript(recordResults);
  await page.goto('/');
  const live = page.locator('#live');
  try {
    // `ready`, not the status line's words: the panel may have put the example in another language.
    await page.waitForFunction(() => customElements.get('mobilenet-classifier'), undefined, { timeout: 60_000 });
    await live.evaluate(
      (el: MobilenetClassifier) =>
        Promise.race([el.ready, new Promise((_, reject) => setTimeout(() => reject(new Error('not ready')), 60_000))]),
      undefined,
      { timeout: 65_000 },
    );
  } catch {
    const status =
      (
        await live
          .locator('[part=status]')
          .textContent()
          .catch(() => null)
      )?.trim() ?? 'no [part=status] rendered';
    const error = (
      await live
        .locator('[part=error]')
        .textContent()
        .catch(() => null)
    )?.trim();
    throw new Error(`#live never said Ready: status "${status}"${error ? `, error "${error}"` : ''}`);
  }
  return live;
}

function drawingButton(page: Page, id: string): Locator {
  return page.locator(`#drawing-list button[data-drawing="${id}"]`);
}

test('the live example becomes ready and the event log shows mobilenet-ready', async ({ page }) => {
  await openDemo(page);
  await expect(page.locator('#event-log li', { hasText: '#live' }).filter({ hasText: 'mobilenet-ready' })).toHaveCount(
    1,
  );
  await expect(page.locator('#event-log-empty')).toBeHidden();
});

test('pressing a drawing classifies it and logs the result, newest first', async ({ page }) => {
  const live = await openDemo(page);
  const labels = await nextLiveResult(page, () => drawingButton(page, 'golf-ball').click());
  expect(labels[0]).toBe('golf ball');
  await expect(live.locator('[part=result]')).toHaveCount(5);
  const newest = page.locator('#event-log li').first();
  await expect(newest).toContainText('#live');
  await expect(newest).toContainText('mobilenet-result');
  await expect(newest).toContainText(/golf ball \d+\.\d% · source: method · \d+ ms/);

  // The drawings are buttons: Enter works too.
  const enterLabels = await nextLiveResult(page, async () => {
    await drawingButton(page, 'traffic-light').focus();
    await page.keyboard.press('Enter');
  });
  expect(enterLabels[0]).toBe('traffic light');
  await expect(page.locator('#event-log li').first()).toContainText('traffic light');
});

test('several files uploaded to the live example become its results list, and the log shows the batch', async ({
  page,
}) => {
  const live = await openDemo(page);
  const images = ['n07745940_strawberry.jpg', 'n01820546_lorikeet.jpg'].map((file) => ({
    name: file,
    mimeType: 'image/jpeg',
    buffer: readFileSync(path.join(TEST_IMAGES_DIR, file)),
  }));
  const notes = { name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('not a picture') };
  await live.locator('input[type=file]').setInputFiles([...images, notes]);
  await expect(live.locator('[part=batch-row]')).toHaveCount(3, { timeout: 30_000 });
  await expect(live.locator('[part=batch-row] [part=row-label]')).toHaveText(['strawberry', 'lorikeet']);
  // Other examples on the page log their own events meanwhile: pick the live example's batch lines.
  const batchLine = (type: string) =>
    page.locator(`#event-log li[data-type=${type}]`).filter({ hasText: '#live' }).first();
  await expect(batchLine('mobilenet-batch-done')).toContainText('2 classified, 1 failed');
  await expect(batchLine('mobilenet-batch-progress')).toContainText('3 files to classify');
});

test('every drawing in the strip has its own class among the top 5', async ({ page }) => {
  await openDemo(page);
  const buttons = page.locator('#drawing-list button');
  await expect(buttons).toHaveCount(DRAWINGS.length);
  const missed: string[] = [];
  for (const drawing of DRAWINGS) {
    await expect(drawingButton(page, drawing.id)).toHaveAccessibleName(drawing.name);
    const labels = await nextLiveResult(page, () => drawingButton(page, drawing.id).click());
    if (!labels.includes(drawing.label))
      missed.push(`${drawing.id}: wanted "${drawing.label}", got ${labels.join(', ')}`);
  }
  expect(missed, 'these drawings are not recognised any more: redraw them or drop them from the strip').toEqual([]);
});

test('top-k from the control panel sets the number of results and the snippet', async ({ page }) => {
  const live = await openDemo(page);
  const panel = page.getByRole('form', { name: 'Attributes of the live example' });
  await nextLiveResult(page, () => drawingButton(page, 'orange').click());
  await expect(live.locator('[part=result]')).toHaveCount(5);

  await panel.getByLabel('top-k').fill('3');
  await expect(live).toHaveAttribute('top-k', '3');
  await expect(page.locator('#live-snippet')).toContainText('<mobilenet-classifier features top-k="3">');
  await nextLiveResult(page, () => drawingButton(page, 'lemon').click());
  await expect(live.locator('[part=result]')).toHaveCount(3);

  await panel.getByLabel('top-k').fill('8');
  await nextLiveResult(page, () => drawingButton(page, 'maze').click());
  await expect(live.locator('[part=result]')).toHaveCount(8);

  // The other controls reach the element and the snippet as well.
  await panel.getByLabel('backend').selectOption('cpu');
  await panel.getByRole('checkbox', { name: /^live/ }).check();
  await panel.getByRole('checkbox', { name: /^mirror/ }).check();
  await panel.getByRole('checkbox', { name: /^features/ }).uncheck();
  await panel.getByLabel('max-fps').fill('5');
  await panel.getByLabel('facing-mode').selectOption('environment');
  await panel.getByLabel('crop').fill('0.5');
  await expect(page.locator('#live-snippet')).toContainText(
    '<mobilenet-classifier top-k="8" crop="0.5" backend="cpu" live max-fps="5" mirror facing-mode="environment">',
  );
  expect(
    await live.evaluate((el: MobilenetClassifier) => [
      el.backend,
      el.live,
      el.maxFps,
      el.mirror,
      el.facingMode,
      el.features,
      el.crop,
    ]),
  ).toEqual(['cpu', true, 5, true, 'environment', false, 0.5]);
});

test('explain and region from the control panel: the heat map, the square, the snippet and the log', async ({
  page,
}) => {
  const live = await openDemo(page);
  const panel = page.getByRole('form', { name: 'Attributes of the live example' });
  await panel.getByRole('checkbox', { name: /^explain/ }).check();
  await panel.getByLabel('region', { exact: true }).selectOption('0.25 0.25 0.5');
  await expect(page.locator('#live-snippet')).toContainText(
    '<mobilenet-classifier features explain region="0.25 0.25 0.5">',
  );
  await nextLiveResult(page, () => drawingButton(page, 'orange').click());
  await expect(live.locator('[part=explain-summary]')).toContainText('Most important for');
  await expect(page.locator('#event-log li[data-type=mobilenet-explain]').first()).toBeVisible();
  const square = live.getByRole('slider', { name: 'Region the model sees' });
  await square.focus();
  await page.keyboard.press('ArrowRight');
  await expect(page.locator('#event-log li[data-type=mobilenet-region-change]').first()).toContainText('x 0.27');
  expect(await live.evaluate((el: MobilenetClassifier) => el.region)).toEqual({ x: 0.27, y: 0.25, size: 0.5 });
  await panel.getByLabel('region', { exact: true }).selectOption('');
  await expect(square).toHaveCount(0);
  expect(await live.evaluate((el: MobilenetClassifier) => el.region)).toBeNull();
});

test('mode from the control panel shows the teaching panel, and teaching is logged', async ({ page }) => {
  const live = await openDemo(page);
  const panel = page.getByRole('form', { name: 'Attributes of the live example' });
  await panel.getByLabel('mode', { exact: true }).selectOption('custom');
  await expect(live).toHaveAttribute('mode', 'custom');
  await expect(page.locator('#live-snippet')).toContainText('<mobilenet-classifier features mode="custom">');
  await live.getByLabel('New class').fill('citrus');
  await live.getByRole('button', { name: 'Add class' }).click();
  await expect(page.locator('#event-log li[data-type=mobilenet-classes-change]').first()).toContainText(
    'add: citrus (0)',
  );
  await panel.getByLabel('mode', { exact: true }).selectOption('imagenet');
  await expect(live.locator('[part=teach]')).toHaveCount(0);
});

test('a reload comes back in the mode, theme, language and settings it was in', async ({ page }) => {
  const live = await openDemo(page);
  const panel = page.getByRole('form', { name: 'Attributes of the live example' });
  await panel.getByLabel('mode', { exact: true }).selectOption('both');
  await panel.getByLabel('theme').selectOption('dark');
  await panel.getByLabel('top-k').fill('3');
  await expect(live).toHaveAttribute('top-k', '3');
  await panel.getByLabel('lang', { exact: true }).selectOption('de');
  await expect(live.locator('[part=upload-button]')).toHaveText('Bilder hochladen');

  const again = await openDemo(page);
  await expect(again).toHaveAttribute('mode', 'both');
  await expect(again).toHaveAttribute('theme', 'dark');
  await expect(again).toHaveAttribute('top-k', '3');
  await expect(again).toHaveAttribute('lang', 'de');
  await expect(again.locator('[part=upload-button]')).toHaveText('Bilder hochladen');
  await expect(panel.getByLabel('mode', { exact: true })).toHaveValue('both');
  await expect(again.locator('[part=teach]')).toBeVisible();
});

test('each copy button copies its snippet', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await openDemo(page);
  const buttons = page.locator('button[data-copy]');
  const count = await buttons.count();
  expect(count, 'no copy buttons on the page').toBeGreaterThanOrEqual(5);
  for (let i = 0; i < count; i++) {
    const button = buttons.nth(i);
    const target = await button.getAttribute('data-copy');
    const expected = await page.locator(`#${target}`).textContent();
    expect(expected?.trim(), `#${target} is empty`).toBeTruthy();
    await button.click();
    await expect(button).toHaveText('Copied');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(expected);
  }
  await expect(page.locator('#copy-status')).toHaveText(/^Copied /);
});

test('the page has no serious or critical accessibility violations (axe)', async ({ page }) => {
  const live = await openDemo(page);
  // Results rendered in both examples, so that the check covers them too.
  await nextLiveResult(page, () => drawingButton(page, 'tennis-ball').click());
  await expect(live.locator('[part=result]')).toHaveCount(5);
  await expect(page.locator('#themed [part=result]')).toHaveCount(3);
  const { violations } = await new AxeBuilder({ page }).analyze();
  const serious = violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.map((n) => n.target.join(' >>> ')).join(', ')}`);
  expect(serious).toEqual([]);
});

test("runs under a script-src 'self' content security policy", async ({ page }) => {
  await page.route('/', async (route) => {
    const response = await route.fetch();
    await route.fulfill({
      response,
      headers: { ...response.headers(), 'content-security-policy': "script-src 'self'" },
    });
  });
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      (window as unknown as { cspViolations: string[] }).cspViolations ??= [];
      (window as unknown as { cspViolations: string[] }).cspViolations.push(
        `${event.violatedDirective}: ${event.blockedURI}`,
      );
    });
  });
  const live = await openDemo(page);
  await nextLiveResult(page, () => drawingButton(page, 'clock').click());
  await expect(live.locator('[part=result]').first()).toBeVisible();
  const violations = await page.evaluate(() => (window as unknown as { cspViolations?: string[] }).cspViolations ?? []);
  // long.js (a tf.js dependency) probes for WebAssembly once, in a try/catch, and falls back to plain JS:
  // that probe is the one report a script-src 'self' page gets. The wasm backend would need 'wasm-unsafe-eval'.
  expect(violations.filter((v) => v !== 'script-src: wasm-eval')).toEqual([]);
  expect(await page.locator('script:not([src])').count(), 'inline <script> in the page').toBe(0);
});
