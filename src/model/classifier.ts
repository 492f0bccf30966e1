import * as tf from '@tensorflow/tfjs-core';
import { GraphModel } from '@tensorflow/tfjs-converter';
import { modelFileUrl } from './assets';
import { AUTO_FIRST_BACKEND, measureInIdle, rememberedBackend } from './auto-backend';
import { activateNow, backendsStarted, compileModel, startBackend, useBackend, webglContextLost } from './backend';
import { ContextLostError, readUnlessContextLost } from './context-loss';
import { areaOf, MODEL_INPUT_SIZE } from './crop';
import { ClassifierError } from './errors';
import { checkGrid, DEFAULT_GRID, writeOccluded } from './explain';
import { resolveFilters, type ResolvedFilters } from './filters';
import { fetchJson, type FetchedModel } from './loader';
import { classifierError } from './messages';
import { DEFAULT_BATCH_SIZE } from './types';
import { normaliseTopK, parseLabels, toPredictions, topKOfRows, topKOnDevice } from './predictions';
import { toModelInput, toModelPixels } from './preprocess';
import type {
  Backend,
  AreaOptions,
  ClassifierInput,
  ClassifyBatchOptions,
  ClassifyOptions,
  ClassifyResult,
  Explanation,
  ExplainOptions,
  Label,
  LoadClassifierOptions,
} from './types';

const INPUT_SHAPE = [MODEL_INPUT_SIZE, MODEL_INPUT_SIZE, 3];
const MAX_BATCH_SIZE = 64;
const OUTPUTS = ['logits', 'feature_vector'];
const FEATURE_SIZE = 1280;
const IMAGE_SIZE = MODEL_INPUT_SIZE * MODEL_INPUT_SIZE * 3;

/** One image's answer from {@link Classifier.infer}. */
interface Answer {
  indices: Int32Array;
  probabilities: Float32Array;
  features?: Float32Array;
}

/** A loaded, warmed-up MobileNet V2 classifier. Create one with {@link loadClassifier}. */
export class Classifier {
  private disposed = false;
  private recovery?: Promise<void>;
  /** Calls under way: a faster backend found by `auto` is taken up only when there are none. */
  private inFlight = 0;
  /** A model on a faster backend, ready, waiting for a moment with no call under way. */
  private faster?: { model: GraphModel; backend: Backend };
  private choice: Promise<Backend> = Promise.resolve(this.currentBackend);
  /** A timing run of `auto` that holds new calls until it ends. */
  private quiet?: Promise<unknown>;
  /** Resolved when the last call under way ends. */
  private noneInFlight: (() => void)[] = [];
  /** Resolved when the first call ends: `auto` measures only after the first result. */
  private firstCallEnded!: () => void;
  private readonly firstCall = new Promise<void>((resolve) => (this.firstCallEnded = resolve));

  /** @internal use {@link loadClassifier}. */
  constructor(
    private model: GraphModel,
    /** Kept to rebuild the model on another backend when WebGL is lost (the weights, ~4 MB). */
    private readonly artifacts: tf.io.ModelArtifacts,
    /** The labels of the 1001 classes, index 0 = background. */
    readonly labels: readonly Label[],
    private currentBackend: Backend,
    /** `userDefinedMetadata` of the model (model id, content hash…). */
    readonly metadata: Readonly<Record<string, unknown>>,
    /** Weight bytes this load took from the network: 0 when they all came from the cache. */
    readonly networkBytes: number,
  ) {}

  /** The backend this classifier runs on. It changes from webgl to wasm if the WebGL context is lost. */
  get backend(): Backend {
    return this.currentBackend;
  }

  /**
   * Resolves with the backend this classifier settles on. With `backend: 'auto'` on a first visit it
   * starts on wasm at once and, after the first call has answered, times the others in idle time; it
   * moves to one only if it measured faster, between calls (a call runs wholly on one backend).
   * Otherwise it resolves at once.
   */
  get backendChoice(): Promise<Backend> {
    return this.choice;
  }

  /**
   * Classifies the centred square of an image.
   *
   * @example
   * const { predictions } = await classifier.classify(file, { topK: 3 });
   * console.log(predictions[0].label, predictions[0].probability);
   */
  async classify(input: ClassifierInput, options: ClassifyOptions = {}): Promise<ClassifyResult> {
    return this.oneCall(() => this.classifyNow(input, options));
  }

