// Issue 12: every attribute of <mobilenet-classifier> behaves like a native one. Removed means its default;
// an invalid value means the default plus one console.warn naming the attribute, the value and what is
// accepted; a number out of range is clamped. After each change the element still classifies.
//
// Before the fix, removing top-k or crop (what React, Vue and Lit do when a bound value becomes undefined)
// and any invalid value made every later classification fail ("topK must be a whole number of at least 1,
// got null."). Runs in the fake-camera browser, so that the camera attributes really start a camera.
import type { Locator, Page } from '@playwright/test';
import type { MobilenetClassifier } from '../src/components/mobilenet-classifier/mobilenet-classifier.component';
import { expect, expectCameraOn, mountClassifier, test } from './camera-harness';

interface Outcome {
  /** The property after the change. */
  property: unknown;
  predictions: number;
  shown: number;
  backend: string;
  custom: boolean;
  /** console.warn calls during the change and the classification. */
  warnings: string[];
}

/** Sets (or with `null` removes) an attribute, waits for a model if it loads another, then classifies a drawing. */
async function change(el: Locator, attribute: string, value: string | null, property: string): Promise<Outcome> {
  return el.evaluate(
    async (host: MobilenetClassifier, { attribute, value, property }) => {
      const warnings: string[] = [];
      const warn = console.warn;
      console.warn = (...args: unknown[]) => {
        warnings.push(args.map(String).join(' '));
        warn.apply(console, args);
      };
      try {
        if (value === null) host.removeAttribute(attribute);
        else host.setAttribute(attribute, value);
        await host.updateComplete;
        await host.ready;
        const canvas = document.createElement('canvas');
        canvas.width = canvas.height = 160;
        const context = canvas.getContext('2d')!;
        context.fillStyle = '#c33';
        context.fillRect(0, 0, 160, 160);
        context.fillStyle = '#3a3';
        context.beginPath();
        context.arc(80, 80, 50, 0, 2 * Math.PI);
        context.fill();
        const result = await host.classify(canvas);
        await host.updateComplete;
        return {
          property: (host as unknown as Record<string, unknown>)[property],
          predictions: result.predictions.length,
          shown: host.shadowRoot!.querySelectorAll('[part=results] [part=result]').length,
          backend: result.backend,
          custom: 'custom' in result,
          warnings,
        };
      } finally {
        console.warn = warn;
      }
    },
    { attribute, value, property },
  );
}

/** One warning, naming the attribute, its value and what is accepted. */
const warned = (attribute: string, value: string, accepted: string) => [
  expect.stringMatching(new RegExp(`^<mobilenet-classifier ${attribute}="${value}">: .*${accepted}`)),
];

