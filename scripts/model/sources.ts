/**
 * The pinned model sources: where they are, what they must hash to, and the structural checks that
 * turn a bad file into a specific message before the checksum would reject it anyway.
 */
import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { HEAD, readQuantizedHead, readTflite, TfliteFormatError, type QuantizedHead } from './tflite';

/** An expected failure of the model build: the CLI prints the message alone and exits 1. */
export class ModelBuildError extends Error {
  override name = 'ModelBuildError';
}

/** A file of the model sources directory and the sha256 it must have. */
export interface PinnedSource {
  /** Path relative to the sources directory, with `/` separators. */
  path: string;
  /** Lower-case hex sha256 of the file's bytes. */
  sha256: string;
}

/**
 * Every file the build reads. The hashes of the first four are the ones published in
 * `shared/model-sources/README.md`.
 */
export const SOURCES = {
  graph: {
    path: 'feature-vector/model.json',
    sha256: '08c8c16066126d5ab1a0a8eb6c60d9de39e4fe1d3f4d20bb457ad0daf0faea1f',
  },
  shard: {
    path: 'feature-vector/group1-shard1of1.bin',
    sha256: '8631f177b1c871705359c888de254fa98a261d94b4ef893ac265aaeee5dac758',
  },
  tflite: {
    path: 'mobilenet_v2_0_5_96_quant.tflite',
    sha256: 'bcf203e2c23b494fd264bd58017c980cb77a934b467dedbf39122a121fa0c35a',
  },
  labels: {
    path: 'imagenet-labels.txt',
    sha256: 'b8aaeb5630c62626a7d124a05c0e14230a7ffdd2136a31d0190a4fb71c1d82f1',
  },
  wnids: {
    path: 'imagenet-wnids.txt',
    // No hash is published for this file; measured here with sha256sum on the copy in
    // shared/model-sources (1001 lines, 10011 bytes) when the builder was written.
    sha256: '581740bf06e9a6d7d3937b9749ada11879abf7d0f6db48168499bd664ff54108',
  },
} as const satisfies Record<string, PinnedSource>;

/** Name of the feature-vector graph's input node. */
export const INPUT_NODE = 'images';
/** Input shape of the feature-vector graph: any batch of 96x96 RGB. */
export const INPUT_SHAPE = [-1, 96, 96, 3] as const;
/** The node whose output is the 1280-d feature vector (after global average pooling). */
export const FEATURE_NODE = 'module_apply_default/hub_output/feature_vector/SpatialSqueeze';

/** One entry of a TF.js `weightsManifest` group, as far as the builder needs it. */
export interface WeightSpec {
  name: string;
  shape: number[];
  dtype: string;
  quantization?: { dtype: string; scale?: number; min?: number };
}

/** A node of a TF.js graph-model topology (a TensorFlow `NodeDef` in JSON form). */
export interface GraphNode {
  name: string;
  op: string;
  input?: string[];
  attr?: Record<string, unknown>;
  device?: string;
}

/** The parts of a TF.js graph-model `model.json` the builder reads; other keys pass through. */
export interface GraphModelJson {
  format: string;
  generatedBy?: string;
  convertedBy?: string;
  modelTopology: { node: GraphNode[]; [key: string]: unknown };
  weightsManifest: { paths: string[]; weights: WeightSpec[] }[];
}

/** A backbone weight with its bytes, in the order the source shard lays them out. */
export interface SourceWeight {
  spec: WeightSpec;
  bytes: Uint8Array;
}

/** The raw bytes and sha256 of every pinned source. */
export interface SourceFiles {
  dir: string;
  bytes: Record<keyof typeof SOURCES, Uint8Array>;
  sha256: Record<keyof typeof SOURCES, string>;
}

/** Sources after every structural check and checksum passed. */
export interface ValidatedSources {
  graph: GraphModelJson;
  backboneWeights: SourceWeight[];
  head: QuantizedHead;
  /** 1001 lines of imagenet-labels.txt. */
  labels: string[];
  /** 1001 lines of imagenet-wnids.txt. */
  wnids: string[];
  sha256: Record<keyof typeof SOURCES, string>;
}

