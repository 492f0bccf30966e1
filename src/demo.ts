// The demo page until the <mobilenet-classifier> element exists: the core, wired to a file input.
import { loadClassifier } from './model';

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const status = $('status');
const error = $('error');
const file = $<HTMLInputElement>('file');
const results = $<HTMLOListElement>('results');
const crop = $<HTMLCanvasElement>('crop').getContext('2d')!;

try {
  const classifier = await loadClassifier({
    onProgress: (p) => (status.textContent = `Loading the model… ${Math.round(p.fraction * 100)}%`),
  });
  status.textContent = `Ready (${classifier.backend}).`;
  file.disabled = false;
  file.addEventListener('change', async () => {
    const chosen = file.files?.[0];
    if (!chosen) return;
    error.textContent = '';
    try {
      const result = await classifier.classify(chosen);
      crop.putImageData(result.pixels, 0, 0);
      results.replaceChildren(
        ...result.predictions.map((p) =>
          Object.assign(document.createElement('li'), { textContent: `${p.label}: ${(p.probability * 100).toFixed(1)}%` }),
        ),
      );
      status.textContent = `Classified in ${result.timings.total.toFixed(0)} ms on ${result.backend}.`;
    } catch (e) {
      error.textContent = (e as Error).message;
    }
  });
} catch (e) {
  status.textContent = 'The model could not be loaded.';
  error.textContent = (e as Error).message;
}
