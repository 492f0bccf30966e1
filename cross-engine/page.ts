// The page side of the cross-engine tests (cross-engine/engine.html), the same in Chromium, Firefox and
// WebKit. WebDriver classic has no init scripts and WebKit has no console API for the driver to read, so
// the page itself catches every uncaught error and records the element's events, in a module that runs
// before the element's code loads (engine.html); the tests call the helpers below with one short
// evaluate each.
import { seededRandom } from '../src/util/seeded-random';
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
  async shownError(index: number) {
    // The element renders in the animation frame after its event.
    await element(index).updateComplete;
    return element(index).shadowRoot?.querySelector('[part=error]')?.textContent?.trim() ?? '';
  },

  /** The results list of the last batch: each file's name, status and top-1, and the rows on screen. */
  async batch(index: number) {
    const el = element(index);
    await el.updateComplete;
    return {
      entries: el.results.map((entry) => ({
        file: entry.file,
        status: entry.status,
        top1: entry.status === 'classified' ? entry.result.predictions[0]?.index : undefined,
      })),
      rows: Array.from(el.shadowRoot?.querySelectorAll('[part=batch-row] [part=file-name]') ?? [], (row) =>
        row.textContent?.trim(),
      ),
    };
  },

  /** Classifies `url` with `explain` on, then explains it: the explanation and whether the heat map is drawn. */
  async explain(index: number, url: string) {
    const el = element(index);
    el.setAttribute('explain', '');
    const result = await el.classify(url);
    const explanation = await el.explainResult();
    await el.updateComplete;
    const heat = el.shadowRoot?.querySelector<HTMLCanvasElement>('[part=heat]');
    const painted = heat ? Array.from(heat.getContext('2d')!.getImageData(0, 0, heat.width, heat.height).data) : [];
    return {
      top1: result.predictions[0]!.index,
      classIndex: explanation.classIndex,
      cells: explanation.heat.length,
      area: explanation.area,
      heatPainted: painted.some((value, i) => i % 4 === 3 && value > 0),
    };
  },

  /**
   * Shows `url` with a region, then presses ArrowRight on the square (a synthetic keydown: WebDriver
   * classic has no key presses into shadow roots): the region-change event and the next result.
   */
  async moveRegion(index: number, url: string) {
    const el = element(index);
    el.setAttribute('region', '0.1 0.1 0.5');
    await el.classify(url);
    // The square goes on screen once the photo under it has loaded.
    let square: HTMLElement | null | undefined;
    for (const deadline = Date.now() + 10_000; !square && Date.now() < deadline;) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      square = el.shadowRoot?.querySelector<HTMLElement>('[part=region]');
    }
    if (!square) throw new Error('no [part=region] on screen 10 s after the photo was classified');
    const before = events.filter((e) => e.type === 'mobilenet-result').length;
    const moved = new Promise<{ x: number; y: number; size: number }>((resolve) =>
      el.addEventListener('mobilenet-region-change', (event) => resolve(event.detail.region), { once: true }),
    );
    square.focus();
    square.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight', bubbles: true, composed: true }));
    const region = await moved;
    const deadline = Date.now() + 20_000;
    while (events.filter((e) => e.type === 'mobilenet-result').length === before && Date.now() < deadline)
      await new Promise((resolve) => setTimeout(resolve, 50));
    return {
      region,
      // A copy: it is the event's object, and Firefox's WebDriver BiDi gives a second reference to one object back as undefined.
      property: { ...el.region },
      resultsAfter: events.filter((e) => e.type === 'mobilenet-result').length - before,
    };
  },

  addExample: (index: number, label: string, url: string) => element(index).addExample(label, url),
  customClasses: (index: number) => element(index).customClasses,
  stopCamera: (index: number) => element(index).stopCamera(),
  makePhotos,
  timeDecodes,
  photoAnswers,
};

/** A decode of a phone photo to something the element classifies, timed by {@link timeDecodes}. */
type Decode = (blob: Blob, size: typeof PHOTO_SIZE) => Promise<ImageBitmap | HTMLCanvasElement>;

/**
 * The ways an engine can decode a JPEG smaller than it is stored, beside the full decode. The sizes are
 * those the core asks for a 4032×3024 photo with the default crop (2/8: 1008×756).
 */
