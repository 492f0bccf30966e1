import * as tf from '@tensorflow/tfjs-core';
import { GraphModel } from '@tensorflow/tfjs-converter';
import { defaultModelUrl, modelFileUrl } from './assets';
import { chooseBackend } from './auto-backend';
import { startBackend, useBackend, webglContextLost } from './backend';
import { MODEL_INPUT_SIZE } from './crop';
import { ClassifierError } from './errors';
import { fetchJson, fetchModel } from './loader';
import { normaliseTopK, parseLabels, toPredictions, topKOnDevice } from './predictions';
import { toModelInput, toModelPixels } from './preprocess';
import type {
  Backend,
  ClassifierInput,
  ClassifyOptions,
  ClassifyResult,
  Label,
  LoadClassifierOptions,
} from './types';

const INPUT_SHAPE = [MODEL_INPUT_SIZE, MODEL_INPUT_SIZE, 3];
const OUTPUTS = ['logits', 'feature_vector'];

/** A loaded, warmed-up MobileNet V2 classifier. Create one with {@link loadClassifier}. */
export class Classifier {
  private disposed = false;
  private recovery?: Promise<void>;

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
   * Classifies the centred square of an image.
   *
   * @example
   * const { predictions } = await classifier.classify(file, { topK: 3 });
   * console.log(predictions[0].label, predictions[0].probability);
   */
  async classify(input: ClassifierInput, options: ClassifyOptions = {}): Promise<ClassifyResult> {
    const { topK = 5, crop = 1, features = false } = options;
    const k = normaliseTopK(topK, this.labels.length);
    const start = performance.now();
    const pixels = await toModelPixels(input, crop);
    await this.prepareBackend();
    const afterPreprocess = performance.now();

    // These tensors outlive the awaits below, so they are disposed in `finally`.
    const { values, indices, featureVector } = tf.tidy(() => {
      const [logits, vector] = this.execute(pixels);
      return { ...topKOnDevice(logits as tf.Tensor2D, k), featureVector: features ? vector : undefined };
    });
    try {
      const [probabilities, classIndices, vector] = await Promise.all([
        values.data(),
        indices.data(),
        featureVector?.data(),
      ]);
      const end = performance.now();
      return {
        predictions: toPredictions(classIndices, probabilities, this.labels),
        backend: this.backend,
        timings: { preprocess: afterPreprocess - start, inference: end - afterPreprocess, total: end - start },
        pixels,
        ...(vector ? { features: vector as Float32Array } : {}),
      };
    } finally {
      tf.dispose([values, indices, featureVector]);
    }
  }

  /** The 1280-d feature vector of the centred square of an image (the layer before the classifier head). */
  async embed(input: ClassifierInput, options: Pick<ClassifyOptions, 'crop'> = {}): Promise<Float32Array> {
    const pixels = await toModelPixels(input, options.crop ?? 1);
    await this.prepareBackend();
    const vector = tf.tidy(() => this.execute(pixels)[1]);
    try {
      return (await vector.data()) as Float32Array;
    } finally {
      vector.dispose();
    }
  }

  /** Frees the model's weights. The classifier cannot be used afterwards. */
  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    this.model.dispose();
  }

  /** Runs the graph on one 96×96 image; returns [logits, feature_vector]. Call inside `tf.tidy`. */
  private execute(pixels: ImageData): tf.Tensor[] {
    const input = tf.tensor4d(toModelInput(pixels), [1, ...INPUT_SHAPE] as [number, number, number, number]);
    return this.model.execute({ images: input }, OUTPUTS) as tf.Tensor[];
  }

  /** Makes this classifier's backend the active one, first moving off a lost WebGL context. */
  private async prepareBackend(): Promise<void> {
    if (this.disposed) throw new ClassifierError('inference', 'This classifier has been disposed.');
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
    const outputs = tf.tidy(() => this.model.execute({ images: tf.zeros([1, ...INPUT_SHAPE]) }, OUTPUTS) as tf.Tensor[]);
    try {
      await Promise.all(outputs.map((t) => t.data()));
    } finally {
      tf.dispose(outputs);
    }
  }
}

/**
 * Downloads the model and its labels, starts a backend and warms the model up.
 *
 * @throws ClassifierError (phase `load`) naming the URL and what is wrong; the AbortError of
 *   `signal` when aborted.
 * @example
 * const classifier = await loadClassifier({ onProgress: (p) => console.log(p.fraction) });
 * const { predictions, backend } = await classifier.classify(imageElement);
 */
export async function loadClassifier(options: LoadClassifierOptions = {}): Promise<Classifier> {
  const { signal, onProgress } = options;
  const url = new URL(options.modelUrl ?? defaultModelUrl(), globalThis.location?.href);
  signal?.throwIfAborted();

  const preferred = options.backend ?? 'webgl';
  const noBackend = (error: unknown) => {
    throw new ClassifierError('load', 'No TensorFlow.js backend could start in this browser.', { cause: error });
  };
  const [started, fetched] = await Promise.all([
    preferred === 'auto' ? undefined : startBackend(preferred).catch(noBackend),
    fetchModel(url, signal, onProgress, options.cache ?? true),
  ]);
  const backend = started ?? (await chooseBackend(fetched.artifacts).catch(noBackend));
  const labelsUrl = modelFileUrl(url, typeof fetched.metadata.labels === 'string' ? fetched.metadata.labels : 'labels.json');
  const labelsJson = await fetchJson(labelsUrl, signal, 'no-cache');
  signal?.throwIfAborted();

  await useBackend(backend);
  const model = new GraphModel({ load: async () => fetched.artifacts });
  try {
    await model.load();
  } catch (error) {
    throw new ClassifierError('load', `${url} could not be loaded as a graph model: ${(error as Error).message}`, {
      cause: error,
    });
  }
  let classifier: Classifier | undefined;
  try {
    checkSignature(model, url);
    let labels: Label[];
    try {
      labels = parseLabels(labelsJson, numClasses(model));
    } catch (error) {
      throw new ClassifierError('load', `${labelsUrl}: ${(error as Error).message}`, { cause: error });
    }
    classifier = new Classifier(model, fetched.artifacts, labels, backend, fetched.metadata, fetched.networkBytes);
    await classifier.warmUp();
    signal?.throwIfAborted();
    return classifier;
  } catch (error) {
    if (classifier) classifier.dispose();
    else model.dispose();
    throw error;
  }
}

function checkSignature(model: GraphModel, url: URL): void {
  const shape = model.inputs[0]?.shape;
  const expected = [-1, ...INPUT_SHAPE];
  if (!shape || shape.length !== 4 || shape.slice(1).some((d, i) => d !== expected[i + 1])) {
    throw new ClassifierError(
      'load',
      `${url} takes input of shape [${shape?.join(', ') ?? '?'}], but this element needs [N, 96, 96, 3]: ` +
        'it is not a MobileNet V2 96×96 model built by `npm run model`.',
    );
  }
  const names = model.outputNodes;
  for (const output of OUTPUTS) {
    if (!names.includes(output)) {
      throw new ClassifierError('load', `${url} has no output named "${output}" (outputs: ${names.join(', ')}).`);
    }
  }
}

function numClasses(model: GraphModel): number {
  const logits = model.outputs.find((o) => o.name.startsWith('logits'));
  return logits?.shape?.[1] ?? 1001;
}
