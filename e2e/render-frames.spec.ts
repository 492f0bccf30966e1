// Issue 14, target 2: the element's rendering is off the classify path. A burst of results (here 24
// classify() calls of a small canvas in a row on wasm, a few milliseconds each) renders at most once per
// animation frame, and the last result is the one on screen.
import type { MobilenetClassifier } from '../src/components/mobilenet-classifier/mobilenet-classifier.component';
import { expect, ON_WASM, test } from './element-harness';

test('a burst of results renders at most once per animation frame, and ends on the last result', async ({
  addClassifier,
}) => {
  const el = await addClassifier(ON_WASM);
  const run = await el.evaluate(async (host: MobilenetClassifier) => {
    await host.updateComplete;
    let renders = 0;
    const render = host.render.bind(host);
    host.render = () => (renders++, render());
    let frames = 0;
    let counting = true;
    const count = () => {
      frames++;
      if (counting) requestAnimationFrame(count);
    };
    requestAnimationFrame(count);
    // Two pictures, alternating, so that each result differs from the one before.
    const pictures = ['#c00', '#00c'].map((colour) => {
      const canvas = Object.assign(document.createElement('canvas'), { width: 96, height: 96 });
      const context = canvas.getContext('2d')!;
      context.fillStyle = colour;
      context.fillRect(0, 0, 96, 96);
      return canvas;
    });
    const results = [];
    for (let i = 0; i < 24; i++) results.push(await host.classify(pictures[i % 2]!));
    await host.updateComplete;
    counting = false;
    const shown = host.shadowRoot!.querySelector('[part=label]')?.textContent?.trim();
    return { results: results.length, renders, frames, last: results.at(-1)!.predictions[0]!.label, shown };
  });
  test.info().annotations.push({ type: 'burst', description: JSON.stringify(run) });
  expect(run.renders, `renders for ${run.results} results in ${run.frames} frames`).toBeLessThanOrEqual(run.frames + 1);
  expect(run.renders, 'every result rendered on its own: nothing was coalesced').toBeLessThan(run.results);
  expect(run.shown, 'the last result is not the one on screen').toBe(run.last);
});
