// Types only: the model's files are fetched while tf.js itself is still downloading (src/model/load.ts).
import type { io } from '@tensorflow/tfjs-core';
import { modelFileUrl } from './assets';
import { isAbortError } from './errors';
import { classifierError } from './messages';
import type { LoadProgress } from './types';
import { openWeightCache, readShard, storeShard } from './weight-cache';

/** Bytes per element of each dtype a weights manifest can store. */
const DTYPE_BYTES: Record<string, number> = { float32: 4, int32: 4, bool: 1, uint8: 1, uint16: 2, float16: 2 };

/** What a fetched graph model is made of. */
export interface FetchedModel {
  artifacts: io.ModelArtifacts;
  /** `userDefinedMetadata` of model.json. */
  metadata: Record<string, unknown>;
  totalBytes: number;
  /** Weight bytes that came from the network (0 when every shard came from the cache). */
  networkBytes: number;
}

/**
 * Fetches `model.json` and its weight shards, checking each step so that a failure names the URL
 * and what is wrong instead of surfacing as a tf.js internal error.
 */
export async function fetchModel(
  url: URL,
  signal?: AbortSignal,
  onProgress?: (progress: LoadProgress) => void,
  useCache = true,
): Promise<FetchedModel> {
  // Revalidated every time: an unchanged model.json costs a 304 and no bytes, a rebuilt one is seen at once.
  const json = await fetchJson<io.ModelJSON>(url, signal, 'no-cache');
  const manifest = json.weightsManifest;
  if (!json.modelTopology || !Array.isArray(manifest)) {
    throw classifierError('load', 'not-graph-model', { url: String(url) });
  }
  const totalBytes = manifestBytes(manifest, url);
  let loadedBytes = 0;
  const report = (bytes: number) => {
    loadedBytes += bytes;
    onProgress?.({ loadedBytes, totalBytes, fraction: totalBytes ? loadedBytes / totalBytes : 1 });
  };
  report(0);

  const metadata = (json.userDefinedMetadata ?? {}) as Record<string, unknown>;
  const contentHash = typeof metadata.contentHash === 'string' ? metadata.contentHash : undefined;
  const cache = useCache && contentHash ? await openWeightCache() : undefined;
  let networkBytes = 0;

  const shards = manifest.flatMap((group) => group.paths.map((path) => modelFileUrl(url, path)));
  const loaded = await Promise.all(
    shards.map(async (shard) => {
      const cached = cache && contentHash ? await readShard(cache, shard, contentHash) : undefined;
      if (cached) {
        report(cached.byteLength);
        return { shard, bytes: cached, fromNetwork: false };
      }
      return { shard, bytes: await fetchBytes(shard, signal, report), fromNetwork: true };
    }),
  );
  const received = loaded.reduce((sum, { bytes }) => sum + bytes.byteLength, 0);
  if (received !== totalBytes) {
    throw classifierError('load', 'weights-truncated', { url: String(url), expected: totalBytes, received });
  }
  for (const { shard, bytes, fromNetwork } of loaded) {
    if (!fromNetwork) continue;
    networkBytes += bytes.byteLength;
    // Only whole, checked shards are cached.
    if (cache && contentHash) await storeShard(cache, shard, contentHash, bytes);
  }
  const artifacts = toArtifacts(
    json,
    manifest.flatMap((group) => group.weights),
    concatenate(loaded.map(({ bytes }) => bytes)),
  );
  return { artifacts, metadata, totalBytes, networkBytes };
}

/** What tf.js's `io.getModelArtifactsForJSON` makes of model.json and its weights, without tf.js. */
function toArtifacts(
  json: io.ModelJSON,
  weightSpecs: io.WeightsManifestEntry[],
  weightData: ArrayBuffer,
): io.ModelArtifacts {
  const { modelTopology, format, generatedBy, convertedBy, trainingConfig, signature, userDefinedMetadata } = json;
  const { modelInitializer, initializerSignature } = json;
  const artifacts: io.ModelArtifacts = { modelTopology, format, generatedBy, convertedBy, weightSpecs, weightData };
  // Only the fields model.json has: tf.js tells a missing field from an empty one.
  if (trainingConfig != null) artifacts.trainingConfig = trainingConfig;
  if (signature != null) artifacts.signature = signature;
  if (userDefinedMetadata != null) artifacts.userDefinedMetadata = userDefinedMetadata;
  if (modelInitializer != null) artifacts.modelInitializer = modelInitializer;
  if (initializerSignature != null) artifacts.initializerSignature = initializerSignature;
  return artifacts;
}

function concatenate(buffers: ArrayBuffer[]): ArrayBuffer {
  if (buffers.length === 1) return buffers[0]!;
  const joined = new Uint8Array(buffers.reduce((sum, buffer) => sum + buffer.byteLength, 0));
  let offset = 0;
  for (const buffer of buffers) {
    joined.set(new Uint8Array(buffer), offset);
    offset += buffer.byteLength;
  }
  return joined.buffer;
}

function manifestBytes(manifest: io.WeightsManifestConfig, url: URL): number {
  let total = 0;
  for (const entry of manifest.flatMap((group) => group.weights)) {
    const dtype = entry.quantization?.dtype ?? entry.dtype;
    const size = DTYPE_BYTES[dtype];
    if (size === undefined)
      throw classifierError('load', 'weight-dtype', { url: String(url), name: entry.name, dtype: String(dtype) });
    total += size * entry.shape.reduce((a, b) => a * b, 1);
  }
  return total;
}

async function fetchOk(url: URL, signal?: AbortSignal, cache?: RequestCache): Promise<Response> {
  let response: Response;
  try {
    response = await fetch(url, { signal, cache });
  } catch (error) {
    if (isAbortError(error)) throw error;
    throw classifierError('load', 'fetch-failed', { url: String(url) }, error);
  }
  if (!response.ok) {
    throw classifierError('load', 'http-status', { url: String(url), status: response.status });
  }
  // Single-page-app hosts (Vite's dev server among them) answer a missing file with index.html and 200.
  if (response.headers.get('content-type')?.includes('text/html')) {
    throw classifierError('load', 'html-instead', { url: String(url) });
  }
  return response;
}

/** Fetches a JSON file of the model (model.json, labels.json) with the checks of {@link fetchModel}. */
export async function fetchJson<T = unknown>(url: URL, signal?: AbortSignal, cache?: RequestCache): Promise<T> {
  const response = await fetchOk(url, signal, cache);
  try {
    return (await response.json()) as T;
  } catch (error) {
    if (isAbortError(error)) throw error;
    throw classifierError('load', 'invalid-json', { url: String(url) }, error);
  }
}

/** Reads a response body chunk by chunk so that progress can be reported in bytes. */
async function fetchBytes(
  url: URL,
  signal: AbortSignal | undefined,
  report: (bytes: number) => void,
): Promise<ArrayBuffer> {
  const response = await fetchOk(url, signal);
  if (!response.body) {
    const buffer = await response.arrayBuffer();
    report(buffer.byteLength);
    return buffer;
  }
  const chunks: Uint8Array[] = [];
  let length = 0;
  const reader = response.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    length += value.byteLength;
    report(value.byteLength);
  }
  const bytes = new Uint8Array(length);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes.buffer;
}