  private async classifyNow(input: ClassifierInput, options: ClassifyOptions): Promise<ClassifyResult> {
    const { topK = 5, features = false } = options;
    const area = areaOf(options);
    const filters = resolveFilters(options, this.labels);
    const k = normaliseTopK(topK, filters.allowedCount);
    const start = performance.now();
    const pixels = await toModelPixels(input, area);
    await this.prepareBackend();
    const afterPreprocess = performance.now();

    const [answer] = await this.onLiveContext(() => this.infer([pixels], k, features, filters));
    const end = performance.now();
    return {
      predictions: toPredictions(answer!.indices, answer!.probabilities, this.labels, filters.minProbability),
      backend: this.backend,
      timings: { preprocess: afterPreprocess - start, inference: end - afterPreprocess, total: end - start },
      pixels,
      ...(answer!.features ? { features: answer!.features } : {}),
    };
  }

  /**
   * Classifies many images, running the model on up to `batchSize` of them at a time.
   *
   * A batch amortises the per-run cost of the graph: on wasm 8 images take about half the time of 8
   * single calls (`npm run bench`, batch curve). Like `Promise.allSettled`, one image that cannot be
   * read does not stop the others: its entry is rejected with a {@link ClassifierError} of phase
   * `input`, in the same position as its input. `timings.inference` is the run's time shared
   * equally among its images.
   *
   * @throws RangeError for a bad `topK` or `batchSize`; the AbortError of `signal` when aborted
   *   (between runs: a run that has started finishes first).
   * @example
   * const results = await classifier.classifyBatch(input.files, { topK: 1 });
   * for (const r of results) console.log(r.status === 'fulfilled' ? r.value.predictions[0].label : r.reason.message);
   */
  async classifyBatch(
    inputs: Iterable<ClassifierInput>,
    options: ClassifyBatchOptions = {},
  ): Promise<PromiseSettledResult<ClassifyResult>[]> {
    return this.oneCall(() => this.classifyBatchNow(inputs, options));
  }

  private async classifyBatchNow(
    inputs: Iterable<ClassifierInput>,
    options: ClassifyBatchOptions,
  ): Promise<PromiseSettledResult<ClassifyResult>[]> {
    const { topK = 5, features = false, batchSize = DEFAULT_BATCH_SIZE, signal, onProgress } = options;
    const area = areaOf(options);
    const filters = resolveFilters(options, this.labels);
    const k = normaliseTopK(topK, filters.allowedCount);
    if (!Number.isInteger(batchSize) || batchSize < 1 || batchSize > MAX_BATCH_SIZE) {
      throw new RangeError(`batchSize must be a whole number from 1 to ${MAX_BATCH_SIZE}, got ${batchSize}.`);
    }
    const all = Array.from(inputs);
    const settled: PromiseSettledResult<ClassifyResult>[] = new Array(all.length);

    for (let first = 0; first < all.length; first += batchSize) {
      signal?.throwIfAborted();
      // Decode and crop each image; the ones that fail are settled now and left out of the run.
      const ready: { at: number; pixels: ImageData; preprocess: number }[] = [];
      for (let at = first; at < Math.min(first + batchSize, all.length); at++) {
        const start = performance.now();
        try {
          ready.push({ at, pixels: await toModelPixels(all[at]!, area), preprocess: performance.now() - start });
        } catch (error) {
          settled[at] = { status: 'rejected', reason: error };
        }
      }

      if (ready.length > 0) {
        await this.prepareBackend();
        const start = performance.now();
        // WebGL and WebGPU compile shaders per input shape (about a second each in software): after a
        // full run, a shorter one is padded with zero images to the same size instead.
        const rows = onGpu(this.currentBackend) && first > 0 ? batchSize : ready.length;
        const answers = await this.infer(
          ready.map((r) => r.pixels),
          k,
          features,
          filters,
          rows,
        );
        const inference = (performance.now() - start) / ready.length;
        ready.forEach((r, row) => {
          const answer = answers[row]!;
          settled[r.at] = {
            status: 'fulfilled',
            value: {
              predictions: toPredictions(answer.indices, answer.probabilities, this.labels, filters.minProbability),
              backend: this.backend,
              timings: { preprocess: r.preprocess, inference, total: r.preprocess + inference },
              pixels: r.pixels,
              ...(answer.features ? { features: answer.features } : {}),
            },
          };
        });
      }
      onProgress?.({ done: Math.min(first + batchSize, all.length), total: all.length });
    }
    return settled;
  }

  /**
   * The 1280-d feature vector of the centred square of an image, or of a region (the layer before the
   * classifier head).
   */
  async embed(input: ClassifierInput, options: AreaOptions = {}): Promise<Float32Array> {
    return this.oneCall(() => this.embedNow(input, options));
  }