function decodes(): Record<string, Decode> {
  const resized =
    (resizeQuality: ResizeQuality): Decode =>
    (blob, { width, height }) =>
      createImageBitmap(blob, {
        imageOrientation: 'from-image',
        resizeWidth: width,
        resizeHeight: height,
        resizeQuality,
      });
  const variants: Record<string, Decode> = {
    full: (blob) => createImageBitmap(blob, { imageOrientation: 'from-image' }),
    'resize low': resized('low'),
    'resize medium': resized('medium'),
    'resize high': resized('high'),
    // An <img> decodes off the main thread; drawn to a canvas of the reduced size.
    'img + drawImage': async (blob, { width, height }) => {
      const url = URL.createObjectURL(blob);
      try {
        const image = new Image();
        image.src = url;
        await image.decode();
        const canvas = document.createElement('canvas');
        Object.assign(canvas, { width, height });
        canvas.getContext('2d')!.drawImage(image, 0, 0, width, height);
        return canvas;
      } finally {
        URL.revokeObjectURL(url);
      }
    },
  };
  if (typeof ImageDecoder !== 'undefined')
    variants['ImageDecoder desired size'] = async (blob, { width, height }) => {
      const decoder = new ImageDecoder({
        data: blob.stream(),
        type: 'image/jpeg',
        desiredWidth: width,
        desiredHeight: height,
      });
      try {
        const { image } = await decoder.decode();
        try {
          return await createImageBitmap(image);
        } finally {
          image.close();
        }
      } finally {
        decoder.close();
      }
    };
  return variants;
}

/** The phone photos of {@link makePhotos}, kept in the page between calls. */
let photos: Blob[] = [];
const PHOTO_SIZE = { width: 1008, height: 756 };
const release = (out: ImageBitmap | HTMLCanvasElement) => out instanceof ImageBitmap && out.close();

/**
 * Phone photos for the decode tests (issue 14, target 1): each of `files` (test images) stretched to
 * 4032×3024 and encoded as JPEG 0.9 in this engine. Resolves with the first one's size in bytes.
 */
async function makePhotos(files: string[]): Promise<number> {
  photos = [];
  for (const file of files) {
    const bitmap = await createImageBitmap(await (await fetch(`/shared/test-images/${file}`)).blob());
    const canvas = document.createElement('canvas');
    Object.assign(canvas, { width: 4032, height: 3024 });
    canvas.getContext('2d')!.drawImage(bitmap, 0, 0, 4032, 3024);
    bitmap.close();
    photos.push(await new Promise<Blob>((done) => canvas.toBlob((blob) => done(blob!), 'image/jpeg', 0.9)));
  }
  return photos[0]!.size;
}

/**
 * One round of timing every way of decoding the first photo, in an order shuffled by `round`: a full
 * decode leaves garbage that the next decode pays for, so a fixed order (or a turning one) would charge
 * it to the same way every round. Resolves with the ms and the output size of each way.
 */
async function timeDecodes(round: number): Promise<Record<string, { ms: number; size: string }>> {
  const variants = decodes();
  const random = seededRandom(round + 1);
  const names = Object.keys(variants)
    .map((name) => ({ name, key: random() }))
    .sort((a, b) => a.key - b.key)
    .map(({ name }) => name);
  const out: Record<string, { ms: number; size: string }> = {};
  for (const name of names) {
    const started = performance.now();
    const decoded = await variants[name]!(photos[0]!, PHOTO_SIZE);
    out[name] = { ms: performance.now() - started, size: `${decoded.width}×${decoded.height}` };
    release(decoded);
  }
  return out;
}

/**
 * The element's top-1 on every photo: from `el.classify(blob)` (the core's own choice in this engine),
 * from the full decode, and from every other way of decoding if `everyWay`; with the times of
 * `el.classify(blob)` and of a full decode + classify, per photo.
 */
async function photoAnswers(index: number, everyWay: boolean) {
  const variants = decodes();
  const el = element(index);
  const top1 = async (source: ImageBitmap | HTMLCanvasElement | Blob) =>
    (await el.classify(source)).predictions[0]!.index;
  const names = everyWay ? Object.keys(variants).filter((n) => n !== 'full') : [];
  const answers: Record<string, number[]> = Object.fromEntries(
    ['el.classify(blob)', 'full', ...names].map((n) => [n, []]),
  );
  const classifyBlobMs: number[] = [];
  const classifyFullMs: number[] = [];
  const viaBlob = async (photo: Blob) => {
    const started = performance.now();
    answers['el.classify(blob)']!.push(await top1(photo));
    classifyBlobMs.push(performance.now() - started);
  };
  const viaFullDecode = async (photo: Blob) => {
    const started = performance.now();
    const whole = await variants.full!(photo, PHOTO_SIZE);
    answers.full!.push(await top1(whole));
    classifyFullMs.push(performance.now() - started);
    release(whole);
  };
  for (const [n, photo] of photos.entries()) {
    // Each goes first on every other photo: the one after a full decode pays for its garbage.
    for (const run of n % 2 ? [viaFullDecode, viaBlob] : [viaBlob, viaFullDecode]) await run(photo);
    for (const name of names) {
      const decoded = await variants[name]!(photo, PHOTO_SIZE);
      answers[name]!.push(await top1(decoded));
      release(decoded);
    }
  }
  return {
    imageDecoder: typeof ImageDecoder !== 'undefined',
    classifyBlobMs,
    classifyFullMs,
    // Photos whose top-1 differs from the full decode's, per way of decoding.
    differFromFull: Object.fromEntries(
      Object.entries(answers).map(([name, tops]) => [name, tops.filter((t, i) => t !== answers.full![i]).length]),
    ),
  };
}

declare global {
  interface Window {
    probe: typeof probe;
  }
}

window.probe = probe;
