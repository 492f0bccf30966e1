// backend: 'webgpu' (issue 14, target 6): tf.js's WebGPU backend, here on SwiftShader's software
// Vulkan (no GPU on this machine), gives the same answers as wasm on the 30 test images.
import type { Backend } from '../src/model';
import { expect, test, TEST_IMAGES } from './fixtures';
import { WEBGPU_ARGS } from './webgpu-flags';

test.use({
  launchOptions: {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      ...WEBGPU_ARGS,
    ],
  },
});

test('on WebGPU, the 30 test images get the same top-1 as on wasm, with close probabilities', async ({
  harnessPage: page,
}) => {
  test.setTimeout(300_000);
  const files = TEST_IMAGES.map((t) => t.file);
  const runs = await page.evaluate(async (files) => {
    const { core, tf } = window.harness;
    const out: Record<string, { backend: string; top: { index: number; probability: number }[]; numTensors: number }> =
      {};
    for (const backend of ['webgpu', 'wasm'] as Backend[]) {
      const classifier = await core.loadClassifier({ backend, cache: false });
      const top = [];
      for (const file of files) {
        const result = await classifier.classify(await window.harness.blob(`/shared/test-images/${file}`), { topK: 1 });
        top.push({
          index: result.predictions[0]!.index,
          probability: result.predictions[0]!.probability,
          backend: result.backend,
        });
      }
      const numTensors = tf.memory().numTensors;
      classifier.dispose();
      out[backend] = { backend: classifier.backend, top, numTensors };
    }
    return out;
  }, files);
  expect(runs.webgpu!.backend, 'the classifier did not run on WebGPU').toBe('webgpu');
  expect(runs.wasm!.backend).toBe('wasm');
  let maxDiff = 0;
  files.forEach((file, i) => {
    const [gpu, wasm] = [runs.webgpu!.top[i]!, runs.wasm!.top[i]!];
    expect(gpu.index, `${file}: WebGPU top-1 ${gpu.index}, wasm ${wasm.index}`).toBe(wasm.index);
    maxDiff = Math.max(maxDiff, Math.abs(gpu.probability - wasm.probability));
  });
  test
    .info()
    .annotations.push({ type: 'webgpu vs wasm', description: `max |Δp| of top-1 ${maxDiff.toExponential(2)}` });
  expect(maxDiff).toBeLessThan(0.01);
});