test.describe('attributes behave like native ones', () => {
  let page: Page;
  let el: Locator;

  test.beforeEach(async ({ elementPage }) => {
    page = elementPage;
    el = await mountClassifier(page, { backend: 'wasm' });
  });

  test('top-k: set, removed, invalid, out of range', async () => {
    expect(await change(el, 'top-k', '3', 'topK')).toMatchObject({
      property: 3,
      predictions: 3,
      shown: 3,
      warnings: [],
    });
    expect(await change(el, 'top-k', null, 'topK')).toMatchObject({
      property: 5,
      predictions: 5,
      shown: 5,
      warnings: [],
    });
    expect(await change(el, 'top-k', 'abc', 'topK')).toMatchObject({
      property: 5,
      predictions: 5,
      warnings: warned('top-k', 'abc', 'a whole number from 1 to 1001; using the default, 5'),
    });
    expect(await change(el, 'top-k', '5000', 'topK')).toMatchObject({
      property: 1001,
      predictions: 1001,
      warnings: warned('top-k', '5000', 'out of range .*using 1001'),
    });
    expect(await change(el, 'top-k', '0', 'topK')).toMatchObject({ property: 1, predictions: 1, shown: 1 });
  });

  test('crop: set, removed, invalid, out of range', async () => {
    expect(await change(el, 'crop', '0.5', 'crop')).toMatchObject({ property: 0.5, predictions: 5, warnings: [] });
    expect(await change(el, 'crop', null, 'crop')).toMatchObject({ property: 1, predictions: 5, warnings: [] });
    expect(await change(el, 'crop', 'half', 'crop')).toMatchObject({
      property: 1,
      warnings: warned('crop', 'half', 'a number above 0, up to 1; using the default, 1'),
    });
    expect(await change(el, 'crop', '0', 'crop')).toMatchObject({
      property: 1,
      warnings: warned('crop', '0', 'above 0'),
    });
    expect(await change(el, 'crop', '2', 'crop')).toMatchObject({
      property: 1,
      predictions: 5,
      warnings: warned('crop', '2', 'out of range .*using 1'),
    });
  });

  test('max-fps: set, removed, invalid, out of range', async () => {
    expect(await change(el, 'max-fps', '5', 'maxFps')).toMatchObject({ property: 5, predictions: 5, warnings: [] });
    expect(await change(el, 'max-fps', null, 'maxFps')).toMatchObject({ property: 15, warnings: [] });
    expect(await change(el, 'max-fps', 'fast', 'maxFps')).toMatchObject({
      property: 15,
      warnings: warned('max-fps', 'fast', 'a number above 0, up to 60'),
    });
    expect(await change(el, 'max-fps', '500', 'maxFps')).toMatchObject({
      property: 60,
      predictions: 5,
      warnings: warned('max-fps', '500', 'out of range .*using 60'),
    });
  });

  test('backend: set, removed (webgl), invalid (webgl)', async () => {
    expect(await change(el, 'backend', 'cpu', 'backend')).toMatchObject({
      property: 'cpu',
      backend: 'cpu',
      warnings: [],
    });
    expect(await change(el, 'backend', null, 'backend')).toMatchObject({ property: 'webgl', backend: 'webgl' });
    expect(await change(el, 'backend', 'WASM', 'backend')).toMatchObject({ property: 'wasm', backend: 'wasm' });
    expect(await change(el, 'backend', 'gpu', 'backend')).toMatchObject({
      property: 'webgl',
      backend: 'webgl',
      warnings: warned('backend', 'gpu', 'one of webgpu, webgl, wasm, cpu, auto; using the default, webgl'),
    });
  });

  test('mode and classes-key: set, removed, invalid', async () => {
    expect(await change(el, 'mode', 'both', 'mode')).toMatchObject({ property: 'both', custom: true, warnings: [] });
    expect(await change(el, 'mode', null, 'mode')).toMatchObject({ property: 'imagenet', custom: false });
    expect(await change(el, 'mode', 'everything', 'mode')).toMatchObject({
      property: 'imagenet',
      custom: false,
      warnings: warned('mode', 'everything', 'one of imagenet, custom, both'),
    });
    // An invalid mode once left an error on screen until the next success: there is none now.
    await expect(el.locator('[part=error]')).toHaveCount(0);
    expect(await change(el, 'classes-key', 'shop', 'classesKey')).toMatchObject({ property: 'shop', warnings: [] });
    expect(await change(el, 'classes-key', null, 'classesKey')).toMatchObject({ property: 'default' });
    expect(await change(el, 'classes-key', ' ', 'classesKey')).toMatchObject({
      property: 'default',
      warnings: warned('classes-key', ' ', 'a non-empty name'),
    });
  });

  test('theme: set, removed, invalid (the palette itself is tested in theme.spec.ts)', async () => {
    expect(await change(el, 'theme', 'Dark', 'theme')).toMatchObject({
      property: 'dark',
      predictions: 5,
      warnings: [],
    });
    expect(await change(el, 'theme', null, 'theme')).toMatchObject({ property: 'auto', predictions: 5 });
    expect(await change(el, 'theme', 'purple', 'theme')).toMatchObject({
      property: 'auto',
      predictions: 5,
      warnings: warned('theme', 'purple', 'one of auto, light, dark'),
    });
  });

  test('model-url and src: set, removed, invalid', async () => {
    expect(await change(el, 'model-url', '/model/model.json?copy=attributes', 'modelUrl')).toMatchObject({
      predictions: 5,
      warnings: [],
    });
    expect(await change(el, 'model-url', null, 'modelUrl')).toMatchObject({ predictions: 5, warnings: [] });
    expect(await change(el, 'model-url', 'http://[::1', 'modelUrl')).toMatchObject({
      predictions: 5,
      warnings: warned('model-url', 'http://\\[::1', 'a URL'),
    });
    await expect(el.locator('[part=status]')).toHaveText('Ready · runs on wasm');
    expect(await change(el, 'src', '/docs/custom-classes.png', 'src')).toMatchObject({ predictions: 5 });
    expect(await change(el, 'src', null, 'src')).toMatchObject({ predictions: 5, warnings: [] });
  });

  test('camera, facing-mode, live, mirror and features: set, removed, invalid', async () => {
    expect(await change(el, 'camera', '', 'camera')).toMatchObject({ property: true, predictions: 5 });
    await expectCameraOn(el);
    expect(await change(el, 'facing-mode', 'environment', 'facingMode')).toMatchObject({ property: 'environment' });
    expect(await change(el, 'facing-mode', 'sideways', 'facingMode')).toMatchObject({
      property: 'user',
      warnings: warned('facing-mode', 'sideways', 'one of user, environment'),
    });
    expect(await change(el, 'facing-mode', null, 'facingMode')).toMatchObject({ property: 'user', warnings: [] });
    expect(await change(el, 'live', '', 'live')).toMatchObject({ property: true, predictions: 5 });
    expect(await change(el, 'live', null, 'live')).toMatchObject({ property: false, predictions: 5 });
    expect(await change(el, 'mirror', '', 'mirror')).toMatchObject({ property: true, predictions: 5 });
    expect(await change(el, 'mirror', null, 'mirror')).toMatchObject({ property: false, predictions: 5 });
    expect(await change(el, 'camera', null, 'camera')).toMatchObject({ property: false, predictions: 5 });
    await expect(el.locator('[part=video]')).toHaveCount(0);
    expect(await change(el, 'features', '', 'features')).toMatchObject({ property: true, predictions: 5 });
    await expect(el.locator('[part=features]')).toBeVisible();
    expect(await change(el, 'features', null, 'features')).toMatchObject({ property: false, warnings: [] });
    await expect(el.locator('[part=features]')).toHaveCount(0);
  });

  test('a property set to an invalid value is ignored with a warning, and undefined means the default', async () => {
    const outcome = await el.evaluate(async (host: MobilenetClassifier) => {
      const warnings: string[] = [];
      const warn = console.warn;
      console.warn = (...args: unknown[]) => warnings.push(args.map(String).join(' '));
      const canvas = Object.assign(document.createElement('canvas'), { width: 64, height: 64 });
      canvas.getContext('2d')!.fillRect(0, 0, 32, 32);
      const seen: unknown[] = [];
      try {
        const props = host as unknown as Record<string, unknown>;
        for (const [key, bad] of [
          ['topK', 0],
          ['topK', 'abc'],
          ['crop', 5],
          ['maxFps', -1],
          ['mode', 'all'],
          ['backend', 'gpu'],
        ] as const) {
          props[key] = bad;
          // The call made before the next update may fail; the one after it may not.
          await host.classify(canvas).catch(() => {});
          await host.updateComplete;
          seen.push(props[key]);
          seen.push((await host.classify(canvas)).predictions.length);
        }
        host.topK = 2;
        await host.updateComplete;
        props.topK = undefined;
        await host.updateComplete;
        seen.push(host.topK, (await host.classify(canvas)).predictions.length);
      } finally {
        console.warn = warn;
      }
      return { seen, warnings };
    });
    expect(outcome.seen).toEqual([5, 5, 5, 5, 1, 5, 15, 5, 'imagenet', 5, 'wasm', 5, 5, 5]);
    expect(outcome.warnings).toEqual([
      '<mobilenet-classifier>.topK = 0: not a whole number from 1 to 1001; keeping 5.',
      '<mobilenet-classifier>.topK = "abc": not a whole number from 1 to 1001; keeping 5.',
      '<mobilenet-classifier>.crop = 5: not a number above 0, up to 1; keeping 1.',
      '<mobilenet-classifier>.maxFps = -1: not a number above 0, up to 60; keeping 15.',
      '<mobilenet-classifier>.mode = "all": not one of imagenet, custom, both; keeping imagenet.',
      '<mobilenet-classifier>.backend = "gpu": not one of webgpu, webgl, wasm, cpu, auto; keeping wasm.',
    ]);
  });
});
