// Issue 15, section 4: the element's result filters, as MediaPipe's classifier options. min-probability
// hides what is under it and says "Not sure" when nothing is left; include-classes and exclude-classes
// limit which classes may be predicted (top-k is taken among them, in the core); a bad list is a
// warning, never an error on every picture.
import type { Locator } from '@playwright/test';
import type { MobilenetClassifier } from '../src/components/mobilenet-classifier/mobilenet-classifier.component';
import { expect, ON_WASM, test, testImage } from './element-harness';

const strawberry = testImage('n07745940_strawberry');
const url = `/shared/test-images/${strawberry.file}`;

/** Classifies the strawberry; returns the result's labels, the rendered labels and the warnings logged meanwhile. */
async function classify(el: Locator) {
  return el.evaluate(async (host: MobilenetClassifier, url) => {
    const warnings: string[] = [];
    const warn = console.warn;
    console.warn = (...args: unknown[]) => {
      warnings.push(args.map(String).join(' '));
      warn.apply(console, args);
    };
    try {
      const result = await host.classify(url);
      await host.updateComplete;
      const rendered = [...host.shadowRoot!.querySelectorAll('[part=results] [part=label]')].map((l) => l.textContent);
      return {
        labels: result.predictions.map((p) => p.label),
        probabilities: result.predictions.map((p) => p.probability),
        rendered,
        warnings,
      };
    } finally {
      console.warn = warn;
    }
  }, url);
}

test('min-probability hides what is under it, and says "Not sure" when nothing is left', async ({ addClassifier }) => {
  const el = await addClassifier({ ...ON_WASM, 'min-probability': '0.05' });
  const some = await classify(el);
  expect(some.labels[0]).toBe(strawberry.displayLabel);
  expect(
    some.probabilities.every((p) => p >= 0.05),
    JSON.stringify(some.probabilities),
  ).toBe(true);
  expect(some.rendered).toEqual(some.labels);

  await el.evaluate((host) => host.setAttribute('min-probability', '0.999'));
  const none = await classify(el);
  expect(none.labels).toEqual([]);
  await expect(el.locator('[part=not-sure]')).toHaveText('Not sure: nothing above 99.9%');
  await expect(el.locator('[part=results]')).toHaveCount(0);
  await expect(el.locator('.visually-hidden[aria-live]')).toHaveText('Not sure: nothing above 99.9%');
});

test('include-classes allows only those classes, top-k among them; exclude-classes removes them', async ({
  addClassifier,
}) => {
  const el = await addClassifier({ ...ON_WASM, 'include-classes': 'goldfish, tabby,1' });
  const included = await classify(el);
  expect([...included.labels].sort()).toEqual(['goldfish', 'tabby', 'tench'].sort());
  expect(included.rendered).toEqual(included.labels);
  expect(included.warnings).toEqual([]);

  await el.evaluate((host) => host.removeAttribute('include-classes'));
  await el.evaluate((host, label) => host.setAttribute('exclude-classes', label), strawberry.displayLabel);
  const excluded = await classify(el);
  expect(excluded.labels).toHaveLength(5);
  expect(excluded.labels).not.toContain(strawberry.displayLabel);

  // The property takes an array, and the picture on screen follows at once.
  await el.evaluate((host: MobilenetClassifier) => (host.excludeClasses = []));
  await expect(el.locator('[part=results] [part=label]').first()).toHaveText(strawberry.displayLabel);
});

test('an unknown class is left out with a warning, and both lists at once apply neither, with a warning', async ({
  addClassifier,
  elementPage: page,
}) => {
  const warnings: string[] = [];
  page.on('console', (message) => message.type() === 'warning' && warnings.push(message.text()));
  const el = await addClassifier({ ...ON_WASM, 'include-classes': 'goldfish, unicorn' });
  const unknown = await classify(el);
  expect(unknown.labels).toEqual(['goldfish']);
  await expect.poll(() => warnings).toEqual([expect.stringMatching(/no class is named "unicorn".*It is left out\./)]);
  await expect(el.locator('[part=error]')).toHaveCount(0);

  await el.evaluate((host) => host.setAttribute('exclude-classes', 'background'));
  const both = await classify(el);
  expect(both.labels[0]).toBe(strawberry.displayLabel);
  expect(both.labels).toHaveLength(5);
  await expect
    .poll(() => warnings.slice(1))
    .toEqual([expect.stringMatching(/cannot be used together; neither is applied/)]);
});
