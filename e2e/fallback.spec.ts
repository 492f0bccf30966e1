import { expect, test } from './fixtures';

// A browser where WebGL cannot start at all: no GPU, and the software rasterizer off. (--disable-webgl and
// --disable-3d-apis were tried: both leave WebGL on OffscreenCanvas, which tf.js uses, alive.)
test.use({
  launchOptions: {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--disable-gpu',
      '--disable-software-rasterizer',
      '--disable-background-networking',
      '--disable-component-update',
    ],
  },
});

test('falls back to wasm and reports it when WebGL cannot start', async ({ harnessPage }) => {
  const outcome = await harnessPage.evaluate(async () => {
    // tf.js draws on an OffscreenCanvas when it can, so both kinds of canvas must be without WebGL.
    const webgl = ['webgl2', 'webgl'].some(
      (kind) =>
        document.createElement('canvas').getContext(kind) !== null ||
        new OffscreenCanvas(1, 1).getContext(kind as 'webgl2') !== null,
    );
    const classifier = await window.harness.core.loadClassifier({ backend: 'webgl' });
    const blob = await window.harness.blob('/shared/test-images/n07745940_strawberry.jpg');
    const result = await classifier.classify(blob);
    classifier.dispose();
    return {
      webglAvailable: webgl,
      backend: classifier.backend,
      resultBackend: result.backend,
      top1: result.predictions[0].index,
    };
  });
  expect(outcome.webglAvailable, 'the browser still had WebGL: the fallback was not exercised').toBe(false);
  expect(outcome).toMatchObject({ backend: 'wasm', resultBackend: 'wasm', top1: 950 });
});

test("backend 'auto' runs on wasm when WebGL cannot start", async ({ harnessPage }) => {
  const backend = await harnessPage.evaluate(async () => {
    const classifier = await window.harness.core.loadClassifier({ backend: 'auto' });
    classifier.dispose();
    return classifier.backend;
  });
  expect(backend).toBe('wasm');
});