function fail(source: PinnedSource, problem: string): never {
  throw new ModelBuildError(`model source ${source.path}: ${problem}`);
}

/**
 * Reads every pinned source and hashes it; does not validate anything else.
 *
 * @param dir - the sources directory
 * @returns bytes and sha256 per source
 * @throws {@link ModelBuildError} if the directory or a file is missing
 */
export async function readSourceFiles(dir: string): Promise<SourceFiles> {
  const dirStat = await stat(dir).catch(() => null);
  if (dirStat === null || !dirStat.isDirectory()) {
    throw new ModelBuildError(`model sources directory ${dir} not found; pass --sources <dir> or set MODEL_SOURCES`);
  }
  const bytes = {} as SourceFiles['bytes'];
  const sha256 = {} as SourceFiles['sha256'];
  for (const [key, source] of Object.entries(SOURCES) as [keyof typeof SOURCES, PinnedSource][]) {
    const file = join(dir, source.path);
    const data = await readFile(file).catch((error: NodeJS.ErrnoException) =>
      error.code === 'ENOENT' ? fail(source, `missing (looked for ${file})`) : fail(source, error.message),
    );
    bytes[key] = new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
    sha256[key] = createHash('sha256').update(data).digest('hex');
  }
  return { dir, bytes, sha256 };
}

/**
 * Checks the structure of every source, then every checksum, and returns the parsed contents.
 *
 * Structure goes first so that a broken file is reported as what is wrong with it ("truncated shard
 * (expected 2713640 bytes, found 2713000)") rather than only as a hash mismatch.
 *
 * @param files - from {@link readSourceFiles}
 * @returns the parsed sources
 * @throws {@link ModelBuildError} naming the file and the problem
 */
export function validateSources(files: SourceFiles): ValidatedSources {
  const graph = parseGraph(files.bytes.graph);
  const backboneWeights = sliceWeights(graph, files.bytes.shard);
  const head = readHead(files.bytes.tflite);
  const labels = readLines(SOURCES.labels, files.bytes.labels);
  const wnids = readLines(SOURCES.wnids, files.bytes.wnids);
  wnids.forEach((wnid, i) => {
    if (i > 0 && !/^n\d{8}$/.test(wnid)) {
      fail(SOURCES.wnids, `line ${i + 1} is "${wnid}", expected a WordNet id like n01440764`);
    }
  });

  for (const key of Object.keys(SOURCES) as (keyof typeof SOURCES)[]) {
    const expected = SOURCES[key].sha256;
    const got = files.sha256[key];
    if (got !== expected) fail(SOURCES[key], `sha256 mismatch (expected ${expected}, got ${got})`);
  }
  return { graph, backboneWeights, head, labels, wnids, sha256: files.sha256 };
}

/** Bytes per element of each manifest dtype the builder can copy. */
const DTYPE_BYTES: Record<string, number> = { float32: 4, int32: 4, bool: 1 };
/** Bytes per element of each TF.js weight quantization dtype. */
const QUANTIZED_BYTES: Record<string, number> = { uint8: 1, uint16: 2, float16: 2 };

/**
 * Number of bytes a manifest entry occupies in its shard.
 *
 * @param spec - a manifest entry
 * @returns its byte length, or null for a dtype whose size is not fixed (`string`) or unknown
 */
export function weightByteLength(spec: WeightSpec): number | null {
  const perElement = spec.quantization ? QUANTIZED_BYTES[spec.quantization.dtype] : DTYPE_BYTES[spec.dtype];
  if (perElement === undefined) return null;
  return spec.shape.reduce((a, b) => a * b, 1) * perElement;
}

