/**
 * Builds `public/model/` from the pinned sources: the TF-Hub feature-vector graph plus the QAT
 * classifier head from the tflite, as one TF.js graph model with `logits` and `feature_vector` outputs.
 */
import { createHash } from 'node:crypto';
import { chmod, mkdir, mkdtemp, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { float32ArrayToFloat16 } from './float16';
import { fuseDepthwise } from './fuse';
import { renderModelCard } from './model-card';
import {
  FEATURE_NODE,
  INPUT_NODE,
  ModelBuildError,
  readSourceFiles,
  validateSources,
  type GraphNode,
  type SourceWeight,
  type ValidatedSources,
  type WeightSpec,
} from './sources';
import { HEAD } from './tflite';

/** Precision of the backbone weights in the output. */
export type BackbonePrecision = 'float32' | 'float16';

/** Whether the backbone's depthwise chains are fused; see {@link BuildOptions.graph}. */
export type GraphForm = 'fused' | 'original';

/** Options of {@link buildModel}. */
export interface BuildOptions {
  /** Directory holding the pinned model sources. */
  sources: string;
  /** Output directory; replaced as a whole when the build succeeds. */
  out: string;
  /** Backbone weight precision; the head is uint8 and its bias float32 either way. */
  backbone: BackbonePrecision;
  /**
   * 'fused' (default) rewrites depthwise conv + bias + Relu6 chains into single fused nodes (same
   * weights, same arithmetic, fewer kernels); 'original' keeps the source graph's nodes.
   */
  graph?: GraphForm;
  /** Skip the build when `<out>/build.json` records the same stamp and every output file is there. */
  ifStale?: boolean;
}

/** What {@link buildModel} did. */
export interface BuildResult {
  /** True when `ifStale` found an up-to-date output and nothing was written. */
  skipped: boolean;
  /** Build stamp: sha256 over source hashes, builder sources and options. */
  stamp: string;
  /** Output file name -> size in bytes, build.json included. */
  files: Record<string, number>;
}

/** Contents of `<out>/build.json`. */
export interface BuildRecord {
  stamp: string;
  options: { backbone: BackbonePrecision; graph: GraphForm };
  sources: Record<string, string>;
  /** Output file name -> size in bytes, build.json itself excluded. */
  outputs: Record<string, number>;
}

/** Identifies this model family in metadata, caches and the model card. */
export const MODEL_ID = 'mobilenet_v2_050_96-fv3+qat-head';
/** tf.js fetches shards in parallel; 4 MiB keeps each request small without many round trips. */
export const MAX_SHARD_BYTES = 4 * 1024 * 1024;
/** Output node names added to the source graph. */
export const OUTPUT_NODES = { logits: 'logits', featureVector: 'feature_vector' } as const;

const BUILD_RECORD = 'build.json';
const BUILDER_DIR = dirname(fileURLToPath(import.meta.url));

/**
 * Builds the model into `options.out`, atomically.
 *
 * Everything is validated and assembled in memory first, then written to a temporary sibling of
 * `out` that is renamed into place, so a failed build leaves an existing output untouched.
 *
 * @param options - sources, output directory, backbone precision, staleness check
 * @returns whether it built, the stamp and the output sizes
 * @throws {@link ModelBuildError} for a missing, malformed or modified source, or an unusable `out`
 * @example
 * await buildModel({ sources: '../shared/model-sources', out: 'public/model', backbone: 'float32' });
 */
export async function buildModel(options: BuildOptions): Promise<BuildResult> {
  const files = await readSourceFiles(options.sources);
  const settings = { backbone: options.backbone, graph: options.graph ?? 'fused' };
  const stamp = await buildStamp(files.sha256, settings);

  if (options.ifStale) {
    const existing = await upToDate(options.out, stamp);
    if (existing !== null) return { skipped: true, stamp, files: existing };
  }

  const sources = validateSources(files);
  const artifacts = assemble(sources, settings);
  const outputs = Object.fromEntries([...artifacts].map(([name, bytes]) => [name, bytes.length]));
  const record: BuildRecord = {
    stamp,
    options: settings,
    sources: sources.sha256,
    outputs,
  };
  const recordBytes = utf8(JSON.stringify(record, null, 2) + '\n');
  artifacts.set(BUILD_RECORD, recordBytes);

  await writeAtomically(options.out, artifacts);
  return { skipped: false, stamp, files: { ...outputs, [BUILD_RECORD]: recordBytes.length } };
}

/**
 * The build stamp: changes whenever a source, the builder's code or an option changes.
 */
async function buildStamp(sourceSha256: Record<string, string>, options: BuildRecord['options']): Promise<string> {
  const builder: Record<string, string> = {};
  for (const name of (await readdir(BUILDER_DIR)).filter((n) => n.endsWith('.ts')).sort()) {
    builder[name] = sha256(await readFile(join(BUILDER_DIR, name)));
  }
  return sha256(utf8(JSON.stringify({ sources: sourceSha256, builder, options })));
}

/** Output sizes if `out` holds a complete build with this stamp, else null. */
async function upToDate(out: string, stamp: string): Promise<Record<string, number> | null> {
  let record: BuildRecord;
  try {
    record = JSON.parse(await readFile(join(out, BUILD_RECORD), 'utf8')) as BuildRecord;
  } catch {
    return null;
  }
  if (record.stamp !== stamp || typeof record.outputs !== 'object') return null;
  for (const [name, size] of Object.entries(record.outputs)) {
    const info = await stat(join(out, name)).catch(() => null);
    if (info?.size !== size) return null;
  }
  const own = await stat(join(out, BUILD_RECORD));
  return { ...record.outputs, [BUILD_RECORD]: own.size };
}

/** Builds every output file in memory: name -> bytes, in the order they are listed in summaries. */
function assemble(sources: ValidatedSources, { backbone, graph }: BuildRecord['options']): Map<string, Uint8Array> {
  const weights: { spec: WeightSpec; bytes: Uint8Array }[] = [
    ...sources.backboneWeights.map((w) => (backbone === 'float16' ? toFloat16(w) : w)),
    ...headWeights(sources),
  ];
  const weightSpecs = weights.map((w) => w.spec);
  const weightBytes = concat(weights.map((w) => w.bytes));
  const added = headNodes();
  const taken = new Set(sources.graph.modelTopology.node.map((n) => n.name));
  for (const node of added) {
    if (taken.has(node.name)) {
      throw new ModelBuildError(`model source feature-vector/model.json: already has a node named ${node.name}`);
    }
  }
  const backboneNodes =
    graph === 'fused'
      ? fuseDepthwise(sources.graph.modelTopology.node, new Set([FEATURE_NODE])).nodes
      : sources.graph.modelTopology.node;
  const topology = { ...sources.graph.modelTopology, node: [...backboneNodes, ...added] };

  // Keyed by content so a browser cache can tell two builds apart even when their URLs are equal.
  const hash = createHash('sha256');
  hash.update(JSON.stringify(topology));
  hash.update(JSON.stringify(weightSpecs));
  hash.update(weightBytes);
  const contentHash = hash.digest('hex');

  const shards = splitShards(weightBytes, MAX_SHARD_BYTES);
  const shardNames = shards.map((_, i) => `group1-shard${i + 1}of${shards.length}.bin`);
  const modelJson = {
    format: sources.graph.format,
    generatedBy: sources.graph.generatedBy,
    convertedBy: 'mobilenet-classifier scripts/model/build.ts',
    signature: {
      inputs: {
        [INPUT_NODE]: tensorInfo(`${INPUT_NODE}:0`, [-1, 96, 96, 3]),
      },
      outputs: {
        [OUTPUT_NODES.logits]: tensorInfo(`${OUTPUT_NODES.logits}:0`, [-1, HEAD.numClasses]),
        [OUTPUT_NODES.featureVector]: tensorInfo(`${OUTPUT_NODES.featureVector}:0`, [-1, HEAD.featureSize]),
      },
    },
    userDefinedMetadata: {
      modelId: MODEL_ID,
      inputSize: 96,
      inputRange: [0, 1],
      numClasses: HEAD.numClasses,
      featureSize: HEAD.featureSize,
      labels: 'labels.json',
      backbone,
      graph,
      contentHash,
    },
    modelTopology: topology,
    weightsManifest: [{ paths: shardNames, weights: weightSpecs }],
  };

  const artifacts = new Map<string, Uint8Array>();
  artifacts.set('model.json', utf8(JSON.stringify(modelJson)));
  shards.forEach((shard, i) => artifacts.set(shardNames[i]!, shard));
  artifacts.set('labels.json', utf8(labelsJson(sources.labels, sources.wnids)));
  const files = Object.fromEntries([...artifacts].map(([name, bytes]) => [name, bytes.length]));
  artifacts.set(
    'MODEL_CARD.md',
    utf8(renderModelCard({ modelId: MODEL_ID, backbone, graph, contentHash, sourceSha256: sources.sha256, files })),
  );
  return artifacts;
}

/** A float32 backbone weight re-encoded as IEEE half; any other dtype is kept as it is. */
function toFloat16(weight: SourceWeight): SourceWeight {
  if (weight.spec.dtype !== 'float32' || weight.spec.quantization !== undefined) return weight;
  // Copied first: the shard slice need not be 4-byte aligned for a Float32Array view.
  const values = new Float32Array(weight.bytes.slice().buffer);
  const half = float32ArrayToFloat16(values);
  return {
    spec: { ...weight.spec, quantization: { dtype: 'float16' } },
    bytes: new Uint8Array(half.buffer),
  };
}

/**
 * The head as tf.js weights: weights transposed to (in, out) for MatMul, bias dequantized.
 */
function headWeights(sources: ValidatedSources): SourceWeight[] {
  const { weights, bias } = sources.head;
  const scale = weights.scale[0]!;
  const zeroPoint = weights.zeroPoint[0]!;
  const { numClasses, featureSize } = HEAD;

  // Stored uint8 because the source is an 8-bit QAT layer: tf.js dequantizes q * scale + min, and
  // with min = -zero_point * scale that is the tflite's (q - zero_point) * scale, with no new rounding
  // of q. The transpose only moves bytes, so it is lossless too.
  const transposed = new Uint8Array(numClasses * featureSize);
  for (let o = 0; o < numClasses; o++) {
    for (let i = 0; i < featureSize; i++) transposed[i * numClasses + o] = weights.data[o * featureSize + i]!;
  }

  const biasView = new DataView(bias.data.buffer, bias.data.byteOffset, bias.data.byteLength);
  const biasValues = new Float32Array(numClasses);
  for (let o = 0; o < numClasses; o++) {
    biasValues[o] = (biasView.getInt32(o * 4, true) - bias.zeroPoint[0]!) * bias.scale[0]!;
  }

  return [
    {
      spec: {
        name: 'head/weights',
        shape: [featureSize, numClasses],
        dtype: 'float32',
        quantization: { dtype: 'uint8', scale, min: -zeroPoint * scale },
      },
      bytes: transposed,
    },
    {
      spec: { name: 'head/bias', shape: [numClasses], dtype: 'float32' },
      bytes: new Uint8Array(biasValues.buffer),
    },
  ];
}

/**
 * Nodes appended to the source graph, written in the same attr encoding as the converter's nodes
 * (`{ type: 'DT_FLOAT' }`, base64 strings, `tensorShape.dim[].size` as decimal strings).
 */
function headNodes(): GraphNode[] {
  const float = { type: 'DT_FLOAT' };
  const constNode = (name: string, shape: number[]): GraphNode => ({
    attr: {
      dtype: float,
      value: { tensor: { dtype: 'DT_FLOAT', tensorShape: { dim: shape.map((d) => ({ size: String(d) })) } } },
    },
    name,
    op: 'Const',
  });
  return [
    { input: [FEATURE_NODE], attr: { T: float }, name: OUTPUT_NODES.featureVector, op: 'Identity' },
    constNode('head/weights', [HEAD.featureSize, HEAD.numClasses]),
    constNode('head/bias', [HEAD.numClasses]),
    {
      // MatMul + BiasAdd as one node, as the current converter writes dense layers.
      input: [FEATURE_NODE, 'head/weights', 'head/bias'],
      attr: {
        transpose_a: { b: false },
        transpose_b: { b: false },
        T: float,
        num_args: { i: '1' },
        // base64 of "BiasAdd"
        fused_ops: { list: { s: ['Qmlhc0FkZA=='] } },
        epsilon: { f: 0 },
      },
      name: OUTPUT_NODES.logits,
      op: '_FusedMatMul',
    },
  ];
}

function tensorInfo(name: string, shape: number[]) {
  return { name, dtype: 'DT_FLOAT', tensorShape: { dim: shape.map((d) => ({ size: String(d) })) } };
}

/** One entry per class: `{ index, wnid, label, fullName }`, one JSON object per line. */
function labelsJson(labels: string[], wnids: string[]): string {
  const entries = labels.map((fullName, index) => ({
    index,
    wnid: wnids[index]!,
    label: fullName.split(',')[0]!.trim(),
    fullName,
  }));
  return `[\n${entries.map((e) => `  ${JSON.stringify(e)}`).join(',\n')}\n]\n`;
}

/**
 * Splits weight bytes into shards of at most `maxBytes`, as tf.js concatenates them back in order.
 *
 * @param bytes - all weight bytes of the group
 * @param maxBytes - shard size limit
 * @returns at least one shard (an empty one for empty input)
 */
export function splitShards(bytes: Uint8Array, maxBytes: number): Uint8Array[] {
  const shards: Uint8Array[] = [];
  for (let offset = 0; offset < bytes.length; offset += maxBytes) {
    shards.push(bytes.subarray(offset, Math.min(offset + maxBytes, bytes.length)));
  }
  return shards.length > 0 ? shards : [new Uint8Array(0)];
}

/**
 * Writes `files` to a temporary sibling of `out`, then swaps it in.
 *
 * Node has no atomic directory exchange, so the swap is two renames with the old output parked
 * beside it: if the second rename fails the old output is moved back.
 */
async function writeAtomically(out: string, files: Map<string, Uint8Array>): Promise<void> {
  const existing = await stat(out).catch(() => null);
  if (existing !== null) {
    if (!existing.isDirectory()) throw new ModelBuildError(`output ${out} exists and is not a directory`);
    const entries = await readdir(out);
    // Guards against `--out src` or a typo wiping a directory this builder never wrote.
    if (entries.length > 0 && !entries.includes(BUILD_RECORD)) {
      throw new ModelBuildError(
        `output ${out} is not empty and holds no ${BUILD_RECORD}; refusing to replace a directory this builder did not write`,
      );
    }
  }

  const parent = dirname(out);
  await mkdir(parent, { recursive: true });
  const temp = await mkdtemp(join(parent, `.model-build-${basename(out)}-`));
  const parked = `${temp}-old`;
  try {
    // mkdtemp creates 0700; the output is served as static files, possibly by another user.
    await chmod(temp, 0o755);
    for (const [name, bytes] of files) await writeFile(join(temp, name), bytes);
    if (existing !== null) await rename(out, parked);
    try {
      await rename(temp, out);
    } catch (error) {
      if (existing !== null) await rename(parked, out);
      throw error;
    }
  } finally {
    await rm(temp, { recursive: true, force: true });
    await rm(parked, { recursive: true, force: true });
  }
}

function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((sum, p) => sum + p.length, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}

function sha256(data: Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

function utf8(text: string): Uint8Array {
  return new TextEncoder().encode(text);
}