  private async embedNow(input: ClassifierInput, options: AreaOptions): Promise<Float32Array> {
    const pixels = await toModelPixels(input, areaOf(options));
    await this.prepareBackend();
    return this.onLiveContext(async () => {
      const vector = tf.tidy(() => this.execute(toModelInput(pixels), 1)[1]!);
      try {
        return (await this.read(vector.data())) as Float32Array;
      } finally {
        vector.dispose();
      }
    });
  }

  /**
   * Which parts of the picture made the model name a class, by occlusion: each cell of a `grid` ×
   * `grid` over the 96×96 input is greyed in turn, and its heat is how far the class's probability
   * falls without it. All the greyed copies go through the model in batches of up to 64 (one run for
   * the default 7 × 7 grid).
   *
   * @throws RangeError for a bad `grid`, `classIndex`, `crop` or `region`.
   * @example
   * const { heat, grid, label } = await classifier.explain(photo);
   * // heat[row * grid + column] > 0: that cell supports `label`
   */
  async explain(input: ClassifierInput, options: ExplainOptions = {}): Promise<Explanation> {
    return this.oneCall(() => this.explainNow(input, options));
  }

  private async explainNow(input: ClassifierInput, options: ExplainOptions): Promise<Explanation> {
    const area = areaOf(options);
    const grid = checkGrid(options.grid ?? DEFAULT_GRID);
    const { classIndex } = options;
    if (
      classIndex !== undefined &&
      !(Number.isInteger(classIndex) && classIndex >= 0 && classIndex < this.labels.length)
    ) {
      throw new RangeError(
        `classIndex must be a class index from 0 to ${this.labels.length - 1}, got ${String(classIndex)}.`,
      );
    }
    const pixels = await toModelPixels(input, area);
    await this.prepareBackend();
    const base = toModelInput(pixels);
    const whole = await this.probabilities(base, 1);
    const target = classIndex ?? topKOfRows(whole, 1, 1).indices[0]!;
    const probability = whole[target]!;

    const cells = grid * grid;
    const heat = new Float32Array(cells);
    for (let first = 0; first < cells; first += MAX_BATCH_SIZE) {
      const last = Math.min(first + MAX_BATCH_SIZE, cells);
      const batch = new Float32Array((last - first) * IMAGE_SIZE);
      writeOccluded(base, grid, first, last, batch);
      const occluded = await this.probabilities(batch, last - first);
      const classes = this.labels.length;
      for (let cell = first; cell < last; cell++)
        heat[cell] = probability - occluded[(cell - first) * classes + target]!;
    }
    return {
      classIndex: target,
      label: this.labels[target]!.label,
      probability,
      grid,
      size: MODEL_INPUT_SIZE,
      heat,
      pixels,
    };
  }