function parseGraph(bytes: Uint8Array): GraphModelJson {
  const source = SOURCES.graph;
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder().decode(bytes));
  } catch (error) {
    return fail(source, `not valid JSON (${(error as Error).message})`);
  }
  const graph = json as Partial<GraphModelJson>;
  if (graph === null || typeof graph !== 'object' || graph.format !== 'graph-model') {
    fail(source, `not a TF.js graph model (format ${JSON.stringify(graph?.format)}, expected "graph-model")`);
  }
  const nodes = graph.modelTopology?.node;
  if (!Array.isArray(nodes)) fail(source, 'modelTopology.node is missing');
  const manifest = graph.weightsManifest;
  if (!Array.isArray(manifest) || manifest.length === 0) fail(source, 'weightsManifest is missing or empty');

  const byName = new Map(nodes!.map((node) => [node.name, node]));
  const input = byName.get(INPUT_NODE);
  if (input?.op !== 'Placeholder') fail(source, `graph has no Placeholder input node "${INPUT_NODE}"`);
  const dims = (input!.attr?.['shape'] as { shape?: { dim?: { size?: string }[] } } | undefined)?.shape?.dim;
  const shape = (dims ?? []).map((d) => Number(d.size ?? 0));
  if (shape.join() !== INPUT_SHAPE.join()) {
    fail(source, `input ${INPUT_NODE} has shape [${shape.join(',')}], expected [${INPUT_SHAPE.join(',')}]`);
  }
  if (!byName.has(FEATURE_NODE)) fail(source, `graph has no node ${FEATURE_NODE}`);

  const weightNames = new Set<string>();
  for (const group of manifest!) {
    if (!Array.isArray(group.paths) || !Array.isArray(group.weights)) {
      fail(source, 'weightsManifest has a group without paths and weights arrays');
    }
    for (const spec of group.weights) {
      const validShape = Array.isArray(spec.shape) && spec.shape.every((d) => Number.isInteger(d) && d >= 0);
      if (typeof spec.name !== 'string' || !validShape) {
        fail(source, `weightsManifest entry ${JSON.stringify(spec)} has no valid name and shape`);
      }
      if (weightByteLength(spec) === null) {
        const dtype = spec.quantization ? `quantization dtype ${spec.quantization.dtype}` : `dtype ${spec.dtype}`;
        fail(source, `weight ${spec.name} has ${dtype}, which has no fixed byte size`);
      }
      weightNames.add(spec.name);
    }
  }
  // tf.js fails at load time, far from the cause, when a Const node has no weight.
  for (const node of nodes!) {
    if (node.op === 'Const' && !weightNames.has(node.name)) {
      fail(source, `Const node ${node.name} has no entry in weightsManifest`);
    }
  }
  return graph as GraphModelJson;
}

function sliceWeights(graph: GraphModelJson, shard: Uint8Array): SourceWeight[] {
  const shardName = SOURCES.shard.path.split('/').pop();
  const paths = graph.weightsManifest.flatMap((group) => group.paths);
  if (graph.weightsManifest.length !== 1 || paths.length !== 1 || paths[0] !== shardName) {
    fail(SOURCES.graph, `weightsManifest refers to shards [${paths.join(', ')}], expected only ${shardName}`);
  }
  const specs = graph.weightsManifest[0]!.weights;
  const expected = specs.reduce((sum, spec) => sum + weightByteLength(spec)!, 0);
  if (shard.length < expected) {
    fail(SOURCES.shard, `truncated shard (expected ${expected} bytes, found ${shard.length})`);
  }
  if (shard.length > expected) {
    fail(SOURCES.shard, `shard longer than its manifest requires (expected ${expected} bytes, found ${shard.length})`);
  }
  let offset = 0;
  return specs.map((spec) => {
    const length = weightByteLength(spec)!;
    const bytes = shard.subarray(offset, offset + length);
    offset += length;
    return { spec, bytes };
  });
}

function readHead(bytes: Uint8Array): QuantizedHead {
  try {
    return readQuantizedHead(readTflite(bytes));
  } catch (error) {
    if (error instanceof TfliteFormatError) fail(SOURCES.tflite, error.message);
    throw error;
  }
}

function readLines(source: PinnedSource, bytes: Uint8Array): string[] {
  const text = new TextDecoder().decode(bytes);
  const lines = text.split('\n');
  if (lines.at(-1) === '') lines.pop();
  if (lines.length !== HEAD.numClasses) {
    fail(source, `has ${lines.length} lines, expected ${HEAD.numClasses} (background + 1000 classes)`);
  }
  if (lines[0] !== 'background') fail(source, `line 1 is "${lines[0]}", expected "background"`);
  const empty = lines.findIndex((line) => line.trim() === '');
  if (empty !== -1) fail(source, `line ${empty + 1} is empty`);
  return lines;
}
