// The page side of the cross-engine tests (cross-engine/engine.html), the same in Chromium, Firefox and
// WebKit. WebDriver classic has no init scripts and WebKit has no console API for the driver to read, so
// the page itself catches every uncaught error and records the element's events, in a module that runs
// before the element's code loads (engine.html); the tests call the helpers below with one short
// evaluate each.
import type { MobilenetClassifier } from '../src/components/mobilenet-classifier/mobilenet-classifier.component';

/** A `mobilenet-*` event as the page recorded it. */
export interface PageEvent {
  type: 'mobilenet-ready' | 'mobilenet-result' | 'mobilenet-error';
  /** Index of the element that fired it among the page's <mobilenet-classifier> elements. */
  element: number;
  backend?: string;
  /** mobilenet-result: where the picture came from and the top-5 class indices. */
  source?: { kind: string; name?: string };
  top5?: number[];
  phase?: string;
  message?: string;
}

const errors: string[] = [];
const events: PageEvent[] = [];
/** The types of the files last chosen in each element's file input, by element index. */
const chosenTypes = new Map<number, string[]>();

addEventListener('error', (event) => {
  errors.push(`uncaught error: ${event.message} (${event.filename}:${event.lineno})`);
});
addEventListener('unhandledrejection', (event) => {
  // Firefox's and WebKit's stacks do not repeat the message, as Chromium's do.
  const reason: unknown = event.reason;
  errors.push(
    reason instanceof Error
      ? `unhandled rejection: ${reason.name}: ${reason.message}\n${reason.stack ?? ''}`.trim()
      : `unhandled rejection: ${String(reason)}`,
  );
});

const elements = () => Array.from(document.querySelectorAll<MobilenetClassifier>('mobilenet-classifier'));

for (const type of ['mobilenet-ready', 'mobilenet-result', 'mobilenet-error'] as const) {
  document.addEventListener(type, (event) => {
    const detail = (event as CustomEvent).detail;
    const entry: PageEvent = { type, element: elements().indexOf(event.target as MobilenetClassifier) };
    if (type === 'mobilenet-ready') entry.backend = detail.backend;
    if (type === 'mobilenet-result') {
      entry.backend = detail.result.backend;
      entry.source = { ...detail.result.source };
      entry.top5 = detail.result.predictions.slice(0, 5).map((p: { index: number }) => p.index);
    }
    if (type === 'mobilenet-error') Object.assign(entry, { phase: detail.phase, message: detail.message });
    events.push(entry);
  });
}

function element(index: number): MobilenetClassifier {
  const el = elements()[index];
  if (!el) throw new Error(`no <mobilenet-classifier> number ${index} on the page (there are ${elements().length})`);
  return el;
}

const probe = {
  /** Uncaught errors and unhandled rejections since the page loaded. */
  errors: () => [...errors],
  /** Forgets them: for the test of this catcher only. */
  clearErrors: () => void errors.splice(0),
  /** The recorded events, of one type if given. */
  events: (type?: PageEvent['type']) => events.filter((e) => !type || e.type === type),

  /**
   * Adds a <mobilenet-classifier> with these attributes and, unless `waitReady` is false, waits until
   * its model is loaded. Resolves with its index and the backend it runs on.
   */
  async mount(
    attributes: Record<string, string | true>,
    waitReady = true,
  ): Promise<{ index: number; backend?: string }> {
    const el = document.createElement('mobilenet-classifier') as MobilenetClassifier;
    for (const [name, value] of Object.entries(attributes)) el.setAttribute(name, value === true ? '' : value);
    document.body.append(el);
    const index = elements().indexOf(el);
    // The element empties its file input once it has the files (so that the same file can be chosen
    // again): their types are read first, in the capture phase.
    el.shadowRoot?.addEventListener(
      'change',
      (event) => {
        const input = event.target as HTMLInputElement;
        if (input.type === 'file')
          chosenTypes.set(
            index,
            Array.from(input.files ?? [], (file) => file.type),
          );
      },
      { capture: true },
    );
    if (!waitReady) return { index };
    await el.updateComplete;
    await el.ready.catch((error: Error) => {
      throw new Error(`the element never got ready: ${error.message}`);
    });
    const ready = events.filter((e) => e.type === 'mobilenet-ready' && e.element === index).at(-1);
    return { index, backend: ready?.backend };
  },

  /** `el.classify(url)` for each URL, one at a time: the top-5 class indices and the custom classes, best first. */
  async classifyAll(index: number, urls: string[]): Promise<{ backend: string; top5: number[]; custom?: string[] }[]> {
    const out = [];
    for (const url of urls) {
      const result = await element(index).classify(url);
      out.push({
        backend: result.backend,
        top5: result.predictions.slice(0, 5).map((p) => p.index),
        custom: result.custom?.map((c) => c.label),
      });
    }
    return out;
  },

  setAttribute(index: number, name: string, value: string | true): void {
    element(index).setAttribute(name, value === true ? '' : value);
  },

  /** The type the browser gave the file last chosen in the element's file input. */
  chosenFileType: (index: number) => chosenTypes.get(index)?.[0] ?? 'no file chosen',

  /** The text the element shows in [part=error] (its role=alert). */
  shownError: (index: number) => element(index).shadowRoot?.querySelector('[part=error]')?.textContent?.trim() ?? '',

  addExample: (index: number, label: string, url: string) => element(index).addExample(label, url),
  customClasses: (index: number) => element(index).customClasses,
  stopCamera: (index: number) => element(index).stopCamera(),
};

declare global {
  interface Window {
    probe: typeof probe;
  }
}

window.probe = probe;