  /** Frees the model's weights. The classifier cannot be used afterwards. */
  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    this.model.dispose();
    this.faster?.model.dispose();
    this.faster = undefined;
  }

  /** Runs one public call; takes up a faster backend first if one is waiting and no call is under way. */
  private async oneCall<T>(call: () => Promise<T>): Promise<T> {
    while (this.quiet) await this.quiet.catch(() => {});
    this.takeUpFaster();
    this.inFlight++;
    try {
      return await call();
    } finally {
      this.inFlight--;
      this.takeUpFaster();
      if (this.inFlight === 0) this.noneInFlight.splice(0).forEach((resolve) => resolve());
      this.firstCallEnded();
    }
  }

  /** Runs `run` when no call is under way, and holds new calls until it ends. */
  private async alone<T>(run: () => Promise<T>): Promise<T> {
    for (;;) {
      if (this.quiet) await this.quiet.catch(() => {});
      else if (this.inFlight > 0) await new Promise<void>((resolve) => this.noneInFlight.push(resolve));
      else break;
    }
    const running = run();
    this.quiet = running;
    try {
      return await running;
    } finally {
      this.quiet = undefined;
    }
  }

  private takeUpFaster(): void {
    if (!this.faster || this.inFlight > 0 || this.disposed) return;
    this.model.dispose();
    ({ model: this.model, backend: this.currentBackend } = this.faster);
    this.faster = undefined;
  }

  /**
   * @internal `backend: 'auto'` on a first visit: times the backend in use and the others in idle time,
   * and moves to a faster one between calls. Any failure leaves the classifier where it is.
   */
  measureBackends(artifacts: tf.io.ModelArtifacts): void {
    const current = this.currentBackend;
    // Not before the first result: WebGL's first run compiles its shaders, which can hold the page for seconds.
    this.choice = this.firstCall
      .then(() =>
        measureInIdle(
          artifacts,
          current,
          () => this.disposed,
          (run) => this.alone(run),
        ),
      )
      .then(
        (faster) => {
          if (!faster) return this.currentBackend;
          if (this.disposed) {
            faster.model.dispose();
            return current;
          }
          this.faster = faster;
          this.takeUpFaster();
          return faster.backend;
        },
        () => this.currentBackend,
      );
  }

  /**
   * Runs the graph on 96×96 images and reads back each one's top-k classes and, if asked, its
   * feature vector. `rows` > the number of images pads the run with zero images.
   */
  private async infer(
    pixels: ImageData[],
    k: number,
    features: boolean,
    filters: ResolvedFilters,
    rows = pixels.length,
  ): Promise<Answer[]> {
    const n = pixels.length;
    // On WebGL and WebGPU the probabilities are read asynchronously and ranked in JS (see topKOfRows):
    // tf.topk there would block the page with a synchronous read. Elsewhere topk on the backend is cheaper.
    const rankInJs = onGpu(this.currentBackend);
    // These tensors outlive the awaits below, so they are disposed in `finally`.
    const outputs = tf.tidy(() => {
      const [logits, vector] = this.execute(stackInputs(pixels, rows), rows);
      const real = (t: tf.Tensor) => (rows > n ? tf.slice(t, [0, 0], [n, -1]) : t);
      const ranking = rankInJs
        ? { probabilities: tf.softmax(real(logits!)) }
        : topKOnDevice(real(logits!) as tf.Tensor2D, k, filters.allowed);
      return { ...ranking, ...(features ? { featureVector: real(vector!) } : {}) };
    });
    try {
      const [ranked, vectors] = await this.read(
        Promise.all([
          'probabilities' in outputs
            ? outputs.probabilities.data().then((p) => topKOfRows(p, n, k, filters.allowed))
            : Promise.all([outputs.values.data(), outputs.indices.data()]).then(([values, indices]) => ({
                values: values as Float32Array,
                indices: indices as Int32Array,
              })),
          outputs.featureVector?.data() as Promise<Float32Array> | undefined,
        ]),
      );
      return Array.from({ length: n }, (_, row) => ({
        indices: ranked.indices.subarray(row * k, (row + 1) * k),
        probabilities: ranked.values.subarray(row * k, (row + 1) * k),
        ...(vectors ? { features: vectors.slice(row * FEATURE_SIZE, (row + 1) * FEATURE_SIZE) } : {}),
      }));
    } finally {
      tf.dispose(Object.values(outputs));
    }
  }

  /** Runs the graph on `rows` model inputs (HWC, [0, 1]); returns [logits, feature_vector]. Call inside `tf.tidy`. */
  private execute(data: Float32Array, rows: number): tf.Tensor[] {
    activateNow(this.currentBackend);
    const input = tf.tensor4d(data, [rows, ...INPUT_SHAPE] as [number, number, number, number]);
    return this.model.execute({ images: input }, OUTPUTS) as tf.Tensor[];
  }

  /** The softmax probabilities of `rows` model inputs, row-major. */
  private async probabilities(data: Float32Array, rows: number): Promise<Float32Array> {
    return this.onLiveContext(async () => {
      const probabilities = tf.tidy(() => tf.softmax(this.execute(data, rows)[0]!));
      try {
        return (await this.read(probabilities.data())) as Float32Array;
      } finally {
        probabilities.dispose();
      }
    });
  }

  /** On WebGL, a read that a context loss interrupts (or empties) throws ContextLostError. */
  private read<T>(read: Promise<T>): Promise<T> {
    return this.currentBackend === 'webgl' ? readUnlessContextLost(read) : read;
  }

  /** Runs `work`; if the WebGL context was lost under it, once more on the backend that replaces WebGL. */
  private async onLiveContext<T>(work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      if (!(error instanceof ContextLostError)) throw error;
      await this.prepareBackend();
      return work();
    }
  }

  /** Makes this classifier's backend the active one, first moving off a lost WebGL context. */
  private async prepareBackend(): Promise<void> {
    if (this.disposed) throw classifierError('inference', 'disposed', {});
    if (this.currentBackend === 'webgl' && webglContextLost()) {
      this.recovery ??= this.moveOffWebgl().finally(() => (this.recovery = undefined));
      await this.recovery;
    }
    await useBackend(this.currentBackend);
  }

  /** Rebuilds the model on wasm (or cpu) from the weights in memory: no download, a few ms of warm-up. */
  private async moveOffWebgl(): Promise<void> {
    const backend = await startBackend('wasm');
    const model = new GraphModel({ load: async () => this.artifacts });
    await model.load();
    try {
      this.model.dispose();
    } catch {
      // Its textures went with the context.
    }
    this.model = model;
    this.currentBackend = backend;
    await this.warmUp();
  }

  /** @internal runs one pass so that shaders compile and buffers are allocated before the first real call. */
  async warmUp(): Promise<void> {
    activateNow(this.currentBackend);
    // On WebGL the shaders compile in parallel where the driver can (KHR_parallel_shader_compile).
    if (this.currentBackend === 'webgl') return compileModel(this.model, OUTPUTS);
    const outputs = tf.tidy(
      () => this.model.execute({ images: tf.zeros([1, ...INPUT_SHAPE]) }, OUTPUTS) as tf.Tensor[],
    );
    try {
      await Promise.all(outputs.map((t) => t.data()));
    } finally {
      tf.dispose(outputs);
    }
  }
}

