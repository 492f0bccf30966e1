// Issue 12: every public method given a value of the wrong type rejects with a ClassifierError of phase
// `input` whose message names what was given and what is accepted; the element stays usable and the
// result on screen stays. Before the fix, classify(null) said "Cannot read properties of null (reading
// 'width')" and classify(42) "The image has no pixels (undefined×undefined)".
import type { MobilenetClassifier } from '../src/components/mobilenet-classifier/mobilenet-classifier.component';
import { expect, ON_WASM, test, testImage, waitForResults } from './element-harness';

const strawberry = testImage('n07745940_strawberry');

interface Refusal {
  call: string;
  given: string;
  name: string;
  phase: string;
  message: string;
}

test('wrong-type arguments are refused with an input error naming what was given and what is accepted', async ({
  elementPage: page,
  addClassifier,
}) => {
  const el = await addClassifier({ ...ON_WASM, mode: 'both' });
  await el.locator('[part=upload-button] + input[type=file]').setInputFiles(strawberry.path);
  await waitForResults(page, 1);
  await expect(el.locator('[part=results] [part=label]').first()).toHaveText(strawberry.displayLabel);

  const refusals: Refusal[] = await el.evaluate(async (host: MobilenetClassifier) => {
    const closed = await createImageBitmap(new ImageData(32, 32));
    closed.close();
    const detached = new OffscreenCanvas(32, 32);
    const worker = new Worker(URL.createObjectURL(new Blob([''], { type: 'text/javascript' })));
    worker.postMessage(detached, [detached]);
    const bad: [string, unknown][] = [
      ['null', null],
      ['undefined', undefined],
      ['42', 42],
      ['{}', {}],
      ['a closed ImageBitmap', closed],
      ['a detached OffscreenCanvas', detached],
    ];
    const api = host as unknown as Record<string, (...args: unknown[]) => Promise<unknown>>;
    const calls: [string, (value: unknown) => unknown[]][] = [
      ['classify', (v) => [v]],
      ['embed', (v) => [v]],
      ['addExample(label, ·)', (v) => ['mug', v]],
      ['addExample(·, source)', (v) => [v, new ImageData(32, 32)]],
      ['renameClass', (v) => [v, 'cup']],
      ['removeClass', (v) => [v]],
      ['importClasses', (v) => [v]],
      ['trainHead', (v) => [v]],
    ];
    const out: Refusal[] = [];
    for (const [call, args] of calls) {
      for (const [given, value] of bad) {
        // A plain object is a valid (if empty) export file; undefined options are the defaults.
        if (call === 'importClasses' && given === '{}') continue;
        if (call === 'trainHead' && (given === 'undefined' || given === '{}')) continue;
        const method = call.replace(/\(.*$/, '');
        try {
          await api[method]!.apply(host, args(value));
          out.push({ call, given, name: 'resolved', phase: '', message: '' });
        } catch (error) {
          const e = error as Error & { phase?: string };
          out.push({ call, given, name: e.name, phase: e.phase ?? '', message: e.message });
        }
      }
    }
    worker.terminate();
    return out;
  });

  const describe: Record<string, RegExp> = {
    null: /\bnull\b/,
    undefined: /\bundefined\b/,
    '42': /the number 42/,
    '{}': /a plain object/,
    // As a class name or options it is just of the wrong type; as a picture, it is said why it has no pixels.
    'a closed ImageBitmap': /an ImageBitmap|a closed ImageBitmap: close\(\) was called on it/,
    'a detached OffscreenCanvas': /an OffscreenCanvas( of 0×0 pixels: it was transferred)?/,
  };
  expect(refusals.length).toBeGreaterThan(40);
  for (const r of refusals) {
    const where = `${r.call} given ${r.given}: ${r.message}`;
    expect(r.name, where).toBe('ClassifierError');
    expect(r.phase, where).toBe('input');
    expect(r.message, where).toMatch(describe[r.given]!);
    // …and what is accepted.
    expect(r.message, where).toMatch(
      /(give|or) (a Blob or File|its name as text|an export file|an object|an AbortSignal)/i,
    );
    expect(r.message, where).toMatch(
      /^(classify|embed|addExample|renameClass|removeClass|importClasses|trainHead)\(\)/,
    );
  }
  const picture = (given: string) =>
    refusals.filter((r) => ['classify', 'embed', 'addExample(label, ·)'].includes(r.call) && r.given === given);
  for (const r of picture('a closed ImageBitmap')) expect(r.message).toContain('a closed ImageBitmap: close()');
  for (const r of picture('a detached OffscreenCanvas'))
    expect(r.message).toContain('of 0×0 pixels: it was transferred');
  expect(refusals.find((r) => r.call === 'classify' && r.given === 'null')?.message).toBe(
    'classify() cannot use null: give a Blob or File, an <img>, <video> or <canvas> element, an OffscreenCanvas, an ImageBitmap or an ImageData, or an image URL.',
  );

  // The element is still usable, and the strawberry is still on screen; nothing was added.
  await expect(el.locator('[part=results] [part=label]').first()).toHaveText(strawberry.displayLabel);
  expect(await el.evaluate((host: MobilenetClassifier) => host.customClasses)).toEqual([]);
  const next = await el.evaluate(async (host: MobilenetClassifier) => {
    const blob = await (await fetch('/shared/test-images/n07745940_strawberry.jpg')).blob();
    return [(await host.classify(blob)).predictions[0]!.index, await host.addExample('mug', blob)];
  });
  expect(next).toEqual([strawberry.index, 1]);
});

test('the core refuses a wrong-type input with the same kind of error, in classify, embed and classifyBatch', async ({
  elementPage: page,
}) => {
  const messages = await page.evaluate(async () => {
    const { loadClassifier } = await import('/src/index.ts' as string);
    const classifier = await loadClassifier({ backend: 'cpu' });
    const out: string[] = [];
    for (const run of [
      () => classifier.classify(null),
      () => classifier.embed(42),
      async () => {
        const [entry] = await classifier.classifyBatch([{}]);
        throw entry.reason;
      },
    ]) {
      await run().catch((e: Error & { phase: string }) => out.push(`${e.name}/${e.phase}: ${e.message}`));
    }
    classifier.dispose();
    return out;
  });
  const accepted =
    'a Blob or File, an <img>, <video> or <canvas> element, an OffscreenCanvas, an ImageBitmap or an ImageData';
  expect(messages).toEqual([
    `ClassifierError/input: Cannot classify null: give ${accepted}.`,
    `ClassifierError/input: Cannot classify the number 42: give ${accepted}.`,
    `ClassifierError/input: Cannot classify a plain object: give ${accepted}.`,
  ]);
});