/**
 * @internal the tf.js half of `loadClassifier` (src/model/load.ts): starts a backend while `fetching`
 * (the model's files) completes, builds the model and warms it up.
 */
export async function loadFetched(
  url: URL,
  fetching: Promise<FetchedModel>,
  options: LoadClassifierOptions,
): Promise<Classifier> {
  const { signal } = options;
  const preferred = options.backend ?? 'webgl';
  const noBackend = (error: unknown) => {
    throw classifierError('load', 'no-backend', {}, error);
  };
  // 'auto' starts on the remembered choice, or on wasm at once and measures the others after the first result.
  const auto = preferred === 'auto';
  const start = async () => {
    const remembered = auto ? await rememberedBackend() : undefined;
    return { remembered, backend: remembered ?? (await startBackend(auto ? AUTO_FIRST_BACKEND : preferred)) };
  };
  const [{ backend, remembered }, fetched] = await Promise.all([start().catch(noBackend), fetching]);
  const labelsUrl = modelFileUrl(
    url,
    typeof fetched.metadata.labels === 'string' ? fetched.metadata.labels : 'labels.json',
  );
  const labelsJson = await fetchJson(labelsUrl, signal, 'no-cache');
  signal?.throwIfAborted();

  // tf.js refuses every operation while any backend is still starting, and another element on the page
  // may have started one (wasm's binary takes a while) since this one's started.
  await backendsStarted();
  await useBackend(backend);
  const model = new GraphModel({ load: async () => fetched.artifacts });
  try {
    await model.load();
  } catch (error) {
    throw classifierError(
      'load',
      'graph-load-failed',
      { url: String(url), detail: (error as Error)?.message ?? String(error) },
      error,
    );
  }
  let classifier: Classifier | undefined;
  try {
    checkSignature(model, url);
    let labels: Label[];
    try {
      labels = parseLabels(labelsJson, numClasses(model));
    } catch (error) {
      // The labels' own checks, with the file's URL added.
      if (!(error instanceof ClassifierError) || !error.code) throw error;
      throw classifierError('load', error.code, { ...error.values, url: String(labelsUrl) } as never, error);
    }
    classifier = new Classifier(model, fetched.artifacts, labels, backend, fetched.metadata, fetched.networkBytes);
    await classifier.warmUp();
    signal?.throwIfAborted();
    if (auto && !remembered) classifier.measureBackends(fetched.artifacts);
    return classifier;
  } catch (error) {
    if (classifier) classifier.dispose();
    else model.dispose();
    throw error;
  }
}

function onGpu(backend: Backend): boolean {
  return backend === 'webgl' || backend === 'webgpu';
}

/** The model inputs of 96×96 images, one after another, then zero images up to `rows`. */
function stackInputs(pixels: ImageData[], rows: number): Float32Array {
  if (pixels.length === 1 && rows === 1) return toModelInput(pixels[0]!);
  const data = new Float32Array(rows * IMAGE_SIZE);
  pixels.forEach((image, i) => toModelInput(image, data.subarray(i * IMAGE_SIZE, (i + 1) * IMAGE_SIZE)));
  return data;
}

function checkSignature(model: GraphModel, url: URL): void {
  const shape = model.inputs[0]?.shape;
  const expected = [-1, ...INPUT_SHAPE];
  if (!shape || shape.length !== 4 || shape.slice(1).some((d, i) => d !== expected[i + 1])) {
    throw classifierError('load', 'model-input-shape', { url: String(url), shape: shape?.join(', ') ?? '?' });
  }
  const names = model.outputNodes;
  for (const output of OUTPUTS) {
    if (!names.includes(output)) {
      throw classifierError('load', 'model-output-missing', { url: String(url), output, outputs: names.join(', ') });
    }
  }
}

function numClasses(model: GraphModel): number {
  const logits = model.outputs.find((o) => o.name.startsWith('logits'));
  return logits?.shape?.[1] ?? 1001;
}
